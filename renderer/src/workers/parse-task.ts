// Bytes of a scenario file → validated scenario or errors that name where (line and column, or JSON path).
// Runs in the parse worker so a large file never blocks the window; plain functions, tested directly in Node.
// Before JSON.parse it checks what JSON.parse and the rest of the app cannot take gracefully: bytes that are not
// UTF-8 (named at their line and column, not silently replaced) and nesting deep enough to exhaust the stack
// of anything that walks the document recursively (validation, canonical save, structured clone).
import { parseScenarioText, type ParseOutcome, type ScenarioError } from '../../../core/scenario/parse';

/** Far deeper than any scenario (about 8 levels) or a newer format's additions are expected to need. */
export const MAX_NESTING = 64;

const fail = (where: string, message: string): ParseOutcome => ({ ok: false, errors: [{ where, message }] });

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
  const column = new TextDecoder().decode(bytes.subarray(lineStart, offset)).length + 1;
  return `line ${line}, column ${column}`;
}

/** Strict UTF-8 decoding; a BOM is dropped. Errors name the first bad byte. */
export function decodeScenarioBytes(bytes: Uint8Array): { ok: true; text: string } | { ok: false; error: ScenarioError } {
  if ((bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff)) {
    return { ok: false, error: { where: 'line 1, column 1', message: 'the file is UTF-16 text; save it as UTF-8' } };
  }
  try {
    return { ok: true, text: new TextDecoder('utf-8', { fatal: true, ignoreBOM: false }).decode(bytes) };
  } catch {
    const at = firstInvalidUtf8(bytes);
    const where = byteLineColumn(bytes, at < 0 ? 0 : at);
    const hex = at < 0 ? '' : ` (byte 0x${bytes[at].toString(16).padStart(2, '0')} at offset ${at})`;
    return { ok: false, error: { where, message: `the file is not valid UTF-8 text${hex}` } };
  }
}

/** Position where arrays/objects nest deeper than `max`, ignoring brackets inside strings; null if none. */
export function excessiveNesting(text: string, max = MAX_NESTING): string | null {
  let depth = 0;
  let inString = false;
  let line = 1;
  let lineStart = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (inString) {
      if (c === 0x5c) i++; // backslash: skip the escaped character
      else if (c === 0x22) inString = false;
      else if (c === 0x0a) { line++; lineStart = i + 1; }
      continue;
    }
    if (c === 0x22) inString = true;
    else if (c === 0x0a) { line++; lineStart = i + 1; }
    else if (c === 0x7b || c === 0x5b) {
      if (++depth > max) return `line ${line}, column ${i - lineStart + 1}`;
    } else if (c === 0x7d || c === 0x5d) depth--;
  }
  return null;
}

/** `line L, column C` just after the last character: where a truncated document stops. */
function endOf(text: string): string {
  const line = text.split('\n').length;
  return `line ${line}, column ${text.length - text.lastIndexOf('\n')}`;
}

/** JSON.parse reports a truncated document without a position; name its end, which is where it breaks off. */
function locateEndOfInput(text: string, outcome: ParseOutcome): ParseOutcome {
  if (outcome.ok || !outcome.errors.some((e) => e.where === 'document' && /end of JSON input/i.test(e.message))) return outcome;
  return { ok: false, errors: outcome.errors.map((e) => (e.where === 'document' ? { ...e, where: endOf(text) } : e)) };
}

export function parseScenarioBytes(bytes: Uint8Array): ParseOutcome {
  const decoded = decodeScenarioBytes(bytes);
  if (!decoded.ok) return { ok: false, errors: [decoded.error] };
  return parseScenarioTextSafely(decoded.text);
}

/** parseScenarioText behind the nesting check, and never throwing whatever the text. */
export function parseScenarioTextSafely(text: string): ParseOutcome {
  const deep = excessiveNesting(text);
  if (deep) return fail(deep, `nested more than ${MAX_NESTING} levels deep; a scenario never needs that`);
  try {
    return locateEndOfInput(text, parseScenarioText(text));
  } catch (e) {
    return fail('document', `could not be read: ${e instanceof Error ? e.message : String(e)}`);
  }
}
