// A batch as a list of runs: scenarios × grid values (first parameter outermost) × days × policies × seeds,
// seeds varying fastest. Runs are numbered from 0 in that order and never materialised: runAt decodes an index
// (mixed radix), so a shard of a million-run batch costs nothing to enumerate. runDocument builds the scenario
// document one run reads. Pure; the command line reads the files and runs the runs.
import { PLACEMENT_ALGORITHMS } from '../pack/algorithms';
import { applyParam, checkPathInSchema, formatSteps, parseParamPath, parseSweepValues, SweepError, type PathStep, type SweepValue } from '../compare/sweep';
import { describeErrors, parseScenarioValue } from '../scenario/parse';
import { parsePolicy } from '../sim/policy';
import { fingerprint } from './hash';
import { BATCH_FORMAT, BATCH_VERSION, MAX_RUNS } from './schema';

export type BatchCommand = 'compare' | 'simulate';

/** A scenario a batch runs: a name (its file as given, or the name it was saved under) and its validated document. */
export interface BatchScenario { readonly name: string; readonly doc: unknown }

/** What a batch names, from a batch file or from `hostfit batch <scenario> --param … --values …`. */
export interface BatchSpec {
  readonly name: string;
  readonly command: BatchCommand;
  readonly scenarios: readonly BatchScenario[];
  readonly grid: readonly { readonly param: string; readonly values: string | readonly SweepValue[] }[];
  readonly days?: 'all' | string | readonly number[];
  readonly policies?: readonly string[];
  readonly seeds?: string | readonly number[];
  readonly headroom: boolean;
  readonly series: boolean;
}

export interface BatchAxis { readonly param: string; readonly steps: readonly PathStep[]; readonly values: readonly SweepValue[] }

export interface BatchPlan {
  /** Fingerprint of the runs and of every scenario document: equal on every machine for the same batch. */
  readonly id: string;
  readonly name: string;
  readonly command: BatchCommand;
  readonly scenarios: readonly BatchScenario[];
  readonly grid: readonly BatchAxis[];
  readonly days: readonly number[] | null;
  readonly policies: readonly string[] | null;
  readonly seeds: readonly number[] | null;
  readonly headroom: boolean;
  readonly series: boolean;
  readonly runs: number;
}

export interface BatchRun {
  readonly index: number;
  readonly scenario: string;
  /** Grid values by parameter path, in grid order. */
  readonly params: Readonly<Record<string, SweepValue>>;
  /** 1 = the first 24 h of the traces; null without a days axis. */
  readonly day: number | null;
  readonly policy: string | null;
  readonly seed: number | null;
}

/** A mistake in the batch: `where` is a JSON path into the batch file (`$.grid[1].values`). */
export class BatchSpecError extends Error {
  constructor(readonly where: string, message: string) { super(message); }
}

export const DAY_SECONDS = 86400;

/** Where the seeds and policies axes write, per command. */
export const AXIS_PATHS: Record<BatchCommand, { readonly seed: string; readonly policy: string }> = {
  compare: { seed: 'policy.seed', policy: 'policy.algorithm' },
  simulate: { seed: 'simulation.seed', policy: 'simulation.policy' },
};

function integers(text: string | readonly number[], where: string, min: number): number[] {
  let values: readonly SweepValue[];
  try {
    values = typeof text === 'string' ? parseSweepValues(text) : text;
  } catch (e) {
    throw new BatchSpecError(where, (e as Error).message);
  }
  const bad = values.find((v) => typeof v !== 'number' || !Number.isInteger(v) || v < min || v > 2 ** 31 - 1);
  if (bad !== undefined) throw new BatchSpecError(where, `${JSON.stringify(bad)} is not a whole number >= ${min}`);
  return values as number[];
}

interface TraceDoc { intervalSeconds?: unknown; samples?: unknown }

/** Whole days the scenario's traces cover (0 without traces). */
export function traceDays(doc: unknown): number {
  const traces = ((doc as { traces?: TraceDoc[] }).traces ?? []);
  let seconds = 0;
  for (const t of traces) {
    if (typeof t.intervalSeconds === 'number' && Array.isArray(t.samples)) seconds = Math.max(seconds, t.intervalSeconds * t.samples.length);
  }
  return Math.floor(seconds / DAY_SECONDS + 1e-9);
}

