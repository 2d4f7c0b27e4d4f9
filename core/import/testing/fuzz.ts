// Fuzzing the import pipeline: mutated versions of every format (byte flips, truncation, insertions, deleted
// and duplicated slices, numbers replaced, and for JSON values of the wrong type) go through importEstate.
// Each must either import (to a scenario the schema accepts) or fail with an ImportError that names one of
// the input files — never any other exception. Seeded, so a failure reproduces. Used by the unit test (CI,
// a few thousand inputs per format in seconds) and by `npm run bench -- import --fuzz=N`.
import { intBetween, mulberry32, pick } from '../../examples/random';
import { parseScenarioValue } from '../../scenario/parse';
import { buildDocument, ImportError, type ImportFile, type ImportSource } from '../index';
import { droppableAt } from '../scenario';
import { text as decode, utf8 } from './bytes';
import { kubernetesList } from './kubernetes';
import { alibabaFiles, azureFiles, bitbrainsFiles, prometheusMatrix } from './metrics';
import { rvtoolsCsv, rvtoolsSheets, rvtoolsXlsx } from './rvtools';
import { workbookParts, zipStored } from './xlsx';

/**
 * rvtools-xlsx-xml: a workbook with stored (uncompressed) entries whose sheet and shared-string XML is mutated
 * before it is zipped (mutating a compressed workbook's bytes mostly breaks its CRC, so the XML readers — the
 * streaming one and SheetJS behind it — would rarely see damaged markup).
 */
function xmlParts(): Record<string, string> {
  const sheets = rvtoolsSheets({ vms: 4, clusters: 1, hostsPerCluster: 1, poweredOff: 0.25, templates: 0.25 });
  return workbookParts({ vInfo: sheets.vInfo, vHost: sheets.vHost }, { strings: 'shared' }).parts;
}

export const FUZZ_FORMATS = ['rvtools-xlsx', 'rvtools-xlsx-xml', 'rvtools-csv', 'kubernetes-json', 'kubernetes-yaml', 'prometheus', 'azure', 'alibaba', 'bitbrains'] as const;
export type FuzzFormat = (typeof FUZZ_FORMATS)[number];

const SOURCE: Record<FuzzFormat, ImportSource> = {
  'rvtools-xlsx': 'rvtools', 'rvtools-xlsx-xml': 'rvtools', 'rvtools-csv': 'rvtools', 'kubernetes-json': 'kubernetes', 'kubernetes-yaml': 'kubernetes',
  prometheus: 'prometheus', azure: 'azure', alibaba: 'alibaba', bitbrains: 'bitbrains',
};

/** A small `kubectl get … -o yaml` List (the yaml library is slow on large inputs; mutations need no more). */
const YAML_CLUSTER = `apiVersion: v1
kind: List
items:
- kind: Node
  metadata:
    name: n1
    labels: {node.kubernetes.io/instance-type: m5.large, topology.kubernetes.io/zone: z1}
  status:
    capacity: {cpu: "2", memory: 8Gi, pods: "29"}
    allocatable: {cpu: 1930m, memory: 7Gi, pods: "29"}
- kind: Pod
  metadata:
    name: web-7c9d8f6b5-x2k4q
    namespace: shop
    labels: {app: web, pod-template-hash: 7c9d8f6b5}
    ownerReferences: [{kind: ReplicaSet, name: web-7c9d8f6b5, controller: true}]
  spec:
    initContainers:
    - {name: init, resources: {requests: {cpu: 1, memory: 64Mi}}}
    containers:
    - {name: app, resources: {requests: {cpu: 250m, memory: 256Mi}, limits: {memory: 512Mi}}}
    nodeSelector: {pool: general}
  status: {phase: Running}
- kind: Pod
  metadata: {name: agent-x2k4q, namespace: kube-system, ownerReferences: [{kind: DaemonSet, name: agent, controller: true}]}
  spec: {containers: [{name: a, resources: {requests: {cpu: 0.1, memory: 100Mi}}}]}
  status: {phase: Running}
`;

/** The small, valid inputs the mutations start from. */
export function fuzzBase(format: FuzzFormat): ImportFile[] {
  const small = { vms: 4, clusters: 1, hostsPerCluster: 1, poweredOff: 0.25, templates: 0.25 };
  const cluster = { nodes: 1, deployments: 2, replicas: 1, statefulSets: 1, daemonSets: 1, finishedJobs: 1, barePods: 0, namespaces: 1 };
  switch (format) {
    case 'rvtools-xlsx': {
      const sheets = rvtoolsSheets(small);
      return [{ name: 'export.xlsx', bytes: rvtoolsXlsx({ vInfo: sheets.vInfo, vHost: sheets.vHost }) }];
    }
    case 'rvtools-xlsx-xml': return [{ name: 'export.xlsx', bytes: zipStored(xmlParts()) }];
    case 'rvtools-csv': return rvtoolsCsv(rvtoolsSheets(small)).filter((f) => /vInfo|vHost/.test(f.name));
    case 'kubernetes-json': return [{ name: 'cluster.json', bytes: utf8(JSON.stringify(kubernetesList(cluster))) }];
    case 'kubernetes-yaml': return [{ name: 'cluster.yaml', bytes: utf8(YAML_CLUSTER) }];
    case 'prometheus': return [{ name: 'query_range.json', bytes: utf8(JSON.stringify(prometheusMatrix({ series: 2, points: 5, nanEvery: 3 }))) }];
    case 'azure': return azureFiles({ vms: 2, samples: 3 });
    case 'alibaba': return alibabaFiles({ vms: 2, samples: 3 });
    case 'bitbrains': return bitbrainsFiles({ vms: 1, samples: 4 });
  }
}

