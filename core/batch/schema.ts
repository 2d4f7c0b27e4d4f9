// The batch file (`*.hostfit-batch.json`): which runs a batch names — scenario files × a parameter grid × trace
// days × policies × seeds — and what each run is (a static comparison or a dynamic simulation). Plain JSON that
// the app writes from its Sweep tab and `hostfit batch` runs, sharded, on a laptop or a cluster. Validated
// with zod like the scenario format, so every error names its JSON path.
import { z } from 'zod';
import { decodeScenarioBytes } from '../scenario/bytes';
import { formatPath } from '../scenario/schema';

export const BATCH_FORMAT = 'hostfit-batch';
export const BATCH_VERSION = 1;
/** More runs than any cluster batch we expect; a typo such as `1..1e9` stops here instead of expanding. */
export const MAX_RUNS = 1_000_000;

const scalar = z.union([z.number(), z.boolean(), z.string().min(1).max(200)]);
/** The `--values` language of `hostfit sweep` (`1..4:0.5`, `runc,kata`), or a JSON list. */
const values = z.union([z.string().min(1).max(2000), z.array(scalar).min(1).max(10_000)]);
const integers = z.union([z.string().min(1).max(2000), z.array(z.int().min(0).max(2 ** 31 - 1)).min(1).max(100_000)]);

export const batchSchema = z.looseObject({
  format: z.literal(BATCH_FORMAT),
  version: z.literal(BATCH_VERSION),
  name: z.string().min(1).max(200).optional(),
  description: z.string().max(10_000).optional(),
  command: z.enum(['compare', 'simulate']).default('compare')
    .describe('compare: static plans of every deployment model (hostfit compare); simulate: a dynamic run (hostfit simulate)'),
  scenarios: z.array(z.union([
    z.string().min(1).max(1000),
    z.looseObject({ name: z.string().min(1).max(200), scenario: z.looseObject({}) }),
  ])).min(1).max(1000)
    .describe('scenario files (paths relative to the batch file), or scenarios written inline as { name, scenario } (what the app saves)'),
  grid: z.array(z.looseObject({
    param: z.string().min(1).max(500).describe('a parameter path, as hostfit sweep --param takes it'),
    values: values.describe('as hostfit sweep --values takes them, or a list'),
  })).max(20).default([]),
  days: z.union([z.literal('all'), integers]).optional()
    .describe('simulate: days of the traces to run one at a time (1 = the first 24 h), "all" for every whole day'),
  policies: z.array(z.string().min(1).max(60)).min(1).max(1000).optional()
    .describe('simulate: simulation.policy values (thr-mmt-0.8, …); compare: policy.algorithm values'),
  seeds: integers.optional().describe('simulate: simulation.seed values; compare: policy.seed values'),
  headroom: z.boolean().default(false).describe('compare: N+1 headroom (slower)'),
  series: z.boolean().default(false).describe('simulate: keep each run\'s time series in its result'),
});

export type BatchFile = z.output<typeof batchSchema>;
export type BatchScenarioEntry = BatchFile['scenarios'][number];
export type BatchFileInput = z.input<typeof batchSchema>;

export interface BatchError { readonly where: string; readonly message: string }

export type BatchParse = { readonly ok: true; readonly batch: BatchFile } | { readonly ok: false; readonly errors: readonly BatchError[] };

export function parseBatchValue(value: unknown): BatchParse {
  const r = batchSchema.safeParse(value);
  if (r.success) return { ok: true, batch: r.data };
  return { ok: false, errors: r.error.issues.slice(0, 50).map((i) => ({ where: formatPath(i.path), message: i.message })) };
}

/** True when a parsed JSON document declares itself a batch file (rather than a scenario). */
export function isBatchDocument(value: unknown): boolean {
  return typeof value === 'object' && value !== null && (value as { format?: unknown }).format === BATCH_FORMAT;
}

/** Bytes of a batch file → validated batch, or errors naming the line (bad JSON) or the JSON path. */
export function parseBatchBytes(bytes: Uint8Array): BatchParse {
  const decoded = decodeScenarioBytes(bytes);
  if (!decoded.ok) return { ok: false, errors: [decoded.error] };
  let value: unknown;
  try {
    value = JSON.parse(decoded.text.charCodeAt(0) === 0xfeff ? decoded.text.slice(1) : decoded.text);
  } catch (e) {
    return { ok: false, errors: [{ where: 'document', message: `not valid JSON: ${(e as Error).message}` }] };
  }
  return parseBatchValue(value);
}
