// Generated RVTools exports (never real data): sheets built from the documented headers (imports.md §1.2,
// both dialects), written as an xlsx workbook with SheetJS or as RVTools_tab*.csv files with papaparse.
// Deterministic for a seed. Used by the tests, the fuzzing test and the benchmark.
import * as XLSX from '@e965/xlsx';
import Papa from 'papaparse';
import { intBetween, mulberry32, pick } from '../../examples/random';
import type { ImportFile } from '../types';
import { utf8 } from './bytes';

export type Sheet = (string | number | boolean | null)[][];
export interface RvtoolsSheets { vInfo: Sheet; vHost?: Sheet; vCluster?: Sheet; vMetaData?: Sheet }

export interface RvtoolsOptions {
  vms?: number;
  /** Hosts per cluster. */
  hostsPerCluster?: number;
  clusters?: number;
  datacenters?: number;
  seed?: number;
  /** '4x' display headers (default) or the internal names (vInfoVMName, …). */
  dialect?: '4x' | 'internal';
  /** Older exports: "Provisioned MB" instead of "Provisioned MiB". */
  oldMb?: boolean;
  /** Host memory in bytes instead of MiB (the internal-name dialect of some exports). */
  hostMemoryBytes?: boolean;
  /** Shares of the VMs that are templates, SRM placeholders, powered off, suspended. */
  templates?: number;
  placeholders?: number;
  poweredOff?: number;
  suspended?: number;
  /** vCenter server name written in VI SDK Server. */
  server?: string;
  /** Extra columns RVTools has that Hostfit ignores (to make rows realistic in width). */
  extraColumns?: number;
}

export const CPU_MODELS = ['Intel(R) Xeon(R) Gold 6140 CPU @ 2.30GHz', 'AMD EPYC 7543 32-Core Processor', 'Intel(R) Xeon(R) Silver 4214 CPU @ 2.20GHz'];
const HOST_SHAPES = [
  { cpu: CPU_MODELS[0], sockets: 2, coresPerCpu: 18, memMiB: 785059.84, speed: 2300, vendor: 'Dell Inc.', model: 'PowerEdge R740' },
  { cpu: CPU_MODELS[1], sockets: 2, coresPerCpu: 32, memMiB: 1048260.5, speed: 2800, vendor: 'HPE', model: 'ProLiant DL385 Gen10 Plus' },
  { cpu: CPU_MODELS[2], sockets: 2, coresPerCpu: 12, memMiB: 392829.44, speed: 2200, vendor: 'Lenovo', model: 'ThinkSystem SR650' },
];
const VM_SHAPES = [[1, 2048], [2, 4096], [2, 8192], [4, 8192], [4, 16384], [8, 32768], [16, 65536]] as const;
const ROLES = ['web', 'app', 'db', 'cache', 'batch', 'mq', 'api', 'search'];

const H = {
  '4x': {
    vInfo: ['VM', 'Powerstate', 'Template', 'SRM Placeholder', 'CPUs', 'Memory', 'NICs', 'Provisioned MiB', 'In Use MiB', 'Datacenter', 'Cluster', 'Host', 'Folder', 'OS according to the configuration file', 'VM UUID', 'VI SDK Server'],
    vHost: ['Host', 'Datacenter', 'Cluster', 'CPU Model', 'Speed', 'HT Available', 'HT Active', '# CPU', 'Cores per CPU', '# Cores', 'CPU usage %', '# Memory', 'Memory usage %', 'Vendor', 'Model', 'in Maintenance Mode', 'VI SDK Server'],
  },
  internal: {
    vInfo: ['vInfoVMName', 'vInfoPowerstate', 'vInfoTemplate', 'vInfoSRMPlaceHolder', 'vInfoCPUs', 'vInfoMemory', 'vInfoNICs', 'vInfoProvisioned', 'vInfoInUse', 'vInfoDataCenter', 'vInfoCluster', 'vInfoHost', 'vInfoFolder', 'vInfoOS', 'vInfoUUID', 'vInfoVISDKServer'],
    vHost: ['vHostName', 'vHostDatacenter', 'vHostCluster', 'vHostCpuModel', 'vHostCpuMhz', 'vHostHTAvailable', 'vHostHTActive', 'vHostNumCPU', 'vHostCoresPerCPU', 'vHostNumCpuCores', 'vHostCpuUsage', 'vHostMemorySize', 'vHostMemoryUsage', 'vHostVendor', 'vHostModel', 'vHostInMaintenanceMode', 'vHostVISDKServer'],
  },
};

const hex = (rand: () => number, n: number) => Array.from({ length: n }, () => Math.floor(rand() * 16).toString(16)).join('');
const uuid = (rand: () => number) => `${hex(rand, 8)}-${hex(rand, 4)}-${hex(rand, 4)}-${hex(rand, 4)}-${hex(rand, 12)}`;

