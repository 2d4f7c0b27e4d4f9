// The improvement phase: a Consistent Neighborhood Search after Buljubašić & Vasquez, "Consistent neighborhood
// search for one-dimensional bin packing and two-dimensional vector packing", Computers & Operations Research
// 76 (2016) 12–21, generalised to vectors, host costs and the hard rules of state.ts. The algorithm, its
// parameters and every tie-break are described in the reference, core/reference/improve.ts, which this file
// follows statement by statement so both give the same answer.
//
// State between calls (so an iteration budget may be spent in chunks):
//   best[U]         host per unit of the best complete solution
//   tc[tcLen]       trash can (units out of every host during a round), tcPos[U] their positions
//   closed[H]       hosts R taken out in this round; finalHosts[0, |F|) the hosts F that must take TC at the end
//   roundHost[U]    the round's best partial solution (host, -2 in TC, -1 unplaced)
//   tabu*[class]    host a unit of the class last joined, until when, how often, and when that was set
//   keptHosts       hosts [0, keptHosts) (LP rounding's whole patterns) are left out of rounds, moves and repacks
import {
  IMPROVE_ATTEMPT_LIMIT, IMPROVE_FINAL_NODES, IMPROVE_HOST_WINDOW, IMPROVE_PACK_CANDIDATES, IMPROVE_PACK_NODES,
  IMPROVE_PAIR_IN_LIMIT, IMPROVE_PAIR_OUT_LIMIT, IMPROVE_REPACK_HOSTS, IMPROVE_STALL_LIMIT, IMPROVE_TABU_LENGTH,
  IMPROVE_TENURE, IMPROVE_TENURE_SPAN, IMPROVE_REPACK_DEPTH, IMPROVE_RESTORE_BEST, IMPROVE_REPACK_NODES,
  IMPROVE_MOVE_EVALS, IMPROVE_ALIKE_AS_ONE, IMPROVE_PACK_ALIKE_IN_ORDER,
} from '../abi';
import {
  hosts, items, dims, labelWords, hostCost, hostMaxItems, hostRack, hostSite, hostLabels, itemTenant,
  itemExclusive, itemSpread, spreadLevel, spreadMax, unitFirst, itemNext, unitSlots, unitTenant, unitExclusive, unitWeight, unitClass, unitHost,
  unitNext, hostHead, hostCount, exclusiveCount, closed, hostList, passList, fills, bigCap, best, tc, tcPos,
  tabuHost, tabuUntil, tabuFreq, tabuStamp, unitList, finalUnits, classMark, classTally, listRole, insA, insB, insOrder, insWeight, packCands, sortA, sortB,
  packChosen, packBest, packPrevAlike, packLoad, packSuffix, norm, roundHost, repackUnits, finalHosts, repackHosts, repackSubset,
  bigCount, bigExtra, bigTc, repackSizes, MAX_REPACK_HOSTS, MAX_REPACK_DEPTH,
  i32At, setI32, f64At, setF64, f64Row, setF64Row, capacityAt, residualAt, demandOf, hostCapacity, unitDemand, rowOf, residual,
} from '../arena';
import { BY_F64_ASC, BY_F64_DESC, sortIndices, useSortKeys } from '../order';
import { randomBelow } from '../random';
import { rankOf } from './host-order';
import { domainOf, fits, labelsOk, place, remove, spreadAt } from './state';
import { alike, buildClasses, MIXED_TENANT } from './units';

// Parameters: the abi.ts defaults; `setImproveParameter` lets tuning scripts explore them.
let TABU_LENGTH = IMPROVE_TABU_LENGTH;
let STALL_LIMIT = IMPROVE_STALL_LIMIT;
let ATTEMPT_LIMIT = IMPROVE_ATTEMPT_LIMIT;
let HOST_WINDOW = IMPROVE_HOST_WINDOW;
let PAIR_OUT_LIMIT = IMPROVE_PAIR_OUT_LIMIT;
let PAIR_IN_LIMIT = IMPROVE_PAIR_IN_LIMIT;
let PACK_CANDIDATES = IMPROVE_PACK_CANDIDATES;
let PACK_NODES = IMPROVE_PACK_NODES;
let FINAL_NODES = IMPROVE_FINAL_NODES;
let REPACK_HOSTS = min(IMPROVE_REPACK_HOSTS, MAX_REPACK_HOSTS);
let TENURE = IMPROVE_TENURE;
let TENURE_SPAN = IMPROVE_TENURE_SPAN;
let REPACK_DEPTH = IMPROVE_REPACK_DEPTH;
let RESTORE_BEST = IMPROVE_RESTORE_BEST;
let REPACK_NODES = IMPROVE_REPACK_NODES;
let MOVE_EVALS = IMPROVE_MOVE_EVALS;
let ALIKE_AS_ONE = IMPROVE_ALIKE_AS_ONE;
let PACK_ALIKE_IN_ORDER = IMPROVE_PACK_ALIKE_IN_ORDER;

export function setImproveParameter(k: i32, v: i32): void {
  if (k == 0) TABU_LENGTH = v;
  else if (k == 1) STALL_LIMIT = v;
  else if (k == 2) ATTEMPT_LIMIT = v;
  else if (k == 3) HOST_WINDOW = v;
  else if (k == 4) PAIR_OUT_LIMIT = v;
  else if (k == 5) PAIR_IN_LIMIT = min(v, IMPROVE_PAIR_IN_LIMIT);
  else if (k == 6) PACK_CANDIDATES = min(v, IMPROVE_PACK_CANDIDATES);
  else if (k == 7) PACK_NODES = v;
  else if (k == 8) FINAL_NODES = v;
  else if (k == 9) REPACK_HOSTS = min(v, MAX_REPACK_HOSTS);
  else if (k == 10) TENURE = v;
  else if (k == 11) TENURE_SPAN = max(v, 1);
  else if (k == 12) REPACK_DEPTH = min(v, MAX_REPACK_DEPTH);
  else if (k == 13) RESTORE_BEST = v;
  else if (k == 14) REPACK_NODES = v;
  else if (k == 15) MOVE_EVALS = v;
  else if (k == 16) ALIKE_AS_ONE = v;
  else if (k == 17) PACK_ALIKE_IN_ORDER = v;
}

export let iterations = 0;
export let improvements = 0;
export let moveChecks: f64 = 0;
export let refillNodes: f64 = 0;
export let done = false;
export let bestCost: f64 = 0;
export let bestHosts = 0;

