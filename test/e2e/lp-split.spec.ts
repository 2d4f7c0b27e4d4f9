// A pool of general-purpose and memory-optimised hosts in the browser build: the plan worker loads HiGHS before it
// plans, so the pods are packed with the LP's split over the two host models (7 hosts, the bound, where the rules
// alone need 8), the numbers are those `hostfit compare` prints for the same file, and the host map says why its
// decisions are not replayed.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, test } from '@playwright/test';
import { twoClassPool } from '../support/scenarios';
import { shot, ready, watchConsole } from './support';

const root = new URL('../../', import.meta.url);

test('two host models: the pods are packed with the LP split, as the command line does, and the host map says so', async ({ page }, info) => {
  test.setTimeout(90_000);
  const problems = watchConsole(page);
  const doc = { ...twoClassPool(), name: 'Two host models' };
  const file = join(mkdtempSync(join(tmpdir(), 'hostfit-lp-split-')), 'two-models.hostfit.json');
  writeFileSync(file, JSON.stringify(doc));
  const cli = JSON.parse(execFileSync(process.execPath, [new URL('bin/hostfit.mjs', root).pathname, 'compare', file, '--json', '--no-headroom'], { encoding: 'utf8' })) as
    { models: { id: string; hostsUsed: number; bestLowerBound: { hosts: number } }[] };
  const pods = cli.models.find((m) => m.id === 'container')!;
  expect(pods.hostsUsed).toBe(7);
  expect(pods.bestLowerBound.hosts).toBe(7);

  await ready(page);
  const chooser = page.waitForEvent('filechooser');
  await page.getByTestId('open').click();
  await (await chooser).setFiles({ name: 'two-models.hostfit.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(doc)) });
  await expect(page.getByTestId('scenario-name')).toHaveText('Two host models');
  for (const m of cli.models) {
    await expect(page.getByTestId(`hosts-used-${m.id}`)).toHaveText(m.hostsUsed.toLocaleString('en'), { timeout: 30_000 });
    await expect(page.getByTestId(`lower-bound-${m.id}`)).toHaveText(m.bestLowerBound.hosts.toLocaleString('en'), { timeout: 30_000 });
  }
  await shot(page, info, 'lp-split-results');

  await page.getByTestId('results-tab-hostmap').click();
  await page.getByTestId('map-model-container').click();
  await page.getByTestId('host-0').click();
  await page.getByTestId('host-details').locator('[data-testid^="host-service-"]').first().click();
  await expect(page.getByTestId('explain-verdict')).toContainText('It went to');
  await expect(page.getByTestId('explain-lp-split')).toContainText("started from the LP's split");
  await shot(page, info, 'lp-split-host-map');
  expect(problems).toEqual([]);
});
