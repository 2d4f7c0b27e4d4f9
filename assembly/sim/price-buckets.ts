// PABFD's hosts bucketed by what bounds their power increase from below, so that a search prices only the hosts
// that may win (engine.ts findHost). No reference counterpart: it only decides which hosts are priced, never what
// a price is, and every host that could be the answer, or come before it, is priced.
//
// The bound. findHost prices a host at P(after) − P(now), with after = (used + req) / total, x = used / total,
// P the host model's SPECpower line (power.ts) and now the utilisation of the last update. Where P never decreases
// and x ≥ now, P(now) ≤ P(x), so the increase is at least P(x + Δ) − P(x), Δ = req / total: at least Δ times the
// least slope of the segments [x, x + Δ] crosses. With x in segment k (k/10 ≤ x < (k + 1)/10) those are among
// k … k + ⌈10Δ⌉. So every host of one price group (model and total capacity) in segment k costs at least
// lb(g, k) = Δ_g · min slope(k … k + ⌈10Δ_g⌉) above P(x) − P(now) ≥ 0: the bucket's bound (its hosts' least) is lb(g, k)
// itself, and each host's own is lb(g, k) + its floor P(x) − P(now), kept with its bucket. A host
// whose model decreases somewhere, whose x < now, or whose group is beyond MAX_GROUPS is in the bucket `always`,
// priced at every search.
//
// Rounding: prices are sums of a few f64 roundings of values up to the model's largest power, so the bound is
// lowered by a margin (MARGIN × (1 + that power)) far above them: a bucket is skipped only where every host in
// it prices above the least price found, by more than any rounding.
//
// Layout, laid out from `at` by layoutBuckets (NB = MAX_GROUPS · SEGMENTS + 1 buckets, W words per host set):
//   u64 bucketSets   [NB × W]   the hosts in each bucket (bit h of word h >> 6, as bits.ts)
//   u64 summary      [NB]       bit w set where the bucket's word w is not 0 (kept only while W ≤ 64)
//   i32 population   [NB]       hosts in each bucket
//   i32 hostBucket   [H]        each host's bucket;   i32 hostGroup [H]  its price group, −1 = none
//   f64 floors       [H]        P(x) − P(now) of each bucketed host (its floor)
//   i32 heldHosts [H]; f64 heldBounds [H]   one search's hosts of priced buckets left unpriced, and their bounds
//   f64 groupTotal   [G];  i32 groupModel [G];  f64 groupMargin [G]
//   f64 leastSlope   [G × SEGMENTS × SEGMENTS]  min slope over segments k … min(9, k + span), [g][k][span]
//   i32 order [NB]; f64 orderKey [NB]            one search's buckets, least bound first
import { modelPower } from './arena';
import { bitOff, bitOn } from './bits';
import { f64At, i32At, setF64, setI32 } from './mem';
import { powerAt } from './power';

/** Price groups bucketed; hosts of further groups are priced at every search. */
export const MAX_GROUPS: i32 = 8;
/** Segments of x: k = ⌊10x⌋ in 0 … 9, and 10 for x = 1 (where only Δ = 0 can be priced). */
const SEGMENTS: i32 = 11;
const BUCKETS: i32 = MAX_GROUPS * SEGMENTS + 1;
/** The bucket of hosts priced at every search. */
export const ALWAYS: i32 = BUCKETS - 1;
const MARGIN: f64 = 1e-9;

let W: i32 = 0, groups: i32 = 0;
let bucketSets: usize = 0, summary: usize = 0, population: usize = 0, hostBucket: usize = 0, hostGroup: usize = 0;
let groupTotal: usize = 0, groupModel: usize = 0, groupMargin: usize = 0, leastSlope: usize = 0;
let order: usize = 0, orderKey: usize = 0, floors: usize = 0, heldHosts: usize = 0, heldBounds: usize = 0;

export function layoutBuckets(at: usize, hosts: i32, words: i32): usize {
  W = words;
  const h = <usize>hosts, nb = <usize>BUCKETS, g = <usize>MAX_GROUPS, s = <usize>SEGMENTS;
  bucketSets = at; at += nb * <usize>words * 8;
  summary = at; at += nb * 8;
  groupTotal = at; at += g * 8; groupMargin = at; at += g * 8;
  leastSlope = at; at += g * s * s * 8;
  orderKey = at; at += nb * 8;
  floors = at; at += h * 8; heldBounds = at; at += h * 8;
  population = at; at += nb * 4; hostBucket = at; at += h * 4; hostGroup = at; at += h * 4;
  groupModel = at; at += g * 4; order = at; at += nb * 4; heldHosts = at; at += h * 4;
  return at;
}

/** Starts a run: no groups, every bucket empty (the engine's layout zero-fills the region). */
export function resetBuckets(): void {
  groups = 0;
}

/** A host's price group by model and total capacity (−1 where the model decreases somewhere or groups run out);
 * the host starts in bucket `always` until rebucket places it. */
export function groupHost(h: i32, model: i32, total: f64): void {
  let g = -1;
  for (let k = 0; k < groups; k++) if (i32At(groupModel, k) == model && f64At(groupTotal, k) == total) { g = k; break; }
  if (g < 0 && groups < MAX_GROUPS && nonDecreasing(model)) {
    g = groups++;
    setI32(groupModel, g, model); setF64(groupTotal, g, total);
    prepareGroup(g, model);
  }
  setI32(hostGroup, h, g);
  setI32(hostBucket, h, ALWAYS);
  enter(h, ALWAYS);
}

