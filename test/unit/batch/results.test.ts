import { describe, expect, it } from 'vitest';
import { planBatch, runAt } from '../../../core/batch/expand';
import { describeRuns, mergeResults, tableCsv, tableJson } from '../../../core/batch/merge';
import { readResults, resultLine, ResultsError, type ResultLine } from '../../../core/batch/results';
import { parsed, minimalInput } from '../../support/scenarios';

const spec = {
  name: 'b', command: 'compare' as const, scenarios: [{ name: 'a.json', doc: JSON.parse(JSON.stringify(parsed(minimalInput()))) }],
  grid: [{ param: 'deployment.vm.cpuOvercommit', values: '1..3' }], headroom: false, series: false,
};
const plan = planBatch(spec);
const comparison = (hosts: number) => ({ models: [{ id: 'vm', hostsUsed: hosts, lowerBound: { hosts: 1 }, gap: hosts - 1, unplaced: 0, cost: { totalUSD: 10 * hosts }, energy: { kWhPerMonth: 5 }, headroom: null }] });
const line = (i: number, ok = true, seconds = 0.1) => resultLine(plan, runAt(plan, i), ok ? { ok: true, result: comparison(i + 1) } : { ok: false, error: 'boom, "quoted"' }, seconds);
const enc = (s: string) => new TextEncoder().encode(s);
const lines = (s: string) => readResults(enc(s), 'f').lines;

describe('batch result files', () => {
  it('reads whole lines and detects a torn last line, keeping the bytes before it', () => {
    const two = line(0) + line(1);
    expect(readResults(enc(two), 'f')).toMatchObject({ torn: false, validBytes: enc(two).length });
    const torn = two + line(2).slice(0, 40);
    const r = readResults(enc(torn), 'f');
    expect(r.torn).toBe(true);
    expect(r.validBytes).toBe(enc(two).length);
    expect(r.lines.map((l) => l.index)).toEqual([0, 1]);
    expect(() => readResults(enc(`${line(0)}not json\n${line(1)}`), 'r.jsonl')).toThrow(/r\.jsonl line 2: not a batch result line/);
  });

  it('merges into one table in run order, whatever the sharding and file order, and names missing runs', () => {
    const whole = mergeResults([{ name: 'all', lines: lines(line(0) + line(1, false) + line(2)) }]);
    const shards = mergeResults([{ name: 's2', lines: lines(line(1, false, 9)) }, { name: 's1', lines: lines(line(0, true, 7) + line(2, true, 3)) }]);
    expect(tableCsv(shards)).toBe(tableCsv(whole)); // seconds are not in the table
    expect(tableJson(shards)).toBe(tableJson(whole));
    expect(whole.columns).toEqual(['index', 'scenario', 'deployment.vm.cpuOvercommit', 'status', 'error', 'vm.hostsUsed', 'vm.lowerBound', 'vm.gap',
      'vm.unplaced', 'vm.totalUSDPerMonth', 'vm.kWhPerMonth', 'vm.hostsNPlus1']);
    expect(tableCsv(whole).split('\n')[2]).toBe('1,a.json,2,failed,"boom, ""quoted""",,,,,,,');
    expect(whole.failed).toBe(1);
    const partial = mergeResults([{ name: 's1', lines: lines(line(0)) }]);
    expect(partial.missing).toEqual([1, 2]);
    expect(describeRuns([1, 2, 3, 7, 9, 10])).toBe('1–3, 7, 9–10');
  });

  it('carries each model\'s best, rule-aware bound and the gap to it after the volume bound\'s gap (the bound the app draws)', () => {
    const best = { models: [{ ...comparison(5).models[0], bestLowerBound: { hosts: 4 }, gapToBest: 1 }] };
    const t = mergeResults([{ name: 'a', lines: lines(resultLine(plan, runAt(plan, 0), { ok: true, result: best }, 0)) }]);
    expect(t.columns.slice(5, 10)).toEqual(['vm.hostsUsed', 'vm.lowerBound', 'vm.gap', 'vm.bestLowerBound', 'vm.gapToBest']);
    expect(t.rows[0].slice(5, 10)).toEqual([5, 1, 4, 4, 1]);
  });

  it('refuses to mix batches', () => {
    const other = planBatch({ ...spec, grid: [{ param: 'policy.seed', values: '1,2' }] });
    const foreign = resultLine(other, runAt(other, 0), { ok: false, error: 'x' }, 0);
    expect(() => mergeResults([{ name: 'a', lines: lines(line(0)) }, { name: 'b', lines: lines(foreign) }])).toThrow(ResultsError);
    expect(() => mergeResults([{ name: 'a', lines: [] as ResultLine[] }])).toThrow(/no results/);
  });
});
