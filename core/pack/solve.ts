// Runs a named algorithm on a packer whose arena is filled: the constructive pass, then the improvement phase
// for an iteration budget (deterministic: same seed and budget, same answer on every machine) and/or a
// wall-clock limit. The kernel has no clock, so a time limit is enforced here between chunks of iterations;
// the clock is passed in because core/ never reads one itself.
//
// "best" on one dimension without hard rules adds a second start: if the first start (minimum slack and the
// improvement phase) has not reached the target after FIRST_START_ITERATIONS iterations, the pattern LP is
// solved (core/reference/pattern-lp.ts, in chunks of steps under a time limit), its lower bound becomes part of
// the target, and the next starts begin from its residual rounding (rule 'lp-rounding') instead; an LP not
// solved within LP_TIME_SHARE of the time limit gives way to the usual restarts. After the start from the
// root LP's rounding (given up to ROOT_START_SHARE of the time limit), a dive on the LP
// (core/reference/pattern-lp.ts, dive: residual rounding repeated, the residual LP re-solved after each level,
// with limited backtracking) fixes patterns until DIVE_LEAVE hosts of the bound are left, within
// DIVE_TIME_SHARE of the time limit; the later starts begin from its rounding, which places the fixed patterns
// first, and the improvement phase searches the hosts left. Without a clock the dive comes before the one LP start. Hard instances whose optimal packings leave almost no slack (hard28) are out of
// reach of local search from a greedy start, while the LP's whole patterns fill most hosts exactly.
import { DIVE_MAX_STEPS, LP_MAX_STEPS } from '../../assembly/abi';
import { copyOutcome, type Packer, type PackOutcome, type PatternDiveStatus, type PatternLpStatus, type SizeKey } from '../kernel/packer';
import { algorithmFor, packOptions, type Algorithm } from './algorithms';

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

/** Improvement iterations of the first start before "best" turns to the pattern LP (where it applies). */
export const FIRST_START_ITERATIONS = 2_000;

/** Share of the time limit the pattern LP may take; an LP still running then gives way to the usual restarts. */
export const LP_TIME_SHARE = 0.5;

/**
 * Share of the time limit by which the start from the root LP's rounding ends when a dive follows it. The root
 * rounding's start is a short early chance; the dive is what packs the instances it leaves (on hard28, every
 * instance packed after the root start was packed right after the dive), so the dive should not wait. At 0.6
 * (before) the root start's improvement took 270–400 ms of the second on the five instances the dive then packed;
 * at 0.3 those five were packed in 0.37–0.59 s instead of 0.46–0.96 s, and the instances the root start packs
 * still were (hard28's visible instances at 1 s and 0.7 s; the other 1-D sets unchanged).
 */
export const ROOT_START_SHARE = 0.3;

/** Share of the time limit by which the dive on the LP ends (fixed patterns so far stand); the rest improves. */
export const DIVE_TIME_SHARE = 0.8;

/**
 * Hosts of the LP bound the dive leaves to the minimum-slack rule and the improvement phase. Chosen among 10, 15,
 * 20 and 35 on hard28's visible instances (reference packer, 20 000 improvement iterations): diving to the end
 * leaves the improvement phase nothing to repair; leaving many hosts loses what the dive is for.
 */
export const DIVE_LEAVE = 20;

export class UnknownAlgorithmError extends Error {}

const better = (a: PackOutcome, b: PackOutcome | null) =>
  b === null || a.cost < b.cost || (a.cost === b.cost && a.unplaced < b.unplaced);

/** Reached a proven bound: the cost target, or (the LP's bound) as few hosts as the bound with everything placed. */
const atTarget = (o: PackOutcome, target: number, lpBound: number) =>
  o.cost <= target || (lpBound > 0 && o.unplaced === 0 && o.hostsUsed <= lpBound);

