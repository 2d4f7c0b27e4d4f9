// The optimisation problem a run solved, stated with this run's numbers so a planner can defend them:
//   minimise   Σ_h y_h                                   (hosts switched on)
//   subject to Σ_h x_ih ≤ 1                  ∀ i        (each VM/pod on at most one host; unplaced ones are reported)
//              Σ_i a_id x_ih ≤ C_hd y_h      ∀ h, d     (capacity in every resource dimension)
//              Σ_i x_ih ≤ P_h                ∀ h with a pod limit
//              tenant exclusivity            ∀ isolated tenant, h (hosts kept to one tenant)
//              x_ih, y_h ∈ {0, 1}
// Containers in VMs are two such problems in a row: pods into node VMs, then node VMs onto hosts.
// Counts come from the scenario and the result; every model is planned under every rule (core/plan), pods in
// node VMs with each rule at the level it speaks of.
import { DIMENSIONS } from '../../../core/model/dimensions';
import type { Scenario } from '../../../core/scenario/schema';
import { baseModel, type ShownModel } from './models';
import type { ModelPlacement } from './placement';

export interface ConstraintCount {
  /** i18n key under `statement.constraint`. */
  readonly kind: 'assignment' | 'capacity' | 'podLimit' | 'spread' | 'isolation' | 'nodes';
  readonly count: number;
  /** The run enforced this rule (false: declared in the scenario, not enforced by this engine). */
  readonly enforced: boolean;
}

export interface ModelStatement {
  readonly id: string;
  /** Items packed (VMs or pods that reached the packer). */
  readonly items: number;
  readonly hosts: number;
  /** Resource dimensions in which some host offers capacity. */
  readonly dimensions: readonly string[];
  readonly variables: { readonly assignment: number; readonly hostOn: number };
  readonly constraints: readonly ConstraintCount[];
  /** Replicas turned away before packing (no VM flavour holds them). */
  readonly rejected: number;
  /** Container-in-VM: node VMs the first level opened. */
  readonly nodes: number | null;
  readonly hostsUsed: number;
  readonly bound: ShownModel['lowerBound'];
  readonly gap: number | null;
}

/** Domains (hosts, racks or sites) a spread rule ranges over. */
function domainsOf(s: Scenario, domain: string): number {
  if (domain === 'site') return s.sites.length;
  if (domain === 'rack') return s.sites.reduce((n, x) => n + x.racks.length, 0);
  return s.sites.reduce((n, x) => n + x.racks.reduce((m, r) => m + r.hosts.reduce((k, g) => k + g.count, 0), 0), 0);
}

export function modelStatement(s: Scenario, m: ShownModel, placement: ModelPlacement | undefined): ModelStatement {
  const rejected = m.unplacedBy.noFlavour;
  const items = m.instances - rejected;
  const hosts = m.hostsInPool;
  const dimensions = placement ? DIMENSIONS.filter((_, d) => placement.hostGroups.some((g) => g.allocatable[d] > 0)) : [...DIMENSIONS];
  const nodes = m.full?.nodes?.nodesUsed ?? null;
  const constraints: ConstraintCount[] = [
    { kind: 'assignment', count: items, enforced: true },
    { kind: 'capacity', count: hosts * dimensions.length, enforced: true },
  ];
  if (nodes !== null) constraints.push({ kind: 'nodes', count: nodes * dimensions.length, enforced: true });
  const limited = placement ? placement.hostGroups.filter((g) => g.maxItems > 0).reduce((n, g) => n + g.count, 0)
    : baseModel(m.id) === 'container' ? hosts : 0;
  if (limited > 0) constraints.push({ kind: 'podLimit', count: limited, enforced: true });
  const withSpread = s.services.filter((x) => x.spread && x.replicas > 0);
  const spreadRows = withSpread.reduce((n, x) => n + domainsOf(s, x.spread!.domain), 0);
  if (spreadRows > 0) constraints.push({ kind: 'spread', count: spreadRows, enforced: true });
  // Isolation: instances that need a host (or node VM) of their own tenant; one row per such instance and host.
  const exclusive = m.full ? m.full.isolation.rules['host-exclusive'] + m.full.isolation.rules['node-exclusive'] : 0;
  const isolated = s.services.filter((x) => x.replicas > 0 && x.isolation !== 'shared-kernel').length;
  if (isolated > 0) constraints.push({ kind: 'isolation', count: m.full ? exclusive * hosts : isolated * hosts, enforced: true });
  return {
    id: m.id, items, hosts, dimensions,
    variables: { assignment: items * (nodes ?? hosts) + (nodes !== null ? nodes * hosts : 0), hostOn: hosts },
    constraints, rejected, nodes, hostsUsed: m.hostsUsed, bound: m.lowerBound, gap: m.gap,
  };
}
