// Reference for assembly/pack/improve.ts: the improvement phase, a Consistent Neighborhood Search after
// Buljubašić & Vasquez, "Consistent neighborhood search for one-dimensional bin packing and two-dimensional
// vector packing", Computers & Operations Research 76 (2016) 12–21, generalised to vectors, host costs and the
// hard rules of HostState.
//
// A round tries to empty one host. It takes the k = min(3, used) least-filled used hosts R out of the solution,
// moves their units to a trash can TC and sets R minus its costliest host aside as the final hosts F. The
// search only ever holds consistent (rule-abiding) partial solutions: units sit on the other used hosts or in
// TC. Its objective is lexicographic: the lightest TC (Σ of units' normalised sizes), then the most units in
// TC (small units are easier to place). It alternates
//   - descent passes: Pack(b) refills host b with the best subset of its units and TC (bounded depth-first
//     search that keeps capacity, the item limit, isolation and spread, and takes alike units in order: a copy only
//     where the copy before it was chosen, since subsets that differ only in their copies are the same refill),
//     accepted when the objective improves;
//   - tabu phases of TABU_LENGTH iterations: the best move Swap(p, q) — p units of one host to TC and q units
//     of TC to that host, (p, q) in {(0,1), (1,1), (1,2), (2,1), (2,2)} — even when it worsens the objective
//     (ties drawn at random). A unit that joined a host keeps units of its class on that host for
//     ceil(f / 2) + 1 iterations, f counting recent moves of the class; the list is cleared on each new best.
//     TC never gets more units too big to share a final host (more than half of it in a dimension) than F
//     has hosts.
// As soon as TC fits into F (bounded depth-first search) the round succeeds: one host fewer. After STALL_LIMIT
// iterations without a better TC the round restarts from the best solution with other hosts for R; after
// ATTEMPT_LIMIT failed rounds in a row the phase is done. Everything is deterministic for a given seed, and
// resumable: any split of an iteration budget gives the same answer as the whole budget at once.
// After LP rounding (lp-rounding.ts) the hosts holding the LP's whole patterns are kept as they are: rounds,
// moves and repacks use the other hosts only.
import {
  IMPROVE_ATTEMPT_LIMIT, IMPROVE_FINAL_NODES, IMPROVE_HOST_WINDOW, IMPROVE_PACK_CANDIDATES, IMPROVE_PACK_NODES,
  IMPROVE_PAIR_IN_LIMIT, IMPROVE_PAIR_OUT_LIMIT, IMPROVE_REPACK_HOSTS, IMPROVE_STALL_LIMIT, IMPROVE_TABU_LENGTH,
  IMPROVE_TENURE, IMPROVE_TENURE_SPAN, IMPROVE_REPACK_DEPTH, IMPROVE_RESTORE_BEST,
  IMPROVE_REPACK_NODES, IMPROVE_MOVE_EVALS, IMPROVE_ALIKE_AS_ONE, IMPROVE_PACK_ALIKE_IN_ORDER,
} from '../../assembly/abi';
import type { PackArena } from '../kernel/packer';
import { sameClass } from './construct';
import type { Rng } from './random';
import type { HostState } from './state';
import { MIXED_TENANT, sameGroupMembers, unitClasses, type Units } from './units';

/** Tenant of an empty content (Pack(b)'s isolation check). */
const NO_TENANT = -1;

/** Parameters: the abi.ts IMPROVE_* defaults; `setImproveParameter` lets tuning scripts explore them. */
export const IMPROVE = {
  TABU_LENGTH: IMPROVE_TABU_LENGTH,
  STALL_LIMIT: IMPROVE_STALL_LIMIT,
  ATTEMPT_LIMIT: IMPROVE_ATTEMPT_LIMIT,
  HOST_WINDOW: IMPROVE_HOST_WINDOW,
  PAIR_OUT_LIMIT: IMPROVE_PAIR_OUT_LIMIT,
  PAIR_IN_LIMIT: IMPROVE_PAIR_IN_LIMIT,
  PACK_CANDIDATES: IMPROVE_PACK_CANDIDATES,
  PACK_NODES: IMPROVE_PACK_NODES,
  FINAL_NODES: IMPROVE_FINAL_NODES,
  REPACK_HOSTS: IMPROVE_REPACK_HOSTS,
  TENURE: IMPROVE_TENURE,
  TENURE_SPAN: IMPROVE_TENURE_SPAN,
  REPACK_DEPTH: IMPROVE_REPACK_DEPTH,
  RESTORE_BEST: IMPROVE_RESTORE_BEST,
  REPACK_NODES: IMPROVE_REPACK_NODES,
  MOVE_EVALS: IMPROVE_MOVE_EVALS,
  ALIKE_AS_ONE: IMPROVE_ALIKE_AS_ONE,
  PACK_ALIKE_IN_ORDER: IMPROVE_PACK_ALIKE_IN_ORDER,
};
const PARAMETER_ORDER = Object.keys(IMPROVE) as (keyof typeof IMPROVE)[];

