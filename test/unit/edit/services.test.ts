import { describe, expect, it } from 'vitest';
import { addService, bulkEdit, duplicateServices, pasteCells, removeServices, setServiceCell } from '../../../core/edit/services';
import { columnByKey, columnForHeader } from '../../../core/edit/service-columns';
import { checkField, fieldSpec, valueFromText } from '../../../core/edit/schema-fields';
import { validateScenario } from '../../../core/edit/validate';
import { EXAMPLES, exampleScenario } from '../../../core/examples/index';
import { parseScenarioValue } from '../../../core/scenario/parse';

const web = () => exampleScenario(EXAMPLES[0]);
const col = (key: string) => columnByKey(key)!;

describe('service edits', () => {
  it('sets one cell and shares every other service', () => {
    const s = web();
    const next = setServiceCell(s, 1, col('replicas'), 20);
    expect(next.services[1].replicas).toBe(20);
    expect(s.services[1].replicas).toBe(16);
    expect(next.services[0]).toBe(s.services[0]);
    expect(next.hostModels).toBe(s.hostModels);
  });

  it('reports an invalid cell with the file validator\'s message at its JSON path', () => {
    const next = setServiceCell(web(), 2, col('cpuCores'), -1);
    const issues = validateScenario(next);
    expect(issues).toEqual([expect.objectContaining({ where: '$.services[2].demand.cpuCores' })]);
    const fromFile = parseScenarioValue(JSON.parse(JSON.stringify(next)));
    expect(fromFile.ok).toBe(false);
    if (!fromFile.ok) expect(fromFile.errors[0]).toEqual({ where: issues[0].where, message: issues[0].message });
  });

  it('removes the spread when its domain is cleared', () => {
    const s = web();
    expect(s.services[1].spread).toBeDefined();
    const next = setServiceCell(s, 1, col('spreadDomain'), undefined);
    expect(next.services[1].spread).toBeUndefined();
    expect(validateScenario(next)).toEqual([]);
  });

  it('bulk-edits many services in one step: set, add, multiply (whole numbers rounded)', () => {
    const s = web();
    const set = bulkEdit(s, [0, 2], col('isolation'), 'set', 'vm');
    expect([set.services[0].isolation, set.services[1].isolation, set.services[2].isolation]).toEqual(['vm', 'shared-kernel', 'vm']);
    const times = bulkEdit(s, [0, 1], col('replicas'), 'multiply', 1.5);
    expect([times.services[0].replicas, times.services[1].replicas]).toEqual([18, 24]);
    const plus = bulkEdit(s, [3], col('cpuCores'), 'add', 0.5);
    expect(plus.services[3].demand.cpuCores).toBe(4.5);
    expect(bulkEdit(s, [0], col('name'), 'multiply', 2)).toBe(s);
  });

  it('adds, duplicates and removes with fresh valid ids', () => {
    const s = web();
    const added = addService(s);
    expect(added.scenario.services).toHaveLength(s.services.length + 1);
    const dup = duplicateServices(added.scenario, [0, 1]);
    expect(dup.services.map((x) => x.id).slice(0, 4)).toEqual(['frontend', 'frontend-copy', 'api', 'api-copy']);
    expect(validateScenario(dup)).toEqual([]);
    const removed = removeServices(dup, [1, 3]);
    expect(removed.services.map((x) => x.id)).toEqual([...s.services.map((x) => x.id), added.scenario.services.at(-1)!.id]);
  });

  it('pastes a spreadsheet block at a cell, in the order the table shows the rows', () => {
    const s = web();
    const shown = [6, 5, 4, 3, 2, 1, 0]; // e.g. sorted descending
    const out = pasteCells(s, shown, 0, 3, [['7', '2.5'], ['8', 'lots'], ['9', '1']], [col('id'), col('name'), col('tenant'), col('replicas'), col('cpuCores')]);
    expect(out.cells).toBe(6);
    expect([out.scenario.services[6].replicas, out.scenario.services[6].demand.cpuCores]).toEqual([7, 2.5]);
    expect(out.scenario.services[5].replicas).toBe(8);
    expect(validateScenario(out.scenario)).toEqual([expect.objectContaining({ where: '$.services[5].demand.cpuCores', message: expect.stringContaining('expected number') })]);
    const beyond = pasteCells(s, shown, 6, 3, [['1'], ['2'], ['3']], [col('replicas')]);
    expect(beyond.rowsBeyondEnd).toBe(2);
  });
});

describe('field kinds from the schema', () => {
  it('reads kinds, limits and choices', () => {
    expect(fieldSpec(['services', 0, 'replicas'])).toMatchObject({ kind: 'int', min: 0 });
    expect(fieldSpec(['services', 0, 'demand', 'cpuCores'])).toMatchObject({ kind: 'number', min: 0 });
    expect(fieldSpec(['services', 0, 'isolation']).options).toEqual(['shared-kernel', 'sandbox', 'vm', 'dedicated-host']);
    expect(fieldSpec(['policy', 'sizeKey']).options).toContain('l2');
    expect(fieldSpec(['deployment', 'container', 'sidecar', 'enabled']).kind).toBe('boolean');
    expect(fieldSpec(['services', 0, 'priority']).optional).toBe(true);
    expect(fieldSpec(['nope']).kind).toBe('unknown');
  });

  it('checks one field with the file validator\'s messages', () => {
    expect(checkField(['services', 0, 'replicas'], 2.5)).toEqual([expect.stringMatching(/expected int/)]);
    expect(checkField(['services', 0, 'replicas'], 3)).toEqual([]);
  });

  it('turns typed text into values, keeping non-numbers as text for the validator', () => {
    const int = fieldSpec(['services', 0, 'replicas']);
    expect(valueFromText(int, ' 12 ')).toBe(12);
    expect(valueFromText(int, '1 000')).toBe(1000);
    expect(valueFromText(int, 'twelve')).toBe('twelve');
    expect(valueFromText(int, '')).toBeUndefined();
    expect(valueFromText(fieldSpec(['deployment', 'container', 'sidecar', 'enabled']), 'yes')).toBe(true);
  });

  it('matches CSV headers by key or alias', () => {
    expect(columnForHeader('CPU cores')?.key).toBe('cpuCores');
    expect(columnForHeader('memory_gib')?.key).toBe('memoryGiB');
    expect(columnForHeader('spreadMax')?.key).toBe('spreadMax');
    expect(columnForHeader('colour')).toBeUndefined();
  });
});
