// Text or value → validated, migrated scenario, or a list of errors that each name where (JSON path, or line
// and column for malformed JSON) and what was expected. Never throws on bad input.
import { modelParameterIssues } from '../model/validate';
import { migrate, type JsonObject } from './migrations';
import { formatPath, SCENARIO_FORMAT, SCENARIO_VERSION, scenarioSchema, type Scenario } from './schema';

export interface ScenarioError {
  /** JSON path such as `$.services[2].replicas`, or `line 4, column 7` for JSON syntax errors. */
  readonly where: string;
  readonly message: string;
}

export type ParseOutcome =
  | {
    readonly ok: true;
    readonly scenario: Scenario;
    /** The file was written by a newer Hostfit: show it, never save it back in this version's format. */
    readonly readOnly: boolean;
    /** Version the file was written in (before migration). */
    readonly fileVersion: number;
    readonly notices: readonly string[];
  }
  | { readonly ok: false; readonly errors: readonly ScenarioError[] };

const MAX_ERRORS = 50;

function fail(where: string, message: string): ParseOutcome {
  return { ok: false, errors: [{ where, message }] };
}

/** Line and column (1-based) of a character offset. */
export function lineColumn(textValue: string, offset: number): string {
  const before = textValue.slice(0, offset);
  const line = before.split('\n').length;
  const column = offset - before.lastIndexOf('\n');
  return `line ${line}, column ${column}`;
}

/** Far deeper than any scenario (about 8 levels) or a newer format's additions are expected to need. */
export const MAX_NESTING = 64;

/**
 * Position where arrays/objects nest deeper than `max`, ignoring brackets inside strings; null if none.
 * Checked before JSON.parse: deep nesting would exhaust the stack of anything that walks the document
 * recursively (validation, canonical save, structured clone).
 */
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

/** Where JSON.parse stopped: its reported position, or the end of the text for a truncated document. */
function syntaxErrorAt(body: string, message: string): string {
  const pos = /position (\d+)/.exec(message);
  if (pos) return lineColumn(body, Number(pos[1]));
  if (body.trim() === '') return 'line 1, column 1';
  return lineColumn(body, body.length); // "Unexpected end of JSON input": the document breaks off here
}

/** Text (already decoded) → scenario. Never throws, whatever the text. Bytes go through bytes.ts first. */
export function parseScenarioText(textValue: string): ParseOutcome {
  const body = textValue.charCodeAt(0) === 0xfeff ? textValue.slice(1) : textValue;
  const deep = excessiveNesting(body);
  if (deep) return fail(deep, `nested more than ${MAX_NESTING} levels deep; a scenario never needs that`);
  let value: unknown;
  try {
    value = JSON.parse(body);
  } catch (e) {
    const message = e instanceof Error ? e.message : String(e);
    return fail(syntaxErrorAt(body, message), `not valid JSON: ${message.replace(/ in JSON at position \d+.*$/, '')}`);
  }
  try {
    return parseScenarioValue(value);
  } catch (e) {
    return fail('document', `could not be read: ${e instanceof Error ? e.message : String(e)}`);
  }
}

export function parseScenarioValue(value: unknown): ParseOutcome {
  if (value === null || typeof value !== 'object' || Array.isArray(value)) {
    return fail('$', 'expected a JSON object (a Hostfit scenario)');
  }
  const doc = value as JsonObject;
  if (doc.format !== SCENARIO_FORMAT) {
    return fail('$.format', `expected "${SCENARIO_FORMAT}"; this is not a Hostfit scenario file`);
  }
  const version = doc.version;
  if (typeof version !== 'number' || !Number.isInteger(version) || version < 1) {
    return fail('$.version', 'expected a whole number >= 1');
  }
  const notices: string[] = [];
  let current = doc;
  let readOnly = false;
  if (version > SCENARIO_VERSION) {
    // Read what this version understands; unknown fields are kept, but the file is never saved back as v1.
    readOnly = true;
    current = { ...doc, version: SCENARIO_VERSION };
    notices.push(`Written by a newer Hostfit (format version ${version}); opened read-only. `
      + `This version reads up to format version ${SCENARIO_VERSION}.`);
  } else if (version < SCENARIO_VERSION) {
    try {
      const migrated = migrate(doc, version);
      current = migrated.doc;
      notices.push(`Upgraded from format version ${version} to ${SCENARIO_VERSION}; saving writes version ${SCENARIO_VERSION}.`);
    } catch (e) {
      return fail('$.version', e instanceof Error ? e.message : String(e));
    }
  }
  const result = scenarioSchema.safeParse(current);
  if (!result.success) {
    const errors = result.error.issues.slice(0, MAX_ERRORS).map((issue) => ({
      where: formatPath(issue.path),
      message: readOnly ? `${issue.message} (this file is from a newer Hostfit and may use features this version lacks)` : issue.message,
    }));
    return { ok: false, errors };
  }
  const modelErrors = scenarioModelErrors(result.data, readOnly);
  if (modelErrors.length > 0) return { ok: false, errors: modelErrors };
  return { ok: true, scenario: result.data, readOnly, fileVersion: version, notices };
}

/**
 * The deployment-model checks of a scenario that passed the schema (core/model/validate.ts), as errors at the
 * JSON path of the parameter to fix: the step after parsing that every caller that validates runs.
 */
export function scenarioModelErrors(s: Scenario, readOnly = false): ScenarioError[] {
  return modelParameterIssues(s).slice(0, MAX_ERRORS).map((issue) => ({
    where: formatPath(issue.path),
    message: readOnly ? `${issue.message} (this file is from a newer Hostfit and may use features this version lacks)` : issue.message,
  }));
}

export function describeErrors(errors: readonly ScenarioError[]): string {
  return errors.map((e) => `${e.where}: ${e.message}`).join('\n');
}
