// Scenario format v2, defined once: TypeScript types, validation with JSON-path errors, and the JSON Schema
// (scripts/write-schema.ts) all come from these zod definitions. Every object is loose so fields written by a
// newer Hostfit survive a round trip. Units are part of every field name.
import { z } from 'zod';
import {
  CONTAINER_DEFAULTS, CONTAINER_IN_VM_DEFAULTS, ECONOMICS_DEFAULTS, ISOLATION_DEFAULTS, POLICY_DEFAULTS, SITE_DEFAULTS, VM_DEFAULTS,
} from '../model/defaults';
import { PLACEMENT_ALGORITHMS } from '../pack/algorithms';
import { simulationSchema, tracesSchema } from '../sim/scenario/schema';
import { HYPERVISOR_PLATFORMS, KUBERNETES_PLATFORMS, RUNTIME_PROFILES } from './platform-ids';
import { applyChanges, parsePointer, VARIANT_OPS, variantBase, type VariantChange } from './variants';

export const SCENARIO_FORMAT = 'hostfit-scenario';
export const SCENARIO_VERSION = 2;
/** The largest improvement budget a scenario may set (policy.improveIterations). */
export const MAX_IMPROVE_ITERATIONS = 10_000_000;

const obj = z.looseObject;
const id = z.string().regex(/^[A-Za-z0-9][A-Za-z0-9._:-]{0,127}$/,
  'expected an id: 1–128 letters, digits, ".", "_", ":" or "-", starting with a letter or digit');
const text = (max = 200) => z.string().min(1).max(max);
const amount = (max: number) => z.number().min(0).max(max);
const count = (max: number) => z.int().min(0).max(max);

export const hostModelSchema = obj({
  id,
  name: text(),
  cores: z.int().min(1).max(4096).describe('physical cores'),
  threadsPerCore: z.int().min(1).max(8).default(2).describe('hardware threads per core (SMT)'),
  memoryGiB: z.number().positive().max(1e6),
  diskGB: amount(1e7).default(0),
  networkGbps: amount(1e4).default(0),
  powerWatts: z.array(amount(1e5)).length(11).optional()
    .describe('measured power at 0, 10, …, 100 % CPU load (SPECpower_ssj2008 style), watts'),
  priceUSD: amount(1e8).optional(),
  labels: z.array(text(64)).optional(),
});

export const hostGroupSchema = obj({
  id,
  model: id.describe('id of a host model'),
  count: count(1e6),
});

export const rackSchema = obj({
  id,
  name: text().optional(),
  powerBudgetKW: amount(1e4).optional(),
  hosts: z.array(hostGroupSchema),
});

export const siteSchema = obj({
  id,
  name: text(),
  kind: z.enum(['datacenter', 'edge', 'cloud-region']),
  pue: z.number().min(1).max(5).default(SITE_DEFAULTS.pue),
  energyUSDPerKWh: amount(100).default(SITE_DEFAULTS.energyUSDPerKWh),
  racks: z.array(rackSchema),
});

export const tenantSchema = obj({ id, name: text() });

export const ISOLATION_BOUNDARIES = ['shared-kernel', 'sandbox', 'vm', 'dedicated-host'] as const;

export const serviceSchema = obj({
  id,
  name: text(),
  tenant: id.describe('id of a tenant'),
  replicas: count(1e7),
  demand: obj({
    cpuCores: amount(1e4),
    memoryGiB: amount(1e5),
    diskGB: amount(1e6).default(0),
    networkMbps: amount(1e6).default(0),
  }),
  isolation: z.enum(ISOLATION_BOUNDARIES).default('shared-kernel')
    .describe('weakest boundary this service accepts between it and other tenants'),
  spread: obj({
    domain: z.enum(['host', 'rack', 'site']),
    maxPerDomain: z.int().min(1).max(1e6),
  }).optional(),
  priority: z.int().min(-1000).max(1000).optional(),
  affinityGroup: id.optional()
    .describe('services naming the same group must have equal replica counts; replica k of each shares one host'),
  requiredHostLabels: z.array(text(64)).optional().describe('labels a host model must carry to run this service'),
  trace: id.optional().describe('id of a utilisation trace (root `traces`) the CPU demand follows in simulations'),
  memoryTrace: id.optional()
    .describe('id of a trace of the memory in use, as a share of the service memory: what a live migration copies'),
  arrivesAtSeconds: z.number().min(0).max(31 * 86400).optional()
    .describe('dynamic simulations: the service starts this long after the start (static plans size for it anyway)'),
  departsAtSeconds: z.number().positive().max(31 * 86400).optional()
    .describe('dynamic simulations: the service leaves this long after the start'),
});