let unitCount = 0;
let constrained = false;
let inRound = false;
let attempt = 0;
let finalCount = 0; // finalHosts[0, finalCount): F, then a repack's extra hosts
let finalBase = 0; //  |F|
let tcLen = 0;
let roundBestW: f64 = 0;
let roundBestN = 0;
let stall = 0;
let cursor0 = 0;
let cursor1 = 0;
let descending = true;
let passLen = 0;
let passAt = 0;
let passImproved = false;
let tabuLeft = 0;
let tabuReset = 0;
let classesBuilt = false; // unit classes are only needed once a round starts

@inline function finalAt(j: i32): i32 {
  return i32At(finalHosts, j);
}

/** Hosts [0, keptHosts) are left as they are (the LP rounding's whole patterns); the search uses the others. */
let keptHosts = 0;

export function initImprove(units: i32, kept: i32): void {
  unitCount = units;
  keptHosts = kept;
  iterations = 0;
  improvements = 0;
  moveChecks = 0;
  refillNodes = 0;
  done = false;
  inRound = false;
  attempt = 0;
  finalCount = 0;
  tcLen = 0;
  stall = 0;
  cursor0 = 0;
  cursor1 = 0;
  tabuReset = 0;
  constrained = false;
  classesBuilt = false;
  for (let i = 0; i < items; i++) if (i32At(itemExclusive, i) != 0 || i32At(itemSpread, i) >= 0) constrained = true;
  for (let h = 0; h < hosts; h++) setI32(closed, h, 0);
  for (let u = 0; u < units; u++) {
    setI32(tcPos, u, -1);
    setI32(tabuHost, u, -1);
    setI32(tabuUntil, u, 0);
    setI32(tabuFreq, u, 0);
    setI32(tabuStamp, u, 0);
    setI32(classMark, u, 0);
  }
  markStamp = 0;
  recordBest();
}

export function runImprovement(budget: i32, targetCost: f64): void {
  let spent = 0;
  while (spent < budget && !done) {
    if (targetCost > 0 && bestCost <= targetCost) { done = true; break; }
    if (!inRound) {
      if (!startRound()) { done = true; break; }
    } else step();
    spent++;
    iterations++;
  }
}

// The best solution changed since writeOutcome last wrote the outputs it is read from (takeBestChanged).
let bestChanged = true;

/** Whether the best solution changed since the last call (then writeOutcome writes the per-item outputs again). */
export function takeBestChanged(): bool {
  const changed = bestChanged;
  bestChanged = false;
  return changed;
}

function recordBest(): void {
  bestChanged = true;
  for (let u = 0; u < unitCount; u++) setI32(best, u, i32At(unitHost, u));
  let cost: f64 = 0;
  let used = 0;
  for (let h = 0; h < hosts; h++) {
    if (i32At(hostCount, h) == 0) continue;
    cost += f64At(hostCost, h);
    used++;
  }
  bestCost = cost;
  bestHosts = used;
}

// ── rounds ──

function fill(h: i32): f64 {
  let acc: f64 = 0;
  for (let d = 0; d < dims; d++) {
    const c = capacityAt(h, d);
    if (c > 0) acc += (c - residualAt(h, d)) / c;
  }
  return acc;
}

/** Units on h bigger than half the largest capacity, per dimension, added to `counts`. */
function addBig(h: i32, counts: usize): void {
  for (let v = i32At(hostHead, h); v >= 0; v = i32At(unitNext, v)) {
    for (let d = 0; d < dims; d++) if (demandOf(v, d) * 2 > f64At(norm, d)) setI32(counts, d, i32At(counts, d) + 1);
  }
}

/** Would adding h's big units keep every dimension's count within `limit`? */
function bigFits(h: i32, limit: i32): bool {
  for (let d = 0; d < dims; d++) setI32(bigExtra, d, 0);
  addBig(h, bigExtra);
  for (let d = 0; d < dims; d++) if (i32At(bigCount, d) + i32At(bigExtra, d) > limit) return false;
  return true;
}

let r0 = -1, r1 = -1, r2 = -1, rn = 0;

@inline function removedHas(h: i32): bool {
  return (rn > 0 && r0 == h) || (rn > 1 && r1 == h) || (rn > 2 && r2 == h);
}

@inline function pushRemoved(h: i32): void {
  if (rn == 0) r0 = h; else if (rn == 1) r1 = h; else r2 = h;
  rn++;
}

function tryAdd(h: i32, k: i32): void {
  if (removedHas(h) || !bigFits(h, k - 1)) return;
  pushRemoved(h);
  addBig(h, bigCount);
}

@inline function dropsBefore(h: i32, other: i32): bool {
  const c = f64At(hostCost, h), o = f64At(hostCost, other);
  return c > o || (c == o && rankOf(h) > rankOf(other));
}

