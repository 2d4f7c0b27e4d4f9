// What each host holds and the hard rules a unit must pass to join it (core/reference/state.ts is the
// reference):
//   capacity   residual >= demand in every dimension
//   item limit items on the host + unit slots <= limit (when the host has one)
//   labels     the host offers every label bit the unit requires
//   isolation  if the host would hold an exclusive item, all its items share one tenant
//   spread     per spread group, items in the host's domain (host, rack or site) <= the group's maximum
// Units on a host form a doubly linked list, newest first. Spread counts live in an open-addressing hash table
// keyed by (group, domain) with linear probing and backward-shift deletion, so live keys never exceed the
// placed items of spread groups and the table (2N + 2 slots or more) stays at most half full.
import {
  DOMAIN_HOST, DOMAIN_RACK, REASON_ISOLATION, REASON_LABELS, REASON_MAX_ITEMS, REASON_NO_ROOM, REASON_SPREAD,
  REASON_TOO_LARGE,
} from '../abi';
import {
  hosts, dims, labelWords, spreadGroups, spreadSlots, hostMaxItems, hostRack, hostSite, hostLabels, itemTenant,
  itemExclusive, itemSpread, spreadLevel, spreadMax, unitFirst, itemNext, unitSlots, unitLabels, unitTenant,
  unitExclusive, unitSpread, unitConflict, unitHost, unitNext, unitPrev, hostHead, hostCount, tenantRef,
  tenantRefCount, exclusiveCount, spreadKeyGroup, spreadKeyDomain, spreadCount,
  i32At, setI32, capacityAt, residualAt, setResidual, demandOf, residual, unitDemand, rowOf, rowCoversPairs,
} from '../arena';
import { sameGroupMembers } from './units';

// No labels, spread groups or exclusive or spread units: then labels, isolation and spread can rule no host out,
// `fits` tests capacity and item limits only, and place / remove keep no tenant, isolation or spread counts (set by
// resetHosts, before every construction; first fit's index reads it too).
export let capacityRulesOnly = false;

/** Empties every host and the spread table; live residual = capacity. */
export function resetHosts(units: i32): void {
  capacityRulesOnly = labelWords == 0 && spreadGroups == 0;
  for (let u = 0; u < units && capacityRulesOnly; u++) if (i32At(unitExclusive, u) != 0 || i32At(unitSpread, u) != 0) capacityRulesOnly = false;
  for (let h = 0; h < hosts; h++) {
    for (let d = 0; d < dims; d++) setResidual(h, d, capacityAt(h, d));
    setI32(hostCount, h, 0);
    setI32(tenantRef, h, -1);
    setI32(tenantRefCount, h, 0);
    setI32(exclusiveCount, h, 0);
    setI32(hostHead, h, -1);
  }
  for (let u = 0; u < units; u++) {
    setI32(unitHost, u, -1);
    setI32(unitNext, u, -1);
    setI32(unitPrev, u, -1);
  }
  for (let s = 0; s < spreadSlots; s++) setI32(spreadCount, s, 0);
}

@inline export function domainOf(h: i32, level: i32): i32 {
  if (level == DOMAIN_HOST) return h;
  return level == DOMAIN_RACK ? i32At(hostRack, h) : i32At(hostSite, h);
}

@inline function slotOf(g: i32, dom: i32): i32 {
  let x = <u32>g * 0x9e3779b1 ^ (<u32>dom * 0x85ebca77);
  x ^= x >>> 15;
  return <i32>(x & <u32>(spreadSlots - 1));
}

export function spreadAt(g: i32, dom: i32): i32 {
  let s = slotOf(g, dom);
  const mask = spreadSlots - 1;
  while (i32At(spreadCount, s) != 0) {
    if (i32At(spreadKeyGroup, s) == g && i32At(spreadKeyDomain, s) == dom) return i32At(spreadCount, s);
    s = (s + 1) & mask;
  }
  return 0;
}

