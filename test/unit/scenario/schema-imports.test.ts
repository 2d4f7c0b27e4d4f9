// The scenario schema sits below the deployment models: it defines the file format, and the model checks
// (core/model/validate.ts) run as their own step after parsing. An import of the models from the schema closed
// a circle of seven files (schema → model/validate → model/container → … → schema); this keeps it open.
import { readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseScenarioValue } from '../../../core/scenario/parse';
import { validateScenario } from '../../../core/edit/validate';
import { minimalInput } from '../../support/scenarios';

const root = new URL('../../../', import.meta.url).pathname;

/** Every file `file` imports (values and types), as absolute paths of .ts files. */
function importsOf(file: string): string[] {
  const text = readFileSync(file, 'utf8');
  const out: string[] = [];
  for (const m of text.matchAll(/^\s*(?:import|export)\s[^'"]*?from\s+'(\.[^']+)'/gm)) out.push(resolve(dirname(file), `${m[1]}.ts`));
  return out;
}

/** Files reachable from `start`, and whether `start` reaches itself again. */
function reach(start: string): { files: Set<string>; circle: boolean } {
  const files = new Set<string>();
  const todo = [start];
  let circle = false;
  while (todo.length > 0) {
    for (const next of importsOf(todo.pop()!)) {
      if (next === start) circle = true;
      if (!files.has(next)) { files.add(next); todo.push(next); }
    }
  }
  return { files, circle };
}

describe('scenario schema imports', () => {
  it('reaches no deployment model and no circle leads back to it', () => {
    const { files, circle } = reach(`${root}core/scenario/schema.ts`);
    expect(circle).toBe(false);
    const models = [...files].filter((f) => f.includes('/core/model/') && !f.endsWith('/core/model/defaults.ts'));
    expect(models).toEqual([]);
  });

  it('the model checks still run when a file is parsed and when the editor validates, at the same path', () => {
    const input = minimalInput();
    input.services[0].demand = { cpuCores: 12, memoryGiB: 8 }; // no flavour holds it
    const parsed = parseScenarioValue(input);
    expect(parsed.ok).toBe(false);
    if (parsed.ok) return;
    expect(parsed.errors.map((e) => e.where)).toEqual(['$.deployment.vm.flavours']);
    const issues = validateScenario(input);
    expect(issues.map((i) => ({ where: i.where, message: i.message }))).toEqual(parsed.errors);
  });
});
