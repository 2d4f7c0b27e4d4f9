// Reading Kubernetes objects out of whatever the planner exported: a `kubectl get … -o json` List, a
// kube-scheduler-simulator export ({pods, nodes, …}), single objects, arrays, or YAML (one or many documents,
// each any of those). Every object keeps the path it was found at, so any value in it can be located.
import { parseAllDocuments } from 'yaml';
import { lineColumn } from '../../scenario/parse';
import { MAX_JSON_NESTING } from '../limits';
import { ImportError, type ImportFile, type SourceLocation } from '../types';
import { fileText } from '../text';

export type Json = Record<string, unknown>;

export interface K8sObject {
  readonly kind: string;
  readonly obj: Json;
  /** Where the object is: file + JSON path (`$.items[3]`, or `document 2: $.items[3]` in multi-document YAML). */
  readonly file: string;
  readonly path: string;
}

export const isObject = (v: unknown): v is Json => v !== null && typeof v === 'object' && !Array.isArray(v);

/** A location inside an object: `at(o, '.spec.containers[0]')`. */
export const at = (o: K8sObject, sub = ''): SourceLocation => ({ file: o.file, where: `${o.path}${sub}` });

/** KSS export arrays and the kind of their elements. */
const KSS_KINDS: Record<string, string> = {
  pods: 'Pod', nodes: 'Node', pvs: 'PersistentVolume', pvcs: 'PersistentVolumeClaim', storageClasses: 'StorageClass',
  priorityClasses: 'PriorityClass', namespaces: 'Namespace',
};

/** Collects the objects in `value`, found at `prefix` (a JSON path such as `$` or `document 2: $`). */
function collect(value: unknown, file: string, prefix: string, out: K8sObject[], depth = 0): void {
  if (Array.isArray(value)) {
    if (depth >= MAX_JSON_NESTING) throw new ImportError({ file, where: prefix }, `arrays nested more than ${MAX_JSON_NESTING} levels deep`);
    for (let i = 0; i < value.length; i++) collect(value[i], file, `${prefix}[${i}]`, out, depth + 1);
    return;
  }
  if (!isObject(value)) {
    throw new ImportError({ file, where: prefix }, 'expected a Kubernetes List (kind: List with items), a kube-scheduler-simulator export ({pods, nodes, …}) or Kubernetes objects');
  }
  const kind = typeof value.kind === 'string' ? value.kind : '';
  if (Array.isArray(value.items) && (kind === '' || kind.endsWith('List'))) {
    const itemKind = kind.endsWith('List') && kind !== 'List' ? kind.slice(0, -4) : '';
    value.items.forEach((item, i) => {
      const p = `${prefix}.items[${i}]`;
      if (!isObject(item)) throw new ImportError({ file, where: p }, 'expected a Kubernetes object');
      out.push({ kind: typeof item.kind === 'string' ? item.kind : itemKind, obj: item, file, path: p });
    });
    return;
  }
  if (kind === '' && Object.keys(KSS_KINDS).some((k) => Array.isArray(value[k]))) {
    for (const [key, k] of Object.entries(KSS_KINDS)) {
      const list = value[key];
      if (list === undefined || list === null) continue;
      if (!Array.isArray(list)) throw new ImportError({ file, where: `${prefix}.${key}` }, 'expected an array of Kubernetes objects');
      list.forEach((item, i) => {
        const p = `${prefix}.${key}[${i}]`;
        if (!isObject(item)) throw new ImportError({ file, where: p }, 'expected a Kubernetes object');
        out.push({ kind: typeof item.kind === 'string' ? item.kind : k, obj: item, file, path: p });
      });
    }
    return;
  }
  if (kind === '') {
    throw new ImportError({ file, where: prefix }, 'expected a Kubernetes List (kind: List with items), a kube-scheduler-simulator export ({pods, nodes, …}) or a Kubernetes object with a kind');
  }
  out.push({ kind, obj: value, file, path: prefix });
}

function parseJson(file: string, text: string): unknown {
  const body = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  // JSON.parse itself does not recurse; only `collect` walks nested arrays, and it counts its depth.
  try {
    return JSON.parse(body);
  } catch (e) {
    const message = e instanceof Error ? e.message : String(e);
    const pos = /position (\d+)/.exec(message);
    const where = pos ? lineColumn(body, Number(pos[1])) : body.trim() === '' ? 'line 1, column 1' : lineColumn(body, body.length);
    throw new ImportError({ file, where }, `not valid JSON: ${message.replace(/ in JSON at position \d+.*$/, '').replace(/\s*\(line \d+ column \d+\)$/, '')}`);
  }
}

const looksJson = (name: string, text: string): boolean => !/\.ya?ml$/i.test(name) && /^\s*[[{]/.test(text.slice(0, 1024).replace(/^\ufeff/, ''));

/** Every Kubernetes object of the files, in file order. */
export async function readObjects(files: readonly ImportFile[]): Promise<{ objects: K8sObject[]; kinds: Map<string, number>; perFile: { name: string; bytes: number; kind: string; rows: number }[] }> {
  const objects: K8sObject[] = [];
  const perFile: { name: string; bytes: number; kind: string; rows: number }[] = [];
  for (const file of files) {
    const { text, gzip } = await fileText(file, false);
    const before = objects.length;
    let kind: string;
    if (looksJson(file.name, text)) {
      collect(parseJson(file.name, text), file.name, '$', objects);
      kind = 'JSON';
    } else {
      const docs = parseAllDocuments(text, { prettyErrors: true, logLevel: 'error' });
      if (!Array.isArray(docs)) throw new ImportError({ file: file.name, where: 'line 1' }, 'not a YAML document stream');
      const many = docs.length > 1;
      docs.forEach((doc, d) => {
        const error = doc.errors[0];
        if (error) {
          const where = error.linePos ? `line ${error.linePos[0].line}, column ${error.linePos[0].col}` : `document ${d + 1}`;
          throw new ImportError({ file: file.name, where }, `not valid YAML: ${error.message.split('\n')[0]}`);
        }
        let value: unknown;
        try {
          value = doc.toJS({ maxAliasCount: 100 });
        } catch (e) {
          throw new ImportError({ file: file.name, where: `document ${d + 1}` }, `YAML could not be read: ${e instanceof Error ? e.message : String(e)}`);
        }
        if (value === null || value === undefined) return; // empty document (a trailing ---)
        collect(value, file.name, many ? `document ${d + 1}: $` : '$', objects);
      });
      kind = many ? `YAML (${docs.length} documents)` : 'YAML';
    }
    perFile.push({ name: file.name, bytes: file.bytes.length, kind: `${gzip ? 'gzip → ' : ''}Kubernetes ${kind}`, rows: objects.length - before });
  }
  const kinds = new Map<string, number>();
  for (const o of objects) kinds.set(o.kind, (kinds.get(o.kind) ?? 0) + 1);
  return { objects, kinds, perFile };
}
