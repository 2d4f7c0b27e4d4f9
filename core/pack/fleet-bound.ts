// Lower bounds on the hosts (or the cost) a fleet needs, computed on shapes and host classes instead of items and
// hosts, so 10^6 replicas of 10^4 shapes cost no more than their shapes:
//   volume   ceil(Σ count · demand_d / capacity_d) per dimension (identical hosts)
//   l2       Martello & Toth's L2 per dimension on (size, count) pairs (identical hosts; core/pack/bounds.ts has
//            the item form and the source)
//   classes  a pool of several host models: the LP relaxation of "which hosts to run", one variable per class,
//              min Σ_c cost_c·x_c  s.t.  Σ_c capacity_cd·x_c >= T_d (every dimension d),  0 <= x_c <= count_c,
//            which couples the dimensions (the per-dimension volume bound takes the largest model of each
//            dimension separately, as if one host could be the CPU-richest and the memory-richest at once). It is
//            bounded through its Lagrangian dual: for any prices y >= 0 per unit of each dimension,
//              L(y) = Σ_d T_d·y_d + Σ_c count_c · min(0, cost_c − capacity_c·y)
//            is at most the LP's optimum (hence at most any packing's cost), and equals it at the best y (LP
//            duality). L is concave and piecewise linear, so with few classes its maximum is found exactly among
//            the vertices of its pieces; with many, by projected subgradient steps (Polyak, "Minimization of
//            unsmooth functionals", 1969) from the best one-dimension prices. Every y tried is a valid bound.
// Everything is deterministic (fixed step rules, no clock).

export interface HostClass {
  readonly capacity: readonly number[];
  /** Hosts of this class in the pool. */
  readonly count: number;
  /** Cost of one host (1 everywhere: the bound counts hosts). */
  readonly cost: number;
}

export interface Shape {
  readonly demand: readonly number[];
  /** Items of this shape. */
  readonly count: number;
}

export interface FleetBound {
  /** Hosts (or cost) at least; null when the pool cannot hold the demand in some dimension. */
  readonly value: number | null;
  readonly method: 'volume' | 'l2' | 'classes';
  /** Dimension that gives a volume or L2 bound. */
  readonly dim: number | null;
}

/** Hosts grouped into classes of equal capacity and cost, in order of first appearance. */
export function hostClasses(dims: number, capacity: ArrayLike<number>, cost: ArrayLike<number> | null, hosts: number): HostClass[] {
  const index = new Map<string, number>();
  const out: { capacity: number[]; count: number; cost: number }[] = [];
  for (let h = 0; h < hosts; h++) {
    const c = Array.from({ length: dims }, (_, d) => capacity[h * dims + d]);
    const k = cost ? cost[h] : 1;
    const key = `${c.join(',')}|${k}`;
    const at = index.get(key);
    if (at === undefined) { index.set(key, out.length); out.push({ capacity: c, count: 1, cost: k }); } else out[at].count++;
  }
  return out;
}

/** Classes of equal capacity and cost merged (a pool lists one group per rack and model). */
function mergeClasses(dims: number, classes: readonly HostClass[]): HostClass[] {
  const index = new Map<string, number>();
  const out: HostClass[] = [];
  for (const c of classes) {
    const key = `${c.capacity.slice(0, dims).join(',')}|${c.cost}`;
    const at = index.get(key);
    if (at === undefined) { index.set(key, out.length); out.push(c); } else out[at] = { ...out[at], count: out[at].count + c.count };
  }
  return out;
}

/** Items grouped into shapes of equal demand, in order of first appearance. */
export function itemShapes(dims: number, demands: ArrayLike<number>, items: number): Shape[] {
  const index = new Map<string, number>();
  const out: { demand: number[]; count: number }[] = [];
  for (let i = 0; i < items; i++) {
    const s = Array.from({ length: dims }, (_, d) => demands[i * dims + d]);
    const key = s.join(',');
    const at = index.get(key);
    if (at === undefined) { index.set(key, out.length); out.push({ demand: s, count: 1 }); } else out[at].count++;
  }
  return out;
}

/** ceil(x) for a bound computed in floating point: a hair above an integer is rounding error, not a host. */
const ceilBound = (x: number) => Math.ceil(x - 1e-9 * Math.max(1, Math.abs(x)));

/** Σ count · demand_d per dimension (negative demands count as 0: they only free capacity). */
function totals(dims: number, shapes: readonly Shape[]): number[] {
  const t = new Array<number>(dims).fill(0);
  for (const s of shapes) for (let d = 0; d < dims; d++) t[d] += s.count * Math.max(0, s.demand[d]);
  return t;
}

