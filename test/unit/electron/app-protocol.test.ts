import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { resolveAppAsset, serveAppRequest } from '../../../electron/main/app-protocol';
import { tempDir } from './support/temp';

const root = '/opt/hostfit/renderer';

describe('app:// protocol containment', () => {
  it('serves files inside the renderer folder', () => {
    expect(resolveAppAsset(root, 'app://hostfit/index.html')).toBe(`${root}/index.html`);
    expect(resolveAppAsset(root, 'app://hostfit/')).toBe(`${root}/index.html`);
    expect(resolveAppAsset(root, 'app://hostfit/assets/index-abc.js?x=1#y')).toBe(`${root}/assets/index-abc.js`);
  });

  it.each([
    'app://hostfit/../secret.txt',
    'app://hostfit/%2e%2e/%2e%2e/etc/passwd',
  ])('keeps %s inside the root (the URL parser already normalised the dots)', (url) => {
    const path = resolveAppAsset(root, url);
    expect(path === null || path.startsWith(`${root}/`)).toBe(true);
  });

  it.each([
    'app://hostfit/assets/..%2f..%2fetc%2fpasswd',
    'app://hostfit/a%5c..%5c..%5cwin.ini',
    'app://hostfit/x%00.html',
    'app://hostfit/%E0%A4%A',
    'app://other/index.html',
    'file:///etc/passwd',
    'https://example.com/index.html',
    'not a url',
  ])('refuses %s', (url) => {
    expect(resolveAppAsset(root, url)).toBeNull();
  });
});

describe('app:// responses', () => {
  it('serves files from the bundle with their type, and 404s for anything outside, missing or a folder', async () => {
    const parent = tempDir();
    const bundle = join(parent, 'renderer');
    mkdirSync(join(bundle, 'assets'), { recursive: true });
    writeFileSync(join(bundle, 'index.html'), '<!doctype html>');
    writeFileSync(join(bundle, 'assets', 'kernel.wasm'), new Uint8Array([0, 0x61, 0x73, 0x6d]));
    writeFileSync(join(bundle, '..', 'secret.txt'), 'secret');
    const index = await serveAppRequest(bundle, 'app://hostfit/');
    expect([index.status, index.headers['content-type'], String(index.body)]).toEqual([200, 'text/html; charset=utf-8', '<!doctype html>']);
    expect((await serveAppRequest(bundle, 'app://hostfit/assets/kernel.wasm')).headers['content-type']).toBe('application/wasm');
    for (const url of ['app://hostfit/assets', 'app://hostfit/nope.js', 'app://hostfit/..%2fsecret.txt', 'app://hostfit/%2e%2e/secret.txt', 'https://hostfit/index.html']) {
      expect((await serveAppRequest(bundle, url)).status, url).toBe(404);
    }
    expect((await serveAppRequest(bundle, 'app://hostfit/index.html', 'POST')).status).toBe(405);
  });
});
