// Messages between the window and the import worker (renderer/src/workers/import.worker.ts).
import type { ImportFile, ImportOptions, ImportProgress, ImportResult, ImportSource, SourceLocation } from '../../../core/import/index';

export type ImportRequest = {
  readonly type: 'import';
  readonly id: number;
  readonly source: ImportSource;
  readonly files: readonly ImportFile[];
  readonly options: ImportOptions;
};

export type ImportResponse =
  | { readonly type: 'progress'; readonly id: number; readonly progress: ImportProgress }
  | { readonly type: 'done'; readonly id: number; readonly result: ImportResult }
  /** Bad input (`at` names the file and place) or a failure of the importer itself (`at` null). */
  | { readonly type: 'failed'; readonly id: number; readonly message: string; readonly at: SourceLocation | null };