const share = z.number().min(0).max(1);
const seconds = z.number().min(0).max(86400);
const cpuMem = (d: { cpuCores: number; memoryGiB: number }) => obj({
  cpuCores: amount(1e4).default(d.cpuCores),
  memoryGiB: amount(1e5).default(d.memoryGiB),
});
const podOverhead = (d: { cpuCores: number; memoryMiB: number }) => obj({
  cpuCores: amount(1e3).default(d.cpuCores),
  memoryMiB: amount(1e6).default(d.memoryMiB),
});

export const flavourSchema = obj({
  id,
  vcpus: z.int().min(1).max(4096),
  memoryGiB: z.number().positive().max(1e5),
  diskGB: amount(1e6).default(0),
});

export const vmModelSchema = obj({
  platform: z.enum(HYPERVISOR_PLATFORMS).default(VM_DEFAULTS.platform)
    .describe('hypervisor profile: per-VM overhead memory by VM size as its maker publishes it (core/model/platforms); "generic-vm": perVmOverheadMiB'),
  hypervisorReserved: cpuMem(VM_DEFAULTS.hypervisorReserved).prefault({}),
  guestOs: obj({
    cpuCores: amount(1e3).default(VM_DEFAULTS.guestOs.cpuCores),
    memoryGiB: amount(1e4).default(VM_DEFAULTS.guestOs.memoryGiB),
    diskGB: amount(1e6).default(VM_DEFAULTS.guestOs.diskGB),
  }).prefault({}),
  perVmOverheadMiB: amount(1e6).default(VM_DEFAULTS.perVmOverheadMiB),
  cpuOvercommit: z.number().min(1).max(64).default(VM_DEFAULTS.cpuOvercommit),
  memoryOvercommit: z.number().min(1).max(8).default(VM_DEFAULTS.memoryOvercommit),
  flavours: z.array(flavourSchema).min(1).prefault(VM_DEFAULTS.flavours),
  cpuVirtualisationOverhead: share.default(VM_DEFAULTS.cpuVirtualisationOverhead)
    .describe('extra host CPU per VM, as a share of the CPU it uses (workload + guest OS)'),
  ioVirtualisationOverhead: share.default(VM_DEFAULTS.ioVirtualisationOverhead)
    .describe('extra host network bandwidth per VM, as a share of the bandwidth it uses'),
  provisionSeconds: seconds.default(VM_DEFAULTS.provisionSeconds),
  bootSeconds: seconds.default(VM_DEFAULTS.bootSeconds),
  shutdownSeconds: seconds.default(VM_DEFAULTS.shutdownSeconds),
  liveMigration: obj({
    bandwidthShare: z.number().gt(0).max(1).default(VM_DEFAULTS.liveMigration.bandwidthShare)
      .describe('share of the host network a live migration uses; duration = VM memory / that bandwidth'),
    degradation: share.default(VM_DEFAULTS.liveMigration.degradation)
      .describe('share of the VM\'s CPU performance lost while it migrates'),
  }).prefault({}),
});

/** Runtime classes: runc, gvisor and kata use the podOverhead parameters; the kata-* classes their upstream RuntimeClass overhead. */
export const RUNTIME_CLASSES = RUNTIME_PROFILES;

