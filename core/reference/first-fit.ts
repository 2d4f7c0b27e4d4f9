// Reference for assembly/pack/first-fit.ts: vector First Fit over hosts in index order, by linear scan.
// An item fits a host when the host's residual capacity is >= the demand in every dimension and the host
// has a free item slot. Residuals are updated by subtraction, exactly as the kernel does.
import { REASON_MAX_ITEMS, REASON_NO_ROOM, REASON_PLACED, REASON_TOO_LARGE } from '../../assembly/abi';
import type { PackArena } from '../kernel/packer';

export interface FirstFitState {
  itemHost: Int32Array;
  itemReason: Int32Array;
  hostResidual: Float64Array;
  hostItems: Int32Array;
  hostsUsed: number;
}

function fitsResidual(a: PackArena, residual: Float64Array, h: number, item: number): boolean {
  for (let d = 0; d < a.dims; d++) if (residual[h * a.dims + d] < a.itemDemand[item * a.dims + d]) return false;
  return true;
}

function hasSlot(a: PackArena, hostItems: Int32Array, h: number): boolean {
  return a.hostMaxItems[h] <= 0 || hostItems[h] < a.hostMaxItems[h];
}

export function unplacedReason(a: PackArena, residual: Float64Array, item: number): number {
  if (Array.from({ length: a.hosts }, (_, h) => h).some((h) => fitsResidual(a, residual, h, item))) return REASON_MAX_ITEMS;
  const fitsEmpty = Array.from({ length: a.hosts }, (_, h) => h).some((h) => fitsResidual(a, a.hostCapacity, h, item));
  return fitsEmpty ? REASON_NO_ROOM : REASON_TOO_LARGE;
}

export function firstFit(a: PackArena, order: Int32Array): FirstFitState {
  const residual = Float64Array.from(a.hostCapacity);
  const hostItems = new Int32Array(a.hosts);
  const itemHost = new Int32Array(a.items).fill(-1);
  const itemReason = new Int32Array(a.items);
  let hostsUsed = 0;
  for (const item of order) {
    let chosen = -1;
    for (let h = 0; h < a.hosts && chosen < 0; h++) {
      if (hasSlot(a, hostItems, h) && fitsResidual(a, residual, h, item)) chosen = h;
    }
    if (chosen < 0) {
      itemReason[item] = unplacedReason(a, residual, item);
      continue;
    }
    for (let d = 0; d < a.dims; d++) residual[chosen * a.dims + d] -= a.itemDemand[item * a.dims + d];
    if (hostItems[chosen]++ === 0) hostsUsed++;
    itemHost[item] = chosen;
    itemReason[item] = REASON_PLACED;
  }
  return { itemHost, itemReason, hostResidual: residual, hostItems, hostsUsed };
}
