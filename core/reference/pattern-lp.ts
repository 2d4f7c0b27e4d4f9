// Reference for assembly/pack/pattern-lp.ts: the LP relaxation of one-dimensional bin packing in its cutting-stock
// form, solved by column generation (Gilmore & Gomory, "A linear programming approach to the cutting-stock
// problem", Operations Research 9 (1961) 849–859):
//   min Σ_j x_j   s.t.   Σ_j a_ij x_j >= d_i for every item size i,   x >= 0,
// one column per pattern a (a host's content: a_i items of size w_i, Σ_i w_i a_i <= C). Patterns are generated
// on demand by a bounded knapsack over the prices (dynamic programming over the capacity, item copies as 0/1
// items). Two stabilisations cut the number of pricing rounds:
//   - dual-optimal inequalities y_i >= y_(i+1) for consecutive sizes w_i > w_(i+1) (Ben Amor, Desrosiers &
//     Valério de Carvalho, "Dual-optimal inequalities for stabilized column generation", Operations Research 54
//     (2006) 454–463), as cost-0 exchange columns: an item of a larger size may stand in for a smaller one;
//   - smoothing: patterns are priced at α·(best prices so far) + (1 − α)·(current duals), and at the duals alone
//     when that finds no column (Wentges, "Weighted Dantzig–Wolfe decomposition for linear mixed-integer
//     programming", International Transactions in Operational Research 4 (1997) 151–162).
// Every knapsack also yields a valid lower bound, Σ_i d_i π_i / max_a π·a for prices π >= 0 (Farley, "A note on
// bounding a class of linear programming problems, including cutting stock problems", Operations Research 38
// (1990) 922–923).
// The restricted master is solved by the revised primal simplex (Dantzig's rule; Bland's rule after
// LP_BLAND_AFTER degenerate pivots in a row, which cannot cycle: Bland, "New finite pivoting rules for the simplex
// method", Mathematics of Operations Research 2 (1977) 103–107) with an explicit dense basis inverse, updated per
// pivot and rebuilt by Gauss–Jordan every LP_REINVERT pivots. Sizes are rows in decreasing
// order; surplus columns −e_i make every row an inequality. The work is split into steps (one pivot, or one
// pricing round), so any split of a step budget gives the same LP. After the root LP, `dive` fixes patterns
// level by level (residual rounding repeated, with limited backtracking) and re-solves the residual LP from the
// same basis and pool. The kernel follows this file statement by statement, so both compute bit-identical values.
import {
  DIVE_DONE, DIVE_MAX_STEPS, DIVE_NONE, DIVE_RUNNING, DIVE_STOPPED, DIVE_TRIES, LP_BLAND_AFTER, LP_INELIGIBLE,
  LP_MAX_CAPACITY, LP_MAX_COLUMNS, LP_MAX_ENTRIES, LP_MAX_ITEMS, LP_MAX_STEPS, LP_MAX_TYPES, LP_NONE, LP_OPTIMAL,
  LP_REINVERT, LP_RUNNING, LP_SMOOTHING, LP_STOPPED, LP_TAKE_WORDS,
} from '../../assembly/abi';
import type { PackArena } from '../kernel/packer';

const EPS = 1e-9;

/**
 * Whether the instance is one dimension without hard rules, with whole-number sizes within the caps: then the
 * number of items per size (index = size) in `count`, and the number of distinct sizes is returned; else -1.
 */
