// The pattern LP of one-dimensional bin packing (cutting-stock form), solved by column generation (Gilmore &
// Gomory 1961) with dual-optimal exchange columns (Ben Amor, Desrosiers & Valério de Carvalho 2006), Wentges
// smoothing (1997), Farley's bound (1990) and a revised primal simplex with a dense basis inverse (Bland's rule
// after a run of degenerate pivots). The model, its sources and every tie-break are described in the reference,
// core/reference/pattern-lp.ts, which this file follows statement by statement so both give bit-identical values.
//
// State between calls (so a step budget may be spent in chunks), in the arena's lp* regions (arena.ts):
//   lpSize[m], lpDemand[m]       sizes in decreasing order, items per size; lpTypeHead[m] + lpItemNext[N] list them
//   lpColumnStart[P + 1]         pool: column j's entries are lpEntryType/lpEntryCount[start_j, start_(j+1))
//   lpColumnCost[P], lpColumnBasic[P]
//   lpBasis[m], lpSurplusBasic[m] basic variable per row (column, or −(i + 1) for row i's surplus)
//   lpInverse[m × m]             B⁻¹, row-major; lpValue[m] basic values, lpDual[m] duals
//   lpCenter[m], lpPrice[m]      best prices so far (smoothing), prices of the current round
//   lpTable[C + 1], lpTake[...]  knapsack values per capacity, decision bits per (copy, capacity)
//   lpResidual[m]                items per size not in a fixed pattern (the demand the LP is solved for)
//   lpFixedColumn[N], lpFixRow[N], lpFixStart[N + 1]   the dive's fixed patterns, one per host, and the rows of
//                                the items each took; lpTried[DIVE_TRIES] roundings undone at this level
import {
  DIVE_DONE, DIVE_MAX_STEPS, DIVE_NONE, DIVE_RUNNING, DIVE_STOPPED, DIVE_TRIES, LP_BLAND_AFTER, LP_INELIGIBLE, LP_MAX_CAPACITY, LP_MAX_COLUMNS, LP_MAX_ENTRIES, LP_MAX_ITEMS, LP_MAX_STEPS,
  LP_MAX_TYPES, LP_NONE, LP_OPTIMAL, LP_REINVERT, LP_RUNNING, LP_SMOOTHING, LP_STOPPED, LP_TAKE_WORDS,
} from '../abi';
import {
  hosts, items, dims, labelWords, hostCapacity, hostCost, hostMaxItems, itemDemand, itemExclusive, itemSpread,
  itemAffinity, itemLabels, lpInverse, lpMatrix, lpValue, lpDual, lpCenter, lpPrice, lpDirection, lpTable,
  lpColumnCost, lpSize, lpDemand, lpTypeHead, lpItemNext, lpBasis, lpSurplusBasic, lpPattern, lpCopyType,
  lpColumnStart, lpColumnBasic, lpEntryType, lpEntryCount, lpTake, lpResidual, lpTried, lpFixedColumn, lpFixRow,
  lpFixStart,
  i32At, setI32, f64At, setF64,
} from '../arena';

const EPS: f64 = 1e-9;

export let lpState = LP_NONE;
export let lpRows = 0; //       m
export let lpCapacity = 0; //   C
export let lpValid = true;
export let lpSteps = 0;
export let lpPivots = 0;
let sinceInvert = 0;
let degenerate = 0;
export let lpColumns = 0;
let entries = 0;
let centerSet = false;
let centerBound: f64 = 0;
let mispriced = false;
// The dive (see the reference): its state, hosts fixed, the root LP's bound and value, the target, the rounding
// up awaiting its verdict, roundings undone at this level, and whether phase-1 pivots come first.
export let lpDiveState = DIVE_NONE;
export let lpFixed = 0;
let rootBound = 0;
let rootValue: f64 = 0;
let target = 0;
let trial = -1;
let triedCount = 0;
let infeasible = false;

