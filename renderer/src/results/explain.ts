// Why an item went to its host, or why it went nowhere, in the planner's words. The decision itself is replayed
// by core/pack/explain.ts from the recorded packing (the arena as filled, the options, the outcome), under the
// rule that made it and with every placement rule (capacity, pod limit, isolation, spread, labels, affinity):
// the score of the chosen host and of the runners-up, and how many hosts each rule ruled out at that moment.
import { explainItem as replayDecision, explainUnplaced, RULE_NAME, type Candidate, type RuleName } from '../../../core/pack/explain';
import { groupAt } from './host-map';
import type { ModelPlacement } from './placement';

export interface RuledOut {
  readonly rule: RuleName;
  readonly hosts: number;
}

export interface Explanation {
  readonly item: number;
  /** Position of the item in the packing order (0 = decided first). */
  readonly position: number;
  /** Host now (−1: unplaced), and after the constructive pass. */
  readonly host: number;
  readonly firstHost: number;
  /** The improvement phase moved it from firstHost to host. */
  readonly moved: boolean;
  /** 'placed', or the rule that kept it off the last hosts. */
  readonly reason: 'placed' | RuleName;
  /** How the rule decided: a host chosen for the item, or the item chosen for the host being filled. */
  readonly decision: 'host-for-item' | 'item-for-host' | null;
  readonly rule: string | null;
  readonly chosen: Candidate | null;
  readonly runnersUp: readonly (Candidate & { readonly item?: number })[];
  /** Hosts ruled out at the decision (placed) or at the end (unplaced), most first. */
  readonly ruledOut: readonly RuledOut[];
  readonly hostsThatFit: number;
  /** Dimensions in which the item exceeds every host even when empty. */
  readonly tooLargeIn: readonly number[];
  /** Other items placed with it as one unit (its affinity group). */
  readonly partners: readonly number[];
  /** Pods in node VMs: the node VM (1-based, in the order the plan opened them) the pod runs in; null otherwise. */
  readonly node: number | null;
}

const ruledOutList = (counts: Readonly<Record<RuleName, number>>): RuledOut[] =>
  (Object.entries(counts) as [RuleName, number][]).filter(([, n]) => n > 0).map(([rule, hosts]) => ({ rule, hosts }))
    .sort((a, b) => b.hosts - a.hosts);

function tooLargeIn(m: ModelPlacement, item: number): number[] {
  const demand = groupAt(m.itemGroups, item)?.demand ?? [];
  const out: number[] = [];
  for (let d = 0; d < m.dims; d++) if (demand[d] > Math.max(0, ...m.hostGroups.map((g) => g.allocatable[d]))) out.push(d);
  return out;
}

export function explainItem(m: ModelPlacement, item: number): Explanation {
  const position = m.itemOrder.indexOf(item);
  const host = m.itemHost[item];
  const base = { item, position, host, tooLargeIn: tooLargeIn(m, item), node: null };
  if (m.twoLevel) {
    // Two levels (pods → node VMs → hosts): the pod's node VM and its host, or the rule that stopped it.
    const node = m.twoLevel.podNode[item];
    return {
      ...base, node: node >= 0 ? node + 1 : null, firstHost: host, moved: false,
      reason: host >= 0 ? 'placed' : RULE_NAME[m.itemReason[item]] ?? 'no-room', decision: null, rule: null, chosen: null, runnersUp: [],
      ruledOut: [], hostsThatFit: 0, partners: [],
    };
  }
  if (host < 0 || !m.options) {
    const counts = explainUnplaced(m.arena, m.outcome, item);
    return {
      ...base, firstHost: m.outcome.itemFirstHost[item], moved: false, reason: host >= 0 ? 'placed' : counts.reason ?? 'no-room',
      decision: null, rule: m.options?.rule ?? null, chosen: null, runnersUp: [], ruledOut: ruledOutList(counts.ruledOut),
      hostsThatFit: counts.hostsThatFit, partners: [],
    };
  }
  const why = replayDecision(m.arena, m.outcome, m.options, item);
  return {
    ...base, firstHost: why.firstHost, moved: why.movedByImprovement, reason: 'placed', decision: why.decision, rule: why.rule,
    chosen: why.chosen, runnersUp: why.runnersUp, ruledOut: ruledOutList(why.atDecision.ruledOut),
    hostsThatFit: why.atDecision.hostsThatFit, partners: why.unitItems.filter((i) => i !== item),
  };
}

export function hostName(m: ModelPlacement, h: number): string {
  const g = groupAt(m.hostGroups, h);
  return g ? `${g.rackId} / ${g.groupId} #${h - g.start + 1}` : `#${h}`;
}

/** "service, replica k" for an item. */
export function itemName(m: ModelPlacement, i: number): string {
  const g = groupAt(m.itemGroups, i);
  return g ? `${g.serviceId} #${i - g.start + 1}` : `#${i}`;
}
