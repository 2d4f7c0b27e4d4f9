// The scenario half of `hostfit simulate`: VM and container models side by side.
import type { Policy } from '../../../core/sim/policy';
import { simulationJson } from '../../../core/sim/scenario/json';
import { simulateScenario } from '../../../core/sim/scenario/run';
import type { Simulator } from '../../../core/sim/spec';
import type { Scenario } from '../../../core/scenario/schema';
import { InputError } from '../command';
import { table } from '../format';
import { createWasmPacker } from '../kernel';

/** `policy` overrides the scenario's simulation.policy when given. */
export function simulateScenarioCommand(scenario: Scenario, policy: Policy | null, sim: Simulator, json: boolean, series: boolean): string {
  const out = simulateScenario(scenario, sim, { ...(policy ? { policy } : {}), packer: createWasmPacker() });
  if (!out.ok) throw new InputError(`cannot simulate ${scenario.name}:\n${out.errors.map((e) => `${e.where}: ${e.message}`).join('\n')}`);
  const r = out.result;
  if (json) return JSON.stringify(simulationJson(r, series), null, 2) + '\n';
  const col = (f: (m: (typeof r.models)[number]) => string) => r.models.map(f);
  const n = (v: number | null, d: number) => (v === null ? '-' : v.toFixed(d));
  const rows = [
    ['instances', ...col((m) => String(m.items))],
    ['hosts in pool', ...col((m) => String(m.hosts))],
    ['energy (kWh)', ...col((m) => n(m.totals.energyKWh, 2))],
    ['peak active hosts', ...col((m) => String(Math.max(0, ...m.series.activeHosts)))],
    ['mean active hosts', ...col((m) => n(m.series.activeHosts.reduce((a, b) => a + b, 0) / Math.max(1, m.series.activeHosts.length), 1))],
    ['moves (migrations / restarts)', ...col((m) => String(m.totals.migrations))],
    ['mean move duration (s)', ...col((m) => n(m.totals.meanMigrationSeconds, 2))],
    ['SLATAH', ...col((m) => n(m.totals.slatah, 4))],
    ['PDM', ...col((m) => n(m.totals.pdm, 5))],
    ['SLAV', ...col((m) => m.totals.slav.toExponential(3))],
    ['replica-seconds unavailable', ...col((m) => n(m.totals.unavailableReplicaSeconds, 0))],
    ['host shutdowns', ...col((m) => String(m.totals.hostShutdowns))],
  ];
  return `${r.scenario}: ${r.policy}, ${r.intervalSeconds} s steps, ${r.simulator} kernel\n\n${table(['', ...r.models.map((m) => m.model)], rows)}\n`;
}
