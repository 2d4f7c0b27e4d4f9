// `hostfit import`: every sub-command writes a scenario that plan, compare and simulate take as is; exit 1
// names the place and writes nothing (an existing file is left untouched); exit 2 for usage errors.
import { existsSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { kubernetesList } from '../../../core/import/testing/kubernetes';
import { alibabaFiles, azureFiles, bitbrainsFiles, prometheusMatrix } from '../../../core/import/testing/metrics';
import { rvtoolsCsv, rvtoolsSheets, rvtoolsXlsx } from '../../../core/import/testing/rvtools';
import { main } from '../../../electron/cli/main';

async function cli(args: string[]) {
  let out = '', err = '';
  const code = await main(args, (s) => { out += s; }, (s) => { err += s; });
  return { code, out, err };
}

const dir = mkdtempSync(join(tmpdir(), 'hostfit-import-'));
const put = (name: string, bytes: Uint8Array | string) => {
  const p = join(dir, name);
  mkdirSync(dirname(p), { recursive: true });
  writeFileSync(p, bytes);
  return p;
};

describe('hostfit import', () => {
  const estate = put('export.xlsx', rvtoolsXlsx(rvtoolsSheets({ vms: 40, poweredOff: 0.1 })));
  const cluster = put('cluster.json', JSON.stringify(kubernetesList({ nodes: 9, deployments: 4, namespaces: 1 })));
  const cpu = put('cpu.json', JSON.stringify(prometheusMatrix({ series: 8, points: 48, namespace: 'shop', podsPerController: 2 })));
  const csvFiles = rvtoolsCsv(rvtoolsSheets({ vms: 10 })).map((f) => put(`csv/${f.name}`, f.bytes));
  const azure = azureFiles({ vms: 4, samples: 12 }).map((f) => put(`azure/${f.name}`, f.bytes));
  const alibaba = alibabaFiles({ vms: 4, samples: 12 }).map((f) => put(`alibaba/${f.name}`, f.bytes));
  for (const f of bitbrainsFiles({ vms: 3, samples: 24 })) put(`bitbrains/${f.name}`, f.bytes);

  it('every sub-command writes a scenario that plan and compare accept', async () => {
    const runs: [string, string[]][] = [
      ['rvtools', [estate]], ['rvtools', csvFiles], ['kubernetes', [cluster]], ['prometheus', [cpu]],
      ['azure', azure], ['alibaba', alibaba], ['bitbrains', [join(dir, 'bitbrains')]],
    ];
    for (const [source, inputs] of runs) {
      const out = join(dir, `${source}-${inputs.length}.hostfit.json`);
      const r = await cli(['import', source, ...inputs, '--out', out]);
      expect(r.code, `${source}: ${r.err}`).toBe(0);
      expect(r.out).toMatch(new RegExp(`^Imported ${source}: \\d+ rows read`));
      const plan = await cli(['plan', out, '--json']);
      expect(plan.code, `${source} plan: ${plan.err}`).toBe(0);
      const planned = JSON.parse(plan.out) as { models: { unplaced: number; placed: number }[] };
      expect(planned.models.map((m) => m.unplaced).every((n) => n === 0), `${source}: ${planned.models.map((m) => m.unplaced)}`).toBe(true);
      expect(planned.models.every((m) => m.placed > 0)).toBe(true);
      const compare = await cli(['compare', out, '--json', '--no-headroom']);
      expect(compare.code, `${source} compare: ${compare.err}`).toBe(0);
    }
  }, 60_000);

  it('kubectl dump + Prometheus --into: the traces simulate; --json prints the report with origins', async () => {
    const k8s = join(dir, 'k8s.hostfit.json');
    expect((await cli(['import', 'kubernetes', cluster, '--out', k8s])).code).toBe(0);
    const withTraces = join(dir, 'k8s-traces.hostfit.json');
    const r = await cli(['import', 'prometheus', cpu, '--into', k8s, '--out', withTraces, '--json']);
    expect(r.code, r.err).toBe(0);
    const report = JSON.parse(r.out);
    expect(report.counts.traces).toBeGreaterThan(0);
    expect(report.origins.some((o: { path: string }) => o.path.startsWith('$.traces['))).toBe(true);
    const sim = await cli(['simulate', withTraces, '--json']);
    expect(sim.code, sim.err).toBe(0);
    expect(JSON.parse(sim.out).models).toHaveLength(3); // VMs, pods on bare metal, pods in node VMs
  }, 30_000);

  it('bad input: exit 1 with the file and the place; nothing is written, an existing file is untouched', async () => {
    const out = put('keep.hostfit.json', 'precious');
    const bad = put('bad.json', JSON.stringify({ kind: 'List', items: [{ kind: 'Pod', metadata: { name: 'p' }, spec: { containers: [{ resources: { requests: { cpu: '1K' } } }] } }] }));
    const r = await cli(['import', 'kubernetes', bad, '--out', out]);
    expect(r.code).toBe(1);
    expect(r.err).toBe(`hostfit: ${bad}: $.items[0].spec.containers[0].resources.requests.cpu: "1K" is not a Kubernetes quantity (the kilo suffix is lower-case "k"; "Ki" is 1024): expected a number and a suffix such as m, k, M, G, Ki, Mi, Gi or e3\n`);
    expect(readFileSync(out, 'utf8')).toBe('precious');
    const fresh = join(dir, 'never.hostfit.json');
    expect((await cli(['import', 'rvtools', put('x.xlsx', 'not a zip'), '--out', fresh])).code).toBe(1);
    expect(existsSync(fresh)).toBe(false);
    expect((await cli(['import', 'kubernetes', join(dir, 'missing.json'), '--out', fresh])).err).toMatch(/cannot read .*missing\.json/);
  });

  it('usage errors exit 2: unknown source, no files, no --out, a bad option value', async () => {
    expect((await cli(['import'])).code).toBe(2);
    expect((await cli(['import', 'vmware', estate, '--out', 'x'])).code).toBe(2);
    expect((await cli(['import', 'rvtools', '--out', 'x'])).code).toBe(2);
    expect((await cli(['import', 'rvtools', estate])).code).toBe(2);
    const r = await cli(['import', 'rvtools', estate, '--out', join(dir, 'y.json'), '--group-by', 'colour']);
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/--group-by: unknown grouping "colour"/);
    expect((await cli(['import', 'rvtools', estate, '--out', join(dir, 'y.json'), '--power-states', 'on'])).code).toBe(2);
  });
});
