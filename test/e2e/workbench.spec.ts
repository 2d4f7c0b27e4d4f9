// The planner's workbench walked as a new user would: open an example, edit a service, see it re-planned
// with the same numbers the command line gives for the saved file, undo, fix an invalid cell, import CSV,
// reshape the topology, read the host map and the model panel, compare variants, sweep a parameter, run a
// dynamic simulation, switch language and theme, and export. Screenshots are saved for review; charts are
// checked to be painted.
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { expect, test, type Download, type Page } from '@playwright/test';
import { paintedPixels, ready, shot, watchConsole } from './support';

const root = new URL('../../', import.meta.url);

interface CompareJson { models: { id: string; hostsUsed: number; bestLowerBound: { hosts: number }; gapToBest: number; unplaced: number }[] }

function cliCompare(file: string): CompareJson {
  const out = execFileSync(process.execPath, [new URL('bin/hostfit.mjs', root).pathname, 'compare', file, '--json', '--no-headroom'], { encoding: 'utf8' });
  return JSON.parse(out) as CompareJson;
}

async function editCell(page: Page, service: string, column: string, text: string): Promise<void> {
  await page.getByTestId(`cell-${service}-${column}`).click();
  await page.getByTestId('services-grid').press('Enter');
  const editor = page.getByTestId('cell-editor');
  await editor.fill(text);
  await editor.press('Enter');
}

async function expectNumbers(page: Page, expected: CompareJson): Promise<void> {
  for (const m of expected.models) {
    await expect(page.getByTestId(`hosts-used-${m.id}`)).toHaveText(m.hostsUsed.toLocaleString('en'));
    await expect(page.getByTestId(`lower-bound-${m.id}`)).toHaveText(m.bestLowerBound.hosts.toLocaleString('en'));
    await expect(page.getByTestId(`table-unplaced-${m.id}`)).toHaveText(m.unplaced.toLocaleString('en'));
  }
}

async function saveAs(page: Page): Promise<Download> {
  const download = page.waitForEvent('download');
  await page.getByTestId('save-as').click();
  return download;
}

test('edit a service: the workbench re-plans it and shows what the command line gives for the saved file; undo restores it', async ({ page }, info) => {
  const problems = watchConsole(page);
  await ready(page);
  await page.getByTestId('example').selectOption('multi-tenant');
  await expect(page.getByTestId('scenario-name')).toHaveText('Multi-tenant platform');
  await expect(page.getByTestId('hosts-used-container-in-vm')).toBeVisible({ timeout: 20_000 });
  const before = cliCompare(new URL('examples/multi-tenant.hostfit.json', root).pathname);
  await expectNumbers(page, before);

  await editCell(page, 'retail-web', 'replicas', '400');
  await expect(page.getByTestId('cell-retail-web-replicas')).toHaveText('400');
  await expect(page.getByTestId('file-name')).toContainText('unsaved');
  await expect(page.getByTestId('run-done')).toBeVisible({ timeout: 20_000 }); // auto-run after the edit
  const file = await (await saveAs(page)).path();
  const after = cliCompare(file);
  expect(after.models.find((m) => m.id === 'container')!.hostsUsed).toBeGreaterThan(before.models.find((m) => m.id === 'container')!.hostsUsed);
  await expectNumbers(page, after);
  expect(JSON.parse(readFileSync(file, 'utf8')).services.find((s: { id: string }) => s.id === 'retail-web').replicas).toBe(400);
  await shot(page, info, 'edited');

  await page.getByTestId('services-grid').press('Control+z');
  await expect(page.getByTestId('cell-retail-web-replicas')).toHaveText('40');
  await expect(page.getByTestId('run-done')).toBeVisible({ timeout: 20_000 });
  await expectNumbers(page, before);
  await page.getByTestId('redo').click();
  await expect(page.getByTestId('cell-retail-web-replicas')).toHaveText('400');
  expect(problems).toEqual([]);
});

