// The Sweep tab's way to a cluster and back: the sweep saved as a batch file (`hostfit batch` runs it, sharded,
// on Kubernetes, Slurm or a laptop) and the merged result (`hostfit batch merge`, CSV or JSON) opened to chart
// it. Files go through the desktop API; a file that is not what it should be leaves the errors, each naming its
// line or JSON path, and the tab as it was.
import { defineStore } from 'pinia';
import { ref, shallowRef } from 'vue';
import { batchFileName, sweepBatchFile } from '../../../core/batch/sweep-file';
import { numericAxes, tableFigures, type ReadTable, type TableError } from '../../../core/batch/table';
import { desktopApi } from '../platform/desktop';
import { parseTableOffThread } from '../workers/table-client';
import { useScenarioStore } from './scenario';

export interface BatchSaveRequest {
  readonly param: string;
  readonly values: readonly number[];
  /** Seeds to repeat each value with, in the `--values` language (`1..10`); empty for none. */
  readonly seeds: string;
}

export interface BatchProblem {
  readonly action: 'save' | 'open';
  /** The file concerned (the suggested or opened name). */
  readonly file: string;
  readonly errors: readonly TableError[];
}

const errorText = (e: unknown) => (e instanceof Error ? e.message : String(e));

export const useBatchStore = defineStore('batch', () => {
  const doc = useScenarioStore();
  const busy = ref<'save' | 'open' | null>(null);
  const problem = shallowRef<BatchProblem | null>(null);
  /** The last batch file written: its name and number of runs. */
  const saved = shallowRef<{ readonly name: string; readonly runs: number } | null>(null);
  const table = shallowRef<ReadTable | null>(null);
  const tableName = ref('');
  /** The axis on x and the figure on y of the opened table's chart. */
  const x = ref('');
  const figure = ref('');

  async function save(request: BatchSaveRequest): Promise<boolean> {
    if (busy.value) return false;
    problem.value = null;
    saved.value = null;
    const scenario = doc.scenario;
    const name = batchFileName(scenario.name);
    const file = sweepBatchFile({ scenario, param: request.param, values: request.values, seeds: request.seeds });
    if (!file.ok) {
      problem.value = { action: 'save', file: name, errors: file.errors };
      return false;
    }
    busy.value = 'save';
    try {
      const r = await desktopApi().saveBatchFile(name, file.text);
      if (r.ok) saved.value = { name: r.name, runs: file.runs };
      else if (r.reason === 'error') problem.value = { action: 'save', file: name, errors: [{ where: name, message: r.message }] };
      return r.ok;
    } catch (e) {
      problem.value = { action: 'save', file: name, errors: [{ where: name, message: errorText(e) }] };
      return false;
    } finally {
      busy.value = null;
    }
  }

  /** Shows a table (opened, or handed over by a test); false with the errors kept when it is not a merged table. */
  async function show(bytes: Uint8Array, name: string): Promise<boolean> {
    const parsed = await parseTableOffThread(bytes, name);
    if (!parsed.ok) {
      problem.value = { action: 'open', file: name, errors: parsed.errors };
      return false;
    }
    const axes = numericAxes(parsed.table);
    const figures = tableFigures(parsed.table);
    if (axes.length === 0 || figures.length === 0) {
      problem.value = { action: 'open', file: name, errors: [{
        where: axes.length === 0 ? 'columns' : 'rows',
        message: axes.length === 0
          ? 'the batch has no numeric axis to draw along (a grid parameter with number values, days or seeds)'
          : 'no run has a number to draw (every run failed?)',
      }] };
      return false;
    }
    table.value = parsed.table;
    tableName.value = name;
    x.value = axes[0];
    // Hosts first: a comparison's hosts used, a simulation's hosts (then its energy).
    figure.value = ['hostsUsed', 'hosts', 'energyKWh'].find((f) => figures.includes(f)) ?? figures[0];
    return true;
  }

  async function open(): Promise<boolean> {
    if (busy.value) return false;
    problem.value = null;
    saved.value = null;
    busy.value = 'open';
    try {
      const r = await desktopApi().openBatchResult();
      if (!r.ok) {
        if (r.reason === 'error') problem.value = { action: 'open', file: '', errors: [{ where: 'file', message: r.message }] };
        return false;
      }
      return await show(r.bytes, r.name);
    } catch (e) {
      problem.value = { action: 'open', file: '', errors: [{ where: 'file', message: errorText(e) }] };
      return false;
    } finally {
      busy.value = null;
    }
  }

  function close(): void {
    table.value = null;
    tableName.value = '';
  }

  function dismiss(): void {
    problem.value = null;
    saved.value = null;
  }

  return { busy, problem, saved, table, tableName, x, figure, save, open, show, close, dismiss };
});
