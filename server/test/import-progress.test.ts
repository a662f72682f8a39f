import { describe, expect, it } from "vitest";
import { createProgress } from "../src/import/progress.js";

/** A stream that keeps what is written, and a clock the test moves. */
function setUp(isTTY: boolean) {
	const written: string[] = [];
	let now = 0;
	const progress = createProgress(10_000, { isTTY, columns: 100, write: (text: string) => written.push(text) }, () => now);
	return { written, progress, advance: (ms: number) => (now += ms) };
}

describe("import progress", () => {
	it("on a terminal, redraws one bar in place with percent, rate and ETA, then clears it", () => {
		const { written, progress, advance } = setUp(true);
		advance(2000);
		progress.update(2500);
		expect(written).toHaveLength(1);
		expect(written[0]).toMatch(/^\r█{5}░{15}  25%  2,500\/10,000 users  1,250\/s  ETA 6 s\x1b\[K$/);
		advance(50);
		progress.update(2600); // too soon to redraw
		expect(written).toHaveLength(1);
		advance(100);
		progress.update(3000);
		expect(written[1]).toMatch(/^\r.*  30%  3,000\/10,000 users/);
		expect(written.every((text) => !text.includes("\n"))).toBe(true);
		progress.finish(10_000);
		expect(written.at(-1)).toBe("\r\x1b[K");
	});

	it("elsewhere, prints a plain line every two seconds and a last one", () => {
		const { written, progress, advance } = setUp(false);
		advance(1000);
		progress.update(1000);
		advance(1000);
		progress.update(2000); // within two seconds of the last line
		advance(1500);
		progress.update(3500);
		progress.finish(10_000);
		expect(written).toEqual([
			"import: 1,000/10,000 users (10%), 1,000/s, about 9 s left\n",
			"import: 3,500/10,000 users (35%), 1,000/s, about 7 s left\n",
			"import: 10,000/10,000 users (100%), 2,857/s, about 0 s left\n",
		]);
	});
});
