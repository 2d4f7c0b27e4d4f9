// A merged table read back — what `hostfit batch merge` wrote, as CSV or JSON (merge.ts) — and the sweep chart
// drawn from it: one numeric axis of the batch (a grid parameter, the day or the seed) on x, one figure per
// deployment model on y (hosts used, cost, …), the runs that share an x value averaged (seeds, other grid
// values). Every error names where it is: the line (and column) of a CSV, the JSON path of a JSON table.
import Papa from 'papaparse';
import { z } from 'zod';
import { decodeScenarioBytes } from '../scenario/bytes';
import { formatPath } from '../scenario/schema';
import type { Cell } from './merge';

export interface TableError { readonly where: string; readonly message: string }

export interface ReadTable {
  readonly columns: readonly string[];
  readonly rows: readonly (readonly Cell[])[];
  /** The run axes: grid parameters, then day, policy, seed (the columns between `scenario` and `status`). */
  readonly axes: readonly string[];
  /** `model.figure` columns (after `error`). */
  readonly metrics: readonly string[];
  /** Runs in the batch (a JSON table says; a CSV table only knows its rows). */
  readonly runs: number;
  /** Runs without a result (merged with --partial); for CSV, the gaps in the run numbers. */
  readonly missing: readonly number[];
  readonly failed: number;
  readonly batch: string | null;
}

export type TableParse = { readonly ok: true; readonly table: ReadTable } | { readonly ok: false; readonly errors: readonly TableError[] };

const LEAD = ['index', 'scenario'] as const;
const MAX_ERRORS = 20;

/** The header's shape: index, scenario, axes…, status, error, metrics…; or what is wrong with it. */
function layout(columns: readonly string[]): { axes: string[]; metrics: string[] } | string {
  if (columns[0] !== LEAD[0] || columns[1] !== LEAD[1]) {
    return `the columns must begin with "index,scenario" (a table written by hostfit batch merge), not "${columns.slice(0, 2).join(',')}"`;
  }
  const status = columns.indexOf('status');
  if (status < 0 || columns[status + 1] !== 'error') return 'there are no "status,error" columns (a table written by hostfit batch merge has them after the run axes)';
  const seen = new Set<string>();
  for (const c of columns) {
    if (c === '') return 'a column has no name';
    if (seen.has(c)) return `column "${c}" appears twice`;
    seen.add(c);
  }
  const metrics = columns.slice(status + 2);
  const bad = metrics.find((m) => !/^[^.]+\..+$/.test(m));
  if (bad !== undefined) return `column "${bad}" after "error" is not a figure of one model (model.figure, e.g. vm.hostsUsed)`;
  return { axes: columns.slice(2, status), metrics };
}

/** Checks one row's fixed cells; `where(column)` names the cell in messages. */
function checkRow(row: readonly Cell[], columns: readonly string[], where: (column: number) => string, errors: TableError[]): void {
  const at = (name: string) => columns.indexOf(name);
  const index = row[0];
  if (typeof index !== 'number' || !Number.isInteger(index) || index < 0) errors.push({ where: where(0), message: `the run number must be a whole number >= 0, not ${JSON.stringify(index)}` });
  if (typeof row[1] !== 'string' || row[1] === '') errors.push({ where: where(1), message: 'the scenario must be named' });
  const status = row[at('status')];
  if (status !== 'ok' && status !== 'failed') errors.push({ where: where(at('status')), message: `status must be "ok" or "failed", not ${JSON.stringify(status)}` });
  const error = row[at('error')];
  if (error !== null && typeof error !== 'string') errors.push({ where: where(at('error')), message: 'error must be text or empty' });
}

function finish(columns: readonly string[], rows: readonly (readonly Cell[])[], shape: { axes: string[]; metrics: string[] },
  runs: number | null, missing: readonly number[] | null, batch: string | null, rowWhere: (r: number) => string): TableParse {
  if (rows.length === 0) return { ok: false, errors: [{ where: rowWhere(0), message: 'the table has no runs' }] };
  const seen = new Set<number>();
  for (const [r, row] of rows.entries()) {
    const i = row[0] as number;
    if (seen.has(i)) return { ok: false, errors: [{ where: rowWhere(r), message: `run ${i} appears twice` }] };
    seen.add(i);
  }
  const indices = [...seen].sort((a, b) => a - b);
  const total = runs ?? indices[indices.length - 1] + 1;
  const gaps = missing ?? Array.from({ length: total }, (_, i) => i).filter((i) => !seen.has(i));
  const status = columns.indexOf('status');
  return {
    ok: true,
    table: { columns, rows, axes: shape.axes, metrics: shape.metrics, runs: total, missing: gaps, failed: rows.filter((r) => r[status] === 'failed').length, batch },
  };
}

