import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { RecentFiles } from '../../../electron/main/files/recent-files';
import { tempDir } from './support/temp';

describe('recent files', () => {
  it('keeps the newest first, without duplicates, up to the limit, across restarts', async () => {
    const store = join(tempDir(), 'recent-files.json');
    const recent = new RecentFiles(store, 3);
    await recent.load();
    for (const p of ['/a.json', '/b.json', '/a.json', '/c.json', '/d.json']) await recent.add(p);
    expect(recent.list()).toEqual(['/d.json', '/c.json', '/a.json']);
    await recent.remove('/c.json');
    const again = new RecentFiles(store, 3);
    await again.load();
    expect(again.list()).toEqual(['/d.json', '/a.json']);
    await again.clear();
    expect(JSON.parse(readFileSync(store, 'utf8')).paths).toEqual([]);
  });

  it('survives a damaged store and drops entries that are not absolute paths', async () => {
    const store = join(tempDir(), 'recent-files.json');
    writeFileSync(store, '{"paths": [');
    const broken = new RecentFiles(store);
    await broken.load();
    expect(broken.list()).toEqual([]);
    writeFileSync(store, JSON.stringify({ paths: ['/ok.json', 'relative.json', 42, '/nul\0.json', '/ok.json'] }));
    const mixed = new RecentFiles(store);
    await mixed.load();
    expect(mixed.list()).toEqual(['/ok.json']);
  });
});
