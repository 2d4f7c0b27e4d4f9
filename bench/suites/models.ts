// One-run comparison of VM, container and container-in-VM (core/compare) on the bundled examples and a
// generated large fleet: time with and without N+1 headroom, WASM vs reference, and quality (hosts vs the
// lower bound per model); then a parameter sweep on one worker thread vs all cores.
// First the quality table of issue 13 (bench/model-quality.ts). Flags: --reference-large also times the reference
// packer on the large fleet (minutes); --quality-only prints the quality tables alone.
import { availableParallelism, loadavg } from 'node:os';
import { compareScenario } from '../../core/compare/compare';
import { applyParam, parseParamPath } from '../../core/compare/sweep';
import { EXAMPLES, exampleScenario } from '../../core/examples/index';
import { COMPACT_1S, GENERAL_2S, MEMORY_2S, cloudStyleFlavours } from '../../core/examples/hardware';
import { intBetween, mulberry32, pick } from '../../core/examples/random';
import { ReferencePacker } from '../../core/reference/reference-packer';
import { parseScenarioValue } from '../../core/scenario/parse';
import type { Scenario, ScenarioInput } from '../../core/scenario/schema';
import { createWasmPacker } from '../../electron/cli/kernel';
import { runInWorkers } from '../../electron/cli/commands/sweep';
import { fleetVariantsTable, LARGE_FLEET, largeFleetTable, qualityTable } from '../model-quality';
import { markdownTable, timeBest } from '../table';
import { platformHostsTable } from './platform-hosts';

export const name = 'models';
export const description = 'compare VM / container / container-in-VM in one run: examples and a large generated fleet; sweep on 1 vs all cores';

/** `services` services (about 21 replicas each) of 20 tenants on `sites` × 16 racks × 32 hosts. */
export function largeFleet(services: number, sites: number, seed = 7): ScenarioInput {
  const rand = mulberry32(seed);
  const cores = [0.25, 0.5, 1, 1, 2, 2, 4, 8];
  const gibPerCore = [1, 2, 4, 4, 8];
  const isolation = ['shared-kernel', 'shared-kernel', 'shared-kernel', 'sandbox', 'vm', 'dedicated-host'] as const;
  const tenants = Array.from({ length: 20 }, (_, k) => ({ id: `t${k + 1}`, name: `Tenant ${k + 1}` }));
  const tenantNeeds = tenants.map(() => pick(rand, isolation));
  return {
    format: 'hostfit-scenario', version: 2, name: `Generated fleet (${services} services)`,
    hostModels: [GENERAL_2S, MEMORY_2S, COMPACT_1S],
    sites: Array.from({ length: sites }, (_, s) => ({
      id: `site-${s + 1}`, name: `Site ${s + 1}`, kind: 'datacenter' as const, pue: 1.3 + 0.1 * s, energyUSDPerKWh: 0.1 + 0.02 * s,
      racks: Array.from({ length: 16 }, (_, r) => ({
        id: `site-${s + 1}-r${r + 1}`, powerBudgetKW: 20,
        hosts: [[GENERAL_2S, 22], [MEMORY_2S, 6], [COMPACT_1S, 4]].map(([m, count]) => ({ id: `site-${s + 1}-r${r + 1}-${(m as typeof GENERAL_2S).id}`, model: (m as typeof GENERAL_2S).id, count: count as number })),
      })),
    })),
    tenants,
    services: Array.from({ length: services }, (_, k) => {
      const t = intBetween(rand, 0, tenants.length - 1);
      const c = pick(rand, cores);
      return {
        id: `svc-${k + 1}`, name: `Service ${k + 1}`, tenant: tenants[t].id, replicas: intBetween(rand, 2, 40),
        demand: { cpuCores: c, memoryGiB: c * pick(rand, gibPerCore), diskGB: pick(rand, [5, 20, 50, 200]), networkMbps: pick(rand, [20, 100, 300]) },
        isolation: tenantNeeds[t],
      };
    }),
    deployment: { vm: { flavours: cloudStyleFlavours() } },
  };
}

function parse(input: unknown): Scenario {
  const r = parseScenarioValue(input);
  if (!r.ok) throw new Error(r.errors.map((e) => `${e.where}: ${e.message}`).join('\n'));
  return r.scenario;
}

const replicas = (s: Scenario) => s.services.reduce((n, x) => n + x.replicas, 0);
const pool = (s: Scenario) => s.sites.reduce((n, site) => n + site.racks.reduce((m, r) => m + r.hosts.reduce((k, g) => k + g.count, 0), 0), 0);

