// The Sweep tab's batch files: a batch file saved where the user picks (only text that is a valid batch
// document is written), and a merged batch result (`hostfit batch merge` output, CSV or JSON) read as bytes
// within a size limit. The renderer parses the table; nothing here names a path back to it.
import { readFile, stat } from 'node:fs/promises';
import { basename } from 'node:path';
import { BATCH_FILE_SUFFIX, MAX_TABLE_BYTES, type ExportResult, type OpenTableResult } from '../../../core/desktop/api';
import { parseBatchValue } from '../../../core/batch/schema';
import { exportFile, type ChooseExportPath } from './exports';
import { describeFsError } from './fs-errors';

/** The path of a merged result to open, or null if cancelled. */
export type ChooseTablePath = () => Promise<string | null>;

/** Why `text` is not a batch file, or null. */
export function batchProblem(text: string): string | null {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    return 'the batch file is not valid JSON';
  }
  const parsed = parseBatchValue(value);
  if (parsed.ok) return null;
  const [first] = parsed.errors;
  return `not a valid batch file: ${first.where}: ${first.message}`;
}

/** `name` ending in .hostfit-batch.json. */
export function batchFileName(name: string): string {
  if (name.toLowerCase().endsWith(BATCH_FILE_SUFFIX)) return name;
  const stem = name.replace(/(\.hostfit)?\.json$/i, '');
  return `${stem || 'sweep'}${BATCH_FILE_SUFFIX}`;
}

export async function saveBatchFile(choose: ChooseExportPath, suggestedName: string, text: string): Promise<ExportResult> {
  const problem = batchProblem(text);
  if (problem) return { ok: false, reason: 'error', message: problem };
  // Written as a JSON export is: the path the user picks, atomically, errors named by the file.
  return exportFile(choose, batchFileName(suggestedName), 'json', text);
}

export async function openBatchResult(choose: ChooseTablePath, maxBytes = MAX_TABLE_BYTES): Promise<OpenTableResult> {
  const path = await choose();
  if (!path) return { ok: false, reason: 'cancelled' };
  const name = basename(path);
  try {
    const info = await stat(path);
    if (!info.isFile()) return { ok: false, reason: 'error', message: `${name}: it is not a regular file` };
    if (info.size > maxBytes) {
      return { ok: false, reason: 'error', message: `${name}: the file is ${(info.size / 2 ** 20).toFixed(0)} MiB; the largest batch result the app opens is ${maxBytes / 2 ** 20} MiB` };
    }
    const bytes = new Uint8Array(await readFile(path));
    if (bytes.length > maxBytes) return { ok: false, reason: 'error', message: `${name}: the file grew beyond ${maxBytes / 2 ** 20} MiB while being read` };
    return { ok: true, name, bytes };
  } catch (e) {
    return { ok: false, reason: 'error', message: describeFsError(e, name) };
  }
}