function scanSizes(a: PackArena, count: Float64Array): number {
  if (a.dims !== 1 || a.hosts < 1 || a.items < 1 || a.items > LP_MAX_ITEMS) return -1;
  const c = a.hostCapacity[0], cost = a.hostCost[0];
  if (!(c >= 1 && c <= LP_MAX_CAPACITY && Math.floor(c) === c)) return -1;
  for (let h = 0; h < a.hosts; h++) {
    if (a.hostCapacity[h] !== c || a.hostCost[h] !== cost || a.hostMaxItems[h] > 0) return -1;
  }
  for (let i = 0; i < a.items; i++) {
    if (a.itemExclusive[i] !== 0 || a.itemSpread[i] >= 0 || a.itemAffinity[i] >= 0) return -1;
    for (let k = 0; k < a.labelWords; k++) if (a.itemLabels[i * a.labelWords + k] !== 0) return -1;
  }
  for (let x = 0; x <= c; x++) count[x] = 0;
  let m = 0, copies = 0;
  for (let i = 0; i < a.items; i++) {
    const x = a.itemDemand[i];
    if (!(x >= 0 && x <= c && Math.floor(x) === x)) return -1;
    if (x > 0) {
      if (count[x] === 0) m++;
      count[x] += 1;
      copies++;
    }
  }
  if (m === 0 || m > LP_MAX_TYPES || copies * (c + 1) > LP_TAKE_WORDS * 32) return -1;
  return m;
}

export class PatternLp {
  state = LP_NONE;
  /** Distinct sizes (rows), capacity, and whether the basis inverse is trustworthy. */
  m = 0;
  capacity = 0;
  valid = true;
  steps = 0;
  pivots = 0;
  private sinceInvert = 0;
  private degenerate = 0; // degenerate pivots in a row
  // Sizes in decreasing order, items per size, and the items of each size as a list (ascending item index).
  readonly size = new Int32Array(LP_MAX_TYPES);
  readonly demand = new Int32Array(LP_MAX_TYPES);
  /** Items per size not yet in a fixed pattern: the demand the LP is solved for (all of them before the dive). */
  readonly residual = new Int32Array(LP_MAX_TYPES);
  readonly typeHead = new Int32Array(LP_MAX_TYPES);
  readonly itemNext: Int32Array;
  // Column pool: column j has entries [columnStart[j], columnStart[j + 1]).
  columns = 0;
  entries = 0;
  readonly columnStart = new Int32Array(LP_MAX_COLUMNS + 1);
  readonly columnCost = new Float64Array(LP_MAX_COLUMNS);
  readonly columnBasic = new Int32Array(LP_MAX_COLUMNS);
  readonly entryType = new Int32Array(LP_MAX_ENTRIES);
  readonly entryCount = new Int32Array(LP_MAX_ENTRIES);
  // Basis: basis[r] is a column, or −(i + 1) for the surplus column of row i.
  readonly basis = new Int32Array(LP_MAX_TYPES);
  readonly surplusBasic = new Int32Array(LP_MAX_TYPES);
  readonly inverse: Float64Array;
  private readonly matrix: Float64Array;
  /** Values of the basic variables, duals, and scratch. */
  readonly value = new Float64Array(LP_MAX_TYPES);
  readonly dual = new Float64Array(LP_MAX_TYPES);
  private readonly center = new Float64Array(LP_MAX_TYPES);
  private readonly price = new Float64Array(LP_MAX_TYPES);
  private readonly direction = new Float64Array(LP_MAX_TYPES);
  private readonly pattern = new Int32Array(LP_MAX_TYPES);
  private readonly copyType: Int32Array;
  private readonly table = new Float64Array(LP_MAX_CAPACITY + 1);
  private readonly take = new Int32Array(LP_TAKE_WORDS);
  // Smoothing: best prices so far and their bound; the last round found no column at smoothed prices.
  private centerSet = false;
  private centerBound = 0;
  private mispriced = false;
  // Diving: the patterns fixed so far (one entry per host, in the order fixed), the root LP's bound and value.
  diveState = DIVE_NONE;
  fixed = 0;
  readonly fixedColumn: Int32Array;
  private rootBound = 0;
  /** Rows of the items each fixed host took: host k's are fixRow[fixStart[k], fixStart[k + 1]). */
  private readonly fixRow: Int32Array;
  private readonly fixStart: Int32Array;
  /** Hosts the dive aims at: the root bound, raised when every rounding tried at a level overshoots it. */
  private target = 0;
  /** The column rounded up at this level, awaiting its residual LP's verdict (-1: none); columns tried before. */
  private trial = -1;
  private readonly tried = new Int32Array(DIVE_TRIES);
  private triedCount = 0;
  private rootValue = 0;
  /** The basis may be primal infeasible after a fixing: phase-1 pivots (feasibilityPivot) come first. */
  private infeasible = false;