function nonDecreasing(model: i32): bool {
  for (let k = 0; k < 10; k++) if (!(f64At(modelPower, model * 11 + k + 1) >= f64At(modelPower, model * 11 + k))) return false;
  return true;
}

function prepareGroup(g: i32, model: i32): void {
  let most: f64 = 0;
  for (let k = 0; k <= 10; k++) most = max(most, abs(f64At(modelPower, model * 11 + k)));
  setF64(groupMargin, g, MARGIN * (1 + most));
  for (let k = 0; k < SEGMENTS; k++) {
    let least = Infinity;
    for (let span = 0; span < SEGMENTS; span++) {
      const q = k + span;
      // Segment q's slope per unit of utilisation; beyond segment 9 nothing is crossed (after ≤ 1).
      if (q <= 9) least = min(least, (f64At(modelPower, model * 11 + q + 1) - f64At(modelPower, model * 11 + q)) * 10);
      setF64(leastSlope, (g * SEGMENTS + k) * SEGMENTS + span, least == Infinity ? 0 : least);
    }
  }
}

/** Puts host h in the bucket its used, total, now and power at now give (engine.ts findHost calls it for every host
 * whose values changed since: rebucketSet). */
export function rebucket(h: i32, used: f64, total: f64, now: f64, powerNow: f64): void {
  const g = i32At(hostGroup, h);
  let b = ALWAYS;
  const x = used / total;
  if (g >= 0 && x >= now && now >= 0) {
    b = g * SEGMENTS + <i32>min(10, floor(x * 10));
    // x = now (no move in or placement since the update) is the common case: P(x) is then P(now).
    setF64(floors, h, x == now ? 0 : powerAt(i32At(groupModel, g), min(x, 1)) - powerNow);
  }
  const was = i32At(hostBucket, h);
  if (b == was) return;
  leave(h, was);
  enter(h, b);
  setI32(hostBucket, h, b);
}

@inline function setOf(b: i32): usize { return bucketSets + (<usize>(b * W) << 3); }

function enter(h: i32, b: i32): void {
  const set = setOf(b);
  bitOn(set, h);
  setI32(population, b, i32At(population, b) + 1);
  if (W <= 64) store<u64>(summary + (<usize>b << 3), load<u64>(summary + (<usize>b << 3)) | (<u64>1 << <u64>(h >> 6)));
}

function leave(h: i32, b: i32): void {
  const set = setOf(b);
  bitOff(set, h);
  setI32(population, b, i32At(population, b) - 1);
  if (W <= 64 && load<u64>(set + (<usize>(h >> 6) << 3)) == 0) {
    store<u64>(summary + (<usize>b << 3), load<u64>(summary + (<usize>b << 3)) & ~(<u64>1 << <u64>(h >> 6)));
  }
}

/**
 * One search's buckets other than `always`, those with hosts, least bound first (`bound(k)`), for an item of
 * request `req`; returns how many. A request that is not a finite non-negative number bounds nothing (−∞).
 */
export function orderBuckets(req: f64): i32 {
  let n = 0;
  for (let g = 0; g < groups; g++) {
    const delta = req / f64At(groupTotal, g);
    const bounded = delta >= 0 && delta < Infinity;
    const span = bounded ? <i32>min(10, ceil(delta * 10)) : 0;
    const margin = f64At(groupMargin, g);
    for (let k = 0; k < SEGMENTS; k++) {
      const b = g * SEGMENTS + k;
      if (i32At(population, b) == 0) continue;
      const key = bounded ? delta * f64At(leastSlope, (g * SEGMENTS + k) * SEGMENTS + span) - margin : -Infinity;
      // Insertion by key: a few dozen buckets at most.
      let j = n - 1;
      while (j >= 0 && f64At(orderKey, j) > key) { setF64(orderKey, j + 1, f64At(orderKey, j)); setI32(order, j + 1, i32At(order, j)); j--; }
      setF64(orderKey, j + 1, key); setI32(order, j + 1, b);
      n++;
    }
  }
  return n;
}

/** The k-th bucket of the last orderBuckets, and its bound: no host in it prices below this. */
@inline export function orderedBucket(k: i32): i32 { return i32At(order, k); }
@inline export function bound(k: i32): f64 { return f64At(orderKey, k); }

/** Host h's floor, P(x) − P(now): its bound in a bucket is the bucket's plus this. */
@inline export function hostFloor(h: i32): f64 { return f64At(floors, h); }

// One search's held hosts: in a priced bucket, but bounded above the least price found when it was priced.
let held: i32 = 0;
@inline export function clearHeld(): void { held = 0; }
@inline export function hold(h: i32, lb: f64): void { setI32(heldHosts, held, h); setF64(heldBounds, held, lb); held++; }
@inline export function heldCount(): i32 { return held; }
@inline export function heldHost(k: i32): i32 { return i32At(heldHosts, k); }
@inline export function heldBound(k: i32): f64 { return f64At(heldBounds, k); }
/** Drops the k-th held host (the last takes its place). */
@inline export function unhold(k: i32): void {
  held--;
  setI32(heldHosts, k, i32At(heldHosts, held)); setF64(heldBounds, k, f64At(heldBounds, held));
}

/** Word w of bucket b's host set. */
@inline export function bucketWord(b: i32, w: i32): u64 { return load<u64>(setOf(b) + (<usize>w << 3)); }
/** The words of bucket b that are not 0, as bits (kept only while W ≤ 64: beyond, the caller walks every word). */
@inline export function bucketSummary(b: i32): u64 { return load<u64>(summary + (<usize>b << 3)); }
