// The Content Security Policy: strict, the same in the page's meta tag (renderer/index.html, and the built page
// when present) and in the header of every app:// response.
import { existsSync, mkdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { serveAppRequest } from '../../../electron/main/app-protocol';
import { CONTENT_SECURITY_POLICY } from '../../../electron/main/csp';
import { tempDir } from './support/temp';

const metaPolicy = (html: string) => /http-equiv="Content-Security-Policy"\s+content="([^"]+)"/.exec(html)?.[1];
const directives = (policy: string) => new Map(policy.split(';').map((d) => d.trim()).filter(Boolean).map((d) => {
  const [name, ...values] = d.split(/\s+/);
  return [name, values] as const;
}));

describe('content security policy', () => {
  it('allows only the app\'s own bundle, WebAssembly from inlined bytes, and nothing remote', () => {
    const d = directives(CONTENT_SECURITY_POLICY);
    expect(d.get('default-src')).toEqual(["'none'"]);
    expect(d.get('script-src')).toEqual(["'self'", "'wasm-unsafe-eval'"]);
    expect(d.get('object-src')).toEqual(["'none'"]);
    expect(d.get('base-uri')).toEqual(["'none'"]);
    expect(d.get('frame-src')).toEqual(["'none'"]);
    for (const [name, values] of d) {
      for (const v of values) {
        expect(v, name).not.toMatch(/unsafe-inline|'unsafe-eval'|unsafe-hashes|strict-dynamic|^\*$|^https?:|^http|^ws/);
      }
    }
  });

  it('is the meta tag of the page source', () => {
    expect(metaPolicy(readFileSync(new URL('../../../renderer/index.html', import.meta.url), 'utf8'))).toBe(CONTENT_SECURITY_POLICY);
  });

  it('is the meta tag of the built page, when built from the current source', () => {
    const built = new URL('../../../out/renderer/index.html', import.meta.url);
    const source = new URL('../../../renderer/index.html', import.meta.url);
    // npm test builds first; a bare unit run may have no build, or one older than the page source.
    if (!existsSync(built) || statSync(built).mtimeMs < statSync(source).mtimeMs) return;
    expect(metaPolicy(readFileSync(built, 'utf8'))).toBe(CONTENT_SECURITY_POLICY);
  });

  it('is sent as a header with every app:// response (workers and 404s included), plus frame-ancestors', async () => {
    const root = tempDir();
    mkdirSync(join(root, 'assets'));
    writeFileSync(join(root, 'index.html'), '<!doctype html>');
    writeFileSync(join(root, 'assets', 'parse.worker.js'), 'self.onmessage = () => {}');
    for (const url of ['app://hostfit/', 'app://hostfit/assets/parse.worker.js', 'app://hostfit/missing.js', 'app://hostfit/../etc/passwd']) {
      const r = await serveAppRequest(root, url);
      expect(r.headers['content-security-policy']).toBe(`${CONTENT_SECURITY_POLICY}; frame-ancestors 'none'`);
      expect(r.headers['x-content-type-options']).toBe('nosniff');
    }
  });
});