/** Forgets the LP (a new arena). */
export function lpReset(): void {
  lpState = LP_NONE;
}

/** Sizes per whole-number size into lpTable and the number of distinct sizes, or -1 (see the reference). */
function scanSizes(): i32 {
  if (dims != 1 || hosts < 1 || items < 1 || items > LP_MAX_ITEMS) return -1;
  const c = f64At(hostCapacity, 0), cost = f64At(hostCost, 0);
  if (!(c >= 1 && c <= <f64>LP_MAX_CAPACITY && Math.floor(c) == c)) return -1;
  for (let h = 0; h < hosts; h++) {
    if (f64At(hostCapacity, h) != c || f64At(hostCost, h) != cost || i32At(hostMaxItems, h) > 0) return -1;
  }
  for (let i = 0; i < items; i++) {
    if (i32At(itemExclusive, i) != 0 || i32At(itemSpread, i) >= 0 || i32At(itemAffinity, i) >= 0) return -1;
    for (let k = 0; k < labelWords; k++) if (i32At(itemLabels, i * labelWords + k) != 0) return -1;
  }
  const ci = <i32>c;
  for (let x = 0; x <= ci; x++) setF64(lpTable, x, 0);
  let m = 0, copies = 0;
  for (let i = 0; i < items; i++) {
    const x = f64At(itemDemand, i);
    if (!(x >= 0 && x <= c && Math.floor(x) == x)) return -1;
    if (x > 0) {
      const xi = <i32>x;
      if (f64At(lpTable, xi) == 0) m++;
      setF64(lpTable, xi, f64At(lpTable, xi) + 1);
      copies++;
    }
  }
  if (m == 0 || m > LP_MAX_TYPES || <i64>copies * <i64>(ci + 1) > <i64>LP_TAKE_WORDS * 32) return -1;
  return m;
}

/** Same sizes and item counts as when the LP was set up. */
export function lpSameSizes(): bool {
  if (lpState == LP_INELIGIBLE) return scanSizes() < 0;
  const m = scanSizes();
  if (m != lpRows || f64At(hostCapacity, 0) != <f64>lpCapacity) return false;
  for (let t = 0; t < m; t++) if (f64At(lpTable, i32At(lpSize, t)) != <f64>i32At(lpDemand, t)) return false;
  return true;
}

export function lpUsable(): bool {
  return lpState != LP_NONE && lpState != LP_INELIGIBLE && lpValid;
}

export function lpBound(): i32 {
  if (lpDiveState != DIVE_NONE) return rootBound;
  return centerSet ? <i32>Math.ceil(centerBound - 1e-6) : 0;
}

export function lpReportedValue(): f64 {
  return lpDiveState != DIVE_NONE ? rootValue : lpObjective();
}

export function lpObjective(): f64 {
  let z: f64 = 0;
  for (let r = 0; r < lpRows; r++) {
    const j = i32At(lpBasis, r);
    if (j >= 0) z += f64At(lpColumnCost, j) * f64At(lpValue, r);
  }
  return z;
}

export function lpRun(budget: i32): i32 {
  for (let k = 0; k < budget && lpState == LP_RUNNING && lpDiveState == DIVE_NONE; k++) step();
  return lpState;
}

/** Up to `budget` steps of the dive, ending with at most `leave` hosts of the target unfixed; its state. */
export function lpDive(budget: i32, leave: i32): i32 {
  for (let k = 0; k < budget && (lpDiveState == DIVE_NONE || lpDiveState == DIVE_RUNNING); k++) {
    if (lpDiveState == DIVE_RUNNING && lpSteps >= LP_MAX_STEPS + DIVE_MAX_STEPS) { lpDiveState = DIVE_STOPPED; break; }
    if (lpState == LP_RUNNING) { step(); continue; }
    if (lpState != LP_OPTIMAL || !lpValid) { lpDiveState = DIVE_STOPPED; break; }
    if (lpDiveState == DIVE_NONE) {
      rootBound = lpBound();
      rootValue = lpObjective();
      target = rootBound;
      lpDiveState = DIVE_RUNNING;
    }
    lpSteps++;
    if (trial >= 0) {
      const need = lpFixed + <i32>Math.ceil(lpObjective() - 1e-6);
      if (need > target) {
        if (triedCount < DIVE_TRIES) {
          setI32(lpTried, triedCount++, trial);
          trial = -1;
          unfix();
          resolve();
          continue;
        }
        target = need;
      }
      trial = -1;
    }
    if (target - lpFixed <= leave) { lpDiveState = DIVE_DONE; break; }
    fixLevel();
  }
  return lpDiveState;
}