test('an invalid cell shows the file validator\'s message and blocks the run until fixed; CSV import previews per-line errors', async ({ page }, info) => {
  const problems = watchConsole(page);
  await ready(page);
  await editCell(page, 'cache', 'memoryGiB', '-4');
  const cell = page.getByTestId('cell-cache-memoryGiB');
  await expect(cell).toHaveClass(/bad/);
  await expect(cell).toHaveAttribute('title', 'Too small: expected number to be >=0');
  await cell.click(); // Enter moved down a row; back to the bad cell to read its issue
  await expect(page.getByTestId('cell-issues')).toContainText('$.services[2].demand.memoryGiB: Too small');
  await page.getByTestId('run').click();
  await expect(page.getByTestId('run-invalid')).toBeVisible();
  await editCell(page, 'cache', 'memoryGiB', '12');
  await expect(cell).not.toHaveClass(/bad/);
  await expect(page.getByTestId('valid')).toBeVisible();

  await page.getByTestId('import-csv').click();
  await page.getByTestId('import-text').fill('id,name,tenant,replicas,cpuCores,memoryGiB\nbilling,Billing,shop,3,2,4\nghost,Ghost,nobody,1,1,1\nfrontend,Frontend,shop,20,0.5,1\n');
  await expect(page.getByTestId('import-summary')).toContainText('1 to add · 1 to update · 1 with problems');
  await expect(page.getByTestId('import-line-3')).toContainText('unknown tenant "nobody"');
  await shot(page, info, 'csv-preview');
  await page.getByTestId('import-apply').click();
  await expect(page.getByTestId('service-row-billing')).toBeVisible();
  await expect(page.getByTestId('cell-frontend-replicas')).toHaveText('20');
  await expect(page.getByTestId('services-status')).toContainText('8 of 8 services');
  expect(problems).toEqual([]);
});

test('topology: add a rack and hosts, drag to reorder, and the capacity summary follows', async ({ page }, info) => {
  const problems = watchConsole(page);
  await ready(page);
  await page.getByTestId('tab-topology').click();
  await expect(page.getByTestId('count-hosts')).toHaveText('12');
  await page.getByTestId('node-site-dc-1').click();
  await page.getByTestId('add-rack').click();
  await page.getByTestId('add-group').click();
  await page.getByTestId('group-count').fill('6');
  await page.getByTestId('group-count').press('Enter');
  await expect(page.getByTestId('count-racks')).toHaveText('2');
  await expect(page.getByTestId('count-hosts')).toHaveText('18');
  const rows = page.getByTestId('topology-tree').getByRole('treeitem');
  await expect(rows.nth(1)).toHaveAttribute('data-testid', 'node-rack-dc-1-r01');
  // Drag the new rack above the first one (HTML5 drag and drop, with intermediate moves so dragover fires).
  await expect(async () => {
    if (await rows.nth(1).getAttribute('data-testid') !== 'node-rack-dc-1-r02') {
      const from = (await page.getByTestId('node-rack-dc-1-r02').boundingBox())!;
      const to = (await page.getByTestId('node-rack-dc-1-r01').boundingBox())!;
      await page.mouse.move(from.x + 30, from.y + from.height / 2);
      await page.mouse.down();
      await page.mouse.move(to.x + 30, to.y + 4, { steps: 10 });
      await page.mouse.move(to.x + 32, to.y + 3, { steps: 3 });
      await page.mouse.up();
    }
    await expect(rows.nth(1)).toHaveAttribute('data-testid', 'node-rack-dc-1-r02', { timeout: 1000 });
  }).toPass({ timeout: 15_000 });
  await page.getByTestId('node-rack-dc-1-r01').click();
  await page.getByTestId('rack-budget').fill('1');
  await page.getByTestId('rack-budget').press('Enter');
  await expect(page.getByTestId('over-budget')).toContainText('dc-1-r01');
  await shot(page, info, 'topology');
  expect(problems).toEqual([]);
});

