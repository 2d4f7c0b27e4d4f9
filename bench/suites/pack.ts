// Quality of the placement engine on the public bin-packing benchmark sets (../shared/data/binpacking, read in
// place, never copied). Each instance is packed with the default algorithm under a time limit, checked by the
// independent verifier, and only then compared with the manifest's optimum / best known / best heuristic
// bin counts; the packer never sees them (and held-out entries, whose values are null, are reported as bins
// found only). The FFD column is the plain First Fit Decreasing baseline on the same instances.
// Flags: --sets=a,b  --every=N (every N-th instance)  --time-limit=S (default 1)  --iterations=N (budget instead
// of time: deterministic)  --algorithm=NAME (default best)  --details (list the instances missed)
import { readFileSync } from 'node:fs';
import { performance } from 'node:perf_hooks';
import { LP_MAX_STEPS } from '../../assembly/abi';
import { DEFAULT_PACK_OPTIONS } from '../../core/kernel/packer';
import { binLowerBound } from '../../core/pack/bounds';
import { parseBenchmark } from '../../core/pack/formats';
import { solve } from '../../core/pack/solve';
import { binsInput, verifyPacking } from '../../core/pack/verify';
import { createWasmPacker } from '../../electron/cli/kernel';
import { markdownTable } from '../table';

export const name = 'pack';
export const description = 'bin-packing benchmark sets: % optimal, gap to optimum / best known, vs best published heuristic, time per instance';

const DATA = new URL('../../../shared/data/binpacking/', import.meta.url);
export const ONE_D_SETS = ['falkenauer', 'scholl', 'schwerin', 'waescher', 'hard28'];
export const VECTOR_SETS = ['vbp_triplet', 'vbp_panigrahy', 'vbp_new'];

interface Entry {
  file: string; name: string; optimum: number | null; best_known_ub: number | null; best_heuristic_ub?: number | null; held_out: boolean;
}

export interface InstanceResult {
  readonly set: string;
  readonly name: string;
  readonly bins: number;
  readonly ffdBins: number;
  readonly lowerBound: number;
  /** The best bound we can prove: L2 or the pattern LP's. */
  readonly provenBound: number;
  readonly seconds: number;
  readonly feasible: boolean;
  readonly entry: Entry;
}

export function flag(args: readonly string[], key: string): string | undefined {
  const a = args.find((x) => x.startsWith(`--${key}=`) || x === `--${key}`);
  if (!a) return undefined;
  return a.includes('=') ? a.slice(a.indexOf('=') + 1) : 'true';
}

let kernel: ReturnType<typeof createWasmPacker> | undefined;

function packOne(set: string, e: Entry, o: { timeLimit?: number; iterations?: number; algorithm: string }): InstanceResult {
  const b = parseBenchmark(readFileSync(new URL(`${set}/${e.file}`, DATA), 'utf8'), e.file);
  const lb = binLowerBound(b.dims, b.capacity, b.demands, b.items).bins;
  const hosts = Math.max(1, b.items);
  const packer = (kernel ??= createWasmPacker());
  const fill = () => {
    const a = packer.reserve(hosts, b.items, b.dims);
    for (let h = 0; h < hosts; h++) a.hostCapacity.set(b.capacity, h * b.dims);
    a.itemDemand.set(b.demands);
  };
  fill();
  const ffdBins = packer.pack({ ...DEFAULT_PACK_OPTIONS, rule: 'first-fit', order: 'decreasing' }).hostsUsed;
  fill();
  const t0 = performance.now();
  const out = solve(packer, b.items, {
    algorithm: o.algorithm, seed: 1, iterations: o.iterations, timeLimit: o.iterations === undefined ? o.timeLimit : undefined,
    now: () => performance.now() / 1000, targetCost: lb,
  });
  const seconds = (performance.now() - t0) / 1000;
  const verdict = verifyPacking(binsInput(hosts, b.dims, b.capacity, b.demands, b.items), out.itemHost, { requireAll: true });
  // The proof of optimality needs no manifest: the pattern LP's bound (run to its end, outside the timed solve).
  const provenBound = Math.max(lb, packer.patternLp(LP_MAX_STEPS).bound);
  return { set, name: e.name, bins: out.hostsUsed, ffdBins, lowerBound: lb, provenBound, seconds, feasible: verdict.feasible, entry: e };
}

