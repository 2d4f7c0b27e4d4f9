// Reading and writing inside an immutable scenario by path. `setIn` copies only the objects and arrays on the
// way to the changed value (structural sharing): an edit to one of 10^4 services copies one array of
// pointers and one service, and every untouched entity keeps its identity.
export type Path = readonly (string | number)[];

type Container = Record<string | number, unknown> | unknown[];

const isContainer = (v: unknown): v is Container => v !== null && typeof v === 'object';

export function getIn(root: unknown, path: Path): unknown {
  let node = root;
  for (const key of path) {
    if (!isContainer(node)) return undefined;
    node = (node as Record<string | number, unknown>)[key];
  }
  return node;
}

function shallowCopy(node: Container): Container {
  return Array.isArray(node) ? node.slice() : { ...node };
}

/** A copy of `root` with `value` at `path`; missing objects on the way are created. Unchanged ⇒ same root. */
export function setIn<T>(root: T, path: Path, value: unknown): T {
  if (path.length === 0) return value as T;
  const [key, ...rest] = path;
  const node = isContainer(root) ? root : (typeof key === 'number' ? [] : {});
  const child = (node as Record<string | number, unknown>)[key];
  const next = setIn(child, rest, value);
  if (next === child && isContainer(root)) return root;
  const copy = shallowCopy(node as Container) as Record<string | number, unknown>;
  copy[key] = next;
  return copy as T;
}

/** A copy of `root` without the field at `path` (for optional fields such as a service's spread). */
export function deleteIn<T>(root: T, path: Path): T {
  if (path.length === 0 || !isContainer(root)) return root;
  const [key, ...rest] = path;
  const node = root as Record<string | number, unknown>;
  if (!(key in node)) return root;
  if (rest.length === 0) {
    if (Array.isArray(node)) return node.filter((_, i) => i !== key) as T;
    const { [key]: _removed, ...kept } = node;
    return kept as T;
  }
  const child = node[key];
  const next = deleteIn(child, rest);
  if (next === child) return root;
  const copy = shallowCopy(node as Container) as Record<string | number, unknown>;
  copy[key] = next;
  return copy as T;
}

/** `deployment.vm.cpuOvercommit` → ['deployment', 'vm', 'cpuOvercommit']; `services[3].id` → ['services', 3, 'id']. */
export function parsePath(dotted: string): (string | number)[] {
  const out: (string | number)[] = [];
  for (const part of dotted.split('.')) {
    const m = /^([^[\]]*)((?:\[\d+\])*)$/.exec(part);
    if (!m) throw new Error(`not a path: ${dotted}`);
    if (m[1]) out.push(m[1]);
    for (const index of m[2].matchAll(/\[(\d+)\]/g)) out.push(Number(index[1]));
  }
  return out;
}

/** Structural equality of JSON values (key order ignored). */
export function jsonEqual(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (!isContainer(a) || !isContainer(b) || Array.isArray(a) !== Array.isArray(b)) return false;
  if (Array.isArray(a)) {
    const bb = b as unknown[];
    return a.length === bb.length && a.every((x, i) => jsonEqual(x, bb[i]));
  }
  const ka = Object.keys(a).filter((k) => (a as Record<string, unknown>)[k] !== undefined);
  const kb = Object.keys(b).filter((k) => (b as Record<string, unknown>)[k] !== undefined);
  return ka.length === kb.length
    && ka.every((k) => jsonEqual((a as Record<string, unknown>)[k], (b as Record<string, unknown>)[k]));
}
