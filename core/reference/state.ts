// Reference for assembly/pack/state.ts: what each host holds and the hard rules a unit must pass to join it.
//   capacity   residual >= demand in every dimension
//   item limit items on the host + unit slots <= limit (when the host has one)
//   labels     the host offers every label bit the unit requires
//   isolation  if the host would hold an exclusive item, all its items share one tenant
//   spread     per spread group, items in the host's domain (host, rack or site) <= the group's maximum
// Units on a host form a doubly linked list, newest first; both implementations keep the same order.
import {
  DOMAIN_HOST, DOMAIN_RACK, REASON_ISOLATION, REASON_LABELS, REASON_MAX_ITEMS, REASON_NO_ROOM, REASON_SPREAD,
  REASON_TOO_LARGE,
} from '../../assembly/abi';
import type { PackArena } from '../kernel/packer';
import { sameGroupMembers, type Units } from './units';

/** Rank of a rule in the per-host checking order (abi.ts): later rules are closer misses. */
export function ruleRank(reason: number): number {
  switch (reason) {
    case REASON_LABELS: return 0;
    case REASON_TOO_LARGE: return 1;
    case REASON_ISOLATION: return 2;
    case REASON_SPREAD: return 3;
    case REASON_NO_ROOM: return 4;
    case REASON_MAX_ITEMS: return 5;
    default: return -1;
  }
}

export class HostState {
  readonly residual: Float64Array;
  /** Items (not units) per host. */
  readonly count: Int32Array;
  readonly tenantRef: Int32Array;
  readonly tenantRefCount: Int32Array;
  readonly exclusiveCount: Int32Array;
  readonly unitHost: Int32Array;
  readonly head: Int32Array;
  readonly next: Int32Array;
  readonly prev: Int32Array;
  private readonly spreadCount = new Map<number, number>();

  constructor(readonly a: PackArena, readonly u: Units) {
    this.residual = Float64Array.from(a.hostCapacity);
    this.count = new Int32Array(a.hosts);
    this.tenantRef = new Int32Array(a.hosts).fill(-1);
    this.tenantRefCount = new Int32Array(a.hosts);
    this.exclusiveCount = new Int32Array(a.hosts);
    this.unitHost = new Int32Array(u.count).fill(-1);
    this.head = new Int32Array(a.hosts).fill(-1);
    this.next = new Int32Array(u.count).fill(-1);
    this.prev = new Int32Array(u.count).fill(-1);
  }

  domain(h: number, level: number): number {
    if (level === DOMAIN_HOST) return h;
    return level === DOMAIN_RACK ? this.a.hostRack[h] : this.a.hostSite[h];
  }

  spreadAt(g: number, dom: number): number {
    return this.spreadCount.get(g * 4294967296 + dom) ?? 0;
  }

  private addSpread(g: number, dom: number, delta: number): void {
    const key = g * 4294967296 + dom;
    const v = (this.spreadCount.get(key) ?? 0) + delta;
    if (v === 0) this.spreadCount.delete(key);
    else this.spreadCount.set(key, v);
  }

  place(unit: number, h: number): void {
    const { a, u } = this;
    const dd = a.dims;
    for (let d = 0; d < dd; d++) this.residual[h * dd + d] -= u.demand[unit * dd + d];
    for (let i = u.first[unit]; i >= 0; i = u.nextItem[i]) {
      const t = a.itemTenant[i];
      if (this.count[h] === 0) { this.tenantRef[h] = t; this.tenantRefCount[h] = 0; }
      if (t === this.tenantRef[h]) this.tenantRefCount[h]++;
      if (a.itemExclusive[i] !== 0) this.exclusiveCount[h]++;
      const g = a.itemSpread[i];
      if (g >= 0) this.addSpread(g, this.domain(h, a.spreadLevel[g]), 1);
      this.count[h]++;
    }
    const old = this.head[h];
    this.next[unit] = old;
    this.prev[unit] = -1;
    if (old >= 0) this.prev[old] = unit;
    this.head[h] = unit;
    this.unitHost[unit] = h;
  }

