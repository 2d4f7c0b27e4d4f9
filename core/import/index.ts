// The import pipeline's one entry point. Pure TypeScript: the renderer's worker and the CLI call the same
// function with files as bytes (the CLI reads them; the app gets them from the dialog or a drop).
//
//   const { scenario, report } = await importEstate('rvtools', [{ name: 'export.xlsx', bytes }], { groupBy: 'folder' },
//     (p) => postMessage({ progress: p }), abortController.signal);
//
// Bad input rejects with ImportError (its `at` names the file and the line / sheet + row / JSON path); an
// aborted signal rejects with ImportCancelled. Anything else is a bug. The scenario is validated and canonical
// (format version 2): `serialiseScenario(scenario)` is the file to save, and plan / compare / simulate take it as
// it is. The report lists what was read, kept and skipped (each skipped row located, with its reason), notes on
// the format's quirks and on every assumption, and the origin of every imported entity.
import { detectSource } from './detect';
import type { ImportContext, Importer } from './context';
import { MAX_FILES, MAX_TOTAL_BYTES, mib } from './limits';
import { Progress } from './progress';
import { Reporter } from './report';
import { countsOf, ensureFlavours, finishScenario, type ScenarioInput } from './scenario';
import { importAlibaba } from './traces/alibaba';
import { importAzure } from './traces/azure';
import { importBitbrains } from './traces/bitbrains';
import { importKubernetes } from './kubernetes/import';
import { importPrometheus } from './prometheus/import';
import { importRvtools } from './rvtools/import';
import {
  GROUP_BY, IMPORT_SOURCES, ImportError, POWER_STATES,
  type CancelSignal, type ImportFile, type ImportOptions, type ImportProgress, type ImportResult, type ImportSource, type ResolvedImportOptions,
} from './types';

export * from './types';
export { detectSource } from './detect';
export { MAX_SKIPPED_LISTED, ORIGIN_ROWS } from './report';
export * as IMPORT_LIMITS from './limits';

/** Every option's default, as documented in the README and the CLI help. */
export const IMPORT_DEFAULTS: ResolvedImportOptions = {
  name: null,
  powerStates: ['poweredOn'],
  groupBy: 'name-prefix',
  tenantFrom: 'namespace',
  serviceLabel: null,
  metric: 'auto',
  intervalSeconds: 300,
  alibabaMemoryGiBPer100: 512,
  into: false,
};

const IMPORTERS: Record<ImportSource, Importer> = {
  rvtools: importRvtools,
  kubernetes: importKubernetes,
  prometheus: importPrometheus,
  azure: importAzure,
  alibaba: importAlibaba,
  bitbrains: importBitbrains,
};

/** Options with defaults filled in; an invalid option is an ImportError naming it (the CLI maps it to usage). */
export function resolveOptions(options: ImportOptions = {}): ResolvedImportOptions {
  const bad = (name: string, message: string) => new ImportError({ file: 'options', where: name }, message);
  const powerStates = options.powerStates ?? IMPORT_DEFAULTS.powerStates;
  for (const p of powerStates) if (!POWER_STATES.includes(p)) throw bad('powerStates', `unknown power state "${p}" (${POWER_STATES.join(', ')})`);
  const groupBy = options.groupBy ?? IMPORT_DEFAULTS.groupBy;
  if (!GROUP_BY.includes(groupBy)) throw bad('groupBy', `unknown grouping "${groupBy}" (${GROUP_BY.join(', ')})`);
  const tenantFrom = options.tenantFrom ?? IMPORT_DEFAULTS.tenantFrom;
  if (!/^(namespace|label:.+|annotation:.+)$/.test(tenantFrom)) throw bad('tenantFrom', 'expected "namespace", "label:<key>" or "annotation:<key>"');
  const metric = options.metric ?? IMPORT_DEFAULTS.metric;
  if (!['auto', 'cpu', 'memory'].includes(metric)) throw bad('metric', 'expected "auto", "cpu" or "memory"');
  const intervalSeconds = options.intervalSeconds ?? IMPORT_DEFAULTS.intervalSeconds;
  if (!Number.isInteger(intervalSeconds) || intervalSeconds < 1 || intervalSeconds > 86400) throw bad('intervalSeconds', 'expected whole seconds, 1–86400');
  const alibabaMemoryGiBPer100 = options.alibabaMemoryGiBPer100 ?? IMPORT_DEFAULTS.alibabaMemoryGiBPer100;
  if (!(alibabaMemoryGiBPer100 > 0 && alibabaMemoryGiBPer100 <= 1e5)) throw bad('alibabaMemoryGiBPer100', 'expected GiB, more than 0 and at most 100000');
  if (options.workbookReader !== undefined && !['auto', 'sheetjs'].includes(options.workbookReader)) throw bad('workbookReader', 'expected "auto" or "sheetjs"');
  const serviceLabel = options.serviceLabel ?? null;
  if (serviceLabel !== null && !/^[A-Za-z_][A-Za-z0-9_]*$/.test(serviceLabel)) throw bad('serviceLabel', 'expected a Prometheus label name');
  return { name: options.name ?? null, powerStates: [...new Set(powerStates)], groupBy, tenantFrom, serviceLabel, metric, intervalSeconds,
    alibabaMemoryGiBPer100, into: options.into !== undefined };
}