  constructor(private readonly a: PackArena) {
    this.itemNext = new Int32Array(Math.max(a.items, 1));
    this.fixedColumn = new Int32Array(Math.max(a.items, 1));
    this.fixRow = new Int32Array(Math.max(a.items, 1));
    this.fixStart = new Int32Array(Math.max(a.items, 1) + 1);
    this.copyType = new Int32Array(Math.max(a.items, 1));
    const dim = Math.min(Math.max(a.items, 1), LP_MAX_TYPES);
    this.inverse = new Float64Array(dim * dim);
    this.matrix = new Float64Array(dim * dim);
    this.init();
  }

  /** Same sizes and item counts as when the LP was set up (the arena may have been refilled since). */
  sameSizes(): boolean {
    if (this.state === LP_INELIGIBLE) return scanSizes(this.a, this.table) < 0;
    const m = scanSizes(this.a, this.table);
    if (m !== this.m || this.a.hostCapacity[0] !== this.capacity) return false;
    for (let t = 0; t < m; t++) if (this.table[this.size[t]] !== this.demand[t]) return false;
    return true;
  }

  /** The current solution may be rounded: the LP was set up and its inverse is sound. */
  usable(): boolean {
    return this.state !== LP_NONE && this.state !== LP_INELIGIBLE && this.valid;
  }

  /** Lower bound on hosts from the best prices so far (0 before any pricing round); the root LP's once diving. */
  bound(): number {
    if (this.diveState !== DIVE_NONE) return this.rootBound;
    return this.centerSet ? Math.ceil(this.centerBound - 1e-6) : 0;
  }

  /** The LP's value: the restricted master's objective, or the root LP's once diving. */
  reportedValue(): number {
    return this.diveState !== DIVE_NONE ? this.rootValue : this.objective();
  }

  objective(): number {
    let z = 0;
    for (let r = 0; r < this.m; r++) {
      const j = this.basis[r];
      if (j >= 0) z += this.columnCost[j] * this.value[r];
    }
    return z;
  }

  /** Runs up to `budget` steps while the root LP is running; returns its state. */
  run(budget: number): number {
    for (let k = 0; k < budget && this.state === LP_RUNNING && this.diveState === DIVE_NONE; k++) this.step();
    return this.state;
  }

  /**
   * Up to `budget` steps of the dive: the root LP to its optimum first, then levels of residual rounding
   * (fixLevel) each followed by the residual LP re-solved from the same basis and column pool (phase-1 pivots
   * until the basis is feasible again, then column generation). The dive ends when at most `leave` hosts of the
   * target are left to fill (the rounding's minimum-slack rule and the improvement phase take over there), or
   * when every item is fixed. Returns the dive's state.
   */
  dive(budget: number, leave: number): number {
    for (let k = 0; k < budget && (this.diveState === DIVE_NONE || this.diveState === DIVE_RUNNING); k++) {
      if (this.diveState === DIVE_RUNNING && this.steps >= LP_MAX_STEPS + DIVE_MAX_STEPS) { this.diveState = DIVE_STOPPED; break; }
      if (this.state === LP_RUNNING) { this.step(); continue; }
      if (this.state !== LP_OPTIMAL || !this.valid) { this.diveState = DIVE_STOPPED; break; }
      if (this.diveState === DIVE_NONE) {
        this.rootBound = this.bound();
        this.rootValue = this.objective();
        this.target = this.rootBound;
        this.diveState = DIVE_RUNNING;
      }
      this.steps++;
      if (this.trial >= 0) {
        // A rounding up whose residual LP needs more hosts than the target: undo it and round up the next
        // candidate instead, up to DIVE_TRIES of them per level (limited backtracking, as in the diving
        // heuristics with limited discrepancy search of Sadykov, Vanderbeck, Pessoa, Tahiri & Uchoa, "Primal
        // heuristics for branch and price: the assets of diving methods", INFORMS Journal on Computing 31
        // (2019) 251–267). When all of them overshoot, the last one stands and the target rises.
        const need = this.fixed + Math.ceil(this.objective() - 1e-6);
        if (need > this.target) {
          if (this.triedCount < DIVE_TRIES) {
            this.tried[this.triedCount++] = this.trial;
            this.trial = -1;
            this.unfix();
            this.resolve();
            continue;
          }
          this.target = need;
        }
        this.trial = -1;
      }
      if (this.target - this.fixed <= leave) { this.diveState = DIVE_DONE; break; }
      this.fixLevel();
    }
    return this.diveState;
  }

