// The contract every packer implements: the WASM kernel (wasm-packer.ts) and the TypeScript reference
// (../reference/reference-packer.ts). Both expose the same flat arrays, so encoders and decoders are shared
// and differential tests compare them element by element.
import {
  ALG_BALANCED_FIT, ALG_BEST_FIT, ALG_DOT_PRODUCT, ALG_MBS_OR_BALANCED, ALG_FFD_OR_MIXED, ALG_FIRST_FIT, ALG_K8S_BALANCED, ALG_K8S_LEAST, ALG_K8S_MOST,
  ALG_L2_NORM, ALG_LP_ROUNDING, ALG_MIN_SLACK, ALG_NEXT_FIT, ALG_NEXT_K_FIT, ALG_RANDOM, ALG_TETRIS, ALG_WORST_FIT,
  DIVE_DONE, DIVE_NONE, DIVE_RUNNING, DIVE_STOPPED, LP_INELIGIBLE, LP_NONE, LP_OPTIMAL, LP_RUNNING, LP_STOPPED, HOST_ORDER_GIVEN, HOST_ORDER_MIX, HOST_ORDER_RANKED, ORDER_DECREASING, ORDER_INPUT, ORDER_SHUFFLED, SIZE_KEY_DIM,
  SIZE_KEY_L2, SIZE_KEY_MAX, SIZE_KEY_SUM,
} from '../../assembly/abi';

/** Size of an item (normalised per dimension by the largest host capacity): sort key and residual measure. */
export type SizeKey = 'max' | 'sum' | 'l2' | 'dim';

export const SIZE_KEY_CODE: Record<SizeKey, number> = { max: SIZE_KEY_MAX, sum: SIZE_KEY_SUM, l2: SIZE_KEY_L2, dim: SIZE_KEY_DIM };

/** Placement rules of the constructive pass (abi.ts ALG_* has the sources). */
export type Rule =
  | 'first-fit' | 'best-fit' | 'worst-fit' | 'next-fit' | 'dot-product' | 'l2-norm' | 'tetris'
  | 'k8s-least-allocated' | 'k8s-most-allocated' | 'k8s-balanced' | 'random' | 'min-slack' | 'lp-rounding'
  | 'next-k-fit' | 'ffd-or-mixed' | 'balanced-fit' | 'mbs-or-balanced';

export const RULE_CODE: Record<Rule, number> = {
  'first-fit': ALG_FIRST_FIT, 'best-fit': ALG_BEST_FIT, 'worst-fit': ALG_WORST_FIT, 'next-fit': ALG_NEXT_FIT,
  'dot-product': ALG_DOT_PRODUCT, 'l2-norm': ALG_L2_NORM, tetris: ALG_TETRIS, 'k8s-least-allocated': ALG_K8S_LEAST,
  'k8s-most-allocated': ALG_K8S_MOST, 'k8s-balanced': ALG_K8S_BALANCED, random: ALG_RANDOM, 'min-slack': ALG_MIN_SLACK,
  'lp-rounding': ALG_LP_ROUNDING, 'next-k-fit': ALG_NEXT_K_FIT, 'ffd-or-mixed': ALG_FFD_OR_MIXED,
  'balanced-fit': ALG_BALANCED_FIT, 'mbs-or-balanced': ALG_MBS_OR_BALANCED,
};
export const RULES = Object.keys(RULE_CODE) as Rule[];
/** The rule of each ALG_* code. */
export const RULE_OF_CODE: Readonly<Record<number, Rule>> = Object.fromEntries(RULES.map((r) => [RULE_CODE[r], r]));

export type ItemOrder = 'input' | 'decreasing' | 'shuffled';
export const ORDER_CODE: Record<ItemOrder, number> = { input: ORDER_INPUT, decreasing: ORDER_DECREASING, shuffled: ORDER_SHUFFLED };
export const HOST_ORDER_CODE: Record<HostOrderPolicy, number> = { mix: HOST_ORDER_MIX, ranked: HOST_ORDER_RANKED, given: HOST_ORDER_GIVEN };

