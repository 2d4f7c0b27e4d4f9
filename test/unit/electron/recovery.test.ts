import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { RecoveryStore } from '../../../electron/main/files/recovery';
import { tempDir } from './support/temp';

const A = 'a'.repeat(32);
const B = 'b'.repeat(32);
const C = 'c'.repeat(32);
const at = (iso: string) => () => new Date(iso);

describe('crash-recovery backups', () => {
  it('offers what a crashed session left, newest first, and moves a restored backup into the new session', async () => {
    const dir = join(tempDir(), 'recovery');
    await new RecoveryStore(dir, A, at('2026-01-01T10:00:00Z')).write({ name: 'old.json', path: '/x/old.json', baseHash: 'e'.repeat(64), text: '{"v":1}' });
    await new RecoveryStore(dir, B, at('2026-01-02T10:00:00Z')).write({ name: 'new.json', path: null, baseHash: null, text: '{"v":2}' });
    const next = new RecoveryStore(dir, C);
    expect(await next.pending()).toEqual([
      { id: B, name: 'new.json', savedAt: '2026-01-02T10:00:00.000Z' },
      { id: A, name: 'old.json', savedAt: '2026-01-01T10:00:00.000Z' },
    ]);
    expect(await next.take(A)).toEqual({ name: 'old.json', path: '/x/old.json', baseHash: 'e'.repeat(64), text: '{"v":1}', savedAt: '2026-01-01T10:00:00.000Z' });
    expect(readdirSync(dir).sort()).toEqual([`${B}.json`, `${C}.json`]); // survives a crash right after restoring
    await next.discard(B);
    expect(await next.take(B)).toBeNull();
    expect(readdirSync(dir)).toEqual([`${C}.json`]);
  });

  it('replaces its own backup on each write, deletes it when the edits are saved or the session ends cleanly', async () => {
    const dir = join(tempDir(), 'recovery');
    const store = new RecoveryStore(dir, A);
    await store.write({ name: 'p.json', path: null, baseHash: null, text: 'first' });
    await store.write({ name: 'p.json', path: null, baseHash: null, text: 'second' });
    expect(JSON.parse(readFileSync(join(dir, `${A}.json`), 'utf8')).text).toBe('second');
    expect(readdirSync(dir)).toEqual([`${A}.json`]);
    await store.clear();
    expect(readdirSync(dir)).toEqual([]);
    await store.write({ name: 'p.json', path: null, baseHash: null, text: 'third' });
    store.endSync();
    await store.write({ name: 'p.json', path: null, baseHash: null, text: 'too late' });
    expect(readdirSync(dir)).toEqual([]);
  });

  it('keeps the order of writes and discards (a backup never lands after the discard that followed it)', async () => {
    const dir = join(tempDir(), 'recovery');
    const store = new RecoveryStore(dir, A);
    const pending = [store.write({ name: 'p.json', path: null, baseHash: null, text: 'x'.repeat(1 << 20) }), store.clear()];
    await Promise.all(pending);
    expect(readdirSync(dir)).toEqual([]);
  });

  it('offers its own backup too (the renderer crashed and was reloaded)', async () => {
    const dir = join(tempDir(), 'recovery');
    const store = new RecoveryStore(dir, A);
    await store.write({ name: 'p.json', path: null, baseHash: null, text: 'mine' });
    expect((await store.pending()).map((o) => o.id)).toEqual([A]);
    expect((await store.take(A))?.text).toBe('mine');
    expect(readdirSync(dir)).toEqual([`${A}.json`]);
  });

  it('skips damaged or foreign files and refuses ids that are not its own format', async () => {
    const dir = join(tempDir(), 'recovery');
    const store = new RecoveryStore(dir, A);
    await store.write({ name: 'p.json', path: null, baseHash: null, text: 'ok' });
    writeFileSync(join(dir, `${B}.json`), '{"format":"hostfit-recovery","version":1,"name":');
    writeFileSync(join(dir, `${C}.json`), JSON.stringify({ format: 'other', version: 1, name: 'x', text: 'y', savedAt: 'z' }));
    writeFileSync(join(dir, 'notes.txt'), 'hello');
    expect((await store.pending()).map((o) => o.id)).toEqual([A]);
    expect(await store.take('../../etc/passwd')).toBeNull();
    expect(await store.take(B)).toBeNull();
    expect(() => new RecoveryStore(dir, 'not-hex')).toThrow();
  });
});
