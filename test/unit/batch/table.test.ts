// Merged tables read back for the Sweep tab: the CSV and JSON that `hostfit batch merge` writes give the same
// table, bad files are refused naming the line (CSV) or JSON path, and the chart's series average the runs that
// share an x value. And the app's sweep saved as a batch file is a batch the schema and the planner accept.
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { planBatch, runAt } from '../../../core/batch/expand';
import { mergeResults, tableCsv, tableJson, type MergedTable } from '../../../core/batch/merge';
import { readResults, resultLine } from '../../../core/batch/results';
import { executeRun } from '../../../core/batch/run';
import { parseBatchValue } from '../../../core/batch/schema';
import { batchFileName, sweepBatchFile } from '../../../core/batch/sweep-file';
import { numericAxes, parseMergedTable, tableFigures, tableModels, tableSeries, type ReadTable } from '../../../core/batch/table';
import { exampleScenario, EXAMPLES } from '../../../core/examples/index';
import { parseScenarioValue } from '../../../core/scenario/parse';
import { WasmSimulator } from '../../../core/sim/kernel/wasm-simulator';
import { createWasmPacker, loadKernelBytes } from '../../../electron/cli/kernel';

const enc = (s: string) => new TextEncoder().encode(s);

const merged: MergedTable = {
  batch: 'b0123456789abcdef', runs: 7, failed: 1, missing: [6],
  columns: ['index', 'scenario', 'deployment.vm.cpuOvercommit', 'seed', 'status', 'error', 'vm.hostsUsed', 'vm.lowerBound', 'container.hostsUsed', 'container.lowerBound', 'vm.gap'],
  rows: [
    [0, 'web, "tier"', 1, 1, 'ok', null, 10, 9, 8, 7, 0.1],
    [1, 'web, "tier"', 1, 2, 'ok', null, 12, 9, 8, 7, null],
    [2, 'web, "tier"', 2, 1, 'ok', null, 6, 5, 8, 7, 0.2],
    [3, 'web, "tier"', 2, 2, 'failed', 'services[0].replicas: too many\nsecond line', null, null, null, null, null],
    [4, 'web, "tier"', 0.5, 1, 'ok', null, 20, 18, 8, 7, 0.3],
    [5, 'web, "tier"', 0.5, 2, 'ok', null, 21, 18, 9, 7, 0.3],
  ],
};

function read(bytes: Uint8Array, name: string): ReadTable {
  const r = parseMergedTable(bytes, name);
  if (!r.ok) throw new Error(JSON.stringify(r.errors));
  return r.table;
}