/** Volume and L2 bounds of one dimension for identical hosts of capacity `c`, from (size, count) pairs. */
function identicalBound(dims: number, capacity: readonly number[], shapes: readonly Shape[]): FleetBound {
  let best: FleetBound = { value: 0, method: 'volume', dim: null };
  const t = totals(dims, shapes);
  for (let d = 0; d < dims; d++) {
    if (t[d] <= 0) continue;
    if (capacity[d] <= 0) return { value: null, method: 'volume', dim: d };
    const v = ceilBound(t[d] / capacity[d]);
    if ((best.value ?? 0) < v) best = { value: v, method: 'volume', dim: d };
    if (shapes.some((s) => s.demand[d] < 0)) continue; // L2 reasons about sizes in [0, C]
    const l2 = weightedL2(shapes.map((s) => s.demand[d]), shapes.map((s) => s.count), capacity[d]);
    if (Number.isFinite(l2) && (best.value ?? 0) < l2) best = { value: l2, method: 'l2', dim: d };
  }
  return best;
}

/** Martello–Toth L2 (the formula of martelloTothL2) on distinct sizes with counts: O(S log S), whatever the counts. */
export function weightedL2(sizes: readonly number[], counts: readonly number[], capacity: number): number {
  const order = sizes.map((_, j) => j).filter((j) => sizes[j] > 0 && counts[j] > 0).sort((a, b) => sizes[b] - sizes[a]);
  if (order.length === 0) return 0;
  if (sizes[order[0]] > capacity) return Infinity;
  const w = order.map((j) => sizes[j]), n = order.map((j) => counts[j]);
  const m = w.length;
  const cnt = new Float64Array(m + 1), sum = new Float64Array(m + 1);
  for (let i = 0; i < m; i++) { cnt[i + 1] = cnt[i] + n[i]; sum[i + 1] = sum[i] + n[i] * w[i]; }
  // first index whose size is not > x (sizes non-increasing)
  const above = (x: number) => { let lo = 0, hi = m; while (lo < hi) { const mid = (lo + hi) >> 1; if (w[mid] > x) lo = mid + 1; else hi = mid; } return lo; };
  const atLeast = (x: number) => { let lo = 0, hi = m; while (lo < hi) { const mid = (lo + hi) >> 1; if (w[mid] >= x) lo = mid + 1; else hi = mid; } return lo; };
  const half = capacity / 2;
  const ceilQ = (total: number) => { const q = Math.ceil(total / capacity); return (q - 1) * capacity >= total ? q - 1 : q; };
  let best = 0;
  for (const alpha of [0, ...w.filter((x) => x <= half)]) {
    const j1 = above(capacity - alpha), j12 = above(half), j123 = atLeast(Math.max(alpha, 1e-300));
    const j2Free = (cnt[j12] - cnt[j1]) * capacity - (sum[j12] - sum[j1]);
    const j3Sum = sum[j123] - sum[j12];
    best = Math.max(best, cnt[j12] + (j3Sum > j2Free ? ceilQ(j3Sum - j2Free) : 0));
  }
  return best;
}

/**
 * Lagrangian bound on the class LP (see the header). A pool too small for the demand is extended as the volume
 * bound extends it: any number of hosts of every class (the bound then says how many hosts the demand needs).
 * Null when some dimension has demand and no class offers it.
 */
export function classLpBound(dims: number, pool: readonly HostClass[], demand: readonly number[]): number | null {
  let short = false;
  for (let d = 0; d < dims; d++) {
    if (demand[d] <= 0) continue;
    let have = 0;
    for (const c of pool) have += c.count * Math.max(0, c.capacity[d]);
    if (!pool.some((c) => c.count > 0 && c.capacity[d] > 0)) return null;
    if (have < demand[d]) short = true;
  }
  // x_c never needs to exceed what covers every dimension with class c alone: that many is "any number".
  const enough = (c: HostClass) => Math.ceil(Math.max(1, ...demand.slice(0, dims).map((t, d) => (t > 0 && c.capacity[d] > 0 ? t / c.capacity[d] : 0))));
  const classes = short ? pool.map((c) => ({ ...c, count: Math.max(c.count, enough(c)) })) : pool;
  const cap = classes.map((c) => c.capacity.slice(0, dims).map((x) => Math.max(0, x)));
  const value = (y: readonly number[]) => {
    let v = 0;
    for (let d = 0; d < dims; d++) v += Math.max(0, demand[d]) * y[d];
    classes.forEach((c, k) => {
      let price = 0;
      for (let d = 0; d < dims; d++) price += cap[k][d] * y[d];
      if (price > c.cost) v += c.count * (c.cost - price);
    });
    return v;
  };
  // L is concave and piecewise linear; its maximum over y >= 0 lies where `dims` of the hyperplanes
  // capacity_c·y = cost_c and y_d = 0 meet. Few classes: try every such vertex (exact). Many: subgradient steps.
  const planes = classes.length + dims;
  return combinations(planes, dims) <= VERTEX_LIMIT ? bestVertex(dims, cap, classes, value) : subgradient(dims, cap, classes, demand, value);
}

/** Vertices tried at most (C(classes + dims, dims)); beyond, the subgradient method. */
const VERTEX_LIMIT = 200_000;

