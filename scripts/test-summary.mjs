// Totals over every test runner (Vitest and Playwright JSON reports) as one plain line:
//   N passed, N failed, N skipped
// Exits non-zero when anything failed or a report is missing. `--failed-step NAME` counts a step that failed
// before the runners (build, type-check, lint) as one failure.
import { existsSync, readFileSync } from 'node:fs';

const reports = {
  vitest: 'test-results/vitest.json',
  playwright: 'test-results/playwright.json',
};

let passed = 0, failed = 0, skipped = 0;
const missing = [];

if (existsSync(reports.vitest)) {
  const v = JSON.parse(readFileSync(reports.vitest, 'utf8'));
  passed += v.numPassedTests;
  failed += v.numFailedTests;
  skipped += v.numPendingTests + v.numTodoTests;
  // A file that failed to load has no tests but is a failure.
  failed += (v.testResults ?? []).filter((f) => f.status === 'failed' && (f.assertionResults ?? []).length === 0).length;
} else missing.push('vitest');

if (existsSync(reports.playwright)) {
  const s = JSON.parse(readFileSync(reports.playwright, 'utf8')).stats;
  passed += s.expected + s.flaky;
  failed += s.unexpected;
  skipped += s.skipped;
  failed += (JSON.parse(readFileSync(reports.playwright, 'utf8')).errors ?? []).length;
} else missing.push('playwright');

const failedStep = process.argv.indexOf('--failed-step');
if (failedStep >= 0) {
  failed += 1;
  console.error(`step failed before or outside the test runners: ${process.argv[failedStep + 1] ?? 'unknown'}`);
} else if (missing.length > 0) {
  failed += missing.length;
  console.error(`no report from: ${missing.join(', ')}`);
}

console.log(`${passed} passed, ${failed} failed${skipped > 0 ? `, ${skipped} skipped` : ''}`);
process.exit(failed > 0 ? 1 : 0);
