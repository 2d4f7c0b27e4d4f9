// `hostfit pack <instance> [--algorithm NAME] [--time-limit SECONDS] [--seed N] [--iterations N] [--lp] [--json]`:
// packs a public benchmark instance (BPPLIB .txt or VPSolver .vbp) into identical bins and reports the bin
// count, the best lower bound we can prove, and whether an independent verifier accepts the packing.
import { readFile } from 'node:fs/promises';
import { performance } from 'node:perf_hooks';
import { parseArgs } from 'node:util';
import { ALGORITHM_NAMES } from '../../../core/pack/algorithms';
import { binLowerBound } from '../../../core/pack/bounds';
import { BenchmarkFormatError, parseBenchmark, type BenchmarkInstance } from '../../../core/pack/formats';
import { lpLowerBound } from '../../../core/pack/lp-bound';
import { solve, UnknownAlgorithmError } from '../../../core/pack/solve';
import { binsInput, verifyPacking } from '../../../core/pack/verify';
import { InputError, UsageError, type Command } from '../command';
import { createWasmPacker } from '../kernel';

export interface PackReport {
  readonly instance: string;
  readonly format: BenchmarkInstance['format'];
  readonly items: number;
  readonly dims: number;
  readonly capacity: readonly number[];
  readonly algorithm: string;
  readonly seed: number;
  /** Bins used by the answer. */
  readonly bins: number;
  /** Best lower bound we proved (volume, Martello–Toth L2, or the LP relaxation with --lp). */
  readonly lowerBound: number;
  readonly lowerBoundMethod: 'volume' | 'l2' | 'lp';
  readonly gap: number;
  readonly bounds: { readonly volumeL2: number; readonly lp: number | null };
  /** Bins after the constructive pass, before the improvement phase. */
  readonly constructiveBins: number;
  readonly iterations: number;
  /** Checked by core/pack/verify.ts, which shares no code with the packer. */
  readonly feasible: boolean;
  readonly violations: readonly string[];
  /** Wall time of packing and verifying (bounds not included). */
  readonly seconds: number;
  /** Wall time of the LP bound, with --lp. */
  readonly lpSeconds?: number;
  /** Bin per item (0-based, file order), with --assignment. */
  readonly assignment?: readonly number[];
}

const DEFAULT_TIME_LIMIT = 1;

async function readText(file: string): Promise<string> {
  try {
    return await readFile(file, 'utf8');
  } catch (e) {
    throw new InputError(`cannot read ${file}: ${(e as Error).message}`);
  }
}

function numberOption(value: string | undefined, name: string, min: number, integer: boolean): number | undefined {
  if (value === undefined) return undefined;
  const v = Number(value);
  if (!Number.isFinite(v) || v < min || (integer && !Number.isInteger(v))) throw new UsageError(`--${name} must be ${integer ? 'an integer' : 'a number'} >= ${min}, got "${value}"`);
  return v;
}