/** Same indices as the kernel's setImproveParameter (the order above). */
export function setImproveParameter(k: number, v: number): void {
  const name = PARAMETER_ORDER[k];
  if (name === 'PAIR_IN_LIMIT') IMPROVE[name] = Math.min(v, IMPROVE_PAIR_IN_LIMIT);
  else if (name === 'PACK_CANDIDATES') IMPROVE[name] = Math.min(v, IMPROVE_PACK_CANDIDATES);
  else if (name === 'TENURE_SPAN') IMPROVE[name] = Math.max(v, 1);
  else if (name === 'REPACK_HOSTS') IMPROVE[name] = Math.min(v, 64);
  else if (name === 'REPACK_DEPTH') IMPROVE[name] = Math.min(v, 4);
  else if (name) IMPROVE[name] = v;
}

/**
 * The singles, then (with `pairs`) the pairs x before y, of the units in `list` that differ by class (`cls`, units.ts):
 * alike units are interchangeable in a move (the same weight, fit and rules), so a move takes each distinct single and
 * pair of classes once, made of the first copies in list order (two copies of one class: its first and second).
 * Buljubašić & Vasquez enumerate units; with many replicas of few shapes most of those moves are copies, on which the
 * cap of checks per move was spent.
 */
export function distinctSubsets(list: readonly number[], cls: Int32Array, pairs: boolean): number[][] {
  const copies = new Map<number, number>();
  const copy = list.map((unit) => { const n = (copies.get(cls[unit]) ?? 0) + 1; copies.set(cls[unit], n); return n; });
  const sets = list.filter((_, x) => copy[x] === 1).map((unit) => [unit]);
  if (!pairs) return sets;
  for (let x = 0; x < list.length; x++) {
    if (copy[x] !== 1) continue;
    for (let y = x + 1; y < list.length; y++) {
      if (copy[y] === (cls[list[x]] === cls[list[y]] ? 2 : 1)) sets.push([list[x], list[y]]);
    }
  }
  return sets;
}

interface InSet { readonly units: number[]; readonly weight: number }

export class Improver {
  iterations = 0;
  improvements = 0;
  /** Feasibility checks the tabu moves spent (each a host giving up and taking a set of units). */
  moveChecks = 0;
  /** Search nodes the refills (Pack(b)) spent. */
  refillNodes = 0;
  done = false;
  /** Best complete solution: host per unit. */
  readonly best: Int32Array;
  bestCost = 0;
  bestHosts = 0;

  private readonly a: PackArena;
  private readonly u: Units;
  /** Unit classes (units.ts), made when the first round starts: after the start, whose label word may have been lifted. */
  private cls: Int32Array = new Int32Array(0);
  /** Each unit its own class: the moves' classes when ALIKE_AS_ONE is off (alike units tried one by one). */
  private ownClass = new Int32Array(0);
  private readonly constrained: boolean;
  private inRound = false;
  private attempt = 0;
  private readonly closed: Uint8Array;
  private final: number[] = [];
  private readonly bigCap: Float64Array;
  private readonly tc: number[] = [];
  private readonly tcPos: Int32Array;
  private readonly roundHost: Int32Array;
  private roundBestW = 0;
  private roundBestN = 0;
  private stall = 0;
  private readonly cursor = [0, 0];
  private descending = true;
  private pass: number[] = [];
  private passAt = 0;
  private passImproved = false;
  private tabuLeft = 0;
  // Tabu list per unit class: the host a unit of the class last joined, until when, and how often lately.
  private tabuReset = 0;
  private readonly tabuHost: Int32Array;
  private readonly tabuUntil: Int32Array;
  private readonly tabuFreq: Int32Array;
  private readonly tabuStamp: Int32Array;

  /** Hosts [0, kept) are left as they are (the LP rounding's whole patterns); the search uses the others. */
  constructor(private readonly st: HostState, private readonly rng: Rng, private readonly norm: Float64Array,
    private readonly hostRank: Int32Array, private readonly kept = 0) {
    this.a = st.a;
    this.u = st.u;
    const n = this.u.count;
    let constrained = false;
    for (let i = 0; i < this.a.items; i++) if (this.a.itemExclusive[i] !== 0 || this.a.itemSpread[i] >= 0) constrained = true;
    this.constrained = constrained;
    this.best = Int32Array.from(st.unitHost);
    this.closed = new Uint8Array(this.a.hosts);
    this.bigCap = new Float64Array(this.a.dims);
    this.tcPos = new Int32Array(n).fill(-1);
    this.roundHost = new Int32Array(n).fill(-1);
    this.tabuHost = new Int32Array(n).fill(-1);
    this.tabuUntil = new Int32Array(n);
    this.tabuFreq = new Int32Array(n);
    this.tabuStamp = new Int32Array(n);
    this.recordBest();
  }

