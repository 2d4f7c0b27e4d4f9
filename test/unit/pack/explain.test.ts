import { describe, expect, it } from 'vitest';
import { copyOutcome, DEFAULT_PACK_OPTIONS, type PackOptions } from '../../../core/kernel/packer';
import { explainItem, explainUnplaced } from '../../../core/pack/explain';
import { ReferencePacker } from '../../../core/reference/reference-packer';
import { createWasmPacker } from '../../../electron/cli/kernel';
import { loadInstance, type Instance } from '../../support/arena';

const wasm = createWasmPacker();

/** Packs on the WASM kernel; the inputs for the explanation are the same instance in a plain (reference) arena. */
function packed(inst: Instance, options: Partial<PackOptions>) {
  const o = { ...DEFAULT_PACK_OPTIONS, ...options };
  loadInstance(wasm, inst);
  const out = copyOutcome(wasm.pack(o));
  const inputs = loadInstance(new ReferencePacker(), inst);
  return { inputs, out, o };
}

describe('explanations', () => {
  it('First Fit: the chosen host is the leftmost that fits, the others that fit are listed', () => {
    const { inputs, out, o } = packed({ dims: 1, capacities: [[10], [10], [10]], maxItems: [0, 0, 0], demands: [[7], [6], [3]] }, { order: 'input' });
    const why = explainItem(inputs, out, o, 2);
    expect(why).toMatchObject({ item: 2, host: 0, firstHost: 0, movedByImprovement: false, decision: 'host-for-item', chosen: { host: 0, score: null } });
    expect(why.runnersUp.map((c) => c.host)).toEqual([1, 2]);
    expect(why.atDecision.hostsThatFit).toBe(3);
    // Item 1 (6) could not go on host 0 (7 already there): one host ruled out for room.
    expect(explainItem(inputs, out, o, 1).atDecision.ruledOut['no-room']).toBe(1);
  });

  it('Best Fit: scores are the negated room left, best first', () => {
    const { inputs, out, o } = packed({ dims: 1, capacities: [[10], [10], [10]], maxItems: [0, 0, 0], demands: [[6], [5], [3]] }, { rule: 'best-fit', order: 'input', sizeKey: 'sum' });
    const why = explainItem(inputs, out, o, 2);
    expect(why.chosen).toEqual({ host: 0, score: -0.1 });
    expect(why.runnersUp[0]).toEqual({ host: 1, score: -0.2 });
  });

  it('bin-centric rules compare the item with the others that could have joined the host', () => {
    const { inputs, out, o } = packed({ dims: 2, capacities: [[10, 10], [10, 10]], maxItems: [0, 0], demands: [[6, 1], [1, 6], [4, 4]] }, { rule: 'dot-product' });
    const why = explainItem(inputs, out, o, 2);
    expect(why.decision).toBe('item-for-host');
    expect(why.chosen?.host).toBe(0);
    expect(why.runnersUp.map((c) => c.item)).toEqual([0, 1]);
    expect(why.chosen!.score!).toBeGreaterThan(why.runnersUp[0].score!);
  });

  it('says when the improvement phase moved an item', () => {
    const { inputs, out, o } = packed({ dims: 1, capacities: Array.from({ length: 6 }, () => [10]), maxItems: new Array(6).fill(0), demands: [5, 4, 4, 3, 2, 2].map((s) => [s]) }, { iterations: 300 });
    expect([...out.itemHost].some((h, i) => h !== out.itemFirstHost[i])).toBe(true);
    const moved = [...out.itemHost].findIndex((h, i) => h !== out.itemFirstHost[i]);
    expect(explainItem(inputs, out, o, moved).movedByImprovement).toBe(true);
  });

  it('counts, for an unplaced item, the hosts each rule rules out at the end', () => {
    const { inputs, out } = packed({
      dims: 1, capacities: [[10], [10], [3]], maxItems: [0, 0, 0], demands: [[8], [8], [8]], itemTenant: [0, 1, 2], itemExclusive: [0, 1, 0],
    }, {});
    const stuck = [...out.itemHost].indexOf(-1);
    expect(explainUnplaced(inputs, out, stuck)).toEqual({
      ruledOut: { labels: 0, 'too-large': 1, isolation: stuck === 2 ? 1 : 0, spread: 0, 'no-room': stuck === 2 ? 1 : 2, 'max-items': 0, affinity: 0 },
      hostsThatFit: 0,
      reason: 'no-room',
    });
  });
});
