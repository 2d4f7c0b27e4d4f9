// RVTools → scenario: xlsx and CSV forms give the same estate; both header dialects; MB/MiB/bytes; power
// states, templates, SRM placeholders; multi-vCenter de-dup; host models; grouping; bad input located.
import * as XLSX from '@e965/xlsx';
import { describe, expect, it } from 'vitest';
import { rvtoolsCsv, rvtoolsSheets, rvtoolsXlsx } from '../../../core/import/testing/rvtools';
import { crc32 } from '../../../core/import/zip';
import { importFails, importOk, text } from './support';

const xlsx = (o: Parameters<typeof rvtoolsSheets>[0] = {}, name = 'export.xlsx') => ({ name, bytes: rvtoolsXlsx(rvtoolsSheets(o)) });

describe('import rvtools', () => {
  it('the workbook and its ;-separated, decimal-comma CSV tabs give the same scenario', async () => {
    const sheets = rvtoolsSheets({ vms: 50, poweredOff: 0.1, templates: 0.1 });
    const a = await importOk('rvtools', [{ name: 'e.xlsx', bytes: rvtoolsXlsx(sheets) }]);
    const b = await importOk('rvtools', rvtoolsCsv(sheets, true));
    const c = await importOk('rvtools', rvtoolsCsv(sheets, false));
    const strip = (s: typeof a.scenario) => ({ ...s, name: '', description: '' });
    expect(strip(b.scenario)).toEqual(strip(a.scenario));
    expect(strip(c.scenario)).toEqual(strip(a.scenario));
    expect(b.report.files.find((f) => f.name.includes('vHost'))!.kind).toMatch(/";"-separated, decimal commas/);
    // 785059.84 MiB written as "785059,84" is read as a decimal comma
    expect(b.scenario.hostModels.some((m) => m.memoryGiB === 766.66)).toBe(true);
  });

  it('reads the internal-name dialect, old "MB" headers and host memory in bytes', async () => {
    const modern = await importOk('rvtools', [xlsx({ vms: 30 })]);
    const internal = await importOk('rvtools', [xlsx({ vms: 30, dialect: 'internal', hostMemoryBytes: true })]);
    const old = await importOk('rvtools', [xlsx({ vms: 30, oldMb: true })]);
    expect(internal.scenario.services).toEqual(modern.scenario.services);
    expect(internal.scenario.hostModels.map((m) => m.memoryGiB)).toEqual(modern.scenario.hostModels.map((m) => m.memoryGiB));
    expect(internal.report.notes.join(' ')).toMatch(/"vHostMemorySize" holds bytes/);
    expect(old.scenario.services).toEqual(modern.scenario.services);
    expect(old.report.notes.join(' ')).toMatch(/"Provisioned MB".*MiB/);
  });

  it('counts powered-on VMs only by default; suspended and powered-off on request; drops templates and placeholders', async () => {
    const o = { vms: 200, poweredOff: 0.2, suspended: 0.1, templates: 0.05, placeholders: 0.05 };
    const on = await importOk('rvtools', [xlsx(o)]);
    const all = await importOk('rvtools', [xlsx(o)], { powerStates: ['poweredOn', 'poweredOff', 'suspended'] });
    const r = on.report.skippedByReason;
    expect(r['powered-off']).toBeGreaterThan(10);
    expect(r.suspended).toBeGreaterThan(5);
    expect(r.template).toBeGreaterThan(2);
    expect(r['srm-placeholder']).toBeGreaterThan(2);
    expect(on.report.counts.replicas + r['powered-off'] + r.suspended + r.template + r['srm-placeholder']).toBe(200);
    expect(all.report.counts.replicas).toBe(200 - r.template - r['srm-placeholder']);
    expect(on.report.skipped.find((s) => s.reason === 'template')!.at.where).toMatch(/^sheet vInfo, row \d+$/);
  });

  it('merged exports of two vCenters: the same VM (VI SDK Server + VM UUID) counts once', async () => {
    const sheets = rvtoolsSheets({ vms: 20 });
    const other = rvtoolsSheets({ vms: 20, seed: 9, server: 'vcenter02.example.net' });
    const a = await importOk('rvtools', [{ name: 'a.xlsx', bytes: rvtoolsXlsx(sheets) }, { name: 'b.xlsx', bytes: rvtoolsXlsx(sheets) }]);
    expect(a.report.skippedByReason['duplicate-vm']).toBe(20);
    expect(a.report.counts.replicas).toBe(20);
    const b = await importOk('rvtools', [{ name: 'a.xlsx', bytes: rvtoolsXlsx(sheets) }, { name: 'c.xlsx', bytes: rvtoolsXlsx(other) }]);
    expect(b.report.counts.replicas).toBe(40);
    expect(b.scenario.tenants).toHaveLength(2);
    const dup = a.report.skipped.find((s) => s.reason === 'duplicate-vm')!;
    expect(dup.at.file).toBe('b.xlsx');
    expect(dup.detail).toMatch(/already read at a\.xlsx: sheet vInfo, row \d+/);
  });

  it('hosts are grouped into host models by CPU model, sockets, cores and memory; datacenters → sites, clusters → racks', async () => {
    const { scenario, report } = await importOk('rvtools', [xlsx({ datacenters: 2, clusters: 2, hostsPerCluster: 3 })]);
    expect(scenario.hostModels).toHaveLength(3);
    const gold = scenario.hostModels.find((m) => m.name.includes('Gold 6140'))!;
    expect(gold).toMatchObject({ cores: 36, threadsPerCore: 2, memoryGiB: 766.66 });
    expect(scenario.sites.map((s) => s.name)).toEqual(['DC1', 'DC2']);
    expect(scenario.sites[0].racks.map((r) => r.name)).toEqual(['Cluster CL1-1', 'Cluster CL1-2']);
    expect(report.counts.hosts).toBe(12);
    // The host's own overhead stays the VM model's: the host model keeps the physical memory, VMs plan at their size.
    expect(scenario.deployment.vm.guestOs).toEqual({ cpuCores: 0, memoryGiB: 0, diskGB: 0 });
    expect(scenario.deployment.vm.hypervisorReserved.memoryGiB).toBe(0.5);
    expect(report.origins.find((o) => o.id === gold.id)!.from[0].where).toMatch(/^sheet vHost, row \d+$/);
  });

  it('--group-by none | name-prefix | folder | cluster', async () => {
    const counts = async (groupBy: 'none' | 'name-prefix' | 'folder' | 'cluster') => (await importOk('rvtools', [xlsx({ vms: 64 })], { groupBy })).report.counts;
    const none = await counts('none'), prefix = await counts('name-prefix'), folder = await counts('folder'), cluster = await counts('cluster');
    expect(none.services).toBe(64);
    for (const c of [prefix, folder, cluster]) expect(c.replicas).toBe(64);
    expect(prefix.services).toBeLessThan(64);
    expect(cluster.services).toBeLessThanOrEqual(2 * 7); // two clusters × seven VM shapes
  });

  it('reads a PowerShell Export-Csv file with its #TYPE line and a Windows-1252 name', async () => {
    const csv = '#TYPE VMware.VimAutomation.ViCore.Impl.V1.VM.UniversalVirtualMachineImpl\r\n"Name";"PowerState";"NumCpu";"MemoryGB";"VMHost"\r\n"web-01";"PoweredOn";"2";"4";"esx1"\r\n"M\xfcller-01";"PoweredOn";"4";"8";"esx1"\r\n';
    const bytes = Uint8Array.from(csv, (ch) => ch.charCodeAt(0));
    const { scenario, report } = await importOk('rvtools', [{ name: 'RVTools_tabvInfo.csv', bytes }]);
    expect(scenario.services.map((s) => [s.name, s.demand.cpuCores, s.demand.memoryGiB])).toEqual([['web', 2, 4], ['Müller', 4, 8]]);
    expect(report.notes.join(' ')).toMatch(/#TYPE.*skipped/);
    expect(report.notes.join(' ')).toMatch(/Windows-1252/);
    expect(report.warnings.join(' ')).toMatch(/No vHost sheet/);
  });

  it('bad input: missing sheet, missing column, short CSV row, truncated and non-zip workbooks, a zip bomb', async () => {
    const sheets = rvtoolsSheets({ vms: 5 });
    await importFails('rvtools', [{ name: 'e.xlsx', bytes: rvtoolsXlsx({ vInfo: [['x']], vHost: sheets.vHost }).slice() }], 'e.xlsx', 'sheet vInfo, row 1', /missing column "VM"/);
    const wb = XLSX.utils.book_new();
    XLSX.utils.book_append_sheet(wb, XLSX.utils.aoa_to_sheet(sheets.vHost!), 'vHost');
    await importFails('rvtools', [{ name: 'e.xlsx', bytes: new Uint8Array(XLSX.write(wb, { type: 'array', bookType: 'xlsx' })) }], 'e.xlsx', 'sheet vInfo', /missing sheet vInfo/);
    const noCpus = sheets.vInfo.map((r) => r.filter((_, c) => c !== 4));
    await importFails('rvtools', [{ name: 'e.xlsx', bytes: rvtoolsXlsx({ vInfo: noCpus }) }], 'e.xlsx', 'sheet vInfo, row 1', /missing column "CPUs" \(vCPUs\)/);
    const csv = rvtoolsCsv(sheets)[0];
    const lines = new TextDecoder().decode(csv.bytes).split('\r\n');
    lines[3] = lines[3].split(';').slice(0, 4).join(';');
    await importFails('rvtools', [text('RVTools_tabvInfo.csv', lines.join('\r\n'))], 'RVTools_tabvInfo.csv', 'line 4', /short row: 4 fields, expected 16/);
    const whole = rvtoolsXlsx(sheets);
    await importFails('rvtools', [{ name: 't.xlsx', bytes: whole.slice(0, whole.length - 100) }], 't.xlsx', '', /truncated or not an xlsx/);
    await importFails('rvtools', [text('n.xlsx', 'VM,CPUs\nweb,2\n')], 'n.xlsx', '', /not an xlsx workbook/);
    await importFails('rvtools', [{ name: 'bomb.xlsx', bytes: zipBomb() }], 'bomb.xlsx', 'xl/worksheets/sheet1.xml', /zip bomb/);
  });
  it('a VM larger than any flavour the schema allows is dropped with the model\'s reason and its row; the rest imports', async () => {
    const sheets = rvtoolsSheets({ vms: 20 });
    const cpus = sheets.vInfo[0].indexOf('CPUs');
    sheets.vInfo[3] = sheets.vInfo[3].map((v, k) => (k === cpus ? 5000 : v));
    const r = await importOk('rvtools', [{ name: 'big.xlsx', bytes: rvtoolsXlsx(sheets) }], { groupBy: 'none' });
    const dropped = r.report.skipped.filter((x) => x.reason === 'out-of-range');
    expect(dropped).toHaveLength(1);
    expect(dropped[0].detail).toMatch(/^service "[^"]+" dropped: no flavour holds service/);
    expect(dropped[0].at.file).toBe('big.xlsx');
    expect(r.scenario.services.every((svc) => svc.demand.cpuCores <= 4096)).toBe(true);
  });
});

/** A zip whose one entry claims 2 GiB from a few bytes (the central directory is all the check reads). */
function zipBomb(): Uint8Array {
  const name = new TextEncoder().encode('xl/worksheets/sheet1.xml');
  const data = new Uint8Array([3, 0]); // an empty deflate stream
  const local = new Uint8Array(30 + name.length + data.length);
  const v = new DataView(local.buffer);
  v.setUint32(0, 0x04034b50, true); v.setUint16(8, 8, true); v.setUint32(14, crc32(new Uint8Array(0)), true);
  v.setUint32(18, data.length, true); v.setUint32(22, 2 ** 31, true); v.setUint16(26, name.length, true);
  local.set(name, 30); local.set(data, 30 + name.length);
  const central = new Uint8Array(46 + name.length);
  const c = new DataView(central.buffer);
  c.setUint32(0, 0x02014b50, true); c.setUint16(10, 8, true); c.setUint32(16, crc32(new Uint8Array(0)), true);
  c.setUint32(20, data.length, true); c.setUint32(24, 2 ** 31, true); c.setUint16(28, name.length, true); c.setUint32(42, 0, true);
  central.set(name, 46);
  const end = new Uint8Array(22);
  const e = new DataView(end.buffer);
  e.setUint32(0, 0x06054b50, true); e.setUint16(8, 1, true); e.setUint16(10, 1, true);
  e.setUint32(12, central.length, true); e.setUint32(16, local.length, true);
  const out = new Uint8Array(local.length + central.length + end.length);
  out.set(local); out.set(central, local.length); out.set(end, local.length + central.length);
  return out;
}
