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

export class Progress {
  private count = 0;
  constructor(private readonly onProgress?: (p: ImportProgress) => void, private readonly signal?: CancelSignal) {}

  /** Throws ImportCancelled if the signal was aborted. */
  check(): void {
    if (this.signal?.aborted) throw new ImportCancelled();
  }

  /** Reports a phase boundary at once and yields. */
  async report(p: ImportProgress): Promise<void> {
    this.check();
    this.onProgress?.(p);
    await turn();
    this.check();
  }

  /** Called per row: cheap unless a yield is due. */
  async step(phase: ImportProgress['phase'], done: number, total: number, file?: string): Promise<void> {
    if (++this.count % YIELD_EVERY !== 0) return;
    await this.report({ phase, done, total, file });
  }

  /** True when a caller looping synchronously should `await tick()`: avoids an await per row in hot loops. */
  due(): boolean {
    return ++this.count % YIELD_EVERY === 0;
  }
}
