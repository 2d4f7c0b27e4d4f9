// What the public-trace importers share: one service per VM (or application) with CPU and memory traces on a
// common grid, on the default host pool, plus the simulation interval. Sources differ only in how they read
// rows; the scenario they produce has one shape.
import { Buckets, type Grid } from '../grid';
import type { Reporter } from '../report';
import { defaultHostPool, emptyScenario, ids, type ScenarioInput, type ServiceInput, type TraceInput } from '../scenario';
import { toShares } from '../grid';
import type { SourceLocation } from '../types';

export interface TraceItem {
  readonly key: string;
  readonly name: string;
  readonly tenant: string;
  readonly replicas: number;
  readonly cpuCores: number;
  readonly memoryGiB: number;
  /** Utilisation samples already as shares of the demand (0–1, may exceed 1 before clipping). */
  readonly cpu?: Buckets;
  readonly memory?: Buckets;
  readonly from: readonly SourceLocation[];
  readonly derivation: string;
  readonly arrivesAtSeconds?: number;
  readonly departsAtSeconds?: number;
}

export function traceScenario(name: string, description: string, grid: Grid, items: readonly TraceItem[], reporter: Reporter, source: string): ScenarioInput {
  const doc = emptyScenario(name, description);
  const serviceIds = ids(), traceIds = ids(), tenantIds = ids();
  const tenants = new Map<string, string>();
  const traces: TraceInput[] = [];
  let filled = 0, clipped = 0, empty = 0;
  const trace = (serviceId: string, kind: 'cpu' | 'memory', b: Buckets | undefined, from: readonly SourceLocation[]): string | undefined => {
    const v = b?.values();
    if (!v) { if (b) empty++; return undefined; }
    filled += v.filled;
    const s = toShares(v.values, 1);
    clipped += s.clipped;
    const id = traceIds(`${serviceId}.${kind}`);
    reporter.origin(`$.traces[${traces.length}]`, id, from, `${kind === 'cpu' ? 'CPU' : 'memory'} utilisation of ${serviceId}, mean per ${grid.step} s step`);
    traces.push({ id, intervalSeconds: grid.step, samples: s.samples, source: source.slice(0, 500) });
    return id;
  };
  for (const item of items) {
    let tenant = tenants.get(item.tenant);
    if (!tenant) { tenant = tenantIds(item.tenant || 'default'); tenants.set(item.tenant, tenant); doc.tenants.push({ id: tenant, name: (item.tenant || 'default').slice(0, 200) }); }
    const id = serviceIds(item.key);
    const svc: ServiceInput = { id, name: item.name.slice(0, 200) || id, tenant, replicas: item.replicas,
      demand: { cpuCores: item.cpuCores, memoryGiB: item.memoryGiB, diskGB: 0, networkMbps: 0 } };
    const cpu = trace(id, 'cpu', item.cpu, item.from);
    const mem = trace(id, 'memory', item.memory, item.from);
    if (cpu) svc.trace = cpu;
    if (mem) svc.memoryTrace = mem;
    if (item.arrivesAtSeconds !== undefined && item.arrivesAtSeconds > 0) svc.arrivesAtSeconds = item.arrivesAtSeconds;
    if (item.departsAtSeconds !== undefined && item.departsAtSeconds > (item.arrivesAtSeconds ?? 0)) svc.departsAtSeconds = item.departsAtSeconds;
    reporter.origin(`$.services[${doc.services.length}]`, id, item.from, item.derivation);
    doc.services.push(svc);
  }
  if (doc.tenants.length === 0) doc.tenants.push({ id: 'default', name: 'default' });
  if (filled > 0) reporter.note(`${filled} step(s) without a sample (irregular sampling, late starts, early ends) were filled with the neighbouring value.`);
  if (clipped > 0) reporter.warn(`${clipped} sample(s) above 100 % of the demand were clipped to 100 %.`);
  if (empty > 0) reporter.note(`${empty} series had no valid sample inside the time window and got no trace.`);
  const pool = defaultHostPool(doc.services, reporter);
  doc.hostModels = pool.hostModels;
  doc.sites = pool.sites;
  doc.traces = traces;
  doc.simulation = { intervalSeconds: grid.step };
  reporter.note(`Traces: ${traces.length}, ${grid.length} samples every ${grid.step} s.`);
  return doc;
}

export { Buckets };
