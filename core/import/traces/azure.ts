// Azure public dataset V1 / V2 (AzurePublicDataset, CC-BY-4.0; imports.md §4): `vmtable.csv(.gz)` (one VM per
// row: vmid, subscriptionid, deploymentid, vmcreated, vmdeleted, maxcpu, avgcpu, p95maxcpu, vmcategory,
// vmcorecount(bucket), vmmemory(bucket)) and `vm_cpu_readings-*.csv(.gz)` (timestamp, vmid, mincpu, maxcpu,
// avgcpu; CPU % of the VM every 5 minutes). Headerless. V2 sizes are buckets: ">24" cores and ">64" GB stand
// for 30 and 70, as Microsoft's own analysis notebook maps them. One service per VM with readings, sized by
// its buckets, its average CPU as the trace, arriving and leaving at vmcreated / vmdeleted.
import type { ImportContext, Importer } from '../context';
import { parseCsv, requireWidth } from '../csv';
import { Buckets, detectStep, makeGrid } from '../grid';
import { numberOf, rowAt, textOf, type Table } from '../table';
import { fileText } from '../text';
import { ImportError, type ImportFile, type SourceLocation } from '../types';
import { traceScenario, type TraceItem } from './common';

const BUCKETS: Record<string, number> = { '>24': 30, '>64': 70 };

function bucket(raw: string): number | null {
  const s = raw.trim();
  if (s in BUCKETS) return BUCKETS[s];
  const v = Number(s);
  return Number.isFinite(v) && v > 0 ? v : null;
}

async function read(f: ImportFile, ctx: ImportContext): Promise<Table & { gzip: boolean }> {
  const { text, gzip } = await fileText(f, true);
  const t = await parseCsv(f.name, text, { header: false, delimiter: ',' }, ctx.progress);
  return { ...t, gzip };
}

const kindOf = (name: string, t: Table): 'vmtable' | 'readings' => {
  if (/vmtable/i.test(name)) return 'vmtable';
  if (/cpu_readings/i.test(name)) return 'readings';
  return (t.rows[0]?.length ?? 0) >= 11 ? 'vmtable' : 'readings';
};

