// `hostfit batch merge`: the result files of every shard → one table, one row per run in run order. The table
// depends only on the set of result lines, never on how the batch was sharded or in which order files are
// given (a run found twice: the later file wins), so merging n shards gives byte for byte the table of the
// unsharded run. Columns: the run's index and
// axes, its status and error, then per deployment model the figures a planner compares — a sweep row's for
// static runs (hosts, bound, gap, unplaced, N+1, cost, energy), every total for dynamic runs.
import Papa from 'papaparse';
import { sweepSummary } from '../compare/sweep';
import type { Comparison } from '../compare/result';
import { ResultsError, type ResultLine } from './results';

export type Cell = string | number | boolean | null;

export interface MergedTable {
  readonly batch: string;
  readonly runs: number;
  readonly columns: readonly string[];
  readonly rows: readonly (readonly Cell[])[];
  /** Indices of the runs no file has a result for. */
  readonly missing: readonly number[];
  readonly failed: number;
}

type Metrics = [string, Cell][];

/**
 * A sweep row's figures per model, with the best, rule-aware bound (and the gap to it) after the volume bound's
 * gap: the bound the app's Sweep tab draws, so a merged table opened there charts what the app showed.
 */
function staticMetrics(result: unknown): Metrics {
  const c = result as Comparison;
  return sweepSummary(c).flatMap(({ id, ...m }, k) => {
    const entries: [string, Cell][] = Object.entries(m);
    const best = c.models[k].bestLowerBound as Comparison['models'][number]['bestLowerBound'] | undefined;
    if (best !== undefined) {
      const at = entries.findIndex(([key]) => key === 'gap') + 1;
      entries.splice(at, 0, ['bestLowerBound', best.hosts], ['gapToBest', c.models[k].gapToBest ?? null]);
    }
    return entries.map(([key, v]) => [`${id}.${key}`, v] as [string, Cell]);
  });
}

function dynamicMetrics(result: unknown): Metrics {
  const models = (result as { models: Record<string, unknown>[] }).models;
  return models.flatMap((m) => Object.entries(m)
    .filter(([k, v]) => k !== 'model' && (typeof v === 'number' || typeof v === 'string' || typeof v === 'boolean' || v === null))
    .map(([k, v]) => [`${String(m.model)}.${k}`, v as Cell] as [string, Cell]));
}

export function metricsOf(line: ResultLine): Metrics {
  if (line.status !== 'ok' || line.result === undefined) return [];
  return line.command === 'simulate' ? dynamicMetrics(line.result) : staticMetrics(line.result);
}

/** Merges result files (in the order given: a later line for the same run replaces an earlier one). */
export function mergeResults(files: readonly { readonly name: string; readonly lines: readonly ResultLine[] }[]): MergedTable {
  let first: { file: string; line: ResultLine } | undefined;
  const byIndex = new Map<number, ResultLine>();
  for (const f of files) {
    f.lines.forEach((line, k) => {
      first ??= { file: f.name, line };
      if (line.batch !== first.line.batch || line.runs !== first.line.runs) {
        throw new ResultsError(`${f.name} (result ${k + 1}) is from batch ${line.batch} of ${line.runs} runs, `
          + `but ${first.file} is from batch ${first.line.batch} of ${first.line.runs} runs: merge the results of one batch at a time`);
      }
      if (line.index < 0 || line.index >= line.runs) throw new ResultsError(`${f.name} (result ${k + 1}): run ${line.index} is not in 0..${line.runs - 1}`);
      byIndex.set(line.index, line);
    });
  }
  if (!first) throw new ResultsError('no results to merge (the files are empty)');
  const runs = first.line.runs;
  const lines = [...byIndex.values()].sort((a, b) => a.index - b.index);

  const params: string[] = [];
  for (const l of lines) for (const p of Object.keys(l.params)) if (!params.includes(p)) params.push(p);
  const axes = (['day', 'policy', 'seed'] as const).filter((a) => lines.some((l) => l[a] !== null));
  const metrics = lines.map(metricsOf);
  const metricColumns: string[] = [];
  const seen = new Set<string>();
  for (const m of metrics) for (const [k] of m) if (!seen.has(k)) { seen.add(k); metricColumns.push(k); }

  const columns = ['index', 'scenario', ...params, ...axes, 'status', 'error', ...metricColumns];
  const rows = lines.map((l, r) => {
    const values = new Map(metrics[r]);
    return [l.index, l.scenario, ...params.map((p) => l.params[p] ?? null), ...axes.map((a) => l[a]), l.status, l.error ?? null,
      ...metricColumns.map((c) => values.get(c) ?? null)] as Cell[];
  });
  const missing: number[] = [];
  for (let i = 0; i < runs; i++) if (!byIndex.has(i)) missing.push(i);
  return { batch: first.line.batch, runs, columns, rows, missing, failed: lines.filter((l) => l.status === 'failed').length };
}

export function tableCsv(t: MergedTable): string {
  return `${Papa.unparse({ fields: [...t.columns], data: t.rows.map((r) => [...r]) }, { newline: '\n' })}\n`;
}

/** The table as JSON: one object per run, plus what is missing. */
export function tableJson(t: MergedTable): string {
  const rows = t.rows.map((r) => Object.fromEntries(t.columns.map((c, k) => [c, r[k]])));
  return `${JSON.stringify({ batch: t.batch, runs: t.runs, missing: t.missing, failed: t.failed, columns: t.columns, rows }, null, 2)}\n`;
}

/** "3, 7, 10–14" */
export function describeRuns(indices: readonly number[], max = 20): string {
  const parts: string[] = [];
  for (let k = 0; k < indices.length;) {
    let j = k;
    while (j + 1 < indices.length && indices[j + 1] === indices[j] + 1) j++;
    parts.push(j > k ? `${indices[k]}–${indices[j]}` : String(indices[k]));
    k = j + 1;
  }
  return parts.length > max ? `${parts.slice(0, max).join(', ')}, … (${indices.length} runs)` : parts.join(', ');
}