/** A CSV cell as merge wrote it: empty is null, true/false, numbers; text stays text (the scenario and error always). */
function cell(text: string, textOnly: boolean): Cell {
  if (textOnly) return text === '' ? null : text;
  if (text === '') return null;
  if (text === 'true' || text === 'false') return text === 'true';
  if (/^-?(\d+\.?\d*|\.\d+)([eE][-+]?\d+)?$/.test(text)) return Number(text);
  return text;
}

function parseCsv(text: string): TableParse {
  const parsed = Papa.parse<string[]>(text, { skipEmptyLines: 'greedy' });
  // Papa counts data rows from 0 with the header as row 0: line = row + 1 (merge writes no quoted newlines).
  const structural = parsed.errors.filter((e) => e.type !== 'Delimiter');
  if (structural.length > 0) {
    return { ok: false, errors: structural.slice(0, MAX_ERRORS).map((e) => ({ where: e.row === undefined ? 'document' : `line ${e.row + 1}`, message: e.message })) };
  }
  const [header, ...body] = parsed.data;
  if (!header) return { ok: false, errors: [{ where: 'line 1', message: 'the file is empty' }] };
  const shape = layout(header);
  if (typeof shape === 'string') return { ok: false, errors: [{ where: 'line 1', message: shape }] };
  const textOnly = header.map((c) => c === 'scenario' || c === 'status' || c === 'error');
  const errors: TableError[] = [];
  const rows = body.map((fields, r) => {
    if (fields.length !== header.length) {
      errors.push({ where: `line ${r + 2}`, message: `${fields.length} fields; the header has ${header.length}` });
      return [];
    }
    const row = fields.map((f, c) => cell(f, textOnly[c]));
    checkRow(row, header, (c) => `line ${r + 2}, column ${c + 1} (${header[c]})`, errors);
    return row;
  });
  if (errors.length > 0) return { ok: false, errors: errors.slice(0, MAX_ERRORS) };
  return finish(header, rows, shape, null, null, null, (r) => `line ${r + 2}`);
}

// The rows are checked by hand below (a zod record per row costs seconds on a 10^5-run table).
const jsonTable = z.object({
  batch: z.string(),
  runs: z.int().min(1),
  missing: z.array(z.int().min(0)),
  failed: z.int().min(0),
  columns: z.array(z.string()).min(1),
  rows: z.array(z.unknown()),
});

const isCell = (v: unknown): v is Cell => v === null || typeof v === 'string' || typeof v === 'boolean' || (typeof v === 'number' && Number.isFinite(v));

function parseJson(text: string): TableParse {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (e) {
    return { ok: false, errors: [{ where: 'document', message: `not valid JSON: ${(e as Error).message}` }] };
  }
  const r = jsonTable.safeParse(value);
  if (!r.success) return { ok: false, errors: r.error.issues.slice(0, MAX_ERRORS).map((i) => ({ where: formatPath(i.path), message: i.message })) };
  const t = r.data;
  const shape = layout(t.columns);
  if (typeof shape === 'string') return { ok: false, errors: [{ where: '$.columns', message: shape }] };
  const errors: TableError[] = [];
  const known = new Set(t.columns);
  const rows = t.rows.map((value, r) => {
    if (errors.length >= MAX_ERRORS) return [];
    if (typeof value !== 'object' || value === null || Array.isArray(value)) {
      errors.push({ where: `$.rows[${r}]`, message: 'a row must be an object of column → value' });
      return [];
    }
    const obj = value as Record<string, unknown>;
    for (const k in obj) {
      if (!known.has(k)) {
        errors.push({ where: `$.rows[${r}]`, message: `"${k}" is not one of the columns` });
        return [];
      }
    }
    const row = t.columns.map((c) => obj[c] ?? null);
    const bad = row.findIndex((v) => !isCell(v));
    if (bad >= 0) {
      errors.push({ where: formatPath(['rows', r, t.columns[bad]]), message: 'a cell must be a number, text, true/false or null' });
      return [];
    }
    checkRow(row as Cell[], t.columns, (c) => formatPath(['rows', r, t.columns[c]]), errors);
    return row as Cell[];
  });
  const late = t.missing.findIndex((m) => m >= t.runs);
  if (late >= 0) errors.push({ where: `$.missing[${late}]`, message: `run ${t.missing[late]} is not in 0..${t.runs - 1}` });
  rows.forEach((row, r) => {
    if (typeof row[0] === 'number' && row[0] >= t.runs) errors.push({ where: `$.rows[${r}].index`, message: `run ${row[0]} is not in 0..${t.runs - 1}` });
  });
  if (errors.length > 0) return { ok: false, errors: errors.slice(0, MAX_ERRORS) };
  return finish(t.columns, rows, shape, t.runs, t.missing, t.batch, (r) => `$.rows[${r}]`);
}