export const containerModelSchema = obj({
  platform: z.enum(KUBERNETES_PLATFORMS).default(CONTAINER_DEFAULTS.platform)
    .describe('Kubernetes node-reservation profile (core/model/platforms); "generic-k8s": reservationFormula, systemReserved and evictionHardMiB'),
  reservationFormula: z.enum(['gke', 'none']).default(CONTAINER_DEFAULTS.reservationFormula),
  systemReserved: cpuMem(CONTAINER_DEFAULTS.systemReserved).prefault({}),
  evictionHardMiB: amount(1e6).default(CONTAINER_DEFAULTS.evictionHardMiB),
  runtimeClass: z.enum(RUNTIME_CLASSES).default(CONTAINER_DEFAULTS.runtimeClass),
  podOverhead: obj({
    runc: podOverhead(CONTAINER_DEFAULTS.podOverhead.runc).prefault({}),
    gvisor: podOverhead(CONTAINER_DEFAULTS.podOverhead.gvisor).prefault({}),
    kata: podOverhead(CONTAINER_DEFAULTS.podOverhead.kata).prefault({}),
  }).prefault({}),
  maxPodsPerNode: z.int().min(1).max(10000).default(CONTAINER_DEFAULTS.maxPodsPerNode),
  sidecar: obj({
    enabled: z.boolean().default(CONTAINER_DEFAULTS.sidecar.enabled),
    cpuCores: amount(1e3).default(CONTAINER_DEFAULTS.sidecar.cpuCores),
    memoryMiB: amount(1e6).default(CONTAINER_DEFAULTS.sidecar.memoryMiB),
  }).prefault({}),
  imagePullSeconds: seconds.default(CONTAINER_DEFAULTS.imagePullSeconds),
  startSeconds: obj({
    runc: seconds.default(CONTAINER_DEFAULTS.startSeconds.runc),
    gvisor: seconds.default(CONTAINER_DEFAULTS.startSeconds.gvisor),
    kata: seconds.default(CONTAINER_DEFAULTS.startSeconds.kata),
  }).prefault({}),
  stopSeconds: seconds.default(CONTAINER_DEFAULTS.stopSeconds),
});

export const nodeShapeSchema = obj({
  vcpus: z.int().min(1).max(4096),
  memoryGiB: z.number().positive().max(1e5),
  diskGB: amount(1e6).default(0),
});

export const containerInVmModelSchema = obj({
  nodeShape: nodeShapeSchema.optional().describe('vCPUs, memory and disk of one node VM; unset: the shape search picks one'),
  nodeJoinSeconds: seconds.default(CONTAINER_IN_VM_DEFAULTS.nodeJoinSeconds),
  shapeSearch: obj({
    enabled: z.boolean().default(CONTAINER_IN_VM_DEFAULTS.shapeSearch.enabled),
    objective: z.enum(['hosts', 'cost']).default(CONTAINER_IN_VM_DEFAULTS.shapeSearch.objective),
    hostFractions: z.int().min(0).max(64).default(CONTAINER_IN_VM_DEFAULTS.shapeSearch.hostFractions)
      .describe('candidate node VMs of 1/1 … 1/n of each host model (0: none)'),
    includeFlavours: z.boolean().default(CONTAINER_IN_VM_DEFAULTS.shapeSearch.includeFlavours),
  }).prefault({}),
});

const boundary = z.enum(ISOLATION_BOUNDARIES);

export const isolationModelSchema = obj({
  ranking: z.array(boundary).length(ISOLATION_BOUNDARIES.length).prefault(ISOLATION_DEFAULTS.ranking)
    .describe('isolation boundaries, strongest first'),
  runtimeBoundary: obj({
    runc: boundary.default(ISOLATION_DEFAULTS.runtimeBoundary.runc),
    gvisor: boundary.default(ISOLATION_DEFAULTS.runtimeBoundary.gvisor),
    kata: boundary.default(ISOLATION_DEFAULTS.runtimeBoundary.kata),
  }).prefault({}).describe('boundary between pods of different tenants on one kernel, per runtime class'),
});

export const economicsSchema = obj({
  amortisationMonths: z.int().min(1).max(600).default(ECONOMICS_DEFAULTS.amortisationMonths),
  hoursPerMonth: z.number().positive().max(744).default(ECONOMICS_DEFAULTS.hoursPerMonth),
  load: z.union([z.literal('packed'), share]).default(ECONOMICS_DEFAULTS.load)
    .describe('CPU load of a used host for its power curve: "packed" (what its items burn) or one share for all'),
});

