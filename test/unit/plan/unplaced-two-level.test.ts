// Pods in node VMs that do not fit: per service, how many and why, explained at the level each service's first
// unplaced pod failed (left out of every node VM, or its node VM left off every host). The explanations are made
// one level at a time for all services together; each must equal the explanation of that pod alone.
import { describe, expect, it } from 'vitest';
import { explainUnplacedItems } from '../../../core/pack/explain';
import { planModels } from '../../../core/plan/plan';
import { createWasmPacker } from '../../../electron/cli/kernel';
import { minimalInput, parsed } from '../../support/scenarios';

/**
 * Three 16-thread hosts and more pods than they hold: 'qpu' needs a host label none has, 'solo' is spread one pod per
 * host, and a–d ask for 1–4 cores each, so some pods fit no node VM and some node VMs fit no host.
 */
function overflowing() {
  const input = minimalInput();
  input.sites[0].racks[0].hosts = [{ id: 'g', model: 'h', count: 3 }];
  input.services = [
    { id: 'qpu', name: 'QPU', tenant: 't', replicas: 2, demand: { cpuCores: 2, memoryGiB: 2 }, requiredHostLabels: ['quantum'] },
    { id: 'solo', name: 'Solo', tenant: 't', replicas: 6, demand: { cpuCores: 1, memoryGiB: 2 }, spread: { domain: 'host', maxPerDomain: 1 } },
    ...['a', 'b', 'c', 'd'].map((id, k) => ({ id, name: id, tenant: 't', replicas: 12, demand: { cpuCores: 1 + k, memoryGiB: 4 } })),
  ];
  return parsed(input);
}

describe('unplaced pods in node VMs', () => {
  it('names each service\'s count and reason at the level it failed, as explaining its first pod alone would', () => {
    const answer = planModels(overflowing(), createWasmPacker(), ['container-in-vm']).answers[0];
    const plan = answer.twoLevel!;
    const unplaced = answer.plan.unplacedServices;
    const levels = { pods: 0, nodes: 0 };
    let start = 0;
    for (const g of plan.pods.items) {
      const entry = unplaced.find((u) => u.serviceId === g.serviceId);
      let first = -1, count = 0;
      for (let p = start; p < start + g.count; p++) if (plan.podHost[p] < 0) { count++; if (first < 0) first = p; }
      start += g.count;
      if (count === 0) { expect(entry).toBeUndefined(); continue; }
      const atPods = plan.podNode[first] < 0;
      levels[atPods ? 'pods' : 'nodes']++;
      const alone = atPods
        ? explainUnplacedItems(plan.podLevel.inputs, plan.podLevel.out, [first])[0]
        : explainUnplacedItems(plan.nodeLevel.inputs, plan.nodeLevel.out, [plan.podNode[first]])[0];
      expect(entry).toMatchObject({ count, hostsRuledOut: alone.ruledOut });
    }
    // Several services fail at each level, for more than one reason: the per-level batches are really exercised.
    expect(levels.pods).toBeGreaterThan(1);
    expect(levels.nodes).toBeGreaterThan(1);
    expect(unplaced.find((u) => u.serviceId === 'qpu')).toMatchObject({ count: 2, reason: 'labels' });
    expect(new Set(unplaced.map((u) => u.reason)).size).toBeGreaterThan(1);
  });
});
