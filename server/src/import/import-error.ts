/** A problem the person running the import can fix, told in one sentence; printed without a stack. */
export class ImportError extends Error {
	override name = "ImportError";
}
