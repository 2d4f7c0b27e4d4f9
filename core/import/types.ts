// The import pipeline's contract: what goes in (a source kind, files as bytes, options), what comes out (a
// canonical scenario and a report that traces every imported number to the row it came from), and the two
// ways it stops early (bad input, cancelled). Pure types: the renderer's worker and the CLI both code against
// this file; it stays stable.
import type { Scenario } from '../scenario/schema';

/** The export formats Hostfit reads (see ../shared/reference/imports.md). */
export const IMPORT_SOURCES = ['rvtools', 'kubernetes', 'prometheus', 'azure', 'alibaba', 'bitbrains'] as const;
export type ImportSource = (typeof IMPORT_SOURCES)[number];

/** One input file: its name (as the user sees it: used for format detection and in every location) and bytes. */
export interface ImportFile {
  readonly name: string;
  readonly bytes: Uint8Array;
}

/** How RVTools VMs become services. */
export const GROUP_BY = ['none', 'name-prefix', 'folder', 'cluster'] as const;
export type GroupBy = (typeof GROUP_BY)[number];

export const POWER_STATES = ['poweredOn', 'poweredOff', 'suspended'] as const;
export type PowerState = (typeof POWER_STATES)[number];

/**
 * Options; every one has a documented default (IMPORT_DEFAULTS). Options that do not apply to a source are
 * ignored (and listed as such in the report's `options`).
 */
export interface ImportOptions {
  /** Scenario name. Default: derived from the source and the file names. */
  readonly name?: string;
  // RVTools
  /** VMs in these power states count as demand. Default ['poweredOn']. */
  readonly powerStates?: readonly PowerState[];
  /** VMs → services. Default 'name-prefix' (web-01, web-02 → one service "web" with 2 replicas, per VM shape). */
  readonly groupBy?: GroupBy;
  /**
   * How workbooks are read: 'auto' (default) streams the needed sheets' XML out of the checked zip and falls back
   * to SheetJS, with a note in the report, for anything the streaming reader does not handle; 'sheetjs' always
   * reads them whole with SheetJS (slower; the two give the same result — for comparison and diagnosis). Not
   * part of the report's options: it changes how, not what, is read.
   */
  readonly workbookReader?: 'auto' | 'sheetjs';
  // Kubernetes
  /**
   * Where a pod's tenant comes from: 'namespace' (default), 'label:<key>' or 'annotation:<key>' (pods without
   * it fall back to their namespace, and the report counts them).
   */
  readonly tenantFrom?: string;
  // Prometheus
  /** Existing scenario the traces go into. Default: none (one service per series group, on a default host pool). */
  readonly into?: Scenario;
  /**
   * Label that maps a series to a service. Default: automatic — with `into`, the pod's controller
   * (namespace + pod name minus its ReplicaSet/StatefulSet suffix) or a service id/name found in `service`,
   * `app`, `job`, `vm_name`, `instance`; without `into`, the first of those labels present.
   */
  readonly serviceLabel?: string;
  /** What the series measure: 'cpu' (cores), 'memory' (bytes) or 'auto' (default: from __name__ and magnitude). */
  readonly metric?: 'auto' | 'cpu' | 'memory';
  // Public traces
  /** Resampling interval for traces with irregular sampling (Alibaba), seconds. Default 300. */
  readonly intervalSeconds?: number;
  /** Alibaba 2018: GiB that a normalised memory of 100 stands for. Default 512 (a planning assumption). */
  readonly alibabaMemoryGiBPer100?: number;
}

export interface ResolvedImportOptions {
  readonly name: string | null;
  readonly powerStates: readonly PowerState[];
  readonly groupBy: GroupBy;
  readonly tenantFrom: string;
  readonly serviceLabel: string | null;
  readonly metric: 'auto' | 'cpu' | 'memory';
  readonly intervalSeconds: number;
  readonly alibabaMemoryGiBPer100: number;
  readonly into: boolean;
}

/**
 * A place in an input file: `file` as given, `where` one of `line 12` (text: 1-based line, header = line 1),
 * `sheet vInfo, row 7` (workbook: 1-based spreadsheet row, header = row 1), a JSON path
 * (`$.items[3].spec.containers[0].resources.requests.cpu`), or `line 4, column 9` (syntax errors).
 */
