// A new user's first minute: the app opens on the bundled example, plans it in the worker, and shows the same
// numbers as `hostfit compare --json` (VM, container and container-in-VM from one run) for that example file;
// then opens another file from disk, and one whose pool is too small.
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { expect, test, type Page } from '@playwright/test';
import { watchConsole } from './support';

const root = new URL('../../', import.meta.url);
const examplePath = (id: string) => new URL(`examples/${id}.hostfit.json`, root).pathname;

function cliCompare(id: string) {
  const out = execFileSync(process.execPath, [new URL('bin/hostfit.mjs', root).pathname, 'compare', examplePath(id), '--json', '--no-headroom'], { encoding: 'utf8' });
  return JSON.parse(out) as { models: { id: string; hostsUsed: number; hostsInPool: number; bestLowerBound: { hosts: number; by: string | null }; gapToBest: number; unplaced: number; utilisation: Record<string, number> }[] };
}

async function expectNumbersOf(page: Page, id: string): Promise<void> {
  const expected = cliCompare(id);
  expect(expected.models.map((m) => m.id)).toEqual(expect.arrayContaining(['vm', 'container', 'container-in-vm']));
  const plain = (n: number) => n.toLocaleString('en');
  for (const m of expected.models) {
    await expect(page.getByTestId(`hosts-used-${m.id}`)).toHaveText(plain(m.hostsUsed));
    // The app shows each model's best, rule-aware bound (the command line's bestLowerBound) and the gap to it.
    await expect(page.getByTestId(`lower-bound-${m.id}`)).toHaveText(plain(m.bestLowerBound.hosts));
    await expect(page.getByTestId(`table-gap-${m.id}`)).toHaveText(plain(m.gapToBest));
    if (m.bestLowerBound.by?.startsWith('spread:')) {
      await expect(page.getByTestId(`lower-bound-by-${m.id}`)).toContainText(`spread rule of '${m.bestLowerBound.by.slice(7)}'`);
    }
    await expect(page.getByTestId(`table-unplaced-${m.id}`)).toHaveText(plain(m.unplaced));
    for (const [dimension, fraction] of Object.entries(m.utilisation)) {
      await expect(page.getByTestId(`table-util-${dimension}-${m.id}`)).toHaveText(`${(fraction * 100).toFixed(1)}%`);
    }
  }
}

test('opens with the bundled example and shows the numbers of `hostfit compare --json`', async ({ page }, testInfo) => {
  const problems = watchConsole(page);
  await page.goto('/');
  await expect(page.getByTestId('scenario-name')).toHaveText('Small web tier');
  await expectNumbersOf(page, 'web-tier');
  // The chart was drawn: a non-empty canvas.
  const canvas = page.getByTestId('hosts-chart').locator('canvas');
  await expect(canvas).toBeVisible();
  const painted = await canvas.evaluate((c: HTMLCanvasElement) => {
    const data = c.getContext('2d')!.getImageData(0, 0, c.width, c.height).data;
    let colored = 0;
    for (let i = 0; i < data.length; i += 4) if (data[i + 3] > 0 && (data[i] !== data[i + 1] || data[i + 1] !== data[i + 2])) colored++;
    return colored;
  });
  expect(painted).toBeGreaterThan(500);
  await page.screenshot({ path: testInfo.outputPath('web-tier.png'), fullPage: true });
  expect(problems).toEqual([]);
});

test('opens a scenario file from disk and plans it', async ({ page }, testInfo) => {
  const problems = watchConsole(page);
  await page.goto('/');
  await expect(page.getByTestId('hosts-used-vm')).not.toBeEmpty();
  const chooser = page.waitForEvent('filechooser');
  await page.getByTestId('open').click();
  await (await chooser).setFiles(examplePath('fleet'));
  await expect(page.getByTestId('scenario-name')).toHaveText('Enterprise fleet');
  await expect(page.getByTestId('file-name')).toContainText('fleet.hostfit.json');
  await expectNumbersOf(page, 'fleet');
  // The worker then solves each model's LP relaxation (HiGHS) and the bounds shown take it in: the same numbers.
  await expect(page.getByTestId('run-done')).toHaveAttribute('data-bounds', 'done', { timeout: 30_000 });
  await expect(page.getByTestId('run-bounds')).toHaveCount(0);
  await expectNumbersOf(page, 'fleet');
  await page.screenshot({ path: testInfo.outputPath('fleet.png'), fullPage: true });
  expect(problems).toEqual([]);
});

test('a pool too small says by how much for every model, and one click adds the hosts it lacks', async ({ page }, testInfo) => {
  const problems = watchConsole(page);
  await page.goto('/');
  await expect(page.getByTestId('hosts-used-vm')).not.toBeEmpty();
  // The web tier with its one host group cut from 12 hosts to 2.
  const cut = JSON.parse(readFileSync(examplePath('web-tier'), 'utf8'));
  cut.sites[0].racks[0].hosts[0].count = 2;
  const chooser = page.waitForEvent('filechooser');
  await page.getByTestId('open').click();
  await (await chooser).setFiles({ name: 'cut.hostfit.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(cut)) });
  await expect(page.getByTestId('run-done')).toBeVisible({ timeout: 60_000 });
  // The full pool's plan proves 5 hosts for the VMs (CPU) and 4 for pods (the api spread rule): the shortfall is that.
  await expect(page.getByTestId('pool-short-vm')).toContainText('at least 5 hosts, 3 more than its 2');
  await expect(page.getByTestId('pool-short-container')).toContainText('at least 4 hosts, 2 more than its 2');
  await expect(page.getByTestId('lower-bound-placed-vm')).toContainText('placed');
  await page.getByTestId('grow-pool-vm').click();
  await expect(page.getByTestId('hosts-used-vm')).toHaveText('5', { timeout: 60_000 });
  for (const id of ['vm', 'container', 'container-in-vm']) {
    await expect(page.getByTestId(`unplaced-${id}`)).toContainText(/^0 /);
    await expect(page.getByTestId(`pool-short-${id}`)).toHaveCount(0);
  }
  await page.screenshot({ path: testInfo.outputPath('pool-grown.png'), fullPage: true });
  expect(problems).toEqual([]);
});

test('an invalid file shows errors with JSON paths and keeps the current scenario', async ({ page }) => {
  await page.goto('/');
  await expect(page.getByTestId('hosts-used-vm')).not.toBeEmpty();
  const chooser = page.waitForEvent('filechooser');
  await page.getByTestId('open').click();
  await (await chooser).setFiles({
    name: 'broken.hostfit.json', mimeType: 'application/json',
    buffer: Buffer.from(JSON.stringify({ format: 'hostfit-scenario', version: 1, name: 'x', hostModels: [], sites: [{}], tenants: [], services: [] })),
  });
  const errors = page.getByTestId('load-errors');
  await expect(errors).toContainText('$.hostModels');
  await expect(errors).toContainText('$.sites[0].id');
  await expect(page.getByTestId('scenario-name')).toHaveText('Small web tier');
});

test('switches to Simplified Chinese', async ({ page }, testInfo) => {
  await page.goto('/');
  await expect(page.getByTestId('hosts-used-vm')).not.toBeEmpty();
  await page.getByTestId('language').selectOption('zh-CN');
  await expect(page.getByTestId('card-vm')).toContainText('虚拟机');
  await expect(page.getByTestId('run')).toHaveText('运行');
  await page.screenshot({ path: testInfo.outputPath('zh-CN.png'), fullPage: true });
});
