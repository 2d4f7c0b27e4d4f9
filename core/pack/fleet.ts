// Seeded 4-D fleets for the throughput benchmark: a host model and items in kernel units (millicores, MiB,
// MB, Mbps). Two kinds, as the issue asks: (a) many replicas of a catalogue of distinct service shapes, with
// a heavy-tailed replica count per shape as in real catalogues (a few services run most replicas), and
// (b) items that are all different. Deterministic: mulberry32 (core/examples/random.ts), integers only.
import { mulberry32, pick } from '../examples/random';

export interface Fleet {
  readonly dims: number;
  /** Capacity of one host (all hosts identical). */
  readonly hostCapacity: readonly number[];
  /** Hosts in the pool: comfortably more than any packing needs. */
  readonly hosts: number;
  /** Item-major demands, items × dims. */
  readonly demands: Float64Array;
  readonly items: number;
  /** Distinct demand vectors. */
  readonly shapes: number;
}

// 2-socket, 64-core / 128-thread host with 512 GiB, 7.68 TB and 25 Gbps.
export const FLEET_HOST = [128_000, 524_288, 7_680_000, 25_000] as const;

const CORES = [0.25, 0.5, 1, 1, 2, 2, 2, 4, 4, 8, 16];
const GIB_PER_CORE = [1, 2, 2, 4, 4, 8];
const DISK_GB = [10, 20, 50, 100, 200, 500];
const NET_MBPS = [50, 100, 200, 500, 1000];

function randomShape(rand: () => number): number[] {
  const cores = pick(rand, CORES);
  const cpu = Math.round(cores * 1000 * (0.9 + 0.2 * rand()) / 10) * 10;
  const memory = Math.round(cores * pick(rand, GIB_PER_CORE) * 1024 * (0.75 + 0.5 * rand()) / 64) * 64;
  return [cpu, Math.max(64, memory), pick(rand, DISK_GB) * 1000, pick(rand, NET_MBPS)];
}

function poolFor(demands: Float64Array, items: number): number {
  let hosts = 0;
  for (let d = 0; d < 4; d++) {
    let total = 0;
    for (let i = 0; i < items; i++) total += demands[i * 4 + d];
    hosts = Math.max(hosts, Math.ceil(total / FLEET_HOST[d]));
  }
  return Math.ceil(hosts * 2) + 16;
}

/** `replicas` items drawn from `shapes` distinct shapes; replica counts per shape follow 1/rank^0.9. */
export function replicaFleet(replicas: number, shapes: number, seed = 1): Fleet {
  const rand = mulberry32(seed);
  const seen = new Set<string>();
  const catalogue: number[][] = [];
  while (catalogue.length < shapes) {
    const s = randomShape(rand);
    const key = s.join(',');
    if (!seen.has(key)) { seen.add(key); catalogue.push(s); }
  }
  const weights = catalogue.map((_, r) => 1 / Math.pow(r + 1, 0.9));
  const total = weights.reduce((a, b) => a + b, 0);
  const counts = weights.map((w) => Math.max(1, Math.floor((replicas - shapes) * w / total) + 1));
  let excess = counts.reduce((a, b) => a + b, 0) - replicas;
  for (let r = 0; excess !== 0; r = (r + 1) % shapes) {
    if (excess > 0 && counts[r] > 1) { counts[r]--; excess--; } else if (excess < 0) { counts[r]++; excess++; }
  }
  const demands = new Float64Array(replicas * 4);
  let i = 0;
  catalogue.forEach((s, r) => { for (let k = 0; k < counts[r]; k++, i++) demands.set(s, i * 4); });
  return { dims: 4, hostCapacity: FLEET_HOST, hosts: poolFor(demands, replicas), demands, items: replicas, shapes };
}

/** `items` items with independent random shapes (continuous-looking integer sizes: effectively all different). */
export function distinctFleet(items: number, seed = 1): Fleet {
  const rand = mulberry32(seed);
  const demands = new Float64Array(items * 4);
  for (let i = 0; i < items; i++) {
    const cpu = 100 + Math.floor(Math.exp(rand() * Math.log(160)) * 100); // 0.2–16 cores, log-uniform
    const memory = Math.floor(cpu * (0.5 + 7.5 * rand()) * 1.024);
    demands.set([cpu, memory, 1000 + Math.floor(rand() * 499_000), 10 + Math.floor(rand() * 990)], i * 4);
  }
  const shapes = new Set(Array.from({ length: items }, (_, i) => demands.subarray(i * 4, i * 4 + 4).join(','))).size;
  return { dims: 4, hostCapacity: FLEET_HOST, hosts: poolFor(demands, items), demands, items, shapes };
}
