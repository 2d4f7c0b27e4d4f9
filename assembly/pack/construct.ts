// The constructive pass (core/reference/construct.ts is the reference). Every rule takes units in the given
// order (item-centric) or fills hosts one by one (bin-centric); then a mop-up gives each unit the rule left
// unplaced one First Fit attempt over all hosts, so an item is unplaced only when no host can take it. Hosts
// are opened, filled and tried in the host order (pack/host-order.ts: the identity in a pool of identical
// hosts); ties go to the host first in that order (item-centric) or the earliest unit in order (bin-centric).
import {
  ALG_BALANCED_FIT, ALG_BEST_FIT, ALG_DOT_PRODUCT, ALG_FIRST_FIT, ALG_K8S_BALANCED, ALG_K8S_LEAST, ALG_K8S_MOST, ALG_L2_NORM,
  ALG_LP_ROUNDING, ALG_MIN_SLACK, ALG_NEXT_FIT, ALG_NEXT_K_FIT, ALG_RANDOM, ALG_TETRIS, ALG_WORST_FIT, MIN_SLACK_CHECKS,
  MIN_SLACK_NODES, NEXT_K_WINDOW, SIZE_KEY_DIM, SIZE_KEY_MAX, SIZE_KEY_SUM, DOMAIN_HOST,
} from '../abi';
import {
  hosts, dims, norm, unitOrder, decided, openList, tc, tcPos, unitHost, unitConflict, hostCount, unitWeight, mbsSuffix, mbsStack,
  mbsBest, mbsRunEnd, mbsRunStamp, unitSpread, unitFirst, itemNext, itemSpread, spreadLevel, leastDemand, balancedOpen, balancedScore, hostMaxItems, i32At, setI32, f64At, setF64, capacityAt, residualAt, demandOf,
} from '../arena';
import { randomBelow } from '../random';
import { buildTree, leftmostFit, refreshLeaf } from './first-fit';
import { allocatedScore, bestK8sHost, buildK8sIndex, k8sIndexApplies, refreshK8sLeaf } from './k8s-index';
import { bestBalancedHost, buildBalancedIndex, k8sBalancedScore, refreshBalancedHost } from './k8s-balanced';
import { hostAt, rankOf } from './host-order';
import { fits, place, remove } from './state';
import { alike, buildClasses, sameClass } from './units';
import { bestUnit, classIndex, unitScore, vectorIndexApplies } from './vector-rules';

let openCount = 0;
let emptyFrom = 0; // hosts of rank below this all hold units (hosts only fill during the constructive pass)
let sizeKey = 0;
let sizeDim = 0;
// A pass's placements in the order made, (unit, host) in tc and tcPos (free until the improvement phase starts), so
// that a start kept while another was tried can be laid out again without running its rule (replayPass).
let recording = false;
let recorded = 0;

@inline function placeTracked(unit: i32, h: i32): void {
  if (recording) { setI32(tc, recorded, unit); setI32(tcPos, recorded, h); recorded++; }
  if (i32At(hostCount, h) == 0) setI32(openList, openCount++, h);
  place(unit, h);
  refreshLeaf(h);
}

/** First empty host in the host order that takes the unit, or -1. */
function firstEmptyHost(unit: i32): i32 {
  while (emptyFrom < hosts && i32At(hostCount, hostAt(emptyFrom)) > 0) emptyFrom++;
  for (let r = emptyFrom; r < hosts; r++) {
    const h = hostAt(r);
    if (i32At(hostCount, h) == 0 && fits(unit, h)) return h;
  }
  return -1;
}

/** Size of (residual of h − demand of unit) under the run's size key: Best/Worst Fit's measure. */
function leftoverSize(h: i32, unit: i32): f64 {
  if (sizeKey == SIZE_KEY_DIM) {
    const n = f64At(norm, sizeDim);
    return n > 0 ? (residualAt(h, sizeDim) - demandOf(unit, sizeDim)) / n : 0;
  }
  let acc: f64 = 0;
  for (let d = 0; d < dims; d++) {
    const n = f64At(norm, d);
    const s: f64 = n > 0 ? (residualAt(h, d) - demandOf(unit, d)) / n : 0;
    if (sizeKey == SIZE_KEY_MAX) acc = max(acc, s);
    else if (sizeKey == SIZE_KEY_SUM) acc += s;
    else acc += s * s;
  }
  return sizeKey == SIZE_KEY_MAX || sizeKey == SIZE_KEY_SUM ? acc : Math.sqrt(acc);
}

