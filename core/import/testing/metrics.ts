// Generated Prometheus query_range answers and public-trace files (never real data), written in the documented
// formats (imports.md §3.1, §4): Prometheus matrix JSON with string values, NaN and gaps; Azure vmtable and
// vm_cpu_readings (headerless, bucketed sizes); Alibaba 2018 machine_meta / container_meta / container_usage
// (percent units, −1/101 invalid markers, irregular sampling); Bitbrains per-VM CSVs (";\t", seconds in the
// "Timestamp [ms]" column). Deterministic for a seed.
import { mulberry32 } from '../../examples/random';
import type { ImportFile } from '../types';
import { utf8 } from './bytes';

export interface PrometheusOptions {
  series?: number;
  points?: number;
  step?: number;
  metric?: 'cpu' | 'memory';
  /** Pods per controller (series are pods × containers of `controllers` Deployments). */
  podsPerController?: number;
  namespace?: string;
  /** Controller names; default web, api, worker, … */
  controllers?: readonly string[];
  /** Every n-th value is "NaN"; every m-th point is missing. */
  nanEvery?: number;
  gapEvery?: number;
  seed?: number;
  start?: number;
  /** Peak CPU cores (or bytes) per series. */
  peak?: number;
}

export function prometheusMatrix(o: PrometheusOptions = {}): Record<string, unknown> {
  const rand = mulberry32(o.seed ?? 1);
  const n = o.series ?? 6, points = o.points ?? 288, step = o.step ?? 300, start = o.start ?? 1764547200;
  const controllers = o.controllers ?? ['web', 'api', 'worker', 'frontend', 'checkout', 'catalog'];
  const per = o.podsPerController ?? 2;
  const memory = o.metric === 'memory';
  const peak = o.peak ?? (memory ? 2 * 2 ** 30 : 0.4);
  const result = Array.from({ length: n }, (_, s) => {
    const ctrl = controllers[Math.floor(s / per) % controllers.length];
    const suffix = Math.floor(s / (per * controllers.length));
    const pod = `${ctrl}${suffix ? `-${suffix}` : ''}-7c9d8f6b5-${'bcdfghjklm'[s % 10]}${'npqrstvwxz'[Math.floor(s / 10) % 10]}${'bcdfghjklm'[Math.floor(s / 100) % 10]}2k`;
    const values: [number, string][] = [];
    for (let k = 0; k < points; k++) {
      if (o.gapEvery && k % o.gapEvery === o.gapEvery - 1) continue;
      const day = 0.5 + 0.5 * Math.sin((2 * Math.PI * k) / points);
      const v = peak * (0.2 + 0.7 * day + 0.1 * rand());
      values.push([start + k * step, o.nanEvery && k % o.nanEvery === o.nanEvery - 1 ? 'NaN' : memory ? String(Math.round(v)) : v.toFixed(6)]);
    }
    return { metric: { ...(memory ? { __name__: 'container_memory_working_set_bytes' } : {}), namespace: o.namespace ?? 'shop', pod, container: 'app' }, values };
  });
  return { status: 'success', data: { resultType: 'matrix', result } };
}

export function prometheusFile(o: PrometheusOptions = {}, name = 'query_range.json'): ImportFile {
  return { name, bytes: utf8(JSON.stringify(prometheusMatrix(o))) };
}

export interface TraceOptions { vms?: number; samples?: number; seed?: number }

/** Azure V2 vmtable + one readings file. */
export function azureFiles(o: TraceOptions = {}): ImportFile[] {
  const rand = mulberry32(o.seed ?? 1);
  const n = o.vms ?? 5, samples = o.samples ?? 12;
  const cores = ['2', '4', '8', '24', '>24'], mem = ['4', '8', '32', '64', '>64'];
  const ids = Array.from({ length: n }, (_, k) => `vm${k}+${Math.floor(rand() * 1e9).toString(36)}/Xq==`);
  const vmtable = ids.map((id, k) => [id, `sub${k % 2}`, `dep${k}`, k === 1 ? 900 : 0, k === 2 ? (samples - 3) * 300 : 2592000, 99.5, 20.1, 80.2,
    k % 2 ? 'Interactive' : 'Delay-insensitive', cores[k % cores.length], mem[k % mem.length]].join(',')).join('\n') + '\n';
  const readings: string[] = [];
  for (let t = 0; t < samples; t++) for (const id of ids) readings.push([t * 300, id, 1.5, 60.2, (10 + 50 * rand()).toFixed(3)].join(','));
  return [{ name: 'vmtable.csv', bytes: utf8(vmtable) }, { name: 'vm_cpu_readings-file-1-of-195.csv', bytes: utf8(readings.join('\n') + '\n') }];
}

