// The Content Security Policy of the app's pages: only the packaged bundle; WebAssembly compiled from the
// inlined kernel bytes needs 'wasm-unsafe-eval' (never 'unsafe-eval'); no inline scripts or styles, no remote
// hosts, no plugins, no frames. The same text is the <meta> tag of renderer/index.html (checked by a test) and
// a response header on every app:// response, which also covers the workers (a meta tag does not reach them).
export const CONTENT_SECURITY_POLICY = [
  "default-src 'none'",
  "script-src 'self' 'wasm-unsafe-eval'",
  "worker-src 'self'",
  "style-src 'self'",
  "img-src 'self' data: blob:",
  "font-src 'self'",
  "connect-src 'self'",
  "base-uri 'none'",
  "form-action 'none'",
  "object-src 'none'",
  "frame-src 'none'",
].join('; ');

/** Headers sent with every app:// response. */
export const SECURITY_HEADERS: Readonly<Record<string, string>> = {
  // frame-ancestors only works as a header.
  'content-security-policy': `${CONTENT_SECURITY_POLICY}; frame-ancestors 'none'`,
  'x-content-type-options': 'nosniff',
  'cross-origin-opener-policy': 'same-origin',
  'referrer-policy': 'no-referrer',
};