const JUNK = ['', '-1', 'NaN', '1e999', '"', ',', ';', '\n', '\r\n', '{', '[', ']', '}', 'null', 'true', '0', '99999999999999999999', '1.5Gi', '1K', '>24', '\u0000', '\ufeff', 'é', '%'];

/** One mutation of `bytes` (several kinds, chosen at random). */
export function mutate(bytes: Uint8Array, rand: () => number): Uint8Array {
  const n = bytes.length;
  const at = intBetween(rand, 0, Math.max(0, n - 1));
  switch (intBetween(rand, 0, 6)) {
    case 0: { // flip bytes
      const out = bytes.slice();
      for (let k = intBetween(rand, 1, 4); k > 0; k--) out[intBetween(rand, 0, Math.max(0, n - 1))] ^= 1 << intBetween(rand, 0, 7);
      return out;
    }
    case 1: return bytes.slice(0, at); // truncate
    case 2: { // insert junk
      const j = utf8(pick(rand, JUNK));
      const out = new Uint8Array(n + j.length);
      out.set(bytes.subarray(0, at)); out.set(j, at); out.set(bytes.subarray(at), at + j.length);
      return out;
    }
    case 3: { // delete a slice
      const end = Math.min(n, at + intBetween(rand, 1, Math.max(1, Math.floor(n / 20))));
      const out = new Uint8Array(n - (end - at));
      out.set(bytes.subarray(0, at)); out.set(bytes.subarray(end), at);
      return out;
    }
    case 4: { // duplicate a slice
      const len = intBetween(rand, 1, Math.max(1, Math.floor(n / 10)));
      const slice = bytes.subarray(at, Math.min(n, at + len));
      const out = new Uint8Array(n + slice.length);
      out.set(bytes.subarray(0, at + slice.length)); out.set(slice, at + slice.length); out.set(bytes.subarray(at + slice.length), at + 2 * slice.length);
      return out;
    }
    case 5: { // replace a number with junk (text formats)
      const text = decode(bytes);
      const numbers = [...text.matchAll(/\d+(\.\d+)?/g)];
      if (numbers.length === 0) return bytes;
      const m = pick(rand, numbers);
      return utf8(text.slice(0, m.index) + pick(rand, JUNK) + text.slice((m.index ?? 0) + m[0].length));
    }
    default: { // replace a JSON value with one of another type
      const text = decode(bytes);
      const values = [...text.matchAll(/:\s*("[^"]*"|\d+|\[|\{|true|false|null)/g)];
      if (values.length === 0) return bytes;
      const m = pick(rand, values);
      const start = (m.index ?? 0) + m[0].indexOf(m[1]);
      const replacement = pick(rand, ['null', '42', '"x"', '[]', '{}', '-7', '"1K"', '1e308', '[1,2]', '{"a":1}']);
      if (m[1] === '[' || m[1] === '{') return utf8(text.slice(0, start) + replacement + ',' + text.slice(start));
      return utf8(text.slice(0, start) + replacement + text.slice(start + m[1].length));
    }
  }
}

export interface FuzzResult {
  readonly inputs: number;
  readonly imported: number;
  /** ImportErrors naming one of the input files. */
  readonly located: number;
  /** Anything else thrown, or an ImportError without a file, or an imported scenario the schema rejects. */
  readonly crashes: { input: number; error: string }[];
}

/**
 * Runs `count` mutated inputs of `format` (a mutation applies to one file of the set, 1–3 times in a row).
 * Every input is parsed and built; every `validateEvery`-th document that builds is also validated against
 * the scenario schema (the slowest step on small inputs, and the same code for every source).
 */
export async function fuzzFormat(format: FuzzFormat, count: number, seed = 1, validateEvery = 1): Promise<FuzzResult> {
  const rand = mulberry32(seed);
  const base = fuzzBase(format);
  const names = new Set(base.map((f) => f.name));
  const parts = format === 'rvtools-xlsx-xml' ? xmlParts() : {};
  const xml = Object.keys(parts).filter((p) => /worksheets|sharedStrings/.test(p));
  let imported = 0, located = 0;
  const crashes: { input: number; error: string }[] = [];
  for (let i = 0; i < count; i++) {
    const files = base.map((f) => ({ ...f }));
    const k = intBetween(rand, 0, files.length - 1);
    if (xml.length > 0) {
      const part = pick(rand, xml);
      let bytes = utf8(parts[part]);
      for (let m = intBetween(rand, 1, 3); m > 0; m--) bytes = mutate(bytes, rand);
      files[0] = { ...files[0], bytes: zipStored({ ...parts, [part]: bytes }) };
    } else {
      for (let m = intBetween(rand, 1, 3); m > 0; m--) files[k] = { ...files[k], bytes: mutate(files[k].bytes, rand) };
    }
    try {
      const { doc } = await buildDocument(SOURCE[format], files);
      imported++;
      if (imported % validateEvery === 0) {
        const check = parseScenarioValue(JSON.parse(JSON.stringify(doc)));
        // Values out of range are dropped and reported by finishScenario; anything else would be a bug.
        const bad = check.ok ? undefined : check.errors.find((e) => droppableAt(e) === null);
        if (bad) crashes.push({ input: i, error: `built scenario invalid: ${bad.where} ${bad.message}` });
      }
    } catch (e) {
      if (e instanceof ImportError && names.has(e.at.file)) located++;
      else crashes.push({ input: i, error: e instanceof Error ? `${e.name}: ${e.message}\n${e.stack?.split('\n').slice(1, 4).join('\n')}` : String(e) });
    }
  }
  return { inputs: count, imported, located, crashes };
}