describe('merged tables read back', () => {
  it('CSV and JSON give the same rows, axes and figures', () => {
    const csv = read(enc(tableCsv(merged)), 'table.csv');
    const json = read(enc(tableJson(merged)), 'table.json');
    expect(csv.rows).toEqual(merged.rows);
    expect(json.rows).toEqual(merged.rows);
    for (const t of [csv, json]) {
      expect(t.axes).toEqual(['deployment.vm.cpuOvercommit', 'seed']);
      expect(t.metrics).toEqual(merged.columns.slice(6));
      expect(t.failed).toBe(1);
      expect(numericAxes(t)).toEqual(['deployment.vm.cpuOvercommit', 'seed']);
      expect(tableFigures(t)).toEqual(['hostsUsed', 'lowerBound', 'gap']);
      expect(tableModels(t, 'hostsUsed')).toEqual(['vm', 'container']);
    }
    // Only the JSON table knows the batch's size; the CSV knows the gaps below its last run.
    expect([json.runs, json.missing, json.batch]).toEqual([7, [6], 'b0123456789abcdef']);
    expect([csv.runs, csv.missing, csv.batch]).toEqual([6, [], null]);
    const gappy = read(enc(tableCsv({ ...merged, rows: merged.rows.filter((r) => r[0] !== 2) })), 't.csv');
    expect(gappy.missing).toEqual([2]);
  });

  it('averages the successful runs per x value, in ascending x', () => {
    const t = read(enc(tableCsv(merged)), 'table.csv');
    expect(tableSeries(t, 'deployment.vm.cpuOvercommit', 'hostsUsed')).toEqual([
      { x: 0.5, runs: 2, values: { vm: 20.5, container: 8.5 } },
      { x: 1, runs: 2, values: { vm: 11, container: 8 } },
      { x: 2, runs: 1, values: { vm: 6, container: 8 } }, // run 3 failed: not averaged in
    ]);
    expect(tableSeries(t, 'seed', 'gap')).toEqual([
      { x: 1, runs: 3, values: { vm: 0.2 } },
      { x: 2, runs: 2, values: { vm: 0.3 } }, // run 1 has no gap: the mean of those that have one
    ].map((p) => ({ ...p, values: { vm: expect.closeTo(p.values.vm, 12) } })));
  });

  it('reads the table of a simulate batch (its figures per model are the dynamic totals)', () => {
    const parsed = parseScenarioValue(JSON.parse(readFileSync(new URL('../../../examples/diurnal.hostfit.json', import.meta.url), 'utf8')));
    if (!parsed.ok) throw new Error('example must parse');
    const plan = planBatch({ name: 'sim', command: 'simulate', scenarios: [{ name: 'diurnal', doc: JSON.parse(JSON.stringify(parsed.scenario)) }],
      grid: [{ param: 'deployment.vm.cpuOvercommit', values: '1,2' }], seeds: '1,2', headroom: false, series: false });
    let simulator: WasmSimulator | undefined;
    const engines = { packer: createWasmPacker(), simulator: () => (simulator ??= WasmSimulator.fromBytes(loadKernelBytes('release'))), highs: null };
    const text = Array.from({ length: plan.runs }, (_, i) => resultLine(plan, runAt(plan, i), executeRun(plan, runAt(plan, i), engines), 0)).join('');
    const results = readResults(enc(text), 'r').lines;
    const t = read(enc(tableCsv(mergeResults([{ name: 'r', lines: results }]))), 'sim.csv');
    expect(t.failed).toBe(0);
    expect(numericAxes(t)).toEqual(['deployment.vm.cpuOvercommit', 'seed']);
    expect(tableFigures(t)).toEqual(expect.arrayContaining(['hosts', 'energyKWh', 'migrations']));
    // One column per model the simulation ran (VM, container, container-in-VM), in its order.
    expect(tableModels(t, 'energyKWh')).toEqual((results[0].result as { models: { model: string }[] }).models.map((m) => m.model));
    expect(tableModels(t, 'energyKWh')).toEqual(['vm', 'container', 'container-in-vm']);
    const energy = tableSeries(t, 'deployment.vm.cpuOvercommit', 'energyKWh');
    expect(energy.map((p) => [p.x, p.runs])).toEqual([[1, 2], [2, 2]]);
    expect(energy.every((p) => typeof p.values.vm === 'number' && p.values.vm > 0)).toBe(true);
  });

  it('refuses what is not a merged table, naming the line and column or the JSON path', () => {
    const errors = (text: string, name: string) => {
      const r = parseMergedTable(enc(text), name);
      return r.ok ? [] : r.errors.map((e) => `${e.where}: ${e.message}`);
    };
    const csv = tableCsv(merged);
    const lines = csv.split('\n');
    expect(errors('a,b\n1,2\n', 'x.csv')[0]).toMatch(/^line 1: the columns must begin with "index,scenario"/);
    expect(errors('index,scenario,x\n0,a,1\n', 'x.csv')[0]).toMatch(/^line 1: there are no "status,error" columns/);
    expect(errors('index,scenario,status,error,hosts\n0,a,ok,,1\n', 'x.csv')[0]).toMatch(/^line 1: column "hosts" after "error" is not a figure of one model/);
    expect(errors([lines[0], lines[1], lines[2].replace(',ok,', ',ok,,')].join('\n'), 'x.csv')).toEqual([`line 3: ${merged.columns.length + 1} fields; the header has ${merged.columns.length}`]);
    expect(errors([lines[0], lines[1].replace(/^0,/, 'zero,')].join('\n'), 'x.csv')).toEqual(['line 2, column 1 (index): the run number must be a whole number >= 0, not "zero"']);
    expect(errors([lines[0], lines[1].replace(',ok,', ',done,')].join('\n'), 'x.csv')).toEqual(['line 2, column 5 (status): status must be "ok" or "failed", not "done"']);
    expect(errors([lines[0], lines[1], lines[1]].join('\n'), 'x.csv')).toEqual(['line 3: run 0 appears twice']);
    expect(errors('index,scenario,status,error\n', 'x.csv')).toEqual(['line 2: the table has no runs']);
    expect(errors('', 'x.csv')).toEqual(['line 1: the file is empty']);

    const doc = JSON.parse(tableJson(merged)) as { rows: Record<string, unknown>[]; runs: number; missing: number[] };
    expect(errors('{"batch":', 'x.json')[0]).toMatch(/^document: not valid JSON/);
    expect(errors(JSON.stringify({ ...doc, runs: 'seven' }), 'x.json')).toEqual([expect.stringMatching(/^\$\.runs: /)]);
    doc.rows[4]['vm.hostsUsed'] = { many: true };
    expect(errors(JSON.stringify(doc), 'x.json')).toEqual([expect.stringMatching(/^\$\.rows\[4\]\["vm\.hostsUsed"\]: |^\$\.rows\[4\]\.vm\.hostsUsed: /)]);
    doc.rows[4]['vm.hostsUsed'] = 20;
    doc.rows[2].status = 'maybe';
    expect(errors(JSON.stringify(doc), 'x.json')).toEqual([expect.stringMatching(/^\$\.rows\[2\]\.status: status must be "ok" or "failed"/)]);
    doc.rows[2].status = 'ok';
    doc.rows[1].extra = 1;
    expect(errors(JSON.stringify(doc), 'x.json')).toEqual(['$.rows[1]: "extra" is not one of the columns']);
    delete doc.rows[1].extra;
    expect(errors(JSON.stringify({ ...doc, runs: 3 }), 'x.json')).toContain('$.rows[3].index: run 3 is not in 0..2');
    expect(errors(JSON.stringify(doc), 'x.json')).toEqual([]);
    // Bytes that are not UTF-8 are named at their line and column.
    const bad = new Uint8Array([...enc('index,scenario,status,error\n0,'), 0xff, 0x0a]);
    const r = parseMergedTable(bad, 'x.csv');
    expect(r.ok ? '' : r.errors[0].where).toMatch(/line 2/);
  });
});