function fixLevel(): void {
  const m = lpRows;
  let took = false;
  for (let r = 0; r < m; r++) {
    const j = i32At(lpBasis, r);
    if (j < 0 || f64At(lpColumnCost, j) == 0) continue;
    const copies = <i32>Math.floor(f64At(lpValue, r) + 1e-9);
    for (let c = 0; c < copies && fix(j); c++) took = true;
  }
  if (took) triedCount = 0;
  else {
    let best: f64 = EPS, bestAny: f64 = EPS;
    let q = -1, any = -1;
    for (let r = 0; r < m; r++) {
      const j = i32At(lpBasis, r);
      if (j < 0 || f64At(lpColumnCost, j) == 0) continue;
      const x = f64At(lpValue, r);
      if (x > bestAny) { bestAny = x; any = j; }
      let seen = false;
      for (let k = 0; k < triedCount; k++) if (i32At(lpTried, k) == j) seen = true;
      if (!seen && x > best) { best = x; q = j; }
    }
    if (q < 0) { q = any; triedCount = DIVE_TRIES; }
    if (q >= 0) took = fix(q);
    if (took) trial = q;
  }
  let left = 0;
  for (let i = 0; i < m; i++) left += i32At(lpResidual, i);
  if (left == 0) { lpDiveState = DIVE_DONE; return; }
  if (!took) { lpDiveState = DIVE_STOPPED; return; }
  resolve();
}

function resolve(): void {
  const m = lpRows;
  for (let r = 0; r < m; r++) {
    let s: f64 = 0;
    for (let i = 0; i < m; i++) s += f64At(lpInverse, r * m + i) * <f64>i32At(lpResidual, i);
    setF64(lpValue, r, s);
  }
  infeasible = true;
  centerSet = false;
  centerBound = 0;
  mispriced = false;
  degenerate = 0;
  lpState = LP_RUNNING;
}

function fix(j: i32): bool {
  const m = lpRows;
  let took = 0;
  const base = i32At(lpFixStart, lpFixed);
  const end = i32At(lpColumnStart, j + 1);
  for (let e = i32At(lpColumnStart, j); e < end; e++) {
    let t = i32At(lpEntryType, e);
    const count = i32At(lpEntryCount, e);
    for (let q = 0; q < count; q++) {
      while (t < m && i32At(lpResidual, t) == 0) t++;
      if (t >= m) break;
      setI32(lpFixRow, base + took, t);
      setI32(lpResidual, t, i32At(lpResidual, t) - 1);
      took++;
    }
  }
  if (took == 0) return false;
  setI32(lpFixedColumn, lpFixed++, j);
  setI32(lpFixStart, lpFixed, base + took);
  return true;
}

function unfix(): void {
  lpFixed--;
  const end = i32At(lpFixStart, lpFixed + 1);
  for (let k = i32At(lpFixStart, lpFixed); k < end; k++) {
    const t = i32At(lpFixRow, k);
    setI32(lpResidual, t, i32At(lpResidual, t) + 1);
  }
}

