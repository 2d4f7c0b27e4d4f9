// Kubernetes objects → scenario. Nodes become host models (by instance type, capacity and allocatable), zones
// racks and regions sites; pods are grouped into services through their controller (Pod → ReplicaSet →
// Deployment, StatefulSet, Job → CronJob, bare pods) with the effective request the scheduler reserves;
// DaemonSet pods become a per-node reservation; finished pods are left out; spread constraints, required
// anti-affinity and node selectors become spread rules and host labels; namespaces (or a chosen label or
// annotation) become tenants. See imports.md §2.
import type { ImportContext, Importer } from '../context';
import { POWER_CURVE_NOTE, assumedPowerCurve, defaultHostPool, emptyScenario, ids, round, roundUp, type HostModelInput, type ServiceInput, type SiteInput } from '../scenario';
import type { ScenarioInput } from '../scenario';
import { ImportError, type SourceLocation } from '../types';
import { at, isObject, readObjects, type Json, type K8sObject } from './objects';
import { milliValue, unitValue } from './quantity';
import { effectiveRequest, ZERO, type RequestNotes, type Resources } from './requests';

const GiB = 2 ** 30;
const ZONE_KEYS = ['topology.kubernetes.io/zone', 'failure-domain.beta.kubernetes.io/zone'];
const REGION_KEYS = ['topology.kubernetes.io/region', 'failure-domain.beta.kubernetes.io/region'];
const INSTANCE_KEYS = ['node.kubernetes.io/instance-type', 'beta.kubernetes.io/instance-type'];
const HOST_KEY = 'kubernetes.io/hostname';
const CONTROL_PLANE_TAINTS = ['node-role.kubernetes.io/control-plane', 'node-role.kubernetes.io/master'];

const str = (v: unknown): string => (typeof v === 'string' ? v : '');
const labelsOf = (o: Json): Record<string, string> => {
  const m = isObject(o.metadata) ? o.metadata : {};
  const l = isObject(m.labels) ? m.labels : {};
  return Object.fromEntries(Object.entries(l).filter(([, v]) => typeof v === 'string')) as Record<string, string>;
};
const metaOf = (o: Json): Json => (isObject(o.metadata) ? o.metadata : {});
const nameOf = (o: Json): string => str(metaOf(o).name);
const nsOf = (o: Json): string => str(metaOf(o).namespace) || 'default';
const firstLabel = (labels: Record<string, string>, keys: readonly string[]): string => keys.map((k) => labels[k]).find((v) => v) ?? '';

interface OwnerRef { kind: string; name: string }
function controllerOf(o: Json): OwnerRef | null {
  const refs = metaOf(o).ownerReferences;
  if (!Array.isArray(refs)) return null;
  const owners = refs.filter(isObject);
  const ref = owners.find((r) => r.controller === true) ?? owners[0];
  return ref && typeof ref.kind === 'string' && typeof ref.name === 'string' ? { kind: ref.kind, name: ref.name } : null;
}

/** Label selector ({matchLabels, matchExpressions}) against labels. */
function selects(selector: unknown, labels: Record<string, string>): boolean {
  if (!isObject(selector)) return false;
  if (isObject(selector.matchLabels)) for (const [k, v] of Object.entries(selector.matchLabels)) if (labels[k] !== v) return false;
  if (Array.isArray(selector.matchExpressions)) {
    for (const e of selector.matchExpressions) {
      if (!isObject(e)) return false;
      const key = str(e.key), values = Array.isArray(e.values) ? e.values.map(String) : [];
      const has = key in labels;
      if (e.operator === 'In' && !(has && values.includes(labels[key]))) return false;
      if (e.operator === 'NotIn' && has && values.includes(labels[key])) return false;
      if (e.operator === 'Exists' && !has) return false;
      if (e.operator === 'DoesNotExist' && has) return false;
    }
  }
  return true;
}

type Domain = 'host' | 'rack' | 'site';
const domainOf = (key: string): Domain | null =>
  key === HOST_KEY ? 'host' : ZONE_KEYS.includes(key) ? 'rack' : REGION_KEYS.includes(key) ? 'site' : null;