function startRound(): bool {
  if (!classesBuilt) { buildClasses(); classesBuilt = true; }
  let used = 0;
  for (let h = keptHosts; h < hosts; h++) if (i32At(hostCount, h) > 0) setI32(hostList, used++, h);
  if (used < 2) return false;
  for (let j = 0; j < used; j++) { const h = i32At(hostList, j); setF64(fills, h, fill(h)); }
  useSortKeys(fills);
  sortIndices(hostList, used, BY_F64_ASC);
  const k = min(3, used);
  // R holds at most k − 1 units too big to share a host in any one dimension (reference: startRound).
  r0 = -1; r1 = -1; r2 = -1; rn = 0;
  for (let d = 0; d < dims; d++) setI32(bigCount, d, 0);
  if (attempt == 0) {
    for (let j = 0; j < used; j++) if (rn < k) tryAdd(i32At(hostList, j), k);
  } else {
    // Later attempts draw R among the least-filled hosts, from a pool that widens with each failure.
    const limit = min(used, k + attempt);
    for (let tries = 0; rn < k && tries < 8 * limit; tries++) tryAdd(i32At(hostList, randomBelow(limit)), k);
  }
  for (let j = 0; j < used; j++) {
    const h = i32At(hostList, j);
    if (rn < k && !removedHas(h)) pushRemoved(h);
  }
  // ascending host order
  if (r1 < r0) { const t = r0; r0 = r1; r1 = t; }
  if (k == 3) {
    if (r2 < r1) { const t = r1; r1 = r2; r2 = t; }
    if (r1 < r0) { const t = r0; r0 = r1; r1 = t; }
  }
  // The host left empty is the costliest, and among equal costs the last in the host order (the least useful).
  let dropped = r0;
  if (dropsBefore(r1, dropped)) dropped = r1;
  if (k == 3 && dropsBefore(r2, dropped)) dropped = r2;
  finalCount = 0;
  for (let j = 0; j < k; j++) {
    const h = j == 0 ? r0 : j == 1 ? r1 : r2;
    if (h != dropped) setI32(finalHosts, finalCount++, h);
  }
  finalBase = finalCount;
  for (let j = 0; j < k; j++) {
    const h = j == 0 ? r0 : j == 1 ? r1 : r2;
    setI32(closed, h, 1);
    while (i32At(hostHead, h) >= 0) {
      const unit = i32At(hostHead, h);
      remove(unit);
      tcPush(unit);
    }
  }
  for (let d = 0; d < dims; d++) {
    let m: f64 = 0;
    for (let j = 0; j < finalCount; j++) m = max(m, capacityAt(finalAt(j), d));
    setF64(bigCap, d, m);
  }
  inRound = true;
  roundBestW = tcWeight();
  roundBestN = tcLen;
  snapshotRound();
  stall = 0;
  tabuReset = iterations;
  descending = true;
  startPass();
  // Taking R out may already leave a trash can that fits F (e.g. when every used host is in R).
  if (tcFitsFinal(true)) commit();
  return true;
}

/** Remembers the round's best partial solution: host per unit, -2 in TC, -1 unplaced. */
function snapshotRound(): void {
  for (let v = 0; v < unitCount; v++) {
    const h = i32At(unitHost, v);
    setI32(roundHost, v, h >= 0 ? h : i32At(tcPos, v) >= 0 ? -2 : -1);
  }
}

/** Back to the round's best partial solution, moving only the units whose place differs. */
function restoreRound(): void {
  for (let v = 0; v < unitCount; v++) {
    const h = i32At(unitHost, v);
    const now = h >= 0 ? h : i32At(tcPos, v) >= 0 ? -2 : -1;
    if (now == i32At(roundHost, v)) continue;
    if (h >= 0) remove(v); else if (i32At(tcPos, v) >= 0) tcRemove(v);
  }
  for (let v = 0; v < unitCount; v++) {
    const target = i32At(roundHost, v);
    if (i32At(unitHost, v) >= 0 || i32At(tcPos, v) >= 0 || target == -1) continue;
    if (target >= 0) place(v, target); else tcPush(v);
  }
}

function startPass(): void {
  passLen = activeHosts(HOST_WINDOW, 0, passList);
  passAt = 0;
  passImproved = false;
}

function step(): void {
  if (descending) {
    if (passAt >= passLen) {
      if (passImproved) startPass();
      else { descending = false; tabuLeft = TABU_LENGTH; }
      return;
    }
    const b = i32At(passList, passAt++);
    if (i32At(closed, b) != 0 || i32At(hostCount, b) == 0 || !packHost(b)) return;
    passImproved = true;
  } else {
    const moved = tabuMove();
    if (!moved || --tabuLeft <= 0) {
      // Back to the round's best partial solution, then descend from there.
      if (RESTORE_BEST != 0) restoreRound();
      descending = true;
      startPass();
    }
    if (!moved) {
      // Nothing can move: count it as a stalled iteration, so a stuck round gives way to another.
      if (++stall > STALL_LIMIT) restart();
      return;
    }
  }
  const w = tcWeight();
  const n = tcLen;
  const better = w < roundBestW || (w == roundBestW && n > roundBestN);
  if (tcFitsFinal(better)) { commit(); return; }
  if (better) {
    tabuReset = iterations + 1;
    stall = 0;
    roundBestW = w;
    roundBestN = n;
    snapshotRound();
  } else stall++;
  if (stall > STALL_LIMIT) restart();
}

function commit(): void {
  for (let h = 0; h < hosts; h++) setI32(closed, h, 0);
  inRound = false;
  attempt = 0;
  improvements++;
  recordBest();
}

/** The round failed: back to the best complete solution (moving only what differs), next attempt. */
function restart(): void {
  for (let v = 0; v < unitCount; v++) {
    const h = i32At(unitHost, v);
    if (h == i32At(best, v)) continue;
    if (h >= 0) remove(v); else if (i32At(tcPos, v) >= 0) tcRemove(v);
  }
  for (let v = 0; v < unitCount; v++) if (i32At(unitHost, v) < 0 && i32At(best, v) >= 0) place(v, i32At(best, v));
  for (let h = 0; h < hosts; h++) setI32(closed, h, 0);
  inRound = false;
  attempt++;
  if (attempt > ATTEMPT_LIMIT) done = true;
}

// ── trash can ──

@inline function tcPush(unit: i32): void {
  setI32(tcPos, unit, tcLen);
  setI32(tc, tcLen++, unit);
}

function tcRemove(unit: i32): void {
  const at = i32At(tcPos, unit);
  const last = i32At(tc, tcLen - 1);
  setI32(tc, at, last);
  setI32(tcPos, last, at);
  tcLen--;
  setI32(tcPos, unit, -1);
}

function tcWeight(): f64 {
  let w: f64 = 0;
  for (let k = 0; k < tcLen; k++) w += f64At(unitWeight, i32At(tc, k));
  return w;
}

// ── success test: does TC fit into the final hosts? ──

function sameHostKind(x: i32, y: i32): bool {
  for (let d = 0; d < dims; d++) if (capacityAt(x, d) != capacityAt(y, d)) return false;
  for (let k = 0; k < labelWords; k++) if (i32At(hostLabels, x * labelWords + k) != i32At(hostLabels, y * labelWords + k)) return false;
  return i32At(hostMaxItems, x) == i32At(hostMaxItems, y) && i32At(hostRack, x) == i32At(hostRack, y)
    && i32At(hostSite, x) == i32At(hostSite, y);
}

let finalNodes = 0;
let finalLen = 0;

/** TC demand in dimension d. */
function tcNeed(d: i32): f64 {
  let need: f64 = 0;
  for (let k = 0; k < tcLen; k++) need += demandOf(i32At(tc, k), d);
  return need;
}