  run(budget: number, targetCost: number): void {
    let spent = 0;
    while (spent < budget && !this.done) {
      if (targetCost > 0 && this.bestCost <= targetCost) { this.done = true; break; }
      if (!this.inRound) {
        if (!this.startRound()) { this.done = true; break; }
      } else this.step();
      spent++;
      this.iterations++;
    }
  }

  private recordBest(): void {
    this.best.set(this.st.unitHost);
    let cost = 0, used = 0;
    for (let h = 0; h < this.a.hosts; h++) {
      if (this.st.count[h] === 0) continue;
      cost += this.a.hostCost[h];
      used++;
    }
    this.bestCost = cost;
    this.bestHosts = used;
  }

  // ── rounds ──

  /** Σ over dimensions of the allocated share of host h. */
  private fill(h: number): number {
    const dd = this.a.dims;
    let acc = 0;
    for (let d = 0; d < dd; d++) {
      const c = this.a.hostCapacity[h * dd + d];
      if (c > 0) acc += (c - this.st.residual[h * dd + d]) / c;
    }
    return acc;
  }

  private startRound(): boolean {
    if (this.cls.length !== this.u.count) {
      this.cls = unitClasses(this.a, this.u);
      this.ownClass = Int32Array.from(this.cls, (_, k) => k);
    }
    const used: number[] = [];
    for (let h = this.kept; h < this.a.hosts; h++) if (this.st.count[h] > 0) used.push(h);
    if (used.length < 2) return false;
    const fills = new Float64Array(this.a.hosts);
    for (const h of used) fills[h] = this.fill(h);
    used.sort((x, y) => fills[x] - fills[y] || x - y);
    const k = Math.min(3, used.length);
    // R holds at most k − 1 units too big to share a host in any one dimension (more than half the largest
    // capacity): TC must fit into k − 1 final hosts, and big units could only leave TC in exchange for others.
    const removed: number[] = [];
    const big = new Int32Array(this.a.dims);
    const tryAdd = (h: number): void => {
      if (removed.includes(h) || !this.bigFits(h, big, k - 1)) return;
      removed.push(h);
      this.addBig(h, big);
    };
    if (this.attempt === 0) {
      for (const h of used) if (removed.length < k) tryAdd(h);
    } else {
      // Later attempts draw R among the least-filled hosts, from a pool that widens with each failure.
      const limit = Math.min(used.length, k + this.attempt);
      for (let tries = 0; removed.length < k && tries < 8 * limit; tries++) tryAdd(used[this.rng.below(limit)]);
    }
    for (const h of used) if (removed.length < k && !removed.includes(h)) removed.push(h);
    removed.sort((x, y) => x - y);
    // The host left empty is the costliest, and among equal costs the last in the host order (the least useful).
    const cost = this.a.hostCost, rank = this.hostRank;
    let dropped = removed[0];
    for (const h of removed) if (cost[h] > cost[dropped] || (cost[h] === cost[dropped] && rank[h] > rank[dropped])) dropped = h;
    this.final = removed.filter((h) => h !== dropped);
    for (const h of removed) {
      this.closed[h] = 1;
      while (this.st.head[h] >= 0) {
        const unit = this.st.head[h];
        this.st.remove(unit);
        this.tcPush(unit);
      }
    }
    const dd = this.a.dims;
    for (let d = 0; d < dd; d++) {
      let m = 0;
      for (const h of this.final) m = Math.max(m, this.a.hostCapacity[h * dd + d]);
      this.bigCap[d] = m;
    }
    this.inRound = true;
    this.roundBestW = this.tcWeight();
    this.roundBestN = this.tc.length;
    this.snapshotRound();
    this.stall = 0;
    this.tabuReset = this.iterations;
    this.descending = true;
    this.startPass();
    // Taking R out may already leave a trash can that fits F (e.g. when every used host is in R).
    if (this.tcFitsFinal(true)) this.commit();
    return true;
  }

  /** Units on h bigger than half the largest capacity, per dimension, added to `big`. */
  private addBig(h: number, big: Int32Array): void {
    const dd = this.a.dims;
    for (let v = this.st.head[h]; v >= 0; v = this.st.next[v]) {
      for (let d = 0; d < dd; d++) if (this.u.demand[v * dd + d] * 2 > this.norm[d]) big[d]++;
    }
  }

  /** Would adding h's big units keep every dimension's count within `limit`? */
  private bigFits(h: number, big: Int32Array, limit: number): boolean {
    const extra = new Int32Array(this.a.dims);
    this.addBig(h, extra);
    for (let d = 0; d < this.a.dims; d++) if (big[d] + extra[d] > limit) return false;
    return true;
  }

  /** Remembers the round's best partial solution: host per unit, -2 in TC, -1 unplaced. */
  private snapshotRound(): void {
    for (let v = 0; v < this.u.count; v++) this.roundHost[v] = this.st.unitHost[v] >= 0 ? this.st.unitHost[v] : this.tcPos[v] >= 0 ? -2 : -1;
  }