function feasibilityPivot(): void {
  const m = lpRows;
  let any = false;
  for (let i = 0; i < m; i++) setF64(lpPrice, i, 0);
  for (let r = 0; r < m; r++) {
    if (f64At(lpValue, r) >= -EPS) continue;
    any = true;
    for (let i = 0; i < m; i++) setF64(lpPrice, i, f64At(lpPrice, i) - f64At(lpInverse, r * m + i));
  }
  if (!any) { infeasible = false; return; }
  const bland = degenerate >= LP_BLAND_AFTER;
  let q = 0;
  let best: f64 = -EPS;
  let found = false;
  for (let i = 0; i < m && !(bland && found); i++) {
    if (i32At(lpSurplusBasic, i) == 0 && f64At(lpPrice, i) < best) { best = f64At(lpPrice, i); q = -i - 1; found = true; }
  }
  for (let j = 0; j < lpColumns && !(bland && found); j++) {
    if (i32At(lpColumnBasic, j) != 0) continue;
    let s: f64 = 0;
    const end = i32At(lpColumnStart, j + 1);
    for (let e = i32At(lpColumnStart, j); e < end; e++) s -= f64At(lpPrice, i32At(lpEntryType, e)) * <f64>i32At(lpEntryCount, e);
    if (s < best) { best = s; q = j; found = true; }
  }
  if (!found) { lpState = LP_STOPPED; return; }
  computeDirection(q);
  let r = -1;
  let ratio: f64 = Infinity;
  for (let k = 0; k < m; k++) {
    const x = f64At(lpValue, k), uk = f64At(lpDirection, k);
    let t: f64;
    if (x >= -EPS) {
      if (uk <= 1e-9) continue;
      t = max<f64>(0, x) / uk;
    } else {
      if (uk >= -1e-9) continue;
      t = x / uk;
    }
    if (t < ratio - 1e-12) { ratio = t; r = k; }
    else if (bland && t <= ratio + 1e-12 && variableRank(i32At(lpBasis, k)) < variableRank(i32At(lpBasis, r))) r = k;
  }
  if (r < 0) { lpState = LP_STOPPED; return; }
  degenerate = ratio <= 1e-12 ? degenerate + 1 : 0;
  pivot(r, q, q >= 0 ? reducedCost(q) : f64At(lpDual, -q - 1));
}

export function lpInit(): void {
  lpValid = true;
  lpSteps = 0;
  lpPivots = 0;
  sinceInvert = 0;
  degenerate = 0;
  lpColumns = 0;
  entries = 0;
  centerSet = false;
  centerBound = 0;
  mispriced = false;
  lpDiveState = DIVE_NONE;
  lpFixed = 0;
  rootBound = 0;
  rootValue = 0;
  target = 0;
  trial = -1;
  triedCount = 0;
  infeasible = false;
  const m = scanSizes();
  if (m < 0) { lpState = LP_INELIGIBLE; return; }
  setI32(lpColumnStart, 0, 0);
  setI32(lpFixStart, 0, 0);
  const c = <i32>f64At(hostCapacity, 0);
  lpRows = m;
  lpCapacity = c;
  let t = 0;
  for (let x = c; x >= 1; x--) {
    if (f64At(lpTable, x) == 0) continue;
    setI32(lpSize, t, x);
    setI32(lpDemand, t, <i32>f64At(lpTable, x));
    setI32(lpResidual, t, <i32>f64At(lpTable, x));
    t++;
  }
  for (let r = 0; r < m; r++) {
    setF64(lpTable, i32At(lpSize, r), <f64>r);
    setI32(lpTypeHead, r, -1);
  }
  for (let i = items - 1; i >= 0; i--) {
    const x = f64At(itemDemand, i);
    if (x == 0) continue;
    const r = <i32>f64At(lpTable, <i32>x);
    setI32(lpItemNext, i, i32At(lpTypeHead, r));
    setI32(lpTypeHead, r, i);
  }
  for (let r = 0; r < m; r++) {
    for (let i = 0; i < m; i++) setI32(lpPattern, i, 0);
    setI32(lpPattern, r, max(1, min(i32At(lpDemand, r), c / i32At(lpSize, r))));
    const j = addPattern();
    setI32(lpBasis, r, j);
    setI32(lpColumnBasic, j, 1);
    setI32(lpSurplusBasic, r, 0);
  }
  for (let r = 1; r < m; r++) {
    setI32(lpEntryType, entries, r - 1);
    setI32(lpEntryCount, entries, -1);
    entries++;
    setI32(lpEntryType, entries, r);
    setI32(lpEntryCount, entries, 1);
    entries++;
    setF64(lpColumnCost, lpColumns, 0);
    setI32(lpColumnBasic, lpColumns, 0);
    lpColumns++;
    setI32(lpColumnStart, lpColumns, entries);
  }
  lpState = reinvert() ? LP_RUNNING : LP_STOPPED;
}

