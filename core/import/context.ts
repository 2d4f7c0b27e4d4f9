// What every importer receives besides its files: the options in effect, the report being built, progress.
import type { Scenario } from '../scenario/schema';
import type { Progress } from './progress';
import type { Reporter } from './report';
import type { ScenarioInput } from './scenario';
import type { ImportFile, ResolvedImportOptions } from './types';

export interface ImportContext {
  readonly options: ResolvedImportOptions;
  /** Prometheus: the scenario the traces go into. */
  readonly into?: Scenario;
  readonly reporter: Reporter;
  readonly progress: Progress;
  /** ImportOptions.workbookReader ('auto' unless asked). */
  readonly workbookReader: 'auto' | 'sheetjs';
}

/** One importer: files → a scenario document (validated afterwards by finishScenario). */
export type Importer = (files: readonly ImportFile[], ctx: ImportContext) => Promise<ScenarioInput>;
