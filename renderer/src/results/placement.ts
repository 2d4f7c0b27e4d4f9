// The placement behind a plan, per deployment model: which host each VM or pod went to, what each host holds
// and has left, and the lower bound per dimension. Built in the worker from the packer's own recorded arrays
// (workers/recording-packer.ts) and the deployment model's expansion (to name hosts and services); only
// offered when the two agree, so the host map never shows a placement other than the one counted.
import { DIMENSIONS } from '../../../core/model/dimensions';
import { expandContainer } from '../../../core/model/container';
import type { Expansion } from '../../../core/model/expansion';
import { expandVm } from '../../../core/model/vm';
import { coverCount } from '../../../core/plan/bounds';
import type { PlanResult } from '../../../core/plan/plan';
import type { Scenario } from '../../../core/scenario/schema';
import type { ArenaInputs, PackOptions, PackOutcome } from '../../../core/kernel/packer';
import type { PackRecording } from '../workers/recording-packer';

export interface HostGroupInfo {
  readonly groupId: string;
  readonly siteId: string;
  readonly rackId: string;
  readonly modelId: string;
  readonly count: number;
  /** Index of the group's first host in the pool. */
  readonly start: number;
  readonly allocatable: readonly number[];
  readonly physical: readonly number[];
  readonly maxItems: number;
}

export interface ItemGroupInfo {
  readonly serviceId: string;
  readonly tenant: string;
  readonly count: number;
  /** Index of the group's first item. */
  readonly start: number;
  readonly demand: readonly number[];
  readonly workload: readonly number[];
  readonly flavour?: string;
}

export interface DimensionBound {
  /** A resource dimension, or 'items' for pod slots. */
  readonly dimension: string;
  /** Total demand of the placed items, kernel units (items: count). */
  readonly demand: number;
  /** Largest allocatable capacity of one host in this dimension. */
  readonly largestHost: number;
  readonly hosts: number | null;
}

export interface ModelPlacement {
  readonly model: string;
  readonly dims: number;
  readonly hostGroups: readonly HostGroupInfo[];
  readonly itemGroups: readonly ItemGroupInfo[];
  readonly rejected: readonly { readonly serviceId: string; readonly count: number; readonly detail: string }[];
  readonly hostsUsed: number;
  readonly itemHost: Int32Array;
  readonly itemReason: Int32Array;
  readonly itemOrder: Int32Array;
  readonly hostResidual: Float64Array;
  readonly hostItems: Int32Array;
  readonly bounds: readonly DimensionBound[];
  /** The packing itself, for replaying any decision (core/pack/explain.ts); null options: not replayable. */
  readonly arena: ArenaInputs;
  readonly outcome: PackOutcome;
  readonly options: PackOptions | null;
}

export interface PlacementDetail {
  readonly models: readonly ModelPlacement[];
}

const EXPANDERS: Record<string, (s: Scenario) => Expansion> = { vm: expandVm, container: expandContainer };

const sum = (groups: readonly { count: number }[]) => groups.reduce((n, g) => n + g.count, 0);

function sameCapacities(e: Expansion, a: ArenaInputs): boolean {
  let h = 0;
  for (const g of e.hosts) {
    for (let k = 0; k < g.count; k++, h++) {
      for (let d = 0; d < a.dims; d++) if (a.hostCapacity[h * a.dims + d] !== g.allocatable[d]) return false;
    }
  }
  return true;
}

function modelPlacement(e: Expansion, { arena: a, outcome: o, options }: PackRecording, hostsUsed: number): ModelPlacement | null {
  if (a.hosts !== sum(e.hosts) || a.items !== sum(e.items) || o.hostsUsed !== hostsUsed || !sameCapacities(e, a)) return null;
  let start = 0;
  const hostGroups = e.hosts.map((g) => {
    const info: HostGroupInfo = { groupId: g.groupId, siteId: g.siteId, rackId: g.rackId, modelId: g.modelId, count: g.count, start,
      allocatable: [...g.allocatable], physical: [...g.physical], maxItems: g.maxItems };
    start += g.count;
    return info;
  });
  start = 0;
  const itemGroups = e.items.map((g) => {
    const info: ItemGroupInfo = { serviceId: g.serviceId, tenant: g.tenant, count: g.count, start, demand: [...g.demand], workload: [...g.workload], flavour: g.flavour };
    start += g.count;
    return info;
  });
  // Lower bound per dimension over the placed items, as core/plan/bounds.ts computes it.
  const totals = new Array<number>(a.dims).fill(0);
  let placed = 0;
  for (let i = 0; i < a.items; i++) {
    if (o.itemHost[i] < 0) continue;
    placed++;
    for (let d = 0; d < a.dims; d++) totals[d] += a.itemDemand[i * a.dims + d];
  }
  const bounds: DimensionBound[] = DIMENSIONS.slice(0, a.dims).map((dimension, d) => ({
    dimension, demand: totals[d], largestHost: Math.max(0, ...e.hosts.map((g) => g.allocatable[d])),
    hosts: coverCount(totals[d], e.hosts, (g) => g.allocatable[d]),
  }));
  if (e.hosts.length > 0 && e.hosts.every((g) => g.maxItems > 0)) {
    bounds.push({ dimension: 'items', demand: placed, largestHost: Math.max(...e.hosts.map((g) => g.maxItems)), hosts: coverCount(placed, e.hosts, (g) => g.maxItems) });
  }
  return {
    model: e.model, dims: a.dims, hostGroups, itemGroups,
    rejected: e.rejected.map((x) => ({ serviceId: x.serviceId, count: x.count, detail: x.detail })),
    hostsUsed, itemHost: o.itemHost, itemReason: o.itemReason, itemOrder: o.itemOrder, hostResidual: o.hostResidual, hostItems: o.hostItems,
    bounds, arena: a, outcome: o, options,
  };
}

/** The placement of every model the plan packed once each; models that cannot be matched are left out. */
export function placementDetail(scenario: Scenario, result: PlanResult, recordings: readonly PackRecording[]): PlacementDetail {
  if (recordings.length !== result.models.length) return { models: [] };
  const models: ModelPlacement[] = [];
  result.models.forEach((m, k) => {
    const expand = EXPANDERS[m.model];
    if (!expand) return;
    const mp = modelPlacement(expand(scenario), recordings[k], m.hostsUsed);
    if (mp) models.push(mp);
  });
  return { models };
}

/** Buffers to transfer (not copy) to the UI thread, each once. */
export function transferables(detail: PlacementDetail): ArrayBuffer[] {
  const buffers = new Set<ArrayBuffer>();
  for (const m of detail.models) {
    for (const v of [...Object.values(m.arena), ...Object.values(m.outcome)]) {
      if (ArrayBuffer.isView(v) && v.buffer.byteLength > 0) buffers.add(v.buffer as ArrayBuffer);
    }
  }
  return [...buffers];
}
