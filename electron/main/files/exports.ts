// Exports of results (CSV, JSON) and charts (PNG) to a place the user picks in a native save dialog. The content
// is checked against the kind it claims to be, so the renderer cannot write arbitrary bytes under a .png name.
import { basename, extname } from 'node:path';
import { EXPORT_EXTENSIONS, type ExportKind, type ExportResult } from '../../../core/desktop/api';
import { writeFileAtomic } from './atomic-write';
import { describeFsError } from './fs-errors';

export type ChooseExportPath = (suggestedName: string, kind: ExportKind) => Promise<string | null>;

const PNG_SIGNATURE = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];

/** Why `data` is not a valid `kind` export, or null if it is. */
export function exportProblem(kind: ExportKind, data: string | Uint8Array): string | null {
  if (kind === 'png') {
    if (typeof data === 'string') return 'a PNG export must be bytes';
    return PNG_SIGNATURE.every((b, i) => data[i] === b) ? null : 'the data is not a PNG image';
  }
  if (typeof data !== 'string') return `a ${kind.toUpperCase()} export must be text`;
  if (kind === 'json') {
    try {
      JSON.parse(data);
    } catch {
      return 'the data is not valid JSON';
    }
  }
  return null;
}

/** `name` with the kind's extension (replacing a different one). */
export function exportName(name: string, kind: ExportKind): string {
  const ext = `.${EXPORT_EXTENSIONS[kind]}`;
  if (extname(name).toLowerCase() === ext) return name;
  const stem = extname(name) ? name.slice(0, -extname(name).length) : name;
  return `${stem || 'export'}${ext}`;
}

export async function exportFile(choose: ChooseExportPath, suggestedName: string, kind: ExportKind, data: string | Uint8Array): Promise<ExportResult> {
  const problem = exportProblem(kind, data);
  if (problem) return { ok: false, reason: 'error', message: problem };
  const path = await choose(exportName(suggestedName, kind), kind);
  if (!path) return { ok: false, reason: 'cancelled' };
  try {
    await writeFileAtomic(path, data);
    return { ok: true, name: basename(path) };
  } catch (e) {
    return { ok: false, reason: 'error', message: describeFsError(e, basename(path)) };
  }
}