function checkValue(s: BatchScenario, steps: readonly PathStep[], value: SweepValue, where: string, label: string): void {
  const parsed = parseScenarioValue(applyParam(s.doc, steps, value));
  if (!parsed.ok) throw new BatchSpecError(where, `${label} = ${JSON.stringify(value)} is not valid for ${s.name}:\n${describeErrors(parsed.errors)}`);
}

/**
 * Checks the batch against its scenarios and numbers its runs. Every grid value (and every seed and policy) is
 * applied alone to every scenario and validated, so a typo is reported before any run starts.
 */
export function planBatch(spec: BatchSpec): BatchPlan {
  if (spec.scenarios.length === 0) throw new BatchSpecError('$.scenarios', 'a batch needs at least one scenario');
  const names = new Set<string>();
  spec.scenarios.forEach((s, k) => {
    if (names.has(s.name)) throw new BatchSpecError(`$.scenarios[${k}]`, `scenario "${s.name}" is named twice`);
    names.add(s.name);
  });
  const paths = AXIS_PATHS[spec.command];
  const grid: BatchAxis[] = spec.grid.map((g, k) => {
    try {
      const steps = parseParamPath(g.param);
      checkPathInSchema(steps);
      const param = formatSteps(steps);
      const values = typeof g.values === 'string' ? parseSweepValues(g.values) : [...g.values];
      if (values.length === 0) throw new SweepError('no values');
      return { param, steps, values };
    } catch (e) {
      if (e instanceof SweepError) throw new BatchSpecError(`$.grid[${k}]`, e.message);
      throw e;
    }
  });
  grid.forEach((g, k) => {
    if (grid.findIndex((h) => h.param === g.param) !== k) throw new BatchSpecError(`$.grid[${k}].param`, `${g.param} is in the grid twice`);
    if (spec.seeds !== undefined && g.param === paths.seed) throw new BatchSpecError(`$.grid[${k}].param`, `${g.param} is set by "seeds" already`);
    if (spec.policies !== undefined && g.param === paths.policy) throw new BatchSpecError(`$.grid[${k}].param`, `${g.param} is set by "policies" already`);
  });

  const seeds = spec.seeds === undefined ? null : integers(spec.seeds, '$.seeds', 0);
  const policies = spec.policies === undefined ? null : [...spec.policies];
  policies?.forEach((p, k) => {
    if (spec.command === 'simulate') {
      const parsed = parsePolicy(p);
      if (typeof parsed === 'string') throw new BatchSpecError(`$.policies[${k}]`, parsed);
    } else if (!(PLACEMENT_ALGORITHMS as readonly string[]).includes(p)) {
      throw new BatchSpecError(`$.policies[${k}]`, `unknown placement algorithm "${p}" (compare runs take policy.algorithm values: ${PLACEMENT_ALGORITHMS.join(', ')})`);
    }
  });

  let days: number[] | null = null;
  if (spec.days !== undefined) {
    if (spec.command !== 'simulate') throw new BatchSpecError('$.days', 'days are for simulate runs (a static comparison has no time)');
    const whole = Math.min(...spec.scenarios.map((s) => traceDays(s.doc)));
    if (whole < 1) {
      const short = spec.scenarios.find((s) => traceDays(s.doc) < 1)!;
      throw new BatchSpecError('$.days', `${short.name}'s traces cover less than one day`);
    }
    days = spec.days === 'all' ? Array.from({ length: whole }, (_, k) => k + 1) : integers(spec.days, '$.days', 1);
    const late = days.find((d) => d > whole);
    if (late !== undefined) throw new BatchSpecError('$.days', `day ${late} is past the traces (${whole} whole day${whole === 1 ? '' : 's'})`);
  }

  const runs = [spec.scenarios.length, ...grid.map((g) => g.values.length), days?.length ?? 1, policies?.length ?? 1, seeds?.length ?? 1]
    .reduce((a, b) => a * b, 1);
  if (runs > MAX_RUNS) throw new BatchSpecError('$', `the batch has ${runs} runs; at most ${MAX_RUNS}`);


  for (const s of spec.scenarios) {
    grid.forEach((g, k) => g.values.forEach((v) => checkValue(s, g.steps, v, `$.grid[${k}].values`, g.param)));
    const seedSteps = parseParamPath(paths.seed);
    seeds?.forEach((v) => checkValue(s, seedSteps, v, '$.seeds', paths.seed));
  }

  const identity = {
    format: BATCH_FORMAT, version: BATCH_VERSION, command: spec.command,
    scenarios: spec.scenarios.map((s) => [s.name, s.doc]),
    grid: grid.map((g) => [g.param, g.values]), days, policies, seeds, headroom: spec.headroom, series: spec.series,
  };
  return {
    id: fingerprint(JSON.stringify(identity)), name: spec.name, command: spec.command, scenarios: spec.scenarios,
    grid, days, policies, seeds, headroom: spec.headroom, series: spec.series, runs,
  };
}