export interface PackOptions {
  readonly rule: Rule;
  /**
   * 'input': items in arena order (online); 'decreasing': by `sizeKey`, largest first (stable); 'shuffled': a seeded
   * uniform shuffle. Rule 'ffd-or-mixed' sets its own orders (decreasing, then shuffled).
   */
  readonly order: ItemOrder;
  readonly sizeKey: SizeKey;
  /** Dimension used when sizeKey is 'dim'. */
  readonly sizeDim: number;
  readonly seed: number;
  /** Improvement-phase iterations to run right after the constructive pass (0: none). */
  readonly iterations: number;
  /** Stop improving once the cost of used hosts is at or below this (0: no target). */
  readonly targetCost: number;
  /**
   * 'mix' (the default): hosts ranked by carry per cost, in a pool of several host models a greedy mix of models first
   * (assembly/pack/host-order.ts); 'ranked': by carry per cost alone, as a second opinion to compare with; 'given':
   * arena order, for callers whose host order is itself the policy (failure headroom: survivors' free room first, then
   * spares).
   */
  readonly hostOrder?: HostOrderPolicy;
}

export type HostOrderPolicy = 'mix' | 'ranked' | 'given';

export const DEFAULT_PACK_OPTIONS: PackOptions = {
  rule: 'first-fit', order: 'decreasing', sizeKey: 'l2', sizeDim: 0, seed: 1, iterations: 0, targetCost: 0,
};

/** Extra arena sizes beyond hosts × items × dims. */
export interface ArenaShape {
  /** 32-bit words of label bits per host and item (0: no labels). */
  readonly labelWords?: number;
  /** Number of spread groups. */
  readonly spreadGroups?: number;
}

/**
 * Inputs, written by the caller after `reserve` (which fills every array with its default). Matrices are
 * row-major: host × dimension, item × dimension, host × label word, item × label word.
 */
export interface PackArena {
  readonly hosts: number;
  readonly items: number;
  readonly dims: number;
  readonly labelWords: number;
  readonly spreadGroups: number;
  readonly hostCapacity: Float64Array;
  /** Item limit per host (e.g. max pods per node); 0 means no limit. */
  readonly hostMaxItems: Int32Array;
  /** Cost of running the host; default 1 (minimising cost = minimising the count). */
  readonly hostCost: Float64Array;
  /** Failure-domain ids (>= 0) of the host's rack and site; default 0. */
  readonly hostRack: Int32Array;
  readonly hostSite: Int32Array;
  /** Label bits the host offers. */
  readonly hostLabels: Int32Array;
  readonly itemDemand: Float64Array;
  /** Tenant id (>= 0); default 0. */
  readonly itemTenant: Int32Array;
  /** EXCLUSIVE_* isolation level; default none. */
  readonly itemExclusive: Int32Array;
  /** Spread group, -1 for none (default). */
  readonly itemSpread: Int32Array;
  /** Affinity group in [0, items), -1 for none (default): items of one group go to one host or none. */
  readonly itemAffinity: Int32Array;
  /** Label bits the item requires of its host. */
  readonly itemLabels: Int32Array;
  /** DOMAIN_* of each spread group; default host. */
  readonly spreadLevel: Int32Array;
  /** Most items of the group per domain (>= 1); default 1. */
  readonly spreadMax: Int32Array;
}

/** Outputs. For the WASM packer these are views into kernel memory, valid until the next `reserve`. */
export interface PackOutcome {
  readonly hostsUsed: number;
  /** Host index per item, -1 when unplaced. */
  readonly itemHost: Int32Array;
  /** REASON_* code per item (abi.ts). */
  readonly itemReason: Int32Array;
  readonly hostResidual: Float64Array;
  readonly hostItems: Int32Array;
  /** Items in the order the constructive pass decided on them. */
  readonly itemOrder: Int32Array;
  /** Host per item after the constructive pass, before the improvement phase. */
  readonly itemFirstHost: Int32Array;
  /** Σ cost of used hosts. */
  readonly cost: number;
  readonly constructiveHosts: number;
  readonly constructiveCost: number;
  /** The constructive rule that made the start (the winning start of 'ffd-or-mixed' and 'mbs-or-balanced'). */
  readonly startRule: Rule;
  /** Improvement iterations spent so far, and hosts they emptied. */
  readonly iterations: number;
  readonly improvements: number;
  /** Feasibility checks the improvement phase's tabu moves spent (each a host giving up and taking a set of units). */
  readonly moveChecks: number;
  /** Search nodes the improvement phase's refills spent (Pack(b): a host refilled from its units and the trash can). */
  readonly refillNodes: number;
  /** The improvement phase has nothing left to try (target reached, or it gave up). */
  readonly done: boolean;
  readonly unplaced: number;
  /** The host order opened a mix of host models first, ahead of the ranked order (so 'ranked' would differ). */
  readonly mixedOrder: boolean;
}

/** A copy of a filled arena's inputs (its views are overwritten by the next reserve), to re-pack or replay. */
export type ArenaInputs = Omit<PackArena, never>;

