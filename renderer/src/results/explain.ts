// Why an item went to its host, or why it went nowhere, for First Fit Decreasing: the packing is replayed in
// the kernel's own order up to that item, and every host before the chosen one is checked for the rule that
// turned it down (a dimension without room, or the pod limit). The replay must land on the host the kernel
// chose; if it does not (another algorithm, or rules the replay does not model) no reason is claimed.
import { REASON_MAX_ITEMS, REASON_NO_ROOM, REASON_TOO_LARGE } from '../../../assembly/abi';
import { groupAt } from './host-map';
import type { ModelPlacement } from './placement';

export type Rule = 'dimension' | 'items';

export interface RuledOut {
  /** The rule: not enough room in a dimension, or the host's item (pod) limit. */
  readonly rule: Rule;
  /** Dimension index when rule is 'dimension'. */
  readonly dimension: number;
  readonly hosts: number;
}

export interface Explanation {
  readonly item: number;
  /** Position of the item in the packing order (0 = packed first: the largest). */
  readonly position: number;
  readonly host: number;
  readonly reason: 'placed' | 'too-large' | 'no-room' | 'max-items' | 'other';
  /** Hosts examined before the chosen one (or all, when unplaced), by the rule that turned each down. */
  readonly ruledOut: readonly RuledOut[];
  /** Dimensions in which the item exceeds every host even when empty (too-large). */
  readonly tooLargeIn: readonly number[];
  /** The replay reproduced the kernel's decision, so `ruledOut` is what really happened. */
  readonly verified: boolean;
}

const REASONS: Record<number, Explanation['reason']> = { [REASON_TOO_LARGE]: 'too-large', [REASON_NO_ROOM]: 'no-room', [REASON_MAX_ITEMS]: 'max-items' };

export function explainItem(m: ModelPlacement, item: number): Explanation {
  const D = m.dims;
  const hosts = m.hostItems.length;
  const group = groupAt(m.itemGroups, item);
  const demand = group?.demand ?? [];
  const limit = (h: number) => groupAt(m.hostGroups, h)?.maxItems ?? 0;
  // Replay: residual capacity and item counts just before `item` was packed.
  const residual = new Float64Array(hosts * D);
  const count = new Int32Array(hosts);
  for (const g of m.hostGroups) for (let h = g.start; h < g.start + g.count; h++) for (let d = 0; d < D; d++) residual[h * D + d] = g.allocatable[d];
  let position = -1;
  for (let k = 0; k < m.itemOrder.length; k++) {
    const i = m.itemOrder[k];
    if (i === item) { position = k; break; }
    const h = m.itemHost[i];
    if (h < 0) continue;
    const g = groupAt(m.itemGroups, i);
    if (!g) continue;
    for (let d = 0; d < D; d++) residual[h * D + d] -= g.demand[d];
    count[h]++;
  }
  const host = m.itemHost[item];
  const stop = host >= 0 ? host : hosts;
  const tally = new Map<string, RuledOut>();
  let firstFit = -1;
  for (let h = 0; h < hosts; h++) {
    let short = -1;
    for (let d = 0; d < D; d++) if (demand[d] > residual[h * D + d]) { short = d; break; }
    const full = short < 0 && limit(h) > 0 && count[h] >= limit(h);
    if (short < 0 && !full) { if (firstFit < 0) firstFit = h; if (h >= stop) break; continue; }
    if (h >= stop) continue;
    const key = full ? 'items' : `d${short}`;
    const prev = tally.get(key);
    tally.set(key, { rule: full ? 'items' : 'dimension', dimension: full ? -1 : short, hosts: (prev?.hosts ?? 0) + 1 });
  }
  const tooLargeIn: number[] = [];
  for (let d = 0; d < D; d++) {
    let largest = 0;
    for (const g of m.hostGroups) largest = Math.max(largest, g.allocatable[d]);
    if (demand[d] > largest) tooLargeIn.push(d);
  }
  const reason = host >= 0 ? 'placed' : REASONS[m.itemReason[item]] ?? 'other';
  const verified = position >= 0 && (host >= 0 ? firstFit === host : firstFit < 0);
  const ruledOut = [...tally.values()].sort((a, b) => b.hosts - a.hosts);
  return { item, position, host, reason, ruledOut, tooLargeIn, verified };
}

/** A host's name for display: rack, host group and its number within the group. */
export function hostName(m: ModelPlacement, h: number): string {
  const g = groupAt(m.hostGroups, h);
  return g ? `${g.rackId} / ${g.groupId} #${h - g.start + 1}` : `#${h}`;
}
