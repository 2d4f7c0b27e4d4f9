import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { writeFileAtomic } from '../../../electron/main/files/atomic-write';
import { ScenarioFiles } from '../../../electron/main/files/scenario-files';

const tempDir = () => mkdtempSync(join(tmpdir(), 'hostfit-files-'));

describe('scenario files', () => {
  it('opens through the dialog, issues an opaque handle, saves back through it', async () => {
    const dir = tempDir();
    const path = join(dir, 'plan.hostfit.json');
    writeFileSync(path, '{"a":1}\n');
    const files = new ScenarioFiles({ chooseOpenPath: async () => path, chooseSavePath: async () => null });
    const opened = await files.open();
    expect(opened?.text).toBe('{"a":1}\n');
    expect(opened?.name).toBe('plan.hostfit.json');
    expect(opened?.handle.id).toMatch(/^[0-9a-f]{32}$/);
    expect(JSON.stringify(opened?.handle)).not.toContain(dir);
    const saved = await files.save(opened!.handle, '{"a":2}\n');
    expect(saved.ok).toBe(true);
    expect(readFileSync(path, 'utf8')).toBe('{"a":2}\n');
    expect(readdirSync(dir)).toEqual(['plan.hostfit.json']); // no temporary file left behind
  });

  it('refuses unknown handles and reports cancelled dialogs', async () => {
    const files = new ScenarioFiles({ chooseOpenPath: async () => null, chooseSavePath: async () => null });
    expect(await files.open()).toBeNull();
    expect(await files.save({ id: 'f'.repeat(32) }, 'x')).toEqual({ ok: false, reason: 'error', message: 'unknown file handle' });
    expect(await files.saveAs('x', 'y')).toEqual({ ok: false, reason: 'cancelled' });
  });

  it('leaves the old file intact when the write fails', async () => {
    const dir = tempDir();
    const path = join(dir, 'keep.hostfit.json');
    writeFileSync(path, 'old');
    await expect(writeFileAtomic(join(dir, 'missing-dir', 'x.json'), 'new')).rejects.toThrow();
    const files = new ScenarioFiles({ chooseOpenPath: async () => null, chooseSavePath: async () => join(dir, 'no', 'such', 'dir.json') });
    const r = await files.saveAs('x.hostfit.json', 'new');
    expect(r.ok).toBe(false);
    expect(readFileSync(path, 'utf8')).toBe('old');
  });

  it('reads non-UTF-8 bytes as a marker the scenario parser rejects', async () => {
    const dir = tempDir();
    const path = join(dir, 'latin1.json');
    writeFileSync(path, Buffer.from([0x7b, 0xe9, 0x7d]));
    const files = new ScenarioFiles({ chooseOpenPath: async () => path, chooseSavePath: async () => null });
    expect((await files.open())?.text).toBe('\uFFFD');
  });
});