export interface SourceLocation {
  readonly file: string;
  readonly where: string;
}

/** `file: where` as the CLI prints it. */
export function formatLocation(at: SourceLocation): string {
  return at.where ? `${at.file}: ${at.where}` : at.file;
}

/** A row (or object) that was read but not imported, and why. */
export interface SkippedRow {
  readonly at: SourceLocation;
  /** Short, stable reason key, e.g. 'powered-off', 'template', 'finished-pod' (counted in `skippedByReason`). */
  readonly reason: string;
  /** Human sentence, e.g. 'template VM (Template = True)'. */
  readonly detail: string;
}

/**
 * Where an entity of the imported scenario came from: its JSON path in the scenario (`$.services[4]`), the source
 * rows it was built from (at most ORIGIN_ROWS listed; `rows` counts them all) and how its numbers were derived.
 */
export interface Origin {
  readonly path: string;
  readonly id: string;
  readonly from: readonly SourceLocation[];
  readonly rows: number;
  /** e.g. 'cpuCores = CPUs (4); memoryGiB = Memory 16384 MiB / 1024' */
  readonly derivation: string;
}

export interface ImportedFileSummary {
  readonly name: string;
  readonly bytes: number;
  /** What the file was read as, e.g. 'RVTools workbook (sheets vInfo, vHost, vCluster)', 'gzip → vmtable CSV'. */
  readonly kind: string;
  /** Data rows / objects / series read from it. */
  readonly rows: number;
}

export interface ImportCounts {
  readonly hostModels: number;
  readonly hosts: number;
  readonly sites: number;
  readonly racks: number;
  readonly tenants: number;
  readonly services: number;
  readonly replicas: number;
  readonly traces: number;
}

export interface ImportReport {
  readonly source: ImportSource;
  readonly files: readonly ImportedFileSummary[];
  /** Data rows / objects / series read, kept (became part of the scenario) and skipped. */
  readonly read: number;
  readonly kept: number;
  readonly skippedCount: number;
  /** Skip counts per reason key (always complete). */
  readonly skippedByReason: Readonly<Record<string, number>>;
  /** The skipped rows themselves, each located; at most MAX_SKIPPED_LISTED (then `skippedCount` says how many more). */
  readonly skipped: readonly SkippedRow[];
  readonly counts: ImportCounts;
  /**
   * What the importer decided and why, in sentences: format quirks handled (Bitbrains' seconds in its "ms"
   * column, Azure's ">24" buckets, …), units detected, the default host pool used for partial sources, what
   * was merged, what was clipped.
   */
  readonly notes: readonly string[];
  /** Things the planner should check (e.g. pods without requests pack as zero). */
  readonly warnings: readonly string[];
  /** One entry per imported host model, host group, service and trace. */
  readonly origins: readonly Origin[];
  /** The options in effect, defaults filled in. */
  readonly options: ResolvedImportOptions;
}

export interface ImportResult {
  /** A validated, canonical version-2 scenario: save it with serialiseScenario, or plan it as is. */
  readonly scenario: Scenario;
  readonly report: ImportReport;
}

/** Progress of a running import: phase, and work done out of total in that phase's own unit (bytes, rows). */
export interface ImportProgress {
  readonly phase: 'read' | 'parse' | 'build' | 'validate';
  readonly done: number;
  readonly total: number;
  readonly file?: string;
}

/** Anything with an `aborted` flag: an AbortSignal in the worker and in Node. */
export interface CancelSignal {
  readonly aborted: boolean;
}

/** Bad input: every message names where (file + line, sheet + row, or JSON path). Exit code 1 in the CLI. */
export class ImportError extends Error {
  readonly at: SourceLocation;
  constructor(at: SourceLocation, message: string) {
    super(`${formatLocation(at)}: ${message}`);
    this.name = 'ImportError';
    this.at = at;
  }
}

/** The signal was aborted; nothing was produced. */
export class ImportCancelled extends Error {
  constructor() {
    super('import cancelled');
    this.name = 'ImportCancelled';
  }
}
