// Simulates a scenario's services over their traces under the VM model (live migration) and the container
// model (restart elsewhere), side by side, with the policy of its `simulation` section. One function for
// the CLI, the renderer's worker, tests and benchmarks.
import { SIM_OK } from '../../../assembly/sim/abi';
import type { Packer } from '../../kernel/packer';
import { expandContainer } from '../../model/container';
import type { DeploymentModel, Expansion } from '../../model/expansion';
import { expandVm } from '../../model/vm';
import { encodeExpansion } from '../../plan/encode';
import { formatPath, type Scenario } from '../../scenario/schema';
import { simSeries, simTotals, type SimSeries, type SimTotals } from '../metrics';
import { parsePolicy, type Policy } from '../policy';
import { parseQuirkNames } from '../quirks';
import type { Simulator } from '../spec';
import { encodeScenario, loadScenario, type ScenarioSimError } from './encode';
import { simulationSchema, tracesSchema, type SimulationSettings, type Trace } from './schema';

export interface ModelSimulation {
  readonly model: DeploymentModel;
  /** VMs or pods simulated, and hosts in the pool. */
  readonly items: number;
  readonly hosts: number;
  readonly totals: SimTotals;
  readonly series: SimSeries;
}

export interface ScenarioSimulation {
  readonly scenario: string;
  readonly policy: string;
  readonly simulator: Simulator['name'];
  readonly intervalSeconds: number;
  readonly models: readonly ModelSimulation[];
}

export type ScenarioSimOutcome =
  | { readonly ok: true; readonly result: ScenarioSimulation }
  | { readonly ok: false; readonly errors: readonly ScenarioSimError[] };

const EXPANDERS: Record<DeploymentModel, (s: Scenario) => Expansion> = { vm: expandVm, container: expandContainer };

/** Reads and validates the scenario's `traces` and `simulation` sections (JSON-path errors). */
export function simulationInputs(scenario: Scenario): { traces: Trace[]; settings: SimulationSettings } | ScenarioSimError[] {
  const doc = scenario as unknown as { traces?: unknown; simulation?: unknown };
  const errors: ScenarioSimError[] = [];
  const t = tracesSchema.safeParse(doc.traces ?? []);
  if (!t.success) t.error.issues.forEach((i) => errors.push({ where: formatPath(['traces', ...i.path]), message: i.message }));
  const s = simulationSchema.safeParse(doc.simulation ?? {});
  if (!s.success) s.error.issues.forEach((i) => errors.push({ where: formatPath(['simulation', ...i.path]), message: i.message }));
  if (!t.success || !s.success) return errors;
  const ids = new Set<string>();
  t.data.forEach((tr, k) => {
    if (ids.has(tr.id)) errors.push({ where: `$.traces[${k}].id`, message: `duplicate trace id "${tr.id}"` });
    ids.add(tr.id);
  });
  return errors.length > 0 ? errors : { traces: t.data, settings: s.data };
}

export interface ScenarioSimOptions {
  /** Overrides the scenario's simulation.policy. */
  readonly policy?: Policy;
  readonly models?: readonly DeploymentModel[];
  /** Needed for initialPlacement "static-plan" (hybrid): the placement engine's packer (FFD is used). */
  readonly packer?: Pick<Packer, 'reserve' | 'firstFitDecreasing'>;
}

export function simulateScenario(scenario: Scenario, sim: Simulator, options: ScenarioSimOptions = {}): ScenarioSimOutcome {
  const inputs = simulationInputs(scenario);
  if (Array.isArray(inputs)) return { ok: false, errors: inputs };
  const { traces, settings } = inputs;
  const policy = options.policy ?? parsePolicy(settings.policy);
  if (typeof policy === 'string') return { ok: false, errors: [{ where: '$.simulation.policy', message: policy }] };
  const quirks = parseQuirkNames(settings.quirks.join(','));
  if (typeof quirks === 'string') return { ok: false, errors: [{ where: '$.simulation.quirks', message: quirks }] };
  if (settings.initialPlacement === 'static-plan' && !options.packer) {
    return { ok: false, errors: [{ where: '$.simulation.initialPlacement', message: 'static-plan needs the placement engine (no packer given)' }] };
  }
  const models: ModelSimulation[] = [];
  for (const model of options.models ?? ['vm', 'container'] as const) {
    const e = EXPANDERS[model](scenario);
    let plan: Int32Array | undefined;
    if (settings.initialPlacement === 'static-plan' && options.packer) {
      encodeExpansion(e, options.packer as Packer);
      plan = options.packer.firstFitDecreasing(scenario.policy.sizeKey).itemHost.slice();
    }
    const enc = encodeScenario(scenario, e, traces, settings, policy, quirks, plan);
    if (Array.isArray(enc)) return { ok: false, errors: enc };
    loadScenario(sim, enc);
    const raw = sim.run();
    if (raw.status !== SIM_OK) return { ok: false, errors: [{ where: '$', message: `the simulator stopped with status ${raw.status}` }] };
    models.push({ model, items: enc.items, hosts: enc.hosts, totals: simTotals(raw), series: simSeries(raw) });
  }
  return { ok: true, result: { scenario: scenario.name, policy: policy.name, simulator: sim.name, intervalSeconds: settings.intervalSeconds, models } };
}
