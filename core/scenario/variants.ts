// Variants in the scenario file: each is a name plus the changes that turn the scenario into the variant, so a
// variant that differs in one parameter costs one line in the file and a diff shows what it changes. A change
// names its place with a JSON Pointer (RFC 6901) in which array elements with an `id` are named by that id,
// never by position ("/services/web/replicas"), so variants survive reordering and stay readable:
//   { "op": "set", "path": "/deployment/vm/cpuOvercommit", "value": 4 }   a field (or an element by id)
//   { "op": "remove", "path": "/services/batch" }                           a field or an element
//   { "op": "order", "path": "/services", "value": ["db", "web"] }         ids in order, only when it differs
// Arrays without ids (labels, power curves, trace samples) are set as a whole. A variant is a snapshot: the
// app keeps its changes relative to the current scenario (rebaseVariants) so it stays what it was when kept.
// Pure JSON operations, no schema: validation of the values is the schema's (schema.ts).

export const VARIANT_OPS = ['set', 'remove', 'order'] as const;
export type VariantOp = (typeof VARIANT_OPS)[number];

export interface VariantChange {
  readonly op: VariantOp;
  readonly path: string;
  readonly value?: unknown;
}

export interface ScenarioVariant {
  readonly id: string;
  readonly name: string;
  readonly changes: readonly VariantChange[];
}

type Json = unknown;
type JsonObject = Record<string, Json>;
type Keyed = { readonly id: string } & JsonObject;

const isObject = (v: Json): v is JsonObject => v !== null && typeof v === 'object' && !Array.isArray(v);

/** An array whose elements are all objects with distinct string ids (so they are named by id). */
function isKeyed(a: readonly Json[]): a is readonly Keyed[] {
  const seen = new Set<string>();
  for (const e of a) {
    if (!isObject(e) || typeof e.id !== 'string' || seen.has(e.id)) return false;
    seen.add(e.id);
  }
  return true;
}

const escape = (s: string) => s.replaceAll('~', '~0').replaceAll('/', '~1');
const unescape = (s: string) => s.replaceAll('~1', '/').replaceAll('~0', '~');

export function formatPointer(segments: readonly string[]): string {
  return segments.map((s) => `/${escape(s)}`).join('');
}

/** Segments of a pointer, or null if it is not one (it must start with "/"; "" would be the whole scenario). */
export function parsePointer(path: string): string[] | null {
  if (!path.startsWith('/')) return null;
  return path.slice(1).split('/').map(unescape);
}

export function deepEqual(a: Json, b: Json): boolean {
  if (a === b) return true;
  if (Array.isArray(a)) {
    if (!Array.isArray(b) || a.length !== b.length) return false;
    for (let i = 0; i < a.length; i++) if (!deepEqual(a[i], b[i])) return false;
    return true;
  }
  if (!isObject(a) || !isObject(b)) return false;
  const ka = Object.keys(a).filter((k) => a[k] !== undefined);
  const kb = Object.keys(b).filter((k) => b[k] !== undefined);
  if (ka.length !== kb.length) return false;
  for (const k of ka) if (!deepEqual(a[k], b[k])) return false;
  return true;
}

// ── diff ──

function diffValue(a: Json, b: Json, path: string, out: VariantChange[]): void {
  if (a === b) return;
  if (isObject(a) && isObject(b)) {
    diffObject(a, b, path, out, () => true);
    return;
  }
  if (Array.isArray(a) && Array.isArray(b) && isKeyed(a) && isKeyed(b)) {
    diffKeyed(a, b, path, out);
    return;
  }
  if (!deepEqual(a, b)) out.push({ op: 'set', path, value: b });
}

function diffObject(a: JsonObject, b: JsonObject, path: string, out: VariantChange[], include: (key: string) => boolean): void {
  const keys = [...new Set([...Object.keys(a), ...Object.keys(b)])].filter(include).sort();
  for (const k of keys) {
    const p = `${path}/${escape(k)}`;
    if (b[k] === undefined) {
      if (a[k] !== undefined) out.push({ op: 'remove', path: p });
    } else if (a[k] === undefined) out.push({ op: 'set', path: p, value: b[k] });
    else diffValue(a[k], b[k], p, out);
  }
}

