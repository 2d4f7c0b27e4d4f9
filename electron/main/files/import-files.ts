// Reading the files the user picked to import (an RVTools workbook, a kubectl dump, a folder of Bitbrains CSVs):
// bytes only — the renderer's import worker parses them — within the import limits, and nothing is ever written.
// Names are relative to what was picked (a file's own name, or "folder/sub/file.csv"), never paths: they cross
// to the renderer and appear in every import message.
import { lstat, readdir, readFile } from 'node:fs/promises';
import { basename, join } from 'node:path';
import {
  MAX_IMPORT_BYTES, MAX_IMPORT_FILES, type ImportFilesResult, type ImportPick, type ImportSourceFile,
} from '../../../core/desktop/api';
import { describeFsError } from './fs-errors';

/** Paths the user chose (files, or one folder), or null if cancelled. */
export type ChooseImportPaths = (pick: ImportPick) => Promise<readonly string[] | null>;

export interface ImportLimits {
  readonly maxFiles: number;
  readonly maxBytes: number;
}

const DEFAULT_LIMITS: ImportLimits = { maxFiles: MAX_IMPORT_FILES, maxBytes: MAX_IMPORT_BYTES };
const mib = (n: number) => `${(n / 2 ** 20).toFixed(0)} MiB`;

class TooMuch extends Error {}

interface Found {
  readonly path: string;
  readonly name: string;
  readonly size: number;
}

/** Regular files under `dir` (hidden files, links and special files left out), in name order. */
async function walk(dir: string, prefix: string, out: Found[], limits: ImportLimits): Promise<void> {
  const entries = (await readdir(dir, { withFileTypes: true })).sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  for (const e of entries) {
    if (e.name.startsWith('.')) continue;
    const path = join(dir, e.name);
    const name = `${prefix}/${e.name}`;
    if (e.isDirectory()) await walk(path, name, out, limits);
    else if (e.isFile()) {
      if (out.length >= limits.maxFiles) throw new TooMuch(`${prefix.split('/')[0]}: more than ${limits.maxFiles} files; the import limit is ${limits.maxFiles}`);
      out.push({ path, name, size: (await lstat(path)).size });
    }
  }
}

/** Reads what the user picked. Every failure names the file (or folder) and says why; nothing is written. */
export async function readImportFiles(paths: readonly string[], limits: ImportLimits = DEFAULT_LIMITS): Promise<ImportFilesResult> {
  const found: Found[] = [];
  let current = paths[0] ? basename(paths[0]) : '';
  try {
    for (const path of paths) {
      current = basename(path);
      const info = await lstat(path);
      if (info.isDirectory()) await walk(path, current, found, limits);
      else if (info.isFile()) found.push({ path, name: current, size: info.size });
      else return { ok: false, reason: 'error', message: `${current}: it is not a regular file or folder` };
      if (found.length > limits.maxFiles) return { ok: false, reason: 'error', message: `${found.length} files; the import limit is ${limits.maxFiles}` };
    }
    if (found.length === 0) return { ok: false, reason: 'error', message: `${current || 'the selection'}: no files to import` };
    const total = found.reduce((n, f) => n + f.size, 0);
    if (total > limits.maxBytes) {
      return { ok: false, reason: 'error', message: `${current}: the files hold ${mib(total)}; the app imports at most ${mib(limits.maxBytes)} at once (the command line takes more)` };
    }
    const files: ImportSourceFile[] = [];
    let read = 0;
    for (const f of found) {
      current = f.name;
      const bytes = new Uint8Array(await readFile(f.path));
      read += bytes.length;
      if (read > limits.maxBytes) return { ok: false, reason: 'error', message: `${f.name}: the files grew beyond ${mib(limits.maxBytes)} while being read` };
      files.push({ name: f.name, bytes });
    }
    return { ok: true, files };
  } catch (e) {
    if (e instanceof TooMuch) return { ok: false, reason: 'error', message: e.message };
    return { ok: false, reason: 'error', message: describeFsError(e, current) };
  }
}

/** The import dialog's channel: ask where, then read. */
export async function chooseImportFiles(choose: ChooseImportPaths, pick: ImportPick, limits?: ImportLimits): Promise<ImportFilesResult> {
  const paths = await choose(pick);
  if (!paths || paths.length === 0) return { ok: false, reason: 'cancelled' };
  return readImportFiles(paths, limits);
}