interface SpreadRule { domain: Domain; maxSkew: number; antiAffinity: boolean; key: string }

/** Placement rules of a pod spec (at `sub` in `o`): hard spread and anti-affinity, required node labels. */
function placementRules(spec: Json, podLabels: Record<string, string>, notes: Set<string>): { spread: SpreadRule[]; labels: string[] } {
  const spread: SpreadRule[] = [];
  const aff = isObject(spec.affinity) ? spec.affinity : {};
  const anti = isObject(aff.podAntiAffinity) ? aff.podAntiAffinity : {};
  if (Array.isArray(anti.requiredDuringSchedulingIgnoredDuringExecution)) {
    for (const term of anti.requiredDuringSchedulingIgnoredDuringExecution) {
      if (!isObject(term)) continue;
      const d = domainOf(str(term.topologyKey));
      if (d && selects(term.labelSelector, podLabels)) spread.push({ domain: d, maxSkew: 1, antiAffinity: true, key: str(term.topologyKey) });
      else notes.add(`required pod anti-affinity on "${str(term.topologyKey)}" against other workloads is not modelled`);
    }
  }
  if (Array.isArray(spec.topologySpreadConstraints)) {
    for (const c of spec.topologySpreadConstraints) {
      if (!isObject(c)) continue;
      const d = domainOf(str(c.topologyKey));
      if (c.whenUnsatisfiable === 'ScheduleAnyway') { notes.add('topology spread constraints with whenUnsatisfiable: ScheduleAnyway are preferences and not modelled'); continue; }
      if (!d) { notes.add(`topology spread over "${str(c.topologyKey)}" has no Hostfit domain (host, zone → rack, region → site) and is not modelled`); continue; }
      const skew = typeof c.maxSkew === 'number' && c.maxSkew >= 1 ? Math.floor(c.maxSkew) : 1;
      spread.push({ domain: d, maxSkew: skew, antiAffinity: false, key: str(c.topologyKey) });
    }
  }
  const labels: string[] = [];
  if (isObject(spec.nodeSelector)) for (const [k, v] of Object.entries(spec.nodeSelector)) labels.push(`${k}=${String(v)}`);
  const nodeAff = isObject(aff.nodeAffinity) ? aff.nodeAffinity : {};
  const required = isObject(nodeAff.requiredDuringSchedulingIgnoredDuringExecution) ? nodeAff.requiredDuringSchedulingIgnoredDuringExecution : null;
  if (required && Array.isArray(required.nodeSelectorTerms)) {
    const terms = required.nodeSelectorTerms.filter(isObject);
    if (terms.length === 1 && Array.isArray(terms[0].matchExpressions)) {
      for (const e of terms[0].matchExpressions) {
        if (isObject(e) && e.operator === 'In' && Array.isArray(e.values) && e.values.length === 1) labels.push(`${str(e.key)}=${String(e.values[0])}`);
        else notes.add('required node affinity other than "key In (one value)" is not modelled (only nodeSelector-like terms become host labels)');
      }
    } else if (terms.length > 1) {
      notes.add('required node affinity with several alternative terms (OR) is not modelled');
    }
  }
  return { spread, labels: [...new Set(labels)] };
}

interface ServiceAcc {
  key: string;
  namespace: string;
  kind: string;
  name: string;
  tenantKey: string;
  request: Resources;
  requests: Set<string>;
  pods: SourceLocation[];
  desired: number | null;
  desiredFrom: string;
  spread: SpreadRule[];
  labels: string[];
  bestEffort: number;
}

const reqKey = (r: Resources): string => `${r.cpu}/${r.memory}/${r.storage}`;
const fmtReq = (r: Resources): string => `${r.cpu}m CPU, ${round(r.memory / 2 ** 20, 1)} MiB`;

