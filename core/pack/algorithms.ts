// Named placement algorithms as planners and the command line call them: a constructive rule, an item order,
// and whether the improvement phase (Consistent Neighborhood Search, core/reference/improve.ts) follows.
// "best" is the default: on instances of up to MIN_SLACK_UNITS items the better start of the minimum-slack rule
// (MBS') and balanced fit ('mbs-or-balanced'); beyond (MBS' searches subsets per host, too slow for millions of
// items) the best of three fast starts, First Fit Decreasing, balanced fit and Next-K Fit over a shuffled order
// ('ffd-or-mixed': sorting by size puts like shapes on one host, so vectors strand capacity; balanced fit keeps as
// many hosts open as the volume bound and fills each so its two scarcest resources run out together; a shuffled
// order fills each host with close to the workload's own mix); then the improvement phase;
// on one dimension without hard rules the time-limited solve (solve.ts) adds starts from the pattern LP's
// residual rounding ("lp-rounding", core/reference/lp-rounding.ts).
import type { PackOptions, Rule, SizeKey } from '../kernel/packer';

export interface Algorithm {
  readonly rule: Rule;
  readonly order: PackOptions['order'];
  /** Run the improvement phase after the constructive pass. */
  readonly improve: boolean;
  /** solve() may add starts from the pattern LP's rounding where the LP applies ("best"). */
  readonly patternStart?: boolean;
}

/** Beyond this many items "best" starts from 'ffd-or-mixed' instead of 'mbs-or-balanced' (MBS' searches subsets per host). */
export const MIN_SLACK_UNITS = 2_000;

const CONSTRUCTIVE: Record<(typeof NAMES)[number], Omit<Algorithm, 'improve'>> = {
  ff: { rule: 'first-fit', order: 'input' },
  ffd: { rule: 'first-fit', order: 'decreasing' },
  bf: { rule: 'best-fit', order: 'input' },
  bfd: { rule: 'best-fit', order: 'decreasing' },
  wf: { rule: 'worst-fit', order: 'input' },
  wfd: { rule: 'worst-fit', order: 'decreasing' },
  nf: { rule: 'next-fit', order: 'input' },
  nfd: { rule: 'next-fit', order: 'decreasing' },
  'dot-product': { rule: 'dot-product', order: 'decreasing' },
  'l2-norm': { rule: 'l2-norm', order: 'decreasing' },
  tetris: { rule: 'tetris', order: 'decreasing' },
  'k8s-least-allocated': { rule: 'k8s-least-allocated', order: 'input' },
  'k8s-most-allocated': { rule: 'k8s-most-allocated', order: 'input' },
  'k8s-balanced': { rule: 'k8s-balanced', order: 'input' },
  random: { rule: 'random', order: 'input' },
  mbs: { rule: 'min-slack', order: 'decreasing' },
};

const NAMES = ['ff', 'ffd', 'bf', 'bfd', 'wf', 'wfd', 'nf', 'nfd', 'dot-product', 'l2-norm', 'tetris', 'k8s-least-allocated',
  'k8s-most-allocated', 'k8s-balanced', 'random', 'mbs'] as const;

/**
 * Rules the command line and benchmarks may name but scenarios may not (they are not in the scenario schema):
 * the pattern LP's rounding, Next-K Fit in input order ('nkf') or over a shuffled order ('mixed'), balanced fit
 * ('balanced'), and the starts of "best" ('mbs-or-balanced' and, at scale, 'ffd-or-mixed'), each alone or with the
 * improvement phase.
 */
const COMMAND_LINE_ONLY: Record<string, Omit<Algorithm, 'improve'>> = {
  'lp-rounding': { rule: 'lp-rounding', order: 'decreasing' },
  nkf: { rule: 'next-k-fit', order: 'input' },
  mixed: { rule: 'next-k-fit', order: 'shuffled' },
  'ffd-or-mixed': { rule: 'ffd-or-mixed', order: 'decreasing' },
  balanced: { rule: 'balanced-fit', order: 'decreasing' },
  'mbs-or-balanced': { rule: 'mbs-or-balanced', order: 'decreasing' },
};

/** The names a scenario's policy.algorithm accepts: "best", the constructive names, and each with "+cns". */
export const PLACEMENT_ALGORITHMS = ['best', ...NAMES, ...NAMES.map((n) => `${n}+cns` as const)] as const;
export type PlacementAlgorithm = (typeof PLACEMENT_ALGORITHMS)[number];
/** Every name `algorithmFor` accepts, the command-line-only ones included. */
export const ALGORITHM_NAMES: readonly string[] = [
  ...PLACEMENT_ALGORITHMS, ...Object.keys(COMMAND_LINE_ONLY).flatMap((n) => [n, `${n}+cns`]),
];

/** The algorithm for a name, for an instance of `items` items; undefined for an unknown name. */
export function algorithmFor(name: string, items: number): Algorithm | undefined {
  if (name === 'best') return { ...(items <= MIN_SLACK_UNITS ? COMMAND_LINE_ONLY['mbs-or-balanced'] : COMMAND_LINE_ONLY['ffd-or-mixed']), improve: true, patternStart: true };
  const improve = name.endsWith('+cns');
  const key = improve ? name.slice(0, -4) : name;
  const base = (CONSTRUCTIVE as Record<string, Omit<Algorithm, 'improve'>>)[key] ?? COMMAND_LINE_ONLY[key];
  return base ? { ...base, improve } : undefined;
}

/** Pack options for an algorithm; `iterations` is the improvement budget of the first call. */
export function packOptions(a: Algorithm, seed: number, sizeKey: SizeKey = 'l2', sizeDim = 0, iterations = 0, targetCost = 0): PackOptions {
  return { rule: a.rule, order: a.order, sizeKey, sizeDim, seed, iterations: a.improve ? iterations : 0, targetCost };
}