/** The bytes of a merged table; `name` decides CSV or JSON by its extension (else by the first character). */
export function parseMergedTable(bytes: Uint8Array, name: string): TableParse {
  const decoded = decodeScenarioBytes(bytes);
  if (!decoded.ok) return { ok: false, errors: [decoded.error] };
  const text = decoded.text.charCodeAt(0) === 0xfeff ? decoded.text.slice(1) : decoded.text;
  const lower = name.toLowerCase();
  const json = lower.endsWith('.json') || (!lower.endsWith('.csv') && text.trimStart().startsWith('{'));
  return json ? parseJson(text) : parseCsv(text);
}

/** Axes with a number in every row that has a value: what can be the x of a line chart. */
export function numericAxes(t: ReadTable): string[] {
  return t.axes.filter((a) => {
    const c = t.columns.indexOf(a);
    const values = t.rows.map((r) => r[c]).filter((v) => v !== null);
    return values.length > 0 && values.every((v) => typeof v === 'number');
  });
}

/** Figures (hostsUsed, totalUSDPerMonth, …) that are numbers for at least one model, in column order. */
export function tableFigures(t: ReadTable): string[] {
  const out: string[] = [];
  for (const m of t.metrics) {
    const figure = m.slice(m.indexOf('.') + 1);
    if (out.includes(figure)) continue;
    const c = t.columns.indexOf(m);
    if (t.rows.some((r) => typeof r[c] === 'number')) out.push(figure);
  }
  return out;
}

/** The models that have a column for `figure`, in column order. */
export function tableModels(t: ReadTable, figure: string): string[] {
  return t.metrics.filter((m) => m.slice(m.indexOf('.') + 1) === figure).map((m) => m.slice(0, m.indexOf('.')));
}

export interface TablePoint {
  readonly x: number;
  /** Successful runs with this x value (their figures are averaged). */
  readonly runs: number;
  /** Per model: the mean of the figure over those runs, or null when no run has it. */
  readonly values: Readonly<Record<string, number | null>>;
}

/** One point per x value (ascending): the mean of `figure` per model over the successful runs with that value. */
export function tableSeries(t: ReadTable, x: string, figure: string): TablePoint[] {
  const xc = t.columns.indexOf(x);
  const sc = t.columns.indexOf('status');
  const models = tableModels(t, figure);
  const cols = models.map((m) => t.columns.indexOf(`${m}.${figure}`));
  const groups = new Map<number, (readonly Cell[])[]>();
  for (const r of t.rows) {
    const v = r[xc];
    if (typeof v !== 'number' || r[sc] !== 'ok') continue;
    if (!groups.has(v)) groups.set(v, []);
    groups.get(v)!.push(r);
  }
  return [...groups.entries()].sort((a, b) => a[0] - b[0]).map(([value, rows]) => {
    const values: Record<string, number | null> = {};
    models.forEach((m, k) => {
      const nums = rows.map((r) => r[cols[k]]).filter((v): v is number => typeof v === 'number');
      values[m] = nums.length === 0 ? null : nums.reduce((a, b) => a + b, 0) / nums.length;
    });
    return { x: value, runs: rows.length, values };
  });
}
