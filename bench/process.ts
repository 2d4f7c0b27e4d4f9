// Whole-process timing of the command line as a user runs it: `node bin/hostfit.mjs …` spawned, start-up, input
// reading, the run and the output included. Wall seconds from the parent; CPU seconds (user + system) of the child
// from /proc/self/stat's waited-for-children times where Linux provides them (10 ms ticks), else null.
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';
import { KERNEL_BUILDS } from '../electron/cli/kernel';

const root = fileURLToPath(new URL('../', import.meta.url));
const TICKS_PER_SECOND = 100; // USER_HZ on Linux

/** Rebuilds out/cli (the bundle bin/hostfit.mjs runs) when it is missing or carries other kernels than assembly/build. */
export function ensureBuiltCli(): void {
  const same = (build: string) => {
    const built = `${root}out/cli/kernel.${build}.wasm`;
    return existsSync(built) && readFileSync(built).equals(readFileSync(`${root}assembly/build/kernel.${build}.wasm`));
  };
  const fresh = existsSync(`${root}out/cli/hostfit.mjs`) && KERNEL_BUILDS.every(same);
  if (fresh) return;
  const r = spawnSync(process.execPath, [`${root}scripts/build-cli.mjs`], { cwd: root, encoding: 'utf8' });
  if (r.status !== 0) throw new Error(`build-cli failed:\n${r.stderr}`);
}

function childCpuSeconds(): number | null {
  try {
    const stat = readFileSync('/proc/self/stat', 'utf8');
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' '); // fields from the 3rd (state) on
    return (Number(fields[13]) + Number(fields[14])) / TICKS_PER_SECOND; // cutime, cstime (16th and 17th)
  } catch {
    return null;
  }
}

export interface ProcessTiming {
  /** Fastest wall time of the runs, s. */
  readonly wall: number;
  /** CPU time (user + system) of that run, s, or null where unknown. */
  readonly cpu: number | null;
  readonly stdout: string;
}

/** Runs `node <args>` `runs` times; the fastest run's wall and CPU seconds, and its output. */
function timeNode(args: readonly string[], runs: number): ProcessTiming {
  let best: ProcessTiming | null = null;
  for (let k = 0; k < runs; k++) {
    const cpu0 = childCpuSeconds();
    const t0 = performance.now();
    const r = spawnSync(process.execPath, args, { cwd: root, encoding: 'utf8', maxBuffer: 1 << 28 });
    const wall = (performance.now() - t0) / 1000;
    const cpu1 = childCpuSeconds();
    if (r.status !== 0) throw new Error(`node ${args.join(' ')} exited with ${r.status}:\n${r.stderr}`);
    const cpu = cpu0 === null || cpu1 === null ? null : cpu1 - cpu0;
    if (!best || wall < best.wall) best = { wall, cpu, stdout: r.stdout };
  }
  return best as ProcessTiming;
}

/** Runs `node bin/hostfit.mjs <args>` `runs` times; the fastest run's wall and CPU seconds, and its output. */
export function timeCli(args: readonly string[], runs = 1): ProcessTiming {
  return timeNode([`${root}bin/hostfit.mjs`, ...args], runs);
}

/** A Node process that runs nothing (`node -e 0`), spawned the same way: the floor under every whole-process time. */
export function timeEmptyNode(runs: number): ProcessTiming {
  return timeNode(['-e', '0'], runs);
}
