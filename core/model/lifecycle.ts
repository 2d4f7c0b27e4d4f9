// Instance lifecycle (the seed's create → allocate → run → reclaim), per deployment model, with how long
// each state lasts and how much of the instance's packed demand its host holds meanwhile. The static compare
// reports these; the dynamic simulation uses them for scale-out delays, capacity held while booting and
// relocation costs.
//
//   state     VM                                 container (pod)
//   create    provision (scheduling, disk)       image pull               holds nothing yet
//   allocate  boot                               start (per runtime)      holds the full demand, no useful work
//   run       open-ended                         open-ended               holds the full demand
//   reclaim   shutdown                           graceful stop            holds the full demand until done
//
// Relocation differs in kind: a VM moves by live migration (time = memory / migration bandwidth, held on both
// hosts meanwhile, CPU degraded); a pod is restarted elsewhere (stop, then pull and start: no live migration,
// the service instance is down for the whole time).
import type { ContainerInVmModelParams, ContainerModelParams, VmModelParams } from '../scenario/schema';
import { runtimeFamily } from './platforms/runtimes';

export const LIFECYCLE_STATES = ['create', 'allocate', 'run', 'reclaim'] as const;
export type LifecycleState = (typeof LIFECYCLE_STATES)[number];

export interface LifecyclePhase {
  readonly state: LifecycleState;
  /** Duration in seconds; null for run (as long as the instance is wanted). */
  readonly seconds: number | null;
  /** Share of the packed demand held on the host during the state. */
  readonly holds: 0 | 1;
  /** What happens, in the planner's words. */
  readonly what: string;
}

export function vmLifecycle(p: VmModelParams): readonly LifecyclePhase[] {
  return [
    { state: 'create', seconds: p.provisionSeconds, holds: 0, what: 'schedule, attach network and root disk' },
    { state: 'allocate', seconds: p.bootSeconds, holds: 1, what: 'boot the guest OS' },
    { state: 'run', seconds: null, holds: 1, what: 'serve' },
    { state: 'reclaim', seconds: p.shutdownSeconds, holds: 1, what: 'shut the guest down, free the host' },
  ];
}

export function podLifecycle(p: ContainerModelParams): readonly LifecyclePhase[] {
  return [
    { state: 'create', seconds: p.imagePullSeconds, holds: 0, what: 'schedule and pull the image' },
    { state: 'allocate', seconds: p.startSeconds[runtimeFamily(p.runtimeClass)], holds: 1, what: `start the containers (${p.runtimeClass})` },
    { state: 'run', seconds: null, holds: 1, what: 'serve' },
    { state: 'reclaim', seconds: p.stopSeconds, holds: 1, what: 'graceful termination, free the node' },
  ];
}

/** A node VM of container-in-VM: a VM that then joins the cluster before it takes pods. */
export function nodeVmLifecycle(vm: VmModelParams, c: ContainerInVmModelParams): readonly LifecyclePhase[] {
  return vmLifecycle(vm).map((ph) => (ph.state === 'allocate'
    ? { ...ph, seconds: vm.bootSeconds + c.nodeJoinSeconds, what: 'boot the node VM and join the cluster' }
    : ph));
}

/** Seconds from asking for an instance to it serving (create + allocate). */
export function startupSeconds(phases: readonly LifecyclePhase[]): number {
  return phases.filter((ph) => ph.state === 'create' || ph.state === 'allocate').reduce((t, ph) => t + (ph.seconds ?? 0), 0);
}

/**
 * Live-migration time of a VM with `memoryMiB` over a host link of `networkMbps`: memory / (link × share).
 * One pre-copy round, as in Beloglazov & Buyya (2012). Null when the host has no network to migrate over.
 */
export function liveMigrationSeconds(memoryMiB: number, networkMbps: number, p: VmModelParams): number | null {
  const mbps = networkMbps * p.liveMigration.bandwidthShare;
  return mbps > 0 ? (memoryMiB * 8 * 1.048576) / mbps : null;
}

export interface Relocation {
  readonly kind: 'live-migration' | 'restart';
  /** Seconds the move takes. */
  readonly seconds: number;
  /** Seconds the instance does not serve (0 for live migration: it runs degraded instead). */
  readonly downtimeSeconds: number;
  /** Share of CPU performance lost while moving (live migration only). */
  readonly degradation: number;
  /** Capacity held on both the old and the new host while moving. */
  readonly heldTwice: boolean;
}

export function vmRelocation(memoryMiB: number, networkMbps: number, p: VmModelParams): Relocation | null {
  const seconds = liveMigrationSeconds(memoryMiB, networkMbps, p);
  return seconds === null ? null : { kind: 'live-migration', seconds, downtimeSeconds: 0, degradation: p.liveMigration.degradation, heldTwice: true };
}

/** Rescheduling a pod = stop it, then pull and start it elsewhere. */
export function podRelocation(p: ContainerModelParams): Relocation {
  const seconds = p.stopSeconds + p.imagePullSeconds + p.startSeconds[runtimeFamily(p.runtimeClass)];
  return { kind: 'restart', seconds, downtimeSeconds: seconds, degradation: 0, heldTwice: false };
}
