// The Sweep tab's round trip through the command line: the sweep the app ran is saved as a batch file, that file
// is run by `hostfit batch` (the command's source, in this process) and merged by `hostfit batch merge`, and the
// merged table, opened back in the tab, charts the same numbers as the app's own sweep — as CSV and as JSON.
// The app's planner here is the plan worker's pipeline in-thread (WASM kernel, planModels, compareAnswers).
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { flushPromises } from '@vue/test-utils';
import { describe, expect, it } from 'vitest';
import type { DesktopApi, OpenTableResult } from '../../core/desktop/api';
import { compareAnswers } from '../../core/compare/compare';
import { WasmPacker } from '../../core/kernel/wasm-packer';
import { planModels } from '../../core/plan/plan';
import type { Scenario } from '../../core/scenario/schema';
import { command as batchCommand } from '../../electron/cli/commands/batch';
import ChartCard from '../../renderer/src/components/common/ChartCard.vue';
import SweepPanel from '../../renderer/src/components/results/SweepPanel.vue';
import { provideDesktopApi } from '../../renderer/src/platform/desktop';
import { useBatchStore } from '../../renderer/src/stores/batch';
import { useSweepStore } from '../../renderer/src/stores/sweep';
import type { Planner } from '../../renderer/src/workers/plan-client';
import type { PlanOptions } from '../../renderer/src/workers/protocol';
import { mountWith } from './workbench/mount';

// (The repository root as a path: under happy-dom, URL is the DOM's.)
const kernel = readFileSync(join(process.cwd(), 'assembly', 'build', 'kernel.release.wasm'));

/** What the plan worker does for a sweep point, without the worker. */
function inThreadPlanner(): Planner {
  const packer = WasmPacker.fromBytes(kernel);
  return {
    async run(scenario: Scenario, _progress, options: PlanOptions = {}) {
      const { result, answers } = planModels(scenario, packer);
      const comparison = options.compare ? compareAnswers(scenario, packer, result, answers, { headroom: options.headroom ?? false }) : null;
      return { result, detail: null, comparison, compareError: '' };
    },
    simulate: () => Promise.reject(new Error('not in this test')),
    cancel: () => undefined,
  };
}

/** The desktop API as the Sweep tab uses it: the saved batch file is kept, the merged result is handed back. */
function batchApi() {
  const state = { saved: [] as { name: string; text: string }[], table: null as OpenTableResult | null };
  const api = {
    kind: 'browser',
    saveBatchFile: async (name: string, text: string) => { state.saved.push({ name, text }); return { ok: true, name } as const; },
    openBatchResult: async () => state.table ?? { ok: false, reason: 'cancelled' } as const,
  } as unknown as DesktopApi;
  return { api, state };
}

async function cli(args: string[]): Promise<string> {
  let err = '';
  const out = await batchCommand.run(args, { err: (s: string) => { err += s; } });
  expect(err).not.toMatch(/failed/);
  return out;
}

interface SeriesOut { name: string; data: [number, number | null][] }
const series = (option: unknown) => (option as { series: SeriesOut[] }).series.map((s) => ({ name: s.name, data: s.data }));