  /** Back to the round's best partial solution, moving only the units whose place differs. */
  private restoreRound(): void {
    const { st } = this;
    for (let v = 0; v < this.u.count; v++) {
      const now = st.unitHost[v] >= 0 ? st.unitHost[v] : this.tcPos[v] >= 0 ? -2 : -1;
      if (now === this.roundHost[v]) continue;
      if (st.unitHost[v] >= 0) st.remove(v); else if (this.tcPos[v] >= 0) this.tcRemove(v);
    }
    for (let v = 0; v < this.u.count; v++) {
      if (st.unitHost[v] >= 0 || this.tcPos[v] >= 0 || this.roundHost[v] === -1) continue;
      if (this.roundHost[v] >= 0) st.place(v, this.roundHost[v]); else this.tcPush(v);
    }
  }

  private startPass(): void {
    this.pass = this.windowHosts();
    this.passAt = 0;
    this.passImproved = false;
  }

  private step(): void {
    if (this.descending) {
      if (this.passAt >= this.pass.length) {
        if (this.passImproved) this.startPass();
        else { this.descending = false; this.tabuLeft = IMPROVE.TABU_LENGTH; }
        return;
      }
      const b = this.pass[this.passAt++];
      if (this.closed[b] !== 0 || this.st.count[b] === 0 || !this.packHost(b)) return;
      this.passImproved = true;
    } else {
      const moved = this.tabuMove();
      if (!moved || --this.tabuLeft <= 0) {
        // Back to the round's best partial solution, then descend from there.
        if (IMPROVE.RESTORE_BEST !== 0) this.restoreRound();
        this.descending = true;
        this.startPass();
      }
      if (!moved) {
        // Nothing can move: count it as a stalled iteration, so a stuck round gives way to another.
        if (++this.stall > IMPROVE.STALL_LIMIT) this.restart();
        return;
      }
    }
    const w = this.tcWeight(), n = this.tc.length;
    const better = w < this.roundBestW || (w === this.roundBestW && n > this.roundBestN);
    if (this.tcFitsFinal(better)) { this.commit(); return; }
    if (better) {
      // A new best trash can for the round: the tabu list starts afresh (as Buljubašić & Vasquez do).
      this.tabuReset = this.iterations + 1;
      this.stall = 0;
      this.roundBestW = w;
      this.roundBestN = n;
      this.snapshotRound();
    } else this.stall++;
    if (this.stall > IMPROVE.STALL_LIMIT) this.restart();
  }

  private commit(): void {
    for (let h = 0; h < this.a.hosts; h++) this.closed[h] = 0;
    this.inRound = false;
    this.attempt = 0;
    this.improvements++;
    this.recordBest();
  }

  /** The round failed: back to the best complete solution (moving only what differs), next attempt. */
  private restart(): void {
    const { st } = this;
    for (let v = 0; v < this.u.count; v++) {
      if (st.unitHost[v] === this.best[v]) continue;
      if (st.unitHost[v] >= 0) st.remove(v); else if (this.tcPos[v] >= 0) this.tcRemove(v);
    }
    for (let v = 0; v < this.u.count; v++) if (st.unitHost[v] < 0 && this.best[v] >= 0) st.place(v, this.best[v]);
    for (let h = 0; h < this.a.hosts; h++) this.closed[h] = 0;
    this.inRound = false;
    this.attempt++;
    if (this.attempt > IMPROVE.ATTEMPT_LIMIT) this.done = true;
  }

  // ── trash can ──

  private tcPush(unit: number): void {
    this.tcPos[unit] = this.tc.length;
    this.tc.push(unit);
  }

  private tcRemove(unit: number): void {
    const at = this.tcPos[unit];
    const last = this.tc[this.tc.length - 1];
    this.tc[at] = last;
    this.tcPos[last] = at;
    this.tc.pop();
    this.tcPos[unit] = -1;
  }

  private tcWeight(): number {
    let w = 0;
    for (const unit of this.tc) w += this.u.weight[unit];
    return w;
  }

  // ── success test: does TC fit into the final hosts? ──

  private sameHostKind(x: number, y: number): boolean {
    const a = this.a, dd = a.dims, w = a.labelWords;
    for (let d = 0; d < dd; d++) if (a.hostCapacity[x * dd + d] !== a.hostCapacity[y * dd + d]) return false;
    for (let k = 0; k < w; k++) if (a.hostLabels[x * w + k] !== a.hostLabels[y * w + k]) return false;
    return a.hostMaxItems[x] === a.hostMaxItems[y] && a.hostRack[x] === a.hostRack[y] && a.hostSite[x] === a.hostSite[y];
  }