export const policySchema = obj({
  algorithm: z.enum(PLACEMENT_ALGORITHMS).default(POLICY_DEFAULTS.algorithm)
    .describe('placement algorithm: "best" (minimum slack or FFD, then the improvement phase), a constructive rule, or "<rule>+cns"'),
  sizeKey: z.enum(['max', 'sum', 'l2']).default(POLICY_DEFAULTS.sizeKey)
    .describe('size of an item for Decreasing orders and Best/Worst Fit: a norm of its demand normalised by host capacity'),
  sizeDimension: z.enum(['cpu', 'memory', 'disk', 'network']).optional()
    .describe('size items by this one dimension instead of sizeKey'),
  seed: z.int().min(0).max(2 ** 31 - 1).default(POLICY_DEFAULTS.seed),
  improveIterations: z.int().min(0).max(MAX_IMPROVE_ITERATIONS).default(POLICY_DEFAULTS.improveIterations)
    .describe('iterations of the improvement phase (a fixed budget, so every machine gives the same plan)'),
  objective: z.enum(['hosts', 'cost']).default(POLICY_DEFAULTS.objective)
    .describe('minimise the host count, or the cost (host model priceUSD; every host model needs one)'),
  sizing: obj({
    runs: z.int().min(0).max(101).default(POLICY_DEFAULTS.sizing.runs).describe('seeded random host orders (0: no sizing)'),
    percentile: z.number().min(0).max(100).default(POLICY_DEFAULTS.sizing.percentile),
  }).prefault({}).describe('Borg-style sizing: remove hosts until the workload stops fitting, over random orders'),
});

/** Top-level fields a variant never changes. */
const FIXED_FIELDS = new Set(['format', 'version', 'variants']);

/**
 * A variant's change: its value is validated against (and given the defaults of) the field its path names,
 * so a variant's values obey the same rules as the scenario's own. See ./variants.ts for the path syntax.
 */
const variantChangeSchema = obj({
  op: z.enum(VARIANT_OPS),
  path: z.string().max(4096).regex(/^\/./, 'expected a JSON Pointer such as "/services/web/replicas" (elements named by id)'),
  value: z.unknown().optional(),
}).transform((c, ctx) => {
  const segments = parsePointer(c.path) ?? [];
  if (FIXED_FIELDS.has(segments[0])) {
    ctx.addIssue({ code: 'custom', path: ['path'], message: `a variant cannot change "${segments[0]}"` });
    return z.NEVER;
  }
  if (c.op === 'remove') {
    if (c.value !== undefined) ctx.addIssue({ code: 'custom', path: ['value'], message: 'a "remove" change has no value' });
    return c;
  }
  const target = c.op === 'order' ? z.array(id).min(1) : schemaAt(segments);
  if (c.value === undefined) {
    ctx.addIssue({ code: 'custom', path: ['value'], message: `a "${c.op}" change needs a value` });
    return z.NEVER;
  }
  if (!target) return c;
  const checked = target.safeParse(c.value);
  if (!checked.success) {
    for (const issue of checked.error.issues) ctx.addIssue({ code: 'custom', path: ['value', ...issue.path], message: issue.message });
    return z.NEVER;
  }
  return { ...c, value: checked.data };
});

export const variantSchema = obj({
  id,
  name: text(),
  changes: z.array(variantChangeSchema).max(10_000_000),
}).describe('a named what-if: the changes that turn this scenario into the variant');

const baseScenarioSchema = obj({
  format: z.literal(SCENARIO_FORMAT),
  version: z.literal(SCENARIO_VERSION),
  name: text(),
  description: z.string().max(10000).optional(),
  hostModels: z.array(hostModelSchema).min(1),
  sites: z.array(siteSchema).min(1),
  tenants: z.array(tenantSchema),
  services: z.array(serviceSchema),
  deployment: obj({
    vm: vmModelSchema.prefault({}),
    container: containerModelSchema.prefault({}),
    containerInVm: containerInVmModelSchema.prefault({}),
    isolation: isolationModelSchema.prefault({}),
  }).prefault({}),
  economics: economicsSchema.prefault({}),
  policy: policySchema.prefault({}),
  traces: tracesSchema.optional().describe('utilisation traces for the dynamic simulation'),
  simulation: simulationSchema.optional().describe('dynamic consolidation settings (hostfit simulate)'),
  variants: z.array(variantSchema).optional().describe('named what-ifs kept with the scenario (the app\'s Variants tab)'),
});

