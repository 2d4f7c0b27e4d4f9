import { existsSync, readdirSync, readFileSync, renameSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { sweepStaleTemps, writeFileAtomic } from '../../../electron/main/files/atomic-write';
import { ScenarioFiles } from '../../../electron/main/files/scenario-files';
import { tempDir } from './support/temp';

const text = (bytes: Uint8Array) => new TextDecoder().decode(bytes);
const noDialogs = { chooseOpenPath: async () => null, chooseSavePath: async () => null };

async function opened(files: ScenarioFiles, path: string) {
  const r = await files.readPath(path);
  if (!r.ok) throw new Error(`not opened: ${r.reason}`);
  if (!r.handle) throw new Error('no handle');
  return { ...r, handle: r.handle };
}

describe('scenario files', () => {
  it('opens through the dialog, issues an opaque handle, saves back through it', async () => {
    const dir = tempDir();
    const path = join(dir, 'plan.hostfit.json');
    writeFileSync(path, '{"a":1}\n');
    const files = new ScenarioFiles({ chooseOpenPath: async () => path, chooseSavePath: async () => null });
    const r = await files.open();
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(text(r.bytes)).toBe('{"a":1}\n');
    expect(r.name).toBe('plan.hostfit.json');
    expect(r.handle?.id).toMatch(/^[0-9a-f]{32}$/);
    expect(JSON.stringify({ ...r, bytes: undefined })).not.toContain(dir);
    const saved = await files.save(r.handle!, '{"a":2}\n', 'checked');
    expect(saved.ok).toBe(true);
    expect(readFileSync(path, 'utf8')).toBe('{"a":2}\n');
    expect(readdirSync(dir)).toEqual(['plan.hostfit.json']); // no temporary file left behind
  });

  it('refuses unknown handles and reports cancelled dialogs', async () => {
    const files = new ScenarioFiles(noDialogs);
    expect(await files.open()).toEqual({ ok: false, reason: 'cancelled' });
    expect(await files.save({ id: 'f'.repeat(32) }, 'x', 'overwrite')).toEqual({ ok: false, reason: 'error', message: 'unknown file handle' });
    expect(await files.read({ id: 'f'.repeat(32) })).toEqual({ ok: false, reason: 'error', message: 'unknown file handle' });
    expect(await files.saveAs('x', 'y')).toEqual({ ok: false, reason: 'cancelled' });
  });

  it('suggests the .hostfit.json extension in Save As', async () => {
    const asked: string[] = [];
    const files = new ScenarioFiles({ chooseOpenPath: async () => null, chooseSavePath: async (n) => { asked.push(n); return null; } });
    await files.saveAs('plan', '{}');
    await files.saveAs('team.json', '{}');
    expect(asked).toEqual(['plan.hostfit.json', 'team.json']);
  });

  it('leaves the old file intact when the write fails, with a message that names the file but not its folder', async () => {
    const dir = tempDir();
    const path = join(dir, 'keep.hostfit.json');
    writeFileSync(path, 'old');
    await expect(writeFileAtomic(join(dir, 'missing-dir', 'x.json'), 'new')).rejects.toThrow();
    const files = new ScenarioFiles({ chooseOpenPath: async () => null, chooseSavePath: async () => join(dir, 'no', 'such', 'dir.json') });
    const r = await files.saveAs('x.hostfit.json', 'new');
    expect(r).toEqual({ ok: false, reason: 'error', message: 'dir.json: the file or its folder no longer exists' });
    expect(readFileSync(path, 'utf8')).toBe('old');
  });

  it('hands the renderer the raw bytes (decoding and validation happen in the parse worker)', async () => {
    const dir = tempDir();
    const path = join(dir, 'latin1.json');
    writeFileSync(path, Buffer.from([0x7b, 0xe9, 0x7d]));
    const r = await new ScenarioFiles(noDialogs).readPath(path);
    expect(r.ok && Array.from(r.bytes)).toEqual([0x7b, 0xe9, 0x7d]);
  });

  it('refuses files larger than the limit and folders, without reading them', async () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'big.json'), 'x'.repeat(2000));
    const files = new ScenarioFiles(noDialogs, { maxBytes: 1000 });
    const big = await files.readPath(join(dir, 'big.json'));
    expect(big.ok === false && big.reason === 'error' && big.message).toMatch(/^big\.json: the file is .* the largest scenario Hostfit opens is/);
    const folder = await files.readPath(dir);
    expect(folder.ok === false && folder.reason === 'error' && folder.message).not.toContain(dir);
  });

  it('remembers what it opened and saved (recent files), and forgets what is gone', async () => {
    const dir = tempDir();
    const remembered: string[] = [];
    const missing: string[] = [];
    const files = new ScenarioFiles({ chooseOpenPath: async () => null, chooseSavePath: async () => join(dir, 'b.json') },
      { onRemember: (p) => remembered.push(p), onMissing: (p) => missing.push(p) });
    writeFileSync(join(dir, 'a.json'), '{}');
    await files.readPath(join(dir, 'a.json'));
    await files.saveAs('b.json', '{}');
    await files.readPath(join(dir, 'gone.json'));
    expect(remembered).toEqual([join(dir, 'a.json'), join(dir, 'b.json')]);
    expect(missing).toEqual([join(dir, 'gone.json')]);
  });
});