function tcFitsFinal(repack: bool): bool {
  if (tcLen == 0) return true;
  for (let d = 0; d < dims; d++) {
    const need = tcNeed(d);
    let have: f64 = 0;
    for (let j = 0; j < finalCount; j++) have += capacityAt(finalAt(j), d);
    if (need > have) return false;
  }
  for (let k = 0; k < tcLen; k++) setI32(finalUnits, k, i32At(tc, k));
  finalLen = tcLen;
  useSortKeys(unitWeight);
  sortIndices(finalUnits, finalLen, BY_F64_DESC);
  finalNodes = FINAL_NODES;
  if (assignFinal(0)) {
    while (tcLen > 0) tcRemove(i32At(tc, tcLen - 1));
    return true;
  }
  if (!repack) return false;
  // A large-neighbourhood repack: TC together with the units of k active hosts (the least filled ones)
  // into F plus those hosts, by the same bounded search.
  repackCount = 0;
  for (let pick = 0; pick < REPACK_HOSTS; pick++) {
    let best = -1;
    let bestFill: f64 = 0;
    // Active hosts only, as the reference's activeHosts: used, not closed, and not kept (the LP rounding's patterns).
    for (let h = keptHosts; h < hosts; h++) {
      if (i32At(hostCount, h) == 0 || i32At(closed, h) != 0 || repackHas(h)) continue;
      const f = fill(h);
      if (best < 0 || f < bestFill) { best = h; bestFill = f; }
    }
    if (best < 0) break;
    setI32(repackHosts, repackCount++, best);
  }
  shared = REPACK_NODES;
  for (let k = 1; k <= REPACK_DEPTH; k++) {
    subsetLen = 0;
    if (choose(0, k)) return true;
  }
  return false;
}

let repackCount = 0;
let subsetLen = 0;
let shared = 0; // search nodes left for all subsets together

function repackHas(h: i32): bool {
  for (let j = 0; j < repackCount; j++) if (i32At(repackHosts, j) == h) return true;
  return false;
}

function choose(from: i32, left: i32): bool {
  if (left == 0) return trySubset();
  for (let j = from; j < repackCount; j++) {
    setI32(repackSubset, subsetLen++, i32At(repackHosts, j));
    if (choose(j + 1, left - 1)) return true;
    subsetLen--;
  }
  return false;
}

function trySubset(): bool {
  if (shared <= 0) return false;
  for (let d = 0; d < dims; d++) {
    const need = tcNeed(d);
    let have: f64 = 0;
    for (let j = 0; j < finalBase; j++) have += capacityAt(finalAt(j), d);
    for (let j = 0; j < subsetLen; j++) have += residualAt(i32At(repackSubset, j), d);
    if (need > have) return false;
  }
  // Take the subset's units off their hosts, host by host, newest first (remembered for the undo).
  let n = 0;
  for (let j = 0; j < subsetLen; j++) {
    const h = i32At(repackSubset, j);
    let size = 0;
    for (let v = i32At(hostHead, h); v >= 0; v = i32At(unitNext, v)) { setI32(repackUnits, n++, v); size++; }
    setI32(repackSizes, j, size);
  }
  for (let k = 0; k < n; k++) remove(i32At(repackUnits, k));
  for (let j = 0; j < subsetLen; j++) setI32(finalHosts, finalBase + j, i32At(repackSubset, j));
  finalCount = finalBase + subsetLen;
  for (let k = 0; k < tcLen; k++) setI32(finalUnits, k, i32At(tc, k));
  for (let k = 0; k < n; k++) setI32(finalUnits, tcLen + k, i32At(repackUnits, k));
  finalLen = tcLen + n;
  useSortKeys(unitWeight);
  sortIndices(finalUnits, finalLen, BY_F64_DESC);
  const budget = min(FINAL_NODES, shared);
  finalNodes = budget;
  const ok = assignFinal(0);
  shared -= budget - max(finalNodes, 0);
  finalCount = finalBase;
  if (ok) {
    while (tcLen > 0) tcRemove(i32At(tc, tcLen - 1));
    return true;
  }
  // Each host gets its units back oldest first, which rebuilds its list in the original order.
  let offset = 0;
  for (let j = 0; j < subsetLen; j++) {
    const h = i32At(repackSubset, j), size = i32At(repackSizes, j);
    for (let k = offset + size - 1; k >= offset; k--) place(i32At(repackUnits, k), h);
    offset += size;
  }
  return false;
}

function assignFinal(i: i32): bool {
  if (i == finalLen) return true;
  const unit = i32At(finalUnits, i);
  for (let j = 0; j < finalCount; j++) {
    const h = finalAt(j);
    let symmetric = false;
    for (let k = 0; k < j && !symmetric; k++) {
      const g = finalAt(k);
      if (i32At(hostCount, g) == 0 && i32At(hostCount, h) == 0 && sameHostKind(g, h)) symmetric = true;
    }
    if (symmetric || !fits(unit, h)) continue;
    if (finalNodes-- <= 0) return false;
    place(unit, h);
    if (assignFinal(i + 1)) return true;
    remove(unit);
  }
  return false;
}

// ── hosts examined ──

/** Units on host h, newest first, into unitList; returns how many. */
function unitsOn(h: i32): i32 {
  let k = 0;
  for (let v = i32At(hostHead, h); v >= 0; v = i32At(unitNext, v)) setI32(unitList, k++, v);
  return k;
}

/** Up to `limit` used, non-closed hosts from cursor `which` (0: moves, 1: repacks) into `out`. */
function activeHosts(limit: i32, which: i32, out: usize): i32 {
  let h = which == 0 ? cursor0 : cursor1;
  let seen = 0, k = 0;
  while (seen < hosts && k < limit) {
    if (h >= keptHosts && i32At(hostCount, h) > 0 && i32At(closed, h) == 0) setI32(out, k++, h);
    h = h + 1 == hosts ? 0 : h + 1;
    seen++;
  }
  if (which == 0) cursor0 = h; else cursor1 = h;
  return k;
}

// ── tabu moves ──

@inline function isFrozen(unit: i32, h: i32): bool {
  const c = i32At(unitClass, unit);
  return i32At(tabuHost, c) == h && i32At(tabuStamp, c) > tabuReset && i32At(tabuUntil, c) > iterations;
}

