// Why an item is where it is. The constructive pass is replayed from its recorded decisions (itemOrder and
// itemFirstHost): every unit decided before the item is put back on the host it got, and the item is then
// scored against every host under the same rule, with the reference implementation's scoring
// (core/reference/construct.ts, the oracle the kernel is checked against). If the improvement phase later
// moved the item, that is said too. For an unplaced item, hosts are counted by the first rule that rules each
// out at the final state — the same per-host charge the kernel's reason code comes from.
import {
  ALG_BALANCED_FIT, ALG_DOT_PRODUCT, ALG_FIRST_FIT, ALG_L2_NORM, ALG_MIN_SLACK, ALG_NEXT_FIT, ALG_NEXT_K_FIT, ALG_RANDOM, REASON_ISOLATION, REASON_LABELS,
  REASON_AFFINITY, REASON_MAX_ITEMS, REASON_NO_ROOM, REASON_SPREAD, REASON_TOO_LARGE,
} from '../../assembly/abi';
import { RULE_CODE, SIZE_KEY_CODE, type PackArena, type PackOptions, type PackOutcome } from '../kernel/packer';
import { hostScore, scoresAllHosts, type Rules } from '../reference/construct';
import { unitScore } from '../reference/vector-rules';
import { rankHosts } from '../reference/host-order';
import { Rng } from '../reference/random';
import { HostState, ruleRank } from '../reference/state';
import { buildUnits, dimensionNorms } from '../reference/units';

export type RuleName = 'labels' | 'too-large' | 'isolation' | 'spread' | 'no-room' | 'max-items' | 'affinity';

export const RULE_NAME: Record<number, RuleName> = {
  [REASON_LABELS]: 'labels', [REASON_TOO_LARGE]: 'too-large', [REASON_ISOLATION]: 'isolation', [REASON_SPREAD]: 'spread',
  [REASON_NO_ROOM]: 'no-room', [REASON_MAX_ITEMS]: 'max-items', [REASON_AFFINITY]: 'affinity',
};

/** Hosts each rule rules out (each host counted once, under the first rule it fails), and hosts that take it. */
export interface RuleCounts {
  readonly ruledOut: Readonly<Record<RuleName, number>>;
  readonly hostsThatFit: number;
  /** The latest rule in checking order that rules out some host (the closest miss), or null if a host fits. */
  readonly reason: RuleName | null;
}

export interface Candidate {
  readonly host: number;
  /** The rule's score (higher is better); null for rules that do not score (First/Next Fit, random). */
  readonly score: number | null;
}

export interface Explanation {
  readonly item: number;
  /** Items placed with it (its affinity group, itself included). */
  readonly unitItems: readonly number[];
  readonly rule: PackOptions['rule'];
  /** Host after the constructive pass, and now (after the improvement phase); -1 = none. */
  readonly firstHost: number;
  readonly host: number;
  readonly movedByImprovement: boolean;
  /** Item-centric rules choose a host for the item; bin-centric ones choose an item for the host being filled. */
  readonly decision: 'host-for-item' | 'item-for-host';
  readonly chosen: Candidate | null;
  /** The best alternatives at that moment: other hosts (item-centric) or other items for the host (bin-centric). */
  readonly runnersUp: readonly (Candidate & { readonly item?: number })[];
  /** Hosts ruled out at the moment of the decision. */
  readonly atDecision: RuleCounts;
}

function emptyCounts(): Record<RuleName, number> {
  return { labels: 0, 'too-large': 0, isolation: 0, spread: 0, 'no-room': 0, 'max-items': 0, affinity: 0 };
}

function countRules(st: HostState, unit: number): RuleCounts {
  const ruledOut = emptyCounts();
  if (st.u.conflict[unit] !== 0) return { ruledOut, hostsThatFit: 0, reason: 'affinity' };
  let fit = 0, rank = -1;
  let reason: RuleName | null = null;
  for (let h = 0; h < st.a.hosts; h++) {
    const r = st.charge(unit, h);
    if (r === 0) { fit++; continue; }
    ruledOut[RULE_NAME[r]]++;
    if (ruleRank(r) > rank) { rank = ruleRank(r); reason = RULE_NAME[r]; }
  }
  return { ruledOut, hostsThatFit: fit, reason: fit > 0 ? null : reason ?? 'too-large' };
}

type Units = ReturnType<typeof buildUnits>;

/** A host state with every unit placed where `place` says (-1: nowhere). */
function stateWith(a: PackArena, units: Units, place: (unit: number) => number): HostState {
  const st = new HostState(a, units);
  for (let u = 0; u < units.count; u++) {
    const h = place(u);
    if (h >= 0) st.place(u, h);
  }
  return st;
}