export function copyInputs(a: PackArena): ArenaInputs {
  return {
    hosts: a.hosts, items: a.items, dims: a.dims, labelWords: a.labelWords, spreadGroups: a.spreadGroups,
    hostCapacity: a.hostCapacity.slice(), hostMaxItems: a.hostMaxItems.slice(), hostCost: a.hostCost.slice(),
    hostRack: a.hostRack.slice(), hostSite: a.hostSite.slice(), hostLabels: a.hostLabels.slice(),
    itemDemand: a.itemDemand.slice(), itemTenant: a.itemTenant.slice(), itemExclusive: a.itemExclusive.slice(),
    itemSpread: a.itemSpread.slice(), itemAffinity: a.itemAffinity.slice(), itemLabels: a.itemLabels.slice(),
    spreadLevel: a.spreadLevel.slice(), spreadMax: a.spreadMax.slice(),
  };
}

/** A packer's outcome arrays are views of its memory, overwritten by its next call: a copy to keep. */
export function copyOutcome(o: PackOutcome): PackOutcome {
  return {
    ...o, itemHost: o.itemHost.slice(), itemReason: o.itemReason.slice(), hostResidual: o.hostResidual.slice(),
    hostItems: o.hostItems.slice(), itemOrder: o.itemOrder.slice(), itemFirstHost: o.itemFirstHost.slice(),
  };
}

/** Where the pattern LP (core/reference/pattern-lp.ts) of the reserved instance stands. */
export interface PatternLpStatus {
  readonly state: 'none' | 'running' | 'optimal' | 'stopped' | 'ineligible';
  /** Lower bound on hosts from the LP's prices (0 before any pricing round). */
  readonly bound: number;
  /** Objective of the restricted master: fractional hosts. */
  readonly value: number;
  readonly steps: number;
}

export const LP_STATE_NAME: Record<number, PatternLpStatus['state']> = {
  [LP_NONE]: 'none', [LP_RUNNING]: 'running', [LP_OPTIMAL]: 'optimal', [LP_STOPPED]: 'stopped', [LP_INELIGIBLE]: 'ineligible',
};

export interface PatternDiveStatus {
  readonly state: 'none' | 'running' | 'done' | 'stopped';
  /** Hosts holding a pattern fixed so far. */
  readonly hosts: number;
  /** The root LP's lower bound on hosts (0 before any pricing round). */
  readonly bound: number;
  /** Steps of the LP and the dive spent so far. */
  readonly steps: number;
}

export const DIVE_STATE_NAME: Record<number, PatternDiveStatus['state']> = {
  [DIVE_NONE]: 'none', [DIVE_RUNNING]: 'running', [DIVE_DONE]: 'done', [DIVE_STOPPED]: 'stopped',
};

export interface Packer {
  readonly name: 'wasm' | 'reference';
  reserve(hosts: number, items: number, dims: number, shape?: ArenaShape): PackArena;
  /** Constructive pass, then `options.iterations` improvement iterations. */
  pack(options: PackOptions): PackOutcome;
  /** More improvement iterations on the last packing (same answer as asking for them all at once). */
  improve(iterations: number, targetCost: number): PackOutcome;
  /**
   * Lifts label word `word` off every item of the last packing: `improve` then goes on without what it required
   * (a restriction that guided only the constructive pass, core/plan/pack-model.ts).
   */
  liftItemLabels(word: number): void;
  /**
   * Up to `steps` more steps of the pattern LP of the arena's inputs (kept until the next reserve, set up again
   * if the item sizes changed), so a caller can spend a time limit on it in chunks; the 'lp-rounding' rule then
   * uses it as it stands.
   */
  patternLp(steps: number): PatternLpStatus;
  /**
   * Up to `steps` more steps of the dive on the pattern LP (the root LP to its optimum first, then residual
   * rounding repeated: patterns fixed, the residual LP re-solved); the 'lp-rounding' rule places the fixed
   * patterns first. The root LP's status (patternLp) stays as it was at the dive's start. The dive ends with at
   * most `leave` hosts of its target left unfixed (the same `leave` on every call of one dive).
   */
  patternDive(steps: number, leave: number): PatternDiveStatus;
  /** First Fit Decreasing by `sizeKey`, no improvement: the baseline. */
  firstFitDecreasing(sizeKey: SizeKey): PackOutcome;
  /** An independent packer of the same kind (separate arena), for work that must not disturb this one. */
  fork?(): Packer;
}