function diffKeyed(a: readonly Keyed[], b: readonly Keyed[], path: string, out: VariantChange[]): void {
  // The usual case (same ids in the same order, a few elements edited) costs one pass of identity checks.
  if (a.length === b.length && a.every((e, i) => e.id === b[i].id)) {
    for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) diffObject(a[i], b[i], `${path}/${escape(a[i].id)}`, out, () => true);
    return;
  }
  const before = new Map(a.map((e) => [e.id, e]));
  const after = new Set(b.map((e) => e.id));
  for (const e of a) if (!after.has(e.id)) out.push({ op: 'remove', path: `${path}/${escape(e.id)}` });
  for (const e of b) {
    const old = before.get(e.id);
    if (old) diffObject(old, e, `${path}/${escape(e.id)}`, out, () => true);
    else out.push({ op: 'set', path: `${path}/${escape(e.id)}`, value: e });
  }
  // Applying removes and appends gives: the kept elements in their old order, then the new ones.
  const applied = [...a.filter((e) => after.has(e.id)).map((e) => e.id), ...b.filter((e) => !before.has(e.id)).map((e) => e.id)];
  if (applied.some((id, i) => id !== b[i].id)) out.push({ op: 'order', path, value: b.map((e) => e.id) });
}

/**
 * The changes that turn `base` into `target` (both scenarios; their own `variants` are not compared): the
 * fewest that name what changed, in a canonical order (keys sorted, elements in the target's order), so the
 * same pair always gives the same changes.
 */
export function diffScenario(base: object, target: object): VariantChange[] {
  const out: VariantChange[] = [];
  diffObject(base as JsonObject, target as JsonObject, '', out, (k) => k !== 'variants');
  return out;
}

// ── apply ──

export type ApplyOutcome<T> =
  | { readonly ok: true; readonly value: T }
  | { readonly ok: false; readonly change: number; readonly message: string };

class ChangeFailed extends Error {}

/**
 * Copy-on-write application of many changes: containers on the changed paths are copied once, then changed in
 * place; elements are found by id through an index built once per array.
 */
class Writer {
  private readonly own = new WeakSet<object>();
  private readonly index = new WeakMap<Json[], Map<string, number>>();

  constructor(public root: JsonObject) {}

  private copy<T extends object>(v: T): T {
    const c = (Array.isArray(v) ? v.slice() : { ...v }) as T;
    this.own.add(c);
    return c;
  }

  private find(a: Json[], id: string): number {
    let map = this.index.get(a);
    if (!map) {
      map = new Map();
      a.forEach((e, i) => { if (isObject(e) && typeof e.id === 'string') map!.set(e.id, i); });
      this.index.set(a, map);
    }
    return map.get(id) ?? -1;
  }

  /** The container at `segments`, copied (and re-linked into its own copied parent) so it may be changed. */
  private writable(segments: readonly string[]): JsonObject | Json[] {
    if (!this.own.has(this.root)) this.root = this.copy(this.root);
    let node: JsonObject | Json[] = this.root;
    for (let depth = 0; depth < segments.length; depth++) {
      const seg = segments[depth];
      let child: Json;
      let put: (v: Json) => void;
      if (Array.isArray(node)) {
        const arr: Json[] = node;
        const i = this.find(arr, seg);
        if (i < 0) throw new ChangeFailed(`no element with id "${seg}" at ${formatPointer(segments.slice(0, depth))}`);
        child = arr[i];
        put = (v) => { arr[i] = v; };
      } else {
        const obj: JsonObject = node;
        child = obj[seg];
        put = (v) => { obj[seg] = v; };
      }
      if (!isObject(child) && !Array.isArray(child)) throw new ChangeFailed(`nothing to change inside ${formatPointer(segments.slice(0, depth + 1))}`);
      if (!this.own.has(child)) {
        child = this.copy(child);
        put(child);
      }
      node = child as JsonObject | Json[];
    }
    return node;
  }

