// What a deployment model turns a scenario into: groups of identical placement items and groups of identical
// hosts, both in kernel units. Groups (not one object per replica) keep 10^6-replica scenarios cheap.
import type { Vector } from './dimensions';

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
