// Alibaba cluster trace v2018 (alibaba/clusterdata, research use; imports.md §4): headerless CSVs
//   machine_meta:    machine_id, time_stamp, failure_domain_1, failure_domain_2, cpu_num, mem_size, status
//   container_meta:  container_id, machine_id, time_stamp, app_du, status, cpu_request, cpu_limit, mem_size
//   container_usage: container_id, machine_id, time_stamp, cpu_util_percent, mem_util_percent, cpi, mem_gps, mpki, net_in, net_out, disk_io_percent
// (column order of schema.txt, which the data follows). Quirks handled: cpu_request is in hundredths of a core
// (100 = 1 core); memory is normalised to 0–100 (a scale is needed: --alibaba-memory-gib, default 512 GiB per
// 100); usage is in percent with −1 / 101 as invalid markers; sampling is irregular, so samples are averaged
// onto a regular grid. Machines become host models (by cpu_num, mem_size) in failure domains (domain 1 → site,
// domain 2 → rack); containers become services by app_du (and size), with their mean utilisation as traces.
import type { ImportContext, Importer } from '../context';
import { parseCsv, requireWidth } from '../csv';
import { Buckets, makeGrid } from '../grid';
import { POWER_CURVE_NOTE, assumedPowerCurve, ids, round, type HostModelInput, type SiteInput } from '../scenario';
import { numberOf, rowAt, textOf, type Table } from '../table';
import { fileText } from '../text';
import { ImportError, type SourceLocation } from '../types';
import { traceScenario, type TraceItem } from './common';

type Kind = 'machine_meta' | 'container_meta' | 'container_usage';
const WIDTH: Record<Kind, number> = { machine_meta: 7, container_meta: 8, container_usage: 11 };
const COLUMNS: Record<Kind, string> = {
  machine_meta: 'machine_id, time_stamp, failure_domain_1, failure_domain_2, cpu_num, mem_size, status',
  container_meta: 'container_id, machine_id, time_stamp, app_du, status, cpu_request, cpu_limit, mem_size',
  container_usage: 'container_id, machine_id, time_stamp, cpu_util_percent, mem_util_percent, cpi, mem_gps, mpki, net_in, net_out, disk_io_percent',
};

function kindOf(name: string, t: Table): Kind | null {
  const m = /(machine_meta|container_meta|container_usage)/i.exec(name);
  if (m) return m[1].toLowerCase() as Kind;
  const w = t.rows[0]?.length ?? 0;
  return w === 7 ? 'machine_meta' : w === 8 ? 'container_meta' : w >= 11 ? 'container_usage' : null;
}

const valid = (v: number | null): v is number => v !== null && v >= 0 && v <= 100;