/** Rule counts for an item at the final state of a packing (for an unplaced item: why no host takes it). */
export function explainUnplaced(a: PackArena, out: PackOutcome, item: number): RuleCounts {
  return explainUnplacedItems(a, out, [item])[0];
}

/** The same for several unplaced items, building the final state once. */
export function explainUnplacedItems(a: PackArena, out: PackOutcome, items: readonly number[]): RuleCounts[] {
  const units = buildUnits(a, dimensionNorms(a));
  const probes = new Set(items.map((i) => units.ofItem[i]));
  const st = stateWith(a, units, (u) => (probes.has(u) ? -1 : out.itemHost[units.first[u]]));
  return items.map((i) => countRules(st, units.ofItem[i]));
}

/**
 * Replays the constructive decision for `item` (arena inputs as packed, the outcome of that packing, and the
 * options it was packed with) and scores the alternatives.
 */
export function explainItem(a: PackArena, out: PackOutcome, options: PackOptions, item: number, runnersUp = 5): Explanation {
  const norm = dimensionNorms(a);
  const unitsAll = buildUnits(a, norm);
  const unit = unitsAll.ofItem[item];
  // Units decided before this one, in the recorded order.
  const position = new Int32Array(a.items);
  out.itemOrder.forEach((i, k) => { position[i] = k; });
  const mine = position[unitsAll.first[unit]];
  const st = stateWith(a, unitsAll, (u) => (position[unitsAll.first[u]] < mine ? out.itemFirstHost[unitsAll.first[u]] : -1));
  // A composite ('ffd-or-mixed', 'mbs-or-balanced') is explained by the start it kept.
  const rule = RULE_CODE[out.startRule];
  const r: Rules = { st, norm, sizeKey: SIZE_KEY_CODE[options.sizeKey], sizeDim: options.sizeDim, rng: new Rng(options.seed), hostOrder: rankHosts(a, options.hostOrder) };
  const firstHost = out.itemFirstHost[item], host = out.itemHost[item];
  const atDecision = countRules(st, unit);
  const unitItems: number[] = [];
  for (let i = unitsAll.first[unit]; i >= 0; i = unitsAll.nextItem[i]) unitItems.push(i);
  const base = { item, unitItems, rule: out.startRule, firstHost, host, movedByImprovement: firstHost !== host, atDecision };

  if (rule === ALG_DOT_PRODUCT || rule === ALG_L2_NORM || rule === ALG_MIN_SLACK) {
    // The host being filled chose among the units still waiting; compare this unit with the others.
    if (firstHost < 0) return { ...base, decision: 'item-for-host', chosen: null, runnersUp: [] };
    const scored: (Candidate & { item: number })[] = [];
    for (let u = 0; u < unitsAll.count; u++) {
      if (u === unit || st.unitHost[u] >= 0 || position[unitsAll.first[u]] < mine || !st.fits(u, firstHost)) continue;
      const score = rule === ALG_MIN_SLACK ? unitsAll.weight[u] : unitScore(st, rule, u, firstHost);
      scored.push({ host: firstHost, item: unitsAll.first[u], score });
    }
    scored.sort((x, y) => (y.score ?? 0) - (x.score ?? 0) || x.item - y.item);
    const own = rule === ALG_MIN_SLACK ? unitsAll.weight[unit] : unitScore(st, rule, unit, firstHost);
    return { ...base, decision: 'item-for-host', chosen: { host: firstHost, score: own }, runnersUp: scored.slice(0, runnersUp) };
  }
  const scores = rule !== ALG_FIRST_FIT && rule !== ALG_NEXT_FIT && rule !== ALG_RANDOM && rule !== ALG_NEXT_K_FIT && rule !== ALG_BALANCED_FIT;
  const candidates: Candidate[] = [];
  for (let h = 0; h < a.hosts; h++) {
    if (!st.fits(unit, h)) continue;
    if (scores && !scoresAllHosts(rule) && st.count[h] === 0 && h !== firstHost) continue; // only open hosts compete
    candidates.push({ host: h, score: scores ? hostScore(r, rule, unit, h) : null });
  }
  if (scores) candidates.sort((x, y) => (y.score! - x.score!) || r.hostOrder!.rank[x.host] - r.hostOrder!.rank[y.host]);
  const chosen = candidates.find((c) => c.host === firstHost) ?? (firstHost >= 0 ? { host: firstHost, score: null } : null);
  return { ...base, decision: 'host-for-item', chosen, runnersUp: candidates.filter((c) => c.host !== firstHost).slice(0, runnersUp) };
}