  /** True (and TC placed) when TC fits into F, alone or, if `repack`, together with one active host's units. */
  private tcFitsFinal(repack: boolean): boolean {
    if (this.tc.length === 0) return true;
    const a = this.a, dd = a.dims;
    for (let d = 0; d < dd; d++) {
      let need = 0, have = 0;
      for (const unit of this.tc) need += this.u.demand[unit * dd + d];
      for (const h of this.final) have += a.hostCapacity[h * dd + d];
      if (need > have) return false;
    }
    const units = [...this.tc].sort((x, y) => this.u.weight[y] - this.u.weight[x] || x - y);
    const nodes = { left: IMPROVE.FINAL_NODES };
    if (this.assignFinal(units, 0, nodes)) {
      while (this.tc.length > 0) this.tcRemove(this.tc[this.tc.length - 1]);
      return true;
    }
    if (!repack) return false;
    // A large-neighbourhood repack: TC together with the units of k active hosts (the least filled ones)
    // into F plus those hosts, by the same bounded search.
    const byFill = this.activeHosts(this.a.hosts, 1).map((h) => ({ h, f: this.fill(h) }))
      .sort((x, y) => x.f - y.f || x.h - y.h).slice(0, IMPROVE.REPACK_HOSTS).map((x) => x.h);
    const finals = this.final;
    const subset: number[] = [];
    let shared = IMPROVE.REPACK_NODES; // search nodes left for all subsets together
    const trySubset = (): boolean => {
      if (shared <= 0) return false;
      for (let d = 0; d < dd; d++) {
        let need = 0, have = 0;
        for (const unit of this.tc) need += this.u.demand[unit * dd + d];
        for (const h of finals) have += a.hostCapacity[h * dd + d];
        for (const h of subset) have += this.st.residual[h * dd + d];
        if (need > have) return false;
      }
      const own: number[][] = subset.map((h) => this.unitsOn(h));
      for (const list of own) for (const v of list) this.st.remove(v);
      this.final = [...finals, ...subset];
      const all = [...this.tc, ...own.flat()].sort((x, y) => this.u.weight[y] - this.u.weight[x] || x - y);
      const budget = Math.min(IMPROVE.FINAL_NODES, shared);
      const nodes = { left: budget };
      const ok = this.assignFinal(all, 0, nodes);
      shared -= budget - Math.max(nodes.left, 0);
      this.final = finals;
      if (ok) {
        while (this.tc.length > 0) this.tcRemove(this.tc[this.tc.length - 1]);
        return true;
      }
      subset.forEach((h, j) => { for (let k = own[j].length - 1; k >= 0; k--) this.st.place(own[j][k], h); });
      return false;
    };
    const choose = (from: number, left: number): boolean => {
      if (left === 0) return trySubset();
      for (let j = from; j < byFill.length; j++) {
        subset.push(byFill[j]);
        if (choose(j + 1, left - 1)) return true;
        subset.pop();
      }
      return false;
    };
    for (let k = 1; k <= IMPROVE.REPACK_DEPTH; k++) if (choose(0, k)) return true;
    return false;
  }

  private assignFinal(units: number[], i: number, nodes: { left: number }): boolean {
    if (i === units.length) return true;
    const unit = units[i];
    for (let j = 0; j < this.final.length; j++) {
      const h = this.final[j];
      let symmetric = false;
      for (let k = 0; k < j && !symmetric; k++) {
        const g = this.final[k];
        if (this.st.count[g] === 0 && this.st.count[h] === 0 && this.sameHostKind(g, h)) symmetric = true;
      }
      if (symmetric || !this.st.fits(unit, h)) continue;
      if (nodes.left-- <= 0) return false;
      this.st.place(unit, h);
      if (this.assignFinal(units, i + 1, nodes)) return true;
      this.st.remove(unit);
    }
    return false;
  }

  // ── hosts examined ──

  private unitsOn(h: number): number[] {
    const list: number[] = [];
    for (let v = this.st.head[h]; v >= 0; v = this.st.next[v]) list.push(v);
    return list;
  }

  /** Up to HOST_WINDOW used, non-closed hosts from a rotating start (all of them on small instances). */
  private windowHosts(): number[] {
    return this.activeHosts(IMPROVE.HOST_WINDOW, 0);
  }

  /** Up to `limit` used, non-closed hosts from cursor `which` (0: moves, 1: repacks), which then moves on. */
  private activeHosts(limit: number, which: number): number[] {
    const hosts = this.a.hosts;
    const list: number[] = [];
    let h = this.cursor[which], seen = 0;
    while (seen < hosts && list.length < limit) {
      if (h >= this.kept && this.st.count[h] > 0 && this.closed[h] === 0) list.push(h);
      h = h + 1 === hosts ? 0 : h + 1;
      seen++;
    }
    this.cursor[which] = h;
    return list;
  }

  // ── tabu moves ──

  private moveClasses(): Int32Array {
    return IMPROVE.ALIKE_AS_ONE ? this.cls : this.ownClass;
  }

  private isFrozen(unit: number, h: number): boolean {
    const c = this.cls[unit];
    return this.tabuHost[c] === h && this.tabuStamp[c] > this.tabuReset && this.tabuUntil[c] > this.iterations;
  }

