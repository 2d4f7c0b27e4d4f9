// The files picked to import: read as bytes (a folder recursively, hidden files and links left out), named
// relative to what was picked — never by path —, refused with the file named when over a limit or unreadable,
// and nothing on disk is ever written.
import { mkdirSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { DesktopService } from '../../../electron/main/desktop-service';
import { readImportFiles } from '../../../electron/main/files/import-files';
import { snapshot, tempDir } from './support/temp';

function service(pick: readonly string[] | null) {
  const asked: string[] = [];
  const s = new DesktopService({
    userDataDir: tempDir(), session: 'c'.repeat(32), send: () => undefined, closeWindow: () => undefined,
    dialogs: {
      chooseOpenPath: async () => null, chooseSavePath: async () => null, chooseExportPath: async () => null, chooseTablePath: async () => null,
      chooseImportPaths: async (what) => { asked.push(what); return pick; },
      confirmDiscard: async () => 'cancel',
    },
  });
  return { h: s.handlers, asked };
}

const names = (r: Awaited<ReturnType<typeof readImportFiles>>) => (r.ok ? r.files.map((f) => `${f.name}:${f.bytes.length}`) : r);

describe('files picked to import', () => {
  it('reads a folder of trace files recursively, in name order, named inside the folder', async () => {
    const root = tempDir();
    const folder = join(root, 'rnd');
    mkdirSync(join(folder, '2013-8'), { recursive: true });
    writeFileSync(join(folder, '2.csv'), 'Timestamp [ms];\tCPU cores\n1;\t2\n');
    writeFileSync(join(folder, '10.csv'), 'x');
    writeFileSync(join(folder, '.DS_Store'), 'junk');
    writeFileSync(join(folder, '2013-8', '1.csv'), 'yy');
    symlinkSync(join(folder, '2.csv'), join(folder, 'link.csv'));
    const before = snapshot(root);
    const { h, asked } = service([folder]);
    const r = await h['hostfit:choose-import-files']('folder');
    expect(asked).toEqual(['folder']);
    expect(names(r)).toEqual(['rnd/10.csv:1', 'rnd/2.csv:31', 'rnd/2013-8/1.csv:2']);
    expect(JSON.stringify(r, (_k, v) => (v instanceof Uint8Array ? v.length : v))).not.toContain(root);
    expect(snapshot(root)).toEqual(before);
  });

  it('reads several picked files, and says cancelled when the dialog is', async () => {
    const root = tempDir();
    writeFileSync(join(root, 'vmtable.csv'), 'a,b');
    writeFileSync(join(root, 'vm_cpu_readings-1.csv'), 'c');
    expect(names(await service([join(root, 'vmtable.csv'), join(root, 'vm_cpu_readings-1.csv')]).h['hostfit:choose-import-files']('files')))
      .toEqual(['vmtable.csv:3', 'vm_cpu_readings-1.csv:1']);
    expect(await service(null).h['hostfit:choose-import-files']('files')).toEqual({ ok: false, reason: 'cancelled' });
  });

  it('refuses what is over a limit, empty or unreadable, naming the file and never the folder it is in', async () => {
    const root = tempDir();
    const folder = join(root, 'traces');
    mkdirSync(folder);
    for (let i = 0; i < 5; i++) writeFileSync(join(folder, `${i}.csv`), 'x'.repeat(100));
    expect(await readImportFiles([folder], { maxFiles: 3, maxBytes: 1e6 }))
      .toEqual({ ok: false, reason: 'error', message: 'traces: more than 3 files; the import limit is 3' });
    expect(await readImportFiles([folder], { maxFiles: 10, maxBytes: 300 }))
      .toMatchObject({ ok: false, reason: 'error', message: expect.stringMatching(/^traces: the files hold .* at most/) });
    const empty = join(root, 'empty');
    mkdirSync(empty);
    expect(await readImportFiles([empty])).toEqual({ ok: false, reason: 'error', message: 'empty: no files to import' });
    const gone = await readImportFiles([join(root, 'missing.xlsx')]);
    expect(gone).toEqual({ ok: false, reason: 'error', message: 'missing.xlsx: the file or its folder no longer exists' });
  });
});