test('host map explains placements and unplaced items; the model panel states the problem solved', async ({ page }, info) => {
  const problems = watchConsole(page);
  await ready(page);
  await editCell(page, 'search', 'memoryGiB', '200'); // a VM flavour holds it, but no 128 GiB host does
  await expect(page.getByTestId('run-done')).toBeVisible({ timeout: 20_000 });
  await page.getByTestId('results-tab-hostmap').click();
  await page.getByTestId('map-model-container').click();
  await page.getByTestId('host-0').click();
  await expect(page.getByTestId('host-details')).toBeVisible();
  await page.getByTestId('host-details').locator('[data-testid^="host-service-"]').first().click();
  // The example plans with "best": minimum bin slack fills one host at a time and picks the item for it.
  await expect(page.getByTestId('explain-verdict')).toContainText('was being filled and took it');
  await expect(page.getByTestId('explain-context')).toContainText(/At that moment \d+ hosts? could take it\./);
  await page.getByTestId('unplaced-service-search').click();
  await expect(page.getByTestId('explain-verdict')).toContainText('larger than any host');
  await expect(page.getByTestId('item-explanation')).toContainText('more Memory than any host offers');
  await shot(page, info, 'host-map');

  await page.getByTestId('results-tab-model').click();
  const vm = page.getByTestId('statement-vm');
  await expect(vm).toContainText('minimise');
  await expect(page.getByTestId('constraint-container-podLimit')).toContainText('12');
  await expect(page.getByTestId('bound-container-cpu')).toBeVisible();
  await expect(page.getByTestId('verified-vm')).toContainText('the packing is feasible');
  await expect(page.getByTestId('best-bound-container')).toContainText('Best lower bound');
  await shot(page, info, 'model');
  expect(problems).toEqual([]);
});

test('variants and a sweep: overcommit 1:1 vs 4:1 side by side, and hosts by overcommit', async ({ page }, info) => {
  const problems = watchConsole(page);
  await ready(page);
  await page.getByTestId('results-tab-variants').click();
  await page.getByTestId('variant-name').fill('overcommit 1:1');
  await page.getByTestId('variant-add').click();
  await page.getByTestId('tab-deployment').click();
  const overcommit = page.getByTestId('param-input-deployment.vm.cpuOvercommit');
  await overcommit.fill('4');
  await overcommit.press('Enter');
  await expect(page.getByTestId('param-deployment.vm.cpuOvercommit')).toHaveClass(/modified/);
  await page.getByTestId('variant-name').fill('overcommit 4:1');
  await page.getByTestId('variant-add').click();
  await page.getByTestId('variants-run').click();
  const table = page.getByTestId('variants-table');
  await expect(table.locator('tbody tr')).toHaveCount(2);
  await expect(page.getByTestId('variant-1-vm-hosts')).not.toHaveText('—', { timeout: 20_000 });
  await expect(page.getByTestId('variant-2-vm-hosts')).not.toHaveText('—', { timeout: 20_000 });
  const oneToOne = Number(await page.getByTestId('variant-1-vm-hosts').textContent());
  const fourToOne = Number(await page.getByTestId('variant-2-vm-hosts').textContent());
  expect(fourToOne).toBeLessThan(oneToOne);
  expect(await paintedPixels(page.getByTestId('variants-chart'))).toBeGreaterThan(500);
  await shot(page, info, 'variants');

  await page.getByTestId('results-tab-sweep').click();
  await page.getByTestId('sweep-parameter').selectOption('deployment.vm.cpuOvercommit');
  await page.getByTestId('sweep-values').fill('1, 2, 4');
  await page.getByTestId('sweep-run').click();
  await expect(page.getByTestId('sweep-table').locator('tbody tr')).toHaveCount(3, { timeout: 30_000 });
  expect(await paintedPixels(page.getByTestId('sweep-chart'))).toBeGreaterThan(500);
  await shot(page, info, 'sweep');
  expect(problems).toEqual([]);
});