  /**
   * One level of the dive on an optimal basis (Wäscher & Gau 1996's residual rounding, repeated; the diving
   * heuristic of column generation, e.g. Vanderbeck, "Computational study of a column generation algorithm for
   * bin packing and cutting stock problems", Mathematical Programming 86 (1999) 565–594, and Belov & Scheithauer,
   * "A branch-and-cut-and-price algorithm for one-dimensional stock cutting and two-dimensional two-stage
   * cutting", EJOR 171 (2006) 85–106, whose residual problems are re-solved after each rounding): every basic
   * pattern's whole part is fixed; with none, one copy of the pattern of largest value is (rounding up). The
   * items fixed leave the residual demand, and the basis gets the values B⁻¹·residual.
   */
  private fixLevel(): void {
    const m = this.m;
    let took = false;
    for (let r = 0; r < m; r++) {
      const j = this.basis[r];
      if (j < 0 || this.columnCost[j] === 0) continue;
      const copies = Math.floor(this.value[r] + 1e-9);
      for (let c = 0; c < copies && this.fix(j); c++) took = true;
    }
    if (took) this.triedCount = 0;
    else {
      // Round up the pattern of largest value not tried at this level yet (of largest value at all if none).
      let best = EPS, q = -1, any = -1, bestAny = EPS;
      for (let r = 0; r < m; r++) {
        const j = this.basis[r];
        if (j < 0 || this.columnCost[j] === 0) continue;
        if (this.value[r] > bestAny) { bestAny = this.value[r]; any = j; }
        let seen = false;
        for (let k = 0; k < this.triedCount; k++) if (this.tried[k] === j) seen = true;
        if (!seen && this.value[r] > best) { best = this.value[r]; q = j; }
      }
      if (q < 0) { q = any; this.triedCount = DIVE_TRIES; }
      if (q >= 0) took = this.fix(q);
      if (took) this.trial = q;
    }
    let left = 0;
    for (let i = 0; i < m; i++) left += this.residual[i];
    if (left === 0) { this.diveState = DIVE_DONE; return; }
    if (!took) { this.diveState = DIVE_STOPPED; return; }
    this.resolve();
  }

  /** The residual demand changed: the basis gets the values B⁻¹·residual, and the LP runs again from it. */
  private resolve(): void {
    const m = this.m, inv = this.inverse;
    for (let r = 0; r < m; r++) {
      let s = 0;
      for (let i = 0; i < m; i++) s += inv[r * m + i] * this.residual[i];
      this.value[r] = s;
    }
    this.infeasible = true;
    this.centerSet = false;
    this.centerBound = 0;
    this.mispriced = false;
    this.degenerate = 0;
    this.state = LP_RUNNING;
  }

