// Runs a named algorithm on a packer whose arena is filled: the constructive pass, then the improvement phase
// for an iteration budget (deterministic: same seed and budget, same answer on every machine) and/or a
// wall-clock limit. The kernel has no clock, so a time limit is enforced here between chunks of iterations;
// the clock is passed in because core/ never reads one itself.
import { copyOutcome, type Packer, type PackOutcome, type SizeKey } from '../kernel/packer';
import { algorithmFor, packOptions } from './algorithms';

export interface SolveOptions {
  readonly algorithm: string;
  readonly seed: number;
  readonly sizeKey?: SizeKey;
  readonly sizeDim?: number;
  /** Improvement iterations at most (default: no cap when a time limit is set, else DEFAULT_ITERATIONS). */
  readonly iterations?: number;
  /** Seconds for the whole solve, measured with `now`. */
  readonly timeLimit?: number;
  /** Seconds since some fixed point (e.g. performance.now() / 1000). */
  readonly now?: () => number;
  /** Stop improving at or below this cost (0: none), e.g. a proven lower bound. */
  readonly targetCost?: number;
}

/** Improvement budget when neither iterations nor a time limit is given. */
export const DEFAULT_ITERATIONS = 50_000;

export class UnknownAlgorithmError extends Error {}

export function solve(packer: Packer, items: number, o: SolveOptions): PackOutcome {
  const algorithm = algorithmFor(o.algorithm, items);
  if (!algorithm) throw new UnknownAlgorithmError(`unknown algorithm "${o.algorithm}"`);
  const target = o.targetCost ?? 0;
  const timed = o.timeLimit !== undefined && o.now !== undefined;
  const budget = o.iterations ?? (timed ? Number.POSITIVE_INFINITY : DEFAULT_ITERATIONS);
  if (!algorithm.improve || !timed) {
    return packer.pack(packOptions(algorithm, o.seed, o.sizeKey, o.sizeDim, Math.min(budget, 2 ** 31 - 1), target));
  }
  const now = o.now!;
  const start = now();
  const left = () => o.timeLimit! - (now() - start);
  let best: PackOutcome | null = null;
  let total = 0; // improvement iterations over every start
  // The search gives up on a packing after a number of failed rounds; with time left, it starts again from
  // the constructive pass with the next seed (other tie-breaks, other rounds), and the best packing is kept.
  for (let seed = o.seed; ; seed++) {
    let out = packer.pack(packOptions(algorithm, seed, o.sizeKey, o.sizeDim, 0, target));
    // Chunks sized to take about 10 ms, so the limit is overshot by little.
    let chunk = 64;
    while (!out.done && total + out.iterations < budget && left() > 0) {
      const t0 = now();
      out = packer.improve(Math.min(chunk, budget - total - out.iterations), target);
      const spent = now() - t0;
      // Growth at most doubles, since iterations get dearer as a search goes on (larger trash cans, deeper
      // repacks): a chunk sized on cheap early iterations could otherwise overrun the limit by seconds.
      chunk = Math.max(16, Math.min(chunk * 2, 1 << 20, spent > 0 ? Math.round(chunk * 0.01 / spent) : chunk * 2));
    }
    total += out.iterations;
    const better = best === null || out.cost < best.cost || (out.cost === best.cost && out.unplaced < best.unplaced);
    const kept: PackOutcome = better ? copyOutcome(out) : best!;
    best = { ...kept, iterations: total };
    if (best.cost <= target || !out.done || left() <= 0 || total >= budget) return best;
  }
}
