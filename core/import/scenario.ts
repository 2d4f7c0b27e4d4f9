// Shared steps of every importer once rows became entities: readable unique ids, a power curve for host
// models the source gives none for, a default host pool for sources that describe only workloads, and the
// final validation against the scenario schema (an entity the schema rejects is dropped and reported at its
// source row, never silently).
import { idAllocator } from '../edit/ids';
import { COMPACT_1S, GENERAL_2S, MEMORY_2S, cloudStyleFlavours } from '../examples/hardware';
import { VM_DEFAULTS } from '../model/defaults';
import { parseScenarioValue } from '../scenario/parse';
import { SCENARIO_FORMAT, SCENARIO_VERSION, formatPath, type Scenario, type ScenarioInput } from '../scenario/schema';
import type { Progress } from './progress';
import type { Reporter } from './report';
import { ImportError, type ImportCounts, type SourceLocation } from './types';

export type { ScenarioInput };
export type HostModelInput = ScenarioInput['hostModels'][number];
export type ServiceInput = ScenarioInput['services'][number];
export type SiteInput = ScenarioInput['sites'][number];
export type TraceInput = NonNullable<ScenarioInput['traces']>[number];

/** Readable ids, unique per kind, valid under the format's id rule. */
export function ids(): (base: string) => string {
  return idAllocator([]);
}

/**
 * A power curve for a host model the source says nothing about: the SPECpower_ssj2008-shaped curve of the
 * bundled 64-core general-purpose class, scaled by 0.3 + 0.7 × cores / 64 (idle power does not fall in
 * proportion to cores). A planning assumption, named in the report; edit it with measured values.
 */
export function assumedPowerCurve(cores: number): number[] {
  const scale = 0.3 + 0.7 * (Math.min(cores, 4096) / 64); // the schema's largest host
  return (GENERAL_2S.powerWatts as number[]).map((w) => Math.round(w * scale));
}

export const POWER_CURVE_NOTE = 'Power curves are not in the source: host models get the SPECpower-shaped curve of a '
  + '64-core general-purpose server scaled by 0.3 + 0.7 × cores / 64 (a planning assumption; replace it with measured watts).';

/** Rounds to `digits` decimals (import values stay readable and diff-friendly). */
export const round = (v: number, digits = 3): number => {
  const f = 10 ** digits;
  return Math.round(v * f) / f;
};

/** Rounds up to `digits` decimals (a demand never shrinks by rounding). */
export const roundUp = (v: number, digits = 3): number => {
  const f = 10 ** digits;
  return Math.ceil(v * f - 1e-9) / f;
};

const POOL_CANDIDATES = [COMPACT_1S, GENERAL_2S, MEMORY_2S] as const;
/** Default pool size: this many times the volume bound (so plans leave room), at least 2 hosts. */
export const DEFAULT_POOL_FACTOR = 1.5;

/**
 * For sources without hardware (Prometheus alone, public traces): the smallest bundled server class that holds
 * twice the largest replica, counted at 1.5 × the volume bound of all replicas (at least 2), in one site and rack
 * named "Default pool". The report names it; the planner replaces it with their hardware.
 */
export function defaultHostPool(services: readonly ServiceInput[], reporter: Reporter): { hostModels: HostModelInput[]; sites: SiteInput[] } {
  // Twice the largest replica: room for VM flavour rounding (up to the next power of two) and overheads.
  const maxCpu = 2 * Math.max(0, ...services.map((s) => s.demand.cpuCores));
  const maxMem = 2 * Math.max(0, ...services.map((s) => s.demand.memoryGiB));
  let model: HostModelInput | undefined = POOL_CANDIDATES.find((m) => m.cores * (m.threadsPerCore ?? 2) >= maxCpu && m.memoryGiB >= maxMem);
  if (!model) {
    const threads = Math.min(8192, Math.max(128, 2 ** Math.ceil(Math.log2(Math.max(1, maxCpu)))));
    const cores = Math.min(4096, threads / 2);
    const memoryGiB = Math.min(1e6, Math.max(1536, 2 ** Math.ceil(Math.log2(Math.max(1, maxMem)))));
    model = { id: `large-${cores}c`, name: `Large server, ${cores} cores, ${memoryGiB} GiB (sized for the largest replica)`,
      cores, threadsPerCore: 2, memoryGiB, diskGB: 0, networkGbps: 25, powerWatts: assumedPowerCurve(cores) };
  }
  const threads = model.cores * (model.threadsPerCore ?? 2);
  const cpu = services.reduce((n, s) => n + s.replicas * s.demand.cpuCores, 0);
  const mem = services.reduce((n, s) => n + s.replicas * s.demand.memoryGiB, 0);
  const bound = Math.max(cpu / threads, mem / model.memoryGiB);
  const count = Math.min(1e6, Math.max(2, Math.ceil(bound * DEFAULT_POOL_FACTOR)));
  reporter.note(`The source describes workloads only: they are placed on a default host pool of ${count} × "${model.name}" `
    + `(${model.id}; ${DEFAULT_POOL_FACTOR} × the volume bound of all replicas, at least 2) in site "Default pool". `
    + 'Replace it with your hardware, or import into a scenario that has it.');
  return {
    hostModels: [model],
    sites: [{ id: 'default-pool', name: 'Default pool', kind: 'datacenter',
      racks: [{ id: 'default-pool-r1', name: 'Default pool', hosts: [{ id: `default-pool-${model.id}`, model: model.id, count }] }] }],
  };
}

