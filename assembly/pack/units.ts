// Units: items of one affinity group move as one unit (core/reference/units.ts is the reference). A unit's
// demand is the sum of its members' (in member order), it takes one item slot per member, needs every label a
// member needs, and is exclusive if any member is. Units are numbered by their lowest item; members keep
// increasing item order. A unit that can never share one host is marked REASON_AFFINITY.
import { REASON_AFFINITY } from '../abi';
import {
  hosts, items, dims, labelWords, norm, hostCapacity, itemDemand, itemTenant, itemExclusive, itemSpread, itemAffinity,
  itemLabels, spreadMax, unitOfItem, unitFirst, unitLast, itemNext, groupUnit, unitDemand, unitSlots, unitLabels,
  unitTenant, unitExclusive, unitSpread, unitConflict, unitWeight, unitClass, classTable, classSlots, setUnitRegions,
  unitDemandRegion, unitLabelsRegion,
  i32At, setI32, f64At, setF64, f64Row, setF64Row, demandOf,
} from '../arena';

export const MIXED_TENANT: i32 = -2;

export let unitCount: i32 = 0;

/** Largest capacity per dimension over all hosts (0 when no host offers it). */
export function computeNorms(): void {
  for (let d = 0; d < dims; d++) {
    let m: f64 = 0;
    for (let h = 0; h < hosts; h++) m = max(m, f64Row(hostCapacity, h, d));
    setF64(norm, d, m);
  }
}

/** Members of the unit starting at item `first` that belong to spread group g. */
export function sameGroupMembers(first: i32, g: i32): i32 {
  let k = 0;
  for (let i = first; i >= 0; i = i32At(itemNext, i)) if (i32At(itemSpread, i) == g) k++;
  return k;
}

export function buildUnits(): void {
  let grouped = false;
  for (let i = 0; i < items && !grouped; i++) if (i32At(itemAffinity, i) >= 0) grouped = true;
  if (!grouped) { singleUnits(); return; }
  setUnitRegions(unitDemandRegion, unitLabelsRegion);
  for (let i = 0; i < items; i++) {
    setI32(groupUnit, i, -1);
    setI32(itemNext, i, -1);
  }
  let count = 0;
  for (let i = 0; i < items; i++) {
    const g = i32At(itemAffinity, i);
    if (g >= 0 && i32At(groupUnit, g) >= 0) {
      const u = i32At(groupUnit, g);
      setI32(itemNext, i32At(unitLast, u), i);
      setI32(unitLast, u, i);
      setI32(unitOfItem, i, u);
      continue;
    }
    if (g >= 0) setI32(groupUnit, g, count);
    setI32(unitFirst, count, i);
    setI32(unitLast, count, i);
    setI32(unitOfItem, i, count);
    count++;
  }
  unitCount = count;
  for (let u = 0; u < count; u++) {
    for (let d = 0; d < dims; d++) setF64Row(unitDemand, u, d, 0);
    for (let k = 0; k < labelWords; k++) setI32(unitLabels, u * labelWords + k, 0);
    const first = i32At(unitFirst, u);
    let tenant = i32At(itemTenant, first), slots = 0, exclusive = 0, spread = 0;
    for (let i = first; i >= 0; i = i32At(itemNext, i)) {
      for (let d = 0; d < dims; d++) setF64Row(unitDemand, u, d, demandOf(u, d) + f64Row(itemDemand, i, d));
      for (let k = 0; k < labelWords; k++) {
        setI32(unitLabels, u * labelWords + k, i32At(unitLabels, u * labelWords + k) | i32At(itemLabels, i * labelWords + k));
      }
      slots++;
      if (i32At(itemTenant, i) != tenant) tenant = MIXED_TENANT;
      if (i32At(itemExclusive, i) != 0) exclusive = 1;
      if (i32At(itemSpread, i) >= 0) spread = 1;
    }
    let conflict = 0;
    if (exclusive != 0 && tenant == MIXED_TENANT) conflict = REASON_AFFINITY;
    if (spread != 0) {
      for (let i = first; i >= 0; i = i32At(itemNext, i)) {
        const g = i32At(itemSpread, i);
        if (g >= 0 && sameGroupMembers(first, g) > i32At(spreadMax, g)) conflict = REASON_AFFINITY;
      }
    }
    setI32(unitSlots, u, slots);
    setI32(unitTenant, u, tenant);
    setI32(unitExclusive, u, exclusive);
    setI32(unitSpread, u, spread);
    setI32(unitConflict, u, conflict);
    let acc: f64 = 0;
    for (let d = 0; d < dims; d++) {
      const n = f64At(norm, d);
      if (n > 0) acc += demandOf(u, d) / n;
    }
    setF64(unitWeight, u, acc);
  }
}

