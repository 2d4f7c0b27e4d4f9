import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import highsLoader from 'highs';
import { describe, expect, it } from 'vitest';
import { compareAnswers } from '../../../core/compare/compare';
import { EXAMPLES, exampleScenario } from '../../../core/examples/index';
import { planModels } from '../../../core/plan/plan';
import { ReferencePacker } from '../../../core/reference/reference-packer';
import { main } from '../../../electron/cli/main';
import { exampleFileOnFfd, minimalInput, onFfd } from '../../support/scenarios';

async function cli(args: string[]) {
  let out = '', err = '';
  const code = await main(args, (s) => { out += s; }, (s) => { err += s; });
  return { code, out, err };
}

const exampleFile = (id: string) => new URL(`../../../examples/${id}.hostfit.json`, import.meta.url).pathname;

function tempScenario(doc: unknown): string {
  const file = join(mkdtempSync(join(tmpdir(), 'hostfit-')), 'scenario.hostfit.json');
  writeFileSync(file, JSON.stringify(doc));
  return file;
}

describe('hostfit compare', () => {
  it('prints all models side by side and states the isolation ranking and energy assumptions', async () => {
    const r = await cli(['compare', exampleFile('web-tier')]);
    expect(r.code).toBe(0);
    expect(r.out).toMatch(/Isolation ranking used \(strongest first\): dedicated-host > vm > sandbox > shared-kernel/);
    expect(r.out).toMatch(/unused hosts switched off/);
    const header = r.out.split('\n').find((l) => l.includes('container-in-vm'))!;
    expect(header).toMatch(/vm\s+container\s+container-in-vm/);
    for (const metric of ['hosts used', 'lower bound', 'cpu stranded', 'memory: flavourRounding', 'total (USD/month)',
      'cross-tenant pairs behind vm', 'hosts to survive losing any one rack', 'relocation time (max)']) {
      expect(r.out).toContain(metric);
    }
    expect(r.out).not.toContain('spent its whole budget'); // every model meets its bound
  });

  it('says where the improvement phase spent its whole budget with a gap open, as `plan` does', { timeout: 60_000 }, async () => {
    const r = await cli(['compare', exampleFile('fleet')]);
    expect(r.code).toBe(0);
    expect(r.out).toContain('spent its whole budget of 2000 iterations with a gap open (container)'); // pods in node VMs: 70, their bound
  });

  it('--json is the comparison of the same scenario (WASM kernel = reference, on FFD)', { timeout: 60_000 }, async () => {
    const r = await cli(['compare', exampleFileOnFfd('multi-tenant'), '--json']);
    expect(r.code).toBe(0);
    // The command plans with HiGHS (the bounds it settles are in each best bound), so the reference does too.
    const scenario = onFfd(exampleScenario(EXAMPLES.find((e) => e.id === 'multi-tenant')!));
    const packer = new ReferencePacker();
    const { result, answers } = planModels(scenario, packer, undefined, undefined, { highs: await highsLoader() });
    const expected = compareAnswers(scenario, packer, result, answers);
    expect(JSON.parse(r.out)).toEqual(JSON.parse(JSON.stringify({ ...expected, packer: 'wasm' })));
  });

  it('--json --lp adds each model\'s dual: the LP bound, shadow prices per resource and host model, and each rule\'s cost', { timeout: 60_000 }, async () => {
    const r = await cli(['compare', exampleFile('web-tier'), '--json', '--lp', '--no-headroom']);
    expect(r.code).toBe(0);
    const json = JSON.parse(r.out);
    expect(json.models.map((m: { model: string }) => m.model)).toEqual(['vm', 'container', 'container-in-vm']);
    for (const m of json.models) {
      expect(m.verified).toBe(true);
      expect(m.bestLowerBound).toEqual(expect.objectContaining({ hosts: expect.any(Number), method: expect.any(String), by: expect.any(String) }));
      expect(m.dual.bound).toBeLessThanOrEqual(m.hostsUsed);
      expect(m.dual.prices.length).toBeGreaterThan(0);
      expect(Object.keys(m.dual.ruleCosts).sort()).toEqual(['spread:api', 'spread:db']);
    }
    // The api spread rule (16 replicas, at most 4 per host) forces 4 hosts for pods, on bare metal or in node VMs.
    expect(json.models[1].bestLowerBound).toMatchObject({ hosts: 4, by: 'spread:api' });
    expect(json.models[2].hostsUsed).toBeGreaterThanOrEqual(4);
  });

  it('--csv has one line per metric with a column per model, and every breakdown dimension', async () => {
    const r = await cli(['compare', exampleFile('web-tier'), '--csv', '--no-headroom']);
    expect(r.code).toBe(0);
    const lines = r.out.trim().split('\n');
    expect(lines[0]).toBe('section,metric,unit,vm,container,container-in-vm');
    const hosts = lines.find((l) => l.startsWith('plan,hosts used,'))!.split(',');
    expect(hosts.slice(3).every((v) => /^\d+$/.test(v))).toBe(true);
    expect(lines.some((l) => l.startsWith('overhead,network: hypervisor,Gbps,'))).toBe(true);
    expect(lines.find((l) => l.startsWith('N+1,'))!.split(',').slice(3)).toEqual(['', '', '']);
  });

  it('names the field of a bad parameter (exit 1) and rejects bad usage (exit 2)', async () => {
    const input = minimalInput();
    input.deployment = { vm: { cpuOvercommit: 0.5 }, container: { podOverhead: { kata: { memoryMiB: -1 } } } };
    const r = await cli(['compare', tempScenario(input)]);
    expect(r.code).toBe(1);
    expect(r.err).toMatch(/\$\.deployment\.vm\.cpuOvercommit: .*>=1/);
    expect(r.err).toMatch(/\$\.deployment\.container\.podOverhead\.kata\.memoryMiB/);
    expect((await cli(['compare'])).code).toBe(2);
    expect((await cli(['compare', exampleFile('web-tier'), '--json', '--csv'])).code).toBe(2);
  });
});
