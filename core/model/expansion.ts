// What a deployment model turns a scenario into: groups of identical placement items and groups of identical
// hosts, both in kernel units. Groups (not one object per replica) keep 10^6-replica scenarios cheap.
import type { Vector } from './dimensions';

/**
 * What one item's packed demand is made of, per dimension in kernel units. The parts of an item add up to its
 * `demand` exactly (integers), which is what lets the overhead breakdown sum to host capacity exactly.
 *   workload        what the service asked for
 *   guestOs         guest operating system of a VM
 *   hypervisor      per-VM hypervisor memory and CPU / I/O virtualisation overhead
 *   runtime         Pod Overhead of the runtime class (pause container, sandbox)
 *   sidecars        service-mesh sidecar requests
 *   flavourRounding flavour size beyond what the guest needs
 *   reservations    node reservations inside a node VM (container-in-VM)
 *   nodeFree        allocatable space inside a node VM that no pod uses (container-in-VM)
 */
export const ITEM_PARTS = ['workload', 'guestOs', 'hypervisor', 'runtime', 'sidecars', 'flavourRounding', 'reservations', 'nodeFree'] as const;
export type ItemPart = (typeof ITEM_PARTS)[number];
export type ItemParts = Readonly<Partial<Record<ItemPart, Vector>>>;

export type DeploymentModel = 'vm' | 'container';
export const DEPLOYMENT_MODELS: readonly DeploymentModel[] = ['vm', 'container'];

export interface ItemGroup {
  readonly serviceId: string;
  readonly tenant: string;
  /** Number of identical items (replicas). */
  readonly count: number;
  /** Demand of one item as packed, overheads included. */
  readonly demand: Vector;
  /** Workload demand of one item before model overheads (what the service itself asked for). */
  readonly workload: Vector;
  /** VM flavour the replica was rounded up to (VM model only). */
  readonly flavour?: string;
  /** What `demand` is made of (sums to it exactly); absent means all workload. */
  readonly parts?: ItemParts;
}

export interface HostGroup {
  readonly groupId: string;
  readonly siteId: string;
  readonly rackId: string;
  readonly modelId: string;
  readonly count: number;
  /** Capacity one host of the group offers to items under this model (after reservations, overcommit). */
  readonly allocatable: Vector;
  /** Raw hardware capacity of one host. */
  readonly physical: Vector;
  /** Item limit per host, 0 = none. */
  readonly maxItems: number;
  /**
   * Capacity held back per host (hypervisor or node reservation, eviction threshold) and capacity created by
   * overcommit, so that physical − reserved + overcommit = allocatable exactly. Absent means zero.
   */
  readonly reserved?: Vector;
  readonly overcommit?: Vector;
}

/** A replica the model could not even turn into an item (e.g. no VM flavour is large enough). */
export interface Rejection {
  readonly serviceId: string;
  readonly count: number;
  readonly reason: 'no-flavour';
  readonly detail: string;
}

export interface Expansion {
  readonly model: DeploymentModel;
  readonly items: readonly ItemGroup[];
  readonly hosts: readonly HostGroup[];
  readonly rejected: readonly Rejection[];
}
