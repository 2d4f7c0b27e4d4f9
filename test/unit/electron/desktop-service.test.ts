// The main-process service end to end over real files: launch files, recent files, crash recovery across two
// sessions, the watcher's reload offer, exports; and no answer ever carries a path.
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { OpenResult, ShellCommand } from '../../../core/desktop/api';
import { DesktopService } from '../../../electron/main/desktop-service';
import { tempDir } from './support/temp';

function service(userData: string, session: string, answers: { save?: string | null; export?: string | null; import?: readonly string[] | null; table?: string | null } = {}) {
  const sent: ShellCommand[] = [];
  const exportsAsked: string[] = [];
  const s = new DesktopService({
    userDataDir: userData,
    session,
    send: (c) => void sent.push(c),
    closeWindow: () => undefined,
    watchDebounceMs: 30,
    dialogs: {
      chooseOpenPath: async () => null,
      chooseSavePath: async () => answers.save ?? null,
      chooseExportPath: async (name, kind) => { exportsAsked.push(`${name} ${kind}`); return answers.export ?? null; },
      chooseImportPaths: async () => answers.import ?? null,
      chooseTablePath: async () => answers.table ?? null,
      confirmDiscard: async () => 'cancel',
    },
  });
  return { s, sent, h: s.handlers, exportsAsked };
}

const text = (r: OpenResult) => (r.ok ? new TextDecoder().decode(r.bytes) : `not ok: ${JSON.stringify(r)}`);
const noPathIn = (value: unknown, ...dirs: string[]) => {
  const json = JSON.stringify(value, (_k, v) => (v instanceof Uint8Array ? `${v.length} bytes` : v));
  for (const d of dirs) expect(json).not.toContain(d);
};
const settle = (ms = 300) => new Promise((r) => setTimeout(r, ms));
/** Waits until `done()` holds, up to `ms` (file watchers report late on a busy machine). */
async function until(done: () => boolean, ms = 5000): Promise<void> {
  for (const end = Date.now() + ms; !done() && Date.now() < end;) await settle(25);
}

