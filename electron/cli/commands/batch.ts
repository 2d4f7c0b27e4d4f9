// `hostfit batch <batch.json>` and `hostfit batch <scenario…> --param PATH --values V …`: every run of a batch
// (core/batch: scenarios × grid × days × policies × seeds), or one shard of it, as JSON Lines — one line per
// run, in run order, each the single command's --json answer or the run's error. `--out FILE` appends to FILE
// and resumes: runs already written there are skipped and a torn last line (a killed shard) is cut off and run
// again. `--workers k` shares the shard's runs among k worker threads; lines are still written in run order.
// `hostfit batch merge <results…>` makes the table (CSV or JSON), and says which runs are missing.
import { closeSync, existsSync, fsyncSync, ftruncateSync, openSync, readdirSync, readFileSync, renameSync, statSync, unlinkSync, writeSync } from 'node:fs';
import { dirname, extname, join, resolve } from 'node:path';
import { performance } from 'node:perf_hooks';
import { parseArgs } from 'node:util';
import { parentPort } from 'node:worker_threads';
import { planBatch, runAt, BatchSpecError, type BatchPlan, type BatchScenario, type BatchSpec } from '../../../core/batch/expand';
import { describeRuns, mergeResults, tableCsv, tableJson } from '../../../core/batch/merge';
import { readResults, resultLine, ResultsError, type ResultLine } from '../../../core/batch/results';
import { executeRun, type BatchEngines } from '../../../core/batch/run';
import { isBatchDocument, parseBatchBytes } from '../../../core/batch/schema';
import { resolveShard, shardRuns, ShardError, type Shard } from '../../../core/batch/shard';
import { WasmSimulator } from '../../../core/sim/kernel/wasm-simulator';
import type { Simulator } from '../../../core/sim/spec';
import { describeErrors, parseScenarioValue } from '../../../core/scenario/parse';
import { InputError, readScenario, UsageError, type Command } from '../command';
import { table } from '../format';
import { createWasmPacker, loadKernelBytes } from '../kernel';
import { loadHighs } from './plan';
import { startWorker } from '../workers';

type Io = (s: string) => void;

async function engines(plan: BatchPlan): Promise<BatchEngines> {
  let simulator: Simulator | undefined;
  const highs = plan.command === 'compare' ? await loadHighs() : null;
  return { packer: createWasmPacker(), simulator: () => (simulator ??= WasmSimulator.fromBytes(loadKernelBytes('release'))), highs };
}

/** A run's result line, and whether the run failed. */
interface Done { readonly index: number; readonly line: string; readonly failed: boolean }

function runOne(plan: BatchPlan, index: number, e: BatchEngines): Done {
  const t0 = performance.now();
  const run = runAt(plan, index);
  const outcome = executeRun(plan, run, e);
  return { index, line: resultLine(plan, run, outcome, (performance.now() - t0) / 1000), failed: !outcome.ok };
}

/** Worker side (started by startWorker('batch', plan)): runs each run index it is sent, replies with its line. */
export function serve(plan: unknown): void {
  const ready = engines(plan as BatchPlan);
  // Attached at once so no run is missed while HiGHS loads; runs go in the order they came.
  parentPort!.on('message', (index: number) => {
    void ready.then((e) => parentPort!.postMessage(runOne(plan as BatchPlan, index, e) satisfies Done));
  });
}

/** Runs `todo` on `workers` threads (in this thread for one), handing each line to `write` in run order. */
export async function runAll(plan: BatchPlan, todo: readonly number[], workers: number, write: (done: Done) => void): Promise<void> {
  if (workers <= 1 || todo.length <= 1) {
    const e = await engines(plan);
    for (const index of todo) write(runOne(plan, index, e));
    return;
  }
  const done = new Map<number, Done>();
  let next = 0, written = 0;
  const threads = Array.from({ length: Math.min(workers, todo.length) }, () => startWorker('batch', plan));
  try {
    await Promise.all(threads.map((w) => new Promise<void>((resolveThread, reject) => {
      const feed = () => {
        if (next >= todo.length) { resolveThread(); return; }
        w.postMessage(todo[next++]);
      };
      w.on('message', (reply: Done) => {
        done.set(reply.index, reply);
        while (written < todo.length && done.has(todo[written])) {
          write(done.get(todo[written])!);
          done.delete(todo[written++]);
        }
        feed();
      });
      w.on('error', reject);
      w.on('exit', (code) => { if (code !== 0) reject(new Error(`a batch worker exited with code ${code}`)); });
      w.once('online', feed);
    })));
  } finally {
    await Promise.all(threads.map((w) => w.terminate()));
  }
}

