// `hostfit sweep <scenario> --param PATH --values a,b,c [--json|--csv] [--headroom]`: one comparison per
// value of one parameter, one row per value, run in parallel on every core (node:worker_threads).
//
// The main thread checks everything first (the path exists in the scenario format, every value gives a valid
// scenario), so a bad PATH or value is a usage error (exit 2) before any worker starts. Each worker loads the
// WASM kernel once, then compares the scenarios it is sent (workers start through ../workers.ts, from the
// sources or from the bundle alike).
import { availableParallelism } from 'node:os';
import { parseArgs } from 'node:util';
import { parentPort, type Worker } from 'node:worker_threads';
import { compareScenario } from '../../../core/compare/compare';
import {
  applyParam, checkPathInSchema, parseParamPath, parseSweepValues, SweepError, sweepSummary, formatSteps,
  type SweepModelSummary, type SweepValue,
} from '../../../core/compare/sweep';
import { toCsv } from '../../../core/edit/csv';
import { describeErrors, parseScenarioValue } from '../../../core/scenario/parse';
import { readScenario, UsageError, type Command } from '../command';
import { table } from '../format';
import { createWasmPacker } from '../kernel';
import { loadHighs } from './plan';
import { startWorker } from '../workers';

interface Job { readonly index: number; readonly doc: unknown; readonly headroom: boolean }
type Reply = { readonly index: number; readonly models: SweepModelSummary[] } | { readonly index: number; readonly error: string };

/** Worker side (started by startWorker('sweep')): compare each scenario it is sent, reply with the summary. */
export function serve(): void {
  const packer = createWasmPacker();
  const highs = loadHighs();
  // Attached at once so no job is missed while HiGHS loads; jobs go in the order they came.
  parentPort!.on('message', (job: Job) => {
    void highs.then((h) => {
      try {
        const parsed = parseScenarioValue(job.doc);
        if (!parsed.ok) throw new Error(describeErrors(parsed.errors));
        const models = sweepSummary(compareScenario(parsed.scenario, packer, { headroom: job.headroom, highs: h ?? undefined }));
        parentPort!.postMessage({ index: job.index, models } satisfies Reply);
      } catch (e) {
        parentPort!.postMessage({ index: job.index, error: (e as Error).stack ?? String(e) } satisfies Reply);
      }
    });
  });
}

/** Runs the jobs on up to `threads` workers; replies in job order. */
export async function runInWorkers(jobs: readonly Job[], threads: number): Promise<SweepModelSummary[][]> {
  const results: SweepModelSummary[][] = new Array(jobs.length);
  let next = 0;
  const workers: Worker[] = Array.from({ length: Math.max(1, Math.min(threads, jobs.length)) }, () => startWorker('sweep', null));
  try {
    await Promise.all(workers.map((w) => new Promise<void>((resolve, reject) => {
      const feed = () => {
        if (next >= jobs.length) { resolve(); return; }
        w.postMessage(jobs[next++]);
      };
      w.on('message', (reply: Reply) => {
        if ('error' in reply) { reject(new Error(`sweep value #${reply.index + 1} failed: ${reply.error}`)); return; }
        results[reply.index] = reply.models;
        feed();
      });
      w.on('error', reject);
      w.on('exit', (code) => { if (code !== 0) reject(new Error(`a sweep worker exited with code ${code}`)); });
      w.once('online', feed);
    })));
  } finally {
    await Promise.all(workers.map((w) => w.terminate()));
  }
  return results;
}

export interface SweepRow { readonly value: SweepValue; readonly models: SweepModelSummary[] }

function columns(rows: readonly SweepRow[]): string[] {
  const ids: string[] = [];
  for (const r of rows) for (const m of r.models) if (!ids.includes(m.id)) ids.push(m.id);
  return ids;
}

