// Reference for assembly/pack/vector-rules.ts: the class index of the bin-centric vector rules, dot product and
// L2 norm (Panigrahy, Talwar, Uyeda & Wieder, "Heuristics for Vector Bin Packing", Microsoft Research 2011;
// Gabay & Zaourar, "Vector bin packing with heterogeneous bins: application to the machine reassignment problem",
// Annals of Operations Research 242, 2016). binCentricScan (construct.ts) is the specification: each host in the
// host order takes, again and again, the remaining unit that fits with the best score, ties to the earliest in the
// order. The index gives the same unit without scoring every remaining one:
//   - units of one class (construct.ts sameClass) pass the same rules and score the same, so each class is scored
//     once, through its earliest remaining unit; best score wins, ties to the earliest such unit;
//   - classes sit in a k-d tree (leaves of VECTOR_BUCKET classes, median split of the widest normalised dimension,
//     ties by class number); a node keeps, over its live classes, the box of demands, the earliest remaining
//     unit's position and the fewest item slots, and a branch-and-bound search skips nodes where nothing fits or
//     where an upper bound of the score (the score's own arithmetic on the box corners clipped to the residual:
//     every term is monotone in the demand and rounding is monotone) cannot beat the best found.
import { ALG_DOT_PRODUCT, VECTOR_BUCKET } from '../../assembly/abi';
import type { HostState } from './state';
import { unitClasses } from './units';

const NONE = 0x7fffffff;

/** Score of unit for host h under a bin-centric rule; higher is better. */
export function unitScore(st: HostState, rule: number, unit: number, h: number): number {
  const dd = st.a.dims;
  const cap = st.a.hostCapacity, res = st.residual, dem = st.u.demand;
  let acc = 0;
  for (let d = 0; d < dd; d++) {
    const c = cap[h * dd + d];
    if (c <= 0) continue;
    if (rule === ALG_DOT_PRODUCT) acc += (dem[unit * dd + d] / c) * (res[h * dd + d] / c);
    else {
      const x = (res[h * dd + d] - dem[unit * dd + d]) / c;
      acc += x * x;
    }
  }
  return rule === ALG_DOT_PRODUCT ? acc : -acc;
}

/** Every capacity and demand is finite (the bound's monotonicity argument needs it); otherwise the scan runs. */
export function vectorIndexApplies(st: HostState): boolean {
  return st.a.hostCapacity.every(Number.isFinite) && st.u.demand.subarray(0, st.u.count * st.a.dims).every(Number.isFinite);
}

export class ClassIndex {
  /** Units still to place (conflicting units are never in the index). */
  remaining = 0;
  private readonly classes: number;
  private readonly leaves: number;
  /** Units' positions in the order, grouped by class slot: slot j's are grouped[start[j], start[j + 1]). */
  private readonly grouped: Int32Array;
  private readonly start: Int32Array;
  private readonly cursor: Int32Array;
  private readonly lo: Float64Array;
  private readonly hi: Float64Array;
  private readonly minPos: Int32Array;
  private readonly minSlots: Int32Array;
  private host = 0;
  private limit = NONE;
  private bestSlot = -1;
  private best = 0;
  private bestPos = NONE;

  constructor(private readonly st: HostState, private readonly rule: number, private readonly order: Int32Array, norm: Float64Array) {
    const { a, u } = st;
    const dd = a.dims;
    const cls = unitClasses(a, u);
    // Classes numbered by first appearance in the order, with their units' positions in order.
    const idOf = new Map<number, number>();
    const members: number[][] = [];
    const rep: number[] = [];
    order.forEach((unit, k) => {
      if (u.conflict[unit] !== 0) return;
      this.remaining++;
      let id = idOf.get(cls[unit]);
      if (id === undefined) { id = members.length; idOf.set(cls[unit], id); members.push([]); rep.push(unit); }
      members[id].push(k);
    });
    this.classes = members.length;
    let leaves = 1;
    while (leaves * VECTOR_BUCKET < this.classes) leaves *= 2;
    this.leaves = leaves;
    const perm = Array.from({ length: this.classes }, (_, j) => j);
    const split = (bLo: number, bHi: number): void => {
      const s = Math.min(this.classes, bLo * VECTOR_BUCKET), e = Math.min(this.classes, bHi * VECTOR_BUCKET);
      if (bHi - bLo <= 1 || e - s <= 1) return;
      const bMid = (bLo + bHi) >> 1;
      const m = Math.min(this.classes, bMid * VECTOR_BUCKET);
      if (m >= e) { split(bLo, bMid); return; }
      let widest = -1, dim = 0;
      for (let d = 0; d < dd; d++) {
        let low = Infinity, high = -Infinity;
        for (let j = s; j < e; j++) {
          const x = u.demand[rep[perm[j]] * dd + d];
          low = Math.min(low, x);
          high = Math.max(high, x);
        }
        const w = norm[d] > 0 ? (high - low) / norm[d] : high - low;
        if (w > widest) { widest = w; dim = d; }
      }
      // The smaller half by (demand in dim, class number) goes left: one total order, so the same sets as the kernel.
      const part = perm.slice(s, e).sort((x, y) => u.demand[rep[x] * dd + dim] - u.demand[rep[y] * dd + dim] || x - y);
      for (let j = s; j < e; j++) perm[j] = part[j - s];
      split(bLo, bMid);
      split(bMid, bHi);
    };
    split(0, leaves);
    this.start = new Int32Array(this.classes + 1);
    for (let j = 0; j < this.classes; j++) this.start[j + 1] = this.start[j] + members[perm[j]].length;
    this.grouped = Int32Array.from(perm.flatMap((id) => members[id]));
    this.cursor = this.start.slice(0, this.classes);
    this.lo = new Float64Array(2 * leaves * dd).fill(Infinity);
    this.hi = new Float64Array(2 * leaves * dd).fill(-Infinity);
    this.minPos = new Int32Array(2 * leaves).fill(NONE);
    this.minSlots = new Int32Array(2 * leaves).fill(NONE);
    for (let b = 0; b < leaves; b++) this.leaf(b);
    for (let node = leaves - 1; node >= 1; node--) this.pull(node);
  }

