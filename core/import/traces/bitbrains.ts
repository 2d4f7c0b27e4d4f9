// Bitbrains GWA-T-12 (Grid Workloads Archive; imports.md §4): one CSV per VM with a header row and the
// separator ";\t": Timestamp [ms]; CPU cores; CPU capacity provisioned [MHZ]; CPU usage [MHZ]; CPU usage [%];
// Memory capacity provisioned [KB]; Memory usage [KB]; disk and network throughput. Quirk: the "Timestamp [ms]"
// column holds epoch *seconds* (as OpenDC reads it); the unit is decided by magnitude and named in the report.
// One service per file (VM): cores and provisioned memory as demand, CPU usage / capacity and memory usage /
// provisioned as traces on a common grid.
import type { ImportContext, Importer } from '../context';
import { parseCsv } from '../csv';
import { Buckets, detectStep, makeGrid } from '../grid';
import { round } from '../scenario';
import { column, headerAt, numberOf, rowAt, textOf, type Table } from '../table';
import { fileText } from '../text';
import { ImportError } from '../types';
import { traceScenario, type TraceItem } from './common';

const COL = {
  time: ['Timestamp [ms]', 'Timestamp'],
  cores: ['CPU cores'],
  capacity: ['CPU capacity provisioned [MHZ]'],
  usageMhz: ['CPU usage [MHZ]'],
  usagePct: ['CPU usage [%]'],
  memory: ['Memory capacity provisioned [KB]'],
  memoryUsage: ['Memory usage [KB]'],
};

export const importBitbrains: Importer = async (files, ctx: ImportContext) => {
  const { reporter } = ctx;
  interface Vm { t: Table; time: number[]; c: Record<keyof typeof COL, number> }
  const vms: Vm[] = [];
  let allSeconds = 0, allMs = 0;
  for (const f of files) {
    const { text, gzip } = await fileText(f, true);
    const t = await parseCsv(f.name, text, { delimiter: ';', trim: true }, ctx.progress);
    const c = Object.fromEntries(Object.entries(COL).map(([k, a]) => [k, column(t, a)])) as Record<keyof typeof COL, number>;
    for (const key of ['time', 'cores', 'memory'] as const) {
      if (c[key] < 0) throw new ImportError(headerAt(t), `missing column "${COL[key][0]}" (a Bitbrains per-VM file has: ${Object.values(COL).map((a) => a[0]).join('; ')})`);
    }
    if (c.usageMhz < 0 && c.usagePct < 0) throw new ImportError(headerAt(t), 'missing column "CPU usage [MHZ]" or "CPU usage [%]"');
    const time: number[] = [];
    let numeric = 0;
    for (let k = 0; k < t.rows.length; k++) {
      const ts = numberOf(t.rows[k][c.time], false);
      if (ts === null) throw new ImportError(rowAt(t, k, t.header[c.time]), `"${textOf(t.rows[k][c.time])}" is not a timestamp`);
      time.push(ts);
      if (numberOf(t.rows[k][c.usageMhz >= 0 ? c.usageMhz : c.usagePct], false) !== null) numeric++;
    }
    if (numeric === 0) throw new ImportError({ file: f.name, where: t.rows.length ? `line ${t.lines[0]}` : 'line 2' }, 'the trace has no numeric CPU usage value');
    if (time.length > 0 && time[Math.floor(time.length / 2)] > 1e11) allMs++; else allSeconds++;
    reporter.file(f.name, f.bytes.length, `${gzip ? 'gzip → ' : ''}Bitbrains VM CSV (";\\t"-separated)`, t.rows.length);
    vms.push({ t, time, c });
  }
  const toSeconds = allMs > allSeconds ? 1 / 1000 : 1;
  reporter.note(allMs > allSeconds
    ? 'The "Timestamp [ms]" columns hold milliseconds here: divided by 1000.'
    : 'Bitbrains quirk: the "Timestamp [ms]" column holds Unix seconds, not milliseconds (its values are about 1.4 × 10^9); read as seconds.');
  reporter.note('Bitbrains separates fields with ";" followed by a tab: split on ";" and trimmed. Memory is in KB (1024 bytes).');
  const step = Math.max(1, Math.round(detectStep(vms.map((v) => v.time.map((x) => x * toSeconds))) || 300));
  if (step > 86400) {
    throw new ImportError({ file: files[0].name, where: `line ${vms[0].t.lines[0] ?? 2}` }, `the samples are ${step} s apart; a trace step is at most a day (86400 s)`);
  }
  let t0 = Infinity, tEnd = -Infinity;
  for (const v of vms) for (const x of v.time) { t0 = Math.min(t0, x * toSeconds); tEnd = Math.max(tEnd, x * toSeconds); }
  const grid = makeGrid(t0, tEnd, step);
  if (grid.truncated) reporter.warn(`The traces span more than ${grid.length} steps: only the first ${grid.length} are kept.`);
  const items: TraceItem[] = [];
  let bad = 0;
  for (const { t, time, c } of vms) {
    const num = (k: number, col: number) => (col >= 0 ? numberOf(t.rows[k][col], false) : null);
    let cores = 0, memKB = 0;
    for (let k = 0; k < t.rows.length; k++) { cores = Math.max(cores, num(k, c.cores) ?? 0); memKB = Math.max(memKB, num(k, c.memory) ?? 0); }
    const name = t.file.replace(/^.*[\\/]/, '').replace(/\.csv(\.gz)?$/i, '');
    if (!(cores > 0)) { reporter.skip(rowAt(t, 0, 'CPU cores'), 'bad-value', `VM ${name}: no CPU cores`); continue; }
    const cpu = new Buckets(grid), mem = new Buckets(grid);
    for (let k = 0; k < t.rows.length; k++) {
      const ts = time[k] * toSeconds;
      const cap = num(k, c.capacity), mhz = num(k, c.usageMhz), pct = num(k, c.usagePct);
      const share = cap && mhz !== null ? mhz / cap : pct !== null ? pct / 100 : null;
      if (share === null || share < 0) { bad++; continue; }
      cpu.add(ts, share);
      const mu = num(k, c.memoryUsage), mp = num(k, c.memory);
      if (mu !== null && mp) mem.add(ts, mu / mp);
    }
    items.push({ key: `vm-${name}`, name: `VM ${name}`, tenant: 'bitbrains', replicas: 1, cpuCores: cores, memoryGiB: Math.max(0.001, round(memKB / 2 ** 20, 3)),
      cpu, memory: mem, from: [rowAt(t, 0)],
      derivation: `VM file ${t.file}: cpuCores = CPU cores (${cores}); memoryGiB = Memory capacity provisioned ${memKB} KB / 2^20; CPU trace = CPU usage [MHZ] / CPU capacity provisioned [MHZ]; memory trace = Memory usage / provisioned` });
  }
  if (bad > 0) reporter.note(`${bad} row(s) without a usable CPU usage value were left out.`);
  return traceScenario(`Bitbrains trace: ${items.length} VMs`, `Imported from ${files.length} Bitbrains per-VM file(s) (GWA-T-12).`, grid, items, reporter,
    'Bitbrains GWA-T-12 (Grid Workloads Archive)');
};