describe('the app\'s sweep as a batch file', () => {
  const scenario = exampleScenario(EXAMPLES[0]);

  it('is a valid batch of the scenario inline × the grid × seeds, that the planner numbers as the app ran it', () => {
    const r = sweepBatchFile({ scenario, param: 'deployment.vm.cpuOvercommit', values: [1, 1.5, 2], seeds: '1..2' });
    if (!r.ok) throw new Error(JSON.stringify(r.errors));
    expect(r.runs).toBe(6);
    const parsed = parseBatchValue(JSON.parse(r.text));
    if (!parsed.ok) throw new Error('invalid');
    const b = parsed.batch;
    expect(b).toMatchObject({ command: 'compare', grid: [{ param: 'deployment.vm.cpuOvercommit', values: [1, 1.5, 2] }], seeds: [1, 2], headroom: false });
    expect(b.scenarios).toEqual([{ name: scenario.name, scenario: JSON.parse(JSON.stringify(scenario)) }]);
    const plan = planBatch({ name: b.name!, command: b.command, scenarios: [{ name: scenario.name, doc: (b.scenarios[0] as { scenario: unknown }).scenario }],
      grid: b.grid, seeds: b.seeds, headroom: b.headroom, series: b.series });
    expect(plan.runs).toBe(6);
    expect(runAt(plan, 3)).toMatchObject({ params: { 'deployment.vm.cpuOvercommit': 1.5 }, seed: 2 });
    expect(r.text.endsWith('}\n')).toBe(true);
  });

  it('names what is wrong by the batch file\'s JSON path', () => {
    const errors = (over: object) => { const r = sweepBatchFile({ scenario, param: 'deployment.vm.cpuOvercommit', values: [1], ...over }); return r.ok ? [] : r.errors; };
    expect(errors({ param: 'deployment.vm.cpuOvercomit' })).toEqual([{ where: '$.grid[0].param', message: 'the scenario format has no parameter deployment.vm.cpuOvercomit' }]);
    expect(errors({ values: [] })).toEqual([expect.objectContaining({ where: '$.grid[0].values' })]);
    expect(errors({ seeds: '1,x' })).toEqual([{ where: '$.seeds', message: '"x" is not a whole number >= 0' }]);
    expect(errors({ seeds: '3..1' })).toEqual([expect.objectContaining({ where: '$.seeds' })]);
    expect(errors({ seeds: ' ' })).toEqual([]);
  });

  it('is saved under a .hostfit-batch.json name', () => {
    expect(batchFileName('Small web tier')).toBe('small-web-tier-sweep.hostfit-batch.json');
    expect(batchFileName('小型 Web 层')).toBe('小型-web-层-sweep.hostfit-batch.json');
    expect(batchFileName('***')).toBe('sweep-sweep.hostfit-batch.json');
  });
});
