// The app's sweep as a batch file: its scenario written inline (the app holds no paths), its parameter and
// values as the grid, optional seeds (repeats) and N+1 headroom. The document is checked against the batch
// schema (schema.ts) and the parameter against the scenario format before it is written, so what the app saves
// is what `hostfit batch` runs: the same comparison per value as the Sweep tab, on a laptop or a cluster.
import { canonicalise } from '../scenario/canonical';
import { checkPathInSchema, formatSteps, parseParamPath, parseSweepValues, SweepError } from '../compare/sweep';
import { BATCH_FORMAT, BATCH_VERSION, parseBatchValue, type BatchError, type BatchFileInput } from './schema';

export interface SweepBatch {
  /** The scenario the sweep plans (without its variants), as the app holds it. */
  readonly scenario: { readonly name: string } & object;
  /** A parameter path (`deployment.vm.cpuOvercommit`). */
  readonly param: string;
  readonly values: readonly number[];
  /** Seeds to repeat every value with (policy.seed), in the `--values` language (`1..10`); empty for none. */
  readonly seeds?: string;
  readonly headroom?: boolean;
}

export type SweepBatchFile = { readonly ok: true; readonly text: string; readonly runs: number } | { readonly ok: false; readonly errors: readonly BatchError[] };

/** The batch file (text, canonical JSON) of a sweep, or errors naming the JSON path of the batch that is wrong. */
export function sweepBatchFile(s: SweepBatch): SweepBatchFile {
  let param: string;
  try {
    const steps = parseParamPath(s.param);
    checkPathInSchema(steps);
    param = formatSteps(steps);
  } catch (e) {
    if (e instanceof SweepError) return { ok: false, errors: [{ where: '$.grid[0].param', message: e.message }] };
    throw e;
  }
  let seeds: number[] | undefined;
  const seedText = s.seeds?.trim() ?? '';
  if (seedText !== '') {
    try {
      const parsed = parseSweepValues(seedText);
      const bad = parsed.find((v) => typeof v !== 'number' || !Number.isInteger(v) || v < 0 || v > 2 ** 31 - 1);
      if (bad !== undefined) return { ok: false, errors: [{ where: '$.seeds', message: `${JSON.stringify(bad)} is not a whole number >= 0` }] };
      seeds = parsed as number[];
    } catch (e) {
      if (e instanceof SweepError) return { ok: false, errors: [{ where: '$.seeds', message: e.message }] };
      throw e;
    }
  }
  const name = s.scenario.name;
  const doc: BatchFileInput = {
    format: BATCH_FORMAT,
    version: BATCH_VERSION,
    name: `${name}: ${param}`.slice(0, 200),
    description: `Saved from the Sweep tab of the Hostfit app: ${name} compared once per value of ${param}`
      + `${seeds ? ` and seed (policy.seed ${seedText})` : ''}. Run it with hostfit batch (see the README, "Batches on a cluster").`,
    command: 'compare',
    scenarios: [{ name: name.slice(0, 200) || 'scenario', scenario: canonicalise(JSON.parse(JSON.stringify(s.scenario))) as Record<string, unknown> }],
    grid: [{ param, values: [...s.values] }],
    ...(seeds ? { seeds } : {}),
    headroom: s.headroom ?? false,
  };
  const checked = parseBatchValue(doc);
  if (!checked.ok) return { ok: false, errors: checked.errors };
  const runs = s.values.length * (seeds?.length ?? 1);
  return { ok: true, text: `${JSON.stringify(doc, null, 2)}\n`, runs };
}

/** A file name for the batch: the scenario's name in letters, digits and dashes, then `.hostfit-batch.json`. */
export function batchFileName(scenarioName: string): string {
  const stem = scenarioName.normalize('NFKC').replace(/[^\p{L}\p{N}-]+/gu, '-').replace(/^-+|-+$/g, '').toLowerCase() || 'sweep';
  return `${stem}-sweep.hostfit-batch.json`;
}
