import { appendFileSync } from "node:fs";
import { inject } from "vitest";

/** One row of the reliability table: what was done, what was measured, and what was lost where that applies. */
export interface Figure {
	scenario: string;
	/** What was measured, in words a person reads: "1,200 requests, 14 failed (503 SERVER_BUSY), recovered in 0.8 s". */
	result: string;
	/** Data that should have survived and did not (users, sessions, rows). Omit where nothing could be lost. */
	lost?: number;
}

/** Records a row; the reliability project's global setup prints them all as one table at the end. */
export function recordFigure(figure: Figure): void {
	appendFileSync(inject("figuresFile"), `${JSON.stringify(figure)}\n`);
}
