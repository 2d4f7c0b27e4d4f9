// Reference for assembly/pack/construct.ts and assembly/pack/first-fit.ts: the constructive pass. Every rule
// takes units in the given order (item-centric) or fills hosts one by one (bin-centric), then a mop-up gives
// each unit the rule left unplaced one First Fit attempt over all hosts, so an item is unplaced only when no
// host can take it. Hosts are opened, filled and tried in the host order (host-order.ts: the identity in a pool
// of identical hosts); ties go to the host first in that order (item-centric) or the earliest unit in order
// (bin-centric).
import {
  ALG_BALANCED_FIT, ALG_BEST_FIT, ALG_DOT_PRODUCT, ALG_FIRST_FIT, ALG_K8S_BALANCED, ALG_K8S_LEAST, ALG_K8S_MOST, ALG_L2_NORM,
  ALG_LP_ROUNDING, ALG_MIN_SLACK, ALG_NEXT_FIT, ALG_NEXT_K_FIT, ALG_RANDOM, ALG_TETRIS, ALG_WORST_FIT, MIN_SLACK_CHECKS,
  MIN_SLACK_NODES, NEXT_K_WINDOW,
} from '../../assembly/abi';
import { givenOrder, type HostOrder } from './host-order';
import { sizeOf } from './order';
import type { Rng } from './random';
import type { HostState } from './state';
import { ClassIndex, unitScore, vectorIndexApplies } from './vector-rules';

export interface Rules {
  readonly st: HostState;
  readonly norm: Float64Array;
  readonly sizeKey: number;
  readonly sizeDim: number;
  readonly rng: Rng;
  /** The host order (host-order.ts rankHosts); absent: index order. */
  readonly hostOrder?: HostOrder;
  /** Bin-centric rules by the plain scan instead of the class index (tests compare the two). */
  readonly plainScan?: boolean;
}

function hostOrderOf(r: Rules): HostOrder {
  return r.hostOrder ?? givenOrder(r.st.a.hosts);
}

/** First host in the host order that takes the unit, or -1. */
export function firstFitHost(r: Rules, unit: number): number {
  for (const h of hostOrderOf(r).order) if (r.st.fits(unit, h)) return h;
  return -1;
}

/** First empty host in the host order that takes the unit, or -1. */
function firstEmptyHost(r: Rules, unit: number): number {
  for (const h of hostOrderOf(r).order) if (r.st.count[h] === 0 && r.st.fits(unit, h)) return h;
  return -1;
}

/** Score of host h for the unit under an item-centric scoring rule; higher is better. */
export function hostScore(r: Rules, rule: number, unit: number, h: number): number {
  const { st, norm } = r;
  const dd = st.a.dims;
  const cap = st.a.hostCapacity, res = st.residual, dem = st.u.demand;
  if (rule === ALG_BEST_FIT) return -sizeOf(r.sizeKey, r.sizeDim, norm, dd, (d) => res[h * dd + d] - dem[unit * dd + d]);
  if (rule === ALG_WORST_FIT) return sizeOf(r.sizeKey, r.sizeDim, norm, dd, (d) => res[h * dd + d] - dem[unit * dd + d]);
  if (rule === ALG_TETRIS) {
    let acc = 0;
    for (let d = 0; d < dd; d++) {
      const c = cap[h * dd + d];
      if (c > 0) acc += (dem[unit * dd + d] / c) * (res[h * dd + d] / c);
    }
    return acc;
  }
  if (rule === ALG_K8S_LEAST || rule === ALG_K8S_MOST) {
    let acc = 0;
    for (let d = 0; d < dd; d++) {
      const c = cap[h * dd + d];
      if (c <= 0) continue;
      const free = res[h * dd + d] - dem[unit * dd + d];
      acc += rule === ALG_K8S_LEAST ? free / c : (c - free) / c;
    }
    return acc / dd;
  }
  // ALG_K8S_BALANCED: 1 − standard deviation of the allocated shares after placing.
  let m = 0, mean = 0;
  for (let d = 0; d < dd; d++) {
    const c = cap[h * dd + d];
    if (c <= 0) continue;
    mean += (c - (res[h * dd + d] - dem[unit * dd + d])) / c;
    m++;
  }
  if (m === 0) return 1;
  mean /= m;
  let variance = 0;
  for (let d = 0; d < dd; d++) {
    const c = cap[h * dd + d];
    if (c <= 0) continue;
    const x = (c - (res[h * dd + d] - dem[unit * dd + d])) / c - mean;
    variance += x * x;
  }
  return 1 - Math.sqrt(variance / m);
}