function addPattern(): i32 {
  const m = lpRows;
  let nz = 0;
  for (let i = 0; i < m; i++) if (i32At(lpPattern, i) > 0) nz++;
  if (lpColumns >= LP_MAX_COLUMNS || entries + nz > LP_MAX_ENTRIES) return -1;
  for (let i = 0; i < m; i++) {
    if (i32At(lpPattern, i) <= 0) continue;
    setI32(lpEntryType, entries, i);
    setI32(lpEntryCount, entries, i32At(lpPattern, i));
    entries++;
  }
  setF64(lpColumnCost, lpColumns, 1);
  setI32(lpColumnBasic, lpColumns, 0);
  lpColumns++;
  setI32(lpColumnStart, lpColumns, entries);
  return lpColumns - 1;
}

function reducedCost(j: i32): f64 {
  let s = f64At(lpColumnCost, j);
  const end = i32At(lpColumnStart, j + 1);
  for (let e = i32At(lpColumnStart, j); e < end; e++) s -= f64At(lpDual, i32At(lpEntryType, e)) * <f64>i32At(lpEntryCount, e);
  return s;
}

function step(): void {
  const m = lpRows;
  if (lpDiveState == DIVE_NONE && lpSteps >= LP_MAX_STEPS) { lpState = LP_STOPPED; return; }
  lpSteps++;
  if (infeasible) { feasibilityPivot(); return; }
  const bland = degenerate >= LP_BLAND_AFTER;
  let q = 0;
  let best: f64 = -EPS;
  let found = false;
  for (let i = 0; i < m && !(bland && found); i++) {
    if (i32At(lpSurplusBasic, i) == 0 && f64At(lpDual, i) < best) { best = f64At(lpDual, i); q = -i - 1; found = true; }
  }
  for (let j = 0; j < lpColumns && !(bland && found); j++) {
    if (i32At(lpColumnBasic, j) != 0) continue;
    const rc = reducedCost(j);
    if (rc < best) { best = rc; q = j; found = true; }
  }
  if (found) { enter(q, best); return; }
  const z = lpObjective();
  const smooth = centerSet && !mispriced;
  for (let i = 0; i < m; i++) {
    setF64(lpPrice, i, smooth ? LP_SMOOTHING * f64At(lpCenter, i) + (1 - LP_SMOOTHING) * f64At(lpDual, i) : f64At(lpDual, i));
  }
  const v = knapsack();
  let dp: f64 = 0;
  for (let i = 0; i < m; i++) if (f64At(lpPrice, i) > 0) dp += <f64>i32At(lpResidual, i) * f64At(lpPrice, i);
  if (v > 0) {
    const lb = dp / v;
    if (!centerSet || lb > centerBound) {
      centerBound = lb;
      for (let i = 0; i < m; i++) setF64(lpCenter, i, f64At(lpPrice, i));
      centerSet = true;
    }
  }
  let red: f64 = 1;
  for (let i = 0; i < m; i++) red -= <f64>i32At(lpPattern, i) * f64At(lpDual, i);
  if (red < -EPS) {
    mispriced = false;
    const j = addPattern();
    if (j < 0) { lpState = LP_STOPPED; return; }
    enter(j, red);
    return;
  }
  if (!smooth || z - centerBound < 1e-6) { lpState = LP_OPTIMAL; return; }
  mispriced = true;
}