/** The schema of the value at `segments` (array elements named by id), or null where it cannot be told (unions). */
function schemaAt(segments: readonly string[]): z.ZodType | null {
  let node: z.ZodType = baseScenarioSchema;
  for (let depth = 0; ; depth++) {
    for (;;) {
      if (node instanceof z.ZodOptional || node instanceof z.ZodDefault || node instanceof z.ZodPrefault || node instanceof z.ZodNullable) {
        node = node.unwrap() as z.ZodType;
      } else if (node instanceof z.ZodPipe) node = node.in as z.ZodType;
      else break;
    }
    if (depth === segments.length) return node;
    if (node instanceof z.ZodObject) node = (node.shape as Record<string, z.ZodType>)[segments[depth]] ?? z.unknown();
    else if (node instanceof z.ZodArray) node = node.element as z.ZodType;
    else return null;
  }
}

type Path = (string | number)[];

/** Ids unique per kind and every reference resolved; reported at the offending JSON path. */
function checkReferences(s: z.output<typeof baseScenarioSchema>, ctx: z.RefinementCtx): void {
  const issue = (path: Path, message: string) => ctx.addIssue({ code: 'custom', path, message });
  const unique = (kind: string, entries: { id: string; path: Path }[]) => {
    const seen = new Map<string, Path>();
    for (const e of entries) {
      const first = seen.get(e.id);
      if (first) issue([...e.path, 'id'], `duplicate ${kind} id "${e.id}" (first used at ${formatPath(first)})`);
      else seen.set(e.id, e.path);
    }
  };
  unique('host model', s.hostModels.map((m, i) => ({ id: m.id, path: ['hostModels', i] })));
  unique('site', s.sites.map((x, i) => ({ id: x.id, path: ['sites', i] })));
  unique('rack', s.sites.flatMap((x, i) => x.racks.map((r, j) => ({ id: r.id, path: ['sites', i, 'racks', j] }))));
  unique('host group', s.sites.flatMap((x, i) => x.racks.flatMap((r, j) =>
    r.hosts.map((g, k) => ({ id: g.id, path: ['sites', i, 'racks', j, 'hosts', k] })))));
  unique('tenant', s.tenants.map((t, i) => ({ id: t.id, path: ['tenants', i] })));
  unique('service', s.services.map((x, i) => ({ id: x.id, path: ['services', i] })));
  unique('flavour', s.deployment.vm.flavours.map((f, i) => ({ id: f.id, path: ['deployment', 'vm', 'flavours', i] })));

  const models = new Set(s.hostModels.map((m) => m.id));
  s.sites.forEach((x, i) => x.racks.forEach((r, j) => r.hosts.forEach((g, k) => {
    if (!models.has(g.model)) issue(['sites', i, 'racks', j, 'hosts', k, 'model'], `unknown host model "${g.model}"`);
  })));
  const tenants = new Set(s.tenants.map((t) => t.id));
  s.services.forEach((x, i) => {
    if (!tenants.has(x.tenant)) issue(['services', i, 'tenant'], `unknown tenant "${x.tenant}"`);
  });
  unique('trace', (s.traces ?? []).map((t, i) => ({ id: t.id, path: ['traces', i] })));
  const traces = new Set((s.traces ?? []).map((t) => t.id));
  s.services.forEach((x, i) => {
    if (x.trace !== undefined && !traces.has(x.trace)) issue(['services', i, 'trace'], `unknown trace "${x.trace}"`);
    if (x.memoryTrace !== undefined && !traces.has(x.memoryTrace)) issue(['services', i, 'memoryTrace'], `unknown trace "${x.memoryTrace}"`);
    if (x.departsAtSeconds !== undefined && x.departsAtSeconds <= (x.arrivesAtSeconds ?? 0)) {
      issue(['services', i, 'departsAtSeconds'], `the service must leave after it arrives (${x.arrivesAtSeconds ?? 0} s)`);
    }
  });
  // Placement constraints: replica k of every service in an affinity group shares a host, so counts match.
  const groupReplicas = new Map<string, { replicas: number; at: number }>();
  s.services.forEach((x, i) => {
    if (x.affinityGroup === undefined) return;
    const first = groupReplicas.get(x.affinityGroup);
    if (!first) groupReplicas.set(x.affinityGroup, { replicas: x.replicas, at: i });
    else if (first.replicas !== x.replicas) {
      issue(['services', i, 'replicas'], `affinity group "${x.affinityGroup}" needs equal replica counts: ${x.replicas} here, `
        + `${first.replicas} at ${formatPath(['services', first.at, 'replicas'])}`);
    }
  });
  if (s.policy.objective === 'cost') {
    s.hostModels.forEach((m, i) => {
      if (m.priceUSD === undefined) issue(['hostModels', i, 'priceUSD'], 'policy.objective "cost" needs a price on every host model');
    });
  }
}