/** Kubernetes scoring looks at every host; the other item-centric rules at open (used) hosts only. */
export function scoresAllHosts(rule: number): boolean {
  return rule === ALG_K8S_LEAST || rule === ALG_K8S_MOST || rule === ALG_K8S_BALANCED;
}

/** Two units are interchangeable for placement: single items with the same demand and constraints. */
export function sameClass(st: HostState, a: number, b: number): boolean {
  const { u } = st;
  const ar = st.a;
  if (u.slots[a] !== 1 || u.slots[b] !== 1) return false;
  const ia = u.first[a], ib = u.first[b];
  for (let d = 0; d < ar.dims; d++) if (u.demand[a * ar.dims + d] !== u.demand[b * ar.dims + d]) return false;
  for (let k = 0; k < ar.labelWords; k++) if (u.labels[a * ar.labelWords + k] !== u.labels[b * ar.labelWords + k]) return false;
  return ar.itemTenant[ia] === ar.itemTenant[ib] && ar.itemExclusive[ia] === ar.itemExclusive[ib] && ar.itemSpread[ia] === ar.itemSpread[ib];
}

function itemCentric(r: Rules, rule: number, order: Int32Array): void {
  const { st } = r;
  const { order: byRank, rank } = hostOrderOf(r);
  const hosts = st.a.hosts;
  const open: number[] = []; // hosts in the order they were opened
  let current = 0; // Next Fit's host, as a position in the host order
  let prev = -1;
  for (const unit of order) {
    if (st.u.conflict[unit] !== 0) { prev = unit; continue; }
    let chosen = -1;
    if (rule === ALG_FIRST_FIT) chosen = firstFitHost(r, unit);
    else if (rule === ALG_NEXT_FIT) {
      for (let k = current; k < hosts && chosen < 0; k++) if (st.fits(unit, byRank[k])) chosen = byRank[k];
      if (chosen >= 0) current = rank[chosen];
    } else if (rule === ALG_NEXT_K_FIT) {
      // Next-K Fit (Johnson 1973): the earliest opened of the NEXT_K_WINDOW hosts opened last, else a new host.
      chosen = open.slice(-NEXT_K_WINDOW).find((h) => st.fits(unit, h)) ?? firstEmptyHost(r, unit);
    } else if (rule === ALG_RANDOM) {
      const fitting = open.filter((h) => st.fits(unit, h));
      chosen = fitting.length > 0 ? fitting.sort((x, y) => x - y)[r.rng.below(fitting.length)] : firstEmptyHost(r, unit);
    } else if ((rule === ALG_BEST_FIT || rule === ALG_K8S_MOST) && prev >= 0 && st.unitHost[prev] >= 0
      && sameClass(st, prev, unit) && st.fits(unit, st.unitHost[prev])) {
      // The previous identical unit's host only got fuller, so it is still the best-scoring host that fits.
      chosen = st.unitHost[prev];
    } else {
      const candidates = scoresAllHosts(rule) ? Array.from({ length: hosts }, (_, h) => h) : open;
      let best = -Infinity;
      for (const h of candidates) {
        if (!st.fits(unit, h)) continue;
        const s = hostScore(r, rule, unit, h);
        if (chosen < 0 || s > best || (s === best && rank[h] < rank[chosen])) { best = s; chosen = h; }
      }
      if (chosen < 0 && !scoresAllHosts(rule)) chosen = firstEmptyHost(r, unit);
    }
    if (chosen >= 0) {
      if (st.count[chosen] === 0) open.push(chosen);
      st.place(unit, chosen);
    }
    prev = unit;
  }
}

/**
 * Bin-centric (Panigrahy et al. 2011): open hosts in the host order and fill each with the best-scoring unit that
 * fits, ties to the earliest in order. Through the class index (vector-rules.ts), which chooses as the scan does,
 * unless the rules ask for the scan or some capacity or demand is not finite.
 */
function binCentric(r: Rules, rule: number, order: Int32Array): Int32Array {
  const { st } = r;
  if (r.plainScan || !vectorIndexApplies(st)) return binCentricScan(r, rule, order);
  const index = new ClassIndex(st, rule, order, r.norm);
  const decided: number[] = [];
  for (const h of hostOrderOf(r).order) {
    if (index.remaining === 0) break;
    for (let unit = index.bestUnit(h); unit >= 0; unit = index.bestUnit(h)) {
      st.place(unit, h);
      decided.push(unit);
    }
  }
  const placed = new Set(decided);
  return Int32Array.from([...decided, ...Array.from(order).filter((unit) => !placed.has(unit))]);
}