  private freeze(unit: number, h: number): void {
    const c = this.cls[unit];
    if (this.tabuStamp[c] <= this.tabuReset) this.tabuFreq[c] = 0;
    this.tabuFreq[c]++;
    this.tabuStamp[c] = this.iterations + 1;
    this.tabuHost[c] = h;
    this.tabuUntil[c] = this.iterations + IMPROVE.TENURE + this.rng.below(IMPROVE.TENURE_SPAN) + ((this.tabuFreq[c] + 1) >> 1) + 1;
  }

  /** Distinct TC singles and pairs, heaviest first, then singles before pairs, then by position in TC. */
  private inSets(): InSet[] {
    const ow = this.u.weight;
    const sets: InSet[] = distinctSubsets(this.tc, this.moveClasses(), this.tc.length <= IMPROVE.PAIR_IN_LIMIT)
      .map((units) => ({ units, weight: units.reduce((w, t) => w + ow[t], 0) }));
    return sets.map((s, k) => ({ s, k })).sort((x, y) => y.s.weight - x.s.weight || x.k - y.k).map((x) => x.s);
  }

  private sameUnits(out: number[], inn: number[]): boolean {
    if (out.length === 1) return sameClass(this.st, out[0], inn[0]);
    return (sameClass(this.st, out[0], inn[0]) && sameClass(this.st, out[1], inn[1]))
      || (sameClass(this.st, out[0], inn[1]) && sameClass(this.st, out[1], inn[0]));
  }

  private isBig(unit: number, d: number): boolean {
    return this.u.demand[unit * this.a.dims + d] * 2 > this.bigCap[d];
  }

  /** Units in TC that are big in each dimension. */
  private bigInTc(): Int32Array {
    const dd = this.a.dims, now = new Int32Array(dd);
    for (let d = 0; d < dd; d++) for (const t of this.tc) if (this.isBig(t, d)) now[d]++;
    return now;
  }

  /** Would the move leave TC with more big units in some dimension than F has hosts (and more than `now`)? */
  private tooManyBig(out: number[], inn: number[], now: Int32Array): boolean {
    const dd = this.a.dims, limit = this.final.length;
    for (let d = 0; d < dd; d++) {
      let grow = 0;
      for (const x of out) if (this.isBig(x, d)) grow++;
      for (const t of inn) if (this.isBig(t, d)) grow--;
      if (grow > 0 && now[d] + grow > limit) return true;
    }
    return false;
  }

  /**
   * Upper bound on the size (Σ_d demand_d / norm_d) of units host b can take after giving up `out`: subsets
   * heavier than this cannot fit, so the scan starts after them (a small tolerance absorbs rounding).
   */
  private roomAfter(b: number, out: number[]): number {
    const dd = this.a.dims;
    let c = 0;
    for (let d = 0; d < dd; d++) {
      if (this.norm[d] <= 0) continue;
      let v = this.st.residual[b * dd + d];
      for (const x of out) v += this.u.demand[x * dd + d];
      c += v / this.norm[d];
    }
    return c * (1 + 1e-9) + 1e-12;
  }

  private tabuMove(): boolean {
    const ins = this.inSets();
    const bigNow = this.bigInTc();
    let bestHost = -1, bestDw = Infinity, bestDn = -Infinity, ties = 0;
    let bestOut: number[] = [], bestIn: number[] = [];
    let evals = 0; // feasibility checks, capped per iteration on large instances
    scan: for (const b of this.windowHosts()) {
      const list = this.unitsOn(b).filter((x) => !this.isFrozen(x, b));
      const outs: number[][] = [[], ...distinctSubsets(list, this.moveClasses(), list.length <= IMPROVE.PAIR_OUT_LIMIT)];
      for (const out of outs) {
        const p = out.length;
        let wo = 0;
        for (const x of out) wo += this.u.weight[x];
        // `ins` is heaviest first, so the TC weight change wo − wi only grows along it; subsets too heavy
        // to fit are skipped by a binary search.
        const room = this.roomAfter(b, out);
        let lo = 0, hi = ins.length;
        while (lo < hi) { const mid = (lo + hi) >> 1; if (ins[mid].weight > room) lo = mid + 1; else hi = mid; }
        for (let s = lo; s < ins.length; s++) {
          const set = ins[s];
          const inn = set.units, q = inn.length;
          if (p === 0 && q === 2) continue;
          const dw = wo - set.weight;
          if (dw > bestDw) break;
          const dn = p - q;
          if (dw === bestDw && dn < bestDn) continue;
          if (p === q && this.sameUnits(out, inn)) continue; // exchanging identical units changes nothing
          if (evals++ >= IMPROVE.MOVE_EVALS) break scan;
          this.moveChecks++;
          if (!this.swapFeasible(b, out, inn) || this.tooManyBig(out, inn, bigNow)) continue;
          if (dw === bestDw && dn === bestDn) {
            ties++;
            if (this.rng.below(ties) !== 0) continue;
          } else ties = 1;
          bestHost = b; bestDw = dw; bestDn = dn; bestOut = out; bestIn = inn;
        }
      }
    }
    if (bestHost < 0) return false;
    for (const x of bestOut) { this.st.remove(x); this.tcPush(x); }
    for (const t of bestIn) {
      this.tcRemove(t);
      this.st.place(t, bestHost);
      this.freeze(t, bestHost);
    }
    return true;
  }

