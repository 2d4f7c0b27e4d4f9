// Runs the containercloudsim2017 preset on parsed PlanetLab traces with either simulator (WASM or reference).
import * as abi from '../../../assembly/cis/abi';
import { CCS_CONTAINERS, ccsSizes, fillCcs, type CcsOptions } from '../presets/containercloudsim2017';
import { cisSeries, cisTotals, type CisSeries, type CisTotals } from './metrics';
import type { CisSimulator } from './spec';

export interface CcsResult extends CisTotals {
  readonly preset: 'containercloudsim2017';
  readonly hosts: number;
  readonly containers: number;
  readonly initialVms: number;
  /** Every VM the broker ever had: the initial ones and those created (ContainerCloudSim's numberOfVms). */
  readonly numberOfVms: number;
  readonly seed: number;
  readonly simulator: CisSimulator['name'];
}

export class CisSimulationError extends Error {}

/** `traces` in the order containers take them; only the first `containers` (default 50) are used. */
export function runContainerCloudSim(sim: CisSimulator, traces: readonly Float64Array[],
  options: CcsOptions & { readonly containers?: number } = {}): { result: CcsResult; series: CisSeries } {
  const n = Math.min(traces.length, options.containers ?? CCS_CONTAINERS);
  if (n === 0) throw new CisSimulationError('no traces to simulate');
  const used = traces.slice(0, n);
  const sizes = ccsSizes(n, used[0].length, options);
  const arena = sim.reserve(sizes);
  fillCcs(arena, used, options);
  const raw = sim.run();
  if (raw.status !== abi.CIS_OK) throw new CisSimulationError(`the simulator stopped with status ${raw.status}`);
  const totals = cisTotals(raw);
  return {
    result: { preset: 'containercloudsim2017', hosts: sizes.hosts, containers: n, initialVms: sizes.initialVms,
      numberOfVms: sizes.initialVms + totals.vmsCreated, seed: options.seed ?? 1, simulator: sim.name, ...totals },
    series: cisSeries(raw),
  };
}