export function sweepTable(param: string, rows: readonly SweepRow[], headroom: boolean): string {
  const ids = columns(rows);
  const per = headroom ? ['hosts', 'N+1', 'gap', 'USD/month'] : ['hosts', 'gap', 'USD/month'];
  const header = [param, ...ids.flatMap((id) => per.map((p) => `${id} ${p}`))];
  const body = rows.map((r) => [String(r.value), ...ids.flatMap((id) => {
    const m = r.models.find((x) => x.id === id);
    if (!m) return per.map(() => '-');
    const cells = [`${m.hostsUsed}${m.unplaced > 0 ? ` (+${m.unplaced} unplaced)` : ''}`];
    if (headroom) cells.push(m.hostsNPlus1 === null ? '-' : String(m.hostsNPlus1));
    cells.push(m.gap === null ? '-' : String(m.gap), m.totalUSDPerMonth.toFixed(0));
    return cells;
  })]);
  return table(header, body) + '\n';
}

export function sweepCsv(param: string, rows: readonly SweepRow[]): string {
  const ids = columns(rows);
  const fields = ['hostsUsed', 'lowerBound', 'gap', 'unplaced', 'hostsNPlus1', 'totalUSDPerMonth', 'kWhPerMonth'] as const;
  const header = [param, ...ids.flatMap((id) => fields.map((f) => `${id}.${f}`))];
  const body = rows.map((r) => [String(r.value), ...ids.flatMap((id) => {
    const m = r.models.find((x) => x.id === id);
    return fields.map((f) => (m && m[f] !== null ? String(m[f]) : ''));
  })]);
  return toCsv([header, ...body], ',', '\n');
}

export const command: Command = {
  async run(args) {
    const { values, positionals } = parseArgs({
      args,
      options: {
        param: { type: 'string' }, values: { type: 'string' }, json: { type: 'boolean', default: false },
        csv: { type: 'boolean', default: false }, headroom: { type: 'boolean', default: false }, threads: { type: 'string' },
      },
      allowPositionals: true,
    });
    if (positionals.length !== 1) throw new UsageError('sweep needs exactly one scenario file');
    if (!values.param) throw new UsageError('sweep needs --param PATH (e.g. deployment.vm.cpuOvercommit)');
    if (!values.values) throw new UsageError('sweep needs --values a,b,c or from..to[:step]');
    if (values.json && values.csv) throw new UsageError('choose one of --json and --csv');
    const threads = values.threads === undefined ? availableParallelism() : Number(values.threads);
    if (!Number.isInteger(threads) || threads < 1) throw new UsageError(`--threads must be a whole number >= 1, not "${values.threads}"`);

    const file = positionals[0];
    // The validated scenario (defaults filled in) is the base, so a PATH to a defaulted parameter exists.
    const scenario = await readScenario(file);
    const doc = JSON.parse(JSON.stringify(scenario)) as unknown;

    let jobs: Job[], sweep: SweepValue[], param: string;
    try {
      const steps = parseParamPath(values.param);
      param = formatSteps(steps);
      checkPathInSchema(steps);
      sweep = parseSweepValues(values.values);
      jobs = sweep.map((v, index) => {
        const next = applyParam(doc, steps, v);
        const parsed = parseScenarioValue(next);
        if (!parsed.ok) throw new SweepError(`${param} = ${JSON.stringify(v)} is not valid:\n${describeErrors(parsed.errors)}`);
        return { index, doc: next, headroom: values.headroom };
      });
    } catch (e) {
      if (e instanceof SweepError) throw new UsageError(e.message);
      throw e;
    }
    const results = await runInWorkers(jobs, threads);
    const rows: SweepRow[] = sweep.map((value, k) => ({ value, models: results[k] }));
    if (values.json) return JSON.stringify({ scenario: scenario.name, param, rows }, null, 2) + '\n';
    if (values.csv) return sweepCsv(param, rows);
    return `${scenario.name}: ${param} swept over ${sweep.length} values on ${Math.min(threads, jobs.length)} worker threads\n\n`
      + sweepTable(param, rows, values.headroom);
  },
};
