// What kind of value a scenario field holds (number, whole number, choice, on/off, text, …) with its limits,
// read from the scenario schema itself so editors follow the file format as it grows (a new size key or
// runtime class appears in the UI without touching it), and the field's own validator for instant feedback
// with exactly the messages a file would get.
import type { z } from 'zod';
import { scenarioSchema } from '../scenario/schema';
import type { Path } from './json-path';

export type FieldKind = 'number' | 'int' | 'boolean' | 'enum' | 'string' | 'array' | 'object' | 'unknown';

export interface FieldSpec {
  readonly kind: FieldKind;
  /** Choices of an enum field. */
  readonly options: readonly string[];
  readonly min?: number;
  readonly max?: number;
  /** May be left out of a file (no default is filled in). */
  readonly optional: boolean;
}

interface Def {
  readonly type: string;
  readonly innerType?: Schema;
  readonly element?: Schema;
  readonly shape?: Record<string, Schema>;
  readonly entries?: Record<string, string>;
  readonly in?: Schema;
  readonly checks?: readonly { _zod: { def: { check: string; value?: number; format?: string } } }[];
  readonly format?: string | null;
}
interface Schema { readonly _zod: { readonly def: Def } }

const WRAPPERS = new Set(['default', 'prefault', 'optional', 'nullable', 'readonly', 'catch', 'nonoptional']);

function unwrap(schema: Schema): { schema: Schema; optional: boolean } {
  let s = schema;
  let optional = false;
  for (;;) {
    const def = s._zod.def;
    if (def.type === 'optional') optional = true;
    if (WRAPPERS.has(def.type) && def.innerType) s = def.innerType;
    else if (def.type === 'pipe' && def.in) s = def.in;
    else return { schema: s, optional };
  }
}

const root = scenarioSchema as unknown as Schema;

/** The schema of the field at `path` (array indices may be any number), or undefined when the format has no such field. */
export function fieldSchema(path: Path): z.ZodType | undefined {
  let s: Schema | undefined = root;
  for (const key of path) {
    if (!s) return undefined;
    const def: Def = unwrap(s).schema._zod.def;
    if (typeof key === 'number') s = def.type === 'array' ? def.element : undefined;
    else s = def.type === 'object' ? def.shape?.[key] : undefined;
  }
  return s as unknown as z.ZodType | undefined;
}

export function fieldSpec(path: Path): FieldSpec {
  const found = fieldSchema(path) as unknown as Schema | undefined;
  if (!found) return { kind: 'unknown', options: [], optional: true };
  const { schema, optional } = unwrap(found);
  const def = schema._zod.def;
  switch (def.type) {
    case 'number': {
      let min: number | undefined, max: number | undefined;
      let int = def.format === 'safeint' || def.format === 'int32';
      for (const c of def.checks ?? []) {
        const cd = c._zod.def;
        if (cd.check === 'greater_than') min = cd.value;
        if (cd.check === 'less_than') max = cd.value;
        if (cd.check === 'number_format' && (cd.format === 'safeint' || cd.format === 'int32')) int = true;
      }
      return { kind: int ? 'int' : 'number', options: [], min, max, optional };
    }
    case 'enum': return { kind: 'enum', options: Object.values(def.entries ?? {}), optional };
    case 'literal': return { kind: 'string', options: [], optional };
    case 'boolean': return { kind: 'boolean', options: [], optional };
    case 'string': return { kind: 'string', options: [], optional };
    case 'array': return { kind: 'array', options: [], optional };
    case 'object': return { kind: 'object', options: [], optional };
    default: return { kind: 'unknown', options: [], optional };
  }
}

/** Messages for `value` at `path` from that field's own rules (references and uniqueness need the whole scenario). */
export function checkField(path: Path, value: unknown): string[] {
  const schema = fieldSchema(path);
  if (!schema) return [];
  const result = schema.safeParse(value);
  return result.success ? [] : result.error.issues.map((i) => i.message);
}

/**
 * Text typed into a cell → the value to store. Numbers that do not parse are kept as text so the validator
 * reports them just as it would in a file; an empty cell removes an optional field (undefined).
 */
export function valueFromText(spec: FieldSpec, text: string): unknown {
  const s = text.trim();
  if (s === '') return undefined;
  if (spec.kind === 'number' || spec.kind === 'int') {
    const n = Number(s.replace(/[\s_]/g, ''));
    return Number.isFinite(n) && /^[+-]?(\d|\.\d)/.test(s) ? n : s;
  }
  if (spec.kind === 'boolean') {
    if (/^(true|yes|on|1)$/i.test(s)) return true;
    if (/^(false|no|off|0)$/i.test(s)) return false;
    return s;
  }
  return s;
}