export const importAzure: Importer = async (files, ctx) => {
  const { reporter } = ctx;
  const tables: { t: Table; kind: 'vmtable' | 'readings' }[] = [];
  for (const f of files) {
    const t = await read(f, ctx);
    const kind = kindOf(f.name, t);
    // A header line (the analysis notebook adds one) is recognised by a non-numeric timestamp column.
    const tsCol = kind === 'vmtable' ? 3 : 0;
    const first = t.rows[0];
    if (first && first.length >= (kind === 'vmtable' ? 11 : 5) && textOf(first[tsCol]) !== '' && numberOf(first[tsCol], false) === null) {
      (t.rows as unknown[]).shift(); (t.lines as number[]).shift();
      reporter.note(`${f.name}: a header line was skipped (the dataset files have none).`);
    }
    requireWidth(t, kind === 'vmtable' ? 11 : 5, kind === 'vmtable'
      ? 'vmid, subscriptionid, deploymentid, vmcreated, vmdeleted, maxcpu, avgcpu, p95maxcpu, vmcategory, vmcorecountbucket, vmmemorybucket'
      : 'timestamp, vmid, mincpu, maxcpu, avgcpu');
    reporter.file(f.name, f.bytes.length, `${t.gzip ? 'gzip → ' : ''}Azure ${kind === 'vmtable' ? 'vmtable' : 'vm_cpu_readings'} CSV (headerless)`, t.rows.length);
    tables.push({ t, kind });
  }
  const vmtables = tables.filter((x) => x.kind === 'vmtable');
  const readings = tables.filter((x) => x.kind === 'readings');
  if (vmtables.length === 0) throw new ImportError({ file: files[0].name, where: '' }, 'no vmtable file: give vmtable.csv(.gz) with the vm_cpu_readings files');

  // Readings first: the time window and which VMs have data.
  const stamps: number[][] = [];
  let t0 = Infinity, tEnd = -Infinity;
  for (const { t } of readings) {
    const ts: number[] = [];
    for (let k = 0; k < t.rows.length; k++) {
      const v = numberOf(t.rows[k][0], false);
      if (v === null) throw new ImportError(rowAt(t, k), `timestamp "${textOf(t.rows[k][0])}" is not a number of seconds`);
      ts.push(v);
      if (v < t0) t0 = v;
      if (v > tEnd) tEnd = v;
    }
    stamps.push([...new Set(ts)].sort((a, b) => a - b));
  }
  const step = readings.length > 0 ? Math.max(1, Math.round(detectStep(stamps) || 300)) : 300;
  const grid = makeGrid(Number.isFinite(t0) ? t0 : 0, Number.isFinite(tEnd) ? tEnd : 0, step);
  if (grid.truncated) reporter.warn(`The readings span more than ${grid.length} steps: only the first ${grid.length} are kept.`);

  interface Vm { item: Omit<TraceItem, 'cpu' | 'from'>; from: SourceLocation[]; cpu: Buckets | null }
  const vms = new Map<string, Vm>();
  let buckets = 0;
  for (const { t } of vmtables) {
    for (let k = 0; k < t.rows.length; k++) {
      if (ctx.progress.due()) await ctx.progress.report({ phase: 'build', done: k, total: t.rows.length, file: t.file });
      const r = t.rows[k];
      const vmid = textOf(r[0]);
      const cores = bucket(textOf(r[9])), mem = bucket(textOf(r[10]));
      if (!vmid) { reporter.skip(rowAt(t, k), 'no-name', 'row without a vmid'); continue; }
      if (cores === null) { reporter.skip(rowAt(t, k, 'vmcorecountbucket'), 'bad-value', `core count "${textOf(r[9])}" is not a number or bucket`); continue; }
      if (mem === null) { reporter.skip(rowAt(t, k, 'vmmemorybucket'), 'bad-value', `memory "${textOf(r[10])}" is not a number or bucket`); continue; }
      if (textOf(r[9]) in BUCKETS || textOf(r[10]) in BUCKETS) buckets++;
      if (vms.has(vmid)) { reporter.skip(rowAt(t, k), 'duplicate-vm', `vmid ${vmid.slice(0, 24)}… already read`); continue; }
      const created = numberOf(r[3], false), deleted = numberOf(r[4], false);
      const within = (x: number | null) => (x !== null && Number.isFinite(t0) ? Math.round(x - grid.t0) : undefined);
      const arrives = within(created), departs = within(deleted);
      const span = grid.length * step;
      vms.set(vmid, { cpu: null, from: [rowAt(t, k)], item: {
        key: `vm-${vmid.replace(/[^A-Za-z0-9]/g, '').slice(0, 16)}`, name: vmid, tenant: textOf(r[1]).replace(/[^A-Za-z0-9]/g, '').slice(0, 16) || 'default',
        replicas: 1, cpuCores: cores, memoryGiB: mem,
        derivation: `cpuCores = vmcorecount${textOf(r[9]) in BUCKETS ? ` bucket "${textOf(r[9])}" → ${cores}` : ` ${cores}`}; memoryGiB = vmmemory${textOf(r[10]) in BUCKETS ? ` bucket "${textOf(r[10])}" → ${mem}` : ` ${mem}`}; trace = avgcpu / 100`,
        arrivesAtSeconds: arrives !== undefined && arrives > 0 && arrives < span && arrives <= 31 * 86400 ? arrives : undefined,
        departsAtSeconds: departs !== undefined && departs > 0 && departs < span && departs <= 31 * 86400 ? departs : undefined,
      } });
    }
  }
  let unknown = 0;
  for (const { t } of readings) {
    for (let k = 0; k < t.rows.length; k++) {
      if (ctx.progress.due()) await ctx.progress.report({ phase: 'build', done: k, total: t.rows.length, file: t.file });
      const r = t.rows[k];
      const vm = vms.get(textOf(r[1]));
      if (!vm) { unknown++; reporter.skip(rowAt(t, k), 'unknown-vm', `vmid ${textOf(r[1]).slice(0, 24)}… is not in the vmtable given`); continue; }
      const avg = numberOf(r[4], false);
      if (avg === null || avg < 0 || avg > 100) { reporter.skip(rowAt(t, k, 'avgcpu'), 'bad-value', `avgcpu "${textOf(r[4])}" is not a percentage`); continue; }
      if (!vm.cpu) vm.cpu = new Buckets(grid);
      vm.cpu.add(numberOf(r[0], false)!, avg / 100);
      if (vm.from.length < 3) vm.from.push(rowAt(t, k)); // the vmtable row and the first readings
    }
  }
  const items: TraceItem[] = [];
  for (const [vmid, vm] of vms) {
    if (readings.length > 0 && !vm.cpu) { reporter.skip(vm.from[0], 'no-readings', `VM ${vmid.slice(0, 24)}… has no CPU readings in the files given`); continue; }
    items.push({ ...vm.item, from: vm.from, cpu: vm.cpu ?? undefined });
  }
  if (buckets > 0) reporter.note(`${buckets} VM(s) have bucketed sizes ">24" cores or ">64" GB: read as 30 cores and 70 GB, the values Microsoft's analysis notebook uses.`);
  reporter.note('Azure sizes are buckets of cores and GB (memory GB read as GiB, as Azure VM sizes are); the trace is avgcpu (the 5-minute average CPU %); '
    + 'VMs arrive and depart at vmcreated / vmdeleted inside the readings window. Data: Azure Public Dataset, CC-BY-4.0 (cite Cortez et al., SOSP 2017).');
  if (unknown > 0) reporter.note(`${unknown} reading(s) name VMs that are not in the vmtable given.`);
  return traceScenario(`Azure trace: ${items.length} VMs`, `Imported from ${files.map((f) => f.name.replace(/^.*[\\/]/, '')).join(', ')} (Azure public dataset).`,
    grid, items, reporter, 'Azure Public Dataset (CC-BY-4.0): vm_cpu_readings avgcpu');
};