function readBytes(file: string): Uint8Array {
  try {
    return readFileSync(file);
  } catch (e) {
    throw new InputError(`cannot read ${file}: ${(e as Error).message}`);
  }
}

const asDoc = (value: unknown): unknown => JSON.parse(JSON.stringify(value));

/** A batch file → the spec it names; scenario paths are relative to the batch file. */
async function specFromFile(file: string): Promise<BatchSpec> {
  const parsed = parseBatchBytes(readBytes(file));
  if (!parsed.ok) throw new InputError(`${file} is not a valid batch file:\n${describeErrors(parsed.errors)}`);
  const b = parsed.batch;
  const scenarios: BatchScenario[] = [];
  for (const [k, entry] of b.scenarios.entries()) {
    if (typeof entry === 'string') {
      scenarios.push({ name: entry, doc: asDoc(await readScenario(resolve(dirname(file), entry))) });
    } else {
      const s = parseScenarioValue(entry.scenario);
      if (!s.ok) throw new InputError(`${file}: $.scenarios[${k}].scenario is not a valid scenario:\n${describeErrors(s.errors.map((e) => ({ ...e, where: e.where.replace(/^\$/, `$.scenarios[${k}].scenario`) })))}`);
      scenarios.push({ name: entry.name, doc: asDoc(s.scenario) });
    }
  }
  return {
    name: b.name ?? file, command: b.command, scenarios, grid: b.grid, days: b.days, policies: b.policies, seeds: b.seeds,
    headroom: b.headroom, series: b.series,
  };
}

function list(text: string | undefined): string[] | undefined {
  return text === undefined ? undefined : text.split(',').map((s) => s.trim()).filter((s) => s !== '');
}

/** Writes `text` to `file` through a temporary file and a rename, so a failed write leaves the old file whole. */
function writeAtomically(file: string, text: string): void {
  const temp = join(dirname(resolve(file)), `.${Date.now()}-${process.pid}.tmp`);
  try {
    const fd = openSync(temp, 'w');
    try {
      writeSync(fd, text);
      fsyncSync(fd);
    } finally {
      closeSync(fd);
    }
    renameSync(temp, file);
  } catch (e) {
    if (existsSync(temp)) unlinkSync(temp);
    throw new InputError(`cannot write ${file}: ${(e as Error).message}`);
  }
}

/** What `--out` already holds for this batch: the runs to skip; a torn last line is cut off. */
function resumeFrom(file: string, plan: BatchPlan, retryFailed: boolean, err: Io): Set<number> {
  if (!existsSync(file)) return new Set();
  const bytes = readBytes(file);
  let read;
  try {
    read = readResults(bytes, file);
  } catch (e) {
    if (e instanceof ResultsError) throw new InputError(`${e.message}; it is not a result file of hostfit batch, so it is left alone: choose another --out`);
    throw e;
  }
  const other = read.lines.find((l) => l.batch !== plan.id);
  if (other) {
    throw new InputError(`${file} holds results of another batch (${other.batch}, ${other.runs} runs), not of this one (${plan.id}, ${plan.runs} runs); `
      + 'choose another --out (a changed scenario or grid is another batch)');
  }
  if (read.torn) {
    const fd = openSync(file, 'r+');
    try {
      ftruncateSync(fd, read.validBytes);
      fsyncSync(fd);
    } finally {
      closeSync(fd);
    }
    err(`batch: ${file} ended with a half-written line (a killed run); it is cut off and that run is done again\n`);
  }
  return new Set(read.lines.filter((l) => !retryFailed || l.status === 'ok').map((l) => l.index));
}

function dryRun(plan: BatchPlan, shard: Shard, indices: readonly number[]): string {
  const axes = [...plan.grid.map((g) => g.param), ...(plan.days ? ['day'] : []), ...(plan.policies ? ['policy'] : []), ...(plan.seeds ? ['seed'] : [])];
  const rows = indices.map((i) => {
    const r = runAt(plan, i);
    return [String(i), r.scenario, ...plan.grid.map((g) => String(r.params[g.param])), ...(plan.days ? [String(r.day)] : []),
      ...(plan.policies ? [String(r.policy)] : []), ...(plan.seeds ? [String(r.seed)] : [])];
  });
  return `${plan.name}: ${plan.runs} ${plan.command} runs (batch ${plan.id}); ${shard.source}: shard ${shard.index}/${shard.count}, ${indices.length} runs\n\n`
    + `${table(['run', 'scenario', ...axes], rows)}\n`;
}

