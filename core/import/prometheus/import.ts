// Prometheus query_range answers (imports.md §3.1) → traces. Envelope {status, data: {resultType: "matrix",
// result: [{metric, values: [[t, "v"], …]}]}}; values are strings ("NaN" and "±Inf" are gaps), any step.
// Series are mapped to services (by a chosen label, or automatically: a pod's controller, or a service /
// app / job / vm_name / instance label), containers of one pod summed, pods averaged per replica, put on the
// series' step grid. CPU in cores becomes a share of the service's CPU request; memory working set bytes a
// memory trace (share of its memory). Alone (no --into), every series group becomes a service sized from its
// peak, on a default host pool.
import type { Scenario } from '../../scenario/schema';
import type { ImportContext, Importer } from '../context';
import { Buckets, detectStep, makeGrid, percentile, toShares } from '../grid';
import { lineColumn } from '../../scenario/parse';
import { namePrefix } from '../rvtools/import';
import { defaultHostPool, emptyScenario, ids, round, roundUp, type ScenarioInput, type ServiceInput, type TraceInput } from '../scenario';
import { fileText } from '../text';
import { ImportError, type ImportFile, type SourceLocation } from '../types';

type Labels = Record<string, string>;
interface Series { labels: Labels; t: Float64Array; v: Float64Array; at: SourceLocation; gaps: number }
interface Answer { file: string; metric: 'cpu' | 'memory'; series: Series[] }

const AUTO_LABELS = ['service', 'app', 'app_kubernetes_io_name', 'deployment', 'job', 'vm_name', 'vm', 'instance'];
const GiB = 2 ** 30;
const isObj = (v: unknown): v is Record<string, unknown> => v !== null && typeof v === 'object' && !Array.isArray(v);

/** A sample value: a number, or a string holding one ("0.25", "1e-3", "NaN", "+Inf", "-Inf"); undefined if neither. */
function sampleValue(raw: unknown): number | undefined {
  if (typeof raw === 'number') return raw;
  if (typeof raw !== 'string' || raw.length === 0) return undefined;
  const c = raw.charCodeAt(0);
  const numeric = (c >= 48 && c <= 57) || c === 43 || c === 45 || c === 46; // digit, +, -, .
  const v = numeric ? Number(raw) : NaN;
  if (!Number.isNaN(v)) return v;
  if (raw === 'NaN') return NaN;
  if (raw === '+Inf' || raw === 'Inf') return Infinity;
  if (raw === '-Inf') return -Infinity;
  return undefined;
}

