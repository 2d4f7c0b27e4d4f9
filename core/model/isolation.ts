// Isolation between tenants. A service states the weakest boundary it accepts between itself and other
// tenants' workloads; each deployment model offers a boundary between two instances of different tenants
// depending on how close they are placed, and the planner turns an unmet requirement into a placement rule:
//
//   where two instances meet     VM model   container model          container-in-VM
//   same kernel / node VM        —          runtime boundary (runc:  runtime boundary
//                                           shared kernel; gVisor,
//                                           Kata: sandbox)
//   same host, other VM          vm         —                        vm
//   other host                   dedicated-host (always)
//
// Rule: the cheapest closeness whose boundary ranks at least as strong as the requirement. Sharing freely →
// 'none'; else, in container-in-VM, node VMs of the tenant's own → 'node-exclusive'; else hosts of the
// tenant's own → 'host-exclusive'. The ranking is editable (scenario deployment.isolation.ranking, strongest
// first); the schema keeps dedicated-host strongest, so 'host-exclusive' always satisfies a requirement.
import type { IsolationBoundary, IsolationModelParams, Scenario } from '../scenario/schema';
import { runtimeFamily } from './platforms/runtimes';

export type PlacementRule = 'none' | 'node-exclusive' | 'host-exclusive';
export type ComparedModel = 'vm' | 'container' | 'container-in-vm';

/** Strength of a boundary under the ranking: higher is stronger (strongest = ranking length). */
export function boundaryStrength(ranking: readonly IsolationBoundary[], b: IsolationBoundary): number {
  return ranking.length - ranking.indexOf(b);
}

/** Boundary between two pods of different tenants sharing one kernel, for the scenario's runtime class. */
export function podBoundary(scenario: Scenario): IsolationBoundary {
  return scenario.deployment.isolation.runtimeBoundary[runtimeFamily(scenario.deployment.container.runtimeClass)];
}

/** Boundaries a model offers, from the closest placement to the farthest (the last is always dedicated-host). */
export function offeredBoundaries(model: ComparedModel, scenario: Scenario): readonly { rule: PlacementRule; boundary: IsolationBoundary }[] {
  const apart = { rule: 'host-exclusive' as const, boundary: 'dedicated-host' as const };
  if (model === 'vm') return [{ rule: 'none', boundary: 'vm' }, apart];
  if (model === 'container') return [{ rule: 'none', boundary: podBoundary(scenario) }, apart];
  return [{ rule: 'none', boundary: podBoundary(scenario) }, { rule: 'node-exclusive', boundary: 'vm' }, apart];
}

/** The placement rule that gives `required` in `model`. */
export function placementRule(model: ComparedModel, required: IsolationBoundary, scenario: Scenario): PlacementRule {
  const ranking = scenario.deployment.isolation.ranking;
  const need = boundaryStrength(ranking, required);
  const offer = offeredBoundaries(model, scenario).find((o) => boundaryStrength(ranking, o.boundary) >= need);
  return offer ? offer.rule : 'host-exclusive';
}

/** Ranking as printed for the planner: "dedicated-host > vm > sandbox > shared-kernel". */
export function describeRanking(p: IsolationModelParams): string {
  return p.ranking.join(' > ');
}
