// The app plans container-in-VM in a second worker while the plan worker plans VMs and pods (renderer/src/workers/
// plan.worker.ts): that is only sound if each model's plan is the same whether the models are planned together on
// one packer or apart on two.
import { describe, expect, it } from 'vitest';
import { EXAMPLES, exampleScenario } from '../../../core/examples/index';
import { planModels } from '../../../core/plan/plan';
import { createWasmPacker } from '../../../electron/cli/kernel';

describe('deployment models planned apart', () => {
  it.each(EXAMPLES.map((e) => [e.id, e] as const))('%s: VMs and pods on one packer, container-in-VM on another, give the plan of all three together', (_id, example) => {
    const scenario = exampleScenario(example);
    const together = planModels(scenario, createWasmPacker());
    const near = planModels(scenario, createWasmPacker(), ['vm', 'container']);
    const far = planModels(scenario, createWasmPacker(), ['container-in-vm']);
    const apart = [...near.answers, ...far.answers];
    expect(apart.map((a) => a.plan)).toEqual(together.answers.map((a) => a.plan));
    expect(apart.map((a) => Array.from(a.hostLevel.out.itemHost))).toEqual(together.answers.map((a) => Array.from(a.hostLevel.out.itemHost)));
  }, 60_000);
});
