// Size limits of the import pipeline, documented in the README ("Importing an estate"). They keep a hostile or
// mistaken input (a zip bomb, a multi-gigabyte dump) from exhausting the worker's or the CLI's memory: each is
// checked before the expensive step and reported with the file it concerns.

/** Largest input file, compressed or not (a JavaScript string holds at most ~512 Mi characters). */
export const MAX_FILE_BYTES = 512 * 1024 * 1024;
/** Largest sum of all input files of one import. */
export const MAX_TOTAL_BYTES = 2 * 1024 * 1024 * 1024;
/** Largest text a gzip file may expand to. */
export const MAX_GUNZIP_BYTES = 512 * 1024 * 1024;
/** Largest sum of the uncompressed sizes of the entries of an xlsx (zip) workbook. */
export const MAX_XLSX_UNCOMPRESSED_BYTES = 1024 * 1024 * 1024;
/** Largest expansion ratio of one zip entry above 1 MiB (real sheets compress 5–30×; bombs 1000× and more). */
export const MAX_ZIP_RATIO = 200;
/** Most files in one import (a Bitbrains folder has 1,250). */
export const MAX_FILES = 20_000;
/** Deepest JSON nesting accepted (a Kubernetes object needs about 15 levels). */
export const MAX_JSON_NESTING = 64;

export const mib = (bytes: number): string => `${(bytes / 1024 / 1024).toFixed(bytes < 1024 * 1024 ? 2 : 0)} MiB`;
/** Most samples per trace (the scenario schema's limit; Prometheus itself caps a series at 11,000 points). */
export const MAX_TRACE_SAMPLES = 100_000;
