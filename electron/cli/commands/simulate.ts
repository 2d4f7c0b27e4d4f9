// `hostfit simulate --preset beloglazov2012 --traces <day-folder> --policy <policy> [--json]`: the dynamic
// consolidation experiment of Beloglazov & Buyya (CCPE 2012) as CloudSim 4.0 runs it, on a folder of
// PlanetLab traces (one file per VM, assigned in byte order of the file names).
// `hostfit simulate --preset containercloudsim2017 --traces <day-folder> [--seed N]`: ContainerCloudSim's container
// consolidation (containers migrating between VMs on hosts) on the day's first 50 trace files (simulate-ccs.ts).
// `hostfit simulate <scenario.hostfit.json> [--policy …] [--json]`: the same simulation for a scenario's
// services and hosts in three columns: VMs (live migration), pods on bare metal (restarts) and pods in node VMs
// (simulation.containerInVm: a Kubernetes node pool, or ContainerCloudSim's consolidation).
import { closeSync, openSync, readdirSync, readSync, statSync, type Dirent } from 'node:fs';
import { sep } from 'node:path';
import { performance } from 'node:perf_hooks';
import { parseArgs } from 'node:util';
import { parsePolicy, PAPER_POLICIES } from '../../../core/sim/policy';
import { ALL_QUIRKS } from '../../../core/sim/presets/beloglazov2012';
import { runBeloglazov } from '../../../core/sim/presets/run-preset';
import { parseQuirkNames, QUIRKS, quirkNames } from '../../../core/sim/quirks';
import { WasmSimulator } from '../../../core/sim/kernel/wasm-simulator';
import type { Simulator } from '../../../core/sim/spec';
import { byteOrder, parsePlanetLabTrace, TraceError } from '../../../core/traces/planetlab';
import type { Command } from '../command';
import { InputError, UsageError } from '../errors';
import { table } from '../format';
import { loadKernelBytes, type KernelBuild } from '../kernel';

/** Reads a whole file into `into` (grown as needed) and returns the view of its bytes, valid until the next read. */
function readInto(path: string, into: { buffer: Uint8Array }): Uint8Array {
  const fd = openSync(path, 'r');
  try {
    let length = 0;
    for (;;) {
      if (length === into.buffer.length) {
        const grown = new Uint8Array(into.buffer.length * 2);
        grown.set(into.buffer);
        into.buffer = grown;
      }
      const n = readSync(fd, into.buffer, length, into.buffer.length - length, null);
      if (n === 0) return into.buffer.subarray(0, length);
      length += n;
    }
  } finally {
    closeSync(fd);
  }
}

/** Reads every regular file of a PlanetLab day folder, in byte order of the names. The folder listing gives each
 * entry's type, so only symbolic links (and entries of unknown type) cost a stat; files are parsed as bytes, each
 * read into one reused buffer and parsed before the next (a day is ~1 000 files: in a process this short, a buffer
 * and a path.join per file cost ~10 ms of its ~0.15 s). */
export function readTraceFolder(dir: string): { names: string[]; traces: Float64Array[] } {
  let entries: Dirent[];
  try {
    entries = readdirSync(dir, { withFileTypes: true });
  } catch (e) {
    throw new InputError(`cannot read the trace folder ${dir}: ${(e as Error).message}`);
  }
  const base = dir.endsWith(sep) || dir.endsWith('/') ? dir : dir + sep;
  const isFile = (d: Dirent) => d.isFile() || ((d.isSymbolicLink() || !d.isDirectory()) && statSync(base + d.name).isFile());
  const names = byteOrder(entries.filter((d) => !d.name.startsWith('.') && d.name !== 'README.md' && isFile(d)).map((d) => d.name));
  if (names.length === 0) throw new InputError(`${dir} holds no trace files`);
  try {
    const scratch = { buffer: new Uint8Array(1 << 14) };
    return { names, traces: names.map((n) => parsePlanetLabTrace(base + n, readInto(base + n, scratch))) };
  } catch (e) {
    if (e instanceof TraceError) throw new InputError(e.message);
    throw e;
  }
}

// The preset runs load only the simulator they use: the reference, the ContainerCloudSim preset and scenario files
// (the scenario parser, the plan engine) are imported when asked for, so the process starts on less code.
export async function createSimulator(reference: boolean, build: KernelBuild = 'release'): Promise<Simulator> {
  if (!reference) return WasmSimulator.fromBytes(loadKernelBytes(build));
  const { ReferenceSimulator } = await import('../../../core/sim/reference/reference-simulator');
  return new ReferenceSimulator();
}

const fmt = (v: number | null, digits: number): string => (v === null ? '-' : v.toFixed(digits));