/**
 * The reference's 0/1 knapsack over item copies, the same table and decisions. Within one copy's pass x runs down
 * from C and x reads the entry x − w_i, which that pass has not written yet (it writes only entries ≥ x): the
 * entries of a pass are independent (every read sees the value before the pass), so they run four at a time, x − 3 … x in two f64x2 (loads before stores), then pairs, each lane the reference's add and comparison.
 * The decision bits are laid out per copy in 64-bit words (row t at word t · ⌈(C + 1) / 64⌉, bit x), so that a block
 * starting at x − 3 ≡ 0 (mod 4), or a pair at an even x − 1, falls in one word.
 */
function knapsack(): f64 {
  const m = lpRows, c = lpCapacity;
  for (let x = 0; x <= c; x++) setF64(lpTable, x, 0);
  let n = 0;
  for (let i = 0; i < m; i++) {
    if (f64At(lpPrice, i) <= 0) continue;
    for (let k = 0; k < i32At(lpResidual, i); k++) setI32(lpCopyType, n++, i);
  }
  const rowWords = <usize>((c + 64) >>> 6);
  memory.fill(lpTake, 0, <usize>n * rowWords << 3);
  const eps = f64x2.splat(1e-12);
  for (let t = 0; t < n; t++) {
    const i = i32At(lpCopyType, t), wi = i32At(lpSize, i), v = f64At(lpPrice, i);
    const row = lpTake + (<usize>t * rowWords << 3);
    let x = c;
    while ((x & 3) != 3 && x >= wi) { takeIfBetter(row, x, wi, v); x--; } // blocks start at x − 3 ≡ 0 (mod 4)
    const vv = f64x2.splat(v);
    for (; x - 3 >= wi; x -= 4) {
      const lo = lpTable + (<usize>(x - 3) << 3);
      const src = lo - (<usize>wi << 3);
      const nv0 = f64x2.add(v128.load(src), vv), nv1 = f64x2.add(v128.load(src, 16), vv);
      const cur0 = v128.load(lo), cur1 = v128.load(lo, 16);
      const b0 = f64x2.gt(nv0, f64x2.add(cur0, eps)), b1 = f64x2.gt(nv1, f64x2.add(cur1, eps));
      const bits = i64x2.bitmask(b0) | (i64x2.bitmask(b1) << 2);
      if (bits != 0) {
        v128.store(lo, v128.bitselect(nv0, cur0, b0));
        v128.store(lo, v128.bitselect(nv1, cur1, b1), 16);
        const word = row + (<usize>((x - 3) >>> 6) << 3);
        store<u64>(word, load<u64>(word) | (<u64>bits << <u64>((x - 3) & 63)));
      }
    }
    for (; x - 1 >= wi; x -= 2) {
      const lo = lpTable + (<usize>(x - 1) << 3);
      const nv = f64x2.add(v128.load(lo - (<usize>wi << 3)), vv);
      const cur = v128.load(lo);
      const better = f64x2.gt(nv, f64x2.add(cur, eps));
      const bits = i64x2.bitmask(better);
      if (bits != 0) {
        v128.store(lo, v128.bitselect(nv, cur, better));
        const word = row + (<usize>((x - 1) >>> 6) << 3);
        store<u64>(word, load<u64>(word) | (<u64>bits << <u64>((x - 1) & 63)));
      }
    }
    for (; x >= wi; x--) takeIfBetter(row, x, wi, v);
  }
  for (let i = 0; i < m; i++) setI32(lpPattern, i, 0);
  let x = c;
  for (let t = n - 1; t >= 0; t--) {
    const word = load<u64>(lpTake + ((<usize>t * rowWords + <usize>(x >>> 6)) << 3));
    if (((word >> <u64>(x & 63)) & 1) != 0) {
      const i = i32At(lpCopyType, t);
      setI32(lpPattern, i, i32At(lpPattern, i) + 1);
      x -= i32At(lpSize, i);
    }
  }
  return f64At(lpTable, c);
}