  /**
   * Fixes one copy of pattern j: its items leave the residual demand, a size that has run out replaced by the
   * next smaller one left (as lp-rounding.ts places them). False if no item is left to take.
   */
  private fix(j: number): boolean {
    const m = this.m;
    let took = 0;
    for (let e = this.columnStart[j]; e < this.columnStart[j + 1]; e++) {
      let t = this.entryType[e];
      for (let q = 0; q < this.entryCount[e]; q++) {
        while (t < m && this.residual[t] === 0) t++;
        if (t >= m) break;
        this.fixRow[this.fixStart[this.fixed] + took] = t;
        this.residual[t]--;
        took++;
      }
    }
    if (took === 0) return false;
    this.fixedColumn[this.fixed++] = j;
    this.fixStart[this.fixed] = this.fixStart[this.fixed - 1] + took;
    return true;
  }

  /** Gives the items of the last fixed host back to the residual demand. */
  private unfix(): void {
    this.fixed--;
    for (let k = this.fixStart[this.fixed]; k < this.fixStart[this.fixed + 1]; k++) this.residual[this.fixRow[k]]++;
  }

  /**
   * Phase-1 pivot after a fixing (the composite simplex: minimise the sum of infeasibilities from the current
   * basis): basic variables below zero cost −1, so a non-basic column q with −Σ_{x_r<0} (B⁻¹a_q)_r < 0 moves them
   * towards zero. Dantzig's rule picks q (Bland's after LP_BLAND_AFTER degenerate pivots); the ratio test blocks
   * at a feasible basic variable reaching zero, or an infeasible one reaching zero from below (first row on
   * ties, the lowest-ranked variable under Bland's rule). Duals stay those of the true costs. Once no value is
   * negative, the primal steps resume.
   */
  private feasibilityPivot(): void {
    const m = this.m, inv = this.inverse, y = this.price;
    let any = false;
    for (let i = 0; i < m; i++) y[i] = 0;
    for (let r = 0; r < m; r++) {
      if (this.value[r] >= -EPS) continue;
      any = true;
      for (let i = 0; i < m; i++) y[i] -= inv[r * m + i];
    }
    if (!any) { this.infeasible = false; return; }
    // Phase-1 reduced cost of a non-basic column a_q (cost 0): −y·a_q; of row i's surplus column: y_i.
    const bland = this.degenerate >= LP_BLAND_AFTER;
    let q = 0, best = -EPS, found = false;
    for (let i = 0; i < m && !(bland && found); i++) {
      if (this.surplusBasic[i] === 0 && y[i] < best) { best = y[i]; q = -i - 1; found = true; }
    }
    for (let j = 0; j < this.columns && !(bland && found); j++) {
      if (this.columnBasic[j] !== 0) continue;
      let s = 0;
      for (let e = this.columnStart[j]; e < this.columnStart[j + 1]; e++) s -= y[this.entryType[e]] * this.entryCount[e];
      if (s < best) { best = s; q = j; found = true; }
    }
    if (!found) { this.state = LP_STOPPED; return; }
    this.computeDirection(q);
    const u = this.direction;
    let r = -1, ratio = Infinity;
    for (let k = 0; k < m; k++) {
      const x = this.value[k];
      let t: number;
      if (x >= -EPS) {
        if (u[k] <= 1e-9) continue;
        t = Math.max(0, x) / u[k];
      } else {
        if (u[k] >= -1e-9) continue;
        t = x / u[k];
      }
      if (t < ratio - 1e-12) { ratio = t; r = k; }
      else if (bland && t <= ratio + 1e-12 && this.variableRank(this.basis[k]) < this.variableRank(this.basis[r])) r = k;
    }
    if (r < 0) { this.state = LP_STOPPED; return; }
    this.degenerate = ratio <= 1e-12 ? this.degenerate + 1 : 0;
    this.pivot(r, q, q >= 0 ? this.reducedCost(q) : this.dual[-q - 1]);
  }

