// The Sweep tab's way to a cluster and back, in the browser build: run a sweep, save it as a batch file (a
// download), run that file with `hostfit batch` and merge it with `hostfit batch merge` (the command line's
// sources), open the merged table in the tab and see it charted with the sweep's numbers. A file that is not a
// merged result is refused naming its line, and the tab keeps working.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, test, type Locator, type Page } from '@playwright/test';
import { paintedPixels } from './support';

const root = new URL('../../', import.meta.url).pathname;

/** The command line from its sources (tsx), as `npm run cli` runs it. */
function hostfit(args: string[]): string {
  return execFileSync(join(root, 'node_modules', '.bin', 'tsx'), [join(root, 'electron', 'cli', 'entry.ts'), ...args],
    { cwd: root, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'], env: { ...process.env, NODE_OPTIONS: '' } });
}

async function openTable(page: Page, file: { name: string; buffer: Buffer } | string): Promise<void> {
  const chooser = page.waitForEvent('filechooser');
  await page.getByTestId('batch-open').click();
  const picker = await chooser;
  if (typeof file === 'string') await picker.setFiles(file);
  else await picker.setFiles({ ...file, mimeType: 'text/csv' });
}

const column = (table: Locator, k: number) => table.locator('tbody tr').evaluateAll((rows, c) => rows.map((r) => r.children[c].textContent!.trim()), k);

test('a sweep saved as a batch file, run and merged by hostfit batch, opens back as the same chart', async ({ page }, info) => {
  test.setTimeout(120_000);
  const problems: string[] = [];
  page.on('console', (m) => { if (m.type() === 'error') problems.push(m.text()); });
  page.on('pageerror', (e) => problems.push(e.message));
  await page.goto('/');
  await expect(page.getByTestId('run-done')).toBeVisible({ timeout: 20_000 });

  await page.getByTestId('results-tab-sweep').click();
  await page.getByTestId('sweep-parameter').selectOption('deployment.vm.cpuOvercommit');
  await page.getByTestId('sweep-values').fill('1, 1.5, 2, 4');
  await page.getByTestId('sweep-run').click();
  const sweepTable = page.getByTestId('sweep-table');
  await expect(sweepTable.locator('tbody tr')).toHaveCount(4, { timeout: 30_000 });

  const download = page.waitForEvent('download');
  await page.getByTestId('batch-save').click();
  const saved = await download;
  expect(saved.suggestedFilename()).toBe('small-web-tier-sweep.hostfit-batch.json');
  await expect(page.getByTestId('batch-saved')).toContainText('4 runs');
  const dir = mkdtempSync(join(tmpdir(), 'hostfit-e2e-batch-'));
  const batchFile = join(dir, saved.suggestedFilename());
  await saved.saveAs(batchFile);
  const batch = JSON.parse(readFileSync(batchFile, 'utf8')) as { format: string; grid: unknown; scenarios: { name: string }[] };
  expect(batch).toMatchObject({ format: 'hostfit-batch', grid: [{ param: 'deployment.vm.cpuOvercommit', values: [1, 1.5, 2, 4] }], scenarios: [{ name: 'Small web tier' }] });

  // What a cluster does with it, on this machine: two shards, then the merge.
  for (const shard of ['1/2', '2/2']) hostfit(['batch', batchFile, '--shard', shard, '--out', join(dir, `r${shard[0]}.jsonl`)]);
  hostfit(['batch', 'merge', join(dir, 'r1.jsonl'), join(dir, 'r2.jsonl'), '--out', join(dir, 'table.csv')]);

  await openTable(page, join(dir, 'table.csv'));
  await expect(page.getByTestId('batch-result-summary')).toHaveText('table.csv: 4 of 4 runs, 0 failed, 0 missing');
  const batchTable = page.getByTestId('batch-table');
  await expect(batchTable.locator('tbody tr')).toHaveCount(4);
  // Hosts per value, model by model: the merged table's are the app's own.
  expect(await column(batchTable, 0)).toEqual(await column(sweepTable, 0));
  for (let m = 1; m <= 3; m++) expect(await column(batchTable, m + 1), `model ${m}`).toEqual(await column(sweepTable, m));
  const chart = page.getByTestId('batch-chart');
  await chart.scrollIntoViewIfNeeded();
  expect(await paintedPixels(chart)).toBeGreaterThan(500);
  await page.screenshot({ path: info.outputPath('batch-result.png'), fullPage: true });

  // Another figure of the same runs: cost per month.
  await page.getByTestId('batch-figure').selectOption('totalUSDPerMonth');
  await expect(chart).toContainText('Cost per month');

  // A file that is not a merged result: named at its line; the chart stays and the tab keeps working.
  await openTable(page, { name: 'results.csv', buffer: Buffer.from('index,scenario,status,error,vm.hostsUsed\n0,a,ok,,3\n1,a,ok\n') });
  await expect(page.getByTestId('batch-errors')).toContainText('Cannot open the merged result results.csv');
  await expect(page.getByTestId('batch-errors')).toContainText('line 3');
  await expect(page.getByTestId('batch-result')).toBeVisible();
  await page.screenshot({ path: info.outputPath('batch-error.png'), fullPage: false });
  writeFileSync(join(dir, 'again.json'), hostfit(['batch', 'merge', join(dir, 'r1.jsonl'), join(dir, 'r2.jsonl'), '--json']));
  await openTable(page, join(dir, 'again.json'));
  await expect(page.getByTestId('batch-errors')).toHaveCount(0);
  await expect(page.getByTestId('batch-result-summary')).toHaveText('again.json: 4 of 4 runs, 0 failed, 0 missing');

  // In Simplified Chinese the same result reads in Chinese, chart included.
  await page.getByTestId('language').selectOption('zh-CN');
  await expect(page.getByTestId('batch-result-summary')).toHaveText('again.json：4 次运行中的 4 次，0 次失败，0 次缺失');
  await expect(page.getByTestId('batch-open')).toHaveText('打开合并结果…');
  await page.getByTestId('batch-result').scrollIntoViewIfNeeded();
  await page.screenshot({ path: info.outputPath('batch-zh-CN.png'), fullPage: false });
  expect(problems).toEqual([]);
});