function addSpread(g: i32, dom: i32, delta: i32): void {
  const mask = spreadSlots - 1;
  let s = slotOf(g, dom);
  while (i32At(spreadCount, s) != 0 && !(i32At(spreadKeyGroup, s) == g && i32At(spreadKeyDomain, s) == dom)) s = (s + 1) & mask;
  const v = i32At(spreadCount, s) + delta;
  if (v != 0) {
    setI32(spreadKeyGroup, s, g);
    setI32(spreadKeyDomain, s, dom);
    setI32(spreadCount, s, v);
    return;
  }
  // Backward-shift deletion: pull later entries of the probe run into the hole.
  let hole = s;
  setI32(spreadCount, hole, 0);
  let j = (hole + 1) & mask;
  while (i32At(spreadCount, j) != 0) {
    const home = slotOf(i32At(spreadKeyGroup, j), i32At(spreadKeyDomain, j));
    // Move j into the hole when its home is not cyclically within (hole, j].
    const between = hole <= j ? (home > hole && home <= j) : (home > hole || home <= j);
    if (!between) {
      setI32(spreadKeyGroup, hole, i32At(spreadKeyGroup, j));
      setI32(spreadKeyDomain, hole, i32At(spreadKeyDomain, j));
      setI32(spreadCount, hole, i32At(spreadCount, j));
      setI32(spreadCount, j, 0);
      hole = j;
    }
    j = (j + 1) & mask;
  }
}

/** Host h's residual row plus `sign` times the unit's demand row, two dimensions per f64x2 where their count is even
 * (lane by lane the scalar operation). */
@inline function addToResidual(h: i32, unit: i32, sign: f64): void {
  if ((dims & 1) == 0) {
    const room = rowOf(residual, h), demand = rowOf(unitDemand, unit);
    for (let d = 0; d < dims; d += 2) {
      const o = <usize>d << 3;
      const v = v128.load(demand + o);
      v128.store(room + o, sign > 0 ? f64x2.add(v128.load(room + o), v) : f64x2.sub(v128.load(room + o), v));
    }
    return;
  }
  if (sign > 0) for (let d = 0; d < dims; d++) setResidual(h, d, residualAt(h, d) + demandOf(unit, d));
  else for (let d = 0; d < dims; d++) setResidual(h, d, residualAt(h, d) - demandOf(unit, d));
}

export function place(unit: i32, h: i32): void {
  addToResidual(h, unit, -1);
  // Tenants, isolation and spread are kept only where some rule reads them (capacityRulesOnly: none does).
  if (capacityRulesOnly) setI32(hostCount, h, i32At(hostCount, h) + i32At(unitSlots, unit));
  else for (let i = i32At(unitFirst, unit); i >= 0; i = i32At(itemNext, i)) {
    const t = i32At(itemTenant, i);
    if (i32At(hostCount, h) == 0) { setI32(tenantRef, h, t); setI32(tenantRefCount, h, 0); }
    if (t == i32At(tenantRef, h)) setI32(tenantRefCount, h, i32At(tenantRefCount, h) + 1);
    if (i32At(itemExclusive, i) != 0) setI32(exclusiveCount, h, i32At(exclusiveCount, h) + 1);
    const g = i32At(itemSpread, i);
    if (g >= 0) addSpread(g, domainOf(h, i32At(spreadLevel, g)), 1);
    setI32(hostCount, h, i32At(hostCount, h) + 1);
  }
  const old = i32At(hostHead, h);
  setI32(unitNext, unit, old);
  setI32(unitPrev, unit, -1);
  if (old >= 0) setI32(unitPrev, old, unit);
  setI32(hostHead, h, unit);
  setI32(unitHost, unit, h);
}

export function remove(unit: i32): void {
  const h = i32At(unitHost, unit);
  const p = i32At(unitPrev, unit), n = i32At(unitNext, unit);
  if (p >= 0) setI32(unitNext, p, n); else setI32(hostHead, h, n);
  if (n >= 0) setI32(unitPrev, n, p);
  setI32(unitNext, unit, -1);
  setI32(unitPrev, unit, -1);
  setI32(unitHost, unit, -1);
  addToResidual(h, unit, 1);
  if (capacityRulesOnly) { setI32(hostCount, h, i32At(hostCount, h) - i32At(unitSlots, unit)); return; }
  for (let i = i32At(unitFirst, unit); i >= 0; i = i32At(itemNext, i)) {
    if (i32At(itemTenant, i) == i32At(tenantRef, h)) setI32(tenantRefCount, h, i32At(tenantRefCount, h) - 1);
    if (i32At(itemExclusive, i) != 0) setI32(exclusiveCount, h, i32At(exclusiveCount, h) - 1);
    const g = i32At(itemSpread, i);
    if (g >= 0) addSpread(g, domainOf(h, i32At(spreadLevel, g)), -1);
    setI32(hostCount, h, i32At(hostCount, h) - 1);
  }
  if (i32At(hostCount, h) == 0) { setI32(tenantRef, h, -1); setI32(tenantRefCount, h, 0); }
  else if (i32At(tenantRefCount, h) == 0) recountTenant(h);
}