  private init(): void {
    const a = this.a, table = this.table;
    const m = scanSizes(a, table);
    if (m < 0) { this.state = LP_INELIGIBLE; return; }
    const c = a.hostCapacity[0];
    this.m = m;
    this.capacity = c;
    let t = 0;
    for (let x = c; x >= 1; x--) {
      if (table[x] === 0) continue;
      this.size[t] = x;
      this.demand[t] = table[x];
      this.residual[t] = table[x];
      t++;
    }
    // table[size] becomes the row of the size, to list each size's items.
    for (let r = 0; r < m; r++) {
      table[this.size[r]] = r;
      this.typeHead[r] = -1;
    }
    for (let i = a.items - 1; i >= 0; i--) {
      const x = a.itemDemand[i];
      if (x === 0) continue;
      const r = table[x];
      this.itemNext[i] = this.typeHead[r];
      this.typeHead[r] = i;
    }
    // Start: one homogeneous pattern per size (as many of it as fit, at most its count), then the exchange columns.
    for (let r = 0; r < m; r++) {
      for (let i = 0; i < m; i++) this.pattern[i] = 0;
      this.pattern[r] = Math.max(1, Math.min(this.demand[r], Math.floor(c / this.size[r])));
      const j = this.addPattern();
      this.basis[r] = j;
      this.columnBasic[j] = 1;
      this.surplusBasic[r] = 0;
    }
    for (let r = 1; r < m; r++) {
      this.entryType[this.entries] = r - 1;
      this.entryCount[this.entries] = -1;
      this.entries++;
      this.entryType[this.entries] = r;
      this.entryCount[this.entries] = 1;
      this.entries++;
      this.columnCost[this.columns] = 0;
      this.columnBasic[this.columns] = 0;
      this.columns++;
      this.columnStart[this.columns] = this.entries;
    }
    this.state = this.reinvert() ? LP_RUNNING : LP_STOPPED;
  }

  /** Appends `pattern` as a cost-1 column; -1 when the pool is full. */
  private addPattern(): number {
    const m = this.m;
    let nz = 0;
    for (let i = 0; i < m; i++) if (this.pattern[i] > 0) nz++;
    if (this.columns >= LP_MAX_COLUMNS || this.entries + nz > LP_MAX_ENTRIES) return -1;
    for (let i = 0; i < m; i++) {
      if (this.pattern[i] <= 0) continue;
      this.entryType[this.entries] = i;
      this.entryCount[this.entries] = this.pattern[i];
      this.entries++;
    }
    this.columnCost[this.columns] = 1;
    this.columnBasic[this.columns] = 0;
    this.columns++;
    this.columnStart[this.columns] = this.entries;
    return this.columns - 1;
  }

  private reducedCost(j: number): number {
    let s = this.columnCost[j];
    for (let e = this.columnStart[j]; e < this.columnStart[j + 1]; e++) s -= this.dual[this.entryType[e]] * this.entryCount[e];
    return s;
  }

  /** One pivot on a pool or surplus column that prices out, else one pricing round. */
  private step(): void {
    const m = this.m;
    if (this.diveState === DIVE_NONE && this.steps >= LP_MAX_STEPS) { this.state = LP_STOPPED; return; }
    this.steps++;
    if (this.infeasible) { this.feasibilityPivot(); return; }
    // Dantzig: the most negative reduced cost; Bland: the first negative one (surplus columns, then the pool).
    const bland = this.degenerate >= LP_BLAND_AFTER;
    let q = 0, best = -EPS, found = false;
    for (let i = 0; i < m && !(bland && found); i++) {
      if (this.surplusBasic[i] === 0 && this.dual[i] < best) { best = this.dual[i]; q = -i - 1; found = true; }
    }
    for (let j = 0; j < this.columns && !(bland && found); j++) {
      if (this.columnBasic[j] !== 0) continue;
      const rc = this.reducedCost(j);
      if (rc < best) { best = rc; q = j; found = true; }
    }
    if (found) { this.enter(q, best); return; }
    const z = this.objective();
    const smooth = this.centerSet && !this.mispriced;
    for (let i = 0; i < m; i++) this.price[i] = smooth ? LP_SMOOTHING * this.center[i] + (1 - LP_SMOOTHING) * this.dual[i] : this.dual[i];
    const v = this.knapsack();
    let dp = 0;
    for (let i = 0; i < m; i++) if (this.price[i] > 0) dp += this.residual[i] * this.price[i];
    if (v > 0) {
      const lb = dp / v;
      if (!this.centerSet || lb > this.centerBound) {
        this.centerBound = lb;
        for (let i = 0; i < m; i++) this.center[i] = this.price[i];
        this.centerSet = true;
      }
    }
    let red = 1;
    for (let i = 0; i < m; i++) red -= this.pattern[i] * this.dual[i];
    if (red < -EPS) {
      this.mispriced = false;
      const j = this.addPattern();
      if (j < 0) { this.state = LP_STOPPED; return; }
      this.enter(j, red);
      return;
    }
    if (!smooth || z - this.centerBound < 1e-6) { this.state = LP_OPTIMAL; return; }
    this.mispriced = true;
  }

