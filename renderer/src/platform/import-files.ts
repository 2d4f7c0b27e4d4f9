// Files to import that the page itself is handed — picked in the browser's file chooser, or dropped onto the
// window in either build (folders too, where the platform gives them) — read as bytes within the same limits
// as the desktop's reader (electron/main/files/import-files.ts). Only what the user gave is read; nothing is
// ever written.
import {
  MAX_IMPORT_BYTES, MAX_IMPORT_FILES, type ImportFilesResult, type ImportSourceFile,
} from '../../../core/desktop/api';

/** A file with the name the import shows for it (relative to a dropped or picked folder). */
export interface PickedFile {
  readonly file: File;
  readonly name: string;
}

const mib = (n: number) => `${(n / 2 ** 20).toFixed(0)} MiB`;
const hidden = (name: string) => name.split('/').some((part) => part.startsWith('.'));

/** Reads the picked files (hidden ones left out), refusing with a named reason what is over a limit or unreadable. */
export async function readPicked(picked: readonly PickedFile[]): Promise<ImportFilesResult> {
  const files = picked.filter((p) => !hidden(p.name)).sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  if (files.length === 0) return { ok: false, reason: 'error', message: 'no files to import' };
  if (files.length > MAX_IMPORT_FILES) return { ok: false, reason: 'error', message: `${files.length} files; the import limit is ${MAX_IMPORT_FILES}` };
  const total = files.reduce((n, p) => n + p.file.size, 0);
  if (total > MAX_IMPORT_BYTES) {
    return { ok: false, reason: 'error', message: `${files[0].name.split('/')[0]}: the files hold ${mib(total)}; the app imports at most ${mib(MAX_IMPORT_BYTES)} at once (the command line takes more)` };
  }
  const out: ImportSourceFile[] = [];
  for (const p of files) {
    try {
      out.push({ name: p.name, bytes: new Uint8Array(await p.file.arrayBuffer()) });
    } catch {
      return { ok: false, reason: 'error', message: `${p.name}: the file could not be read` };
    }
  }
  return { ok: true, files: out };
}

/** The files of a browser file chooser (a folder's files carry their path inside it). */
export function pickedFromInput(list: FileList | readonly File[]): PickedFile[] {
  return Array.from(list, (file) => ({ file, name: file.webkitRelativePath || file.name }));
}

function entryFile(entry: FileSystemFileEntry): Promise<File> {
  return new Promise((resolve, reject) => entry.file(resolve, reject));
}

async function entriesOf(dir: FileSystemDirectoryEntry): Promise<FileSystemEntry[]> {
  const reader = dir.createReader();
  const all: FileSystemEntry[] = [];
  // readEntries answers in batches (about 100 at a time in Chromium) until an empty one.
  for (;;) {
    const batch = await new Promise<FileSystemEntry[]>((resolve, reject) => reader.readEntries(resolve, reject));
    if (batch.length === 0) return all;
    all.push(...batch);
    if (all.length > MAX_IMPORT_FILES) return all;
  }
}

async function walk(entry: FileSystemEntry, prefix: string, out: PickedFile[]): Promise<void> {
  const name = prefix ? `${prefix}/${entry.name}` : entry.name;
  if (entry.isFile) out.push({ file: await entryFile(entry as FileSystemFileEntry), name });
  else if (entry.isDirectory && out.length <= MAX_IMPORT_FILES) {
    for (const child of await entriesOf(entry as FileSystemDirectoryEntry)) await walk(child, name, out);
  }
}

/**
 * The files of a drop, folders walked where the platform exposes them. The drop's entries are taken before the
 * first await: a DataTransfer is emptied once its event handler returns.
 */
export function pickedFromDrop(data: DataTransfer): Promise<PickedFile[]> {
  const entries = Array.from(data.items ?? [], (item) => (item.kind === 'file' ? item.webkitGetAsEntry?.() ?? null : null));
  const files = Array.from(data.files ?? []);
  return (async () => {
    if (entries.length === 0 || entries.some((e) => e === null)) return pickedFromInput(files);
    const out: PickedFile[] = [];
    for (const e of entries) await walk(e!, '', out);
    return out;
  })();
}