/** Alibaba 2018 machine_meta, container_meta and container_usage (irregular sampling, invalid markers). */
export function alibabaFiles(o: TraceOptions = {}): ImportFile[] {
  const rand = mulberry32(o.seed ?? 1);
  const n = o.vms ?? 6, samples = o.samples ?? 20;
  const machines = ['m_1,0,1,a,96,100,USING', 'm_1,86000,1,a,96,100,USING', 'm_2,0,1,b,96,100,USING', 'm_3,0,2,c,64,50,USING'].join('\n') + '\n';
  const meta: string[] = [];
  for (let k = 0; k < n; k++) {
    meta.push(`c_${k},m_${(k % 3) + 1},0,app_${k % 3},allocated,${k % 3 === 2 ? 800 : 400},${k % 3 === 2 ? 800 : 400},${k % 3 === 2 ? 3.13 : 1.56}`);
    meta.push(`c_${k},m_${(k % 3) + 1},1000,app_${k % 3},started,${k % 3 === 2 ? 800 : 400},${k % 3 === 2 ? 800 : 400},${k % 3 === 2 ? 3.13 : 1.56}`);
  }
  const usage: string[] = [];
  for (let k = 0; k < n; k++) {
    let t = 0;
    for (let s = 0; s < samples; s++) {
      t += 10 * Math.floor(20 + 20 * rand()); // irregular: 200–390 s apart
      const cpu = s % 7 === 6 ? -1 : Math.round(20 + 60 * rand());
      const mem = s % 9 === 8 ? 101 : Math.round(40 + 20 * rand());
      usage.push(`c_${k},m_${(k % 3) + 1},${t},${cpu},${mem},1.2,3,1.1,0.5,0.4,3`);
    }
  }
  return [{ name: 'machine_meta.csv', bytes: utf8(machines) }, { name: 'container_meta.csv', bytes: utf8(meta.join('\n') + '\n') },
    { name: 'container_usage.csv', bytes: utf8(usage.join('\n') + '\n') }];
}

/** Bitbrains per-VM files (one per VM). `milliseconds` writes real milliseconds instead of the usual seconds. */
export function bitbrainsFiles(o: TraceOptions & { milliseconds?: boolean } = {}): ImportFile[] {
  const rand = mulberry32(o.seed ?? 1);
  const header = 'Timestamp [ms];\tCPU cores;\tCPU capacity provisioned [MHZ];\tCPU usage [MHZ];\tCPU usage [%];\tMemory capacity provisioned [KB];\tMemory usage [KB];\tDisk read throughput [KB/s];\tDisk write throughput [KB/s];\tNetwork received throughput [KB/s];\tNetwork transmitted throughput [KB/s]';
  return Array.from({ length: o.vms ?? 3 }, (_, v) => {
    const cores = [2, 4, 8][v % 3];
    const lines = [header];
    for (let k = 0; k < (o.samples ?? 24); k++) {
      const ts = 1376314846 + k * 300;
      const mhz = 2600 * cores * (0.1 + 0.6 * rand());
      lines.push([o.milliseconds ? ts * 1000 : ts, cores, 2600 * cores, mhz.toFixed(6), ((mhz / (2600 * cores)) * 100).toFixed(6), 4194304 * cores,
        Math.round(4194304 * cores * (0.3 + 0.4 * rand())), 0, 1.2, 3.4, 5.6].join(';\t'));
    }
    return { name: `fastStorage/2013-8/${v + 1}.csv`, bytes: utf8(lines.join('\n') + '\n') };
  });
}