  /**
   * Bounded knapsack: the pattern maximising Σ price_i a_i (sizes with a positive price, at most d_i of each),
   * left in `pattern`; returns its value. Copies are 0/1 items; take bit (t, c) records that copy t improved the
   * best value at capacity c.
   */
  private knapsack(): number {
    const m = this.m, c = this.capacity, w = c + 1;
    for (let x = 0; x <= c; x++) this.table[x] = 0;
    let n = 0;
    for (let i = 0; i < m; i++) {
      if (this.price[i] <= 0) continue;
      for (let k = 0; k < this.residual[i]; k++) this.copyType[n++] = i;
    }
    const words = (n * w + 31) >>> 5;
    for (let k = 0; k < words; k++) this.take[k] = 0;
    for (let t = 0; t < n; t++) {
      const i = this.copyType[t], wi = this.size[i], v = this.price[i], base = t * w;
      for (let x = c; x >= wi; x--) {
        const nv = this.table[x - wi] + v;
        if (nv > this.table[x] + 1e-12) {
          this.table[x] = nv;
          const bit = base + x;
          this.take[bit >>> 5] |= 1 << (bit & 31);
        }
      }
    }
    for (let i = 0; i < m; i++) this.pattern[i] = 0;
    let x = c;
    for (let t = n - 1; t >= 0; t--) {
      const bit = t * w + x;
      if ((this.take[bit >>> 5] & (1 << (bit & 31))) !== 0) {
        const i = this.copyType[t];
        this.pattern[i]++;
        x -= this.size[i];
      }
    }
    return this.table[c];
  }

  /** direction = B⁻¹ · column q (q < 0: the surplus column of row −q − 1). */
  private computeDirection(q: number): void {
    const m = this.m, u = this.direction, inv = this.inverse;
    if (q >= 0) {
      for (let r = 0; r < m; r++) u[r] = 0;
      for (let e = this.columnStart[q]; e < this.columnStart[q + 1]; e++) {
        const i = this.entryType[e], k = this.entryCount[e];
        for (let r = 0; r < m; r++) u[r] += inv[r * m + i] * k;
      }
    } else {
      const i = -q - 1;
      for (let r = 0; r < m; r++) u[r] = -inv[r * m + i];
    }
  }

  /** Order of variables for Bland's rule: surplus columns first, then the pool. */
  private variableRank(j: number): number {
    return j < 0 ? -j - 1 : this.m + j;
  }

  /**
   * Column q with reduced cost dq < 0 enters; the ratio test picks the row that leaves: the first row on ties,
   * or under Bland's rule the lowest-ranked basic variable among the tied rows.
   */
  private enter(q: number, dq: number): void {
    const m = this.m, u = this.direction;
    const bland = this.degenerate >= LP_BLAND_AFTER;
    this.computeDirection(q);
    let r = -1, ratio = Infinity;
    for (let k = 0; k < m; k++) {
      if (u[k] <= 1e-9) continue;
      const t = Math.max(0, this.value[k]) / u[k];
      if (t < ratio - 1e-12) { ratio = t; r = k; }
      else if (bland && t <= ratio + 1e-12 && this.variableRank(this.basis[k]) < this.variableRank(this.basis[r])) r = k;
    }
    if (r < 0) { this.state = LP_STOPPED; return; }
    this.degenerate = ratio <= 1e-12 ? this.degenerate + 1 : 0;
    this.pivot(r, q, dq);
  }

