// Every parameter the Sweep tab offers can be saved as a batch file that `hostfit batch` plans: the app's path
// language (core/edit/json-path) and the command line's (core/compare/sweep) agree on each of them, and the
// documented default, written at that path, is a valid run.
import { describe, expect, it } from 'vitest';
import { planBatch } from '../../../core/batch/expand';
import { parseBatchValue } from '../../../core/batch/schema';
import { sweepBatchFile } from '../../../core/batch/sweep-file';
import { parsePath } from '../../../core/edit/json-path';
import { fieldSpec } from '../../../core/edit/schema-fields';
import { exampleScenario, EXAMPLES } from '../../../core/examples/index';
import { DOCUMENTED_DEFAULTS } from '../../../core/model/defaults';

// The Sweep tab's list (SweepPanel.vue): numeric documented parameters outside lists.
const parameters = DOCUMENTED_DEFAULTS.filter((d) => !d.path.includes('[]') && ['number', 'int'].includes(fieldSpec(parsePath(d.path)).kind));

describe('the Sweep tab\'s parameters as batch files', () => {
  it('are all valid batches of the example, with the default value as their one run', { timeout: 60_000 }, () => {
    expect(parameters.length).toBeGreaterThan(10);
    const scenario = exampleScenario(EXAMPLES[0]);
    for (const p of parameters) {
      const value = typeof p.value === 'number' ? p.value : 1;
      const file = sweepBatchFile({ scenario, param: p.path, values: [value] });
      expect(file.ok ? '' : JSON.stringify(file.errors), p.path).toBe('');
      if (!file.ok) continue;
      const parsed = parseBatchValue(JSON.parse(file.text));
      if (!parsed.ok) throw new Error(p.path);
      const b = parsed.batch;
      const entry = b.scenarios[0] as { name: string; scenario: unknown };
      expect(() => planBatch({ name: 'x', command: b.command, scenarios: [{ name: entry.name, doc: entry.scenario }], grid: b.grid, headroom: false, series: false }), p.path).not.toThrow();
    }
  });
});
