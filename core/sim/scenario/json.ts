// `hostfit simulate <scenario> --json`: a scenario simulation as one JSON object, each model's totals flattened
// beside its item and host counts (the container-in-VM column adds its node pool the same way: semantics, shape and
// where it came from, node VMs created, removed, peak and mean, so batch tables get them as columns),
// its time series only when asked for. Shared by the command and by batches,
// whose result lines carry the same fields.
import type { ScenarioSimulation } from './run';

export function simulationJson(r: ScenarioSimulation, series: boolean): unknown {
  const models = r.models.map((m) => ({ model: m.model, items: m.items, hosts: m.hosts, ...m.totals,
    ...m.nodeVms, ...(series ? { series: m.series } : {}) }));
  return { ...r, models };
}