export async function packInstance(b: BenchmarkInstance, o: {
  algorithm: string; timeLimit?: number; iterations?: number; seed: number; lp: boolean; assignment: boolean;
}): Promise<PackReport> {
  const bound = binLowerBound(b.dims, b.capacity, b.demands, b.items);
  if (bound.bins === Infinity) throw new InputError(`${b.name}: an item is larger than the bin capacity, so no packing exists`);
  const tLp = performance.now();
  const lp = o.lp ? await lpLowerBound(b) : null;
  const lpSeconds = o.lp ? (performance.now() - tLp) / 1000 : 0;
  const best = Math.max(bound.bins, lp ?? 0);
  const t0 = performance.now();
  // Every item fits a bin of its own, so `items` bins always suffice.
  const hosts = Math.max(1, b.items);
  const packer = createWasmPacker();
  const arena = packer.reserve(hosts, b.items, b.dims);
  for (let h = 0; h < hosts; h++) arena.hostCapacity.set(b.capacity, h * b.dims);
  arena.itemDemand.set(b.demands);
  const out = solve(packer, b.items, {
    algorithm: o.algorithm, seed: o.seed, iterations: o.iterations, targetCost: best,
    timeLimit: o.timeLimit, now: () => performance.now() / 1000,
  });
  const verdict = verifyPacking(binsInput(hosts, b.dims, b.capacity, b.demands, b.items), out.itemHost, { requireAll: true });
  // Bins are numbered by first use so the assignment reads 0, 1, 2, … whatever hosts the packer picked.
  const renumber = new Map<number, number>();
  const assignment = o.assignment ? Array.from(out.itemHost, (h) => {
    if (!renumber.has(h)) renumber.set(h, renumber.size);
    return renumber.get(h)!;
  }) : undefined;
  const method = lp !== null && lp > bound.bins ? 'lp' : bound.method;
  return {
    instance: b.name, format: b.format, items: b.items, dims: b.dims, capacity: b.capacity, algorithm: o.algorithm, seed: o.seed,
    bins: out.hostsUsed, lowerBound: best, lowerBoundMethod: method, gap: out.hostsUsed - best,
    bounds: { volumeL2: bound.bins, lp }, constructiveBins: out.constructiveHosts, iterations: out.iterations,
    feasible: verdict.feasible, violations: verdict.violations.map((v) => `${v.kind}: ${v.message}`),
    seconds: Math.round((performance.now() - t0) * 1000) / 1e6,
    ...(o.lp ? { lpSeconds: Math.round(lpSeconds * 1e6) / 1e6 } : {}),
    ...(assignment ? { assignment } : {}),
  };
}

export function packText(r: PackReport): string {
  const dims = r.dims === 1 ? '1 dimension' : `${r.dims} dimensions`;
  const cap = r.capacity.every((c) => c === r.capacity[0]) ? String(r.capacity[0]) : r.capacity.join(' × ');
  return `${r.instance}: ${r.items} items, ${dims}, bin capacity ${cap}\n`
    + `bins ${r.bins}   lower bound ${r.lowerBound} (${r.lowerBoundMethod})   gap ${r.gap}   `
    + `${r.feasible ? 'feasible' : `INFEASIBLE: ${r.violations.join('; ')}`}\n`
    + `${r.algorithm}: ${r.constructiveBins} bins after the constructive pass, ${r.iterations} improvement iterations, ${r.seconds.toFixed(3)} s\n`;
}

export const command: Command = {
  usage: 'hostfit pack <instance.txt|.vbp> [--algorithm NAME] [--time-limit SECONDS] [--seed N] [--iterations N] [--lp] [--assignment] [--json]   pack a bin-packing benchmark instance',
  async run(args) {
    const { values, positionals } = parseArgs({
      args, allowPositionals: true,
      options: {
        algorithm: { type: 'string', default: 'best' },
        'time-limit': { type: 'string' },
        seed: { type: 'string', default: '1' },
        iterations: { type: 'string' },
        lp: { type: 'boolean', default: false },
        assignment: { type: 'boolean', default: false },
        json: { type: 'boolean', default: false },
      },
    });
    if (positionals.length !== 1) throw new UsageError('pack needs exactly one instance file');
    if (!ALGORITHM_NAMES.includes(values.algorithm)) throw new UsageError(`unknown algorithm "${values.algorithm}"; one of: ${ALGORITHM_NAMES.join(', ')}`);
    const seed = numberOption(values.seed, 'seed', 0, true)!;
    const iterations = numberOption(values.iterations, 'iterations', 0, true);
    const timeLimit = numberOption(values['time-limit'], 'time-limit', 0, false) ?? (iterations === undefined ? DEFAULT_TIME_LIMIT : undefined);
    const file = positionals[0];
    let instance: BenchmarkInstance;
    try {
      instance = parseBenchmark(await readText(file), file);
    } catch (e) {
      if (e instanceof BenchmarkFormatError) throw new InputError(e.message);
      throw e;
    }
    try {
      const report = await packInstance(instance, { algorithm: values.algorithm, timeLimit, iterations, seed, lp: values.lp, assignment: values.assignment });
      return values.json ? JSON.stringify(report, null, 2) + '\n' : packText(report);
    } catch (e) {
      if (e instanceof UnknownAlgorithmError) throw new UsageError(e.message);
      throw e;
    }
  },
};
