// `hostfit batch` from the sources, in-process: result lines equal the single commands' --json, batch files
// (scenario paths and inline scenarios), resuming an --out file, merge, and the errors. Sharding across
// processes and worker threads is test/unit/batch/shards.test.ts.
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { main } from '../../../electron/cli/main';
import { minimalInput } from '../../support/scenarios';

async function cli(args: string[]) {
  let out = '', err = '';
  const code = await main(args, (s) => { out += s; }, (s) => { err += s; });
  return { code, out, err };
}

const dir = mkdtempSync(join(tmpdir(), 'hostfit-batch-'));
const file = (name: string, doc: unknown) => {
  const f = join(dir, name);
  writeFileSync(f, typeof doc === 'string' ? doc : JSON.stringify(doc));
  return f;
};
const tiny = file('tiny.hostfit.json', minimalInput());
const day = (k: number) => Array.from({ length: 24 }, (_, h) => Math.round(50 + 40 * Math.sin((h + k) / 4)) / 100);
const tracedDoc = (power: boolean) => ({
  ...minimalInput(),
  hostModels: minimalInput().hostModels.map((h) => ({ ...h, ...(power ? { powerWatts: [42, 61, 72, 82, 92, 103, 115, 128, 142, 158, 176] } : {}) })),
  services: [{ ...minimalInput().services[0], replicas: 6, trace: 'cpu' }],
  traces: [{ id: 'cpu', intervalSeconds: 3600, samples: [...day(0), ...day(5)] }],
});
const traced = file('traced.hostfit.json', tracedDoc(true));
const lines = (text: string) => text.trim().split('\n').map((l) => JSON.parse(l));

