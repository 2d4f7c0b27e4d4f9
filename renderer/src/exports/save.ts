// Saving an export (results as CSV or JSON, a chart as PNG, the report as HTML). CSV, JSON and PNG go through
// the file store's exportFile (the desktop shows a save dialog; the browser build downloads), which also
// reports failures. The desktop API has no HTML kind, so the report's HTML is downloaded by the browser
// engine itself (in Electron that opens the same save dialog).
import { bytesFromDataUrl } from '../platform/export';
import { useFileStore } from '../stores/file';

export type ExportFormat = 'csv' | 'json' | 'png' | 'html';

export interface ExportOutcome {
  readonly ok: boolean;
  readonly cancelled?: boolean;
  readonly message?: string;
}

export const dataUrlBytes = bytesFromDataUrl;

function download(name: string, data: string): void {
  const url = URL.createObjectURL(new Blob([data], { type: 'text/html;charset=utf-8' }));
  const a = document.createElement('a');
  a.href = url;
  a.download = name;
  a.rel = 'noopener';
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

export async function saveExport(name: string, format: ExportFormat, data: string | Uint8Array): Promise<ExportOutcome> {
  if (format === 'html') {
    download(name, typeof data === 'string' ? data : new TextDecoder().decode(data));
    return { ok: true };
  }
  const r = await useFileStore().exportFile(name, format, data);
  return r.ok ? { ok: true } : r.reason === 'cancelled' ? { ok: false, cancelled: true } : { ok: false, message: r.message };
}

/** A file name from the scenario name: letters, digits and dashes (CJK kept). */
export function exportName(scenarioName: string, what: string, ext: string): string {
  const stem = scenarioName.normalize('NFKC').replace(/[^\p{L}\p{N}-]+/gu, '-').replace(/^-+|-+$/g, '').toLowerCase() || 'scenario';
  return `${stem}-${what}.${ext}`;
}