/** One entry of a copy's pass, as the reference does it. */
@inline function takeIfBetter(row: usize, x: i32, wi: i32, v: f64): void {
  const nv = f64At(lpTable, x - wi) + v;
  if (nv > f64At(lpTable, x) + 1e-12) {
    setF64(lpTable, x, nv);
    const word = row + (<usize>(x >>> 6) << 3);
    store<u64>(word, load<u64>(word) | (<u64>1 << <u64>(x & 63)));
  }
}

function computeDirection(q: i32): void {
  const m = lpRows;
  if (q >= 0) {
    for (let r = 0; r < m; r++) setF64(lpDirection, r, 0);
    const end = i32At(lpColumnStart, q + 1);
    for (let e = i32At(lpColumnStart, q); e < end; e++) {
      const i = i32At(lpEntryType, e);
      const k = <f64>i32At(lpEntryCount, e);
      for (let r = 0; r < m; r++) setF64(lpDirection, r, f64At(lpDirection, r) + f64At(lpInverse, r * m + i) * k);
    }
  } else {
    const i = -q - 1;
    for (let r = 0; r < m; r++) setF64(lpDirection, r, -f64At(lpInverse, r * m + i));
  }
}

@inline function variableRank(j: i32): i32 {
  return j < 0 ? -j - 1 : lpRows + j;
}

function enter(q: i32, dq: f64): void {
  const m = lpRows;
  const bland = degenerate >= LP_BLAND_AFTER;
  computeDirection(q);
  let r = -1;
  let ratio: f64 = Infinity;
  for (let k = 0; k < m; k++) {
    const uk = f64At(lpDirection, k);
    if (uk <= 1e-9) continue;
    const t = max<f64>(0, f64At(lpValue, k)) / uk;
    if (t < ratio - 1e-12) { ratio = t; r = k; }
    else if (bland && t <= ratio + 1e-12 && variableRank(i32At(lpBasis, k)) < variableRank(i32At(lpBasis, r))) r = k;
  }
  if (r < 0) { lpState = LP_STOPPED; return; }
  degenerate = ratio <= 1e-12 ? degenerate + 1 : 0;
  pivot(r, q, dq);
}

/**
 * a[to + i] −= g · a[from + i] for i in [0, len) (rows to and from apart): the hot loop of pivots and rebuilds, in
 * f64x2 lanes, four entries a round (each lane rounds exactly as the reference's scalar a − g·b does).
 */
@inline function subtractRow(a: usize, to: i32, from: i32, len: i32, g: f64): void {
  const vg = f64x2.splat(g);
  let i = 0;
  for (; i + 3 < len; i += 4) { // two f64x2 per round: both loads issue before either store
    const pt = a + (<usize>(to + i) << 3), pf = a + (<usize>(from + i) << 3);
    const t0 = v128.load(pt), t1 = v128.load(pt, 16), f0 = v128.load(pf), f1 = v128.load(pf, 16);
    v128.store(pt, f64x2.sub(t0, f64x2.mul(vg, f0)));
    v128.store(pt, f64x2.sub(t1, f64x2.mul(vg, f1)), 16);
  }
  for (; i + 1 < len; i += 2) {
    const pt = a + (<usize>(to + i) << 3), pf = a + (<usize>(from + i) << 3);
    v128.store(pt, f64x2.sub(v128.load(pt), f64x2.mul(vg, v128.load(pf))));
  }
  for (; i < len; i++) setF64(a, to + i, f64At(a, to + i) - g * f64At(a, from + i));
}