test('a dynamic run under the policy chosen in the parameter panel draws time series with zoom', async ({ page }, info) => {
  const problems = watchConsole(page);
  await ready(page);
  await page.getByTestId('tab-policy').click();
  const policy = page.getByTestId('param-input-simulation.policy');
  await policy.fill('lr-mc-1.2');
  await policy.press('Enter');
  await expect(page.getByTestId('param-simulation.policy')).toHaveClass(/modified/);
  await shot(page, info, 'simulation-settings');
  await page.getByTestId('results-tab-dynamic').click();
  await page.getByTestId('simulate').click();
  await expect(page.getByTestId('dynamic-table')).toBeVisible({ timeout: 30_000 });
  await expect(page.getByTestId('dynamic')).toContainText('lr-mc-1.2');
  for (const s of ['activeHosts', 'powerW']) expect(await paintedPixels(page.getByTestId(`series-${s}`))).toBeGreaterThan(300);
  await shot(page, info, 'dynamic');
  expect(problems).toEqual([]);
});

test('Simplified Chinese and the dark theme, with charts painted', async ({ page }, info) => {
  const problems = watchConsole(page);
  await ready(page);
  await page.getByTestId('language').selectOption('zh-CN');
  await expect(page.getByTestId('tab-services')).toContainText('服务');
  await expect(page.getByTestId('card-container-in-vm')).toContainText('虚拟机中的容器');
  await expect(page.getByTestId('sort-replicas')).toContainText('副本数');
  await page.getByTestId('theme').selectOption('dark');
  await expect(page.locator('html')).toHaveAttribute('data-theme', 'dark');
  expect(await page.evaluate(() => getComputedStyle(document.body).backgroundColor)).toBe('rgb(20, 23, 28)');
  expect(await paintedPixels(page.getByTestId('hosts-chart'))).toBeGreaterThan(500);
  await shot(page, info, 'zh-CN-dark');
  await page.getByTestId('results-tab-capacity').click();
  expect(await paintedPixels(page.getByTestId('breakdown-chart'))).toBeGreaterThan(500);
  await shot(page, info, 'zh-CN-dark-capacity');
  await page.getByTestId('language').selectOption('en');
  await page.getByTestId('theme').selectOption('light');
  expect(problems).toEqual([]);
});