function freeze(unit: i32, h: i32): void {
  const c = i32At(unitClass, unit);
  if (i32At(tabuStamp, c) <= tabuReset) setI32(tabuFreq, c, 0);
  const f = i32At(tabuFreq, c) + 1;
  setI32(tabuFreq, c, f);
  setI32(tabuStamp, c, iterations + 1);
  setI32(tabuHost, c, h);
  setI32(tabuUntil, c, iterations + TENURE + randomBelow(TENURE_SPAN) + ((f + 1) >> 1) + 1);
}

// Alike units (one class) are interchangeable in a move: the same weight, fit and rules. A move therefore takes each
// distinct single and pair of classes once, the first copies in list order (Buljubašić & Vasquez enumerate units; with
// many replicas of few shapes most of those moves are copies, on which the cap of checks per move was spent).
let markStamp = 0;

/** Each unit's copy number within its class among list[0, len), into listRole: 1 first, 2 second, 0 a later one. */
function markCopies(list: usize, len: i32): void {
  markStamp++;
  for (let k = 0; k < len; k++) {
    const c = i32At(unitClass, i32At(list, k));
    const n = i32At(classMark, c) == markStamp ? i32At(classTally, c) + 1 : 1;
    setI32(classMark, c, markStamp);
    setI32(classTally, c, n);
    setI32(listRole, k, ALIKE_AS_ONE == 0 ? 1 : n <= 2 ? n : 0);
  }
}

/** Is the pair at positions x < y of a list marked by markCopies the first of its two classes (or two copies of one)? */
@inline function distinctPair(list: usize, x: i32, y: i32): bool {
  if (i32At(listRole, x) != 1) return false;
  if (ALIKE_AS_ONE == 0) return true;
  const same = i32At(unitClass, i32At(list, x)) == i32At(unitClass, i32At(list, y));
  return i32At(listRole, y) == (same ? 2 : 1);
}

/** Distinct TC singles and pairs into insA/insB/insWeight, heaviest first, ties in creation order (sorted through
 * insOrder, then laid out in that order, so that a tabu move's thousands of checks read them one after another). */
function inSets(): i32 {
  markCopies(tc, tcLen);
  let m = 0;
  for (let x = 0; x < tcLen; x++) {
    if (i32At(listRole, x) != 1) continue;
    const t = i32At(tc, x);
    setI32(insA, m, t); setI32(insB, m, -1); setF64(insWeight, m, f64At(unitWeight, t));
    m++;
  }
  if (tcLen <= PAIR_IN_LIMIT) {
    for (let x = 0; x < tcLen; x++) {
      for (let y = x + 1; y < tcLen; y++) {
        if (!distinctPair(tc, x, y)) continue;
        const s = i32At(tc, x), t = i32At(tc, y);
        setI32(insA, m, s); setI32(insB, m, t); setF64(insWeight, m, f64At(unitWeight, s) + f64At(unitWeight, t));
        m++;
      }
    }
  }
  for (let k = 0; k < m; k++) setI32(insOrder, k, k);
  useSortKeys(insWeight);
  sortIndices(insOrder, m, BY_F64_DESC);
  for (let k = 0; k < m; k++) { const o = i32At(insOrder, k); setI32(sortA, k, i32At(insA, o)); setI32(sortB, k, i32At(insB, o)); }
  for (let k = 0; k < m; k++) {
    // Each weight summed again as above: the same value.
    const a = i32At(sortA, k), b = i32At(sortB, k);
    setI32(insA, k, a); setI32(insB, k, b);
    setF64(insWeight, k, b < 0 ? f64At(unitWeight, a) : f64At(unitWeight, a) + f64At(unitWeight, b));
  }
  return m;
}

function sameUnits(x1: i32, x2: i32, t1: i32, t2: i32): bool {
  if (x2 < 0) return alike(x1, t1);
  return (alike(x1, t1) && alike(x2, t2)) || (alike(x1, t2) && alike(x2, t1));
}

@inline function isBig(unit: i32, d: i32): bool {
  return demandOf(unit, d) * 2 > f64At(bigCap, d);
}

/** Units in TC that are big, per dimension, into bigTc. */
function countBigInTc(): void {
  for (let d = 0; d < dims; d++) {
    let now = 0;
    for (let k = 0; k < tcLen; k++) if (isBig(i32At(tc, k), d)) now++;
    setI32(bigTc, d, now);
  }
}

function tooManyBig(x1: i32, x2: i32, t1: i32, t2: i32): bool {
  const limit = finalCount;
  for (let d = 0; d < dims; d++) {
    let grow = 0;
    if (x1 >= 0 && isBig(x1, d)) grow++;
    if (x2 >= 0 && isBig(x2, d)) grow++;
    if (isBig(t1, d)) grow--;
    if (t2 >= 0 && isBig(t2, d)) grow--;
    if (grow > 0 && i32At(bigTc, d) + grow > limit) return true;
  }
  return false;
}

/** Upper bound on the size of units host b can take after giving up x1, x2 (reference: roomAfter). */
function roomAfter(b: i32, x1: i32, x2: i32): f64 {
  let c: f64 = 0;
  for (let d = 0; d < dims; d++) {
    const n = f64At(norm, d);
    if (n <= 0) continue;
    let v = residualAt(b, d);
    if (x1 >= 0) v += demandOf(x1, d);
    if (x2 >= 0) v += demandOf(x2, d);
    c += v / n;
  }
  return c * (1 + 1e-9) + 1e-12;
}

