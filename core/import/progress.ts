// Progress and cancellation for long imports. The pipeline calls `step` for every row; every YIELD_EVERY rows
// it reports progress, gives the event loop a turn (so a worker can receive "cancel" while an import runs) and
// checks the signal. Core has no clock: throttling is by row count.
import { ImportCancelled, type CancelSignal, type ImportProgress } from './types';

const YIELD_EVERY = 20_000;

type Timer = (fn: () => void, ms: number) => unknown;
const timer = (globalThis as unknown as { setTimeout?: Timer }).setTimeout;

/** A macrotask turn: lets pending messages (cancel) in. Microtasks would not. */
function turn(): Promise<void> {
  return new Promise((resolve) => { if (timer) timer(resolve, 0); else resolve(); });
}

/** A phase over at least this many bytes or rows yields at its boundaries too (small imports never wait). */
const LARGE = 1_000_000;

export class Progress {
  private count = 0;
  private lastYield = 0;
  constructor(private readonly onProgress?: (p: ImportProgress) => void, private readonly signal?: CancelSignal) {}

  /** Throws ImportCancelled if the signal was aborted. */
  check(): void {
    if (this.signal?.aborted) throw new ImportCancelled();
  }

  /** Reports progress; yields to the event loop when enough work passed since the last yield (or the phase is large). */
  async report(p: ImportProgress): Promise<void> {
    this.check();
    this.onProgress?.(p);
    if (this.count - this.lastYield >= YIELD_EVERY || p.total >= LARGE) {
      this.lastYield = this.count;
      await turn();
      this.check();
    }
  }

  /** Counts one row; true when the caller should `await report(…)` (avoids an await per row in hot loops). */
  due(): boolean {
    return ++this.count - this.lastYield >= YIELD_EVERY;
  }
}