function parseAnswer(file: ImportFile, text: string, metricOption: 'auto' | 'cpu' | 'memory', notes: (s: string) => void): Answer {
  const name = file.name;
  const body = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  let doc: unknown;
  try {
    doc = JSON.parse(body);
  } catch (e) {
    const m = e instanceof Error ? e.message : String(e);
    const pos = /position (\d+)/.exec(m);
    throw new ImportError({ file: name, where: pos ? lineColumn(body, Number(pos[1])) : body.trim() === '' ? 'line 1, column 1' : lineColumn(body, body.length) },
      `not valid JSON: ${m.replace(/ in JSON at position \d+.*$/, '').replace(/\s*\(line \d+ column \d+\)$/, '')}`);
  }
  if (!isObj(doc)) throw new ImportError({ file: name, where: '$' }, 'expected a Prometheus API answer {"status": "success", "data": {…}}');
  if (doc.status === 'error') throw new ImportError({ file: name, where: '$.error' }, `Prometheus answered with an error: ${String(doc.errorType ?? '')} ${String(doc.error ?? '')}`.trim());
  const data = doc.data;
  if (!isObj(data)) throw new ImportError({ file: name, where: '$.data' }, 'expected the "data" object of a query_range answer');
  if (data.resultType !== 'matrix') {
    throw new ImportError({ file: name, where: '$.data.resultType' }, `expected "matrix" (a /api/v1/query_range answer), found ${JSON.stringify(data.resultType)}`
      + `${data.resultType === 'vector' ? ': an instant query has no time series; use query_range' : ''}`);
  }
  if (!Array.isArray(data.result)) throw new ImportError({ file: name, where: '$.data.result' }, 'expected an array of series');
  const series: Series[] = [];
  let maxValue = 0;
  const names = new Set<string>();
  data.result.forEach((s, i) => {
    const p = `$.data.result[${i}]`;
    if (!isObj(s)) throw new ImportError({ file: name, where: p }, 'expected a series {metric, values}');
    const labels: Labels = {};
    if (s.metric !== undefined) {
      if (!isObj(s.metric)) throw new ImportError({ file: name, where: `${p}.metric` }, 'expected a map of labels');
      for (const [k, v] of Object.entries(s.metric)) labels[k] = String(v);
    }
    if (labels.__name__) names.add(labels.__name__);
    if (!Array.isArray(s.values)) throw new ImportError({ file: name, where: `${p}.values` }, 'expected an array of [timestamp, "value"] pairs (a matrix series)');
    const t = new Float64Array(s.values.length), v = new Float64Array(s.values.length);
    let n = 0, gaps = 0;
    const values = s.values as unknown[];
    for (let j = 0; j < values.length; j++) {
      const pair = values[j];
      if (!Array.isArray(pair) || pair.length !== 2) throw new ImportError({ file: name, where: `${p}.values[${j}]` }, 'expected a [timestamp, "value"] pair');
      const ts = typeof pair[0] === 'number' ? pair[0] : typeof pair[0] === 'string' ? Number(pair[0]) : NaN;
      if (!Number.isFinite(ts)) throw new ImportError({ file: name, where: `${p}.values[${j}][0]` }, 'expected a Unix timestamp in seconds');
      const x = sampleValue(pair[1]);
      if (x === undefined) throw new ImportError({ file: name, where: `${p}.values[${j}][1]` }, `expected a sample value (a number as a string, "NaN" or "±Inf"), found ${JSON.stringify(pair[1])?.slice(0, 40)}`);
      if (!Number.isFinite(x) || x < 0) { gaps++; continue; }
      if (n > 0 && ts <= t[n - 1]) throw new ImportError({ file: name, where: `${p}.values[${j}][0]` }, 'timestamps must increase within a series');
      t[n] = ts; v[n] = x; n++;
      if (x > maxValue) maxValue = x;
    }
    if (n === 0) throw new ImportError({ file: name, where: `${p}.values` }, 'the series has no numeric value (every sample is NaN, ±Inf or negative)');
    series.push({ labels, t: t.subarray(0, n), v: v.subarray(0, n), at: { file: name, where: p }, gaps });
  });
  if (series.length === 0) throw new ImportError({ file: name, where: '$.data.result' }, 'the answer holds no series');
  let metric: 'cpu' | 'memory';
  if (metricOption !== 'auto') metric = metricOption;
  else if ([...names].some((n) => /memory|bytes/i.test(n))) metric = 'memory';
  else if ([...names].some((n) => /cpu/i.test(n))) metric = 'cpu';
  else metric = maxValue > 1e5 ? 'memory' : 'cpu';
  if (metricOption === 'auto') {
    notes(`${name}: read as ${metric === 'cpu' ? 'CPU in cores' : 'memory in bytes'} (${names.size > 0 ? `metric ${[...names].slice(0, 3).join(', ')}` : `values up to ${maxValue.toPrecision(3)}`}; --metric overrides).`);
  }
  return { file: name, metric, series };
}

/**
 * A pod's controller: web-7c9d8f6b5-x2k4q → web (Deployment: template hash and random suffix), postgres-0 →
 * postgres (StatefulSet ordinal), node-exporter-x2k4q → node-exporter (DaemonSet, Job). Generated suffixes use
 * Kubernetes' safe alphabet (no vowels, no 0, 1, 3), which keeps words such as "exporter" intact.
 */
const SAFE = '[bcdfghjklmnpqrstvwxz2456789]';
const DEPLOYMENT_SUFFIX = new RegExp(`-${SAFE}{6,10}-${SAFE}{5}$`);
const POD_SUFFIX = new RegExp(`-${SAFE}{5}$`);
export function podController(pod: string): string {
  if (DEPLOYMENT_SUFFIX.test(pod)) return pod.replace(DEPLOYMENT_SUFFIX, '');
  if (POD_SUFFIX.test(pod)) return pod.replace(POD_SUFFIX, '');
  return pod.replace(/-\d+$/, '') || pod;
}