function pivot(r: i32, q: i32, dq: f64): void {
  const m = lpRows;
  const p = f64At(lpDirection, r);
  const g = dq / p;
  const row = r * m;
  for (let i = 0; i < m; i++) setF64(lpDual, i, f64At(lpDual, i) + g * f64At(lpInverse, row + i));
  const f = 1 / p;
  for (let i = 0; i < m; i++) setF64(lpInverse, row + i, f64At(lpInverse, row + i) * f);
  setF64(lpValue, r, f64At(lpValue, r) * f);
  const xr = f64At(lpValue, r);
  for (let k = 0; k < m; k++) {
    if (k == r) continue;
    const uk = f64At(lpDirection, k);
    if (uk == 0) continue;
    subtractRow(lpInverse, k * m, row, m, uk);
    setF64(lpValue, k, f64At(lpValue, k) - uk * xr);
  }
  const old = i32At(lpBasis, r);
  if (old >= 0) setI32(lpColumnBasic, old, 0); else setI32(lpSurplusBasic, -old - 1, 0);
  setI32(lpBasis, r, q);
  if (q >= 0) setI32(lpColumnBasic, q, 1); else setI32(lpSurplusBasic, -q - 1, 1);
  lpPivots++;
  sinceInvert++;
  if (sinceInvert >= LP_REINVERT && !reinvert()) {
    lpValid = false;
    lpState = LP_STOPPED;
  }
}

function reinvert(): bool {
  const m = lpRows;
  for (let k = 0; k < m * m; k++) {
    setF64(lpMatrix, k, 0);
    setF64(lpInverse, k, 0);
  }
  for (let r = 0; r < m; r++) {
    const j = i32At(lpBasis, r);
    if (j >= 0) {
      const end = i32At(lpColumnStart, j + 1);
      for (let e = i32At(lpColumnStart, j); e < end; e++) setF64(lpMatrix, i32At(lpEntryType, e) * m + r, <f64>i32At(lpEntryCount, e));
    } else setF64(lpMatrix, (-j - 1) * m + r, -1);
    setF64(lpInverse, r * m + r, 1);
  }
  for (let c = 0; c < m; c++) {
    let p = c;
    let best = Math.abs(f64At(lpMatrix, c * m + c));
    for (let r = c + 1; r < m; r++) {
      const v = Math.abs(f64At(lpMatrix, r * m + c));
      if (v > best) { best = v; p = r; }
    }
    if (best < 1e-9) return false;
    if (p != c) {
      for (let k = 0; k < m; k++) {
        let s = f64At(lpMatrix, c * m + k);
        setF64(lpMatrix, c * m + k, f64At(lpMatrix, p * m + k));
        setF64(lpMatrix, p * m + k, s);
        s = f64At(lpInverse, c * m + k);
        setF64(lpInverse, c * m + k, f64At(lpInverse, p * m + k));
        setF64(lpInverse, p * m + k, s);
      }
    }
    const f = 1 / f64At(lpMatrix, c * m + c);
    for (let k = 0; k < m; k++) {
      setF64(lpMatrix, c * m + k, f64At(lpMatrix, c * m + k) * f);
      setF64(lpInverse, c * m + k, f64At(lpInverse, c * m + k) * f);
    }
    for (let r = 0; r < m; r++) {
      if (r == c) continue;
      const g = f64At(lpMatrix, r * m + c);
      if (g == 0) continue;
      subtractRow(lpMatrix, r * m + c, c * m + c, m - c, g);
      subtractRow(lpInverse, r * m, c * m, m, g);
    }
  }
  sinceInvert = 0;
  for (let r = 0; r < m; r++) {
    let s: f64 = 0;
    for (let i = 0; i < m; i++) s += f64At(lpInverse, r * m + i) * <f64>i32At(lpResidual, i);
    setF64(lpValue, r, s);
  }
  for (let i = 0; i < m; i++) setF64(lpDual, i, 0);
  for (let r = 0; r < m; r++) {
    const j = i32At(lpBasis, r);
    const cost: f64 = j >= 0 ? f64At(lpColumnCost, j) : 0;
    if (cost == 0) continue;
    for (let i = 0; i < m; i++) setF64(lpDual, i, f64At(lpDual, i) + cost * f64At(lpInverse, r * m + i));
  }
  return true;
}