  private pivot(r: number, q: number, dq: number): void {
    const m = this.m, inv = this.inverse, u = this.direction, p = u[r];
    // Duals move along row r of the old inverse: y' = y + (dq / p) · e_r B⁻¹.
    const g = dq / p;
    for (let i = 0; i < m; i++) this.dual[i] += g * inv[r * m + i];
    const f = 1 / p;
    for (let i = 0; i < m; i++) inv[r * m + i] *= f;
    this.value[r] *= f;
    const xr = this.value[r];
    for (let k = 0; k < m; k++) {
      if (k === r) continue;
      const uk = u[k];
      if (uk === 0) continue;
      for (let i = 0; i < m; i++) inv[k * m + i] -= uk * inv[r * m + i];
      this.value[k] -= uk * xr;
    }
    const old = this.basis[r];
    if (old >= 0) this.columnBasic[old] = 0; else this.surplusBasic[-old - 1] = 0;
    this.basis[r] = q;
    if (q >= 0) this.columnBasic[q] = 1; else this.surplusBasic[-q - 1] = 1;
    this.pivots++;
    this.sinceInvert++;
    if (this.sinceInvert >= LP_REINVERT && !this.reinvert()) {
      this.valid = false;
      this.state = LP_STOPPED;
    }
  }

  /** B⁻¹ by Gauss–Jordan with partial pivoting, then values and duals from scratch; false if B is singular. */
  private reinvert(): boolean {
    const m = this.m, a = this.matrix, inv = this.inverse;
    for (let k = 0; k < m * m; k++) { a[k] = 0; inv[k] = 0; }
    for (let r = 0; r < m; r++) {
      const j = this.basis[r];
      if (j >= 0) {
        for (let e = this.columnStart[j]; e < this.columnStart[j + 1]; e++) a[this.entryType[e] * m + r] = this.entryCount[e];
      } else a[(-j - 1) * m + r] = -1;
      inv[r * m + r] = 1;
    }
    for (let c = 0; c < m; c++) {
      let p = c, best = Math.abs(a[c * m + c]);
      for (let r = c + 1; r < m; r++) {
        const v = Math.abs(a[r * m + c]);
        if (v > best) { best = v; p = r; }
      }
      if (best < 1e-9) return false;
      if (p !== c) {
        for (let k = 0; k < m; k++) {
          let s = a[c * m + k]; a[c * m + k] = a[p * m + k]; a[p * m + k] = s;
          s = inv[c * m + k]; inv[c * m + k] = inv[p * m + k]; inv[p * m + k] = s;
        }
      }
      const f = 1 / a[c * m + c];
      for (let k = 0; k < m; k++) { a[c * m + k] *= f; inv[c * m + k] *= f; }
      for (let r = 0; r < m; r++) {
        if (r === c) continue;
        const g = a[r * m + c];
        if (g === 0) continue;
        for (let k = c; k < m; k++) a[r * m + k] -= g * a[c * m + k];
        for (let k = 0; k < m; k++) inv[r * m + k] -= g * inv[c * m + k];
      }
    }
    this.sinceInvert = 0;
    for (let r = 0; r < m; r++) {
      let s = 0;
      for (let i = 0; i < m; i++) s += inv[r * m + i] * this.residual[i];
      this.value[r] = s;
    }
    for (let i = 0; i < m; i++) this.dual[i] = 0;
    for (let r = 0; r < m; r++) {
      const j = this.basis[r];
      const cost = j >= 0 ? this.columnCost[j] : 0;
      if (cost === 0) continue;
      for (let i = 0; i < m; i++) this.dual[i] += cost * inv[r * m + i];
    }
    return true;
  }
}