export const importPrometheus: Importer = async (files, ctx: ImportContext) => {
  const { reporter, progress, options, into } = ctx;
  const answers: Answer[] = [];
  for (const f of files) {
    const { text, gzip } = await fileText(f, false);
    const a = parseAnswer(f, text, options.metric, (s) => reporter.note(s));
    answers.push(a);
    reporter.file(f.name, f.bytes.length, `${gzip ? 'gzip → ' : ''}Prometheus query_range matrix (${a.metric === 'cpu' ? 'CPU cores' : 'memory bytes'})`, a.series.length);
    await progress.report({ phase: 'parse', done: answers.length, total: files.length, file: f.name });
  }
  const all = answers.flatMap((a) => a.series);
  const gaps = all.reduce((n, s) => n + s.gaps, 0);
  if (gaps > 0) reporter.note(`${gaps} sample(s) were NaN, ±Inf or negative: treated as gaps.`);

  // Grid: the series' own step (or the step of the traces already in the scenario), from the first to the last sample.
  const existing = into?.traces ?? [];
  const seriesStep = detectStep(all.map((s) => s.t)) || options.intervalSeconds;
  const step = existing.length > 0 ? existing[0].intervalSeconds : Math.max(1, Math.round(seriesStep));
  if (existing.length > 0 && step !== Math.round(seriesStep)) reporter.note(`The series' step (${seriesStep} s) is resampled to the ${step} s of the scenario's existing traces (the simulation needs one interval).`);
  else if (step !== seriesStep) reporter.note(`The series' step of ${seriesStep} s is rounded to ${step} s (traces use whole seconds).`);
  const t0 = Math.min(...all.map((s) => s.t[0]));
  const tEnd = Math.max(...all.map((s) => s.t[s.t.length - 1]));
  const grid = makeGrid(t0, tEnd, step);
  if (grid.truncated) reporter.warn(`The series span more than ${grid.length} steps of ${step} s: only the first ${grid.length} are kept.`);

  // Series → service keys.
  const labelOf = (s: Series): string | null => {
    if (options.serviceLabel) return s.labels[options.serviceLabel] ?? null;
    if (s.labels.pod) return `${s.labels.namespace ? `${s.labels.namespace}/` : ''}${podController(s.labels.pod)}`;
    for (const l of AUTO_LABELS) if (s.labels[l]) return s.labels[l];
    return null;
  };
  let match: (s: Series) => string | null;
  if (into) {
    const byKey = new Map<string, string>();
    for (const svc of into.services) {
      for (const k of [svc.id, svc.name, svc.id.toLowerCase(), svc.name.toLowerCase()]) if (!byKey.has(k)) byKey.set(k, svc.id);
    }
    match = (s) => {
      const key = labelOf(s);
      if (key === null) return null;
      const candidates = [key, key.toLowerCase(), key.replace('/', '.'), namePrefix(key), namePrefix(key).toLowerCase()];
      for (const c of candidates) { const id = byKey.get(c); if (id) return id; }
      return null;
    };
  } else {
    match = labelOf;
  }

  interface Acc { key: string; cpu: Map<string, Buckets[]>; memory: Map<string, Buckets[]>; from: SourceLocation[]; cpuFrom: SourceLocation[]; memoryFrom: SourceLocation[]; namespace: string }
  const accs = new Map<string, Acc>();
  let unlabelled = 0;
  for (const a of answers) {
    for (const s of a.series) {
      if (progress.due()) await progress.report({ phase: 'build', done: 0, total: all.length });
      const key = match(s);
      if (key === null) {
        const labelText = Object.entries(s.labels).map(([k, v]) => `${k}="${v}"`).join(', ').slice(0, 160);
        if (into) reporter.skip(s.at, 'unmatched-series', `no service of the scenario matches {${labelText}}${options.serviceLabel ? ` by label ${options.serviceLabel}` : ''}`);
        else { unlabelled++; reporter.skip(s.at, 'unlabelled-series', `{${labelText}} has none of the labels that name a service (${options.serviceLabel ?? AUTO_LABELS.join(', ')})`); }
        continue;
      }
      let acc = accs.get(key);
      if (!acc) { acc = { key, cpu: new Map(), memory: new Map(), from: [], cpuFrom: [], memoryFrom: [], namespace: s.labels.namespace ?? '' }; accs.set(key, acc); }
      acc.from.push(s.at);
      (a.metric === 'cpu' ? acc.cpuFrom : acc.memoryFrom).push(s.at);
      // One replica per pod (containers of one pod are summed); without a pod label, one replica per series.
      const replica = s.labels.pod ?? `${a.file}#${s.at.where}`;
      const target = a.metric === 'cpu' ? acc.cpu : acc.memory;
      const b = new Buckets(grid); // one per series: several samples in a step average, containers of a pod add up
      for (let k = 0; k < s.t.length; k++) b.add(s.t[k], s.v[k]);
      const list = target.get(replica);
      if (list) list.push(b); else target.set(replica, [b]);
    }
  }
  if (unlabelled > 0 && !options.serviceLabel) reporter.warn(`${unlabelled} series have no label naming a service: give --service-label.`);

  /** Mean over replicas per grid step (a replica's missing steps filled from its neighbours). */
  const perReplica = (replicas: Map<string, Buckets[]>): { values: Float64Array; filled: number; replicas: number } | null => {
    const out = new Float64Array(grid.length);
    let n = 0, filled = 0;
    for (const series of replicas.values()) {
      let any = false;
      for (const b of series) {
        const r = b.values();
        if (!r) continue;
        for (let i = 0; i < out.length; i++) out[i] += r.values[i];
        filled += r.filled; any = true;
      }
      if (any) n++;
    }
    if (n === 0) return null;
    for (let i = 0; i < out.length; i++) out[i] /= n;
    return { values: out, filled, replicas: n };
  };

  const traceIds = ids();
  for (const t of existing) traceIds(t.id);
  const traces: TraceInput[] = [];
  let filledTotal = 0;
  const clippedNotes: string[] = [];
  const addTrace = (serviceId: string, kind: 'cpu' | 'memory', values: Float64Array, scale: number, from: SourceLocation[], what: string): string => {
    const shares = toShares(values, scale);
    if (shares.clipped > 0) clippedNotes.push(`${serviceId} ${kind} (${shares.clipped} samples, up to ${Math.round(shares.max * 100)} %)`);
    const id = traceIds(`${serviceId}.${kind}`);
    reporter.origin(`$.traces[${existing.length + traces.length}]`, id, from, what);
    traces.push({ id, name: `${serviceId} ${kind === 'cpu' ? 'CPU' : 'memory in use'} (Prometheus)`.slice(0, 200), intervalSeconds: step, samples: shares.samples,
      source: `Prometheus query_range: ${[...new Set(from.map((f) => f.file))].join(', ')}`.slice(0, 500) });
    return id;
  };

  let doc: ScenarioInput;
  if (into) {
    doc = JSON.parse(JSON.stringify(into)) as Scenario as ScenarioInput;
    const services = new Map(doc.services.map((s, k) => [s.id, { s, k }]));
    let sized = 0, replaced = 0;
    for (const acc of accs.values()) {
      const entry = services.get(acc.key)!;
      const svc = entry.s as ServiceInput;
      const cpu = perReplica(acc.cpu), mem = perReplica(acc.memory);
      if (cpu) {
        filledTotal += cpu.filled;
        if (!(svc.demand.cpuCores > 0)) { svc.demand.cpuCores = Math.max(0.001, roundUp(percentile(cpu.values, 95), 3)); sized++; }
        if (svc.trace !== undefined) replaced++;
        svc.trace = addTrace(svc.id, 'cpu', cpu.values, svc.demand.cpuCores, acc.cpuFrom,
          `CPU cores per replica (mean of ${cpu.replicas} pod(s)/series, containers summed) / service cpuCores ${svc.demand.cpuCores}`);
      }
      if (mem) {
        filledTotal += mem.filled;
        if (!(svc.demand.memoryGiB > 0)) { svc.demand.memoryGiB = Math.max(0.001, roundUp(percentile(mem.values, 95) / GiB, 3)); sized++; }
        if (svc.memoryTrace !== undefined) replaced++;
        svc.memoryTrace = addTrace(svc.id, 'memory', mem.values, svc.demand.memoryGiB * GiB, acc.memoryFrom,
          `memory bytes per replica (mean of ${mem.replicas} pod(s)/series) / service memory ${svc.demand.memoryGiB} GiB`);
      }
      reporter.origin(`$.services[${entry.k}]`, svc.id, acc.from, `traces from ${acc.from.length} series`);
    }
    if (sized > 0) reporter.note(`${sized} demand value(s) were zero (pods without requests): set to the p95 of the observed usage.`);
    if (replaced > 0) reporter.note(`${replaced} existing trace reference(s) were replaced by the imported ones.`);
    const matched = accs.size;
    reporter.note(`${matched} of ${doc.services.length} service(s) of the scenario received traces.`);
    doc.traces = [...(doc.traces ?? []) as TraceInput[], ...traces];
  } else {
    doc = emptyScenario(`Prometheus: ${files.length === 1 ? files[0].name.replace(/^.*[\\/]/, '') : `${files.length} files`}`,
      `Services sized from Prometheus usage (${files.map((f) => f.name.replace(/^.*[\\/]/, '')).join(', ')}).`);
    const serviceIds = ids(), tenantIds = ids();
    const tenants = new Map<string, string>();
    for (const acc of accs.values()) {
      const cpu = perReplica(acc.cpu), mem = perReplica(acc.memory);
      const tenantKey = acc.namespace || 'default';
      let tenant = tenants.get(tenantKey);
      if (!tenant) { tenant = tenantIds(tenantKey); tenants.set(tenantKey, tenant); doc.tenants.push({ id: tenant, name: tenantKey }); }
      const id = serviceIds(acc.key.replace('/', '.'));
      const peakCpu = cpu ? Math.max(...cpu.values) : 0;
      const peakMem = mem ? Math.max(...mem.values) : 0;
      const svc: ServiceInput = { id, name: acc.key.slice(0, 200), tenant, replicas: Math.max(cpu?.replicas ?? 0, mem?.replicas ?? 0, 1),
        demand: { cpuCores: Math.max(0.001, roundUp(peakCpu, 3)), memoryGiB: roundUp(peakMem / GiB, 3), diskGB: 0, networkMbps: 0 } };
      if (cpu) { filledTotal += cpu.filled; svc.trace = addTrace(id, 'cpu', cpu.values, svc.demand.cpuCores, acc.cpuFrom, `CPU cores per replica / the peak (${svc.demand.cpuCores} cores)`); }
      if (mem) { filledTotal += mem.filled; svc.memoryTrace = addTrace(id, 'memory', mem.values, svc.demand.memoryGiB * GiB, acc.memoryFrom, `memory bytes per replica / the peak (${svc.demand.memoryGiB} GiB)`); }
      reporter.origin(`$.services[${doc.services.length}]`, id, acc.from,
        `replicas = pods (or series) seen; cpuCores = peak CPU per replica ${round(peakCpu, 3)}; memoryGiB = peak working set ${round(peakMem / GiB, 3)}`);
      doc.services.push(svc);
    }
    if (doc.tenants.length === 0) doc.tenants.push({ id: 'default', name: 'default' });
    reporter.note('Without --into every series group becomes a service sized from its peak per replica (so its trace peaks at 100 %).');
    const pool = defaultHostPool(doc.services, reporter);
    doc.hostModels = pool.hostModels;
    doc.sites = pool.sites;
    doc.traces = traces;
  }
  if (filledTotal > 0) reporter.note(`${filledTotal} missing step(s) (gaps, series that start late or end early) were filled with the neighbouring value.`);
  if (clippedNotes.length > 0) {
    reporter.warn(`Usage above the service's demand was clipped to 100 % (traces are shares of the demand): ${clippedNotes.slice(0, 8).join('; ')}${clippedNotes.length > 8 ? ` and ${clippedNotes.length - 8} more` : ''}. Raise those demands to plan for the peaks.`);
  }
  if (!doc.simulation) doc.simulation = { intervalSeconds: step };
  reporter.note(`Traces: ${traces.length}, ${grid.length} samples every ${step} s from t = ${t0} (Unix seconds).`);
  return doc;
};