/** Score of host h for the unit under an item-centric scoring rule; higher is better. */
function hostScore(rule: i32, unit: i32, h: i32): f64 {
  if (rule == ALG_BEST_FIT) return -leftoverSize(h, unit);
  if (rule == ALG_WORST_FIT) return leftoverSize(h, unit);
  if (rule == ALG_TETRIS) {
    let acc: f64 = 0;
    for (let d = 0; d < dims; d++) {
      const c = capacityAt(h, d);
      if (c > 0) acc += (demandOf(unit, d) / c) * (residualAt(h, d) / c);
    }
    return acc;
  }
  if (rule == ALG_K8S_LEAST || rule == ALG_K8S_MOST) return allocatedScore(rule == ALG_K8S_LEAST, unit, h);
  return k8sBalancedScore(unit, h); // ALG_K8S_BALANCED
}

@inline function scoresAllHosts(rule: i32): bool {
  return rule == ALG_K8S_LEAST || rule == ALG_K8S_MOST || rule == ALG_K8S_BALANCED;
}

function bestScoredHost(rule: i32, unit: i32): i32 {
  let chosen = -1;
  let best: f64 = -Infinity;
  const all = scoresAllHosts(rule);
  const n = all ? hosts : openCount;
  for (let k = 0; k < n; k++) {
    const h = all ? hostAt(k) : i32At(openList, k);
    if (!fits(unit, h)) continue;
    const s = hostScore(rule, unit, h);
    if (chosen < 0 || s > best || (s == best && rankOf(h) < rankOf(chosen))) { best = s; chosen = h; }
  }
  if (chosen < 0 && !all) chosen = firstEmptyHost(unit);
  return chosen;
}

function randomOpenHost(unit: i32): i32 {
  let fitting = 0;
  for (let h = 0; h < hosts; h++) if (i32At(hostCount, h) > 0 && fits(unit, h)) fitting++;
  if (fitting == 0) return firstEmptyHost(unit);
  let k = randomBelow(fitting);
  for (let h = 0; h < hosts; h++) {
    if (i32At(hostCount, h) > 0 && fits(unit, h)) {
      if (k == 0) return h;
      k--;
    }
  }
  return -1;
}

function itemCentric(rule: i32, units: i32): void {
  let current = 0; // Next Fit's host
  let prev = -1;
  // The Kubernetes scores rank every host: found through k8s-index.ts's tree (least and most allocated) or
  // k8s-balanced.ts's k-d trees where their bounds hold.
  const k8s = (rule == ALG_K8S_LEAST || rule == ALG_K8S_MOST || rule == ALG_K8S_BALANCED) && k8sIndexApplies(units);
  const indexed = k8s && rule != ALG_K8S_BALANCED;
  const kd = k8s && rule == ALG_K8S_BALANCED && buildBalancedIndex();
  if (indexed) buildK8sIndex(rule);
  for (let k = 0; k < units; k++) {
    const unit = i32At(unitOrder, k);
    if (i32At(unitConflict, unit) != 0) { prev = unit; continue; }
    let chosen = -1;
    if (rule == ALG_FIRST_FIT) {
      let start = 0;
      if (prev >= 0 && sameClass(prev, unit)) start = i32At(unitHost, prev) < 0 ? hosts : rankOf(i32At(unitHost, prev));
      chosen = leftmostFit(start, unit);
    } else if (rule == ALG_NEXT_FIT) {
      for (let r = current; r < hosts && chosen < 0; r++) if (fits(unit, hostAt(r))) chosen = hostAt(r);
      if (chosen >= 0) current = rankOf(chosen);
    } else if (rule == ALG_NEXT_K_FIT) {
      // The window: the NEXT_K_WINDOW hosts opened last, earliest opened first.
      for (let j = max(0, openCount - NEXT_K_WINDOW); j < openCount && chosen < 0; j++) if (fits(unit, i32At(openList, j))) chosen = i32At(openList, j);
      if (chosen < 0) chosen = firstEmptyHost(unit);
    } else if (rule == ALG_RANDOM) {
      chosen = randomOpenHost(unit);
    } else if ((rule == ALG_BEST_FIT || rule == ALG_K8S_MOST) && prev >= 0 && i32At(unitHost, prev) >= 0
      && sameClass(prev, unit) && fits(unit, i32At(unitHost, prev))) {
      // The previous identical unit's host only got fuller, so it is still the best-scoring host that fits.
      chosen = i32At(unitHost, prev);
    } else chosen = indexed ? bestK8sHost(unit) : kd ? bestBalancedHost(unit) : bestScoredHost(rule, unit);
    if (chosen >= 0) {
      placeTracked(unit, chosen);
      if (indexed) refreshK8sLeaf(rankOf(chosen));
      if (kd) refreshBalancedHost(chosen);
    }
    prev = unit;
  }
}

