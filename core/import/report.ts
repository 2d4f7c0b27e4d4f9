// Builds the import report while an importer runs: files read, rows read / kept / skipped (every skip located,
// with a reason), notes and warnings in sentences, and the origin of every imported entity.
import type {
  ImportCounts, ImportedFileSummary, ImportReport, ImportSource, Origin, ResolvedImportOptions, SkippedRow, SourceLocation,
} from './types';

/** Skipped rows listed one by one; beyond this only the counts per reason grow. */
export const MAX_SKIPPED_LISTED = 10_000;
/** Source rows listed per origin (a service grouped from 5,000 VMs lists the first ones and counts the rest). */
export const ORIGIN_ROWS = 50;

export class Reporter {
  readonly files: ImportedFileSummary[] = [];
  readonly skipped: SkippedRow[] = [];
  readonly skippedByReason: Record<string, number> = {};
  readonly notes: string[] = [];
  readonly warnings: string[] = [];
  readonly origins: Origin[] = [];
  read = 0;
  skippedCount = 0;

  constructor(readonly source: ImportSource) {}

  file(name: string, bytes: number, kind: string, rows: number): void {
    this.files.push({ name, bytes, kind, rows });
    this.read += rows;
  }

  skip(at: SourceLocation, reason: string, detail: string): void {
    this.skippedCount++;
    this.skippedByReason[reason] = (this.skippedByReason[reason] ?? 0) + 1;
    if (this.skipped.length < MAX_SKIPPED_LISTED) this.skipped.push({ at, reason, detail });
  }

  note(text: string): void {
    if (!this.notes.includes(text)) this.notes.push(text);
  }

  warn(text: string): void {
    if (!this.warnings.includes(text)) this.warnings.push(text);
  }

  origin(path: string, id: string, from: readonly SourceLocation[], derivation: string): void {
    this.origins.push({ path, id, from: from.slice(0, ORIGIN_ROWS), rows: from.length, derivation });
  }

  finish(counts: ImportCounts, options: ResolvedImportOptions): ImportReport {
    return {
      source: this.source,
      files: this.files,
      read: this.read,
      kept: Math.max(0, this.read - this.skippedCount),
      skippedCount: this.skippedCount,
      skippedByReason: this.skippedByReason,
      skipped: this.skipped,
      counts,
      notes: this.notes,
      warnings: this.warnings,
      origins: this.origins,
      options,
    };
  }
}
