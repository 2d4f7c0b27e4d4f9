// The placement behind a plan, per deployment model: which host each VM or pod went to, what each host holds
// and has left, and the lower bound per dimension. Built in the worker from the plan's own answers
// (core/plan/plan.ts planModels: the arena as filled, the options and the outcome of the packing behind each
// number), so the host map never shows a placement other than the one counted. Pods in node VMs are shown on
// the host of their node VM, with the node VM each one runs in.
import { DIMENSIONS } from '../../../core/model/dimensions';
import type { Expansion } from '../../../core/model/expansion';
import { coverCount } from '../../../core/plan/bounds';
import type { ModelAnswer } from '../../../core/plan/plan';
import type { ArenaInputs, PackOptions, PackOutcome } from '../../../core/kernel/packer';

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
  /** The plan started from the LP's split over host models: its decisions are not replayed (options null). */
  readonly lpSplit: boolean;
  /** Pods in node VMs: the node VM of each pod (−1: none), node VMs on each host, and node VMs used. */
  readonly twoLevel: { readonly podNode: Int32Array; readonly nodesOnHost: Int32Array; readonly nodesUsed: number; readonly shape: string } | null;
}

export interface PlacementDetail {
  readonly models: readonly ModelPlacement[];
}

const sum = (groups: readonly { count: number }[]) => groups.reduce((n, g) => n + g.count, 0);

function groupInfos(e: Expansion): { hostGroups: HostGroupInfo[]; itemGroups: ItemGroupInfo[] } {
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
  return { hostGroups, itemGroups };
}

/** Lower bound per dimension over the placed items (and pod slots), as core/plan/bounds.ts computes the volume bound. */
function dimensionBounds(e: Expansion, dims: number, itemDemand: ArrayLike<number>, itemHost: ArrayLike<number>): DimensionBound[] {
  const totals = new Array<number>(dims).fill(0);
  let placed = 0;
  for (let i = 0; i < itemHost.length; i++) {
    if (itemHost[i] < 0) continue;
    placed++;
    for (let d = 0; d < dims; d++) totals[d] += itemDemand[i * dims + d];
  }
  const bounds: DimensionBound[] = DIMENSIONS.slice(0, dims).map((dimension, d) => ({
    dimension, demand: totals[d], largestHost: Math.max(0, ...e.hosts.map((g) => g.allocatable[d])),
    hosts: coverCount(totals[d], e.hosts, (g) => g.allocatable[d]),
  }));
  if (e.hosts.length > 0 && e.hosts.every((g) => g.maxItems > 0)) {
    bounds.push({ dimension: 'items', demand: placed, largestHost: Math.max(...e.hosts.map((g) => g.maxItems)), hosts: coverCount(placed, e.hosts, (g) => g.maxItems) });
  }
  return bounds;
}

function modelPlacement(a: ModelAnswer): ModelPlacement {
  const two = a.twoLevel;
  const { inputs, out, options } = a.hostLevel;
  if (!two) {
    const e = a.hosts.expansion;
    return {
      model: a.plan.id, dims: inputs.dims, ...groupInfos(e),
      rejected: e.rejected.map((x) => ({ serviceId: x.serviceId, count: x.count, detail: x.detail })),
      hostsUsed: a.plan.hostsUsed, itemHost: out.itemHost, itemReason: out.itemReason, itemOrder: out.itemOrder, hostResidual: out.hostResidual,
      hostItems: out.hostItems, bounds: dimensionBounds(e, inputs.dims, inputs.itemDemand, out.itemHost), arena: inputs, outcome: out, options,
      lpSplit: a.hostLevel.lpSplit === true, twoLevel: null,
    };
  }
  // Pods on the hosts of their node VMs; what a host has left is what its node VMs leave of it.
  const e: Expansion = { model: 'container', items: two.pods.items, hosts: two.nodes.hosts, rejected: [] };
  const pods = two.podHost.length;
  const hostItems = new Int32Array(sum(e.hosts));
  for (const h of two.podHost) if (h >= 0) hostItems[h]++;
  const nodesOnHost = new Int32Array(hostItems.length);
  for (let j = 0; j < two.nodes.items.length; j++) if (out.itemHost[j] >= 0) nodesOnHost[out.itemHost[j]]++;
  const itemReason = Int32Array.from({ length: pods }, (_, p) => (two.podHost[p] >= 0 ? 0 : two.podNode[p] < 0 ? two.podLevel.out.itemReason[p] : out.itemReason[two.podNode[p]]));
  const podDemand = new Float64Array(pods * inputs.dims);
  let p = 0;
  for (const g of e.items) for (let k = 0; k < g.count; k++, p++) podDemand.set(g.demand, p * inputs.dims);
  return {
    model: a.plan.id, dims: inputs.dims, ...groupInfos(e), rejected: [], hostsUsed: a.plan.hostsUsed, itemHost: two.podHost, itemReason,
    itemOrder: two.podLevel.out.itemOrder, hostResidual: out.hostResidual, hostItems, bounds: dimensionBounds(e, inputs.dims, podDemand, two.podHost),
    arena: two.podLevel.inputs, outcome: two.podLevel.out, options: null, lpSplit: false,
    twoLevel: { podNode: two.podNode, nodesOnHost, nodesUsed: two.nodes.items.length,
      shape: `${two.shape.vcpus} vCPU / ${two.shape.memoryGiB} GiB / ${two.shape.diskGB} GB` },
  };
}

/** The placement behind every model the plan answered (planModels), the searched best node shape included. */
export function placementDetail(answers: readonly ModelAnswer[]): PlacementDetail {
  return { models: answers.map(modelPlacement) };
}

/** Buffers to transfer (not copy) to the UI thread, each once. */
export function transferables(detail: PlacementDetail): ArrayBuffer[] {
  const buffers = new Set<ArrayBuffer>();
  for (const m of detail.models) {
    for (const v of [...Object.values(m.arena), ...Object.values(m.outcome), ...Object.values(m.twoLevel ?? {})]) {
      if (ArrayBuffer.isView(v) && v.buffer.byteLength > 0) buffers.add(v.buffer as ArrayBuffer);
    }
  }
  return [...buffers];
}
