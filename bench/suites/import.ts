// Import pipeline speed (core/import) on generated exports of planner scale: an RVTools workbook of 10^5 VMs
// (target < 5 s), its CSV form, a kubectl dump of 10^5 pods (target < 3 s), a Prometheus answer of 10^3 series
// × 288 points (target < 1 s), and the public-trace formats. Times are the whole importEstate call (parse,
// build, validate), best of --runs=N (default 2) after generation; generation is not timed.
// Flags: --runs=N, --fuzz=N (also runs N mutated inputs per format and counts crashes: the CI test runs fewer),
// --sheetjs (also the 10^5-VM workbook through SheetJS, the streaming reader's fallback: the before/after ratio).
import { performance } from 'node:perf_hooks';
import { importEstate, type ImportFile, type ImportOptions, type ImportSource } from '../../core/import/index';
import { kubernetesList } from '../../core/import/testing/kubernetes';
import { alibabaFiles, azureFiles, bitbrainsFiles, prometheusFile } from '../../core/import/testing/metrics';
import { rvtoolsCsv, rvtoolsSheets, rvtoolsXlsx } from '../../core/import/testing/rvtools';
import { fuzzFormat, FUZZ_FORMATS } from '../../core/import/testing/fuzz';
import { markdownTable } from '../table';

export const name = 'import';
export const description = 'import pipeline: rows, seconds, rows/s on generated RVTools, kubectl, Prometheus and public-trace exports';

interface Case { id: string; source: ImportSource; files: () => ImportFile[]; rows: string; target?: number; options?: ImportOptions }

const enc = new TextEncoder();
const mb = (files: ImportFile[]) => (files.reduce((n, f) => n + f.bytes.length, 0) / 1e6).toFixed(1);

export async function run(flags: string[]): Promise<void> {
  const runs = Number(flags.find((f) => f.startsWith('--runs='))?.slice(7) ?? 2);
  const fuzz = Number(flags.find((f) => f.startsWith('--fuzz='))?.slice(7) ?? 0);
  const sheetjs = flags.includes('--sheetjs');
  // Each workbook is written once (SheetJS's writer takes longer than the imports).
  const once = <T>(make: () => T): (() => T) => { let v: T | undefined; return () => (v ??= make()); };
  const bigEstate = rvtoolsSheets({ vms: 100_000, clusters: 40, hostsPerCluster: 25, datacenters: 2, poweredOff: 0.05, templates: 0.01, extraColumns: 20 });
  const bigXlsx = once(() => rvtoolsXlsx(bigEstate));
  const bigXlsxSst = once(() => rvtoolsXlsx(bigEstate, { sharedStrings: true }));
  const cases: Case[] = [
    { id: 'RVTools xlsx, 10^5 VMs', source: 'rvtools', files: () => [{ name: 'rvtools-100k.xlsx', bytes: bigXlsx() }], rows: 'VMs + hosts', target: 5 },
    { id: 'RVTools xlsx, 10^5 VMs, --group-by none', source: 'rvtools', files: () => [{ name: 'rvtools-100k.xlsx', bytes: bigXlsx() }], rows: 'VMs + hosts', target: 5, options: { groupBy: 'none' } },
    { id: 'RVTools xlsx (shared strings), 10^5 VMs', source: 'rvtools', files: () => [{ name: 'rvtools-100k-sst.xlsx', bytes: bigXlsxSst() }], rows: 'VMs + hosts', target: 5 },
    ...(sheetjs ? [{ id: 'RVTools xlsx, 10^5 VMs, read by SheetJS (the fallback)', source: 'rvtools' as const, files: () => [{ name: 'rvtools-100k.xlsx', bytes: bigXlsx() }], rows: 'VMs + hosts', options: { workbookReader: 'sheetjs' as const } }] : []),
    { id: 'RVTools CSV (; and decimal commas), 10^5 VMs', source: 'rvtools', files: () => rvtoolsCsv(bigEstate), rows: 'VMs + hosts' },
    { id: 'kubectl JSON, 10^5 pods', source: 'kubernetes', files: () => [{ name: 'cluster-100k.json', bytes: enc.encode(JSON.stringify(kubernetesList({ nodes: 2000, deployments: 10_000, replicas: 10, statefulSets: 0, daemonSets: 0, finishedJobs: 0, barePods: 0, namespaces: 5 }))) }], rows: 'objects', target: 3 },
    { id: 'Prometheus, 10^3 series × 288 points', source: 'prometheus', files: () => [prometheusFile({ series: 1000, points: 288, podsPerController: 2, controllers: Array.from({ length: 500 }, (_, k) => `svc-${k}`) })], rows: 'series', target: 1 },
    { id: 'Azure, 2·10^3 VMs × 48 readings', source: 'azure', files: () => azureFiles({ vms: 2000, samples: 48 }), rows: 'rows' },
    { id: 'Alibaba 2018, 10^3 containers × 100 samples', source: 'alibaba', files: () => alibabaFiles({ vms: 1000, samples: 100 }), rows: 'rows' },
    { id: 'Bitbrains, 250 VMs × 288 samples', source: 'bitbrains', files: () => bitbrainsFiles({ vms: 250, samples: 288 }), rows: 'rows' },
  ];
  const rows: (string | number)[][] = [];
  for (const c of cases) {
    const files = c.files();
    let best = Infinity;
    let read = 0, services = 0, replicas = 0;
    for (let k = 0; k < runs; k++) {
      const t0 = performance.now();
      const r = await importEstate(c.source, files, c.options);
      best = Math.min(best, (performance.now() - t0) / 1000);
      read = r.report.read; services = r.report.counts.services; replicas = r.report.counts.replicas;
    }
    rows.push([c.id, mb(files), `${read} ${c.rows}`, services, replicas, best.toFixed(2), Math.round(read / best), c.target ? `< ${c.target} s: ${best < c.target ? 'yes' : 'NO'}` : '-']);
  }
  console.log(`Best of ${runs} run(s); generation not timed.\n`);
  console.log(markdownTable(['input', 'MB', 'rows read', 'services', 'replicas', 'seconds', 'rows/s', 'target'], rows));
  if (fuzz > 0) {
    const fuzzRows: (string | number)[][] = [];
    for (const format of FUZZ_FORMATS) {
      const t0 = performance.now();
      const r = await fuzzFormat(format, fuzz, 7);
      fuzzRows.push([format, r.inputs, r.imported, r.located, r.crashes.length, ((performance.now() - t0) / 1000).toFixed(1)]);
    }
    console.log(`\nFuzzing: ${fuzz} mutated inputs per format.\n`);
    console.log(markdownTable(['format', 'inputs', 'imported', 'errors located', 'crashes', 'seconds'], fuzzRows));
  }
}