function tabuMove(): bool {
  const m = inSets();
  countBigInTc();
  let bestHost = -1, bestDn = -0x7fffffff, ties = 0;
  let bestDw: f64 = Infinity;
  let bx1 = -1, bx2 = -1, bt1 = -1, bt2 = -1;
  const count = activeHosts(HOST_WINDOW, 0, hostList);
  const four = dims == 4;
  let evals = 0; // feasibility checks, capped per iteration on large instances
  let stop = false;
  for (let j = 0; j < count && !stop; j++) {
    const b = i32At(hostList, j);
    const limit = i32At(hostMaxItems, b);
    // The host's movable units (not frozen there), newest first.
    let len = 0;
    for (let v = i32At(hostHead, b); v >= 0; v = i32At(unitNext, v)) if (!isFrozen(v, b)) setI32(unitList, len++, v);
    markCopies(unitList, len);
    const pairs = len <= PAIR_OUT_LIMIT;
    // outs: the empty set, then distinct singles, then distinct pairs (x before y in list order)
    const outs = 1 + len + (pairs ? (len * (len - 1)) >> 1 : 0);
    let o1 = 0, o2 = 1; // pair cursor
    for (let o = 0; o < outs && !stop; o++) {
      let x1 = -1, x2 = -1;
      if (o == 0) { /* empty */ } else if (o <= len) {
        if (i32At(listRole, o - 1) != 1) continue;
        x1 = i32At(unitList, o - 1);
      } else {
        const a = o1, c = o2;
        if (++o2 == len) { o1++; o2 = o1 + 1; }
        if (!distinctPair(unitList, a, c)) continue;
        x1 = i32At(unitList, a);
        x2 = i32At(unitList, c);
      }
      const p = x1 < 0 ? 0 : x2 < 0 ? 1 : 2;
      let wo: f64 = 0;
      if (x1 >= 0) wo += f64At(unitWeight, x1);
      if (x2 >= 0) wo += f64At(unitWeight, x2);
      // Subsets are heaviest first, so the TC weight change wo − wi only grows along them; subsets too heavy to
      // fit are skipped by a binary search.
      const room = roomAfter(b, x1, x2);
      // The item count x1 and x2 leave, and on four dimensions the host's residual with them given up, summed once
      // per outgoing set in swapFits' order ((residual + x1) + x2, then − t1 − t2 per check).
      let avail0 = f64x2.splat(0), avail1 = avail0;
      let left = i32At(hostCount, b);
      if (x1 >= 0) left -= i32At(unitSlots, x1);
      if (x2 >= 0) left -= i32At(unitSlots, x2);
      if (four) {
        const r = rowOf(residual, b);
        avail0 = v128.load(r); avail1 = v128.load(r + 16);
        if (x1 >= 0) { const d = rowOf(unitDemand, x1); avail0 = f64x2.add(avail0, v128.load(d)); avail1 = f64x2.add(avail1, v128.load(d + 16)); }
        if (x2 >= 0) { const d = rowOf(unitDemand, x2); avail0 = f64x2.add(avail0, v128.load(d)); avail1 = f64x2.add(avail1, v128.load(d + 16)); }
      }
      let lo = 0, hi = m;
      while (lo < hi) {
        const mid = (lo + hi) >> 1;
        if (f64At(insWeight, mid) > room) lo = mid + 1; else hi = mid;
      }
      for (let s = lo; s < m; s++) {
        const t1 = i32At(insA, s), t2 = i32At(insB, s);
        const q = t2 < 0 ? 1 : 2;
        if (p == 0 && q == 2) continue;
        const dw = wo - f64At(insWeight, s);
        if (dw > bestDw) break;
        const dn = p - q;
        if (dw == bestDw && dn < bestDn) continue;
        if (p == q && sameUnits(x1, x2, t1, t2)) continue; // exchanging identical units changes nothing
        if (evals++ >= MOVE_EVALS) { stop = true; break; }
        moveChecks++;
        if (four ? !swapFitsFour(limit, left, t1, t2, avail0, avail1) : !swapFits(b, limit, left, x1, x2, t1, t2)) continue;
        if (!swapRulesOk(b, x1, x2, t1, t2) || tooManyBig(x1, x2, t1, t2)) continue;
        if (dw == bestDw && dn == bestDn) {
          ties++;
          if (randomBelow(ties) != 0) continue;
        } else ties = 1;
        bestHost = b; bestDw = dw; bestDn = dn; bx1 = x1; bx2 = x2; bt1 = t1; bt2 = t2;
      }
    }
  }
  if (bestHost < 0) return false;
  if (bx1 >= 0) { remove(bx1); tcPush(bx1); }
  if (bx2 >= 0) { remove(bx2); tcPush(bx2); }
  tcRemove(bt1); place(bt1, bestHost); freeze(bt1, bestHost);
  if (bt2 >= 0) { tcRemove(bt2); place(bt2, bestHost); freeze(bt2, bestHost); }
  return true;
}

/** Within the host's item limit (0: none) with t1, t2 (-1: none) added to `left`, what the outgoing units leave? */
@inline function slotsAfterSwap(limit: i32, left: i32, t1: i32, t2: i32): bool {
  if (limit <= 0) return true;
  let n = left + i32At(unitSlots, t1);
  if (t2 >= 0) n += i32At(unitSlots, t2);
  return n <= limit;
}

/**
 * Would host b hold t1, t2 (-1: none) in its item limit and capacity after giving up x1, x2 (`left`: its item count
 * less theirs)? Most of a tabu move's thousands of checks end here, so this part is inlined into the move's loop
 * (swapRulesOk checks the rest).
 */
@inline function swapFits(b: i32, limit: i32, left: i32, x1: i32, x2: i32, t1: i32, t2: i32): bool {
  if (!slotsAfterSwap(limit, left, t1, t2)) return false;
  for (let d = 0; d < dims; d++) {
    let v = residualAt(b, d);
    if (x1 >= 0) v += demandOf(x1, d);
    if (x2 >= 0) v += demandOf(x2, d);
    v -= demandOf(t1, d);
    if (t2 >= 0) v -= demandOf(t2, d);
    if (v < 0) return false;
  }
  return true;
}

/** swapFits for four dimensions, from what the outgoing units leave: `left`, the host's item count less theirs
 * (checked where `limit` > 0), and the residual with their demand added (avail0, avail1: dimensions 0–1 and 2–3),
 * then the same sums in the same order as swapFits, two dimensions per f64x2 operation. */
@inline function swapFitsFour(limit: i32, left: i32, t1: i32, t2: i32, avail0: v128, avail1: v128): bool {
  if (!slotsAfterSwap(limit, left, t1, t2)) return false;
  const d1 = rowOf(unitDemand, t1);
  let v0 = f64x2.sub(avail0, v128.load(d1)), v1 = f64x2.sub(avail1, v128.load(d1 + 16));
  if (t2 >= 0) {
    const d2 = rowOf(unitDemand, t2);
    v0 = f64x2.sub(v0, v128.load(d2)); v1 = f64x2.sub(v1, v128.load(d2 + 16));
  }
  const zero = f64x2.splat(0);
  return !v128.any_true(v128.or(f64x2.lt(v0, zero), f64x2.lt(v1, zero)));
}