/**
 * The two binding dimensions: largest volume Σ demand / capacity of the first host in the host order (the hosts
 * opened up front are the first in that order, so their capacity is what the units must balance); b = −1 when
 * one dimension carries all the demand.
 */
let bindA = 0;
let bindB = -1;

/** Hosts balanced fit opens up front: ⌈volume of the binding dimension⌉ on hosts like the first in order. */
export function balancedHosts(units: i32): i32 {
  bindA = 0;
  bindB = -1;
  if (hosts == 0) return 0;
  const first = hostAt(0);
  let va: f64 = -1, vb: f64 = -1;
  for (let d = 0; d < dims; d++) {
    const n = capacityAt(first, d);
    let v: f64 = 0;
    if (n > 0) for (let u = 0; u < units; u++) v += demandOf(u, d) / n;
    if (v > va) { vb = va; bindB = bindA; va = v; bindA = d; } else if (v > vb) { vb = v; bindB = d; }
  }
  if (vb <= 0 || bindB == bindA) bindB = -1;
  return min(hosts, max(1, <i32>Math.ceil(va - 1e-9)));
}

/** Room left in dimension d of host h after the unit, as a share of its capacity. */
@inline function roomShare(h: i32, unit: i32, d: i32): f64 {
  const c = capacityAt(h, d);
  return c > 0 ? (residualAt(h, d) - demandOf(unit, d)) / c : 0;
}

/**
 * Balanced fit (ALG_BALANCED_FIT): the first balancedHosts() hosts in the host order are open from the start; each
 * unit goes to the open host where the room left in the two binding dimensions ends closest as shares of
 * capacity (so both run out together and neither strands the other), ties to the host first in order; when none
 * fits, the next empty host that does joins the open ones. One binding dimension: the host left with least room.
 * Balancing a bin's dimensions follows the multi-capacity heuristics of Leinberger, Karypis & Kumar ("Multi-capacity
 * bin packing algorithms with applications to job scheduling under multiple constraints", ICPP 1999), which match an
 * item's large demands to a bin's free dimensions; here the measure is the gap between the two binding dimensions'
 * room, and the hosts open from the start are as many as the volume bound.
 */
