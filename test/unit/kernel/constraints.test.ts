// Hard rules, worked by hand, on the WASM kernel and the reference: labels, isolation, spread over hosts and
// racks, affinity groups, item limits, host cost, and the reason reported when nothing can take an item.
import { describe, expect, it } from 'vitest';
import {
  DOMAIN_RACK, REASON_AFFINITY, REASON_ISOLATION, REASON_LABELS, REASON_MAX_ITEMS, REASON_NO_ROOM, REASON_SPREAD,
  REASON_TOO_LARGE,
} from '../../../assembly/abi';
import { ReferencePacker } from '../../../core/reference/reference-packer';
import { createWasmPacker } from '../../../electron/cli/kernel';
import { packInstance, packWith, type Instance } from '../../support/arena';

const packers = [createWasmPacker('release'), new ReferencePacker()];
const ffd = { rule: 'first-fit' as const, order: 'decreasing' as const, sizeKey: 'max' as const };
const hostsOf = (n: number, cap = 10) => ({ capacities: Array.from({ length: n }, () => [cap]), maxItems: new Array(n).fill(0) });

describe.each(packers.map((p) => [p.name, p] as const))('hard rules (%s)', (_name, packer) => {
  it('labels: an item goes only to a host offering every label it needs', () => {
    const inst: Instance = { dims: 1, ...hostsOf(3), demands: [[2], [2]], hostLabels: [0b01, 0b10, 0b11], itemLabels: [0b10, 0b11] };
    expect(Array.from(packWith(packer, inst, ffd).itemHost)).toEqual([1, 2]);
    const none = packWith(packer, { ...inst, itemLabels: [0b100, 0] }, ffd);
    expect(none.itemHost[0]).toBe(-1);
    expect(none.itemReason[0]).toBe(REASON_LABELS);
  });

  it('isolation: an exclusive item gets a host of its own tenant, and nobody joins it from outside', () => {
    // tenant 0 exclusive (5), tenant 1 (3), tenant 0 shared (2): the shared one of tenant 0 may join the exclusive one.
    const inst: Instance = { dims: 1, ...hostsOf(3), demands: [[5], [3], [2]], itemTenant: [0, 1, 0], itemExclusive: [1, 0, 0] };
    expect(Array.from(packWith(packer, inst, ffd).itemHost)).toEqual([0, 1, 0]);
    // With one host, tenant 1 cannot join.
    const one = packWith(packer, { ...inst, ...hostsOf(1) }, ffd);
    expect(one.itemHost[1]).toBe(-1);
    expect(one.itemReason[1]).toBe(REASON_ISOLATION);
  });

  it('spread: at most k of a group per host, and per rack', () => {
    const perHost: Instance = { dims: 1, ...hostsOf(3), demands: [[1], [1], [1]], itemSpread: [0, 0, 0], spread: [{ level: 0, max: 1 }] };
    expect(Array.from(packWith(packer, perHost, ffd).itemHost)).toEqual([0, 1, 2]);
    // Two racks (hosts 0,1 in rack 0; host 2 in rack 1), at most 1 per rack: the third replica has nowhere to go.
    const perRack: Instance = { ...perHost, hostRack: [0, 0, 1], spread: [{ level: DOMAIN_RACK, max: 1 }] };
    const out = packWith(packer, perRack, ffd);
    expect(Array.from(out.itemHost)).toEqual([0, 2, -1]);
    expect(out.itemReason[2]).toBe(REASON_SPREAD);
  });

  it('affinity: a group shares one host, or none, and a group that can never share is said so', () => {
    const inst: Instance = { dims: 1, ...hostsOf(2), demands: [[6], [3], [3]], itemAffinity: [-1, 0, 0] };
    // the pair (6 together) cannot join the 6: both go to host 1
    expect(Array.from(packWith(packer, inst, ffd).itemHost)).toEqual([0, 1, 1]);
    const tooBig = packWith(packer, { ...inst, demands: [[1], [6], [6]] }, ffd);
    expect(Array.from(tooBig.itemHost)).toEqual([0, -1, -1]);
    expect(tooBig.itemReason[1]).toBe(REASON_TOO_LARGE);
    const conflict = packWith(packer, { ...inst, itemTenant: [0, 0, 1], itemExclusive: [0, 1, 0] }, ffd);
    expect(conflict.itemReason[1]).toBe(REASON_AFFINITY);
    expect(conflict.itemReason[2]).toBe(REASON_AFFINITY);
  });

  it('item limits count affinity members, and the reason tells room from slots', () => {
    const inst: Instance = { dims: 1, capacities: [[10], [10]], maxItems: [2, 0], demands: [[1], [1], [1]], itemAffinity: [0, 0, 0] };
    expect(Array.from(packWith(packer, inst, ffd).itemHost)).toEqual([1, 1, 1]);
    const full = packInstance(packer, { dims: 1, capacities: [[10]], maxItems: [1], demands: [[1], [1]] }, 'max');
    expect(full.itemReason[1]).toBe(REASON_MAX_ITEMS);
    const noRoom = packInstance(packer, { dims: 1, capacities: [[10]], maxItems: [0], demands: [[8], [8]] }, 'max');
    expect(noRoom.itemReason[1]).toBe(REASON_NO_ROOM);
  });

  it('reports the cost of the hosts used, and the improvement phase drops the costliest host of a round', () => {
    const inst: Instance = { dims: 1, ...hostsOf(3), demands: [[5], [4], [4], [3], [2], [2]], hostCost: [1, 1, 5] };
    const out = packWith(packer, inst, { ...ffd, iterations: 300 });
    expect(out.constructiveCost).toBe(7); // FFD: hosts 0, 1, 2
    expect(out.cost).toBe(2); //              two hosts of cost 1 hold everything
    expect(out.itemHost.every((h) => h !== 2)).toBe(true);
  });
});