/**
 * Every service must fit a VM flavour with its guest OS (the schema checks it). New scenarios get the
 * cloud-style catalogue (1–32 vCPUs at 2, 4 and 8 GiB per vCPU) instead of the small m1.* defaults; a
 * service larger than every flavour gets one of its own size (whole vCPUs and GiB), which the report names.
 */
export function ensureFlavours(doc: ScenarioInput, reporter: Reporter, fresh: boolean): void {
  const vm = (doc.deployment ??= {}).vm ??= {};
  if (!vm.flavours && fresh) {
    // The sources say nothing about VM disks (and hosts rarely have local-disk figures): the VM model plans
    // CPU and memory, and a flavour's disk would make VMs unplaceable on hosts of unknown disk.
    vm.flavours = cloudStyleFlavours().map((f) => ({ ...f, diskGB: 0 }));
    vm.guestOs = { ...VM_DEFAULTS.guestOs, ...(vm.guestOs ?? {}), diskGB: 0 };
    reporter.note('VM flavours: the cloud-style catalogue (1–32 vCPUs at 2, 4 and 8 GiB per vCPU; deployment.vm.flavours), '
      + 'without disk (the source gives no VM disks), and a guest OS without disk.');
  }
  const flavours = [...(vm.flavours ?? VM_DEFAULTS.flavours)];
  const g = { ...VM_DEFAULTS.guestOs, ...(vm.guestOs ?? {}) };
  const added: string[] = [];
  for (const s of doc.services) {
    const cpu = s.demand.cpuCores + g.cpuCores, mem = s.demand.memoryGiB + g.memoryGiB, disk = (s.demand.diskGB ?? 0) + g.diskGB;
    if (flavours.some((f) => f.vcpus >= cpu && f.memoryGiB >= mem && (f.diskGB ?? 0) >= disk)) continue;
    // Beyond the largest flavour the schema allows, the service gets none: the import drops it and says why.
    if (!(cpu <= 4096 && mem <= 1e5 && disk <= 1e6)) continue;
    const f = { id: `fit-${Math.ceil(cpu)}c-${Math.ceil(mem)}g-${Math.ceil(disk)}d`, vcpus: Math.max(1, Math.ceil(cpu)), memoryGiB: Math.max(1, Math.ceil(mem)), diskGB: Math.ceil(disk) };
    if (flavours.some((x) => x.id === f.id)) continue;
    flavours.push(f);
    added.push(`${f.id} (for ${s.id})`);
  }
  if (added.length > 0) {
    vm.flavours = flavours;
    reporter.note(`${added.length} VM flavour(s) added for services larger than the catalogue: ${added.slice(0, 6).join(', ')}${added.length > 6 ? ', …' : ''}.`);
  }
}

export function emptyScenario(name: string, description: string): ScenarioInput {
  return { format: SCENARIO_FORMAT, version: SCENARIO_VERSION, name: name.slice(0, 200) || 'Imported estate', description,
    hostModels: [], sites: [], tenants: [], services: [] };
}

export function countsOf(s: Scenario): ImportCounts {
  let hosts = 0, racks = 0;
  for (const site of s.sites) for (const r of site.racks) { racks++; for (const g of r.hosts) hosts += g.count; }
  return {
    hostModels: s.hostModels.length, hosts, sites: s.sites.length, racks, tenants: s.tenants.length,
    services: s.services.length, replicas: s.services.reduce((n, x) => n + x.replicas, 0), traces: s.traces?.length ?? 0,
  };
}