function balancedFit(units: i32): void {
  let limit = balancedHosts(units);
  leastDemandOf(unitOrder, units);
  // The open hosts still scanned, in host order, with each one's score for the last unit (balancedScore; +∞: it does
  // not fit). A host too full for every unit left (leastDemand) is dropped, which changes no choice and spares most
  // of the scan once the first hosts fill up. A copy of the last unit (alike, units.ts sameClass) sees every host as
  // the last one did but the host that took it (capacity, item count and isolation are the host's own, and so is a
  // spread count over hosts), so only that host is scored again and the choice is the least score: the same host,
  // without a fits per host for every replica of a service. Spread over racks or sites changes a whole domain: those
  // copies are scanned.
  let open = 0;
  for (let r = 0; r < limit; r++) setI32(balancedOpen, open++, hostAt(r));
  let prev = -1, prevAt = -1; // the last unit placed or tried, and the position of the host that took it (-1: none)
  for (let k = 0; k < units; k++) {
    const unit = i32At(unitOrder, k);
    if (i32At(unitConflict, unit) != 0) { prev = -1; continue; }
    let chosen = -1, chosenAt = -1;
    let best: f64 = Infinity;
    if (prev >= 0 && (i32At(unitSpread, unit) == 0 || spreadsOverHostsOnly(unit)) && sameClass(prev, unit)) {
      if (prevAt >= 0) setF64(balancedScore, prevAt, balancedScoreOf(unit, i32At(balancedOpen, prevAt)));
      for (let j = 0; j < open; j++) {
        const s = f64At(balancedScore, j);
        if (s < best) { best = s; chosenAt = j; }
      }
      if (chosenAt >= 0) chosen = i32At(balancedOpen, chosenAt);
    } else {
      let kept = 0;
      for (let j = 0; j < open; j++) {
        const h = i32At(balancedOpen, j);
        if (tooFullFrom(h, k)) continue;
        const s = balancedScoreOf(unit, h);
        setI32(balancedOpen, kept, h);
        setF64(balancedScore, kept, s);
        if (s < best) { best = s; chosen = h; chosenAt = kept; }
        kept++;
      }
      open = kept;
    }
    if (chosen < 0) {
      chosen = firstEmptyHost(unit);
      if (chosen >= 0) {
        // The hosts before it in the order did not take the unit (nor will a copy); it is scored once it holds the unit.
        const end = rankOf(chosen) + 1;
        for (let r = limit; r < end; r++) { setF64(balancedScore, open, Infinity); setI32(balancedOpen, open++, hostAt(r)); }
        limit = max(limit, end);
        chosenAt = -1;
        for (let j = open - 1; j >= 0 && chosenAt < 0; j--) if (i32At(balancedOpen, j) == chosen) chosenAt = j;
      }
    }
    if (chosen >= 0) placeTracked(unit, chosen);
    prev = unit;
    prevAt = chosenAt; // -1 where no host took it
  }
}

/** Do the unit's spread groups all spread over hosts (a placement changes one host's count only)? */
function spreadsOverHostsOnly(unit: i32): bool {
  for (let i = i32At(unitFirst, unit); i >= 0; i = i32At(itemNext, i)) {
    const g = i32At(itemSpread, i);
    if (g >= 0 && i32At(spreadLevel, g) != DOMAIN_HOST) return false;
  }
  return true;
}

/** Host h's balanced-fit score for the unit (the gap between its two binding dimensions' room after it, or the room
 * in the one), +∞ where the unit does not fit. */
@inline function balancedScoreOf(unit: i32, h: i32): f64 {
  if (!fits(unit, h)) return Infinity;
  const a = bindA, b = bindB;
  return b < 0 ? roomShare(h, unit, a) : Math.abs(roomShare(h, unit, a) - roomShare(h, unit, b));
}

/** leastDemand[k]: per dimension, the least demand of the units list[k, n) (a not-a-number demand: NaN; a unit in
 * conflict, never placed, counts for none). */
function leastDemandOf(list: usize, n: i32): void {
  for (let d = 0; d < dims; d++) setF64(leastDemand, n * dims + d, Infinity);
  for (let k = n - 1; k >= 0; k--) {
    const unit = i32At(list, k);
    const conflict = i32At(unitConflict, unit) != 0;
    for (let d = 0; d < dims; d++) {
      const later = f64At(leastDemand, (k + 1) * dims + d), v = conflict ? Infinity : demandOf(unit, d);
      setF64(leastDemand, k * dims + d, later != later || v != v ? NaN : min(v, later));
    }
  }
}

/** Can host h take none of the units from position k of the list leastDemandOf read? Its item limit is reached, or in
 * some dimension its room is below every such unit's demand (roomOk's test, so it would fail fits for each of them). */