  remove(unit: number): void {
    const { a, u } = this;
    const h = this.unitHost[unit];
    const dd = a.dims;
    const p = this.prev[unit], n = this.next[unit];
    if (p >= 0) this.next[p] = n; else this.head[h] = n;
    if (n >= 0) this.prev[n] = p;
    this.next[unit] = -1;
    this.prev[unit] = -1;
    this.unitHost[unit] = -1;
    for (let d = 0; d < dd; d++) this.residual[h * dd + d] += u.demand[unit * dd + d];
    for (let i = u.first[unit]; i >= 0; i = u.nextItem[i]) {
      if (a.itemTenant[i] === this.tenantRef[h]) this.tenantRefCount[h]--;
      if (a.itemExclusive[i] !== 0) this.exclusiveCount[h]--;
      const g = a.itemSpread[i];
      if (g >= 0) this.addSpread(g, this.domain(h, a.spreadLevel[g]), -1);
      this.count[h]--;
    }
    if (this.count[h] === 0) { this.tenantRef[h] = -1; this.tenantRefCount[h] = 0; } else if (this.tenantRefCount[h] === 0) this.recountTenant(h);
  }

  /** The reference tenant left the host: take the tenant of the newest unit's first item and count it. */
  private recountTenant(h: number): void {
    const { a, u } = this;
    const ref = a.itemTenant[u.first[this.head[h]]];
    let k = 0;
    for (let v = this.head[h]; v >= 0; v = this.next[v]) {
      for (let i = u.first[v]; i >= 0; i = u.nextItem[i]) if (a.itemTenant[i] === ref) k++;
    }
    this.tenantRef[h] = ref;
    this.tenantRefCount[h] = k;
  }

  labelsOk(unit: number, h: number): boolean {
    const w = this.a.labelWords;
    for (let k = 0; k < w; k++) {
      const need = this.u.labels[unit * w + k];
      if ((this.a.hostLabels[h * w + k] & need) !== need) return false;
    }
    return true;
  }

  isolationOk(unit: number, h: number): boolean {
    if (this.count[h] === 0) return true;
    if (this.u.exclusive[unit] === 0 && this.exclusiveCount[h] === 0) return true;
    return this.tenantRefCount[h] === this.count[h] && this.u.tenant[unit] === this.tenantRef[h];
  }

  spreadOk(unit: number, h: number): boolean {
    const { a, u } = this;
    if (u.spread[unit] === 0) return true;
    for (let i = u.first[unit]; i >= 0; i = u.nextItem[i]) {
      const g = a.itemSpread[i];
      if (g < 0) continue;
      if (this.spreadAt(g, this.domain(h, a.spreadLevel[g])) + sameGroupMembers(a, u.nextItem, u.first[unit], g) > a.spreadMax[g]) return false;
    }
    return true;
  }

  roomOk(unit: number, h: number): boolean {
    const dd = this.a.dims;
    for (let d = 0; d < dd; d++) if (this.residual[h * dd + d] < this.u.demand[unit * dd + d]) return false;
    return true;
  }

  slotsOk(unit: number, h: number): boolean {
    const limit = this.a.hostMaxItems[h];
    return limit <= 0 || this.count[h] + this.u.slots[unit] <= limit;
  }

  fits(unit: number, h: number): boolean {
    return this.u.conflict[unit] === 0 && this.slotsOk(unit, h) && this.roomOk(unit, h) && this.labelsOk(unit, h)
      && this.isolationOk(unit, h) && this.spreadOk(unit, h);
  }

  /** The first rule, in checking order, that rules host h out for the unit; REASON_PLACED (0) if none. */
  charge(unit: number, h: number): number {
    const dd = this.a.dims;
    if (!this.labelsOk(unit, h)) return REASON_LABELS;
    for (let d = 0; d < dd; d++) if (this.a.hostCapacity[h * dd + d] < this.u.demand[unit * dd + d]) return REASON_TOO_LARGE;
    if (!this.isolationOk(unit, h)) return REASON_ISOLATION;
    if (!this.spreadOk(unit, h)) return REASON_SPREAD;
    if (!this.roomOk(unit, h)) return REASON_NO_ROOM;
    if (!this.slotsOk(unit, h)) return REASON_MAX_ITEMS;
    return 0;
  }
}