/** The rest of the swap's rules (labels, isolation, spread) once swapFits holds. No state changes. */
function swapRulesOk(b: i32, x1: i32, x2: i32, t1: i32, t2: i32): bool {
  if (!labelsOk(t1, b) || (t2 >= 0 && !labelsOk(t2, b))) return false;
  if (!constrained) return true;
  return isolationAfterSwap(b, x1, x2, t1, t2) && spreadAfterSwap(b, x1, x2, t1, t2);
}

function exclusiveMembers(unit: i32): i32 {
  let k = 0;
  for (let i = i32At(unitFirst, unit); i >= 0; i = i32At(itemNext, i)) if (i32At(itemExclusive, i) != 0) k++;
  return k;
}

function allMembersOf(unit: i32, tenant: i32): bool {
  for (let i = i32At(unitFirst, unit); i >= 0; i = i32At(itemNext, i)) if (i32At(itemTenant, i) != tenant) return false;
  return true;
}

function isolationAfterSwap(b: i32, x1: i32, x2: i32, t1: i32, t2: i32): bool {
  let exclusive = i32At(exclusiveCount, b);
  if (x1 >= 0) exclusive -= exclusiveMembers(x1);
  if (x2 >= 0) exclusive -= exclusiveMembers(x2);
  exclusive += exclusiveMembers(t1);
  if (t2 >= 0) exclusive += exclusiveMembers(t2);
  if (exclusive == 0) return true;
  const tenant = i32At(itemTenant, i32At(unitFirst, t1));
  if (!allMembersOf(t1, tenant) || (t2 >= 0 && !allMembersOf(t2, tenant))) return false;
  for (let v = i32At(hostHead, b); v >= 0; v = i32At(unitNext, v)) {
    if (v == x1 || v == x2) continue;
    if (!allMembersOf(v, tenant)) return false;
  }
  return true;
}

function groupMembers(unit: i32, g: i32): i32 {
  let k = 0;
  for (let j = i32At(unitFirst, unit); j >= 0; j = i32At(itemNext, j)) if (i32At(itemSpread, j) == g) k++;
  return k;
}

function spreadOfUnitOk(unit: i32, b: i32, x1: i32, x2: i32, t1: i32, t2: i32): bool {
  for (let i = i32At(unitFirst, unit); i >= 0; i = i32At(itemNext, i)) {
    const g = i32At(itemSpread, i);
    if (g < 0) continue;
    let n = spreadAt(g, domainOf(b, i32At(spreadLevel, g)));
    if (x1 >= 0) n -= groupMembers(x1, g);
    if (x2 >= 0) n -= groupMembers(x2, g);
    n += groupMembers(t1, g);
    if (t2 >= 0) n += groupMembers(t2, g);
    if (n > i32At(spreadMax, g)) return false;
  }
  return true;
}

function spreadAfterSwap(b: i32, x1: i32, x2: i32, t1: i32, t2: i32): bool {
  return spreadOfUnitOk(t1, b, x1, x2, t1, t2) && (t2 < 0 || spreadOfUnitOk(t2, b, x1, x2, t1, t2));
}

// ── descent: Pack(b) refills host b with the best subset of its units and TC ──

let packN = 0;
let packHostIndex = 0;
let packLimit = 0;
let packNodes = 0;
let packBestW: f64 = 0;
let packBestN = 0;
let packImproved = false;

/**
 * Tenant of a host's content with the unit added: NO_TENANT for none yet, MIXED_TENANT once two tenants meet.
 * Isolation holds while the content has no exclusive item or one tenant only (state.ts isolationOk).
 */
const NO_TENANT: i32 = -1;
@inline function joinTenant(tenant: i32, unit: i32): i32 {
  const t = i32At(unitTenant, unit);
  return tenant == NO_TENANT || tenant == t ? t : MIXED_TENANT;
}

/**
 * Spread counts in the domains of the refilled host stay within their maxima with candidate i added to the
 * chosen candidates [0, i) (the units of b beyond the candidates stay; the candidates on b now leave unless chosen).
 */
function packSpreadOk(i: i32): bool {
  const b = packHostIndex;
  const v = i32At(packCands, i);
  for (let m = i32At(unitFirst, v); m >= 0; m = i32At(itemNext, m)) {
    const g = i32At(itemSpread, m);
    if (g < 0) continue;
    let n = spreadAt(g, domainOf(b, i32At(spreadLevel, g))) + groupMembers(v, g);
    for (let j = 0; j < packN; j++) {
      const c = i32At(packCands, j);
      const onB = i32At(unitHost, c) == b;
      const chosen = j < i && i32At(packChosen, j) == 1;
      if (onB != chosen) n += chosen ? groupMembers(c, g) : -groupMembers(c, g);
    }
    if (n > i32At(spreadMax, g)) return false;
  }
  return true;
}

