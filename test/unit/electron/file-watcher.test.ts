import { renameSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { DiskChange } from '../../../core/desktop/api';
import { FileWatcher } from '../../../electron/main/files/file-watcher';
import { ScenarioFiles } from '../../../electron/main/files/scenario-files';
import { tempDir } from './support/temp';

const settle = (ms = 400) => new Promise((r) => setTimeout(r, ms));

async function watched() {
  const dir = tempDir('hostfit-watch-');
  const path = join(dir, 'team.hostfit.json');
  writeFileSync(path, 'v1');
  const files = new ScenarioFiles({ chooseOpenPath: async () => null, chooseSavePath: async () => null });
  const opened = await files.readPath(path);
  if (!opened.ok || !opened.handle) throw new Error('not opened');
  const changes: DiskChange[] = [];
  const watcher = new FileWatcher((_p, change) => changes.push(change), 50);
  watcher.watch({ path, knownHash: () => files.knownHash(path) });
  return { dir, path, files, handle: opened.handle, changes, watcher };
}

describe('watching the open file', () => {
  it('reports a teammate replacing the file the way editors do (rename over it), once', async () => {
    const { dir, path, changes, watcher } = await watched();
    writeFileSync(join(dir, 'incoming.tmp'), 'theirs');
    renameSync(join(dir, 'incoming.tmp'), path);
    await settle();
    expect(changes).toEqual(['modified']);
    await watcher.check(); // the same change is not reported again (focus checks, more events)
    expect(changes).toEqual(['modified']);
    watcher.close();
  });

  it('reports an in-place write and a deletion', async () => {
    const { path, changes, watcher } = await watched();
    writeFileSync(path, 'theirs');
    await settle();
    rmSync(path);
    await settle();
    expect(changes).toEqual(['modified', 'deleted']);
    watcher.close();
  });

  it('never reports this window\'s own saves, nor a touch that changes nothing', async () => {
    const { path, files, handle, changes, watcher } = await watched();
    expect((await files.save(handle, 'ours', 'checked')).ok).toBe(true);
    await settle();
    writeFileSync(path, 'ours');
    await settle();
    expect(changes).toEqual([]);
    watcher.close();
  });

  it('catches a change on a focus check, before (or without) any file-system event', async () => {
    const { path, changes, watcher, files } = await watched();
    watcher.close();
    // Events would only be acted on after 10 s: what is seen here comes from the explicit check.
    const slow = new FileWatcher((_p, c) => changes.push(c), 10_000);
    slow.watch({ path, knownHash: () => files.knownHash(path) });
    writeFileSync(path, 'theirs');
    await slow.check();
    expect(changes).toEqual(['modified']);
    slow.close();
  });
});