/** The run with this index (0 ≤ index < plan.runs). */
export function runAt(plan: BatchPlan, index: number): BatchRun {
  if (!Number.isInteger(index) || index < 0 || index >= plan.runs) throw new RangeError(`run ${index} is not in 0..${plan.runs - 1}`);
  let rest = index;
  const pick = <T>(list: readonly T[] | null): T | null => {
    if (list === null) return null;
    const v = list[rest % list.length];
    rest = Math.floor(rest / list.length);
    return v;
  };
  // Fastest-varying last: decode from the innermost axis outwards.
  const seed = pick(plan.seeds);
  const policy = pick(plan.policies);
  const day = pick(plan.days);
  const values: SweepValue[] = [];
  for (let k = plan.grid.length - 1; k >= 0; k--) values[k] = pick(plan.grid[k].values)!;
  const scenario = pick(plan.scenarios)!.name;
  const params: Record<string, SweepValue> = {};
  plan.grid.forEach((g, k) => { params[g.param] = values[k]; });
  return { index, scenario, params, day, policy, seed };
}

/** The traces of one day, [start, start + 24 h] (the sample at the end included, as a whole-trace run sees it). */
export function dayDocument(doc: unknown, day: number): unknown {
  const copy = JSON.parse(JSON.stringify(doc)) as {
    traces?: { intervalSeconds: number; samples: number[] }[];
    services?: { arrivesAtSeconds?: number; departsAtSeconds?: number }[];
    simulation?: Record<string, unknown>;
  };
  const start = (day - 1) * DAY_SECONDS;
  for (const t of copy.traces ?? []) {
    const first = Math.round(start / t.intervalSeconds);
    const last = Math.round((start + DAY_SECONDS) / t.intervalSeconds); // inclusive
    // A trace shorter than the day holds its last value, as the simulator does on a whole-trace run.
    t.samples = first < t.samples.length ? t.samples.slice(first, last + 1) : [t.samples[t.samples.length - 1]];
  }
  // Arrivals and departures move with the day; a service gone before the day starts arrives when it ends.
  for (const s of copy.services ?? []) {
    if (s.arrivesAtSeconds === undefined && s.departsAtSeconds === undefined) continue;
    const arrives = Math.max(0, (s.arrivesAtSeconds ?? 0) - start);
    const departs = s.departsAtSeconds === undefined ? undefined : s.departsAtSeconds - start;
    if (departs !== undefined && departs <= 0) {
      s.arrivesAtSeconds = DAY_SECONDS;
      delete s.departsAtSeconds;
    } else {
      if (arrives > 0 || s.arrivesAtSeconds !== undefined) s.arrivesAtSeconds = arrives;
      if (departs !== undefined) s.departsAtSeconds = departs;
    }
  }
  copy.simulation = { ...(copy.simulation ?? {}), durationSeconds: DAY_SECONDS };
  return copy;
}

/** The scenario document a run reads: its scenario with the run's grid values, policy, seed and day applied. */
export function runDocument(plan: BatchPlan, run: BatchRun): unknown {
  let doc = plan.scenarios.find((s) => s.name === run.scenario)!.doc;
  plan.grid.forEach((g) => { doc = applyParam(doc, g.steps, run.params[g.param]); });
  const paths = AXIS_PATHS[plan.command];
  if (run.policy !== null) doc = applyParam(doc, parseParamPath(paths.policy), run.policy);
  if (run.seed !== null) doc = applyParam(doc, parseParamPath(paths.seed), run.seed);
  if (run.day !== null) doc = dayDocument(doc, run.day);
  return doc;
}
