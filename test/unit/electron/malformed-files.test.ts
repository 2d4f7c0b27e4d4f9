// Thousands of malformed scenario files, through the path a real one takes: the main process reads the bytes
// (and only reads), the parse worker's code decodes and validates them. Each must give a clear error naming
// where; nothing may throw; nothing may be written.
import { readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ScenarioFiles } from '../../../electron/main/files/scenario-files';
import { parseScenarioBytes } from '../../../core/scenario/bytes';
import { malformedFiles, matchesWhere } from './support/malformed';
import { snapshot, tempDir } from './support/temp';

const PER_KIND = 300;

describe('malformed scenario files', () => {
  const cases = malformedFiles(PER_KIND, 20240611);

  it(`each of ${cases.length} gives an error naming where, and nothing is written`, async () => {
    expect(cases.length).toBeGreaterThanOrEqual(2000);
    const dir = tempDir('hostfit-malformed-');
    cases.forEach((c, i) => writeFileSync(join(dir, `case-${i}.hostfit.json`), c.bytes));
    const before = snapshot(dir);
    const files = new ScenarioFiles({ chooseOpenPath: async () => null, chooseSavePath: async () => { throw new Error('no dialog may open'); } });
    const byKind = new Map<string, number>();
    for (let i = 0; i < cases.length; i++) {
      const c = cases[i];
      const read = await files.readPath(join(dir, `case-${i}.hostfit.json`));
      expect(read.ok).toBe(true);
      if (!read.ok) continue;
      const outcome = parseScenarioBytes(read.bytes);
      const label = `case ${i} (${c.kind})`;
      expect(outcome.ok, label).toBe(false);
      if (outcome.ok) continue;
      expect(outcome.errors.length, label).toBeGreaterThan(0);
      for (const e of outcome.errors) {
        expect(e.where, label).toMatch(/^\$|^line \d+, column \d+$|^document$/);
        expect(e.message.length, label).toBeGreaterThan(5);
      }
      expect(outcome.errors.some((e) => matchesWhere(e.where, c.where)), `${label}: ${JSON.stringify(outcome.errors.slice(0, 3))} should name ${c.where}`).toBe(true);
      if (c.message) expect(outcome.errors.some((e) => c.message!.test(e.message)), `${label}: ${JSON.stringify(outcome.errors.slice(0, 3))}`).toBe(true);
      byKind.set(c.kind, (byKind.get(c.kind) ?? 0) + 1);
    }
    expect(snapshot(dir)).toEqual(before);
    expect(readdirSync(dir)).toHaveLength(cases.length);
    expect([...byKind.keys()].sort()).toEqual(['UTF-16', 'bad version', 'dangling reference', 'deep nesting', 'duplicate id', 'empty',
      'huge number', 'not UTF-8', 'other JSON', 'other format', 'random bytes', 'truncated', 'wrong type']);
  }, 60_000);
});