test('exports: results as CSV and JSON, a chart as PNG, and the printable report as HTML', async ({ page }, info) => {
  const problems = watchConsole(page);
  await ready(page);
  const grab = async (open: () => Promise<void>) => {
    const download = page.waitForEvent('download');
    await open();
    const d = await download;
    return { name: d.suggestedFilename(), bytes: readFileSync((await d.path())!) };
  };
  const csv = await grab(async () => { await page.getByTestId('export-menu').click(); await page.getByTestId('export-csv').click(); });
  expect(csv.name).toBe('small-web-tier-results.csv');
  expect(csv.bytes.toString('utf8').split('\r\n')[0]).toBe('section,metric,unit,vm,container,container-in-vm');
  const json = await grab(async () => { await page.getByTestId('export-menu').click(); await page.getByTestId('export-json').click(); });
  const doc = JSON.parse(json.bytes.toString('utf8'));
  expect(doc.comparison.models.map((m: { id: string }) => m.id)).toEqual(['vm', 'container', 'container-in-vm']);
  // One engine plans all three models: the plan holds each, and the placement has one row per VM or pod of each.
  expect(doc.plan.models.map((m: { id: string }) => m.id)).toEqual(['vm', 'container', 'container-in-vm']);
  const placement = await grab(async () => { await page.getByTestId('export-menu').click(); await page.getByTestId('export-placement').click(); });
  const rows = placement.bytes.toString('utf8').trim().split('\r\n').slice(1).map((line) => line.split(',')[0]);
  for (const model of ['vm', 'container', 'container-in-vm']) expect(rows.filter((m) => m === model)).toHaveLength(50);
  const png = await grab(() => page.getByTestId('hosts-chart-png').click());
  expect([...png.bytes.subarray(0, 4)]).toEqual([0x89, 0x50, 0x4e, 0x47]);

  await page.getByTestId('export-menu').click();
  await page.getByTestId('open-report').click();
  const report = page.getByTestId('report');
  await expect(report).toContainText('Capacity report: Small web tier');
  await expect(page.getByTestId('report-assumptions')).toContainText('OpenStack Nova');
  await expect(report.locator('img.chart')).toHaveCount(3);
  await shot(page, info, 'report');
  const html = await grab(() => page.getByTestId('report-html').click());
  const text = html.bytes.toString('utf8');
  expect(text).toContain('<style>');
  expect(text).toMatch(/<img[^>]+src="data:image\/png;base64,/);
  await page.emulateMedia({ media: 'print' });
  await expect(page.getByTestId('scenario-panel')).toBeHidden();
  await page.emulateMedia({ media: 'screen' });
  await page.getByTestId('report-close').click();
  await expect(page.getByTestId('scenario-panel')).toBeVisible();
  expect(problems).toEqual([]);
});

test('keyboard: Ctrl+Enter runs, ? lists the shortcuts, Alt+number switches editor tabs', async ({ page }) => {
  await ready(page);
  await page.locator('body').press('Alt+1');
  await expect(page.getByTestId('hardware')).toBeVisible();
  await page.locator('body').press('?');
  await expect(page.getByTestId('shortcuts-dialog')).toBeVisible();
  await page.keyboard.press('Escape');
  await expect(page.getByTestId('shortcuts-dialog')).toBeHidden();
  await page.getByTestId('auto-run').uncheck();
  await page.locator('body').press('Alt+3');
  await editCell(page, 'db', 'replicas', '6');
  await expect(page.getByTestId('run-stale')).toBeVisible();
  await page.locator('body').press('Control+Enter');
  await expect(page.getByTestId('run-done')).toBeVisible({ timeout: 20_000 });
  await page.getByTestId('auto-run').check();
});

test('an open gap after a spent improvement budget: one click searches 4× longer and the fleet\'s pods on bare metal reach their bound', async ({ page }, info) => {
  test.setTimeout(120_000);
  const problems = watchConsole(page);
  await ready(page);
  const transfer = await page.evaluateHandle((text) => {
    const dt = new DataTransfer();
    dt.items.add(new File([text], 'fleet.hostfit.json', { type: 'application/json' }));
    return dt;
  }, readFileSync(new URL('examples/fleet.hostfit.json', root), 'utf8'));
  await page.dispatchEvent('body', 'drop', { dataTransfer: transfer });
  await expect(page.getByTestId('scenario-name')).toHaveText('Enterprise fleet');
  await expect(page.getByTestId('run-done')).toBeVisible({ timeout: 60_000 });
  await page.getByTestId('results-tab-model').click();
  // 2 000 iterations leave the pods on 69 hosts against a bound of 68; in node VMs they meet theirs (70).
  await expect(page.getByTestId('best-bound-container')).toContainText('Best lower bound: 68 hosts');
  await expect(page.getByTestId('best-bound-container')).toContainText('gap 1');
  await expect(page.getByTestId('best-bound-container-in-vm')).toContainText('Best lower bound: 70 hosts');
  await expect(page.getByTestId('best-bound-container-in-vm')).toContainText('gap 0');
  await expect(page.getByTestId('budget-spent-container-in-vm')).toHaveCount(0);
  await expect(page.getByTestId('budget-spent-container')).toContainText('whole budget of 2,000 iterations');
  await expect(page.getByTestId('budget-spent-vm')).toHaveCount(0); // the VMs meet their bound
  await page.getByTestId('budget-spent-container').scrollIntoViewIfNeeded();
  await shot(page, info, 'budget-spent');
  await page.getByTestId('search-longer-container').click();
  await expect(page.getByTestId('run-done')).toBeVisible({ timeout: 60_000 });
  await expect(page.getByTestId('best-bound-container')).toContainText('gap 0', { timeout: 60_000 });
  await expect(page.getByTestId('budget-spent-container')).toHaveCount(0);
  await expect(page.getByTestId('answer-container')).toContainText('leaving 68');
  await expect(page.getByTestId('best-bound-container-in-vm')).toContainText('Best lower bound: 70 hosts');
  await expect(page.getByTestId('best-bound-container-in-vm')).toContainText('gap 0');
  expect(problems).toEqual([]);
});