describe('desktop service', () => {
  it('opens the file named at launch first, remembers it, and never hands out its path', async () => {
    const userData = tempDir();
    const docs = tempDir();
    const path = join(docs, 'launch.hostfit.json');
    writeFileSync(path, '{"x":1}');
    const { s, h, sent } = service(userData, 'a'.repeat(32));
    await s.init();
    s.openFromOutside(path); // before the renderer asked: queued
    const start = await h['hostfit:startup']();
    expect(start.launchFile?.name).toBe('launch.hostfit.json');
    const opened = await h['hostfit:read-scenario'](start.launchFile!.handle);
    expect(text(opened)).toBe('{"x":1}');
    await settle(50);
    const recent = await h['hostfit:recent-files']();
    expect(recent.map((r) => r.name)).toEqual(['launch.hostfit.json']);
    expect(sent).toContainEqual({ type: 'recent-changed' });
    s.openFromOutside(path); // after start: a command
    expect(sent.at(-1)).toMatchObject({ type: 'open-file', file: { name: 'launch.hostfit.json' } });
    noPathIn([start, opened, recent, sent], docs, userData);
  });

  it('restores unsaved work after a crash, and still refuses to overwrite a teammate\'s change made meanwhile', async () => {
    const userData = tempDir();
    const docs = tempDir();
    const path = join(docs, 'team.hostfit.json');
    writeFileSync(path, 'v1');
    // Session A opens the file, edits, is backed up, then dies (no clean end).
    const a = service(userData, 'a'.repeat(32));
    const opened = await a.s.files.readPath(path);
    if (!opened.ok || !opened.handle) throw new Error('not opened');
    await a.h['hostfit:backup-unsaved']({ handle: opened.handle, name: 'team.hostfit.json', text: 'my edits' });
    // Meanwhile a teammate saves their version.
    writeFileSync(path, 'theirs');
    // Session B starts: the backup is offered and restored onto the same file.
    const b = service(userData, 'b'.repeat(32));
    const start = await b.h['hostfit:startup']();
    expect(start.recovery.map((o) => o.name)).toEqual(['team.hostfit.json']);
    const restored = await b.h['hostfit:restore-backup'](start.recovery[0].id);
    expect(text(restored)).toBe('my edits');
    noPathIn(restored, docs, userData);
    if (!restored.ok || !restored.handle) throw new Error('no handle');
    expect(await b.h['hostfit:save-scenario'](restored.handle, 'my edits', 'checked')).toEqual({ ok: false, reason: 'conflict', change: 'modified' });
    expect(readFileSync(path, 'utf8')).toBe('theirs');
    expect((await b.h['hostfit:save-scenario'](restored.handle, 'my edits', 'overwrite')).ok).toBe(true);
    await b.h['hostfit:discard-backup']();
    b.s.endSession();
    expect(readdirSync(join(userData, 'recovery'))).toEqual([]);
    expect((await service(userData, 'c'.repeat(32)).h['hostfit:startup']()).recovery).toEqual([]);
  });

  it('restored work onto an unchanged file saves straight through', async () => {
    const userData = tempDir();
    const path = join(tempDir(), 'quiet.hostfit.json');
    writeFileSync(path, 'v1');
    const a = service(userData, 'a'.repeat(32));
    const opened = await a.s.files.readPath(path);
    if (!opened.ok || !opened.handle) throw new Error('not opened');
    await a.h['hostfit:backup-unsaved']({ handle: opened.handle, name: 'quiet.hostfit.json', text: 'v2' });
    const b = service(userData, 'b'.repeat(32));
    const [offer] = (await b.h['hostfit:startup']()).recovery;
    const restored = await b.h['hostfit:restore-backup'](offer.id);
    if (!restored.ok || !restored.handle) throw new Error('no handle');
    expect((await b.h['hostfit:save-scenario'](restored.handle, 'v2', 'checked')).ok).toBe(true);
  });

  it('tells the renderer when the open file changes on disk, only for handles it issued', async () => {
    const docs = tempDir();
    const path = join(docs, 'watched.hostfit.json');
    writeFileSync(path, 'v1');
    const { s, h, sent } = service(tempDir(), 'a'.repeat(32));
    const opened = await s.files.readPath(path);
    if (!opened.ok || !opened.handle) throw new Error('not opened');
    h['hostfit:set-document-state']({ handle: { id: 'f'.repeat(32) }, name: 'x.json', dirty: false, readOnly: false });
    expect(s.document?.handle).toBeNull(); // a forged handle points the watcher nowhere
    h['hostfit:set-document-state']({ handle: opened.handle, name: 'watched.hostfit.json', dirty: false, readOnly: false });
    writeFileSync(path, 'theirs');
    const event = { type: 'file-changed', handle: opened.handle, change: 'modified' };
    await until(() => sent.some((m) => JSON.stringify(m) === JSON.stringify(event)));
    expect(sent).toContainEqual(event);
    s.endSession();
  });

  it('exports through the save dialog, checked against the kind', async () => {
    const docs = tempDir();
    const { h } = service(tempDir(), 'a'.repeat(32), { export: join(docs, 'hosts.png') });
    const png = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 1, 2, 3]);
    expect(await h['hostfit:export-file']('hosts', 'png', png)).toEqual({ ok: true, name: 'hosts.png' });
    expect(Array.from(readFileSync(join(docs, 'hosts.png')))).toEqual(Array.from(png));
    expect(await h['hostfit:export-file']('hosts', 'png', new Uint8Array([0x4d, 0x5a]))).toEqual({ ok: false, reason: 'error', message: 'the data is not a PNG image' });
    expect(await h['hostfit:export-file']('r.json', 'json', '{"a":')).toEqual({ ok: false, reason: 'error', message: 'the data is not valid JSON' });
    expect(await h['hostfit:export-file']('r.csv', 'csv', png)).toEqual({ ok: false, reason: 'error', message: 'a CSV export must be text' });
    expect(readdirSync(docs)).toEqual(['hosts.png']);
    const cancelled = service(tempDir(), 'a'.repeat(32));
    expect(await cancelled.h['hostfit:export-file']('r.csv', 'csv', 'a,b\n')).toEqual({ ok: false, reason: 'cancelled' });
  });

  it('saves only valid batch files, under a .hostfit-batch.json name, and opens merged results within the size limit', async () => {
    const docs = tempDir();
    const { h, exportsAsked: asked } = service(tempDir(), 'a'.repeat(32), { table: join(docs, 'table.csv'), export: join(docs, 'web-sweep.hostfit-batch.json') });
    const batch = '{"format":"hostfit-batch","version":1,"scenarios":["web.hostfit.json"],"grid":[{"param":"deployment.vm.cpuOvercommit","values":"1..4"}]}\n';
    expect(await h['hostfit:save-batch-file']('web-sweep', batch)).toEqual({ ok: true, name: 'web-sweep.hostfit-batch.json' });
    expect(asked).toEqual(['web-sweep.hostfit-batch.json json']);
    expect(readFileSync(join(docs, 'web-sweep.hostfit-batch.json'), 'utf8')).toBe(batch);
    // A scenario, or a batch with a wrong field, is refused before any dialog, naming the JSON path.
    expect(await h['hostfit:save-batch-file']('x', '{"format":"hostfit-scenario"}')).toMatchObject({ ok: false, reason: 'error', message: expect.stringMatching(/^not a valid batch file: \$\.format: /) });
    expect(await h['hostfit:save-batch-file']('x', batch.replace('"version":1', '"version":2'))).toMatchObject({ ok: false, message: expect.stringContaining('$.version') });
    expect(await h['hostfit:save-batch-file']('x', '{')).toEqual({ ok: false, reason: 'error', message: 'the batch file is not valid JSON' });
    expect(asked).toHaveLength(1);

    writeFileSync(join(docs, 'table.csv'), 'index,scenario,status,error\n0,a,ok,\n');
    const opened = await h['hostfit:open-batch-result']();
    expect(opened.ok && { name: opened.name, text: new TextDecoder().decode(opened.bytes) }).toEqual({ name: 'table.csv', text: 'index,scenario,status,error\n0,a,ok,\n' });
    noPathIn(opened, docs);
    const missing = service(tempDir(), 'a'.repeat(32), { table: join(docs, 'gone.csv') });
    expect(await missing.h['hostfit:open-batch-result']()).toEqual({ ok: false, reason: 'error', message: 'gone.csv: the file or its folder no longer exists' });
    expect(await service(tempDir(), 'a'.repeat(32)).h['hostfit:open-batch-result']()).toEqual({ ok: false, reason: 'cancelled' });
    const { openBatchResult } = await import('../../../electron/main/files/batch-files');
    expect(await openBatchResult(async () => join(docs, 'table.csv'), 10)).toMatchObject({ ok: false, message: expect.stringMatching(/^table\.csv: the file is 0 MiB; the largest batch result/) });
  });
});
