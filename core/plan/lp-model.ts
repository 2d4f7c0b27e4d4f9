// A small builder of linear programs for HiGHS (the `highs` package): named columns and rows, each row tagged with
// what it stands for (a resource of a host group, a rule), converted to HiGHS's column-wise matrix and solved
// synchronously with a loaded HiGHS (loading is the caller's, since it is asynchronous).
import type { Highs, ModelData } from 'highs';

export interface LpColumn {
  readonly name: string;
  readonly cost: number;
  readonly lower: number;
  readonly upper: number;
  readonly integer?: boolean;
}

export interface LpRow {
  readonly name: string;
  /** What the row stands for: 'capacity', 'slots', 'cover', or a rule id ('spread:api', 'isolation:bank', …). */
  readonly tag: string;
  readonly lower: number;
  readonly upper: number;
  readonly terms: ReadonlyMap<number, number>;
}

export interface LpSolution {
  readonly status: 'optimal' | 'infeasible' | 'other';
  readonly value: number;
  readonly colValue: Float64Array;
  /** ∂ objective / ∂ row bound (HiGHS's sign convention). */
  readonly rowDual: Float64Array;
  /** Reduced cost of each column. */
  readonly colDual: Float64Array;
}

export class LpBuilder {
  readonly cols: LpColumn[] = [];
  readonly rows: LpRow[] = [];

  col(c: LpColumn): number {
    this.cols.push(c);
    return this.cols.length - 1;
  }

  row(name: string, tag: string, lower: number, upper: number, terms: Iterable<readonly [number, number]>): number {
    const m = new Map<number, number>();
    for (const [j, v] of terms) if (v !== 0) m.set(j, (m.get(j) ?? 0) + v);
    this.rows.push({ name, tag, lower, upper, terms: m });
    return this.rows.length - 1;
  }

  /** The model with the rows `keep` accepts (all by default). */
  data(highs: Highs, keep: (r: LpRow) => boolean = () => true): { data: ModelData; rows: number[] } {
    const rows = this.rows.map((_, i) => i).filter((i) => keep(this.rows[i]));
    const byCol: { row: number; v: number }[][] = this.cols.map(() => []);
    rows.forEach((i, r) => { for (const [j, v] of this.rows[i].terms) byCol[j].push({ row: r, v }); });
    const starts = [0], indices: number[] = [], values: number[] = [];
    for (const list of byCol) {
      for (const e of list) { indices.push(e.row); values.push(e.v); }
      starts.push(indices.length);
    }
    const inf = (x: number) => (x === Infinity ? highs.infinity : x === -Infinity ? -highs.infinity : x);
    const integer = this.cols.some((c) => c.integer);
    const data: ModelData = {
      numCols: this.cols.length, numRows: rows.length,
      colCost: this.cols.map((c) => c.cost), colLower: this.cols.map((c) => inf(c.lower)), colUpper: this.cols.map((c) => inf(c.upper)),
      rowLower: rows.map((i) => inf(this.rows[i].lower)), rowUpper: rows.map((i) => inf(this.rows[i].upper)),
      matrix: { format: 'csc', numRows: rows.length, numCols: this.cols.length, starts, indices, values },
      ...(integer ? { integrality: this.cols.map((c) => (c.integer ? highs.constants.variableType.integer : highs.constants.variableType.continuous)) } : {}),
    };
    return { data, rows };
  }

  /**
   * Solves (rows `keep` accepts) within `seconds`, with further HiGHS `options` (e.g. a node limit); the row duals are
   * given for every row of the builder (0 for dropped rows).
   */
  solve(highs: Highs, seconds: number, keep?: (r: LpRow) => boolean, options: Readonly<Record<string, number | boolean | string>> = {}): LpSolution {
    const { data, rows } = this.data(highs, keep);
    return highs.withModel(data, (m): LpSolution => {
      m.options.set({ output_flag: false, time_limit: seconds, mip_rel_gap: 0, ...options });
      const status = m.run().modelStatus;
      const ok = status === highs.constants.modelStatus.optimal;
      const infeasible = status === highs.constants.modelStatus.infeasible;
      const rowDual = new Float64Array(this.rows.length);
      if (!ok) return { status: infeasible ? 'infeasible' : 'other', value: NaN, colValue: new Float64Array(this.cols.length), rowDual, colDual: new Float64Array(this.cols.length) };
      const sol = m.getSolution();
      rows.forEach((i, r) => { rowDual[i] = sol.rowDual[r] ?? 0; });
      return { status: 'optimal', value: m.getObjectiveValue(), colValue: Float64Array.from(sol.colValue), rowDual, colDual: Float64Array.from(sol.colDual ?? new Float64Array(this.cols.length)) };
    });
  }
}
