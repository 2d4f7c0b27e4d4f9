// A scenario's services by id, built once per services array. The plan looks services up in many places (each node
// shape it tries, each level, each bound); for 10^4 services each rebuild cost 1.2–1.9 ms, and a container-in-VM
// plan of bench ui's 10^4-service catalogue made 184 of them (counted). Scenarios are edited by copying (core/edit), never in place; the length check still catches an
// array that grew.
import type { Scenario } from './schema';

type Service = Scenario['services'][number];

const built = new WeakMap<readonly Service[], { length: number; byId: ReadonlyMap<string, Service> }>();

export function servicesById(scenario: Pick<Scenario, 'services'>): ReadonlyMap<string, Service> {
  const services = scenario.services;
  const seen = built.get(services);
  if (seen && seen.length === services.length) return seen.byId;
  const byId = new Map(services.map((s) => [s.id, s]));
  built.set(services, { length: services.length, byId });
  return byId;
}
