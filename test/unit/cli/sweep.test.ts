import { describe, expect, it } from 'vitest';
import { compareScenario } from '../../../core/compare/compare';
import { sweepSummary } from '../../../core/compare/sweep';
import { EXAMPLES, exampleScenario } from '../../../core/examples/index';
import { ReferencePacker } from '../../../core/reference/reference-packer';
import { parseScenarioValue } from '../../../core/scenario/parse';
import { main } from '../../../electron/cli/main';
import { exampleFileOnFfd, onFfd } from '../../support/scenarios';

async function cli(args: string[]) {
  let out = '', err = '';
  const code = await main(args, (s) => { out += s; }, (s) => { err += s; });
  return { code, out, err };
}

const webTier = new URL('../../../examples/web-tier.hostfit.json', import.meta.url).pathname;
// The reference packer checks the sweep on FFD (see onFfd).
const webTierOnFfd = exampleFileOnFfd('web-tier');

// Each run starts worker threads that load TypeScript through tsx: seconds, not milliseconds.
describe('hostfit sweep', { timeout: 60_000 }, () => {
  it('prints one row per value, computed in worker threads, equal to comparing each variant directly', async () => {
    const r = await cli(['sweep', webTierOnFfd, '--param', 'deployment.vm.cpuOvercommit', '--values', '1..3', '--json', '--threads', '2']);
    expect(r.code).toBe(0);
    const json = JSON.parse(r.out);
    expect(json.param).toBe('deployment.vm.cpuOvercommit');
    expect(json.rows.map((row: { value: number }) => row.value)).toEqual([1, 2, 3]);
    const base = onFfd(exampleScenario(EXAMPLES.find((e) => e.id === 'web-tier')!));
    for (const row of json.rows) {
      const variant = parseScenarioValue({ ...base, deployment: { ...base.deployment, vm: { ...base.deployment.vm, cpuOvercommit: row.value } } });
      if (!variant.ok) throw new Error('variant must parse');
      expect(row.models).toEqual(sweepSummary(compareScenario(variant.scenario, new ReferencePacker(), { headroom: false })));
    }
    // Overcommit can only help the VM model here, and leaves pods on bare metal alone.
    const hosts = (id: string) => json.rows.map((row: { models: { id: string; hostsUsed: number }[] }) => row.models.find((m) => m.id === id)!.hostsUsed);
    expect(new Set(hosts('container')).size).toBe(1);
    expect(hosts('vm')[2]).toBeLessThanOrEqual(hosts('vm')[0]);
  });

  it('prints a table (and CSV) with a column group per model', async () => {
    const table = await cli(['sweep', webTier, '--param', 'services[db].replicas', '--values', '1,3', '--headroom', '--threads', '1']);
    expect(table.code).toBe(0);
    expect(table.out).toMatch(/services\[db\]\.replicas\s+vm hosts\s+vm N\+1/);
    const csv = await cli(['sweep', webTier, '--param', 'sites[0].pue', '--values', '1.2,1.6', '--csv', '--threads', '1']);
    expect(csv.code).toBe(0);
    const lines = csv.out.trim().split('\n');
    expect(lines[0].startsWith('sites[0].pue,vm.hostsUsed,vm.lowerBound')).toBe(true);
    expect(lines).toHaveLength(3);
    const kWh = lines.slice(1).map((l) => Number(l.split(',')[7]));
    expect(kWh[1] / kWh[0]).toBeCloseTo(1.6 / 1.2, 9); // energy scales with PUE, same hosts
  });

  it('exits 2 with a clear message for a bad path or value', async () => {
    const typo = await cli(['sweep', webTier, '--param', 'deployment.vm.cpuOvercomit', '--values', '1,2']);
    expect(typo.code).toBe(2);
    expect(typo.err).toMatch(/no parameter deployment\.vm\.cpuOvercomit/);
    const bad = await cli(['sweep', webTier, '--param', 'deployment.vm.cpuOvercommit', '--values', '2,0.5']);
    expect(bad.code).toBe(2);
    expect(bad.err).toMatch(/cpuOvercommit = 0\.5 is not valid:\n\$\.deployment\.vm\.cpuOvercommit/);
    expect((await cli(['sweep', webTier, '--values', '1'])).code).toBe(2);
    expect((await cli(['sweep', webTier, '--param', 'economics.load'])).code).toBe(2);
    expect((await cli(['sweep', webTier, '--param', 'services[nope].replicas', '--values', '1'])).code).toBe(2);
    expect((await cli(['sweep', webTier, '--param', 'economics.load', '--values', '1', '--threads', '0'])).code).toBe(2);
  });
});