export function rvtoolsSheets(o: RvtoolsOptions = {}): RvtoolsSheets {
  const rand = mulberry32(o.seed ?? 1);
  const dialect = o.dialect ?? '4x';
  const server = o.server ?? 'vcenter01.example.net';
  const datacenters = o.datacenters ?? 1, clusters = o.clusters ?? 2, perCluster = o.hostsPerCluster ?? 4;
  const extra = o.extraColumns ?? 0;
  const extraHeader = Array.from({ length: extra }, (_, k) => `Extra column ${k + 1}`);
  const hosts: { name: string; dc: string; cluster: string }[] = [];
  const vHost: Sheet = [[...H[dialect].vHost, ...extraHeader]];
  for (let d = 0; d < datacenters; d++) {
    for (let c = 0; c < clusters; c++) {
      const shape = HOST_SHAPES[(d + c) % HOST_SHAPES.length];
      for (let h = 0; h < perCluster; h++) {
        const name = `esx-${d + 1}-${c + 1}-${String(h + 1).padStart(2, '0')}.example.net`;
        const dc = `DC${d + 1}`, cluster = `CL${d + 1}-${c + 1}`;
        hosts.push({ name, dc, cluster });
        const cores = shape.sockets * shape.coresPerCpu;
        vHost.push([name, dc, cluster, shape.cpu, shape.speed, true, true, shape.sockets, shape.coresPerCpu, cores, Math.round(rand() * 900) / 10,
          o.hostMemoryBytes ? Math.round(shape.memMiB * 2 ** 20) : shape.memMiB, Math.round(rand() * 900) / 10, shape.vendor, shape.model, false, server,
          ...extraHeader.map(() => 'x')]);
      }
    }
  }
  const vInfoHeader = [...H[dialect].vInfo, ...extraHeader];
  if (o.oldMb && dialect === '4x') { vInfoHeader[7] = 'Provisioned MB'; vInfoHeader[8] = 'In Use MB'; }
  const vInfo: Sheet = [vInfoHeader];
  const n = o.vms ?? 40;
  for (let k = 0; k < n; k++) {
    const role = ROLES[k % ROLES.length];
    const [cpus, mem] = VM_SHAPES[(k * 7 + Math.floor(k / ROLES.length)) % VM_SHAPES.length];
    const host = hosts[intBetween(rand, 0, hosts.length - 1)];
    const r = rand();
    const template = r < (o.templates ?? 0);
    const placeholder = !template && r < (o.templates ?? 0) + (o.placeholders ?? 0);
    const p = rand();
    const power = p < (o.poweredOff ?? 0) ? 'poweredOff' : p < (o.poweredOff ?? 0) + (o.suspended ?? 0) ? 'suspended' : 'poweredOn';
    const provisioned = pick(rand, [40960, 81920, 122880, 204800]);
    vInfo.push([`${role}-${String(Math.floor(k / ROLES.length) + 1).padStart(2, '0')}`, power, template, placeholder, cpus, mem, 1, provisioned,
      Math.round(provisioned * rand()), host.dc, host.cluster, host.name, `/${host.dc}/vm/${role}`, 'Ubuntu Linux (64-bit)', uuid(rand), server,
      ...extraHeader.map(() => 'x')]);
  }
  const vCluster: Sheet = [['Name', 'NumHosts', 'TotalCpu', 'NumCpuCores', 'TotalMemory', 'HA enabled', 'Failover Level', 'DRS enabled']];
  for (const cl of [...new Set(hosts.map((h) => h.cluster))]) vCluster.push([cl, perCluster, 331200, 144, 3139911.68, true, 1, true]);
  const vMetaData: Sheet = [['RVTools major version', 'RVTools version', 'xlsx creation datetime', 'Server'], [4, '4.6.1.0', '2026-11-30 08:15:00', server]];
  return { vInfo, vHost, vCluster, vMetaData };
}

/**
 * An xlsx workbook of the sheets (plus a few sheets Hostfit does not read, as in a real export), written by
 * SheetJS: text as t="str" cells, or with `sharedStrings` as a shared string table (t="s"), as Excel writes.
 */
export function rvtoolsXlsx(sheets: RvtoolsSheets, o: { sharedStrings?: boolean } = {}): Uint8Array {
  const wb = XLSX.utils.book_new();
  for (const [name, data] of Object.entries(sheets)) if (data) XLSX.utils.book_append_sheet(wb, XLSX.utils.aoa_to_sheet(data), name);
  XLSX.utils.book_append_sheet(wb, XLSX.utils.aoa_to_sheet([['VM', 'Disk', 'Capacity MiB'], ['web-01', 'Hard disk 1', 40960]]), 'vDisk');
  return new Uint8Array(XLSX.write(wb, { type: 'array', bookType: 'xlsx', compression: true, bookSST: o.sharedStrings ?? false }) as ArrayBuffer);
}

/** RVTools_tab<sheet>.csv files; `european`: `;` separators and decimal commas. */
export function rvtoolsCsv(sheets: RvtoolsSheets, european = true): ImportFile[] {
  return Object.entries(sheets).filter(([, d]) => d).map(([name, data]) => {
    const rows = (data as Sheet).map((r) => r.map((v) => (typeof v === 'number' && european ? String(v).replace('.', ',') : v === null ? '' : String(v))));
    return { name: `RVTools_tab${name}.csv`, bytes: utf8(Papa.unparse(rows, { delimiter: european ? ';' : ',', newline: '\r\n' })) };
  });
}