@inline function tooFullFrom(h: i32, k: i32): bool {
  const limit = i32At(hostMaxItems, h);
  if (limit > 0 && i32At(hostCount, h) >= limit) return true;
  for (let d = 0; d < dims; d++) if (residualAt(h, d) < f64At(leastDemand, k * dims + d)) return true;
  return false;
}

/**
 * Bin-centric (Panigrahy et al. 2011; pack/vector-rules.ts): fill hosts in the host order, each with the
 * best-scoring unit that fits, ties to the earliest in order. Through the class index unless some capacity or
 * demand is not finite; then by the plain scan over every remaining unit.
 */
function binCentric(rule: i32, units: i32): i32 {
  if (vectorIndexApplies(units)) return binCentricIndexed(rule, units);
  return binCentricScan(rule, units);
}

function binCentricIndexed(rule: i32, units: i32): i32 {
  let remaining = classIndex(rule, units);
  let placed = 0;
  for (let r = 0; r < hosts && remaining > 0; r++) {
    const h = hostAt(r);
    for (;;) {
      const unit = bestUnit(h);
      if (unit < 0) break;
      setI32(decided, placed++, unit);
      remaining--;
      placeTracked(unit, h);
    }
  }
  return unplacedAfter(units, placed);
}

/** decided[placed, …): every unit not placed, in order (conflicting units included); returns the end. */
function unplacedAfter(units: i32, placed: i32): i32 {
  let at = placed;
  for (let k = 0; k < units; k++) {
    const unit = i32At(unitOrder, k);
    if (i32At(unitHost, unit) < 0) setI32(decided, at++, unit);
  }
  return at;
}

/** The plain scan: every remaining unit scored for every placement. */
function binCentricScan(rule: i32, units: i32): i32 {
  // decided[] doubles as the list of remaining units, compacted in order after each placement.
  let remaining = 0;
  for (let k = 0; k < units; k++) {
    const unit = i32At(unitOrder, k);
    if (i32At(unitConflict, unit) == 0) setI32(decided, remaining++, unit);
  }
  let placed = 0; // decided[0, placed) = units placed, in placement order; decided[placed, placed + remaining) = the rest
  for (let r = 0; r < hosts && remaining > 0; r++) {
    const h = hostAt(r);
    for (;;) {
      let chosenAt = -1;
      let best: f64 = -Infinity;
      for (let j = placed; j < placed + remaining; j++) {
        const unit = i32At(decided, j);
        if (!fits(unit, h)) continue;
        const s = unitScore(rule, unit, h);
        if (chosenAt < 0 || s > best) { best = s; chosenAt = j; }
      }
      if (chosenAt < 0) break;
      const chosen = i32At(decided, chosenAt);
      for (let j = chosenAt; j > placed; j--) setI32(decided, j, i32At(decided, j - 1));
      setI32(decided, placed, chosen);
      placed++;
      remaining--;
      placeTracked(chosen, h);
    }
  }
  return unplacedAfter(units, placed);
}

// ── Minimum bin slack (reference: minSlack in core/reference/construct.ts) ──
let mbsBase = 0;
let mbsN = 0;
let mbsHost = 0;
let mbsFirstAt = 0;
let mbsStackLen = 0;
let mbsBestLen = 0;
let mbsBestW: f64 = 0;
let mbsNodes = 0;
let mbsChecks = 0;
let mbsPerfect = false;
let mbsSearch = 0; // the host search under way (mbsRunStamp), counted from 1 in each minSlack call

function hostFull(h: i32): bool {
  for (let d = 0; d < dims; d++) if (residualAt(h, d) != 0) return false;
  return true;
}