/** Where an imported entity came from, by id, for errors found at validation. */
export type OriginIndex = Map<string, SourceLocation>;

/**
 * Validates the built document. Services or traces the schema rejects (a value outside its range) are dropped
 * and reported as skipped at their source row; anything else that fails is an ImportError naming the
 * scenario path. Returns the validated scenario.
 */
export async function finishScenario(doc: ScenarioInput, reporter: Reporter, progress: Progress, firstFile: string): Promise<Scenario> {
  await progress.report({ phase: 'validate', done: 0, total: 1 });
  for (let attempt = 0; attempt < 3; attempt++) {
    const parsed = parseScenarioValue(doc);
    if (parsed.ok) {
      await progress.report({ phase: 'validate', done: 1, total: 1 });
      return parsed.scenario;
    }
    const dropServices = new Set<number>();
    const dropTraces = new Set<number>();
    for (const e of parsed.errors) {
      const m = droppableAt(e);
      if (!m) {
        throw new ImportError({ file: firstFile, where: `imported scenario ${e.where}` }, `the imported values do not form a valid scenario: ${e.message}`);
      }
      const k = Number(m[2]);
      const list = m[1] === 'services' ? doc.services : doc.traces ?? [];
      const entity = list[k] as { id: string } | undefined;
      const origin = reporter.origins.find((o) => o.id === entity?.id && o.path.startsWith(`$.${m[1]}`));
      reporter.skip(origin?.from[0] ?? { file: firstFile, where: e.where }, 'out-of-range',
        `${m[1] === 'services' ? 'service' : 'trace'} "${entity?.id}" dropped: ${e.where.startsWith(m[0]) ? `${e.where.slice(m[0].length)} ` : ''}${e.message}`);
      (m[1] === 'services' ? dropServices : dropTraces).add(k);
    }
    const droppedTraceIds = new Set([...dropTraces].map((k) => doc.traces![k].id));
    doc = {
      ...doc,
      services: doc.services.filter((_, k) => !dropServices.has(k)).map((s) => ({
        ...s,
        trace: s.trace !== undefined && droppedTraceIds.has(s.trace) ? undefined : s.trace,
        memoryTrace: s.memoryTrace !== undefined && droppedTraceIds.has(s.memoryTrace) ? undefined : s.memoryTrace,
      })),
      ...(doc.traces ? { traces: doc.traces.filter((_, k) => !dropTraces.has(k)) } : {}),
    };
    reindexOrigins(reporter, doc);
  }
  const parsed = parseScenarioValue(doc);
  if (parsed.ok) return parsed.scenario;
  throw new ImportError({ file: firstFile, where: `imported scenario ${parsed.errors[0].where}` }, parsed.errors[0].message);
}

/**
 * The service or trace an invalid value belongs to, when dropping that one entity (reported) keeps the rest
 * of the import: a value out of range at $.services[k] or $.traces[k], or a service no VM flavour holds (the
 * model check names it in its message). Anything else is the importer's fault and fails the import.
 */
export function droppableAt(e: { where: string; message: string }): [string, 'services' | 'traces', string] | null {
  const at = /^\$\.(services|traces)\[(\d+)\]/.exec(e.where);
  if (at) return [at[0], at[1] as 'services' | 'traces', at[2]];
  const flavour = e.where === '$.deployment.vm.flavours' ? /^no flavour holds service "[^"]*" \(\$\.services\[(\d+)\]\)/.exec(e.message) : null;
  return flavour ? [`$.services[${flavour[1]}]`, 'services', flavour[1]] : null;
}

/** Origins carry JSON paths by position: recompute them after entities were dropped. */
function reindexOrigins(reporter: Reporter, doc: ScenarioInput): void {
  const at = new Map<string, string>();
  doc.services.forEach((s, k) => at.set(`services:${s.id}`, formatPath(['services', k])));
  (doc.traces ?? []).forEach((t, k) => at.set(`traces:${t.id}`, formatPath(['traces', k])));
  for (let k = reporter.origins.length - 1; k >= 0; k--) {
    const o = reporter.origins[k];
    const kind = /^\$\.(services|traces)\[/.exec(o.path)?.[1];
    if (!kind) continue;
    const path = at.get(`${kind}:${o.id}`);
    if (path === undefined) reporter.origins.splice(k, 1);
    else reporter.origins[k] = { ...o, path };
  }
}
