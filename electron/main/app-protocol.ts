// The app's own scheme: pages are served from the packaged renderer folder only. Any URL that escapes it
// (../, encoded separators, other hosts) is refused. No Electron import: tested directly.
import { readFile, stat } from 'node:fs/promises';
import { extname, normalize, relative, resolve, sep } from 'node:path';
import { SECURITY_HEADERS } from './csp';

export const APP_SCHEME = 'app';
export const APP_HOST = 'hostfit';
export const APP_ORIGIN = `${APP_SCHEME}://${APP_HOST}`;
export const APP_ENTRY = `${APP_ORIGIN}/index.html`;

const MIME: Record<string, string> = {
  '.html': 'text/html; charset=utf-8', '.js': 'text/javascript; charset=utf-8', '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8', '.json': 'application/json', '.wasm': 'application/wasm', '.svg': 'image/svg+xml',
  '.png': 'image/png', '.ico': 'image/x-icon', '.woff2': 'font/woff2',
};

export function mimeType(path: string): string {
  return MIME[extname(path).toLowerCase()] ?? 'application/octet-stream';
}

/** Absolute file path inside `root` for an app:// URL, or null if the URL is foreign or escapes the root. */
export function resolveAppAsset(root: string, url: string): string | null {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return null;
  }
  if (parsed.protocol !== `${APP_SCHEME}:` || parsed.host !== APP_HOST) return null;
  let pathname: string;
  try {
    pathname = decodeURIComponent(parsed.pathname);
  } catch {
    return null;
  }
  if (pathname.includes('\0') || pathname.includes('\\')) return null;
  const base = resolve(root);
  const target = resolve(base, normalize(`.${pathname === '/' ? '/index.html' : pathname}`));
  const rel = relative(base, target);
  if (rel === '' || rel.startsWith('..') || rel.split(sep).includes('..')) return null;
  return target;
}

export function isAppUrl(url: string): boolean {
  return url === APP_ORIGIN || url.startsWith(`${APP_ORIGIN}/`);
}

/**
 * Whether a page URL is the app itself: the packaged bundle, or (unpackaged development only) exactly the
 * origin of the electron-vite dev server — compared as origins, so `http://localhost:5173.evil.example` is not it.
 */
export function isTrustedPageUrl(url: string, devServerUrl?: string): boolean {
  if (isAppUrl(url)) return true;
  if (!devServerUrl) return false;
  try {
    const origin = new URL(devServerUrl).origin;
    return origin !== 'null' && new URL(url).origin === origin;
  } catch {
    return false;
  }
}

export interface AppResponse {
  readonly status: number;
  readonly headers: Readonly<Record<string, string>>;
  readonly body: Uint8Array | string;
}

/**
 * The answer to an app:// request: the file from the packaged renderer folder with the security headers, or
 * 404 for anything outside it, missing, or not a plain GET.
 */
export async function serveAppRequest(root: string, url: string, method = 'GET'): Promise<AppResponse> {
  const notFound: AppResponse = { status: 404, headers: { ...SECURITY_HEADERS, 'content-type': 'text/plain; charset=utf-8' }, body: 'Not found' };
  if (method !== 'GET' && method !== 'HEAD') return { ...notFound, status: 405, body: 'Method not allowed' };
  const path = resolveAppAsset(root, url);
  if (!path) return notFound;
  try {
    const info = await stat(path);
    if (!info.isFile()) return notFound;
    return { status: 200, headers: { ...SECURITY_HEADERS, 'content-type': mimeType(path) }, body: await readFile(path) };
  } catch {
    return notFound;
  }
}
