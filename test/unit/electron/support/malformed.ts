// Generators of malformed scenario files, each with what must be said about it: the kind of damage and where it
// is (a JSON path, or a line and column). Seeded, so a failure names a reproducible case.
import { EXAMPLES, exampleText } from '../../../../core/examples/index';
import { formatPath } from '../../../../core/scenario/schema';
import { seededRandom } from './random';

export interface Malformed {
  readonly kind: string;
  readonly bytes: Uint8Array;
  /** The error must name this place: an exact `where`, a JSON-path prefix, or a pattern. */
  readonly where: string | RegExp;
  /** What the message must say, if anything specific. */
  readonly message?: RegExp;
}

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };
type Path = (string | number)[];

const encode = (s: string) => new TextEncoder().encode(s);
const bases = ['web-tier', 'multi-tenant'].map((id) => exampleText(EXAMPLES.find((e) => e.id === id)!));

function lineColumnAt(text: string, offset: number): string {
  const before = text.slice(0, offset);
  return `line ${before.split('\n').length}, column ${offset - before.lastIndexOf('\n')}`;
}

/** Every path in a document, with its value. */
function paths(value: Json, at: Path = []): { path: Path; value: Json }[] {
  const out = [{ path: at, value }];
  if (Array.isArray(value)) value.forEach((v, i) => out.push(...paths(v, [...at, i])));
  else if (value !== null && typeof value === 'object') for (const [k, v] of Object.entries(value)) out.push(...paths(v, [...at, k]));
  return out;
}

function setAt(doc: Json, path: Path, next: Json): Json {
  if (path.length === 0) return next;
  const copy = structuredClone(doc) as Record<string | number, Json>;
  let node = copy;
  for (const key of path.slice(0, -1)) node = node[key] as Record<string | number, Json>;
  node[path[path.length - 1]] = next;
  return copy as Json;
}

function otherType(value: Json, pick: () => number): Json {
  const choices: Json[] = ['text', 42, true, null, [], { x: 1 }];
  const kind = (v: Json) => (v === null ? 'null' : Array.isArray(v) ? 'array' : typeof v);
  const different = choices.filter((c) => kind(c) !== kind(value));
  return different[Math.floor(pick() * different.length)];
}