function combinations(n: number, k: number): number {
  let c = 1;
  for (let j = 0; j < k; j++) c = (c * (n - j)) / (j + 1);
  return c;
}

function bestVertex(dims: number, cap: number[][], classes: readonly HostClass[], value: (y: readonly number[]) => number): number {
  const row = (p: number): number[] => (p < classes.length ? cap[p] : Array.from({ length: dims }, (_, d) => (d === p - classes.length ? 1 : 0)));
  const rhs = (p: number) => (p < classes.length ? classes[p].cost : 0);
  let best = 0;
  const pick: number[] = [];
  const visit = (from: number): void => {
    if (pick.length === dims) {
      const y = solveSquare(pick.map(row), pick.map(rhs));
      if (y) best = Math.max(best, value(y.map((v) => Math.max(0, v))));
      return;
    }
    for (let p = from; p < classes.length + dims; p++) { pick.push(p); visit(p + 1); pick.pop(); }
  };
  visit(0);
  return best;
}

/** Gaussian elimination with partial pivoting; null when (nearly) singular. */
function solveSquare(a: number[][], b: number[]): number[] | null {
  const n = b.length;
  const m = a.map((r, i) => [...r, b[i]]);
  for (let col = 0; col < n; col++) {
    let piv = col;
    for (let r = col + 1; r < n; r++) if (Math.abs(m[r][col]) > Math.abs(m[piv][col])) piv = r;
    const scale = Math.max(...m[piv].slice(0, n).map(Math.abs), 1e-300);
    if (Math.abs(m[piv][col]) <= 1e-12 * scale) return null;
    [m[col], m[piv]] = [m[piv], m[col]];
    for (let r = 0; r < n; r++) {
      if (r === col) continue;
      const f = m[r][col] / m[col][col];
      if (f !== 0) for (let k = col; k <= n; k++) m[r][k] -= f * m[col][k];
    }
  }
  return m.map((r, i) => r[n] / r[i]);
}

/** Projected subgradient ascent from the best one-dimension prices, a deterministic geometric step schedule. */
function subgradient(dims: number, cap: number[][], classes: readonly HostClass[], demand: readonly number[],
  value: (y: readonly number[]) => number, rounds = 2000): number {
  let best = 0, cur = new Array<number>(dims).fill(0);
  for (let d = 0; d < dims; d++) {
    if (demand[d] <= 0) continue;
    classes.forEach((c, k) => {
      if (cap[k][d] <= 0) return;
      const trial = new Array<number>(dims).fill(0);
      trial[d] = c.cost / cap[k][d];
      const v = value(trial);
      if (v > best) { best = v; cur = trial; }
    });
  }
  const scale = Array.from({ length: dims }, (_, d) => Math.max(0, ...classes.map((c, k) => (cap[k][d] > 0 ? c.cost / cap[k][d] : 0))));
  let step = 0.5;
  for (let r = 0; r < rounds; r++) {
    const g = Array.from({ length: dims }, (_, d) => Math.max(0, demand[d]));
    classes.forEach((c, k) => {
      let price = 0;
      for (let d = 0; d < dims; d++) price += cap[k][d] * cur[d];
      if (price > c.cost) for (let d = 0; d < dims; d++) g[d] -= c.count * cap[k][d];
    });
    let norm = 0;
    for (let d = 0; d < dims; d++) norm += (g[d] * scale[d]) ** 2;
    if (norm === 0) break;
    const k = step / Math.sqrt(norm);
    cur = cur.map((v, d) => Math.max(0, v + k * g[d] * scale[d] * scale[d]));
    best = Math.max(best, value(cur));
    step *= 0.997;
  }
  return best;
}

/**
 * The best of the bounds above for `shapes` on a pool of `classes` (identical hosts: volume and L2; several
 * classes: the class LP, which is at least each dimension's volume bound for the same pool). `value` counts hosts
 * when every cost is 1, cost otherwise (rounded up only when every cost is a whole number).
 */
export function fleetLowerBound(dims: number, classes: readonly HostClass[], shapes: readonly Shape[]): FleetBound {
  const live = mergeClasses(dims, classes.filter((c) => c.count > 0));
  if (live.length === 0) return { value: shapes.some((s) => s.count > 0 && s.demand.some((x) => x > 0)) ? null : 0, method: 'volume', dim: null };
  if (live.length === 1 && live[0].cost === 1) return identicalBound(dims, live[0].capacity, shapes);
  const lp = classLpBound(dims, live, totals(dims, shapes));
  if (lp === null) return { value: null, method: 'classes', dim: null };
  const whole = live.every((c) => Number.isInteger(c.cost));
  const value = whole ? ceilBound(lp) : lp;
  if (live.length === 1) {
    // One class with a cost other than 1: the identical-host bounds times that cost.
    const identical = identicalBound(dims, live[0].capacity, shapes);
    if (identical.value !== null && identical.value * live[0].cost >= value) return { ...identical, value: identical.value * live[0].cost };
  }
  return { value, method: 'classes', dim: null };
}