export const command: Command = {
  usage: 'hostfit simulate --preset beloglazov2012 --traces <day-folder> --policy <npa|dvfs|thr-mmt-0.8|…> [--json] [--correct <quirk,…|all>] [--reference]\n'
    + '  hostfit simulate --preset containercloudsim2017 --traces <day-folder> [--seed N] [--json] [--correct <quirk,…|all>] [--hosts N] [--containers N] [--reference] [--series]\n'
    + '  hostfit simulate <scenario.hostfit.json> [--policy <policy>] [--json] [--series] [--reference]   dynamic consolidation over a day of utilisation traces: VMs, pods on bare metal, pods in node VMs',
  async run(args) {
    const { values, positionals } = parseArgs({
      args,
      options: {
        preset: { type: 'string' },
        traces: { type: 'string' },
        policy: { type: 'string' },
        json: { type: 'boolean', default: false },
        correct: { type: 'string' },
        reference: { type: 'boolean', default: false },
        series: { type: 'boolean', default: false },
        seed: { type: 'string' },
        hosts: { type: 'string' },
        containers: { type: 'string' },
      },
      allowPositionals: true,
    });
    if (values.preset === 'containercloudsim2017') {
      if (values.policy !== undefined) throw new UsageError('--preset containercloudsim2017 runs its own policy (MSThreshold-Under 0.80/0.70, MaxUsage, FirstFit): drop --policy');
      if (!values.traces) throw new UsageError('--preset containercloudsim2017 needs --traces <day-folder>');
      const { names, traces } = readTraceFolder(values.traces);
      const { simulateCcsCommand } = await import('./simulate-ccs');
      return simulateCcsCommand({ traces, names, seed: values.seed, correct: values.correct, hosts: values.hosts,
        containers: values.containers, reference: values.reference, json: values.json, series: values.series });
    }
    const policy = values.policy === undefined && !values.preset ? null : parsePolicy(values.policy ?? '');
    if (typeof policy === 'string') throw new UsageError(`${policy} (the paper's: ${PAPER_POLICIES.join(', ')})`);
    let quirks = ALL_QUIRKS;
    if (values.correct !== undefined) {
      const off = parseQuirkNames(values.correct);
      if (typeof off === 'string') throw new UsageError(off);
      quirks &= ~off;
    }
    if (positionals.length === 1 && !values.preset) {
      const [{ simulateScenarioCommand }, { readScenario }] = await Promise.all([import('./simulate-scenario'), import('../command')]);
      // A scenario runs the kernel once per model and packs with it too: the release build (kernel.ts).
      return simulateScenarioCommand(await readScenario(positionals[0]), policy, await createSimulator(values.reference), values.json, values.series);
    }
    if (values.preset !== 'beloglazov2012') throw new UsageError('simulate needs --preset beloglazov2012 or containercloudsim2017 (with --traces) or one scenario file');
    if (policy === null) throw new UsageError('--preset beloglazov2012 needs --policy');
    if (!values.traces) throw new UsageError('--preset beloglazov2012 needs --traces <day-folder>');
    const { traces } = readTraceFolder(values.traces);
    // One simulation in this process: the build that reaches V8's optimized tier soonest (kernel.ts).
    const sim = await createSimulator(values.reference, 'plain');
    const t0 = performance.now();
    const { result, series } = runBeloglazov(sim, traces, policy, { quirks });
    const seconds = (performance.now() - t0) / 1000;
    const out = { ...result, seconds, quirks: quirkNames(quirks), ...(values.series ? { series } : {}) };
    if (values.json) return JSON.stringify(out, null, 2) + '\n';
    const rows = [
      ['energy', `${fmt(out.energyKWh, 2)} kWh`],
      ['migrations', String(out.migrations)],
      ['SLATAH', fmt(out.slatah, 4)],
      ['PDM', fmt(out.pdm, 5)],
      ['SLAV', out.slav.toExponential(3)],
      ['ESV', out.esv.toExponential(3)],
      ['overall SLA violation', fmt(out.overallSlaViolation, 4)],
      ['host shutdowns', String(out.hostShutdowns)],
      ['mean active period before shutdown', `${fmt(out.meanActivePeriodSeconds, 1)} s`],
      ['mean migration duration', `${fmt(out.meanMigrationSeconds, 2)} s`],
      ['VMs removed at zero demand', String(out.itemsRemoved)],
      ['run time', `${seconds.toFixed(3)} s (${sim.name})`],
    ];
    const quirkLine = out.quirks.length === QUIRKS.length ? 'all CloudSim 4.0 quirks on' : `quirks on: ${out.quirks.join(', ') || 'none'}`;
    return `beloglazov2012 ${out.policy}: ${out.vms} VMs on ${out.hosts} hosts, ${quirkLine}\n\n${table(['metric', 'value'], rows)}\n`;
  },
};