/**
 * Imports an estate (or utilisation data) from `files` exported by `source`.
 * @param onProgress called at phase boundaries and every few thousand rows (the pipeline yields to the event
 *   loop then, so a worker can receive a cancel message)
 * @param signal abort to cancel: the promise rejects with ImportCancelled
 */
export async function importEstate(source: ImportSource, files: readonly ImportFile[], options: ImportOptions = {},
  onProgress?: (p: ImportProgress) => void, signal?: CancelSignal): Promise<ImportResult> {
  if (!IMPORT_SOURCES.includes(source)) throw new ImportError({ file: 'options', where: 'source' }, `unknown source "${String(source)}" (${IMPORT_SOURCES.join(', ')})`);
  const resolved = resolveOptions(options);
  if (files.length === 0) throw new ImportError({ file: source, where: '' }, 'no files given');
  if (files.length > MAX_FILES) throw new ImportError({ file: files[0].name, where: '' }, `${files.length} files; the import limit is ${MAX_FILES}`);
  const total = files.reduce((n, f) => n + f.bytes.length, 0);
  if (total > MAX_TOTAL_BYTES) throw new ImportError({ file: files[0].name, where: '' }, `the files hold ${mib(total)}; the import limit is ${mib(MAX_TOTAL_BYTES)} in all`);
  const progress = new Progress(onProgress, signal);
  const { doc, reporter } = await buildDocument(source, files, options, progress);
  const scenario = await finishScenario(doc, reporter, progress, files[0].name);
  return { scenario, report: reporter.finish(countsOf(scenario), resolved) };
}

/**
 * The import up to the scenario document, before validation (validation is the same for every source and the
 * slowest step on small inputs: the fuzzing test validates a sample of what this builds).
 */
export async function buildDocument(source: ImportSource, files: readonly ImportFile[], options: ImportOptions = {},
  progress = new Progress()): Promise<{ doc: ScenarioInput; reporter: Reporter }> {
  const resolved = resolveOptions(options);
  const reporter = new Reporter(source);
  const ctx: ImportContext = { options: resolved, into: options.into, reporter, progress, workbookReader: options.workbookReader ?? 'auto' };
  await progress.report({ phase: 'read', done: 0, total: files.reduce((n, f) => n + f.bytes.length, 0) });
  const doc = await IMPORTERS[source](files, ctx);
  if (resolved.name) doc.name = resolved.name.slice(0, 200);
  ensureFlavours(doc, reporter, !(source === 'prometheus' && options.into));
  return { doc, reporter };
}

/** Detects the source from the files' names and first bytes, then imports: what a drop onto the app does. */
export async function importFiles(files: readonly ImportFile[], options: ImportOptions = {},
  onProgress?: (p: ImportProgress) => void, signal?: CancelSignal): Promise<ImportResult> {
  const detected = detectSource(files);
  if (!detected.source) throw new ImportError({ file: files[0]?.name ?? 'files', where: '' }, detected.reason);
  return importEstate(detected.source, files, options, onProgress, signal);
}