  /** Recomputes leaf bucket b from its live classes. */
  private leaf(b: number): void {
    const dd = this.st.a.dims, dem = this.st.u.demand, node = this.leaves + b;
    this.lo.fill(Infinity, node * dd, node * dd + dd);
    this.hi.fill(-Infinity, node * dd, node * dd + dd);
    let pos = NONE, slots = NONE;
    for (let j = b * VECTOR_BUCKET; j < Math.min(this.classes, (b + 1) * VECTOR_BUCKET); j++) {
      if (this.cursor[j] === this.start[j + 1]) continue;
      const k = this.grouped[this.cursor[j]];
      const unit = this.order[k];
      pos = Math.min(pos, k);
      slots = Math.min(slots, this.st.u.slots[unit]);
      for (let d = 0; d < dd; d++) {
        this.lo[node * dd + d] = Math.min(this.lo[node * dd + d], dem[unit * dd + d]);
        this.hi[node * dd + d] = Math.max(this.hi[node * dd + d], dem[unit * dd + d]);
      }
    }
    this.minPos[node] = pos;
    this.minSlots[node] = slots;
  }

  private pull(node: number): void {
    const dd = this.st.a.dims, l = 2 * node, r = l + 1;
    for (let d = 0; d < dd; d++) {
      this.lo[node * dd + d] = Math.min(this.lo[l * dd + d], this.lo[r * dd + d]);
      this.hi[node * dd + d] = Math.max(this.hi[l * dd + d], this.hi[r * dd + d]);
    }
    this.minPos[node] = Math.min(this.minPos[l], this.minPos[r]);
    this.minSlots[node] = Math.min(this.minSlots[l], this.minSlots[r]);
  }

  /** Some live class in the node may fit the host. */
  private mayFit(node: number): boolean {
    if (this.minPos[node] === NONE || this.minSlots[node] > this.limit) return false;
    const dd = this.st.a.dims, res = this.st.residual, h = this.host;
    for (let d = 0; d < dd; d++) if (this.lo[node * dd + d] > res[h * dd + d]) return false;
    return true;
  }

  /** Upper bound of the score of any class in the node's box that fits the host. */
  private bound(node: number): number {
    const dd = this.st.a.dims, cap = this.st.a.hostCapacity, res = this.st.residual, h = this.host;
    let acc = 0;
    for (let d = 0; d < dd; d++) {
      const c = cap[h * dd + d];
      if (c <= 0) continue;
      const r = res[h * dd + d];
      const top = Math.min(this.hi[node * dd + d], r);
      if (this.rule === ALG_DOT_PRODUCT) {
        const share = r / c;
        acc += Math.max((this.lo[node * dd + d] / c) * share, (top / c) * share);
      } else {
        const x = (r - top) / c;
        acc += x * x;
      }
    }
    return this.rule === ALG_DOT_PRODUCT ? acc : -acc;
  }

  private search(node: number, ub: number): void {
    if (this.bestSlot >= 0 && (ub < this.best || (ub === this.best && this.minPos[node] > this.bestPos))) return;
    if (node >= this.leaves) {
      const b = node - this.leaves;
      for (let j = b * VECTOR_BUCKET; j < Math.min(this.classes, (b + 1) * VECTOR_BUCKET); j++) {
        if (this.cursor[j] === this.start[j + 1]) continue;
        const k = this.grouped[this.cursor[j]];
        const unit = this.order[k];
        if (!this.st.roomOk(unit, this.host)) continue;
        const s = unitScore(this.st, this.rule, unit, this.host);
        if (this.bestSlot >= 0 && (s < this.best || (s === this.best && k > this.bestPos))) continue;
        if (!this.st.fits(unit, this.host)) continue;
        this.bestSlot = j;
        this.best = s;
        this.bestPos = k;
      }
      return;
    }
    const l = 2 * node, r = l + 1;
    const lOk = this.mayFit(l), rOk = this.mayFit(r);
    if (lOk && rOk) {
      const ul = this.bound(l), ur = this.bound(r);
      if (ul > ur || (ul === ur && this.minPos[l] < this.minPos[r])) { this.search(l, ul); this.search(r, ur); }
      else { this.search(r, ur); this.search(l, ul); }
    } else if (lOk) this.search(l, this.bound(l));
    else if (rOk) this.search(r, this.bound(r));
  }

  /** The remaining unit host h takes with the best score (ties: earliest in the order), or -1; taken off the index. */
  bestUnit(h: number): number {
    this.host = h;
    const limit = this.st.a.hostMaxItems[h];
    this.limit = limit <= 0 ? NONE : limit - this.st.count[h];
    this.bestSlot = -1;
    this.best = 0;
    this.bestPos = NONE;
    if (this.mayFit(1)) this.search(1, this.bound(1));
    if (this.bestSlot < 0) return -1;
    const j = this.bestSlot;
    const unit = this.order[this.grouped[this.cursor[j]++]];
    this.leaf(Math.floor(j / VECTOR_BUCKET));
    for (let node = (this.leaves + Math.floor(j / VECTOR_BUCKET)) >> 1; node >= 1; node >>= 1) this.pull(node);
    this.remaining--;
    return unit;
  }
}