/** The plain scan over every remaining unit for every placement: what the class index must equal. */
export function binCentricScan(r: Rules, rule: number, order: Int32Array): Int32Array {
  const { st } = r;
  const decided: number[] = [];
  let remaining = Array.from(order).filter((unit) => st.u.conflict[unit] === 0);
  for (const h of hostOrderOf(r).order) {
    if (remaining.length === 0) break;
    for (;;) {
      let chosen = -1, best = -Infinity;
      for (const unit of remaining) {
        if (!st.fits(unit, h)) continue;
        const s = unitScore(st, rule, unit, h);
        if (chosen < 0 || s > best) { best = s; chosen = unit; }
      }
      if (chosen < 0) break;
      st.place(chosen, h);
      decided.push(chosen);
      remaining = remaining.filter((unit) => unit !== chosen);
    }
  }
  const placed = new Set(decided);
  return Int32Array.from([...decided, ...Array.from(order).filter((unit) => !placed.has(unit))]);
}

/**
 * Per position k and dimension, the least demand of units[k…] (row n: +∞; a not-a-number demand makes NaN, which
 * rules nothing out).
 */
function leastDemand(st: HostState, units: readonly number[]): Float64Array {
  const dd = st.a.dims, n = units.length;
  const least = new Float64Array((n + 1) * dd).fill(Infinity, n * dd);
  for (let k = n - 1; k >= 0; k--) {
    for (let d = 0; d < dd; d++) {
      const later = least[(k + 1) * dd + d], v = st.u.demand[units[k] * dd + d];
      least[k * dd + d] = Number.isNaN(later) || Number.isNaN(v) ? NaN : Math.min(v, later);
    }
  }
  return least;
}

/** Can host h take none of units[k…] (leastDemand)? Its item limit is reached, or some dimension's room is below
 * every one's demand: fits would fail for each of them. */
function tooFullFrom(st: HostState, h: number, least: Float64Array, k: number): boolean {
  const dd = st.a.dims, limit = st.a.hostMaxItems[h];
  if (limit > 0 && st.count[h] >= limit) return true;
  for (let d = 0; d < dd; d++) if (st.residual[h * dd + d] < least[k * dd + d]) return true;
  return false;
}

/**
 * Minimum bin slack (Gupta & Ho 1999) with the largest remaining unit fixed first (MBS', Fleszar & Hindi 2002):
 * hosts are filled one by one in the host order; each gets the subset of remaining units with the largest total
 * size (Σ_d demand_d / norm_d) that it can take, found by a depth-first search over units in order that stops
 * at a perfectly full host or after MIN_SLACK_NODES placements (MIN_SLACK_CHECKS units looked at); a level of the
 * search ends where the host is too full for every unit left (tooFullFrom).
 */
function minSlack(r: Rules, order: Int32Array, prefix: readonly number[], firstHost: number): Int32Array {
  const { st } = r;
  const weight = st.u.weight;
  const decided: number[] = [...prefix]; // units already placed (by LP rounding), in that order
  let remaining = Array.from(order).filter((unit) => st.u.conflict[unit] === 0 && st.unitHost[unit] < 0);
  const dd = st.a.dims;
  const full = (h: number) => { for (let d = 0; d < dd; d++) if (st.residual[h * dd + d] !== 0) return false; return true; };
  const byRank = hostOrderOf(r).order;
  for (let k = firstHost; k < st.a.hosts && remaining.length > 0; k++) {
    const h = byRank[k];
    const firstAt = remaining.findIndex((unit) => st.fits(unit, h));
    if (firstAt < 0) continue;
    const n = remaining.length;
    const suffix = new Float64Array(n + 1);
    for (let j = n - 1; j >= 0; j--) suffix[j] = suffix[j + 1] + Math.max(0, weight[remaining[j]]);
    const least = leastDemand(st, remaining);
    const first = remaining[firstAt];
    st.place(first, h);
    const stack = [first];
    let best = [first], bestW = weight[first], nodes = MIN_SLACK_NODES, checks = MIN_SLACK_CHECKS, perfect = full(h);
    const dfs = (from: number, w: number): void => {
      let last = -1; // units of one class are tried once per level: the others give the same subsets
      for (let j = from; j < n && !perfect && nodes > 0 && checks > 0; j++) {
        if (w + suffix[j] <= bestW) return;
        if (tooFullFrom(st, h, least, j)) return; // no unit from here on fits: the rest of the level would only spend checks
        const v = remaining[j];
        checks--;
        if (j === firstAt || (last >= 0 && sameClass(st, last, v))) continue;
        last = v;
        if (!st.fits(v, h)) continue;
        nodes--;
        st.place(v, h);
        stack.push(v);
        const w2 = w + weight[v];
        if (w2 > bestW) { bestW = w2; best = [...stack]; perfect = full(h); }
        dfs(j + 1, w2);
        stack.pop();
        st.remove(v);
      }
    };
    dfs(0, weight[first]);
    st.remove(first);
    for (const v of best) { st.place(v, h); decided.push(v); }
    const placed = new Set(best);
    remaining = remaining.filter((unit) => !placed.has(unit));
  }
  const placed = new Set(decided);
  return Int32Array.from([...decided, ...Array.from(order).filter((unit) => !placed.has(unit))]);
}

