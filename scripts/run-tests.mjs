// Runs every test runner (Vitest, then Playwright against the built renderer), each writing a JSON report to
// test-results/, and fails if either failed. Totals are printed by scripts/test-summary.mjs.
import { spawnSync } from 'node:child_process';
import { mkdirSync, rmSync } from 'node:fs';

rmSync('test-results', { recursive: true, force: true });
mkdirSync('test-results', { recursive: true });

const run = (args) => spawnSync(process.execPath, args, { stdio: 'inherit' }).status ?? 1;

const vitest = run(['node_modules/vitest/vitest.mjs', 'run', '--reporter=default', '--reporter=json', '--outputFile.json=test-results/vitest.json']);
const playwright = run(['node_modules/@playwright/test/cli.js', 'test']);
process.exit(vitest === 0 && playwright === 0 ? 0 : 1);