/**
 * Each variant's changes apply to the scenario: every path names something that exists (or an element to add),
 * ids are unique, and no list the format requires to be non-empty is emptied. Whether the variant's scenario
 * is a valid plan input as a whole is checked when the variant runs, like any edit in the app.
 */
function checkVariants(s: z.output<typeof baseScenarioSchema>, ctx: z.RefinementCtx): void {
  if (!s.variants) return;
  const seen = new Map<string, number>();
  const base = variantBase(s);
  s.variants.forEach((v, i) => {
    const first = seen.get(v.id);
    if (first !== undefined) ctx.addIssue({ code: 'custom', path: ['variants', i, 'id'], message: `duplicate variant id "${v.id}" (first used at ${formatPath(['variants', first])})` });
    else seen.set(v.id, i);
    const changes = v.changes as readonly VariantChange[];
    // A change already refused (bad op or path, reported at its place) is not applied again here.
    if (!changes.every((c) => VARIANT_OPS.includes(c.op) && typeof c.path === 'string' && /^\/./.test(c.path))) return;
    const out = applyChanges(base, changes);
    if (!out.ok) {
      ctx.addIssue({ code: 'custom', path: ['variants', i, 'changes', out.change, 'path'], message: out.message });
      return;
    }
    changes.forEach((c, j) => {
      if (c.op !== 'remove') return;
      const list = parsePointer(c.path)!.slice(0, -1);
      const left = valueAt(out.value, list);
      if (Array.isArray(left) && left.length === 0 && schemaAt(list)?.safeParse([]).success === false) {
        ctx.addIssue({ code: 'custom', path: ['variants', i, 'changes', j, 'path'], message: `the variant would leave ${c.path.slice(0, c.path.lastIndexOf('/'))} empty` });
      }
    });
  });
}

function valueAt(root: unknown, segments: readonly string[]): unknown {
  let node = root;
  for (const seg of segments) {
    if (Array.isArray(node)) node = node.find((e) => (e as { id?: unknown })?.id === seg);
    else if (node !== null && typeof node === 'object') node = (node as Record<string, unknown>)[seg];
    else return undefined;
  }
  return node;
}

// Deployment-model parameters that only make sense together (a flavour for every service, a node VM shape that
// holds every pod, an isolation ranking that is an order) are checked after parsing, by core/model/validate.ts
// through parse.ts and core/edit/validate.ts: the schema stays below the deployment models.
export const scenarioSchema = baseScenarioSchema.superRefine(checkReferences).superRefine(checkVariants);

export type Scenario = z.output<typeof scenarioSchema>;
export type ScenarioInput = z.input<typeof scenarioSchema>;
export type HostModel = z.output<typeof hostModelSchema>;
export type Site = z.output<typeof siteSchema>;
export type Service = z.output<typeof serviceSchema>;
export type VmModelParams = z.output<typeof vmModelSchema>;
export type ContainerModelParams = z.output<typeof containerModelSchema>;
export type Flavour = z.output<typeof flavourSchema>;
export type ContainerInVmModelParams = z.output<typeof containerInVmModelSchema>;
export type IsolationModelParams = z.output<typeof isolationModelSchema>;
export type Economics = z.output<typeof economicsSchema>;
export type NodeShape = z.output<typeof nodeShapeSchema>;
export type IsolationBoundary = (typeof ISOLATION_BOUNDARIES)[number];

/** `$.services[3].demand.cpuCores` */
export function formatPath(path: readonly PropertyKey[]): string {
  return '$' + path.map((p) => (typeof p === 'number' ? `[${p}]` : /^[A-Za-z_$][\w$]*$/.test(String(p)) ? `.${String(p)}` : `[${JSON.stringify(String(p))}]`)).join('');
}
