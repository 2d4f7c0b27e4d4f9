import { describe, expect, it } from 'vitest';
import { binsInput, verifyPacking, type PackingInput } from '../../../core/pack/verify';

function input(over: Partial<PackingInput> = {}): PackingInput {
  return { ...binsInput(2, 1, [10], [6, 5, 4], 3), ...over };
}

describe('independent verifier', () => {
  it('accepts a packing that keeps every rule', () => {
    expect(verifyPacking(input(), [0, 1, 0])).toMatchObject({ feasible: true, hostsUsed: 2, placed: 3, unplaced: 0, violations: [] });
  });

  it('finds each kind of violation', () => {
    const kinds = (p: PackingInput, hosts: number[], requireAll = false) => verifyPacking(p, hosts, { requireAll }).violations.map((v) => v.kind);
    expect(kinds(input(), [0, 0, 1])).toEqual(['capacity']);
    expect(kinds(input(), [0, 1, 5])).toEqual(['assignment']);
    expect(kinds(input(), [0, 1, -1], true)).toEqual(['unplaced']);
    expect(kinds(input({ hostMaxItems: [1, 0] }), [0, 1, 0])).toEqual(['item-limit']);
    expect(kinds(input({ labelWords: 1, hostLabels: [1, 0], itemLabels: [0, 1, 0] }), [0, 1, 0])).toEqual(['labels']);
    expect(kinds(input({ itemTenant: [0, 0, 1], itemExclusive: [1, 0, 0] }), [0, 1, 0])).toEqual(['isolation']);
    expect(kinds(input({ itemSpread: [0, -1, 0], spreadLevel: [0], spreadMax: [1] }), [0, 1, 0])).toEqual(['spread']);
    expect(kinds(input({ itemAffinity: [0, 0, -1] }), [0, 1, 0])).toEqual(['affinity']);
  });

  it('reads spread domains from racks and sites', () => {
    const p = input({ hostRack: [4, 4], itemSpread: [0, 0, -1], spreadLevel: [1], spreadMax: [1] });
    expect(verifyPacking(p, [0, 1, 1]).violations.map((v) => v.kind)).toEqual(['spread']);
  });
});