describe('a teammate changed the file', () => {
  it('refuses a checked save over a file modified since it was loaded, and leaves their version', async () => {
    const dir = tempDir();
    const path = join(dir, 'team.hostfit.json');
    writeFileSync(path, 'mine v1');
    const files = new ScenarioFiles(noDialogs);
    const r = await opened(files, path);
    writeFileSync(path, 'theirs');
    expect(await files.save(r.handle, 'mine v2', 'checked')).toEqual({ ok: false, reason: 'conflict', change: 'modified' });
    expect(readFileSync(path, 'utf8')).toBe('theirs');
    expect(readdirSync(dir)).toEqual(['team.hostfit.json']);
    // The user chose "overwrite".
    expect((await files.save(r.handle, 'mine v2', 'overwrite')).ok).toBe(true);
    expect(readFileSync(path, 'utf8')).toBe('mine v2');
    // Their next change is detected against what we saved, not what we first loaded.
    expect((await files.save(r.handle, 'mine v3', 'checked')).ok).toBe(true);
    writeFileSync(path, 'theirs again');
    expect((await files.save(r.handle, 'mine v4', 'checked')).ok).toBe(false);
  });

  it('reports a file deleted or moved away since it was loaded', async () => {
    const dir = tempDir();
    const path = join(dir, 'moved.hostfit.json');
    writeFileSync(path, 'v1');
    const files = new ScenarioFiles(noDialogs);
    const r = await opened(files, path);
    renameSync(path, join(dir, 'elsewhere.json'));
    expect(await files.save(r.handle, 'v2', 'checked')).toEqual({ ok: false, reason: 'conflict', change: 'deleted' });
    expect(existsSync(path)).toBe(false);
  });

  it('does not call an unchanged file (touched, or rewritten with the same bytes) a conflict', async () => {
    const dir = tempDir();
    const path = join(dir, 'same.hostfit.json');
    writeFileSync(path, 'same');
    const files = new ScenarioFiles(noDialogs);
    const r = await opened(files, path);
    utimesSync(path, new Date(), new Date(Date.now() + 5000));
    writeFileSync(path, 'same');
    expect((await files.save(r.handle, 'next', 'checked')).ok).toBe(true);
  });

  it('always detects a modification between load and save (random contents and edits)', async () => {
    const dir = tempDir();
    let n = 0;
    await fc.assert(fc.asyncProperty(
      fc.uint8Array({ maxLength: 300 }), fc.uint8Array({ maxLength: 300 }), fc.boolean(),
      async (original, theirs, sameLength) => {
        const path = join(dir, `f${n++}.json`);
        writeFileSync(path, original);
        const files = new ScenarioFiles(noDialogs);
        const r = await opened(files, path);
        // Their edit: arbitrary bytes, or a same-size in-place change (a size or time check would miss it).
        const edit = sameLength && original.length > 0 ? original.map((b, i) => (i === theirs.length % original.length ? b ^ 1 : b)) : theirs;
        writeFileSync(path, edit);
        const changed = Buffer.compare(Buffer.from(edit), Buffer.from(original)) !== 0;
        const result = await files.save(r.handle, 'ours', 'checked');
        if (changed) {
          expect(result).toEqual({ ok: false, reason: 'conflict', change: 'modified' });
          expect(Buffer.compare(readFileSync(path), Buffer.from(edit))).toBe(0);
        } else expect(result.ok).toBe(true);
        rmSync(path, { force: true });
      }), { numRuns: 150 });
  });

  it('checks just before the rename: a change made after the save started is still caught', async () => {
    const dir = tempDir();
    const path = join(dir, 'race.hostfit.json');
    writeFileSync(path, 'v1');
    const files = new ScenarioFiles(noDialogs);
    const r = await opened(files, path);
    // A very large save takes a while to write; their change lands meanwhile.
    const big = 'x'.repeat(8 * 1024 * 1024);
    const saving = files.save(r.handle, big, 'checked');
    writeFileSync(path, 'theirs');
    expect(await saving).toEqual({ ok: false, reason: 'conflict', change: 'modified' });
    expect(readFileSync(path, 'utf8')).toBe('theirs');
  });
});

describe('temporary files of killed saves', () => {
  it('are swept when old enough, and only ours for that file', async () => {
    const dir = tempDir();
    const target = join(dir, 'plan.hostfit.json');
    const ours = join(dir, '.plan.hostfit.json.0123456789ab.tmp');
    const fresh = join(dir, '.plan.hostfit.json.ba9876543210.tmp');
    const other = join(dir, '.other.json.0123456789ab.tmp');
    const unrelated = join(dir, '.plan.hostfit.json.notours.tmp');
    for (const p of [ours, fresh, other, unrelated]) writeFileSync(p, 'partial');
    const old = new Date(Date.now() - 3600_000);
    for (const p of [ours, other, unrelated]) utimesSync(p, old, old);
    expect(await sweepStaleTemps(target)).toBe(1);
    expect(readdirSync(dir).sort()).toEqual(['.other.json.0123456789ab.tmp', '.plan.hostfit.json.ba9876543210.tmp', '.plan.hostfit.json.notours.tmp']);
  });

  it('an aborted replace leaves the target and no temporary file', async () => {
    const dir = tempDir();
    const target = join(dir, 't.json');
    writeFileSync(target, 'old');
    await expect(writeFileAtomic(target, 'new', { beforeReplace: async () => { throw new Error('stop'); } })).rejects.toThrow('stop');
    expect(readFileSync(target, 'utf8')).toBe('old');
    expect(readdirSync(dir)).toEqual(['t.json']);
  });
});