export const importKubernetes: Importer = async (files, ctx: ImportContext) => {
  const { reporter, progress, options } = ctx;
  const { objects, kinds, perFile } = await readObjects(files);
  for (const f of perFile) reporter.file(f.name, f.bytes, f.kind, f.rows);
  await progress.report({ phase: 'parse', done: objects.length, total: objects.length });
  const ruleNotes = new Set<string>();
  const requestNotes: RequestNotes = { milliMemory: [], fromLimits: 0 };

  const byKind = (k: string) => objects.filter((o) => o.kind === k);
  const replicaSets = new Map<string, K8sObject>();
  for (const o of byKind('ReplicaSet')) replicaSets.set(`${nsOf(o.obj)}/${nameOf(o.obj)}`, o);
  const workloads = new Map<string, K8sObject>(); // Deployment / StatefulSet by ns/kind/name
  for (const o of [...byKind('Deployment'), ...byKind('StatefulSet')]) workloads.set(`${nsOf(o.obj)}/${o.kind}/${nameOf(o.obj)}`, o);
  const ignoredKinds = [...kinds].filter(([k]) => !['Node', 'Pod', 'ReplicaSet', 'Deployment', 'StatefulSet', 'DaemonSet', 'Job', 'CronJob'].includes(k));
  for (const [k, n] of ignoredKinds) reporter.note(`${n} ${k || 'untyped'} object${n === 1 ? '' : 's'} read and not used (Hostfit takes nodes, pods and their controllers).`);

  // ---- Pods → services (and DaemonSet reservations) ----
  const services = new Map<string, ServiceAcc>();
  const daemonSets = new Map<string, { request: Resources; pods: SourceLocation[] }>();
  let tenantFallbacks = 0;
  const tenantOf = (o: Json): string => {
    const t = options.tenantFrom;
    if (t === 'namespace') return nsOf(o);
    const [kind, key] = [t.slice(0, t.indexOf(':')), t.slice(t.indexOf(':') + 1)];
    const m = metaOf(o);
    const source = kind === 'label' ? m.labels : m.annotations;
    const v = isObject(source) ? source[key] : undefined;
    if (typeof v === 'string' && v !== '') return v;
    tenantFallbacks++;
    return nsOf(o);
  };
  const serviceFor = (o: K8sObject): { kind: string; name: string; via: string } => {
    const owner = controllerOf(o.obj);
    const ns = nsOf(o.obj);
    if (!owner) return { kind: 'Pod', name: nameOf(o.obj), via: 'bare pod' };
    if (owner.kind === 'ReplicaSet') {
      const rs = replicaSets.get(`${ns}/${owner.name}`);
      const rsOwner = rs ? controllerOf(rs.obj) : null;
      if (rsOwner) return { kind: rsOwner.kind, name: rsOwner.name, via: `ReplicaSet ${owner.name} → ${rsOwner.kind}` };
      const hash = labelsOf(o.obj)['pod-template-hash'];
      if (!rs && hash && owner.name.endsWith(`-${hash}`)) return { kind: 'Deployment', name: owner.name.slice(0, -hash.length - 1), via: `ReplicaSet ${owner.name} (name minus pod-template-hash)` };
      return { kind: 'ReplicaSet', name: owner.name, via: 'ReplicaSet' };
    }
    if (owner.kind === 'Job') {
      const m = /^(.*)-\d{8,}$/.exec(owner.name);
      if (m) return { kind: 'CronJob', name: m[1], via: `Job ${owner.name} (CronJob name minus its schedule suffix)` };
    }
    return { kind: owner.kind, name: owner.name, via: owner.kind };
  };

  const pods = byKind('Pod');
  for (let k = 0; k < pods.length; k++) {
    if (progress.due()) await progress.report({ phase: 'build', done: k, total: pods.length });
    const o = pods[k];
    if (!nameOf(o.obj)) { reporter.skip(at(o), 'malformed-object', 'pod without metadata.name'); continue; }
    const status = isObject(o.obj.status) ? o.obj.status : {};
    const phase = str(status.phase);
    if (phase === 'Succeeded' || phase === 'Failed') { reporter.skip(at(o, '.status.phase'), 'finished-pod', `pod ${nsOf(o.obj)}/${nameOf(o.obj)} has finished (${phase})`); continue; }
    const spec = o.obj.spec;
    const request = effectiveRequest(o, spec, '.spec', requestNotes);
    const owner = controllerOf(o.obj);
    if (owner?.kind === 'Node') { reporter.skip(at(o), 'static-pod', `static (mirror) pod ${nsOf(o.obj)}/${nameOf(o.obj)} on node ${owner.name}: node overhead, not a service`); continue; }
    if (owner?.kind === 'DaemonSet') {
      const key = `${nsOf(o.obj)}/${owner.name}`;
      const ds = daemonSets.get(key) ?? { request: ZERO, pods: [] };
      ds.request = { cpu: Math.max(ds.request.cpu, request.cpu), memory: Math.max(ds.request.memory, request.memory), storage: Math.max(ds.request.storage, request.storage) };
      ds.pods.push(at(o));
      daemonSets.set(key, ds);
      continue;
    }
    const svc = serviceFor(o);
    const key = `${nsOf(o.obj)}/${svc.kind}/${svc.name}`;
    let acc = services.get(key);
    if (!acc) {
      const rules = placementRules(isObject(spec) ? spec : {}, labelsOf(o.obj), ruleNotes);
      acc = { key, namespace: nsOf(o.obj), kind: svc.kind, name: svc.name, tenantKey: tenantOf(o.obj), request: ZERO, requests: new Set(), pods: [],
        desired: null, desiredFrom: `observed pods (${svc.via})`, spread: rules.spread, labels: rules.labels, bestEffort: 0 };
      services.set(key, acc);
    }
    acc.request = { cpu: Math.max(acc.request.cpu, request.cpu), memory: Math.max(acc.request.memory, request.memory), storage: Math.max(acc.request.storage, request.storage) };
    acc.requests.add(reqKey(request));
    if (request.cpu === 0 && request.memory === 0) acc.bestEffort++;
    acc.pods.push(at(o));
  }
  // Desired replicas from the controllers; workloads without pods in the dump come from their template.
  for (const [key, w] of workloads) {
    const spec = isObject(w.obj.spec) ? w.obj.spec : {};
    const replicas = typeof spec.replicas === 'number' && Number.isInteger(spec.replicas) && spec.replicas >= 0 ? spec.replicas : 1;
    const acc = services.get(key);
    if (acc) { acc.desired = replicas; acc.desiredFrom = `${w.kind}.spec.replicas`; acc.pods.unshift(at(w, '.spec.replicas')); continue; }
    if (replicas === 0) { reporter.skip(at(w, '.spec.replicas'), 'scaled-to-zero', `${w.kind} ${nsOf(w.obj)}/${nameOf(w.obj)} has 0 replicas`); continue; }
    const template = isObject(spec.template) ? spec.template : {};
    const request = effectiveRequest(w, template.spec, '.spec.template.spec', requestNotes);
    const rules = placementRules(isObject(template.spec) ? template.spec : {}, labelsOf(template), ruleNotes);
    services.set(key, { key, namespace: nsOf(w.obj), kind: w.kind, name: nameOf(w.obj), tenantKey: tenantOf(w.obj), request, requests: new Set([reqKey(request)]),
      pods: [at(w, '.spec.template.spec')], desired: replicas, desiredFrom: `${w.kind}.spec.replicas (no pods in the dump: request from the pod template)`,
      spread: rules.spread, labels: rules.labels, bestEffort: request.cpu === 0 && request.memory === 0 ? replicas : 0 });
  }
  for (const acc of services.values()) {
    if (acc.desired !== null || acc.kind !== 'ReplicaSet') continue;
    const rs = replicaSets.get(`${acc.namespace}/${acc.name}`);
    const r = rs && isObject(rs.obj.spec) ? rs.obj.spec.replicas : undefined;
    if (typeof r === 'number' && Number.isInteger(r) && r >= 0) { acc.desired = r; acc.desiredFrom = 'ReplicaSet.spec.replicas'; }
  }

  // ---- Nodes → host models, topology ----
  const wantedLabels = new Set([...services.values()].flatMap((s) => s.labels));
  interface NodeAcc { model: string; site: string; rack: string; reserved: Resources; pods: number; from: SourceLocation }
  const nodes: NodeAcc[] = [];
  const models = new Map<string, { input: HostModelInput; nodes: SourceLocation[]; reserved: Resources; pods: number; count: number }>();
  const newModelId = ids();
  for (const o of byKind('Node')) {
    const name = nameOf(o.obj);
    if (!name) { reporter.skip(at(o), 'malformed-object', 'node without metadata.name'); continue; }
    const spec = isObject(o.obj.spec) ? o.obj.spec : {};
    const status = isObject(o.obj.status) ? o.obj.status : {};
    if (spec.unschedulable === true) { reporter.skip(at(o, '.spec.unschedulable'), 'cordoned-node', `node ${name} is cordoned (unschedulable)`); continue; }
    const taints = Array.isArray(spec.taints) ? spec.taints.filter(isObject) : [];
    const cp = taints.find((t) => CONTROL_PLANE_TAINTS.includes(str(t.key)) && t.effect === 'NoSchedule');
    if (cp) { reporter.skip(at(o, '.spec.taints'), 'control-plane-node', `node ${name} is a control-plane node (taint ${str(cp.key)}:NoSchedule)`); continue; }
    const conditions = Array.isArray(status.conditions) ? status.conditions.filter(isObject) : [];
    const ready = conditions.find((c) => c.type === 'Ready');
    if (ready && ready.status !== 'True') { reporter.skip(at(o, '.status.conditions'), 'not-ready-node', `node ${name} is not Ready (${str(ready.status)})`); continue; }
    const capacity = isObject(status.capacity) ? status.capacity : null;
    const allocatable = isObject(status.allocatable) ? status.allocatable : capacity;
    if (!capacity) { reporter.skip(at(o, '.status'), 'node-without-capacity', `node ${name} reports no status.capacity`); continue; }
    const q = (list: Json, key: string, sub: string, milli: boolean): number => {
      const raw = list[key];
      if (raw === undefined) return 0;
      const r = milli ? milliValue(raw) : unitValue(raw);
      const where = `${o.path}.status.${sub}${/^[\w]+$/.test(key) ? `.${key}` : `[${JSON.stringify(key)}]`}`;
      if (!r.ok) throw new ImportError({ file: o.file, where }, r.message);
      if (r.value < 0) throw new ImportError({ file: o.file, where }, 'a node capacity cannot be negative');
      return r.value;
    };
    const cap = { cpu: q(capacity, 'cpu', 'capacity', true), memory: q(capacity, 'memory', 'capacity', false), storage: q(capacity, 'ephemeral-storage', 'capacity', false) };
    const alloc = { cpu: q(allocatable!, 'cpu', 'allocatable', true), memory: q(allocatable!, 'memory', 'allocatable', false), storage: 0 };
    const maxPods = q(allocatable!, 'pods', 'allocatable', false) || 110;
    if (cap.cpu < 1 || cap.memory < 1) { reporter.skip(at(o, '.status.capacity'), 'node-without-capacity', `node ${name} has no CPU or memory capacity`); continue; }
    const labels = labelsOf(o.obj);
    const instance = firstLabel(labels, INSTANCE_KEYS);
    const cpus = Math.ceil(cap.cpu / 1000);
    const gib = round(cap.memory / GiB, 3);
    const nodeLabels = Object.entries(labels).map(([k, v]) => `${k}=${v}`).filter((l) => wantedLabels.has(l)).sort();
    const modelKey = [instance, cap.cpu, cap.memory, alloc.cpu, alloc.memory, maxPods, ...nodeLabels].join('|');
    let m = models.get(modelKey);
    if (!m) {
      const base = instance || `node-${cpus}c-${Math.round(gib)}g`;
      const input: HostModelInput = {
        id: newModelId(base), name: `${instance || 'Node'} (${cpus} vCPU, ${round(gib, 1)} GiB)`.slice(0, 200), cores: Math.min(4096, cpus), threadsPerCore: 1,
        memoryGiB: gib, diskGB: round(cap.storage / 1e9, 1), networkGbps: 0, powerWatts: assumedPowerCurve(Math.max(1, cpus / 2)),
        ...(nodeLabels.length > 0 ? { labels: nodeLabels.filter((l) => l.length <= 64) } : {}),
      };
      m = { input, nodes: [], reserved: { cpu: Math.max(0, cap.cpu - alloc.cpu), memory: Math.max(0, cap.memory - alloc.memory), storage: 0 }, pods: maxPods, count: 0 };
      models.set(modelKey, m);
    }
    m.nodes.push(at(o));
    m.count++;
    nodes.push({ model: m.input.id, site: firstLabel(labels, REGION_KEYS), rack: firstLabel(labels, ZONE_KEYS), reserved: m.reserved, pods: maxPods, from: at(o) });
  }

  const doc: ScenarioInput = emptyScenario(files.length === 1 ? `Kubernetes: ${files[0].name.replace(/^.*[\\/]/, '')}` : `Kubernetes: ${files.length} files`,
    `Imported from ${files.map((f) => f.name.replace(/^.*[\\/]/, '')).join(', ')} (Kubernetes objects).`);
  for (const [, m] of models) {
    reporter.origin(`$.hostModels[${doc.hostModels.length}]`, m.input.id, m.nodes,
      `${m.count} node(s); cores = status.capacity.cpu (logical CPUs, threadsPerCore 1); memoryGiB = status.capacity.memory / 2^30; diskGB = capacity ephemeral-storage / 10^9`);
    doc.hostModels.push(m.input);
  }
  if (models.size > 0) reporter.note(POWER_CURVE_NOTE);

  // Topology: region → site, zone → rack, one host group per model in each.
  const siteIds = ids(), rackIds = ids(), groupIds = ids();
  const sites = new Map<string, { site: SiteInput; racks: Map<string, { id: string; groups: Map<string, { id: string; count: number; from: SourceLocation[] }> }> }>();
  for (const n of nodes) {
    const siteName = n.site || 'cluster';
    let s = sites.get(siteName);
    if (!s) {
      s = { site: { id: siteIds(siteName), name: n.site || 'Cluster (no region label)', kind: n.site ? 'cloud-region' : 'datacenter', racks: [] }, racks: new Map() };
      sites.set(siteName, s);
    }
    const rackName = n.rack || 'no-zone';
    let r = s.racks.get(rackName);
    if (!r) { r = { id: rackIds(n.rack ? n.rack : `${s.site.id}-no-zone`), groups: new Map() }; s.racks.set(rackName, r); }
    let g = r.groups.get(n.model);
    if (!g) { g = { id: groupIds(`${r.id}-${n.model}`), count: 0, from: [] }; r.groups.set(n.model, g); }
    g.count++;
    g.from.push(n.from);
  }
  for (const [, s] of sites) {
    for (const [rackName, r] of s.racks) {
      const rackIndex = s.site.racks.length;
      s.site.racks.push({ id: r.id, name: rackName === 'no-zone' ? 'No zone label' : rackName, hosts: [...r.groups].map(([model, g], gi) => {
        reporter.origin(`$.sites[${doc.sites.length}].racks[${rackIndex}].hosts[${gi}]`, g.id, g.from, `${g.count} node(s) of model ${model}; site = region label, rack = zone label`);
        return { id: g.id, model, count: g.count };
      }) });
    }
    doc.sites.push(s.site);
  }
  const hostCount = nodes.length, rackCount = doc.sites.reduce((n, s) => n + s.racks.length, 0), siteCount = doc.sites.length;

  // Node reservation: capacity − allocatable of the most common node model, plus one pod of every DaemonSet.
  const main = [...models.values()].sort((a, b) => b.count - a.count)[0];
  let dsTotal = ZERO;
  const dsFrom: SourceLocation[] = [];
  let largestDs: { share: number; at: SourceLocation | undefined } = { share: -1, at: undefined };
  for (const [key, ds] of daemonSets) {
    dsTotal = { cpu: dsTotal.cpu + ds.request.cpu, memory: dsTotal.memory + ds.request.memory, storage: 0 };
    dsFrom.push(...ds.pods.slice(0, 1));
    const share = Math.max(ds.request.cpu / 1e7, ds.request.memory / (1e5 * GiB));
    if (share > largestDs.share) largestDs = { share, at: ds.pods[0] };
    reporter.note(`DaemonSet ${key}: ${ds.pods.length} pod(s), ${fmtReq(ds.request)} per node, counted as a per-node reservation (not a service).`);
  }
  // A reservation beyond any host the schema allows (10^4 cores, 10^5 GiB) cannot be planned: name where it came from.
  const checkReservation = (cpuMilli: number, memBytes: number, at: SourceLocation | undefined) => {
    if (at && !(cpuMilli / 1000 <= 1e4 && memBytes / GiB <= 1e5)) {
      throw new ImportError(at, `the per-node reservation (capacity − allocatable plus DaemonSet requests) comes to ${fmtReq({ cpu: cpuMilli, memory: memBytes, storage: 0 })}, more than any node has`);
    }
  };
  if (main) {
    const reservedCpu = main.reserved.cpu + dsTotal.cpu;
    const reservedMem = main.reserved.memory + dsTotal.memory;
    checkReservation(reservedCpu, reservedMem, Math.max(main.reserved.cpu / 1e7, main.reserved.memory / (1e5 * GiB)) > largestDs.share ? main.nodes[0] : largestDs.at);
    doc.deployment = { container: {
      reservationFormula: 'none', evictionHardMiB: 0, maxPodsPerNode: Math.max(1, Math.min(10000, main.pods)),
      systemReserved: { cpuCores: roundUp(reservedCpu / 1000, 3), memoryGiB: roundUp(reservedMem / GiB, 3) },
    } };
    reporter.note(`Node reservation taken from the cluster instead of the GKE formula: capacity − allocatable of the most common node model `
      + `(${main.input.id}: ${fmtReq(main.reserved)}) plus one pod of every DaemonSet (${fmtReq(dsTotal)}) = ${roundUp(reservedCpu / 1000, 3)} cores and `
      + `${roundUp(reservedMem / GiB, 3)} GiB per node (deployment.container.systemReserved, reservationFormula "none", evictionHardMiB 0: `
      + `allocatable already excludes the eviction threshold); max pods per node = allocatable pods (${main.pods}).`);
    const other = [...models.values()].filter((m) => m !== main && (m.reserved.cpu !== main.reserved.cpu || m.reserved.memory !== main.reserved.memory || m.pods !== main.pods));
    if (other.length > 0) {
      reporter.warn(`Node models reserve different amounts (${other.map((m) => `${m.input.id}: ${fmtReq(m.reserved)}, ${m.pods} pods`).join('; ')}); `
        + `the scenario has one reservation for all nodes, that of ${main.input.id}.`);
    }
    reporter.origin('$.deployment.container.systemReserved', 'node-reservation', [...main.nodes.slice(0, 1), ...dsFrom], 'capacity − allocatable of the most common node model + Σ DaemonSet pod requests');
  } else if (daemonSets.size > 0) {
    checkReservation(dsTotal.cpu, dsTotal.memory, largestDs.at);
    doc.deployment = { container: { systemReserved: { cpuCores: roundUp(dsTotal.cpu / 1000, 3), memoryGiB: roundUp(dsTotal.memory / GiB, 3) } } };
  }

  // ---- Services ----
  const tenantIds = ids();
  const tenants = new Map<string, string>();
  const serviceIds = ids();
  const domains: Record<Domain, number> = { host: hostCount, rack: rackCount, site: siteCount };
  let bestEffort = 0;
  let mixed = 0;
  for (const acc of services.values()) {
    let tenant = tenants.get(acc.tenantKey);
    if (!tenant) { tenant = tenantIds(acc.tenantKey); tenants.set(acc.tenantKey, tenant); doc.tenants.push({ id: tenant, name: acc.tenantKey.slice(0, 200) }); }
    const replicas = acc.desired ?? acc.pods.length;
    const id = serviceIds(`${acc.namespace}.${acc.name}`);
    const service: ServiceInput = {
      id, name: `${acc.namespace}/${acc.name}`.slice(0, 200), tenant, replicas: Math.min(replicas, 1e7),
      demand: { cpuCores: round(acc.request.cpu / 1000, 3), memoryGiB: roundUp(acc.request.memory / GiB, 6), diskGB: roundUp(acc.request.storage / 1e9, 3), networkMbps: 0 },
    };
    if (acc.requests.size > 1) mixed++;
    if (acc.bestEffort > 0) bestEffort++;
    const rule = acc.spread[0];
    let spreadText = '';
    if (rule && replicas > 0) {
      const d = Math.max(1, domains[rule.domain]);
      const maxPerDomain = rule.antiAffinity ? 1 : Math.max(1, Math.floor((replicas + (d - 1) * rule.maxSkew) / d));
      service.spread = { domain: rule.domain, maxPerDomain };
      spreadText = `; spread ${rule.domain} ≤ ${maxPerDomain} from ${rule.antiAffinity ? 'required pod anti-affinity' : `topologySpreadConstraints maxSkew ${rule.maxSkew} over ${d} ${rule.domain}s`} (${rule.key})`;
      if (acc.spread.length > 1) ruleNotes.add('a service with several spread rules keeps the first (Hostfit has one spread rule per service)');
    }
    const labels = acc.labels.filter((l) => l.length <= 64);
    if (labels.length < acc.labels.length) ruleNotes.add('node selector labels longer than 64 characters are not modelled');
    if (labels.length > 0) service.requiredHostLabels = labels;
    reporter.origin(`$.services[${doc.services.length}]`, id, acc.pods,
      `${acc.kind} ${acc.namespace}/${acc.name}: replicas = ${replicas} from ${acc.desiredFrom}; demand = effective pod request (${fmtReq(acc.request)}`
      + `${acc.requests.size > 1 ? `, the largest of ${acc.requests.size} different pod requests` : ''})${spreadText}${labels.length ? `; host labels ${labels.join(', ')}` : ''}`);
    doc.services.push(service);
  }
  if (doc.tenants.length === 0) doc.tenants.push({ id: 'default', name: 'default' });
  if (tenantFallbacks > 0) reporter.warn(`${tenantFallbacks} object(s) lack the ${options.tenantFrom} that names the tenant; their namespace is used.`);
  if (bestEffort > 0) reporter.warn(`${bestEffort} service(s) have pods without requests (BestEffort): they pack as zero. Import Prometheus usage into the scenario to size them.`);
  if (mixed > 0) reporter.note(`${mixed} service(s) have pods with different requests (e.g. a rolling update): each uses the largest.`);
  if (requestNotes.fromLimits > 0) reporter.note(`${requestNotes.fromLimits} container resource(s) had a limit but no request: the limit is the request, as the API server defaults it.`);
  if (requestNotes.milliMemory.length > 0) {
    reporter.warn(`Memory given in milli-bytes (the "m" suffix: 0.001 byte), almost certainly meant as Mi: ${requestNotes.milliMemory.slice(0, 5).join('; ')}`
      + `${requestNotes.milliMemory.length > 5 ? ` and ${requestNotes.milliMemory.length - 5} more` : ''}.`);
  }
  for (const n of ruleNotes) reporter.note(`Placement rules: ${n}.`);
  reporter.note('Pods become services by their controller: Pod → ReplicaSet → Deployment, StatefulSet, Job (→ CronJob), bare pods one each; '
    + 'replicas = the controller\'s spec.replicas when it is in the dump, else the pods found; finished pods (Succeeded, Failed) are left out; '
    + 'demand = the effective request (max of app containers + sidecars and the init phase, pod-level resources, + overhead).');

  if (doc.hostModels.length === 0) {
    const pool = defaultHostPool(doc.services, reporter);
    doc.hostModels = pool.hostModels;
    doc.sites = pool.sites;
  }
  return doc;
};