async function runBatch(args: string[], err: Io): Promise<string> {
  const { values, positionals } = parseArgs({
    args, allowPositionals: true,
    options: {
      param: { type: 'string', multiple: true }, values: { type: 'string', multiple: true },
      simulate: { type: 'boolean', default: false }, policies: { type: 'string' }, seeds: { type: 'string' }, days: { type: 'string' },
      headroom: { type: 'boolean', default: false }, series: { type: 'boolean', default: false },
      shard: { type: 'string' }, shards: { type: 'string' }, workers: { type: 'string', default: '1' },
      out: { type: 'string' }, 'retry-failed': { type: 'boolean', default: false }, 'dry-run': { type: 'boolean', default: false },
    },
  });
  if (positionals.length === 0) throw new UsageError('batch needs a batch file, or scenario files with --param/--values');
  const workers = Number(values.workers);
  if (!Number.isInteger(workers) || workers < 1) throw new UsageError(`--workers must be a whole number >= 1, not "${values.workers}"`);
  const params = values.param ?? [], grid = values.values ?? [];
  if (params.length !== grid.length) throw new UsageError('give one --values after each --param');

  let spec: BatchSpec;
  const first = readBytes(positionals[0]);
  let firstValue: unknown = null;
  try {
    firstValue = JSON.parse(new TextDecoder().decode(first));
  } catch { /* not JSON: readScenario names the line */ }
  const inline = !isBatchDocument(firstValue);
  if (!inline) {
    if (positionals.length > 1 || params.length > 0 || values.simulate || values.policies || values.seeds || values.days || values.headroom || values.series) {
      throw new UsageError('a batch file names its scenarios and grid itself: give it alone (with --shard, --workers, --out)');
    }
    spec = await specFromFile(positionals[0]);
  } else {
    const scenarios: BatchScenario[] = [];
    for (const file of positionals) scenarios.push({ name: file, doc: asDoc(await readScenario(file)) });
    spec = {
      name: positionals.join(' '), command: values.simulate ? 'simulate' : 'compare', scenarios,
      grid: params.map((param, k) => ({ param, values: grid[k] })), days: values.days, policies: list(values.policies), seeds: values.seeds,
      headroom: values.headroom, series: values.series,
    };
  }

  let plan: BatchPlan, shard: Shard;
  try {
    plan = planBatch(spec);
  } catch (e) {
    if (!(e instanceof BatchSpecError)) throw e;
    if (inline) throw new UsageError(e.message);
    throw new InputError(`${positionals[0]}: ${e.where}: ${e.message}`);
  }
  try {
    const count = values.shards === undefined ? undefined : Number(values.shards);
    if (count !== undefined && (!Number.isInteger(count) || count < 1)) throw new ShardError(`--shards must be a whole number >= 1, not "${values.shards}"`);
    shard = resolveShard(values.shard, process.env, count);
  } catch (e) {
    if (e instanceof ShardError) throw new UsageError(e.message);
    throw e;
  }
  const mine = shardRuns(plan.runs, shard);
  if (values['dry-run']) return dryRun(plan, shard, mine);

  const out = values.out;
  const skip = out ? resumeFrom(out, plan, values['retry-failed'], err) : new Set<number>();
  const todo = mine.filter((i) => !skip.has(i));
  err(`batch: ${plan.name}: ${plan.runs} ${plan.command} runs (batch ${plan.id}); ${shard.source}: shard ${shard.index}/${shard.count}, `
    + `${mine.length} runs${skip.size > 0 ? `, ${mine.length - todo.length} already in ${out}` : ''}, ${todo.length} to run on ${Math.min(workers, Math.max(1, todo.length))} thread(s)\n`);

  const t0 = performance.now();
  let failed = 0;
  let text = '';
  if (out) {
    // One write per line: a shard killed mid-run leaves whole lines, at worst a torn last one (cut off on resume).
    const fd = openSync(out, 'a');
    try {
      await runAll(plan, todo, workers, (d) => { writeSync(fd, d.line); if (d.failed) failed++; });
      fsyncSync(fd);
    } finally {
      closeSync(fd);
    }
  } else {
    const lines: string[] = [];
    await runAll(plan, todo, workers, (d) => { lines.push(d.line); if (d.failed) failed++; });
    text = lines.join('');
  }
  const seconds = (performance.now() - t0) / 1000;
  err(`batch: ${todo.length} runs in ${seconds.toFixed(2)} s (${(todo.length / Math.max(seconds, 1e-9)).toFixed(1)} runs/s)`
    + `${failed > 0 ? `, ${failed} failed (their lines carry the error)` : ''}${out ? `; results in ${out}` : ''}\n`);
  return text;
}

