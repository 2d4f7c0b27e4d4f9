// The containercloudsim2017 section of `npm run bench -- simulate` (bench/suites/simulate.ts calls it): ContainerCloudSim's
// experiment (20 hosts, the first 50 traces, 50 seeds as CloudSim's 50 runs) on every PlanetLab day beside CloudSim 4.0's
// figures for 20110303 with the targets checked where figures exist, and the
// preset scaled to 800 hosts with one container per trace of the day (about 1 000), WASM vs the TypeScript reference.
// Flags shared with the suite: --quick (20110303 only), --no-reference, --runs=N (WASM time: the fastest of N runs).
import { readdirSync, readFileSync } from 'node:fs';
import { performance } from 'node:perf_hooks';
import { CisReferenceSimulator } from '../core/sim/cis/reference-simulator';
import { runContainerCloudSim, type CcsResult } from '../core/sim/cis/run-preset';
import type { CisSimulator } from '../core/sim/cis/spec';
import { CisWasmSimulator } from '../core/sim/cis/wasm-simulator';
import { byteOrder, parsePlanetLabTrace } from '../core/traces/planetlab';
import { loadKernelBytes } from '../electron/cli/kernel';
import { markdownTable } from './table';

const DATA = new URL('../../shared/data/planetlab/', import.meta.url);
/** ContainerCloudSim 4.0 on 20110303, 50 runs (containercloudsim.md): energy range, migrations, new VMs, CPU s median. */
const CLOUDSIM = { energy: [4.820, 4.897], migrations: 282, vmsCreated: 44, hosts: 1.8467, vms: 2.9895, cpu: 3.4 };
/** Days with CloudSim's figures in containercloudsim.md (only 20110303; the other days have none to check against). */
const REFERENCE: Readonly<Record<string, typeof CLOUDSIM>> = { '20110303': CLOUDSIM };
/** Seeds per day: as many as CloudSim's runs, so the energy spread is compared like for like. */
const SEEDS = 50;

/** The targets: energy within 1 % of CloudSim's range, container migrations and new VMs within 5 % of theirs. */
export function targetVerdict(day: string, runs: readonly CcsResult[]): string {
  const ref = REFERENCE[day];
  if (!ref) return 'no CloudSim figures';
  const energies = runs.map((r) => r.energyKWh);
  const misses: string[] = [];
  if (Math.min(...energies) < ref.energy[0] * 0.99 || Math.max(...energies) > ref.energy[1] * 1.01) misses.push('energy');
  if (runs.some((r) => Math.abs(r.containerMigrations - ref.migrations) > 0.05 * ref.migrations)) misses.push('migrations');
  if (runs.some((r) => Math.abs(r.vmsCreated - ref.vmsCreated) > 0.05 * ref.vmsCreated)) misses.push('new VMs');
  return misses.length === 0 ? 'met' : `missed: ${misses.join(', ')}`;
}

function loadDay(day: string): Float64Array[] {
  const dir = new URL(`${day}/`, DATA);
  return byteOrder(readdirSync(dir).filter((n) => n !== 'README.md'))
    .map((n) => parsePlanetLabTrace(n, readFileSync(new URL(encodeURIComponent(n), dir), 'utf8')));
}

function timed(sim: CisSimulator, traces: Float64Array[], options: Parameters<typeof runContainerCloudSim>[2], runs: number) {
  let best = Infinity, result: CcsResult | undefined;
  for (let k = 0; k < runs; k++) {
    const t0 = performance.now();
    result = runContainerCloudSim(sim, traces, options).result;
    best = Math.min(best, (performance.now() - t0) / 1000);
  }
  return { seconds: best, result: result as CcsResult };
}

export async function runCisSection(flags: string[]): Promise<void> {
  const quick = flags.includes('--quick');
  const withReference = !flags.includes('--no-reference');
  const runs = Math.max(1, Number(flags.find((f) => f.startsWith('--runs='))?.slice('--runs='.length) ?? 3));
  const days = readdirSync(DATA).filter((d) => /^\d{8}$/.test(d)).sort().filter((d) => !quick || d === '20110303');
  const wasm = CisWasmSimulator.fromBytes(loadKernelBytes('release'));
  const reference = new CisReferenceSimulator();
  const preset: (string | number)[][] = [], scaled: (string | number)[][] = [];
  for (const day of days) {
    const traces = loadDay(day);
    const seeds = Array.from({ length: SEEDS }, (_, k) => runContainerCloudSim(wasm, traces, { seed: k + 1 }).result);
    const energies = seeds.map((r) => r.energyKWh);
    const w = timed(wasm, traces, { seed: 1 }, runs);
    const ref = withReference ? timed(reference, traces, { seed: 1 }, 1) : null;
    if (ref && (ref.result.energyKWh !== w.result.energyKWh || ref.result.containerMigrations !== w.result.containerMigrations)) {
      throw new Error(`containercloudsim2017 ${day}: WASM and reference disagree`);
    }
    preset.push([day, `${Math.min(...energies).toFixed(3)}–${Math.max(...energies).toFixed(3)}`,
      [...new Set(seeds.map((r) => r.containerMigrations))].join('/'), [...new Set(seeds.map((r) => r.vmsCreated))].join('/'),
      w.result.meanActiveHosts.toFixed(4), w.result.meanActiveVms.toFixed(4), w.result.slaOverall.toFixed(5),
      w.seconds.toFixed(4), ref ? ref.seconds.toFixed(4) : '-', targetVerdict(day, seeds)]);
    const big = { hosts: 800, containers: traces.length, seed: 1 };
    const sw = timed(wasm, traces, big, runs);
    const sr = withReference ? timed(reference, traces, big, 1) : null;
    if (sr && sr.result.energyKWh !== sw.result.energyKWh) throw new Error(`containercloudsim2017 ×800 ${day}: WASM and reference disagree`);
    scaled.push([day, traces.length, sw.result.energyKWh.toFixed(2), sw.result.containerMigrations, sw.result.vmsCreated,
      sw.result.meanActiveHosts.toFixed(1), sw.seconds.toFixed(3), sr ? sr.seconds.toFixed(3) : '-', sr ? (sr.seconds / sw.seconds).toFixed(1) : '-']);
  }
  preset.push(['CloudSim 20110303', `${CLOUDSIM.energy[0]}–${CLOUDSIM.energy[1]}`, CLOUDSIM.migrations, CLOUDSIM.vmsCreated,
    CLOUDSIM.hosts, CLOUDSIM.vms, '0.01834–0.01839', `${CLOUDSIM.cpu} (CPU)`, '', '']);
  console.log(`\n### containercloudsim2017: 20 hosts, first 50 traces (seeds 1–${SEEDS}; target where CloudSim's figures exist: energy within 1 % of its range, container migrations and new VMs within 5 %)\n`);
  console.log(markdownTable(['day', 'energy kWh', 'container migrations', 'new VMs', 'active hosts', 'active VMs', 'SLA overall',
    'wasm s', 'reference s', 'target'], preset));
  console.log(`\n### containercloudsim2017 scaled: 800 hosts, one container per trace (seed 1; WASM: fastest of ${runs})\n`);
  console.log(markdownTable(['day', 'containers', 'energy kWh', 'container migrations', 'new VMs', 'active hosts', 'wasm s',
    'reference s', 'ref/wasm'], scaled));
}
