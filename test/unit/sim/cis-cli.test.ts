// `hostfit simulate --preset containercloudsim2017`: the JSON the issue asks for, the first 50 files in byte order,
// seeds, --correct, and usage errors (exit 2).
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { main } from '../../../electron/cli/main';

async function cli(args: string[]) {
  let out = '', err = '';
  const code = await main(args, (s) => { out += s; }, (s) => { err += s; });
  return { code, out, err };
}

const day = (f: (k: number) => number) => Array.from({ length: 288 }, (_, k) => String(f(k))).join('\n') + '\n';

function folder(n: number): string {
  const dir = mkdtempSync(join(tmpdir(), 'hostfit-ccs-'));
  // names whose byte order differs from numeric order; README.md is skipped
  for (let i = 0; i < n; i++) writeFileSync(join(dir, `vm_${i}`), day((k) => (i * 13 + k * (i % 5 + 1)) % 90));
  writeFileSync(join(dir, 'README.md'), '# not a trace\n');
  return dir;
}

describe('hostfit simulate --preset containercloudsim2017', () => {
  const dir = folder(60);

  it('prints ContainerCloudSim\'s metrics as one JSON object, from the first 50 files in byte order', async () => {
    const r = await cli(['simulate', '--preset', 'containercloudsim2017', '--traces', dir, '--json']);
    expect(r.code).toBe(0);
    const json = JSON.parse(r.out);
    for (const key of ['energyKWh', 'containerMigrations', 'vmMigrations', 'vmsCreated', 'slaOverall', 'slaAverage',
      'meanActiveHosts', 'meanActiveVms', 'seconds', 'numberOfVms', 'slaTimePerActiveHost', 'hostShutdowns']) {
      expect(typeof json[key], key).toBe('number');
    }
    expect(json).toMatchObject({ containers: 50, hosts: 20, initialVms: 25, vmMigrations: 0, seed: 1, simulator: 'wasm' });
    expect(json.firstTrace).toBe('vm_0');
    expect(json.lastTrace).toBe('vm_53'); // vm_0, vm_1, vm_10 … vm_19, vm_2, … in byte order
    expect(json.energyKWh).toBeGreaterThan(0);
    expect(json.quirks).toHaveLength(15);
  });

  it('gives the same numbers from the reference, and from the same seed', async () => {
    const a = JSON.parse((await cli(['simulate', '--preset', 'containercloudsim2017', '--traces', dir, '--json', '--seed', '7'])).out);
    const b = JSON.parse((await cli(['simulate', '--preset', 'containercloudsim2017', '--traces', dir, '--json', '--seed', '7', '--reference'])).out);
    for (const key of ['energyKWh', 'containerMigrations', 'vmsCreated', 'slaOverall']) expect(b[key]).toBe(a[key]);
    expect(b.simulator).toBe('reference');
  });

  it('switches quirks off with --correct and prints a table without --json', async () => {
    const r = await cli(['simulate', '--preset', 'containercloudsim2017', '--traces', dir, '--correct', 'all']);
    expect(r.code).toBe(0);
    expect(r.out).toMatch(/quirks on: none/);
    expect(r.out).toMatch(/container migrations/);
  });

  it('rejects unknown quirks, --policy and a missing --traces with exit 2', async () => {
    expect((await cli(['simulate', '--preset', 'containercloudsim2017', '--traces', dir, '--correct', 'nope'])).err).toMatch(/unknown quirk "nope"/);
    expect((await cli(['simulate', '--preset', 'containercloudsim2017', '--traces', dir, '--policy', 'thr-mmt-0.8'])).code).toBe(2);
    expect((await cli(['simulate', '--preset', 'containercloudsim2017'])).code).toBe(2);
    expect((await cli(['simulate', '--preset', 'containercloudsim2017', '--traces', dir, '--seed', '-1'])).code).toBe(2);
  });
});
