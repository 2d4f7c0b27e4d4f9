// `hostfit batch` as a planner runs it: the built command line (bundled into a temporary folder, so the numbers
// are those of `npx hostfit`), one shard on 1 and 2 worker threads, against running the single command once
// per run. Prints runs/s and the overhead per run: what a batch adds to the comparison itself (reading the
// scenario, applying the grid, JSON, writing the line), and what a separate `hostfit compare --json` process
// per run costs instead (the batch's figures include its one process start). Flags: --runs=N single-command processes to average (default 5).
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { availableParallelism, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';
import { planBatch, runAt, runDocument } from '../../core/batch/expand';
import { compareScenario } from '../../core/compare/compare';
import { parseScenarioValue } from '../../core/scenario/parse';
import type { Scenario } from '../../core/scenario/schema';
import { createWasmPacker } from '../../electron/cli/kernel';
import { markdownTable } from '../table';

export const name = 'batch';
export const description = 'hostfit batch (built CLI): runs/s on 1 and 2 worker threads, overhead per run over the single command';

const root = fileURLToPath(new URL('../../', import.meta.url));

interface Case { readonly label: string; readonly scenario: string; readonly grid: string[] }

function wall(args: string[]): number {
  const t0 = performance.now();
  const r = spawnSync(process.execPath, args, { encoding: 'utf8', env: { ...process.env, NODE_OPTIONS: '' } });
  if (r.status !== 0) throw new Error(`${args.join(' ')} failed: ${r.stderr}`);
  return (performance.now() - t0) / 1000;
}

/** Seconds per run of the comparisons alone, in this process (the floor any way of running them pays). */
function inProcess(scenarioFile: string, grid: string[]): { runs: number; seconds: number } {
  const parsed = parseScenarioValue(JSON.parse(readFileSync(scenarioFile, 'utf8')));
  if (!parsed.ok) throw new Error('scenario must parse');
  const doc = JSON.parse(JSON.stringify(parsed.scenario));
  const params = [];
  for (let k = 0; k < grid.length; k += 4) params.push({ param: grid[k + 1], values: grid[k + 3] });
  const plan = planBatch({ name: 'bench', command: 'compare', scenarios: [{ name: 's', doc }], grid: params, headroom: false, series: false });
  const scenarios: Scenario[] = [];
  for (let i = 0; i < plan.runs; i++) {
    const p = parseScenarioValue(runDocument(plan, runAt(plan, i)));
    if (p.ok) scenarios.push(p.scenario);
  }
  const packer = createWasmPacker();
  compareScenario(scenarios[0], packer, { headroom: false }); // warm-up
  const t0 = performance.now();
  for (const s of scenarios) compareScenario(s, packer, { headroom: false });
  return { runs: scenarios.length, seconds: (performance.now() - t0) / 1000 / scenarios.length };
}

export async function run(flags: string[]): Promise<void> {
  const singles = Number(flags.find((f) => f.startsWith('--runs='))?.slice(7) ?? 5);
  const dir = mkdtempSync(join(tmpdir(), 'hostfit-bench-batch-'));
  try {
    execFileSync(process.execPath, [join(root, 'scripts', 'build-cli.mjs'), '--outdir', dir], { stdio: 'pipe' });
    const cli = join(dir, 'hostfit.mjs');
    const tiny = join(dir, 'tiny.hostfit.json');
    writeFileSync(tiny, JSON.stringify({
      format: 'hostfit-scenario', version: 2, name: 'Tiny',
      hostModels: [{ id: 'h', name: 'Host', cores: 8, threadsPerCore: 2, memoryGiB: 64, diskGB: 1000, networkGbps: 10 }],
      sites: [{ id: 's', name: 'Site', kind: 'datacenter', racks: [{ id: 'r', hosts: [{ id: 'g', model: 'h', count: 4 }] }] }],
      tenants: [{ id: 't', name: 'Tenant' }],
      services: [{ id: 'svc', name: 'Service', tenant: 't', replicas: 3, demand: { cpuCores: 1, memoryGiB: 2 } }],
      policy: { algorithm: 'ffd', improveIterations: 0, sizing: { runs: 0 } },
    }));
    const cases: Case[] = [
      { label: 'tiny (3 replicas, FFD)', scenario: tiny, grid: ['--param', 'services[svc].replicas', '--values', '1..20', '--param', 'policy.seed', '--values', '1..10'] },
      { label: 'examples/web-tier', scenario: join(root, 'examples', 'web-tier.hostfit.json'), grid: ['--param', 'deployment.vm.cpuOvercommit', '--values', '1..4:0.5', '--param', 'policy.seed', '--values', '1..8'] },
    ];
    const rows: (string | number)[][] = [];
    for (const c of cases) {
      const floor = inProcess(c.scenario, c.grid);
      const perWorkers = [1, 2].map((workers) => {
        const out = join(dir, `r-${workers}.jsonl`);
        rmSync(out, { force: true });
        const seconds = wall([cli, 'batch', c.scenario, ...c.grid, '--workers', String(workers), '--out', out]);
        return { workers, seconds };
      });
      let single = 0;
      for (let k = 0; k < singles; k++) single += wall([cli, 'compare', c.scenario, '--json', '--no-headroom']);
      single /= singles;
      const batchPerRun = perWorkers[0].seconds / floor.runs;
      rows.push([c.label, floor.runs, ...perWorkers.map((w) => (floor.runs / w.seconds).toFixed(1)),
        (batchPerRun * 1000).toFixed(2), (floor.seconds * 1000).toFixed(2), ((batchPerRun - floor.seconds) * 1000).toFixed(2),
        (single * 1000).toFixed(0), (single / batchPerRun).toFixed(1)]);
    }
    console.log(`(${availableParallelism()} cores, load average ${loadavg()[0].toFixed(1)}; whole processes of the built CLI, wall time, each batch with --out)\n`);
    console.log(markdownTable(['batch', 'runs', 'runs/s, 1 worker', 'runs/s, 2 workers', 'ms per run in the batch', 'ms per comparison alone',
      'batch overhead per run (ms)', 'single command per run (ms, whole process)', 'single / batch'], rows));
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
