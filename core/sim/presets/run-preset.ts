// Runs the beloglazov2012 preset on parsed traces with any Simulator (WASM or reference).
import { SIM_OK } from '../../../assembly/sim/abi';
import { simSeries, simTotals, type SimSeries, type SimTotals } from '../metrics';
import type { Policy } from '../policy';
import type { Simulator } from '../spec';
import { beloglazovSizes, fillBeloglazov, type PresetOptions } from './beloglazov2012';

export interface PresetResult extends SimTotals {
  readonly preset: 'beloglazov2012';
  readonly policy: string;
  readonly vms: number;
  readonly hosts: number;
  readonly simulator: Simulator['name'];
}

export class SimulationError extends Error {}

export function runBeloglazov(sim: Simulator, traces: readonly Float64Array[], policy: Policy,
  options: PresetOptions = {}): { result: PresetResult; series: SimSeries } {
  const samples = traces.length > 0 ? traces[0].length : 0;
  const sizes = beloglazovSizes(traces.length, samples, options);
  const arena = sim.reserve(sizes);
  fillBeloglazov(arena, traces, policy, options);
  const raw = sim.run();
  if (raw.status !== SIM_OK) throw new SimulationError(`the simulator stopped with status ${raw.status}`);
  return {
    result: { preset: 'beloglazov2012', policy: policy.name, vms: traces.length, hosts: sizes.hosts, simulator: sim.name, ...simTotals(raw) },
    series: simSeries(raw),
  };
}
