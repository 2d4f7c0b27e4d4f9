// `hostfit simulate --preset containercloudsim2017 --traces <day-folder> [--seed N] [--correct <quirk,…|all>]
// [--hosts N] [--containers N] [--reference] [--json] [--series]`: ContainerCloudSim's container-consolidation
// experiment (containercloudsim.md) on one PlanetLab day, the first 50 trace files in byte order of their names.
import { performance } from 'node:perf_hooks';
import * as abi from '../../../assembly/cis/abi';
import { cisQuirkNames, CIS_QUIRKS, parseCisQuirkNames } from '../../../core/sim/cis/quirks';
import { CisReferenceSimulator } from '../../../core/sim/cis/reference-simulator';
import { runContainerCloudSim } from '../../../core/sim/cis/run-preset';
import type { CisSimulator } from '../../../core/sim/cis/spec';
import { CisWasmSimulator } from '../../../core/sim/cis/wasm-simulator';
import { UsageError } from '../command';
import { table } from '../format';
import { loadKernelBytes } from '../kernel';

export interface CcsArgs {
  readonly traces: readonly Float64Array[];
  readonly names: readonly string[];
  readonly seed?: string;
  readonly correct?: string;
  readonly hosts?: string;
  readonly containers?: string;
  readonly reference: boolean;
  readonly json: boolean;
  readonly series: boolean;
}

/** One simulation in this process: the build that reaches V8's optimized tier soonest (kernel.ts). */
export function createCisSimulator(reference: boolean): CisSimulator {
  return reference ? new CisReferenceSimulator() : CisWasmSimulator.fromBytes(loadKernelBytes('plain'));
}

function count(text: string | undefined, name: string, min: number, max: number): number | undefined {
  if (text === undefined) return undefined;
  const n = Number(text);
  if (!Number.isInteger(n) || n < min || n > max) throw new UsageError(`--${name} must be an integer from ${min} to ${max}, not "${text}"`);
  return n;
}

const fmt = (v: number | null, digits: number): string => (v === null ? '-' : v.toFixed(digits));

export function simulateCcsCommand(args: CcsArgs): string {
  let quirks = abi.CQ_ALL;
  if (args.correct !== undefined) {
    const off = parseCisQuirkNames(args.correct);
    if (typeof off === 'string') throw new UsageError(off);
    quirks &= ~off;
  }
  const seed = count(args.seed, 'seed', 0, 2 ** 31 - 1) ?? 1;
  const hosts = count(args.hosts, 'hosts', 1, 100_000);
  const containers = count(args.containers, 'containers', 1, args.traces.length) ?? Math.min(50, args.traces.length);
  const sim = createCisSimulator(args.reference);
  const t0 = performance.now();
  const { result, series } = runContainerCloudSim(sim, args.traces, { quirks, seed, containers, ...(hosts ? { hosts } : {}) });
  const seconds = (performance.now() - t0) / 1000;
  const out = { ...result, seconds, quirks: cisQuirkNames(quirks), firstTrace: args.names[0], lastTrace: args.names[containers - 1],
    ...(args.series ? { series } : {}) };
  if (args.json) return JSON.stringify(out, null, 2) + '\n';
  const rows = [
    ['energy', `${fmt(out.energyKWh, 5)} kWh`],
    ['container migrations', String(out.containerMigrations)],
    ['VM migrations', String(out.vmMigrations)],
    ['new VMs / VMs in total', `${out.vmsCreated} / ${out.numberOfVms}`],
    ['mean active hosts (sd)', `${fmt(out.meanActiveHosts, 4)} (${fmt(out.stdActiveHosts, 4)})`],
    ['mean active VMs (sd)', `${fmt(out.meanActiveVms, 4)} (${fmt(out.stdActiveVms, 4)})`],
    ['SLA overall', fmt(out.slaOverall, 5)],
    ['SLA average', fmt(out.slaAverage, 4)],
    ['SLA time per active host', fmt(out.slaTimePerActiveHost, 4)],
    ['over-utilised host-ticks', String(out.overUtilizedHostTicks)],
    ['host shutdowns', String(out.hostShutdowns)],
    ['mean time before host shutdown', `${fmt(out.meanTimeBeforeHostShutdown, 1)} s`],
    ['run time', `${seconds.toFixed(3)} s (${sim.name})`],
  ];
  const quirkLine = out.quirks.length === CIS_QUIRKS.length ? 'all ContainerCloudSim 4.0 quirks on' : `quirks on: ${out.quirks.join(', ') || 'none'}`;
  return `containercloudsim2017: ${out.containers} containers (${out.firstTrace} … ${out.lastTrace}) in ${out.initialVms} VMs on ${out.hosts} hosts, `
    + `seed ${seed}, ${quirkLine}\n\n${table(['metric', 'value'], rows)}\n`;
}