  /** Would host b abide by every rule after giving up `out` and taking `inn`? (No state is changed.) */
  private swapFeasible(b: number, out: number[], inn: number[]): boolean {
    const { a, u, st } = this;
    const dd = a.dims;
    const limit = a.hostMaxItems[b];
    if (limit > 0) {
      let n = st.count[b];
      for (const x of out) n -= u.slots[x];
      for (const t of inn) n += u.slots[t];
      if (n > limit) return false;
    }
    for (let d = 0; d < dd; d++) {
      let v = st.residual[b * dd + d];
      for (const x of out) v += u.demand[x * dd + d];
      for (const t of inn) v -= u.demand[t * dd + d];
      if (v < 0) return false;
    }
    for (const t of inn) if (!st.labelsOk(t, b)) return false;
    if (!this.constrained) return true;
    return this.isolationAfterSwap(b, out, inn) && this.spreadAfterSwap(b, out, inn);
  }

  private isolationAfterSwap(b: number, out: number[], inn: number[]): boolean {
    const { a, u, st } = this;
    let exclusive = st.exclusiveCount[b];
    for (const x of out) for (let i = u.first[x]; i >= 0; i = u.nextItem[i]) if (a.itemExclusive[i] !== 0) exclusive--;
    for (const t of inn) for (let i = u.first[t]; i >= 0; i = u.nextItem[i]) if (a.itemExclusive[i] !== 0) exclusive++;
    if (exclusive === 0) return true;
    const all = [...inn, ...this.unitsOn(b).filter((v) => !out.includes(v))];
    const tenant = a.itemTenant[u.first[all[0]]];
    for (const v of all) for (let i = u.first[v]; i >= 0; i = u.nextItem[i]) if (a.itemTenant[i] !== tenant) return false;
    return true;
  }

  private spreadAfterSwap(b: number, out: number[], inn: number[]): boolean {
    const { a, u, st } = this;
    for (const t of inn) {
      for (let i = u.first[t]; i >= 0; i = u.nextItem[i]) {
        const g = a.itemSpread[i];
        if (g < 0) continue;
        let n = st.spreadAt(g, st.domain(b, a.spreadLevel[g]));
        for (const x of out) for (let j = u.first[x]; j >= 0; j = u.nextItem[j]) if (a.itemSpread[j] === g) n--;
        for (const s of inn) for (let j = u.first[s]; j >= 0; j = u.nextItem[j]) if (a.itemSpread[j] === g) n++;
        if (n > a.spreadMax[g]) return false;
      }
    }
    return true;
  }

  // ── descent: Pack(b) refills host b with the best subset of its units and TC ──

  /** Would refilling b with the chosen candidates leave TC with more big units than allowed (and than now)? */
  private packTooManyBig(b: number, cands: number[], chosen: Uint8Array, now: Int32Array): boolean {
    const dd = this.a.dims, limit = this.final.length;
    for (let d = 0; d < dd; d++) {
      let grow = 0;
      for (let i = 0; i < cands.length; i++) {
        const v = cands[i];
        if (!this.isBig(v, d)) continue;
        if (chosen[i] === 0 && this.st.unitHost[v] === b) grow++;
        else if (chosen[i] === 1 && this.st.unitHost[v] !== b) grow--;
      }
      if (grow > 0 && now[d] + grow > limit) return true;
    }
    return false;
  }

