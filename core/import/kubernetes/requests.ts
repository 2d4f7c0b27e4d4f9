// The effective request of a pod: what the kube-scheduler reserves for it, computed as
// k8s.io/component-helpers/resource.PodRequests does (https://kubernetes.io/docs/concepts/resource-management/effective-pod-requests-limits/):
//   run phase  = Σ app containers + Σ restartable ("sidecar") init containers
//   init phase = max over init containers i of (its request + Σ sidecars declared before it);
//                a sidecar's own entry is the running sum of sidecars up to and including it
//   request    = max(run phase, init phase) per resource; pod-level spec.resources.requests, when set,
//                replace it for cpu and memory; then + spec.overhead (RuntimeClass).
// A container with a limit but no request gets the limit as its request, as the API server defaults it
// (manifests that never went through the API server lack that defaulting).
import { ImportError } from '../types';
import { isObject, type Json, type K8sObject } from './objects';
import { milliValue, unitValue } from './quantity';

/** cpu in millicores; memory and ephemeral storage in bytes. */
export interface Resources {
  cpu: number;
  memory: number;
  storage: number;
}

export const ZERO: Resources = { cpu: 0, memory: 0, storage: 0 };
const add = (a: Resources, b: Resources): Resources => ({ cpu: a.cpu + b.cpu, memory: a.memory + b.memory, storage: a.storage + b.storage });
const max = (a: Resources, b: Resources): Resources => ({ cpu: Math.max(a.cpu, b.cpu), memory: Math.max(a.memory, b.memory), storage: Math.max(a.storage, b.storage) });

export interface RequestNotes {
  /** A memory quantity with the milli suffix ("100m" = 0.1 byte): legal, almost always a typo for Mi. */
  milliMemory: string[];
  /** Requests defaulted from limits. */
  fromLimits: number;
}

/** Reads a ResourceList ({cpu, memory, ephemeral-storage, …}) at `sub` inside `o`. Bad quantities are ImportErrors. */
export function resourceList(o: K8sObject, list: unknown, sub: string, notes?: RequestNotes): Partial<Resources> {
  if (list === undefined || list === null) return {};
  if (!isObject(list)) throw new ImportError({ file: o.file, where: `${o.path}${sub}` }, 'expected a map of resource quantities');
  const out: Partial<Resources> = {};
  const cpu = readQuantity(o, list, sub, 'cpu', true, notes);
  const memory = readQuantity(o, list, sub, 'memory', false, notes);
  const storage = readQuantity(o, list, sub, 'ephemeral-storage', false, notes);
  if (cpu !== undefined) out.cpu = cpu;
  if (memory !== undefined) out.memory = memory;
  if (storage !== undefined) out.storage = storage;
  return out;
}

function readQuantity(o: K8sObject, list: Json, sub: string, key: string, milli: boolean, notes?: RequestNotes): number | undefined {
  const raw = list[key];
  if (raw === undefined || raw === null) return undefined;
  const r = milli ? milliValue(raw) : unitValue(raw);
  if (!r.ok || r.value < 0 || (!milli && r.quantity.suffix === 'm' && key === 'memory' && notes)) {
    const where = `${o.path}${sub}${/^[A-Za-z_][\w]*$/.test(key) ? `.${key}` : `[${JSON.stringify(key)}]`}`;
    if (!r.ok) throw new ImportError({ file: o.file, where }, r.message);
    if (r.value < 0) throw new ImportError({ file: o.file, where }, `a resource quantity cannot be negative ("${String(raw)}")`);
    notes?.milliMemory.push(`${o.file}: ${where} = "${String(raw)}"`);
  }
  return r.value;
}

/** A container's requests, limits standing in for missing requests. */
function containerRequests(o: K8sObject, c: unknown, sub: string, notes?: RequestNotes): Resources {
  if (!isObject(c)) throw new ImportError({ file: o.file, where: `${o.path}${sub}` }, 'expected a container object');
  const res = c.resources;
  if (res === undefined || res === null) return ZERO;
  if (!isObject(res)) throw new ImportError({ file: o.file, where: `${o.path}${sub}.resources` }, 'expected {requests, limits}');
  const requests = resourceList(o, res.requests, `${sub}.resources.requests`, notes);
  const limits = resourceList(o, res.limits, `${sub}.resources.limits`, notes);
  return { cpu: pick(requests, limits, 'cpu', notes), memory: pick(requests, limits, 'memory', notes), storage: pick(requests, limits, 'storage', notes) };
}

function pick(requests: Partial<Resources>, limits: Partial<Resources>, k: keyof Resources, notes?: RequestNotes): number {
  if (requests[k] !== undefined) return requests[k] as number;
  if (limits[k] !== undefined) { if (notes) notes.fromLimits++; return limits[k] as number; }
  return 0;
}

function containers(o: K8sObject, spec: Json, key: 'containers' | 'initContainers', sub: string): unknown[] {
  const list = spec[key];
  if (list === undefined || list === null) return [];
  if (!Array.isArray(list)) throw new ImportError({ file: o.file, where: `${o.path}${sub}.${key}` }, 'expected an array of containers');
  return list;
}

/**
 * The effective request of the pod spec found at `sub` inside `o` (`.spec` for a pod,
 * `.spec.template.spec` for a workload's template).
 */
export function effectiveRequest(o: K8sObject, spec: unknown, sub: string, notes?: RequestNotes): Resources {
  if (!isObject(spec)) throw new ImportError({ file: o.file, where: `${o.path}${sub}` }, 'expected a pod spec');
  let run = ZERO;
  const apps = containers(o, spec, 'containers', sub);
  for (let i = 0; i < apps.length; i++) run = add(run, containerRequests(o, apps[i], `${sub}.containers[${i}]`, notes));
  let sidecars = ZERO;
  let init = ZERO;
  const inits = containers(o, spec, 'initContainers', sub);
  for (let i = 0; i < inits.length; i++) {
    const c = inits[i];
    const r = containerRequests(o, c, `${sub}.initContainers[${i}]`, notes);
    if (isObject(c) && c.restartPolicy === 'Always') {
      run = add(run, r);
      sidecars = add(sidecars, r);
      init = max(init, sidecars);
    } else {
      init = max(init, add(r, sidecars));
    }
  }
  let request = max(run, init);
  const podLevel = isObject(spec.resources) ? spec.resources : undefined;
  if (podLevel) {
    const req = resourceList(o, podLevel.requests, `${sub}.resources.requests`, notes);
    const lim = resourceList(o, podLevel.limits, `${sub}.resources.limits`, notes);
    // Pod-level resources support cpu and memory; a missing request defaults to the limit.
    const cpu = req.cpu ?? lim.cpu;
    const memory = req.memory ?? lim.memory;
    request = { ...request, ...(cpu !== undefined ? { cpu } : {}), ...(memory !== undefined ? { memory } : {}) };
  }
  const overhead = resourceList(o, spec.overhead, `${sub}.overhead`, notes);
  return add(request, { cpu: overhead.cpu ?? 0, memory: overhead.memory ?? 0, storage: overhead.storage ?? 0 });
}
