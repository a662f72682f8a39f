/** Where progress is shown: stderr, so that stdout carries only the report (or its JSON). */
export interface ProgressStream {
	write(text: string): unknown;
	isTTY?: boolean;
	columns?: number;
}

export interface Progress {
	/** `done` users of `total` handled so far. */
	update(done: number): void;
	/** Clears the bar (or prints the last line). */
	finish(done: number): void;
}

const BAR_WIDTH = 20;
/** Redraws of the bar at most this often: drawing costs more than it tells past ~10 per second. */
const TTY_INTERVAL_MS = 100;
const LINE_INTERVAL_MS = 2000;

/**
 * A bar with rate and ETA on a terminal; on anything else (a log file, CI) a plain line every
 * two seconds, so logs stay readable.
 */
export function createProgress(total: number, stream: ProgressStream, now: () => number = performance.now.bind(performance)): Progress {
	const started = now();
	let lastDrawn = -Infinity;
	let lastDone = -1;
	const tty = Boolean(stream.isTTY);
	const interval = tty ? TTY_INTERVAL_MS : LINE_INTERVAL_MS;

	const describe = (done: number) => {
		const seconds = (now() - started) / 1000;
		const rate = seconds > 0 ? done / seconds : 0;
		const left = rate > 0 ? (total - done) / rate : Number.NaN;
		const percent = total > 0 ? Math.floor((done / total) * 100) : 100;
		return { rate, left, percent };
	};

	const draw = (done: number) => {
		lastDone = done;
		const { rate, left, percent } = describe(done);
		const counts = `${done.toLocaleString("en-US")}/${total.toLocaleString("en-US")} users`;
		const speed = `${Math.round(rate).toLocaleString("en-US")}/s`;
		if (tty) {
			const filled = total > 0 ? Math.round((done / total) * BAR_WIDTH) : BAR_WIDTH;
			const bar = `${"█".repeat(filled)}${"░".repeat(BAR_WIDTH - filled)}`;
			const line = `${bar} ${String(percent).padStart(3)}%  ${counts}  ${speed}  ETA ${formatSeconds(left)}`;
			// A terminal of unknown size reports 0 columns.
			stream.write(`\r${line.slice(0, (stream.columns || 120) - 1)}\x1b[K`);
		} else {
			stream.write(`import: ${counts} (${percent}%), ${speed}, about ${formatSeconds(left)} left\n`);
		}
	};

	return {
		update(done) {
			if (now() - lastDrawn < interval) return;
			lastDrawn = now();
			draw(done);
		},
		finish(done) {
			if (tty) stream.write("\r\x1b[K");
			else if (done !== lastDone) draw(done);
		},
	};
}

function formatSeconds(seconds: number): string {
	if (!Number.isFinite(seconds)) return "…";
	const s = Math.ceil(seconds);
	return s < 60 ? `${s} s` : `${Math.floor(s / 60)} min ${s % 60} s`;
}
