// A plan's best bound counts hosts whatever the policy's objective: with "cost" the LP relaxation minimises the price
// of the hosts, so its value is money and stays out of the host bound (the dual still reports it).
import highsLoader, { type Highs } from 'highs';
import { beforeAll, describe, expect, it } from 'vitest';
import { EXAMPLES, exampleScenario } from '../../../core/examples/index';
import { planModels } from '../../../core/plan/plan';
import { ReferencePacker } from '../../../core/reference/reference-packer';
import { onFfd } from '../../support/scenarios';

let highs: Highs;
beforeAll(async () => { highs = await highsLoader(); });

describe('best bound with HiGHS', () => {
  it('stays a host count at most the hosts used when the objective is cost', () => {
    const base = onFfd(exampleScenario(EXAMPLES.find((e) => e.id === 'multi-tenant')!));
    const s = { ...base, policy: { ...base.policy, objective: 'cost' as const } };
    const { answers } = planModels(s, new ReferencePacker(), ['vm', 'container'], undefined, { highs });
    for (const a of answers) {
      expect(a.plan.bestLowerBound.method, a.plan.id).not.toBe('lp');
      expect(a.plan.bestLowerBound.hosts!, a.plan.id).toBeLessThanOrEqual(a.plan.hostsUsed);
      expect(a.plan.gapToBest!, a.plan.id).toBeGreaterThanOrEqual(0);
    }
  }, 30_000);
});