export async function run(flags: string[]): Promise<void> {
  // Issue 13: every model of every bundled example against its rule-aware bound (and an exact MIP where the gap is > 1).
  console.log('Hosts against the best rule-aware bound (LP relaxation included), per example and model, each example\'s own policy ("best"):\n');
  console.log(await qualityTable());
  console.log('\nThe same with policy.algorithm "ffd", for comparison:\n');
  console.log(await qualityTable('ffd'));
  console.log('\nThe fleet example\'s generator with other seeds (estates the planner was not developed on), "best":\n');
  console.log(await fleetVariantsTable());
  console.log(`\nThe same generator at ten times the size (${LARGE_FLEET.services} services; seeds ${LARGE_FLEET.seeds.join(', ')}), "best", with HiGHS (the LP's split over host models) and without:\n`);
  console.log(await largeFleetTable());
  if (flags.includes('--quality-only')) return;
  console.log('');
  const wasm = createWasmPacker();
  const reference = new ReferencePacker();
  const cases = [
    ...EXAMPLES.map((e) => ({ id: e.id, scenario: exampleScenario(e), reference: true })),
    { id: 'generated-1000', scenario: parse(largeFleet(1000, 4)), reference: flags.includes('--reference-large') },
  ];
  const rows = cases.map(({ id, scenario, reference: withReference }) => {
    const plain = timeBest(() => compareScenario(scenario, wasm, { headroom: false }), 2);
    const full = timeBest(() => compareScenario(scenario, wasm), 1);
    // The reference packer runs "best" on multi-tenant for minutes: WASM vs reference is timed on FFD.
    const onFfd: Scenario = { ...scenario, policy: { ...scenario.policy, algorithm: 'ffd' } };
    const ref = withReference ? timeBest(() => compareScenario(onFfd, reference, { headroom: false }), 1) : null;
    const wasmFfd = withReference ? timeBest(() => compareScenario(onFfd, wasm, { headroom: false }), 2) : null;
    const instances = plain.result.models.reduce((n, m) => n + m.instances, 0);
    const shapes = plain.result.models.find((m) => m.nodes)?.nodes?.search?.candidates.length ?? 0;
    const quality = full.result.models.map((m) => `${m.id} ${m.hostsUsed}/${m.bestLowerBound.hosts ?? '-'}`).join(', ');
    const nPlus1 = full.result.models.map((m) => m.headroom?.find((h) => h.domain === 'host')?.hostsNeeded ?? '-').join(' / ');
    return [id, replicas(scenario), pool(scenario), shapes, (plain.seconds * 1000).toFixed(0), Math.round(instances / plain.seconds),
      (full.seconds * 1000).toFixed(0), ref && wasmFfd ? (wasmFfd.seconds * 1000).toFixed(0) : '-', ref ? (ref.seconds * 1000).toFixed(0) : '-',
      ref && wasmFfd ? (ref.seconds / wasmFfd.seconds).toFixed(1) : '-', quality, nPlus1];
  });
  console.log(markdownTable(['scenario', 'replicas', 'hosts in pool', 'node shapes tried', 'wasm ms', 'instances/s (all models)',
    'wasm ms with N+1', 'wasm ms on FFD', 'reference ms on FFD', 'reference/wasm on FFD', 'hosts/best bound', 'N+1 host loss (hosts)'], rows));

  // Sweep: vCPU overcommit 1..8 on the fleet example, on 1 worker and on every core.
  const fleet = EXAMPLES.find((e) => e.id === 'fleet')!;
  const steps = parseParamPath('deployment.vm.cpuOvercommit');
  const jobs = [1, 2, 3, 4, 5, 6, 7, 8].map((v, index) => ({ index, doc: applyParam(fleet.build(), steps, v), headroom: false }));
  const cores = availableParallelism();
  const sweepRows: (string | number)[][] = [];
  for (const threads of [...new Set([1, cores])]) {
    const t0 = performance.now();
    await runInWorkers(jobs, threads);
    const seconds = (performance.now() - t0) / 1000;
    sweepRows.push([threads, jobs.length, seconds.toFixed(2), (jobs.length / seconds).toFixed(2)]);
  }
  const load = loadavg()[0].toFixed(1);
  console.log(`\nSweep of deployment.vm.cpuOvercommit 1..8 on the fleet example (${cores} cores, load average ${load}; `
    + 'includes worker start-up, about a second per worker to load the TypeScript through tsx):\n');
  console.log(markdownTable(['worker threads', 'values', 'seconds', 'values/s'], sweepRows));
  printPlatformHosts(wasm);
}

/** Issue 17: per example, the hosts each platform profile changes (bench/suites/platform-hosts.ts). */
function printPlatformHosts(packer: ReturnType<typeof createWasmPacker>): void {
  console.log('\nPlatform profiles: hosts per example with each profile set on its own (change against the example as bundled; '
    + 'plans are heuristic, so a profile that reserves less can still cost a host):\n');
  console.log(platformHostsTable(packer));
}