describe('hostfit batch', { timeout: 60_000 }, () => {
  it('writes one line per run, in run order, whose result is the single command\'s --json', async () => {
    const r = await cli(['batch', tiny, '--param', 'services[svc].replicas', '--values', '2,5', '--seeds', '1..2']);
    expect(r.code).toBe(0);
    expect(r.err).toMatch(/4 compare runs .*the whole batch: shard 1\/1, 4 runs, 4 to run/);
    const out = lines(r.out);
    expect(out.map((l) => [l.index, l.params['services[svc].replicas'], l.seed, l.status])).toEqual([[0, 2, 1, 'ok'], [1, 2, 2, 'ok'], [2, 5, 1, 'ok'], [3, 5, 2, 'ok']]);
    const variant = file('variant.hostfit.json', { ...minimalInput(), services: [{ ...minimalInput().services[0], replicas: 5 }], policy: { seed: 2 } });
    const single = await cli(['compare', variant, '--json', '--no-headroom']);
    expect(out[3].result).toEqual(JSON.parse(single.out.replace(/"variant\.hostfit\.json"/g, '"tiny.hostfit.json"')));
  });

  it('runs a batch file: scenario paths relative to it, scenarios inline, simulate runs per day and policy', async () => {
    const batch = file('days.hostfit-batch.json', {
      format: 'hostfit-batch', version: 1, command: 'simulate',
      scenarios: ['traced.hostfit.json', { name: 'inline', scenario: JSON.parse(readFileSync(traced, 'utf8')) }],
      days: 'all', policies: ['thr-mmt-0.8', 'npa'],
    });
    const r = await cli(['batch', batch]);
    expect(r.code).toBe(0);
    const out = lines(r.out);
    expect(out).toHaveLength(2 * 2 * 2);
    expect(out.map((l) => `${l.scenario} ${l.day} ${l.policy}`).slice(0, 4)).toEqual([
      'traced.hostfit.json 1 thr-mmt-0.8', 'traced.hostfit.json 1 npa', 'traced.hostfit.json 2 thr-mmt-0.8', 'traced.hostfit.json 2 npa']);
    // Day 2 of the two-day scenario is simulate --json of a scenario holding that day's traces.
    const doc = JSON.parse(readFileSync(traced, 'utf8'));
    const day2 = file('day2.hostfit.json', { ...doc, traces: [{ ...doc.traces[0], samples: doc.traces[0].samples.slice(24) }], simulation: { durationSeconds: 86400 } });
    const single = await cli(['simulate', day2, '--policy', 'npa', '--json']);
    expect(out[3].result).toEqual(JSON.parse(single.out));
    expect(out[4].result).toEqual(out[0].result); // the inline copy gives the same numbers
  });

  it('resumes an --out file: skips written runs, cuts a torn last line and runs it again', async () => {
    const args = (out: string) => ['batch', tiny, '--param', 'deployment.vm.cpuOvercommit', '--values', '1..3', '--out', out];
    const full = join(dir, 'full.jsonl');
    expect((await cli(args(full))).code).toBe(0);
    const whole = readFileSync(full, 'utf8').split('\n');
    const partial = join(dir, 'partial.jsonl');
    writeFileSync(partial, `${whole[0]}\n${whole[1].slice(0, 100)}`);
    const r = await cli(args(partial));
    expect(r.code).toBe(0);
    expect(r.err).toMatch(/half-written line/);
    expect(r.err).toMatch(/3 runs, 1 already in .*partial\.jsonl, 2 to run/);
    const strip = (t: string) => lines(t).map((l) => ({ ...l, seconds: 0 }));
    expect(strip(readFileSync(partial, 'utf8'))).toEqual(strip(readFileSync(full, 'utf8')));
    const again = await cli(args(partial));
    expect(again.err).toMatch(/3 already in .*0 to run/);
    // Results of another batch are never appended to or cut.
    const before = readFileSync(partial, 'utf8');
    const other = await cli(['batch', tiny, '--param', 'deployment.vm.cpuOvercommit', '--values', '1..4', '--out', partial]);
    expect(other.code).toBe(1);
    expect(other.err).toMatch(/holds results of another batch/);
    expect(readFileSync(partial, 'utf8')).toBe(before);
  });

  it('records a failed run with its error and goes on; merge makes the table and names missing runs', async () => {
    // Without a power curve the simulator refuses the scenario: every run fails, and says why.
    const powerless = file('powerless.hostfit.json', tracedDoc(false));
    const failing = await cli(['batch', powerless, '--simulate', '--policies', 'npa,thr-mmt-0.8']);
    expect(failing.code).toBe(0);
    expect(failing.err).toMatch(/2 failed \(their lines carry the error\)/);
    expect(lines(failing.out).map((l) => [l.status, l.error])).toEqual([['failed', expect.stringMatching(/^\$\.hostModels\[0\]\.powerWatts: /)], ['failed', expect.any(String)]]);
    const failedTable = await cli(['batch', 'merge', file('failing.jsonl', failing.out)]);
    expect(failedTable.err).toMatch(/2 of 2 runs failed/);
    expect(failedTable.out.split('\n')[1]).toMatch(/^0,.*powerless\.hostfit\.json,npa,failed,"\$\.hostModels\[0\]\.powerWatts: /);

    const out = join(dir, 'grid.jsonl');
    const r = await cli(['batch', tiny, '--param', 'services[svc].replicas', '--values', '1,2', '--param', 'services[svc].demand.cpuCores', '--values', '1,4', '--out', out]);
    expect(r.code).toBe(0);
    const got = lines(readFileSync(out, 'utf8'));
    expect(got.map((l) => l.status)).toEqual(['ok', 'ok', 'ok', 'ok']);
    const csv = join(dir, 'table.csv');
    const m = await cli(['batch', 'merge', out, '--out', csv]);
    expect(m.code).toBe(0);
    const table = readFileSync(csv, 'utf8').split('\n');
    expect(table[0]).toMatch(/^index,scenario,services\[svc\]\.replicas,services\[svc\]\.demand\.cpuCores,status,error,vm\.hostsUsed,/);
    expect(table).toHaveLength(6);
    const json = JSON.parse((await cli(['batch', 'merge', out, '--json'])).out);
    expect(json.rows[1]).toMatchObject({ index: 1, 'services[svc].replicas': 1, 'services[svc].demand.cpuCores': 4, status: 'ok', error: null });
    got.forEach((l, k) => {
      const vm = l.result.models.find((m: { id: string }) => m.id === 'vm');
      expect([json.rows[k]['vm.hostsUsed'], json.rows[k]['vm.kWhPerMonth']]).toEqual([vm.hostsUsed, vm.energy.kWhPerMonth]);
    });

    const half = join(dir, 'half.jsonl');
    writeFileSync(half, readFileSync(out, 'utf8').split('\n').filter((_, k) => k === 0 || k === 3).join('\n') + '\n');
    const missing = await cli(['batch', 'merge', half, '--out', join(dir, 'never.csv')]);
    expect(missing.code).toBe(1);
    expect(missing.err).toMatch(/2 of 4 runs have no result: 1–2/);
    expect(existsSync(join(dir, 'never.csv'))).toBe(false);
    const partial = await cli(['batch', 'merge', half, '--partial']);
    expect(partial.code).toBe(0);
    expect(partial.out.trim().split('\n')).toHaveLength(3);

    const broken = file('broken.hostfit-batch.json', { format: 'hostfit-batch', version: 1, scenarios: ['tiny.hostfit.json'], grid: [{ param: 'services[svc].replicas', values: [1, -1] }] });
    const failed = await cli(['batch', broken]);
    expect(failed.code).toBe(1);
    expect(failed.err).toMatch(/broken\.hostfit-batch\.json: \$\.grid\[0\]\.values: services\[svc\]\.replicas = -1 is not valid for tiny\.hostfit\.json:\n\$\.services\[0\]\.replicas/);
  });

  it('keeps the exit codes for bad usage and bad files', async () => {
    expect((await cli(['batch', tiny, '--param', 'deployment.vm.cpuOvercomit', '--values', '1,2'])).code).toBe(2);
    expect((await cli(['batch', tiny, '--param', 'deployment.vm.cpuOvercommit'])).code).toBe(2);
    expect((await cli(['batch', tiny, '--shard', '4/3'])).code).toBe(2);
    expect((await cli(['batch', tiny, '--workers', '0'])).code).toBe(2);
    expect((await cli(['batch', 'merge'])).code).toBe(2);
    expect((await cli(['batch', 'merge', join(dir, 'nope.jsonl')])).code).toBe(1);
    const bad = await cli(['batch', file('bad.hostfit-batch.json', { format: 'hostfit-batch', version: 1, command: 'plan', scenarios: [] })]);
    expect(bad.code).toBe(1);
    expect(bad.err).toMatch(/\$\.command[\s\S]*\$\.scenarios/);
    const dry = await cli(['batch', tiny, '--param', 'policy.seed', '--values', '1..5', '--shard', '2/2', '--dry-run']);
    expect(dry.out).toMatch(/5 compare runs .*shard 2\/2, 2 runs/);
    expect(dry.out.trim().split('\n').slice(-2).map((l) => l.split(/\s+/)[0])).toEqual(['1', '3']);
  });
});