/** A folder stands for the .jsonl files in it (what a cluster's shards wrote to a shared volume), by name. */
function resultFiles(path: string): string[] {
  if (!existsSync(path) || !statSync(path).isDirectory()) return [path];
  const files = readdirSync(path).filter((f) => f.endsWith('.jsonl')).sort().map((f) => join(path, f));
  if (files.length === 0) throw new InputError(`${path} holds no .jsonl result files`);
  return files;
}

function merge(args: string[], err: Io): string {
  const { values, positionals } = parseArgs({
    args, allowPositionals: true,
    options: { out: { type: 'string' }, json: { type: 'boolean', default: false }, partial: { type: 'boolean', default: false } },
  });
  if (positionals.length === 0) throw new UsageError('batch merge needs one or more result files');
  const ext = values.out ? extname(values.out).toLowerCase() : '';
  if (values.out && ext !== '.csv' && ext !== '.json') throw new UsageError(`--out must end in .csv or .json, not "${values.out}"`);
  const files: { name: string; lines: readonly ResultLine[] }[] = [];
  for (const file of positionals.flatMap(resultFiles)) {
    try {
      const read = readResults(readBytes(file), file);
      if (read.torn) err(`batch merge: ${file} ends with a half-written line (its shard was stopped); that run counts as missing\n`);
      files.push({ name: file, lines: read.lines });
    } catch (e) {
      if (e instanceof ResultsError) throw new InputError(e.message);
      throw e;
    }
  }
  let t;
  try {
    t = mergeResults(files);
  } catch (e) {
    if (e instanceof ResultsError) throw new InputError(e.message);
    throw e;
  }
  if (t.missing.length > 0) {
    const what = `${t.missing.length} of ${t.runs} runs have no result: ${describeRuns(t.missing)}`;
    if (!values.partial) throw new InputError(`${what}\nRun their shards again (a shard skips the runs it has written), or merge with --partial.`);
    err(`batch merge: ${what} (left out: --partial)\n`);
  }
  if (t.failed > 0) err(`batch merge: ${t.failed} of ${t.runs} runs failed; the "error" column says why\n`);
  const text = values.json || ext === '.json' ? tableJson(t) : tableCsv(t);
  if (!values.out) return text;
  writeAtomically(values.out, text);
  err(`batch merge: ${t.rows.length} runs → ${values.out}\n`);
  return '';
}

export const command: Command = {
  usage: 'hostfit batch <batch.json> [--shard i/n | --shards n] [--workers k] [--out results.jsonl] [--retry-failed] [--dry-run]\n'
    + '  hostfit batch <scenario.hostfit.json…> --param PATH --values V [--param … --values …] [--simulate] [--policies a,b] [--seeds 1..10]\n'
    + '        [--days all|1..7] [--headroom] [--series] [--shard i/n] [--workers k] [--out results.jsonl]\n'
    + '  hostfit batch merge <results.jsonl… | folder> [--out table.csv|table.json] [--json] [--partial]\n'
    + '\n'
    + 'Runs are numbered from 0: scenarios × grid (first --param outermost) × days × policies × seeds (fastest).\n'
    + 'Shard i of n runs the runs whose number is i−1 modulo n. Without --shard, i and n come from the batch engine:\n'
    + '  Kubernetes Indexed Job: JOB_COMPLETION_INDEX, and HOSTFIT_SHARD_COUNT (or --shards) = spec.completions\n'
    + '  Slurm job array: SLURM_ARRAY_TASK_ID, SLURM_ARRAY_TASK_COUNT, SLURM_ARRAY_TASK_MIN\n'
    + '  AWS Batch array job: AWS_BATCH_JOB_ARRAY_INDEX, and AWS_BATCH_JOB_ARRAY_SIZE or HOSTFIT_SHARD_COUNT (or --shards)\n'
    + 'With --out, a shard appends to the file and skips the runs it already holds (resume after a failure).',
  async run(args, io) {
    const err: Io = io?.err ?? ((s) => process.stderr.write(s));
    if (args[0] === 'merge') return merge(args.slice(1), err);
    return runBatch(args, err);
  },
};
