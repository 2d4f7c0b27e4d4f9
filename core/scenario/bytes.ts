// Bytes of a scenario file → text → scenario. Decoding is strict: bytes that are not UTF-8 are named at their
// line and column instead of being silently replaced. Used by the renderer's parse worker and the CLI alike.
import { parseScenarioText, type ParseOutcome, type ScenarioError } from './parse';

interface Utf8Decoder { decode(bytes: Uint8Array): string }
// TextDecoder exists in every runtime core runs in (Node, browsers, workers); core's tsconfig has no DOM types.
const Decoder = (globalThis as unknown as {
  TextDecoder: new (label: string, options?: { fatal?: boolean; ignoreBOM?: boolean }) => Utf8Decoder;
}).TextDecoder;

/** Offset of the first byte that is not part of well-formed UTF-8 (RFC 3629), or -1. */
export function firstInvalidUtf8(bytes: Uint8Array): number {
  const n = bytes.length;
  let i = 0;
  while (i < n) {
    const b = bytes[i];
    if (b < 0x80) { i++; continue; }
    let need: number; let min: number; let cp: number;
    if (b >= 0xc2 && b <= 0xdf) { need = 1; min = 0x80; cp = b & 0x1f; }
    else if (b >= 0xe0 && b <= 0xef) { need = 2; min = 0x800; cp = b & 0x0f; }
    else if (b >= 0xf0 && b <= 0xf4) { need = 3; min = 0x10000; cp = b & 0x07; }
    else return i;
    if (i + need >= n) return i; // truncated sequence at the end
    for (let k = 1; k <= need; k++) {
      const c = bytes[i + k];
      if ((c & 0xc0) !== 0x80) return i;
      cp = (cp << 6) | (c & 0x3f);
    }
    if (cp < min || cp > 0x10ffff || (cp >= 0xd800 && cp <= 0xdfff)) return i;
    i += need + 1;
  }
  return -1;
}

/** `line L, column C` (1-based, columns in characters) of a byte offset in mostly-valid UTF-8. */
function byteLineColumn(bytes: Uint8Array, offset: number): string {
  let line = 1;
  let lineStart = 0;
  for (let i = 0; i < offset; i++) {
    if (bytes[i] === 0x0a) { line++; lineStart = i + 1; }
  }
  const column = new Decoder('utf-8').decode(bytes.subarray(lineStart, offset)).length + 1;
  return `line ${line}, column ${column}`;
}

/** Strict UTF-8 decoding; a BOM is dropped. Errors name the first bad byte. */
export function decodeScenarioBytes(bytes: Uint8Array): { ok: true; text: string } | { ok: false; error: ScenarioError } {
  if ((bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff)) {
    return { ok: false, error: { where: 'line 1, column 1', message: 'the file is UTF-16 text; save it as UTF-8' } };
  }
  try {
    return { ok: true, text: new Decoder('utf-8', { fatal: true, ignoreBOM: false }).decode(bytes) };
  } catch {
    const at = firstInvalidUtf8(bytes);
    const where = byteLineColumn(bytes, at < 0 ? 0 : at);
    const hex = at < 0 ? '' : ` (byte 0x${bytes[at].toString(16).padStart(2, '0')} at offset ${at})`;
    return { ok: false, error: { where, message: `the file is not valid UTF-8 text${hex}` } };
  }
}

export function parseScenarioBytes(bytes: Uint8Array): ParseOutcome {
  const decoded = decodeScenarioBytes(bytes);
  if (!decoded.ok) return { ok: false, errors: [decoded.error] };
  return parseScenarioText(decoded.text);
}
