// New ids for added or duplicated entities: readable, valid under the file format's id rule, never taken.
const ID_MAX = 128;

/** `base` if it is free, else `base-2`, `base-3`, … (a `-N` suffix already on `base` is replaced). */
export function uniqueId(base: string, taken: ReadonlySet<string>): string {
  const clean = base.replace(/[^A-Za-z0-9._:-]/g, '-').replace(/^[^A-Za-z0-9]+/, '').slice(0, ID_MAX - 8) || 'id';
  if (!taken.has(clean)) return clean;
  const stem = clean.replace(/-\d+$/, '');
  for (let n = 2; ; n++) {
    const candidate = `${stem}-${n}`;
    if (!taken.has(candidate)) return candidate;
  }
}

/** Allocates several ids in a row, each one taken once given out. */
export function idAllocator(taken: Iterable<string>): (base: string) => string {
  const used = new Set(taken);
  return (base) => {
    const id = uniqueId(base, used);
    used.add(id);
    return id;
  };
}