/** Every item is its own unit: units share the items' demand and label regions. */
function singleUnits(): void {
  setUnitRegions(itemDemand, itemLabels);
  unitCount = items;
  for (let i = 0; i < items; i++) {
    setI32(unitOfItem, i, i);
    setI32(unitFirst, i, i);
    setI32(unitLast, i, i);
    setI32(itemNext, i, -1);
    setI32(unitSlots, i, 1);
    setI32(unitTenant, i, i32At(itemTenant, i));
    setI32(unitExclusive, i, i32At(itemExclusive, i) != 0 ? 1 : 0);
    setI32(unitSpread, i, i32At(itemSpread, i) >= 0 ? 1 : 0);
    setI32(unitConflict, i, 0);
    let acc: f64 = 0;
    for (let d = 0; d < dims; d++) {
      const n = f64At(norm, d);
      if (n > 0) acc += f64Row(itemDemand, i, d) / n;
    }
    setF64(unitWeight, i, acc);
  }
}

/**
 * Class of each unit: the lowest index among single-item units with the same demand and constraints (sameClass),
 * the reference's map of keys (core/reference/units.ts unitClasses). Units in index order into a hash table of each
 * class's first unit, open addressing: one pass instead of sorting by the class tuple (on 10^6 units the sort's
 * comparisons were a tenth of a packing's start).
 */
export function buildClasses(): void {
  const mask = classSlots - 1;
  for (let s = 0; s < classSlots; s++) setI32(classTable, s, -1);
  for (let u = 0; u < unitCount; u++) {
    setI32(unitClass, u, u);
    if (i32At(unitSlots, u) != 1) continue;
    let s = classHash(u) & mask;
    for (;;) {
      const first = i32At(classTable, s);
      if (first < 0) { setI32(classTable, s, u); break; }
      if (sameClass(first, u)) { setI32(unitClass, u, first); break; }
      s = (s + 1) & mask;
    }
  }
}

/** A hash of what sameClass compares (demand with −0 as 0, which compare equal; labels; tenant, isolation, spread). */
function classHash(u: i32): i32 {
  let h: u32 = 0x811c9dc5;
  for (let d = 0; d < dims; d++) {
    const v = demandOf(u, d);
    const bits = reinterpret<u64>(v == 0 ? <f64>0 : v);
    h = (h ^ <u32>bits ^ <u32>(bits >> 32)) * 0x01000193;
  }
  for (let k = 0; k < labelWords; k++) h = (h ^ <u32>i32At(unitLabels, u * labelWords + k)) * 0x01000193;
  const i = i32At(unitFirst, u);
  h = (h ^ <u32>i32At(itemTenant, i)) * 0x01000193;
  h = (h ^ <u32>i32At(itemExclusive, i)) * 0x01000193;
  h = (h ^ <u32>i32At(itemSpread, i)) * 0x01000193;
  h ^= h >> 16; h *= 0x85ebca6b; h ^= h >> 13; h *= 0xc2b2ae35; h ^= h >> 16; // murmur3's finaliser
  return <i32>h;
}

/**
 * sameClass, read from the classes buildClasses made: it sorts the single-item units by the fields sameClass compares
 * and gives each run of equal ones its first unit as class, so two single-item units are alike exactly when their
 * classes are equal (other units are alike to none, and are each their own class). One comparison, not the fields.
 */
@inline export function alike(a: i32, b: i32): bool {
  return i32At(unitClass, a) == i32At(unitClass, b) && i32At(unitSlots, a) == 1 && i32At(unitSlots, b) == 1;
}

/** Two units are interchangeable for placement: single items with the same demand and constraints. */
export function sameClass(a: i32, b: i32): bool {
  if (i32At(unitSlots, a) != 1 || i32At(unitSlots, b) != 1) return false;
  for (let d = 0; d < dims; d++) if (demandOf(a, d) != demandOf(b, d)) return false;
  for (let k = 0; k < labelWords; k++) {
    if (i32At(unitLabels, a * labelWords + k) != i32At(unitLabels, b * labelWords + k)) return false;
  }
  const ia = i32At(unitFirst, a), ib = i32At(unitFirst, b);
  return i32At(itemTenant, ia) == i32At(itemTenant, ib) && i32At(itemExclusive, ia) == i32At(itemExclusive, ib)
    && i32At(itemSpread, ia) == i32At(itemSpread, ib);
}
