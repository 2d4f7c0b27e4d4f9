// The scenario half of `hostfit simulate`: three columns side by side — VMs (live migration), pods on bare metal
// (restarts) and pods in node VMs (Kubernetes node pool or ContainerCloudSim consolidation).
import type { Policy } from '../../../core/sim/policy';
import { simulationJson } from '../../../core/sim/scenario/json';
import { describeNodeVms, simulateScenario, type ModelSimulation, type SimulatedModel } from '../../../core/sim/scenario/run';
import type { Simulator } from '../../../core/sim/spec';
import type { Scenario } from '../../../core/scenario/schema';
import { InputError } from '../command';
import { table } from '../format';
import { createWasmPacker } from '../kernel';

const HEADINGS: Record<SimulatedModel, string> = { vm: 'VMs', container: 'pods on bare metal', 'container-in-vm': 'pods in node VMs' };

/** `policy` overrides the scenario's simulation.policy when given. */
export function simulateScenarioCommand(scenario: Scenario, policy: Policy | null, sim: Simulator, json: boolean, series: boolean): string {
  const out = simulateScenario(scenario, sim, { ...(policy ? { policy } : {}), packer: createWasmPacker() });
  if (!out.ok) throw new InputError(`cannot simulate ${scenario.name}:\n${out.errors.map((e) => `${e.where}: ${e.message}`).join('\n')}`);
  const r = out.result;
  if (json) return JSON.stringify(simulationJson(r, series), null, 2) + '\n';
  const col = (f: (m: ModelSimulation) => string) => r.models.map(f);
  const n = (v: number | null, d: number) => (v === null ? '-' : v.toFixed(d));
  const e = (v: number | null) => (v === null ? '-' : v.toExponential(3));
  const meanOf = (xs: readonly number[]) => xs.reduce((a, b) => a + b, 0) / Math.max(1, xs.length);
  const nodes = (f: (m: NonNullable<ModelSimulation['nodeVms']>) => string) => col((m) => (m.nodeVms ? f(m.nodeVms) : '-'));
  const rows = [
    ['instances (VMs / pods)', ...col((m) => String(m.items))],
    ['hosts in pool', ...col((m) => String(m.hosts))],
    ['energy (kWh)', ...col((m) => n(m.totals.energyKWh, 2))],
    ['peak active hosts', ...col((m) => String(Math.max(0, ...m.series.activeHosts)))],
    ['mean active hosts', ...col((m) => n(meanOf(m.series.activeHosts), 1))],
    ['peak / mean node VMs', ...nodes((v) => `${v.peakNodes} / ${v.meanNodes.toFixed(1)}`)],
    ['node VMs created / removed', ...nodes((v) => `${v.nodesCreated} / ${v.nodesRemoved}`)],
    ['moves (migrations / restarts)', ...col((m) => String(m.totals.migrations))],
    ['mean move duration (s)', ...col((m) => n(m.totals.meanMigrationSeconds, 2))],
    ['SLATAH', ...col((m) => n(m.totals.slatah, 4))],
    ['PDM', ...col((m) => n(m.totals.pdm, 5))],
    ['SLAV', ...col((m) => e(m.totals.slav))],
    ['overall SLA violation', ...col((m) => n(m.totals.overallSlaViolation, 5))],
    ['replica scale events', ...col((m) => (m.totals.scaleEvents === null ? '-' : String(m.totals.scaleEvents)))],
    ['replica-seconds unavailable', ...col((m) => n(m.totals.unavailableReplicaSeconds, 0))],
    ['host shutdowns', ...col((m) => String(m.totals.hostShutdowns))],
    ['instances never placed', ...col((m) => String(m.totals.failedPlacements))],
  ];
  const nodeLine = r.models.flatMap((m) => (m.nodeVms ? [`pods in node VMs: ${describeNodeVms(m.nodeVms)}\n`] : [])).join('');
  return `${r.scenario}: ${r.policy}, ${r.intervalSeconds} s steps, ${r.simulator} kernel\n${nodeLine}\n`
    + `${table(['', ...r.models.map((m) => HEADINGS[m.model])], rows)}\n`;
}