export const importAlibaba: Importer = async (files, ctx: ImportContext) => {
  const { reporter, options } = ctx;
  const tables: Partial<Record<Kind, Table[]>> = {};
  for (const f of files) {
    const { text, gzip } = await fileText(f, true);
    const t = await parseCsv(f.name, text, { header: false, delimiter: ',' }, ctx.progress);
    const kind = kindOf(f.name, t);
    if (!kind) throw new ImportError({ file: f.name, where: '' }, 'not an Alibaba 2018 file Hostfit reads: name it machine_meta, container_meta or container_usage');
    const first = t.rows[0];
    if (first && first.length >= WIDTH[kind] && textOf(first[2]) !== '' && numberOf(first[2], false) === null) {
      (t.rows as unknown[]).shift(); (t.lines as number[]).shift();
      reporter.note(`${f.name}: a header line was skipped (the trace files have none).`);
    }
    requireWidth(t, WIDTH[kind], COLUMNS[kind]);
    reporter.file(f.name, f.bytes.length, `${gzip ? 'gzip → ' : ''}Alibaba 2018 ${kind} CSV (headerless)`, t.rows.length);
    (tables[kind] ??= []).push(t);
  }
  if (!tables.container_meta) throw new ImportError({ file: files[0].name, where: '' }, 'no container_meta file: it holds the containers (applications) to import');
  const memScale = options.alibabaMemoryGiBPer100 / 100;

  // Latest row per container.
  interface Container { app: string; cpu: number; mem: number; at: SourceLocation }
  const containers = new Map<string, Container & { ts: number }>();
  for (const t of tables.container_meta) {
    for (let k = 0; k < t.rows.length; k++) {
      const r = t.rows[k];
      const id = textOf(r[0]), ts = numberOf(r[2], false) ?? 0;
      const cpu = numberOf(r[5], false), mem = numberOf(r[7], false);
      if (!id || !textOf(r[3])) { reporter.skip(rowAt(t, k), 'no-name', 'row without container_id or app_du'); continue; }
      if (cpu === null || cpu <= 0 || mem === null || mem < 0 || mem > 100) { reporter.skip(rowAt(t, k), 'bad-value', `cpu_request "${textOf(r[5])}" / mem_size "${textOf(r[7])}" out of range`); continue; }
      const prev = containers.get(id);
      if (prev && prev.ts >= ts) { reporter.skip(rowAt(t, k), 'superseded', `an earlier status row of ${id} (the latest is kept)`); continue; }
      if (prev) reporter.skip(prev.at, 'superseded', `an earlier status row of ${id} (the latest is kept)`);
      containers.set(id, { app: textOf(r[3]), cpu: cpu / 100, mem: mem * memScale, at: rowAt(t, k), ts });
    }
  }
  // Usage → grid (irregular sampling: mean per step).
  let t0 = Infinity, tEnd = -Infinity;
  for (const t of tables.container_usage ?? []) {
    for (let k = 0; k < t.rows.length; k++) {
      const ts = numberOf(t.rows[k][2], false);
      if (ts === null) throw new ImportError(rowAt(t, k, 'time_stamp'), `"${textOf(t.rows[k][2])}" is not a time in seconds`);
      if (ts < t0) t0 = ts;
      if (ts > tEnd) tEnd = ts;
    }
  }
  const step = options.intervalSeconds;
  const grid = makeGrid(Number.isFinite(t0) ? t0 : 0, Number.isFinite(tEnd) ? tEnd : 0, step);
  if (grid.truncated) reporter.warn(`The usage spans more than ${grid.length} steps: only the first ${grid.length} are kept.`);

  interface App { key: string; app: string; cpu: number; mem: number; replicas: number; from: SourceLocation[]; cpuB?: Buckets; memB?: Buckets }
  const apps = new Map<string, App>();
  const appOf = new Map<string, App>();
  for (const [id, c] of containers) {
    const key = `${c.app}|${c.cpu}|${round(c.mem, 3)}`;
    let a = apps.get(key);
    if (!a) { a = { key, app: c.app, cpu: c.cpu, mem: c.mem, replicas: 0, from: [] }; apps.set(key, a); }
    a.replicas++;
    a.from.push(c.at);
    appOf.set(id, a);
  }
  let invalid = 0, orphan = 0;
  for (const t of tables.container_usage ?? []) {
    for (let k = 0; k < t.rows.length; k++) {
      if (ctx.progress.due()) await ctx.progress.report({ phase: 'build', done: k, total: t.rows.length, file: t.file });
      const r = t.rows[k];
      const a = appOf.get(textOf(r[0]));
      if (!a) { orphan++; reporter.skip(rowAt(t, k), 'unknown-container', `container ${textOf(r[0])} is not in container_meta`); continue; }
      const ts = numberOf(r[2], false)!;
      const cpu = numberOf(r[3], false), mem = numberOf(r[4], false);
      if (valid(cpu)) (a.cpuB ??= new Buckets(grid)).add(ts, cpu / 100); else invalid++;
      if (valid(mem)) (a.memB ??= new Buckets(grid)).add(ts, mem / 100); else invalid++;
    }
  }
  if (invalid > 0) reporter.note(`${invalid} usage value(s) outside 0–100 % (the trace's −1 / 101 invalid markers) were left out.`);
  if (orphan > 0) reporter.note(`${orphan} usage row(s) name containers that are not in container_meta.`);
  const items: TraceItem[] = [...apps.values()].map((a) => ({
    key: a.app, name: `${a.app} (${a.cpu} cores, ${round(a.mem, 2)} GiB)`, tenant: 'alibaba', replicas: a.replicas, cpuCores: a.cpu, memoryGiB: round(a.mem, 3),
    cpu: a.cpuB, memory: a.memB, from: a.from,
    derivation: `${a.replicas} container(s) of app_du ${a.app}; cpuCores = cpu_request / 100; memoryGiB = mem_size / 100 × ${options.alibabaMemoryGiBPer100} GiB; traces = mean cpu/mem_util_percent of its containers per ${step} s`,
  }));
  const doc = traceScenario(`Alibaba 2018 trace: ${items.length} applications`, `Imported from ${files.map((f) => f.name.replace(/^.*[\\/]/, '')).join(', ')} (Alibaba cluster trace v2018).`,
    grid, items, reporter, 'Alibaba cluster-trace-v2018 container_usage');

  // Machines → host models and failure domains (replacing the default pool when machine_meta is given).
  if (tables.machine_meta) {
    const machines = new Map<string, { ts: number; fd1: string; fd2: string; cpu: number; mem: number; at: SourceLocation }>();
    for (const t of tables.machine_meta) {
      for (let k = 0; k < t.rows.length; k++) {
        const r = t.rows[k];
        const id = textOf(r[0]), ts = numberOf(r[1], false) ?? 0, cpu = numberOf(r[4], false), mem = numberOf(r[5], false);
        if (!id || cpu === null || cpu < 1 || mem === null || mem <= 0 || mem > 100) { reporter.skip(rowAt(t, k), 'bad-value', `machine ${id}: cpu_num "${textOf(r[4])}" / mem_size "${textOf(r[5])}" out of range`); continue; }
        const prev = machines.get(id);
        if (prev && prev.ts >= ts) continue;
        machines.set(id, { ts, fd1: textOf(r[2]), fd2: textOf(r[3]), cpu, mem, at: rowAt(t, k) });
      }
    }
    if (machines.size > 0) {
      const modelIds = ids(), siteIds = ids(), rackIds = ids();
      const models = new Map<string, HostModelInput & { from: SourceLocation[] }>();
      const sites = new Map<string, { site: SiteInput; racks: Map<string, Map<string, number>> }>();
      for (const m of machines.values()) {
        const key = `${m.cpu}|${m.mem}`;
        let model = models.get(key);
        if (!model) {
          const gib = round(m.mem * memScale, 2);
          model = { id: modelIds(`alibaba-${m.cpu}c-${Math.round(gib)}g`), name: `Alibaba machine, ${m.cpu} CPUs, ${gib} GiB`, cores: Math.min(4096, Math.round(m.cpu)), threadsPerCore: 1,
            memoryGiB: gib, diskGB: 0, networkGbps: 0, powerWatts: assumedPowerCurve(Math.max(1, m.cpu / 2)), from: [] };
          models.set(key, model);
        }
        model.from.push(m.at);
        let s = sites.get(m.fd1);
        if (!s) { s = { site: { id: siteIds(`fd1-${m.fd1 || 'none'}`), name: `Failure domain ${m.fd1 || '(none)'}`, kind: 'datacenter', racks: [] }, racks: new Map() }; sites.set(m.fd1, s); }
        const rack = s.racks.get(m.fd2) ?? new Map<string, number>();
        rack.set(model.id, (rack.get(model.id) ?? 0) + 1);
        s.racks.set(m.fd2, rack);
      }
      doc.hostModels = [...models.values()].map(({ from, ...m }, k) => {
        reporter.origin(`$.hostModels[${k}]`, m.id, from, `${from.length} machine(s); cores = cpu_num; memoryGiB = mem_size / 100 × ${options.alibabaMemoryGiBPer100}`);
        return m;
      });
      doc.sites = [...sites.values()].map(({ site, racks }) => ({
        ...site,
        racks: [...racks].map(([fd2, groups]) => {
          const id = rackIds(`${site.id}-fd2-${fd2 || 'none'}`);
          return { id, name: `Failure domain ${fd2 || '(none)'}`, hosts: [...groups].map(([model, count]) => ({ id: `${id}-${model}`.slice(0, 128), model, count })) };
        }),
      }));
      const poolNote = reporter.notes.findIndex((n) => n.startsWith('The source describes workloads only'));
      if (poolNote >= 0) reporter.notes.splice(poolNote, 1);
      reporter.note(`Hosts from machine_meta: ${machines.size} machines (latest status row each) in ${models.size} host model(s); failure_domain_1 → site, failure_domain_2 → rack.`);
      reporter.note(POWER_CURVE_NOTE);
    }
  }
  reporter.note(`Alibaba 2018 quirks: cpu_request in hundredths of a core; memory normalised to 0–100, read as ${options.alibabaMemoryGiBPer100} GiB per 100 `
    + '(--alibaba-memory-gib; the trace does not publish machine memory); usage in percent with −1/101 invalid markers; irregular sampling averaged onto a '
    + `${step} s grid; utilisation read as a share of the container's request. Terms: research or study purposes (alibaba/clusterdata README).`);
  return doc;
};
