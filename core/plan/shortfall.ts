// Where the pool ran out — instances left unplaced for lack of room, of item slots, or of hosts enough for a spread,
// isolation or affinity rule — how many hosts they and the placed ones need at least. The bound is the plan's own
// (volume or L2, and what the rules force) over those instances, and it counts hosts beyond the pool as more of the
// pool's largest model in the binding resource (coverCount), so the planner reads how far the pool falls short:
// "at least N hosts, M more than the pool's". Instances no host could hold (too large, no flavour, no host with
// their labels) are not counted: more hosts of the same models would not place them, and the unplaced list names
// them. Counting fewer instances only lowers a lower bound, so it stays one.
import { REASON_AFFINITY, REASON_ISOLATION, REASON_MAX_ITEMS, REASON_NO_ROOM, REASON_SPREAD } from '../../assembly/abi';
import { DIMENSIONS, type Dimension } from '../model/dimensions';
import type { HostGroup } from '../model/expansion';
import type { LowerBound } from './bounds';
import { totalCount } from './encode';

export interface PoolShortfall {
  /** Instances left that more hosts could hold (lack of room, slots, or hosts for a spread, isolation or affinity rule). */
  readonly instances: number;
  /** Hosts those and the placed instances need at least. */
  readonly hostsAtLeast: number;
  /** How many of them the pool lacks: hostsAtLeast − the hosts in the pool (0 if the pool has as many). */
  readonly extraHosts: number;
  /** What makes the bound: a resource, 'items' (slots) or a rule (LowerBound.by). */
  readonly by: string | null;
  /** The host model the hosts beyond the pool are counted as (extensionModel). */
  readonly hostModel: string | null;
}

/**
 * The host model one more host is counted as: the pool's largest in the binding resource or in item slots, the first
 * on a tie (as coverCount extends the pool); where a rule makes the bound, the pool's most numerous model.
 */
export function extensionModel(groups: readonly HostGroup[], by: string | null): string | null {
  if (groups.length === 0) return null;
  const d = DIMENSIONS.indexOf(by as Dimension);
  const hostsOf = new Map<string, number>();
  for (const g of groups) hostsOf.set(g.modelId, (hostsOf.get(g.modelId) ?? 0) + g.count);
  const size = d >= 0 ? (g: HostGroup) => g.allocatable[d] : by === 'items' ? (g: HostGroup) => g.maxItems : (g: HostGroup) => hostsOf.get(g.modelId)!;
  let best = groups[0];
  for (const g of groups) if (size(g) > size(best)) best = g;
  return best.modelId;
}

/**
 * The items to bound, as an itemHost-like mask: ≥ 0 for each placed item and each left that more hosts could hold,
 * −1 for the rest; and how many were left that more hosts could hold.
 */
export function shortMask(itemHost: ArrayLike<number>, reasonOf: (i: number) => number): { mask: Int32Array; short: number } {
  const mask = new Int32Array(itemHost.length);
  let short = 0;
  for (let i = 0; i < itemHost.length; i++) {
    if (itemHost[i] >= 0) { mask[i] = itemHost[i]; continue; }
    const r = reasonOf(i);
    const left = r === REASON_NO_ROOM || r === REASON_MAX_ITEMS || r === REASON_SPREAD || r === REASON_ISOLATION || r === REASON_AFFINITY;
    mask[i] = left ? 0 : -1;
    if (left) short++;
  }
  return { mask, short };
}

/** The shortfall, from the bound over shortMask's items; null when nothing was left that more hosts could hold. */
export function poolShortfall(bound: LowerBound, short: number, pool: readonly HostGroup[]): PoolShortfall | null {
  if (short === 0 || bound.hosts === null) return null;
  return { instances: short, hostsAtLeast: bound.hosts, extraHosts: Math.max(0, bound.hosts - totalCount(pool)), by: bound.by, hostModel: extensionModel(pool, bound.by) };
}
