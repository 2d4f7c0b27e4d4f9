import { describe, expect, it } from 'vitest';
import { dayDocument, planBatch, runAt, runDocument, traceDays, BatchSpecError, type BatchSpec } from '../../../core/batch/expand';
import { parseBatchValue } from '../../../core/batch/schema';
import { parsed, minimalInput } from '../../support/scenarios';

const doc = () => JSON.parse(JSON.stringify(parsed(minimalInput())));

function spec(over: Partial<BatchSpec> = {}): BatchSpec {
  return { name: 'b', command: 'compare', scenarios: [{ name: 'a.json', doc: doc() }], grid: [], headroom: false, series: false, ...over };
}

function withTraces(days: number, interval = 3600) {
  const d = doc();
  d.traces = [{ id: 'cpu', intervalSeconds: interval, samples: Array.from({ length: days * 86400 / interval }, (_, k) => (k % 24) / 24) }];
  d.services[0].trace = 'cpu';
  return d;
}

describe('batch expansion', () => {
  it('numbers runs scenarios × grid × days × policies × seeds, seeds fastest, and decodes any index alone', () => {
    const plan = planBatch(spec({
      command: 'simulate',
      scenarios: [{ name: 'a', doc: withTraces(2) }, { name: 'b', doc: withTraces(3) }],
      grid: [{ param: 'deployment.vm.cpuOvercommit', values: '1..2' }, { param: 'services[svc].replicas', values: [1, 2, 3] }],
      days: 'all', policies: ['thr-mmt-0.8', 'npa'], seeds: '1..2',
    }));
    expect(plan.days).toEqual([1, 2]); // "all" = the whole days every scenario has
    expect(plan.runs).toBe(2 * 2 * 3 * 2 * 2 * 2);
    expect(runAt(plan, 0)).toEqual({ index: 0, scenario: 'a', params: { 'deployment.vm.cpuOvercommit': 1, 'services[svc].replicas': 1 }, day: 1, policy: 'thr-mmt-0.8', seed: 1 });
    expect(runAt(plan, 1).seed).toBe(2);
    expect(runAt(plan, 2)).toMatchObject({ policy: 'npa', seed: 1 });
    expect(runAt(plan, 4)).toMatchObject({ day: 2, policy: 'thr-mmt-0.8' });
    expect(runAt(plan, 8).params['services[svc].replicas']).toBe(2);
    expect(runAt(plan, plan.runs - 1)).toMatchObject({ scenario: 'b', params: { 'deployment.vm.cpuOvercommit': 2, 'services[svc].replicas': 3 }, day: 2, policy: 'npa', seed: 2 });
    // Every combination exactly once.
    const keys = new Set(Array.from({ length: plan.runs }, (_, i) => JSON.stringify({ ...runAt(plan, i), index: 0 })));
    expect(keys.size).toBe(plan.runs);
    expect(() => runAt(plan, plan.runs)).toThrow(RangeError);
  });

  it('applies each run\'s values, policy and seed where the command reads them', () => {
    const compare = planBatch(spec({ grid: [{ param: 'deployment.vm.cpuOvercommit', values: [3] }], policies: ['bfd'], seeds: [7] }));
    const d = runDocument(compare, runAt(compare, 0)) as { deployment: { vm: { cpuOvercommit: number } }; policy: { algorithm: string; seed: number } };
    expect(d.deployment.vm.cpuOvercommit).toBe(3);
    expect(d.policy).toMatchObject({ algorithm: 'bfd', seed: 7 });
    const sim = planBatch(spec({ command: 'simulate', scenarios: [{ name: 'a', doc: withTraces(1) }], policies: ['lr-mmt-1.2'], seeds: [4] }));
    expect((runDocument(sim, runAt(sim, 0)) as { simulation: unknown }).simulation).toMatchObject({ policy: 'lr-mmt-1.2', seed: 4 });
  });

  it('cuts one day out of multi-day traces, the boundary sample included, and moves arrivals with it', () => {
    const d = withTraces(3, 3600);
    d.services[0].arrivesAtSeconds = 90000; // day 2, 1 h in
    const day2 = dayDocument(d, 2) as { traces: { samples: number[] }[]; services: { arrivesAtSeconds?: number }[]; simulation: { durationSeconds: number } };
    expect(day2.traces[0].samples).toEqual(d.traces[0].samples.slice(24, 49));
    expect(day2.services[0].arrivesAtSeconds).toBe(3600);
    expect(day2.simulation.durationSeconds).toBe(86400);
    const gone = doc();
    gone.services[0].departsAtSeconds = 3600;
    expect((dayDocument(gone, 2) as { services: { arrivesAtSeconds: number }[] }).services[0].arrivesAtSeconds).toBe(86400);
    expect(traceDays(d)).toBe(3);
    expect(traceDays(doc())).toBe(0);
  });

  it('gives the same batch the same id on every expansion, and another id when a scenario changes', () => {
    const a = planBatch(spec({ seeds: '1..3' })), b = planBatch(spec({ seeds: '1..3' }));
    expect(a.id).toBe(b.id);
    const changed = doc();
    changed.services[0].replicas = 4;
    expect(planBatch(spec({ seeds: '1..3', scenarios: [{ name: 'a.json', doc: changed }] })).id).not.toBe(a.id);
  });

  it('names the batch field of every mistake', () => {
    const where = (s: Partial<BatchSpec>) => {
      try { planBatch(spec(s)); } catch (e) { if (e instanceof BatchSpecError) return `${e.where}: ${e.message}`; throw e; }
      return 'no error';
    };
    expect(where({ grid: [{ param: 'deployment.vm.cpuOvercomit', values: '1,2' }] })).toMatch(/^\$\.grid\[0\]: the scenario format has no parameter deployment\.vm\.cpuOvercomit/);
    expect(where({ grid: [{ param: 'deployment.vm.cpuOvercommit', values: '2,0.5' }] })).toMatch(/^\$\.grid\[0\]\.values: deployment\.vm\.cpuOvercommit = 0\.5 is not valid for a\.json:\n\$\.deployment\.vm\.cpuOvercommit/);
    expect(where({ seeds: '1,x' })).toMatch(/^\$\.seeds: "x" is not a whole number/);
    expect(where({ policies: ['nope'] })).toMatch(/^\$\.policies\[0\]: unknown placement algorithm "nope"/);
    expect(where({ command: 'simulate', scenarios: [{ name: 'a', doc: withTraces(1) }], policies: ['thr-mmt-2'] })).toMatch(/^\$\.policies\[0\]: .*THR threshold/);
    expect(where({ days: 'all' })).toMatch(/^\$\.days: days are for simulate runs/);
    expect(where({ command: 'simulate', days: [1] })).toMatch(/^\$\.days: a\.json's traces cover less than one day/);
    expect(where({ command: 'simulate', scenarios: [{ name: 'a', doc: withTraces(2) }], days: '1..3' })).toMatch(/^\$\.days: day 3 is past the traces \(2 whole days\)/);
    expect(where({ seeds: '1..3', grid: [{ param: 'policy.seed', values: '1,2' }] })).toMatch(/^\$\.grid\[0\]\.param: policy\.seed is set by "seeds" already/);
    expect(where({ grid: [{ param: 'policy.seed', values: '0..999' }, { param: 'policy.improveIterations', values: '0..1000' }] })).toMatch(/^\$: the batch has \d+ runs; at most 1000000/);
    expect(where({ scenarios: [{ name: 'x', doc: doc() }, { name: 'x', doc: doc() }] })).toMatch(/^\$\.scenarios\[1\]: scenario "x" is named twice/);
  });

  it('validates batch files with JSON paths', () => {
    const ok = parseBatchValue({ format: 'hostfit-batch', version: 1, scenarios: ['a.json', { name: 'b', scenario: {} }], grid: [{ param: 'p', values: [1, 'x', true] }] });
    expect(ok.ok && ok.batch.command).toBe('compare');
    const bad = parseBatchValue({ format: 'hostfit-batch', version: 1, command: 'plan', scenarios: [], grid: [{ param: 'p' }] });
    expect(bad.ok).toBe(false);
    if (!bad.ok) expect(bad.errors.map((e) => e.where)).toEqual(expect.arrayContaining(['$.command', '$.scenarios', '$.grid[0].values']));
  });
});