/**
 * Balanced fit's hosts open up front and its binding dimensions (assembly/pack/construct.ts balancedHosts): the
 * two largest volumes Σ demand / capacity of the first host in the host order; b = −1 when one carries all.
 */
export function balancedHosts(r: Rules): { hosts: number; a: number; b: number } {
  const { st } = r;
  const dd = st.a.dims;
  if (st.a.hosts === 0) return { hosts: 0, a: 0, b: -1 };
  const first = hostOrderOf(r).order[0];
  let a = 0, b = -1, va = -1, vb = -1;
  for (let d = 0; d < dd; d++) {
    const n = st.a.hostCapacity[first * dd + d];
    let v = 0;
    if (n > 0) for (let u = 0; u < st.u.count; u++) v += st.u.demand[u * dd + d] / n;
    if (v > va) { vb = va; b = a; va = v; a = d; } else if (v > vb) { vb = v; b = d; }
  }
  if (vb <= 0 || b === a) b = -1;
  return { hosts: Math.min(st.a.hosts, Math.max(1, Math.ceil(va - 1e-9))), a, b };
}

/**
 * Balanced fit (ALG_BALANCED_FIT): the first balancedHosts hosts in the host order are open from the start; each
 * unit goes to the open host where the room left in the two binding dimensions, as shares of capacity, ends
 * closest (ties to the host first in order); when none fits, the next empty host that does joins them. Balancing a
 * host's dimensions follows Leinberger, Karypis & Kumar's multi-capacity heuristics (ICPP 1999).
 */
function balancedFit(r: Rules, order: Int32Array): void {
  const { st } = r;
  const { order: byRank, rank } = hostOrderOf(r);
  const dd = st.a.dims, cap = st.a.hostCapacity, res = st.residual, dem = st.u.demand;
  const { hosts, a, b } = balancedHosts(r);
  let limit = hosts;
  const room = (h: number, unit: number, d: number) => {
    const c = cap[h * dd + d];
    return c > 0 ? (res[h * dd + d] - dem[unit * dd + d]) / c : 0;
  };
  for (const unit of order) {
    if (st.u.conflict[unit] !== 0) continue;
    let chosen = -1, best = Infinity;
    for (let k = 0; k < limit; k++) {
      const h = byRank[k];
      if (!st.fits(unit, h)) continue;
      const s = b < 0 ? room(h, unit, a) : Math.abs(room(h, unit, a) - room(h, unit, b));
      if (s < best) { best = s; chosen = h; }
    }
    if (chosen < 0) {
      chosen = firstEmptyHost(r, unit);
      if (chosen >= 0) limit = Math.max(limit, rank[chosen] + 1);
    }
    if (chosen >= 0) st.place(unit, chosen);
  }
}

/**
 * Runs the rule over units in `order`; returns units in the order the pass decided on them. For LP rounding,
 * `rounded` units already sit on hosts [0, firstHost) (identical hosts: the host order is the index order), which
 * the minimum-slack rule leaves alone.
 */
export function construct(r: Rules, rule: number, order: Int32Array, rounded: readonly number[] = [], firstHost = 0): Int32Array {
  const decided = rule === ALG_DOT_PRODUCT || rule === ALG_L2_NORM ? binCentric(r, rule, order)
    : rule === ALG_MIN_SLACK || rule === ALG_LP_ROUNDING ? minSlack(r, order, rounded, firstHost)
    : rule === ALG_BALANCED_FIT ? (balancedFit(r, order), order) : (itemCentric(r, rule, order), order);
  for (const unit of decided) {
    if (r.st.unitHost[unit] >= 0 || r.st.u.conflict[unit] !== 0) continue;
    const h = firstFitHost(r, unit);
    if (h >= 0) r.st.place(unit, h);
  }
  return decided;
}
