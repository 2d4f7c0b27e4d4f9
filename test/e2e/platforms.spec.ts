// Platform profiles in the app (issue 17): the deployment tab explains where the overheads come from for the
// scenario's platforms, its selectors change the platform, the plan follows (the same host counts the command
// line gives for the same file), and the results header says which platforms were compared.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, test } from '@playwright/test';

const root = new URL('../../', import.meta.url);

function cliHosts(doc: unknown): Record<string, number> {
  const file = join(mkdtempSync(join(tmpdir(), 'hostfit-e2e-')), 'scenario.hostfit.json');
  writeFileSync(file, JSON.stringify(doc));
  const out = execFileSync(process.execPath, [new URL('node_modules/tsx/dist/cli.mjs', root).pathname, new URL('electron/cli/entry.ts', root).pathname,
    'compare', file, '--json', '--no-headroom'], { encoding: 'utf8' });
  return Object.fromEntries((JSON.parse(out) as { models: { id: string; hostsUsed: number }[] }).models.map((m) => [m.id, m.hostsUsed]));
}

test('the deployment tab shows where the overheads come from, and changing the platform re-plans', async ({ page }, info) => {
  test.setTimeout(120_000);
  const problems: string[] = [];
  page.on('pageerror', (e) => problems.push(e.message));
  await page.goto('/');
  await expect(page.getByTestId('run-done')).toBeVisible({ timeout: 20_000 });
  await expect(page.getByTestId('scenario-name')).toHaveText('Small web tier');
  await expect(page.getByTestId('results-platforms')).toHaveText('Platforms: VMs on VMware vSphere 6.5 and later; pods on GKE with runc');

  await page.getByTestId('tab-deployment').click();
  const view = page.getByTestId('platform-sources');
  await expect(view).toBeVisible();
  await expect(page.getByTestId('platform-lead')).toHaveText('VMs on VMware vSphere 6.5 and later; pods on GKE with runc.');
  await expect(view).toContainText('docs.vmware.com');
  await expect(view).toContainText('checked 2026-12-02');
  await expect(page.getByTestId('platform-vm').locator('tbody tr').first()).toContainText('MiB');
  await page.screenshot({ path: info.outputPath('platforms-vsphere-gke.png') });

  await page.getByTestId('param-input-deployment.vm.platform').selectOption('vsphere-4');
  await page.getByTestId('param-input-deployment.container.platform').selectOption('eks');
  await expect(page.getByTestId('platform-lead')).toHaveText('VMs on VMware vSphere 4.x; pods on Amazon EKS with runc.');
  await expect(page.getByTestId('platform-nodes')).toContainText('1,465 MiB'); // 11 × 110 pods + 255
  await expect(page.getByTestId('results-platforms')).toHaveText('Platforms: VMs on VMware vSphere 4.x; pods on Amazon EKS with runc', { timeout: 30_000 });
  await expect(page.getByTestId('run-done')).toBeVisible({ timeout: 30_000 });

  const doc = JSON.parse(readFileSync(new URL('examples/web-tier.hostfit.json', root), 'utf8'));
  doc.deployment.vm.platform = 'vsphere-4';
  doc.deployment.container.platform = 'eks';
  const expected = cliHosts(doc);
  for (const [id, hosts] of Object.entries(expected)) await expect(page.getByTestId(`hosts-used-${id}`)).toHaveText(hosts.toLocaleString('en'));
  await page.screenshot({ path: info.outputPath('platforms-vsphere4-eks.png') });
  expect(problems).toEqual([]);
});
