// `hostfit simulate <scenario> --json`: a scenario simulation as one JSON object, each model's totals flattened
// beside its item and host counts (the container-in-VM column adds `nodeVms`: semantics, node shape and pool),
// its time series only when asked for. Shared by the command and by batches,
// whose result lines carry the same fields.
import type { ScenarioSimulation } from './run';

export function simulationJson(r: ScenarioSimulation, series: boolean): unknown {
  const models = r.models.map((m) => ({ model: m.model, items: m.items, hosts: m.hosts, ...m.totals,
    ...(m.nodeVms ? { nodeVms: m.nodeVms } : {}), ...(series ? { series: m.series } : {}) }));
  return { ...r, models };
}
