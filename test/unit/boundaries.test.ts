// The layer rules of DESIGN.md §3 are lint errors: check that the lint configuration really rejects each
// forbidden import (a rule that silently matched nothing would let the layers erode).
import { ESLint } from 'eslint';
import { describe, expect, it } from 'vitest';

const eslint = new ESLint({ cwd: new URL('../../', import.meta.url).pathname });

async function errors(file: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath: file });
  return result.messages.filter((m) => m.severity === 2).map((m) => m.ruleId ?? m.message);
}

describe('layer boundaries', () => {
  it.each([
    ['core/x.ts', "import { readFileSync } from 'node:fs'; export const x = readFileSync;"],
    ['core/x.ts', "import { app } from 'electron'; export const x = app;"],
    ['core/x.ts', "import { ref } from 'vue'; export const x = ref;"],
    ['core/x.ts', "import { x as y } from '../renderer/src/y'; export const x = y;"],
    ['core/x.ts', 'export const x = Math.random();'],
    ['core/x.ts', 'export const x = Date.now();'],
    ['core/x.ts', 'export const x = window;'],
    ['renderer/src/x.ts', "import { readFile } from 'node:fs/promises'; export const x = readFile;"],
    ['renderer/src/x.ts', "import { ipcRenderer } from 'electron'; export const x = ipcRenderer;"],
    ['renderer/src/x.ts', "import { ScenarioFiles } from '../../electron/main/files/scenario-files'; export const x = ScenarioFiles;"],
    ['electron/main/x.ts', "import { planScenario } from '../../core/plan/plan'; export const x = planScenario;"],
    ['electron/main/x.ts', "import { WasmPacker } from '../../core/kernel/wasm-packer'; export const x = WasmPacker;"],
    ['electron/preload/x.ts', "import { parseScenarioText } from '../../core/scenario/parse'; export const x = parseScenarioText;"],
    ['electron/preload/x.ts', "import { readFileSync } from 'node:fs'; export const x = readFileSync;"],
  ])('%s: rejects %s', async (file, code) => {
    expect(await errors(file, code)).toContain(code.includes('Math.random') || code.includes('Date.now') ? 'no-restricted-properties'
      : code.includes('window') && !code.includes('import') ? 'no-restricted-globals' : 'no-restricted-imports');
  });

  it.each([
    ['core/x.ts', "import { SIZE_KEY_MAX } from '../assembly/abi'; export const x = SIZE_KEY_MAX;"],
    ['electron/preload/x.ts', "import { IPC } from '../../core/desktop/api'; export const x = IPC;"],
    ['renderer/src/x.ts', "import { planScenario } from '../../core/plan/plan'; export const x = planScenario;"],
  ])('%s: allows %s', async (file, code) => {
    expect(await errors(file, code)).toEqual([]);
  });
});