const pct = (k: number, n: number) => (n === 0 ? '-' : `${(100 * k / n).toFixed(1)} %`);
const mean = (xs: number[]) => (xs.length === 0 ? NaN : xs.reduce((a, b) => a + b, 0) / xs.length);
const fixed = (x: number, d = 3) => (Number.isNaN(x) ? '-' : x.toFixed(d));

/** One table row per set, plus the rows' totals for the 1-D target (falkenauer+scholl+schwerin+waescher). */
export function summarise(set: string, rs: readonly InstanceResult[]): (string | number)[] {
  const known = rs.filter((r) => !r.entry.held_out);
  const withOpt = known.filter((r) => r.entry.optimum !== null);
  const optimal = withOpt.filter((r) => r.bins <= r.entry.optimum!);
  const ffdOptimal = withOpt.filter((r) => r.ffdBins <= r.entry.optimum!);
  const withBest = known.filter((r) => r.entry.best_known_ub !== null);
  const withHeur = known.filter((r) => r.entry.best_heuristic_ub != null);
  const atHeur = withHeur.filter((r) => r.bins <= r.entry.best_heuristic_ub!);
  const held = rs.filter((r) => r.entry.held_out);
  return [
    set, rs.length, withOpt.length, pct(optimal.length, withOpt.length), pct(ffdOptimal.length, withOpt.length),
    fixed(mean(withOpt.map((r) => r.bins - r.entry.optimum!))), fixed(mean(withBest.map((r) => r.bins - r.entry.best_known_ub!))),
    withHeur.length === 0 ? '-' : pct(atHeur.length, withHeur.length), fixed(mean(rs.map((r) => r.bins - r.lowerBound))),
    held.length === 0 ? '-' : `${held.length}: ${held.reduce((a, r) => a + r.bins, 0)} bins`,
    `${rs.filter((r) => r.bins <= r.provenBound || (!r.entry.held_out && r.entry.optimum !== null && r.bins <= r.entry.optimum)).length} / ${rs.length}`
      + ` (${rs.filter((r) => r.bins <= r.provenBound).length} meet our bound)`,
    fixed(mean(rs.map((r) => r.seconds))), fixed(Math.max(...rs.map((r) => r.seconds)), 2), rs.filter((r) => !r.feasible).length,
  ];
}

export const HEADER = ['set', 'instances', 'with optimum', '% optimal', 'FFD % optimal', 'mean gap to optimum', 'mean gap to best known',
  '<= best heuristic', 'mean gap to our bound', 'held out: bins found', 'optimal, whole set (known optimum or our L2 / LP bound met)', 'mean s', 'max s', 'infeasible'];

export async function run(args: string[]): Promise<void> {
  const sets = (flag(args, 'sets') ?? [...ONE_D_SETS, ...VECTOR_SETS].join(',')).split(',');
  const every = Number(flag(args, 'every') ?? 1);
  const timeLimit = Number(flag(args, 'time-limit') ?? 1);
  const iterations = flag(args, 'iterations') === undefined ? undefined : Number(flag(args, 'iterations'));
  const algorithm = flag(args, 'algorithm') ?? 'best';
  console.log(`algorithm ${algorithm}, ${iterations === undefined ? `time limit ${timeLimit} s` : `${iterations} improvement iterations`} per instance${every > 1 ? `, every ${every}th instance` : ''}\n`);
  const rows: (string | number)[][] = [];
  const all: InstanceResult[] = [];
  for (const set of sets) {
    const manifest = JSON.parse(readFileSync(new URL(`${set}/manifest.json`, DATA), 'utf8')) as { instances: Entry[] };
    const rs = manifest.instances.filter((_, k) => k % every === 0).map((e) => packOne(set, e, { timeLimit, iterations, algorithm }));
    all.push(...rs);
    rows.push(summarise(set, rs));
    if (flag(args, 'details')) {
      const missed = rs.filter((r) => !r.entry.held_out && r.entry.optimum !== null && r.bins > r.entry.optimum);
      if (missed.length > 0) console.log(`${set} missed: ${missed.map((r) => `${r.name} ${r.bins}/${r.entry.optimum}`).join(', ')}`);
    }
  }
  const target = all.filter((r) => ['falkenauer', 'scholl', 'schwerin', 'waescher'].includes(r.set));
  if (target.length > 0) rows.push(summarise('1-D target sets together', target));
  const vec = all.filter((r) => VECTOR_SETS.includes(r.set));
  if (vec.length > 0) rows.push(summarise('vector sets together', vec));
  console.log(markdownTable(HEADER, rows));
}