  apply(c: VariantChange): void {
    const segments = parsePointer(c.path);
    if (!segments) throw new ChangeFailed('a path starts with "/"');
    const last = segments[segments.length - 1];
    if (c.op === 'order') {
      const a = this.writable(segments);
      if (!Array.isArray(a) || !isKeyed(a)) throw new ChangeFailed(`${c.path} is not a list of elements with ids`);
      const list = a as Json[];
      const ids = c.value;
      if (!Array.isArray(ids) || ids.length !== a.length || !ids.every((id) => typeof id === 'string' && this.find(list, id) >= 0)
        || new Set(ids).size !== ids.length) {
        throw new ChangeFailed(`the order must list each id of ${c.path} once`);
      }
      const byId = new Map((a as readonly Keyed[]).map((e) => [e.id, e]));
      (ids as string[]).forEach((id, i) => { list[i] = byId.get(id)!; });
      this.index.delete(list);
      return;
    }
    const parent = this.writable(segments.slice(0, -1));
    if (Array.isArray(parent)) {
      const i = this.find(parent, last);
      if (c.op === 'remove') {
        if (i < 0) throw new ChangeFailed(`no element with id "${last}" to remove`);
        parent.splice(i, 1);
        this.index.delete(parent);
      } else {
        if (!isObject(c.value) || c.value.id !== last) throw new ChangeFailed(`the element set at ${c.path} must be an object with id "${last}"`);
        if (i >= 0) parent[i] = c.value;
        else {
          parent.push(c.value);
          this.index.get(parent)?.set(last, parent.length - 1);
        }
      }
    } else if (c.op === 'remove') {
      if (parent[last] === undefined) throw new ChangeFailed(`no field "${last}" to remove`);
      delete parent[last];
    } else {
      if (c.value === undefined) throw new ChangeFailed('a "set" change needs a value');
      parent[last] = c.value;
    }
  }
}

/** `base` with `changes` applied in order; the first change that cannot apply is named by its index. */
export function applyChanges<T extends object>(base: T, changes: readonly VariantChange[]): ApplyOutcome<T> {
  const w = new Writer(base as unknown as JsonObject);
  for (let i = 0; i < changes.length; i++) {
    try {
      w.apply(changes[i]);
    } catch (e) {
      if (e instanceof ChangeFailed) return { ok: false, change: i, message: e.message };
      throw e;
    }
  }
  return { ok: true, value: w.root as unknown as T };
}

// ── the scenario's own variants ──

/** The scenario without its `variants` (what each variant's changes apply to). */
export function variantBase<T extends { variants?: unknown }>(s: T): Omit<T, 'variants'> {
  if (s.variants === undefined) return s;
  const { variants: _, ...rest } = s;
  return rest;
}

/**
 * Resolves variants to their scenarios and keeps them snapshots while the scenario changes. A resolved variant
 * is remembered per variant value, so asking again (after an edit, an undo) returns the very same scenario
 * object — results computed for it stay valid — and a rebase costs one identity-checking diff per variant.
 */
export class VariantSnapshots<S extends object> {
  private readonly resolved = new WeakMap<ScenarioVariant, S>();

  /** The variant's scenario; `base` is the scenario (without variants) its changes are relative to. */
  of(base: S, v: ScenarioVariant): S {
    if (v.changes.length === 0) return base;
    let s = this.resolved.get(v);
    if (!s) {
      const out = applyChanges(base, v.changes);
      if (!out.ok) throw new Error(`variant "${v.name}": change ${out.change + 1}: ${out.message}`);
      s = out.value;
      this.resolved.set(v, s);
    }
    return s;
  }

  /** A variant value with these fields changed that resolves to the same scenario as `v` (a rename). */
  with(base: S, v: ScenarioVariant, fields: Partial<Omit<ScenarioVariant, 'changes'>>): ScenarioVariant {
    const next = { ...v, ...fields };
    if (v.changes.length > 0) this.resolved.set(next, this.of(base, v));
    return next;
  }

  /** A variant that is `snapshot` relative to `base`, remembered as such. */
  make(base: S, id: string, name: string, snapshot: S): ScenarioVariant {
    const v: ScenarioVariant = { id, name, changes: diffScenario(base, snapshot) };
    if (v.changes.length > 0) this.resolved.set(v, snapshot);
    return v;
  }

  /**
   * The variants of a scenario whose base changed from `before` to `after`, re-expressed against `after` so each
   * still resolves to the scenario it did (variants whose changes stay the same keep their value).
   */
  rebase(before: S, after: S, variants: readonly ScenarioVariant[]): ScenarioVariant[] {
    if (before === after) return variants.slice();
    return variants.map((v) => {
      const snapshot = this.of(before, v);
      const changes = diffScenario(after, snapshot);
      if (deepEqual(changes, v.changes)) {
        if (changes.length > 0) this.resolved.set(v, snapshot);
        return v;
      }
      const next: ScenarioVariant = { ...v, changes };
      if (changes.length > 0) this.resolved.set(next, snapshot);
      return next;
    });
  }
}