function mbsDfs(from: i32, w: f64): void {
  const h = mbsHost;
  let last = -1; // units of one class are tried once per level: the others give the same subsets
  for (let j = from; j < mbsN && !mbsPerfect && mbsNodes > 0 && mbsChecks > 0; j++) {
    if (w + f64At(mbsSuffix, j) <= mbsBestW) return;
    if (tooFullFrom(h, j)) return; // no unit from here on fits: the rest of the level would only spend checks
    const v = i32At(decided, mbsBase + j);
    mbsChecks--;
    if (j == mbsFirstAt) continue;
    if (last >= 0 && alike(last, v)) {
      const next = skipRun(j, w);
      if (next < 0) return;
      j = next - 1;
      continue;
    }
    last = v;
    if (!fits(v, h)) continue;
    mbsNodes--;
    place(v, h);
    setI32(mbsStack, mbsStackLen++, v);
    const w2 = w + f64At(unitWeight, v);
    if (w2 > mbsBestW) {
      mbsBestW = w2;
      for (let k = 0; k < mbsStackLen; k++) setI32(mbsBest, k, i32At(mbsStack, k));
      mbsBestLen = mbsStackLen;
      mbsPerfect = hostFull(h);
    }
    mbsDfs(j + 1, w2);
    mbsStackLen--;
    remove(v);
  }
}

/** Where the run of units alike to the one at position j ends (the first position after it), memoised per search. */
function runEnd(j: i32): i32 {
  const at = mbsBase + j;
  if (i32At(mbsRunStamp, at) == mbsSearch) return i32At(mbsRunEnd, at);
  const v = i32At(decided, at);
  let e = j + 1;
  while (e < mbsN && alike(v, i32At(decided, mbsBase + e))) e++;
  for (let q = j; q < e; q++) { setI32(mbsRunEnd, mbsBase + q, e); setI32(mbsRunStamp, mbsBase + q, mbsSearch); }
  return e;
}

/** mbsDfs's loop returns at position q (before its check): the bound, or no unit from q on fits. Both only turn true as
 * q grows (the suffix sums fall, the least demands from q on rise), so the first such q is found by bisection. */
@inline function stopsAt(q: i32, w: f64): bool {
  return w + f64At(mbsSuffix, q) <= mbsBestW || tooFullFrom(mbsHost, q);
}

/**
 * The unit at position j is alike to the level's last tried one, so mbsDfs skips it, and would skip each alike unit
 * after it in turn, one check each, until the loop stops or the run ends. With many replicas of one shape those
 * skips were nearly all the checks (94 % on 3·10^4 replicas of 2·10^3 shapes); here they are taken at once, with
 * the same checks spent and the same stop: returns the position the loop goes on from, or -1 where it returns.
 */
function skipRun(j: i32, w: f64): i32 {
  const e = runEnd(j);
  let lo = j + 1, hi = e;
  while (lo < hi) {
    const mid = lo + ((hi - lo) >> 1);
    if (stopsAt(mid, w)) hi = mid; else lo = mid + 1;
  }
  const skipped = lo - (j + 1);
  if (mbsChecks <= skipped) { mbsChecks = 0; return -1; }
  mbsChecks -= skipped;
  return lo < e ? -1 : e;
}

/**
 * Minimum slack over the units not placed yet, on hosts from firstHost on; decided[0, start) already lists the
 * units placed before (by LP rounding).
 */