export function solve(packer: Packer, items: number, o: SolveOptions): PackOutcome {
  const algorithm = algorithmFor(o.algorithm, items);
  if (!algorithm) throw new UnknownAlgorithmError(`unknown algorithm "${o.algorithm}"`);
  const target = o.targetCost ?? 0;
  const timed = o.timeLimit !== undefined && o.now !== undefined;
  const budget = o.iterations ?? (timed ? Number.POSITIVE_INFINITY : DEFAULT_ITERATIONS);
  const withLp = algorithm.patternStart && algorithm.improve && packer.patternLp(0).state !== 'ineligible';
  if (!withLp && (!algorithm.improve || !timed)) {
    return packer.pack(packOptions(algorithm, o.seed, o.sizeKey, o.sizeDim, Math.min(budget, 2 ** 31 - 1), target));
  }
  const now = timed ? o.now! : () => 0;
  const start = now();
  const left = () => (timed ? o.timeLimit! - (now() - start) : Number.POSITIVE_INFINITY);
  let best: PackOutcome | null = null;
  let total = 0; // improvement iterations over every start
  let lpBound = 0;
  let lpStarts = withLp; // later starts begin from the LP's rounding
  let diveNext = false;
  const keep = (out: PackOutcome) => {
    total += out.iterations;
    best = { ...(better(out, best) ? copyOutcome(out) : best!), iterations: total };
  };
  // The search gives up on a packing after a number of failed rounds; with time left, it starts again from
  // the constructive pass with the next seed (other tie-breaks, other rounds), and the best packing is kept.
  for (let k = 0; ; k++) {
    if (lpStarts && k === 1) {
      const lp = runPatternLp(packer, () => Math.min(left(), o.timeLimit! * LP_TIME_SHARE - (now() - start)), timed);
      lpBound = lp.bound;
      if (atTarget(best!, target, lpBound) || left() <= 0) return best!;
      lpStarts = lp.state !== 'running'; // not done in its share of the time: the usual restarts instead
      // Without a clock the dive runs to its end before the one LP start; with one, the root LP's rounding
      // has its start first (up to ROOT_START_SHARE of the time limit) and the dive comes after it.
      diveNext = lp.state === 'optimal';
      if (diveNext && !timed) {
        diveNext = false;
        runPatternDive(packer, () => Number.POSITIVE_INFINITY, timed);
      }
    }
    const lpStart = lpStarts && k > 0;
    const cap = withLp && k === 0 ? Math.min(budget, FIRST_START_ITERATIONS) : budget - total;
    const startLeft = diveNext ? () => Math.min(left(), o.timeLimit! * ROOT_START_SHARE - (now() - start)) : left;
    const out = runStart(packer, { ...algorithm, rule: lpStart ? 'lp-rounding' : algorithm.rule }, o, o.seed + k, cap, target, lpBound, startLeft, timed);
    keep(out);
    if (diveNext) {
      diveNext = false;
      if (atTarget(best!, target, lpBound) || left() <= 0 || total >= budget) return best!;
      runPatternDive(packer, () => Math.min(left(), o.timeLimit! * DIVE_TIME_SHARE - (now() - start)), timed);
      if (left() <= 0) return best!;
      continue;
    }
    if (atTarget(best!, target, lpBound) || left() <= 0 || total >= budget) return best!;
    // Without a clock the first start gives way to the LP start, and that one is the last.
    if (!timed && (!withLp || k >= 1)) return best!;
    // A start that gave up, or the first start cut short for the LP, is followed by the next one.
    if (out.done || (withLp && k === 0)) continue;
    return best!;
  }
}

/** The pattern LP in chunks while time is left (all of it, up to the kernel's step cap, without a clock). */
function runPatternLp(packer: Packer, left: () => number, timed: boolean): PatternLpStatus {
  if (!timed) return packer.patternLp(LP_MAX_STEPS);
  let st = packer.patternLp(0);
  let chunk = 16;
  while (st.state === 'running' && left() > 0) {
    const t0 = left();
    st = packer.patternLp(chunk);
    chunk = nextChunk(chunk, t0 - left(), 1 << 16);
  }
  return st;
}

/** The dive on the pattern LP in chunks while time is left (to its end without a clock). */
function runPatternDive(packer: Packer, left: () => number, timed: boolean): PatternDiveStatus {
  if (!timed) return packer.patternDive(LP_MAX_STEPS + DIVE_MAX_STEPS, DIVE_LEAVE);
  let st = packer.patternDive(0, DIVE_LEAVE);
  let chunk = 16;
  while ((st.state === 'none' || st.state === 'running') && left() > 0) {
    const t0 = left();
    st = packer.patternDive(chunk, DIVE_LEAVE);
    chunk = nextChunk(chunk, t0 - left(), 1 << 16);
  }
  return st;
}

/**
 * The next chunk of kernel work, sized to take about 10 ms so a time limit is overshot by little. Growth at most
 * doubles, since work gets dearer as a search goes on (larger trash cans, deeper repacks, a larger LP basis): a
 * chunk sized on cheap early steps could otherwise overrun the limit by seconds.
 */
function nextChunk(chunk: number, spent: number, most: number): number {
  return Math.max(16, Math.min(chunk * 2, most, spent > 0 ? Math.round(chunk * 0.01 / spent) : chunk * 2));
}

/** One start: the constructive pass, then improvement chunks until the target, a cap, giving up or the clock. */
function runStart(packer: Packer, a: Algorithm, o: SolveOptions, seed: number, cap: number, target: number, lpBound: number,
  left: () => number, timed: boolean): PackOutcome {
  if (!timed) return packer.pack(packOptions(a, seed, o.sizeKey, o.sizeDim, Math.min(cap, 2 ** 31 - 1), target));
  let out = packer.pack(packOptions(a, seed, o.sizeKey, o.sizeDim, 0, target));
  let chunk = 64;
  while (!out.done && out.iterations < cap && left() > 0 && !atTarget(out, target, lpBound)) {
    const t0 = left();
    out = packer.improve(Math.min(chunk, cap - out.iterations), target);
    chunk = nextChunk(chunk, t0 - left(), 1 << 20);
  }
  return out;
}
