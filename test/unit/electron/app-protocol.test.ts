import { describe, expect, it } from 'vitest';
import { resolveAppAsset } from '../../../electron/main/app-protocol';

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