/** The reference tenant left the host: take the tenant of the newest unit's first item and count it. */
function recountTenant(h: i32): void {
  const ref = i32At(itemTenant, i32At(unitFirst, i32At(hostHead, h)));
  let k = 0;
  for (let v = i32At(hostHead, h); v >= 0; v = i32At(unitNext, v)) {
    for (let i = i32At(unitFirst, v); i >= 0; i = i32At(itemNext, i)) if (i32At(itemTenant, i) == ref) k++;
  }
  setI32(tenantRef, h, ref);
  setI32(tenantRefCount, h, k);
}

export function labelsOk(unit: i32, h: i32): bool {
  for (let k = 0; k < labelWords; k++) {
    const need = i32At(unitLabels, unit * labelWords + k);
    if ((i32At(hostLabels, h * labelWords + k) & need) != need) return false;
  }
  return true;
}

export function isolationOk(unit: i32, h: i32): bool {
  const count = i32At(hostCount, h);
  if (count == 0) return true;
  if (i32At(unitExclusive, unit) == 0 && i32At(exclusiveCount, h) == 0) return true;
  return i32At(tenantRefCount, h) == count && i32At(unitTenant, unit) == i32At(tenantRef, h);
}

export function spreadOk(unit: i32, h: i32): bool {
  if (i32At(unitSpread, unit) == 0) return true;
  const first = i32At(unitFirst, unit);
  for (let i = first; i >= 0; i = i32At(itemNext, i)) {
    const g = i32At(itemSpread, i);
    if (g < 0) continue;
    if (spreadAt(g, domainOf(h, i32At(spreadLevel, g))) + sameGroupMembers(first, g) > i32At(spreadMax, g)) return false;
  }
  return true;
}

@inline export function roomOk(unit: i32, h: i32): bool {
  return rowRoom(rowOf(residual, h), rowOf(unitDemand, unit));
}

/** Every dimension of the residual row `res` at least the demand row's (two per f64x2 where D is even). */
@inline export function rowRoom(res: usize, demand: usize): bool {
  if ((dims & 1) == 0) return rowCoversPairs(res, demand);
  for (let d = 0; d < dims; d++) if (load<f64>(res + (<usize>d << 3)) < load<f64>(demand + (<usize>d << 3))) return false;
  return true;
}

@inline export function slotsOk(unit: i32, h: i32): bool {
  const limit = i32At(hostMaxItems, h);
  return limit <= 0 || i32At(hostCount, h) + i32At(unitSlots, unit) <= limit;
}

@inline export function fits(unit: i32, h: i32): bool {
  return i32At(unitConflict, unit) == 0 && slotsOk(unit, h) && roomOk(unit, h)
    && (capacityRulesOnly || (labelsOk(unit, h) && isolationOk(unit, h) && spreadOk(unit, h)));
}

/** Rules a capacity index cannot see (labels, isolation, spread); capacity and slots are checked by the caller. */
@inline export function fitsBeyondCapacity(unit: i32, h: i32): bool {
  return (labelWords == 0 || labelsOk(unit, h)) && isolationOk(unit, h) && spreadOk(unit, h);
}

/** The first rule, in checking order, that rules host h out for the unit; REASON_PLACED (0) if none. */
export function charge(unit: i32, h: i32): i32 {
  if (!labelsOk(unit, h)) return REASON_LABELS;
  for (let d = 0; d < dims; d++) if (capacityAt(h, d) < demandOf(unit, d)) return REASON_TOO_LARGE;
  if (!isolationOk(unit, h)) return REASON_ISOLATION;
  if (!spreadOk(unit, h)) return REASON_SPREAD;
  if (!roomOk(unit, h)) return REASON_NO_ROOM;
  if (!slotsOk(unit, h)) return REASON_MAX_ITEMS;
  return 0;
}

/** Rank of a rule in the per-host checking order: later rules are closer misses. */
export function ruleRank(reason: i32): i32 {
  if (reason == REASON_LABELS) return 0;
  if (reason == REASON_TOO_LARGE) return 1;
  if (reason == REASON_ISOLATION) return 2;
  if (reason == REASON_SPREAD) return 3;
  if (reason == REASON_NO_ROOM) return 4;
  if (reason == REASON_MAX_ITEMS) return 5;
  return -1;
}

