// Which export a set of files is, from names and first bytes only (cheap: a drop onto the app calls it before
// anything is parsed). Returns the source and a sentence saying why, or null and why not.
import { isGzip, isZip } from './text';
import type { ImportFile, ImportSource } from './types';

export interface Detection {
  readonly source: ImportSource | null;
  readonly reason: string;
}

const g = globalThis as unknown as { TextDecoder: new (label: string) => { decode(b: Uint8Array): string } };

/** The first few KiB as text (undecodable bytes replaced: this is a guess, never a parse). */
function head(file: ImportFile): string {
  return new g.TextDecoder('utf-8').decode(file.bytes.subarray(0, 8192));
}

const base = (name: string): string => name.replace(/^.*[\\/]/, '').toLowerCase();

export function detectSource(files: readonly ImportFile[]): Detection {
  if (files.length === 0) return { source: null, reason: 'no files' };
  const names = files.map((f) => base(f.name));
  if (files.some((f) => isZip(f.bytes)) || names.some((n) => n.endsWith('.xlsx') || /^rvtools_tab/.test(n))) {
    return { source: 'rvtools', reason: 'an xlsx workbook or RVTools_tab*.csv files' };
  }
  if (names.some((n) => n.startsWith('vmtable') || n.startsWith('vm_cpu_readings'))) {
    return { source: 'azure', reason: 'Azure public dataset files (vmtable, vm_cpu_readings)' };
  }
  if (names.some((n) => /^(machine_meta|container_meta|container_usage)/.test(n))) {
    return { source: 'alibaba', reason: 'Alibaba 2018 trace files (machine_meta, container_meta, container_usage)' };
  }
  const texts = files.slice(0, 3).map((f) => (isGzip(f.bytes) ? '' : head(f)));
  if (texts.some((t) => /^\s*\{[\s\S]*"resultType"\s*:/.test(t) || /^\s*\{\s*"status"\s*:\s*"(success|error)"/.test(t))) {
    return { source: 'prometheus', reason: 'a Prometheus query_range answer' };
  }
  if (texts.some((t) => /"(kind|apiVersion)"\s*:|^\s*(apiVersion|kind)\s*:/m.test(t) || /^\s*\{\s*"(pods|nodes)"\s*:/.test(t))
    || names.some((n) => n.endsWith('.yaml') || n.endsWith('.yml'))) {
    return { source: 'kubernetes', reason: 'Kubernetes objects (kubectl -o json/yaml, or a kube-scheduler-simulator export)' };
  }
  if (texts.some((t) => /^\s*Timestamp \[ms\]\s*;/i.test(t))) {
    return { source: 'bitbrains', reason: 'Bitbrains per-VM CSV files (Timestamp [ms];\\tCPU cores;…)' };
  }
  return { source: null, reason: 'not a format Hostfit imports: expected an RVTools workbook or RVTools_tab*.csv, a kubectl/kube-scheduler-simulator '
    + 'JSON or YAML dump, a Prometheus query_range answer, Azure vmtable/vm_cpu_readings, Alibaba 2018 or Bitbrains CSV files' };
}