function minSlack(units: i32, start: i32, firstHost: i32): void {
  buildClasses(); // the search compares units at every node: alike (classes) instead of sameClass (their fields)
  let remaining = 0;
  for (let k = 0; k < units; k++) {
    const unit = i32At(unitOrder, k);
    if (i32At(unitConflict, unit) == 0 && i32At(unitHost, unit) < 0) setI32(decided, start + remaining++, unit);
  }
  memory.fill(mbsRunStamp, 0, <usize>units << 2);
  mbsSearch = 0;
  let placed = start; // decided[0, placed): placed units in order; decided[placed, placed + remaining): the rest
  for (let r = firstHost; r < hosts && remaining > 0; r++) {
    const h = hostAt(r);
    let firstAt = -1;
    for (let j = 0; j < remaining; j++) if (fits(i32At(decided, placed + j), h)) { firstAt = j; break; }
    if (firstAt < 0) continue;
    mbsBase = placed;
    mbsN = remaining;
    mbsHost = h;
    mbsFirstAt = firstAt;
    setF64(mbsSuffix, remaining, 0);
    for (let j = remaining - 1; j >= 0; j--) setF64(mbsSuffix, j, f64At(mbsSuffix, j + 1) + max<f64>(0, f64At(unitWeight, i32At(decided, placed + j))));
    leastDemandOf(decided + (<usize>placed << 2), remaining);
    const first = i32At(decided, placed + firstAt);
    place(first, h);
    setI32(mbsStack, 0, first);
    mbsStackLen = 1;
    setI32(mbsBest, 0, first);
    mbsBestLen = 1;
    mbsBestW = f64At(unitWeight, first);
    mbsNodes = MIN_SLACK_NODES;
    mbsChecks = MIN_SLACK_CHECKS;
    mbsSearch++;
    mbsPerfect = hostFull(h);
    mbsDfs(0, f64At(unitWeight, first));
    remove(first);
    for (let k = 0; k < mbsBestLen; k++) placeTracked(i32At(mbsBest, k), h);
    // Compact: the host's units (in placement order), then the units still remaining, in order.
    let rest = 0;
    for (let j = 0; j < remaining; j++) {
      const v = i32At(decided, placed + j);
      if (i32At(unitHost, v) < 0) setI32(mbsStack, rest++, v);
    }
    for (let k = 0; k < mbsBestLen; k++) setI32(decided, placed + k, i32At(mbsBest, k));
    placed += mbsBestLen;
    for (let k = 0; k < rest; k++) setI32(decided, placed + k, i32At(mbsStack, k));
    remaining = rest;
  }
  let at = placed;
  for (let k = 0; k < units; k++) {
    const unit = i32At(unitOrder, k);
    if (i32At(unitHost, unit) < 0) setI32(decided, at++, unit);
  }
}

/** A pass's start: no host opened yet, the First Fit index over the reset hosts. */
function beginPass(key: i32, dim: i32): void {
  sizeKey = key;
  sizeDim = dim;
  openCount = 0;
  emptyFrom = 0;
  buildTree();
}

/** A pass that decides in unitOrder leaves that order in `decided`. */
function decidedInOrder(units: i32): void {
  for (let k = 0; k < units; k++) setI32(decided, k, i32At(unitOrder, k));
}

/** Records the placements of the passes that follow while on (each pass starts its record anew). */
export function recordPasses(on: bool): void {
  recording = on;
}

/**
 * The last recorded pass again, on hosts reset (state.ts resetHosts) and with unitOrder as it was: its placements in
 * the order made, so hosts, their lists and residuals (summed in the same order), the open list and the First Fit
 * index end as the pass left them. For passes that decide in unitOrder (not the bin-centric or minimum-slack ones).
 */
export function replayPass(units: i32, key: i32, dim: i32): void {
  beginPass(key, dim);
  const n = recorded;
  for (let k = 0; k < n; k++) placeTracked(i32At(tc, k), i32At(tcPos, k));
  decidedInOrder(units);
}

/**
 * Runs the rule over unitOrder; leaves in `decided` the units in the order the pass decided on them. For LP
 * rounding, decided[0, rounded) already sit on hosts [0, firstHost), which the minimum-slack rule leaves alone.
 */
export function construct(rule: i32, units: i32, key: i32, dim: i32, rounded: i32, firstHost: i32): void {
  if (recording) recorded = 0;
  beginPass(key, dim);
  if (rule == ALG_DOT_PRODUCT || rule == ALG_L2_NORM) binCentric(rule, units);
  else if (rule == ALG_MIN_SLACK || rule == ALG_LP_ROUNDING) minSlack(units, rounded, firstHost);
  else if (rule == ALG_BALANCED_FIT) {
    balancedFit(units);
    decidedInOrder(units);
  } else {
    itemCentric(rule, units);
    decidedInOrder(units);
  }
  for (let k = 0; k < units; k++) {
    const unit = i32At(decided, k);
    if (i32At(unitHost, unit) >= 0 || i32At(unitConflict, unit) != 0) continue;
    const h = leftmostFit(0, unit);
    if (h >= 0) placeTracked(unit, h);
  }
}
