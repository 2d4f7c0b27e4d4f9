import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import highsLoader from 'highs';
import { describe, expect, it } from 'vitest';
import { EXAMPLES, exampleScenario } from '../../../core/examples/index';
import { planScenario, type ModelPlan, type PlanResult } from '../../../core/plan/plan';
import { MAX_IMPROVE_ITERATIONS } from '../../../core/scenario/schema';
import { ReferencePacker } from '../../../core/reference/reference-packer';
import { budgetLines, shortLines } from '../../../electron/cli/commands/plan';
import { main } from '../../../electron/cli/main';
import { exampleFileOnFfd, onFfd } from '../../support/scenarios';

async function cli(args: string[]) {
  let out = '', err = '';
  const code = await main(args, (s) => { out += s; }, (s) => { err += s; });
  return { code, out, err };
}

const exampleFile = (id: string) => new URL(`../../../examples/${id}.hostfit.json`, import.meta.url).pathname;

describe('hostfit plan', () => {
  it('prints hosts, lower bound and utilisation per model as a table', async () => {
    const r = await cli(['plan', exampleFile('web-tier')]);
    expect(r.code).toBe(0);
    expect(r.out).toMatch(/hosts used/);
    expect(r.out).toMatch(/lower bound/);
    expect(r.out).toMatch(/memory utilisation/);
    expect(r.out.split('\n')[2]).toMatch(/vm\s+container/);
    expect(r.out).not.toMatch(/spent its whole budget/); // every model meets its bound
  });

  it('says where the improvement phase spent its whole budget with a gap open, and what a longer search may do', { timeout: 60_000 }, async () => {
    const r = await cli(['plan', exampleFile('fleet')]);
    expect(r.code).toBe(0);
    expect(r.out).toContain('spent its whole budget of 2000 iterations with a gap open (container)'); // pods in node VMs: 70, their bound
    expect(r.out).toContain('(policy.improveIterations, e.g. 8000)');
  });

  it('offers no longer search where the budget is already the most a scenario allows', () => {
    const model = { id: 'container', gapToBest: 1, improvement: { iterations: MAX_IMPROVE_ITERATIONS } } as unknown as ModelPlan;
    const plan = { models: [model] } as unknown as PlanResult;
    const text = budgetLines(plan, MAX_IMPROVE_ITERATIONS);
    expect(text).toContain(`spent its whole budget of ${MAX_IMPROVE_ITERATIONS} iterations with a gap open (container)`);
    expect(text).toContain('the most\na scenario allows');
    expect(text).not.toContain('e.g.');
    // A quarter of the limit leaves room for the usual 4× longer search.
    expect(budgetLines(plan, MAX_IMPROVE_ITERATIONS / 4)).toContain(`e.g. ${MAX_IMPROVE_ITERATIONS})`);
  });

  it('says the bounds of a model with unplaced instances are of the placed ones, and how far a short pool falls short', () => {
    const m = (id: string, over: object) => ({ id, unplaced: 0, hostsInPool: 18, shortfall: null, ...over }) as unknown as ModelPlan;
    expect(shortLines({ models: [m('vm', {}), m('container', {})] } as unknown as PlanResult)).toBe('');
    const text = shortLines({ models: [m('vm', { unplaced: 1 }),
      m('container', { unplaced: 180, shortfall: { instances: 180, hostsAtLeast: 31, extraHosts: 13, by: 'cpu', hostModel: 'm' } })] } as unknown as PlanResult);
    expect(text).toContain('Bounds and gaps of vm, container are of the instances placed');
    expect(text).toContain('The pool falls short:\n  container: with the 180 left for lack of hosts, at least 31 hosts (by cpu), 13 more than the pool\'s 18 (counted as m)\n');
    expect(text).not.toContain('  vm:');
  });

  it('prints the shortfall of a pool cut to 2 hosts as the full pool\'s bound', async () => {
    const s = exampleScenario(EXAMPLES.find((e) => e.id === 'web-tier')!);
    const rack = s.sites[0].racks[0];
    const cut = { ...s, sites: [{ ...s.sites[0], racks: [{ ...rack, hosts: [{ ...rack.hosts[0], count: 2 }] }] }] };
    const file = join(mkdtempSync(join(tmpdir(), 'hostfit-short-')), 'cut.hostfit.json');
    writeFileSync(file, JSON.stringify(cut));
    const r = await cli(['plan', file]);
    expect(r.code).toBe(0);
    expect(r.out).toMatch(/The pool falls short:\n  vm: with the \d+ left for lack of hosts, at least 5 hosts \(by cpu\), 3 more than the pool's 2 \(counted as cp-1s-16c\)\n/);
  });

  it.each(EXAMPLES.map((e) => [e.id] as const))('--json for %s on FFD equals the reference implementation', { timeout: 30_000 }, async (id) => {
    const r = await cli(['plan', exampleFileOnFfd(id), '--json']);
    expect(r.code).toBe(0);
    const json = JSON.parse(r.out);
    // The reference packer scans hosts linearly: on the fleet it checks the one-level models, the others all three.
    // The command plans with HiGHS (the bounds it settles are in each best bound), so the reference does too.
    const models = id === 'fleet' ? ['vm', 'container'] as const : undefined;
    const expected = planScenario(onFfd(exampleScenario(EXAMPLES.find((e) => e.id === id)!)), new ReferencePacker(), models, undefined, { highs: await highsLoader() });
    expect(json.models.map((m: { id: string }) => m.id)).toEqual(['vm', 'container', 'container-in-vm']);
    expect({ ...json, models: json.models.slice(0, expected.models.length) }).toEqual({ ...expected, packer: 'wasm' });
    expect(json.models.every((m: { verified: boolean }) => m.verified)).toBe(true);
    for (const m of json.models) {
      expect(m.hostsUsed).toBeGreaterThanOrEqual(m.lowerBound.hosts);
      expect(m.placed + m.unplaced).toBe(m.instances);
    }
  });

  it('rejects an invalid scenario with exit code 1 and the JSON path', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'hostfit-'));
    const file = join(dir, 'bad.hostfit.json');
    writeFileSync(file, JSON.stringify({ format: 'hostfit-scenario', version: 1, name: 'x', hostModels: [], sites: [], tenants: [], services: 3 }));
    const r = await cli(['plan', file]);
    expect(r.code).toBe(1);
    expect(r.err).toMatch(/\$\.services: .*expected array/);
    expect(r.err).toMatch(/\$\.hostModels/);
  });

  it('reports usage errors with exit code 2', async () => {
    expect((await cli(['plan'])).code).toBe(2);
    expect((await cli(['frobnicate'])).code).toBe(2);
    expect((await cli(['plan', 'x', '--bogus'])).code).toBe(2);
    expect((await cli(['plan', '/no/such/file.json'])).code).toBe(1);
  });

  it('prints one command\'s usage for --help and the whole list for help', async () => {
    const one = await cli(['pack', '--help']);
    expect(one.code).toBe(0);
    expect(one.out).toMatch(/hostfit pack <instance/);
    expect(one.out).not.toMatch(/hostfit plan/);
    const all = await cli(['help']);
    expect(all.code).toBe(0);
    for (const name of ['plan', 'pack', 'compare', 'sweep', 'simulate']) expect(all.out).toContain(`hostfit ${name} `);
  });

  it('prints the engine\'s answer: best bound, improvement, sizing, verifier, and why replicas are unplaced', async () => {
    const scenario = JSON.parse(readFileSync(exampleFile('web-tier'), 'utf8'));
    scenario.policy = { algorithm: 'best', sizing: { runs: 3, percentile: 50 } };
    scenario.services.find((s: { id: string }) => s.id === 'db').replicas = 40; // spread one per host: more than the rack holds
    const file = join(mkdtempSync(join(tmpdir(), 'hostfit-')), 'best.hostfit.json');
    writeFileSync(file, JSON.stringify(scenario));
    const r = await cli(['plan', file]);
    expect(r.code).toBe(0);
    expect(r.out).toMatch(/^Small web tier: BEST \((MBS-OR-BALANCED|FFD)\+CNS\)/);
    expect(r.out).toMatch(/best lower bound\s+\d+/);
    expect(r.out).toMatch(/improvement phase\s+\d+ it\., \d+ emptied/);
    expect(r.out).toMatch(/sizing p50 \(3 runs\)\s+\d+ hosts\s+\d+ hosts/);
    expect(r.out).toMatch(/verified\s+yes\s+yes/);
    expect(r.out).toMatch(/Unplaced:\n  vm: \d+ × db: spread \(hosts ruled out: /);
    const json = JSON.parse((await cli(['plan', file, '--json'])).out);
    expect(json.models[0].unplacedServices[0]).toMatchObject({ serviceId: 'db', reason: 'spread' });
  });
});
