// Issue 13 in the browser build: pods in node VMs planned by the one engine honour the web tier's api spread rule
// (16 replicas, at most 4 per host, so at least 4 hosts) as the host map shows host by host, and the Model tab states
// the dual problem (computed in the plan worker by itself for an instance this small, with progress meanwhile).
import { expect, test } from '@playwright/test';
import { shot, watchConsole } from './support';

test('web tier: api pods in node VMs spread at most 4 per host over at least 4 hosts; the dual problem is stated', async ({ page }, info) => {
  const problems = watchConsole(page);
  await page.goto('/');
  await expect(page.getByTestId('run-done')).toBeVisible({ timeout: 30_000 });
  await page.getByTestId('results-tab-hostmap').click();
  await page.getByTestId('map-model-container-in-vm').click();
  const hosts = await page.locator('[data-testid^="host-"]').evaluateAll((els) =>
    els.map((e) => e.getAttribute('data-testid')!).filter((id) => /^host-\d+$/.test(id)));
  expect(hosts.length).toBeGreaterThanOrEqual(4);
  const apiPerHost: number[] = [];
  for (const id of hosts) {
    await page.getByTestId(id).click();
    const details = page.getByTestId('host-details');
    await expect(details).toBeVisible();
    await expect(page.getByTestId('host-nodes')).toBeVisible(); // two levels: node VMs on this host
    const api = details.locator('li', { has: page.getByTestId('host-service-api') });
    if (await api.count() === 0) continue;
    const count = Number(/×\s*(\d+)/.exec(await api.innerText())![1]);
    apiPerHost.push(count);
    if (apiPerHost.length === 1) await shot(page, info, 'host-map-api');
  }
  expect(apiPerHost.reduce((a, b) => a + b, 0)).toBe(16);
  expect(Math.max(...apiPerHost)).toBeLessThanOrEqual(4);
  expect(apiPerHost.length).toBeGreaterThanOrEqual(4);

  await page.getByTestId('results-tab-model').click();
  const dual = page.getByTestId('dual-container-in-vm');
  await expect(dual).toContainText('Dual problem');
  await expect(page.getByTestId('dual-bound-container-in-vm')).toContainText('LP relaxation', { timeout: 60_000 });
  await expect(page.getByTestId('dual-rule-container-in-vm-spread:api')).toContainText('spread of api');
  await expect(page.getByTestId('dual-hosts-vm')).toBeVisible();
  await expect(page.getByTestId('dual-prices-vm')).toContainText('binds');
  await dual.scrollIntoViewIfNeeded();
  await shot(page, info, 'model-dual');
  expect(problems).toEqual([]);
});