// One node per turn of the loop: the branch without candidate i is the next turn (the recursion's tail call, so the
// nodes and their order are those of the reference's recursion).
function packDfs(i: i32, w: f64, k: i32, slots: i32, tenant: i32, exclusive: i32): void {
  const b = packHostIndex;
  // packLoad row k: the load with the k units chosen on the path here (row 0 the fixed units). A choice writes row
  // k + 1, which nothing reads once the search is back here, so the branch without a unit reads row k as it is.
  const load = rowOf(packLoad, k), next = rowOf(packLoad, k + 1), capacity = rowOf(hostCapacity, b);
  // Four dimensions (the planner's cpu, memory, disk, network) in two f64x2 pairs held for the whole loop: most
  // candidates fail the capacity test, so it comes first and costs two sums and two comparisons.
  const four = dims == 4;
  let load0 = f64x2.splat(0), load1 = load0, cap0 = load0, cap1 = load0;
  if (four) { load0 = v128.load(load); load1 = v128.load(load + 16); cap0 = v128.load(capacity); cap1 = v128.load(capacity + 16); }
  for (;; i++) {
    if (packNodes-- <= 0) return;
    if (w + f64At(packSuffix, i) < packBestW) return;
    if (i == packN) {
      if ((w > packBestW || (w == packBestW && k < packBestN)) && !packTooManyBig()) {
        packBestW = w;
        packBestN = k;
        for (let j = 0; j < packN; j++) setI32(packBest, j, i32At(packChosen, j));
        packImproved = true;
      }
      return;
    }
    const v = i32At(packCands, i);
    if (four) {
      const demand = rowOf(unitDemand, v);
      const sum0 = f64x2.add(load0, v128.load(demand)), sum1 = f64x2.add(load1, v128.load(demand + 16));
      if (v128.any_true(v128.or(f64x2.gt(sum0, cap0), f64x2.gt(sum1, cap1)))) continue;
      v128.store(next, sum0); v128.store(next + 16, sum1);
    } else if ((dims & 1) == 0) {
      // Two dimensions per f64x2 sum and comparison (lane by lane the scalar operations): the sums are the next row.
      const demand = rowOf(unitDemand, v);
      let fits = true;
      for (let d = 0; d < dims && fits; d += 2) {
        const o = <usize>d << 3;
        const sum = f64x2.add(v128.load(load + o), v128.load(demand + o));
        if (v128.any_true(f64x2.gt(sum, v128.load(capacity + o)))) fits = false;
        else v128.store(next + o, sum);
      }
      if (!fits) continue;
    } else {
      let fits = true;
      for (let d = 0; d < dims && fits; d++) if (f64Row(packLoad, k, d) + demandOf(v, d) > capacityAt(b, d)) fits = false;
      if (!fits) continue;
      for (let d = 0; d < dims; d++) setF64Row(packLoad, k + 1, d, f64Row(packLoad, k, d) + demandOf(v, d));
    }
    // Alike units are taken in candidate order: a copy only where the one before it was chosen (packHost).
    const prev = i32At(packPrevAlike, i);
    if (prev >= 0 && i32At(packChosen, prev) == 0) continue;
    if (packLimit > 0 && slots + i32At(unitSlots, v) > packLimit) continue;
    // Under isolation or spread rules the refill keeps them: both only tighten as units join, so prune here.
    const withTenant = constrained ? joinTenant(tenant, v) : tenant;
    const withExclusive = constrained ? exclusive | i32At(unitExclusive, v) : exclusive;
    if (constrained && !((withExclusive == 0 || withTenant >= 0) && packSpreadOk(i))) continue;
    setI32(packChosen, i, 1);
    packDfs(i + 1, w + f64At(unitWeight, v), k + 1, slots + i32At(unitSlots, v), withTenant, withExclusive);
    setI32(packChosen, i, 0);
  }
}

/** Would refilling the host with the chosen candidates leave TC with too many big units (and more than now)? */
function packTooManyBig(): bool {
  const b = packHostIndex;
  const limit = finalCount;
  for (let d = 0; d < dims; d++) {
    let grow = 0;
    for (let i = 0; i < packN; i++) {
      const v = i32At(packCands, i);
      if (!isBig(v, d)) continue;
      if (i32At(packChosen, i) == 0 && i32At(unitHost, v) == b) grow++;
      else if (i32At(packChosen, i) == 1 && i32At(unitHost, v) != b) grow--;
    }
    if (grow > 0 && i32At(bigTc, d) + grow > limit) return true;
  }
  return false;
}

function packHost(b: i32): bool {
  let len = unitsOn(b);
  for (let k = 0; k < len; k++) setI32(finalUnits, k, i32At(unitList, k));
  for (let k = 0; k < tcLen; k++) {
    const t = i32At(tc, k);
    if (labelsOk(t, b)) setI32(finalUnits, len++, t);
  }
  useSortKeys(unitWeight);
  sortIndices(finalUnits, len, BY_F64_DESC);
  const n = min(len, PACK_CANDIDATES);
  for (let k = 0; k < n; k++) setI32(packCands, k, i32At(finalUnits, k));
  // Alike units (one class: the same demand, labels and rules) are interchangeable in a refill, so of the subsets
  // that differ only in which copies they take, the search keeps the one with the earliest copies: the one it would
  // reach first. packPrevAlike[k]: the latest candidate before k alike to it, -1 for none (or with the rule off).
  for (let k = 0; k < n; k++) {
    let prev = -1;
    if (PACK_ALIKE_IN_ORDER != 0) {
      const v = i32At(packCands, k);
      for (let j = k - 1; j >= 0; j--) if (alike(i32At(packCands, j), v)) { prev = j; break; }
    }
    setI32(packPrevAlike, k, prev);
  }
  setF64(packSuffix, n, 0);
  // Σ of the positive weights from i on: an upper bound on what the rest can add (sizes may be negative).
  for (let i = n - 1; i >= 0; i--) setF64(packSuffix, i, f64At(packSuffix, i + 1) + max<f64>(0, f64At(unitWeight, i32At(packCands, i))));
  let bw: f64 = 0;
  let bn = 0;
  for (let k = 0; k < n; k++) {
    const v = i32At(packCands, k);
    if (i32At(unitHost, v) == b) { bw += f64At(unitWeight, v); bn++; }
  }
  for (let k = 0; k < n; k++) { setI32(packChosen, k, 0); setI32(packBest, k, 0); }
  // Units of b beyond the candidates stay on b: the refill starts from their load and slots.
  for (let d = 0; d < dims; d++) setF64Row(packLoad, 0, d, 0);
  let fixedSlots = 0, tenant = NO_TENANT, exclusive = 0;
  for (let k = n; k < len; k++) {
    const v = i32At(finalUnits, k);
    if (i32At(unitHost, v) != b) continue;
    fixedSlots += i32At(unitSlots, v);
    tenant = joinTenant(tenant, v);
    exclusive |= i32At(unitExclusive, v);
    for (let d = 0; d < dims; d++) setF64Row(packLoad, 0, d, f64Row(packLoad, 0, d) + demandOf(v, d));
  }
  packN = n;
  packHostIndex = b;
  packLimit = i32At(hostMaxItems, b);
  packNodes = PACK_NODES;
  packBestW = bw;
  packBestN = bn;
  packImproved = false;
  countBigInTc();
  packDfs(0, 0, 0, fixedSlots, tenant, exclusive);
  refillNodes += <f64>(PACK_NODES - max(packNodes, 0));
  if (!packImproved) return false;
  for (let k = 0; k < n; k++) {
    const v = i32At(packCands, k);
    if (i32At(packBest, k) == 0 && i32At(unitHost, v) == b) { remove(v); tcPush(v); }
  }
  for (let k = 0; k < n; k++) {
    const v = i32At(packCands, k);
    if (i32At(packBest, k) == 1 && i32At(unitHost, v) != b) { tcRemove(v); place(v, b); }
  }
  return true;
}


export function markDone(): void {
  done = true;
}
