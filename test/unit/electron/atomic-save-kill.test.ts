// Saves killed with SIGKILL at random moments, hundreds of times, in child processes: the target must always be
// a complete, valid old or new scenario file. The child runs the real writeFileAtomic (transpiled once to plain
// JavaScript so a child starts in a few tens of milliseconds). A control run shows the same harness catches a
// save that is not atomic.
import { spawn } from 'node:child_process';
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';
import { EXAMPLES, exampleText } from '../../../core/examples/index';
import { parseScenarioText } from '../../../core/scenario/parse';
import { seededRandom } from './support/random';
import { tempDir } from './support/temp';

const KILLS_PER_LANE = 100;
const LANES = 2;

function childScript(dir: string, atomic: boolean): string {
  const source = readFileSync(new URL('../../../electron/main/files/atomic-write.ts', import.meta.url), 'utf8');
  const js = ts.transpileModule(source, { compilerOptions: { module: ts.ModuleKind.ESNext, target: ts.ScriptTarget.ES2022 } }).outputText;
  writeFileSync(join(dir, 'atomic-write.mjs'), js);
  const script = join(dir, atomic ? 'saver.mjs' : 'naive-saver.mjs');
  writeFileSync(script, `
import { readFileSync } from 'node:fs';
import { writeFile } from 'node:fs/promises';
import { writeFileAtomic } from './atomic-write.mjs';
const [target, a, b] = process.argv.slice(2);
const versions = [readFileSync(a), readFileSync(b)];
const save = ${atomic ? 'writeFileAtomic' : 'writeFile'};
process.stdout.write('ready\\n');
for (let i = 0; ; i++) await save(target, versions[i % 2]);
`);
  return script;
}

/** Starts a saver, kills it with SIGKILL `delayMs` after it started saving, and waits until it is gone. */
function killMidSave(script: string, args: string[], delayMs: number): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [script, ...args], { stdio: ['ignore', 'pipe', 'inherit'] });
    child.on('error', reject);
    child.on('exit', () => resolve());
    child.stdout.once('data', () => setTimeout(() => child.kill('SIGKILL'), delayMs));
  });
}

describe('atomic save under SIGKILL', () => {
  const versionA = exampleText(EXAMPLES.find((e) => e.id === 'fleet')!);
  const versionB = exampleText(EXAMPLES.find((e) => e.id === 'multi-tenant')!);

  it(`leaves a complete old or new file after ${KILLS_PER_LANE * LANES} kills at random moments`, async () => {
    const dir = tempDir('hostfit-kill-');
    const script = childScript(dir, true);
    writeFileSync(join(dir, 'a.json'), versionA);
    writeFileSync(join(dir, 'b.json'), versionB);
    const random = seededRandom(20240611);
    const seen = { a: 0, b: 0 };
    const lane = async (id: number) => {
      const target = join(dir, `plan-${id}.hostfit.json`);
      writeFileSync(target, versionA);
      for (let i = 0; i < KILLS_PER_LANE; i++) {
        await killMidSave(script, [target, join(dir, 'a.json'), join(dir, 'b.json')], Math.floor(random() * 12));
        const now = readFileSync(target, 'utf8');
        expect(now === versionA || now === versionB, `kill ${i} of lane ${id} left a torn file (${now.length} chars)`).toBe(true);
        seen[now === versionA ? 'a' : 'b']++;
      }
      expect(parseScenarioText(readFileSync(target, 'utf8')).ok).toBe(true);
    };
    await Promise.all(Array.from({ length: LANES }, (_, id) => lane(id)));
    // Kills landed while both versions were current (so they hit saves in progress, not an idle process).
    expect(seen.a).toBeGreaterThan(10);
    expect(seen.b).toBeGreaterThan(10);
    // Killed saves leave only their temporary files, recognisable for the sweep.
    for (const name of readdirSync(dir)) expect(name).toMatch(/^(a|b)\.json$|^plan-\d\.hostfit\.json$|^\.plan-\d\.hostfit\.json\.[0-9a-f]{12}\.tmp$|\.mjs$/);
  }, 180_000); // spawns and kills writer processes: slow on a loaded two-core machine

  it('control: the same harness catches a plain (non-atomic) save tearing the file', async () => {
    const dir = tempDir('hostfit-kill-naive-');
    const script = childScript(dir, false);
    // Large versions, so a kill lands mid-write.
    const big = (s: string) => s.repeat(12);
    writeFileSync(join(dir, 'a.json'), big(versionA));
    writeFileSync(join(dir, 'b.json'), big(versionB));
    const target = join(dir, 'plan.hostfit.json');
    writeFileSync(target, big(versionA));
    const random = seededRandom(7);
    let torn = 0;
    for (let i = 0; i < 40 && torn === 0; i++) {
      await killMidSave(script, [target, join(dir, 'a.json'), join(dir, 'b.json')], 2 + Math.floor(random() * 10));
      const now = readFileSync(target, 'utf8');
      if (now !== big(versionA) && now !== big(versionB)) torn++;
    }
    expect(torn).toBeGreaterThan(0);
  }, 30_000);
});