describe('the Sweep tab through hostfit batch and back', () => {
  it('charts the merged result of its own batch file with the numbers of its own sweep', { timeout: 120_000 }, async () => {
    const { api, state } = batchApi();
    provideDesktopApi(api);
    const wrapper = mountWith(SweepPanel, { global: { stubs: { ChartCard: true } } });
    const sweep = useSweepStore();
    sweep.usePlanner(inThreadPlanner());
    const batch = useBatchStore();

    await wrapper.get('[data-testid="sweep-values"]').setValue('1, 1.5, 2, 3, 4');
    await wrapper.get('[data-testid="sweep-run"]').trigger('click');
    for (let i = 0; i < 200 && (sweep.running || sweep.points.length < 5); i++) await flushPromises();
    expect(sweep.points.map((p) => [p.value, p.error])).toEqual([[1, ''], [1.5, ''], [2, ''], [3, ''], [4, '']]);
    const appChart = wrapper.findAllComponents(ChartCard).find((c) => c.props('testId') === 'sweep-chart')!;
    const appSeries = series(appChart.props('option'));
    // Two lines per model (hosts, bound) and the hosts really vary with the overcommit: the test can tell a mix-up.
    expect(appSeries.length).toBeGreaterThanOrEqual(4);
    expect(new Set(appSeries[0].data.map((p) => p[1])).size).toBeGreaterThan(1);

    await wrapper.get('[data-testid="batch-save"]').trigger('click');
    await flushPromises();
    expect(state.saved.map((s) => s.name)).toEqual(['small-web-tier-sweep.hostfit-batch.json']);
    expect(wrapper.get('[data-testid="batch-saved"]').text()).toContain('5 runs');

    const dir = mkdtempSync(join(tmpdir(), 'hostfit-roundtrip-'));
    const file = join(dir, state.saved[0].name);
    writeFileSync(file, state.saved[0].text);
    await cli([file, '--out', join(dir, 'r.jsonl')]);
    await cli(['merge', join(dir, 'r.jsonl'), '--out', join(dir, 'table.csv')]);
    await cli(['merge', join(dir, 'r.jsonl'), '--out', join(dir, 'table.json')]);

    for (const name of ['table.csv', 'table.json']) {
      batch.close();
      await flushPromises();
      state.table = { ok: true, name, bytes: new Uint8Array(readFileSync(join(dir, name))) };
      await wrapper.get('[data-testid="batch-open"]').trigger('click');
      await flushPromises();
      expect(wrapper.find('[data-testid="batch-errors"]').exists(), name).toBe(false);
      expect(wrapper.get('[data-testid="batch-result-summary"]').text()).toBe(`${name}: 5 of 5 runs, 0 failed, 0 missing`);
      const batchChart = wrapper.findAllComponents(ChartCard).find((c) => c.props('testId') === 'batch-chart')!;
      expect(series(batchChart.props('option')), name).toEqual(appSeries);
      // The table beside the chart shows the same hosts per value.
      const rows = wrapper.findAll('[data-testid="batch-table"] tbody tr').map((r) => r.findAll('td').map((td) => td.text()));
      expect(rows.map((r) => r[2])).toEqual(appSeries[0].data.map((p) => String(p[1])));
    }
  });

  it('keeps the tab usable and names the place when the opened file is not a merged result', async () => {
    const { api, state } = batchApi();
    provideDesktopApi(api);
    const wrapper = mountWith(SweepPanel, { global: { stubs: { ChartCard: true } } });
    state.table = { ok: true, name: 'r.jsonl', bytes: new TextEncoder().encode('{"batch":"x","runs":1}\n') };
    await wrapper.get('[data-testid="batch-open"]').trigger('click');
    await flushPromises();
    expect(wrapper.get('[data-testid="batch-errors"]').text()).toMatch(/Cannot open the merged result r\.jsonl.*\$\.missing/);
    expect(wrapper.find('[data-testid="batch-result"]').exists()).toBe(false);
    state.table = { ok: true, name: 't.csv', bytes: new TextEncoder().encode('index,scenario,x,status,error,vm.hostsUsed\n0,a,1,ok,,3\n1,a,2,ok\n') };
    await wrapper.get('[data-testid="batch-open"]').trigger('click');
    await flushPromises();
    expect(wrapper.get('[data-testid="batch-errors"]').text()).toContain('line 3: 4 fields; the header has 6');
    state.table = { ok: false, reason: 'error', message: 'big.csv: the file is 300 MiB; the largest batch result the app opens is 256 MiB' };
    await wrapper.get('[data-testid="batch-open"]').trigger('click');
    await flushPromises();
    expect(wrapper.get('[data-testid="batch-errors"]').text()).toContain('300 MiB');
    // A bad seed list is named by the batch file's path, and nothing is saved.
    await wrapper.get('[data-testid="batch-seeds"]').setValue('1..x');
    await wrapper.get('[data-testid="batch-save"]').trigger('click');
    await flushPromises();
    expect(wrapper.get('[data-testid="batch-errors"]').text()).toMatch(/was not saved.*\$\.seeds/);
    expect(state.saved).toEqual([]);
    // Still usable: a good table opens after the errors.
    state.table = { ok: true, name: 't.csv', bytes: new TextEncoder().encode('index,scenario,x,status,error,vm.hostsUsed\n0,a,1,ok,,3\n1,a,2,ok,,5\n') };
    await wrapper.get('[data-testid="batch-open"]').trigger('click');
    await flushPromises();
    expect(wrapper.find('[data-testid="batch-errors"]').exists()).toBe(false);
    expect(wrapper.get('[data-testid="batch-table"]').text()).toContain('5');
  });
});
