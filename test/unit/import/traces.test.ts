// Public traces: each format's quirks handled and named in the report (imports.md §4).
import { describe, expect, it } from 'vitest';
import { alibabaFiles, azureFiles, bitbrainsFiles } from '../../../core/import/testing/metrics';
import { importFails, importOk, text } from './support';

describe('import public traces', () => {
  it('Azure: bucketed sizes (">24", ">64"), headerless CSV, avgcpu traces, lifetimes inside the window', async () => {
    const { scenario, report } = await importOk('azure', azureFiles({ vms: 5, samples: 12 }));
    expect(scenario.services).toHaveLength(5);
    expect(scenario.services[4].demand).toMatchObject({ cpuCores: 30, memoryGiB: 70 });
    expect(report.notes.join(' ')).toMatch(/">24" cores or ">64" GB: read as 30 cores and 70 GB/);
    expect(scenario.services[1].arrivesAtSeconds).toBe(900);
    expect(scenario.services[2].departsAtSeconds).toBe(2700);
    expect(scenario.traces!.every((t) => t.intervalSeconds === 300 && t.samples.length === 12)).toBe(true);
    expect(report.origins.find((o) => o.path === '$.services[0]')!.from[0]).toEqual({ file: 'vmtable.csv', where: 'line 1' });
  });

  it('Azure: a reading of an unknown VM is skipped at its line; a short vmtable row is an error', async () => {
    const [vmtable, readings] = azureFiles({ vms: 2, samples: 2 });
    const extra = text(readings.name, new TextDecoder().decode(readings.bytes) + '600,nobody,1,2,3\n');
    const { report } = await importOk('azure', [vmtable, extra]);
    expect(report.skipped.find((s) => s.reason === 'unknown-vm')!.at).toEqual({ file: readings.name, where: 'line 5' });
    await importFails('azure', [text('vmtable.csv', 'a,b,c\n'), readings], 'vmtable.csv', 'line 1', /short row: 3 fields, expected 11/);
  });

  it('Alibaba 2018: cpu_request in hundredths, normalised memory, −1/101 invalid, irregular sampling onto a grid; machines → hosts', async () => {
    const { scenario, report } = await importOk('alibaba', alibabaFiles({ vms: 6, samples: 20 }), { alibabaMemoryGiBPer100: 256 });
    const big = scenario.services.find((s) => s.demand.cpuCores === 8)!;
    expect(big.demand.memoryGiB).toBeCloseTo(3.13 * 2.56, 3);
    expect(report.notes.join(' ')).toMatch(/−1\/101 invalid markers were left out|outside 0–100 %/);
    expect(report.notes.join(' ')).toMatch(/irregular sampling averaged onto a 300 s grid/);
    expect(scenario.traces!.every((t) => t.intervalSeconds === 300)).toBe(true);
    expect(scenario.hostModels.map((m) => [m.cores, m.memoryGiB]).sort()).toEqual([[64, 128], [96, 256]]);
    expect(report.skippedByReason.superseded).toBe(6); // the earlier status row of every container
  });

  it('Bitbrains: ";\\t" separators and seconds in the "Timestamp [ms]" column; real milliseconds are recognised too', async () => {
    const a = await importOk('bitbrains', bitbrainsFiles({ vms: 3, samples: 24 }));
    expect(a.report.notes.join(' ')).toMatch(/holds Unix seconds, not milliseconds/);
    expect(a.scenario.traces!.every((t) => t.intervalSeconds === 300 && t.samples.length === 24)).toBe(true);
    expect(a.scenario.services[1].demand).toMatchObject({ cpuCores: 4, memoryGiB: 16 });
    const b = await importOk('bitbrains', bitbrainsFiles({ vms: 3, samples: 24, milliseconds: true }));
    expect(b.report.notes.join(' ')).toMatch(/hold milliseconds here/);
    expect(b.scenario.traces).toEqual(a.scenario.traces);
  });

  it('Bitbrains: a trace with no numeric value and a missing column are errors at the file and line', async () => {
    await importFails('bitbrains', [text('vm1.csv', 'Timestamp [ms];\tCPU cores;\tMemory capacity provisioned [KB];\tCPU usage [MHZ]\n1376314846;\t2;\t1024;\tx\n')], 'vm1.csv', 'line 2', /no numeric CPU usage/);
    await importFails('bitbrains', [text('vm1.csv', 'Timestamp [ms];\tCPU usage [MHZ]\n1;\t2\n')], 'vm1.csv', 'line 1', /missing column "CPU cores"/);
  });
});