  private packHost(b: number): boolean {
    const { a, u, st } = this;
    const dd = a.dims;
    const sorted = [...this.unitsOn(b), ...this.tc.filter((t) => st.labelsOk(t, b))]
      .sort((x, y) => this.u.weight[y] - this.u.weight[x] || x - y);
    const cands = sorted.slice(0, IMPROVE.PACK_CANDIDATES);
    const n = cands.length;
    // Alike units (one class) are interchangeable in a refill: of the subsets that differ only in which copies they
    // take, the search keeps the one with the earliest copies, the one it would reach first. prevAlike[i]: the
    // latest candidate before i of i's class, -1 for none.
    const prevAlike = cands.map((v, i) => {
      if (IMPROVE.PACK_ALIKE_IN_ORDER === 0) return -1;
      for (let j = i - 1; j >= 0; j--) if (cands[j] !== v && this.cls[cands[j]] === this.cls[v]) return j;
      return -1;
    });
    const suffix = new Float64Array(n + 1);
    // Σ of the positive weights from i on: an upper bound on what the rest can add (sizes may be negative).
    for (let i = n - 1; i >= 0; i--) suffix[i] = suffix[i + 1] + Math.max(0, this.u.weight[cands[i]]);
    let bestW = 0, bestN = 0;
    for (const v of cands) if (st.unitHost[v] === b) { bestW += this.u.weight[v]; bestN++; }
    const chosen = new Uint8Array(n), bestChosen = new Uint8Array(n);
    const load = new Float64Array((n + 1) * dd); // load[i] = demand of the units chosen among the first i
    // Units of b beyond the candidates stay on b: the refill starts from their load and slots.
    // Isolation: the content's tenant (NO_TENANT none yet, MIXED_TENANT two or more) and whether it holds an
    // exclusive item; it holds while there is no exclusive item or one tenant only (HostState.isolationOk).
    const joinTenant = (tenant: number, v: number) => (tenant === NO_TENANT || tenant === u.tenant[v] ? u.tenant[v] : MIXED_TENANT);
    let fixedSlots = 0, fixedTenant = NO_TENANT, fixedExclusive = 0;
    for (const v of sorted.slice(n)) {
      if (st.unitHost[v] !== b) continue;
      fixedSlots += u.slots[v];
      fixedTenant = joinTenant(fixedTenant, v);
      fixedExclusive |= u.exclusive[v];
      for (let d = 0; d < dd; d++) load[d] += u.demand[v * dd + d];
    }
    const limit = a.hostMaxItems[b];
    let improved = false, nodes = IMPROVE.PACK_NODES;
    const bigNow = this.bigInTc();
    // Heaviest content first, then fewest units (more, smaller units left in TC are easier to place).
    const members = (v: number, g: number) => sameGroupMembers(a, u.nextItem, u.first[v], g);
    // Spread counts in b's domains with candidate i joining the chosen candidates [0, i): the candidates on b
    // now leave unless chosen, the units of b beyond the candidates stay.
    const spreadOk = (i: number): boolean => {
      const v = cands[i];
      for (let m = u.first[v]; m >= 0; m = u.nextItem[m]) {
        const g = a.itemSpread[m];
        if (g < 0) continue;
        let count = st.spreadAt(g, st.domain(b, a.spreadLevel[g])) + members(v, g);
        for (let j = 0; j < n; j++) {
          const onB = st.unitHost[cands[j]] === b, isChosen = j < i && chosen[j] === 1;
          if (onB !== isChosen) count += isChosen ? members(cands[j], g) : -members(cands[j], g);
        }
        if (count > a.spreadMax[g]) return false;
      }
      return true;
    };
    const dfs = (i: number, w: number, k: number, slots: number, tenant: number, exclusive: number): void => {
      if (nodes-- <= 0) return;
      if (w + suffix[i] < bestW) return;
      if (i === n) {
        if ((w > bestW || (w === bestW && k < bestN)) && !this.packTooManyBig(b, cands, chosen, bigNow)) {
          bestW = w; bestN = k; bestChosen.set(chosen); improved = true;
        }
        return;
      }
      const v = cands[i];
      let ok = (prevAlike[i] < 0 || chosen[prevAlike[i]] === 1) && (limit <= 0 || slots + u.slots[v] <= limit);
      for (let d = 0; d < dd && ok; d++) if (load[i * dd + d] + u.demand[v * dd + d] > a.hostCapacity[b * dd + d]) ok = false;
      // Isolation and spread only tighten as units join: a refill that breaks one is pruned here.
      const withTenant = this.constrained ? joinTenant(tenant, v) : tenant;
      const withExclusive = this.constrained ? exclusive | u.exclusive[v] : exclusive;
      if (ok && this.constrained) ok = (withExclusive === 0 || withTenant >= 0) && spreadOk(i);
      if (ok) {
        for (let d = 0; d < dd; d++) load[(i + 1) * dd + d] = load[i * dd + d] + u.demand[v * dd + d];
        chosen[i] = 1;
        dfs(i + 1, w + this.u.weight[v], k + 1, slots + u.slots[v], withTenant, withExclusive);
        chosen[i] = 0;
      }
      for (let d = 0; d < dd; d++) load[(i + 1) * dd + d] = load[i * dd + d];
      dfs(i + 1, w, k, slots, tenant, exclusive);
    };
    dfs(0, 0, 0, fixedSlots, fixedTenant, fixedExclusive);
    this.refillNodes += IMPROVE.PACK_NODES - Math.max(nodes, 0);
    if (!improved) return false;
    for (let i = 0; i < n; i++) {
      const v = cands[i];
      if (bestChosen[i] === 0 && st.unitHost[v] === b) { st.remove(v); this.tcPush(v); }
    }
    for (let i = 0; i < n; i++) {
      const v = cands[i];
      if (bestChosen[i] === 1 && st.unitHost[v] !== b) { this.tcRemove(v); st.place(v, b); }
    }
    return true;
  }
}