export function malformedFiles(perKind: number, seed = 1): Malformed[] {
  const random = seededRandom(seed);
  const int = (n: number) => Math.floor(random() * n);
  const base = () => bases[int(bases.length)];
  const out: Malformed[] = [];

  for (let i = 0; i < perKind; i++) {
    // Truncated anywhere before the end of the document (a lost tail, a half-copied download).
    const text = base();
    const cut = int(text.trimEnd().length);
    out.push({ kind: 'truncated', bytes: encode(text.slice(0, cut)), where: /^line \d+, column \d+$|^\$$/ });
  }

  for (let i = 0; i < perKind; i++) {
    // A value of the wrong type somewhere in the document.
    const doc = JSON.parse(base()) as Json;
    const targets = paths(doc).filter((p) => p.path.length > 0);
    const { path, value } = targets[int(targets.length)];
    const next = setAt(doc, path, otherType(value, random));
    out.push({ kind: 'wrong type', bytes: encode(JSON.stringify(next, null, 2)), where: formatPath(path) });
  }

  const numericPaths = (doc: Json) => paths(doc).filter((p) => typeof p.value === 'number' && p.path[0] !== 'version');
  for (let i = 0; i < perKind; i++) {
    // Huge (or non-finite after parsing) numbers where a bounded quantity belongs.
    const doc = JSON.parse(base()) as Json;
    const targets = numericPaths(doc);
    const { path } = targets[int(targets.length)];
    const huge = ['1e400', '-1e400', '1e20', '9007199254740993e3', '-1'][int(5)];
    const text = JSON.stringify(setAt(doc, path, '__HUGE__'), null, 2).replace('"__HUGE__"', huge);
    // -1 is only wrong where the field has a positive minimum, which is every numeric field but priority.
    if (huge === '-1' && path.includes('priority')) continue;
    out.push({ kind: 'huge number', bytes: encode(text), where: formatPath(path) });
  }

  for (let i = 0; i < perKind; i++) {
    // Nesting far beyond any scenario, as an extra field, or as the whole document.
    const depth = 65 + int(i % 3 === 0 ? 200_000 : 500);
    const open = random() < 0.5 ? '['.repeat(depth) : '{"a":'.repeat(depth);
    const close = open.startsWith('[') ? ']'.repeat(depth) : '}'.repeat(depth);
    const text = random() < 0.3 ? `${open}1${close}` : base().replace('{\n', `{\n  "extra": ${open}1${close},\n`);
    out.push({ kind: 'deep nesting', bytes: encode(text), where: /^line \d+, column \d+$/, message: /nested more than 64 levels/ });
  }

  const badSequences = [[0xff], [0xc0, 0x80], [0x80], [0xe2, 0x82], [0xed, 0xa0, 0x80], [0xf4, 0x90, 0x80, 0x80], [0xe9, 0x20], [0xfe]];
  for (let i = 0; i < perKind; i++) {
    // Bytes that are not UTF-8 (a Latin-1 export, a corrupted copy): named at their line and column.
    const text = base();
    const at = int(text.length);
    const prefix = encode(text.slice(0, at));
    const bad = badSequences[int(badSequences.length)];
    const bytes = new Uint8Array([...prefix, ...bad, ...encode(text.slice(at))]);
    out.push({ kind: 'not UTF-8', bytes, where: lineColumnAt(text, at), message: /not valid UTF-8/ });
  }

  const collections: [string, (d: Record<string, Json[]>) => Json[]][] = [
    ['hostModels', (d) => d.hostModels], ['sites', (d) => d.sites], ['tenants', (d) => d.tenants], ['services', (d) => d.services],
    ['sites[0].racks', (d) => (d.sites[0] as { racks: Json[] }).racks],
    ['deployment.vm.flavours', (d) => ((d.deployment as unknown as { vm: { flavours: Json[] } }).vm.flavours)],
  ];
  for (let i = 0; i < perKind; i++) {
    // The same id twice in one kind of entity (a copy-pasted block).
    const doc = JSON.parse(base()) as Record<string, Json[]>;
    const [name, list] = collections[int(collections.length)];
    const items = list(doc);
    if (items.length === 0) continue;
    items.push(structuredClone(items[int(items.length)]));
    out.push({ kind: 'duplicate id', bytes: encode(JSON.stringify(doc, null, 2)), where: `$.${name}[${items.length - 1}].id`, message: /duplicate/ });
  }

  for (let i = 0; i < perKind; i++) {
    // A reference to an id that does not exist (a deleted tenant, a renamed host model).
    const doc = JSON.parse(base()) as { services: { tenant: string }[]; sites: { racks: { hosts: { model: string }[] }[] }[] };
    if (random() < 0.5 && doc.services.length > 0) {
      const k = int(doc.services.length);
      doc.services[k].tenant = `missing-${i}`;
      out.push({ kind: 'dangling reference', bytes: encode(JSON.stringify(doc)), where: `$.services[${k}].tenant`, message: /unknown tenant/ });
    } else {
      const rack = doc.sites[0].racks[0];
      rack.hosts[0].model = `missing-${i}`;
      out.push({ kind: 'dangling reference', bytes: encode(JSON.stringify(doc)), where: '$.sites[0].racks[0].hosts[0].model', message: /unknown host model/ });
    }
  }

  for (let i = 0; i < perKind; i++) {
    // Not a scenario at all: random bytes, other JSON, an empty or UTF-16 file.
    const r = i % 6;
    if (r === 0) out.push({ kind: 'random bytes', bytes: Uint8Array.from({ length: 1 + int(200) }, () => int(256)), where: /^line \d+, column \d+$|^\$|^document$/ });
    else if (r === 1) out.push({ kind: 'other JSON', bytes: encode(JSON.stringify([1, 'two', { three: 3 }].slice(0, int(3)))), where: '$' });
    else if (r === 2) out.push({ kind: 'empty', bytes: encode(' \n\t'.slice(0, int(4))), where: 'line 1, column 1' });
    else if (r === 3) out.push({ kind: 'UTF-16', bytes: new Uint8Array([0xff, 0xfe, ...Array.from(base().slice(0, 50), (c) => [c.charCodeAt(0), 0]).flat()]), where: 'line 1, column 1', message: /UTF-16/ });
    else if (r === 4) out.push({ kind: 'other format', bytes: encode(JSON.stringify({ format: 'something-else', version: 1 })), where: '$.format' });
    else out.push({ kind: 'bad version', bytes: encode(base().replace('"version": 2', ['"version": 0', '"version": "1"', '"version": 1.5', '"version": -3'][int(4)])), where: '$.version' });
  }
  return out;
}

export function matchesWhere(where: string, expected: string | RegExp): boolean {
  if (expected instanceof RegExp) return expected.test(where);
  return where === expected || where.startsWith(`${expected}.`) || where.startsWith(`${expected}[`);
}
