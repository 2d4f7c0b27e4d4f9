// Variants live in the file: kept variants make the document unsaved, are written into the saved file as the
// changes from the scenario (a few lines each), come back when that file is opened again, and keeping one is
// undone like any edit.
import { readFileSync } from 'node:fs';
import { expect, test } from '@playwright/test';
import { ready } from './support';

test('variants are saved with the file, open with it again, and keeping one is undoable', async ({ page }, info) => {
  await ready(page);
  await page.getByTestId('results-tab-variants').click();
  await page.getByTestId('variant-name').fill('overcommit 1:1');
  await page.getByTestId('variant-add').click();
  await expect(page.getByTestId('file-name')).toContainText('unsaved');
  await page.getByTestId('undo').click();
  await expect(page.getByTestId('variants-table')).toHaveCount(0);
  await expect(page.getByTestId('file-name')).not.toContainText('unsaved');
  await page.getByTestId('redo').click();
  await expect(page.getByTestId('variants-table').locator('tbody tr')).toHaveCount(1);

  await page.getByTestId('tab-deployment').click();
  const overcommit = page.getByTestId('param-input-deployment.vm.cpuOvercommit');
  await overcommit.fill('4');
  await overcommit.press('Enter');
  await page.getByTestId('variant-name').fill('overcommit 4:1');
  await page.getByTestId('variant-add').click();
  await overcommit.fill('2');
  await overcommit.press('Enter');

  const download = page.waitForEvent('download');
  await page.getByTestId('save-as').click();
  const path = info.outputPath('with-variants.hostfit.json');
  await (await download).saveAs(path);
  const text = readFileSync(path, 'utf8');
  const saved = JSON.parse(text) as { deployment: { vm: { cpuOvercommit: number } }; variants: { id: string; name: string; changes: { op: string; path: string; value: unknown }[] }[] };
  expect(saved.deployment.vm.cpuOvercommit).toBe(2);
  expect(saved.variants).toEqual([
    { id: '1', name: 'overcommit 1:1', changes: [{ op: 'set', path: '/deployment/vm/cpuOvercommit', value: 1 }] },
    { id: '2', name: 'overcommit 4:1', changes: [{ op: 'set', path: '/deployment/vm/cpuOvercommit', value: 4 }] },
  ]);

  // A fresh page, then the saved file: the variants are back and run to different answers.
  await ready(page);
  const chooser = page.waitForEvent('filechooser');
  await page.getByTestId('open').click();
  await (await chooser).setFiles({ name: 'with-variants.hostfit.json', mimeType: 'application/json', buffer: Buffer.from(text) });
  await expect(page.getByTestId('file-name')).toContainText('with-variants.hostfit.json');
  await page.getByTestId('results-tab-variants').click();
  await expect(page.getByTestId('variants-table').locator('tbody tr')).toHaveCount(2);
  await page.getByTestId('variants-run').click();
  await expect(page.getByTestId('variant-2-vm-hosts')).not.toHaveText('—', { timeout: 30_000 });
  await expect(page.getByTestId('variant-1-vm-hosts')).not.toHaveText('—', { timeout: 30_000 });
  expect(Number(await page.getByTestId('variant-2-vm-hosts').textContent())).toBeLessThan(Number(await page.getByTestId('variant-1-vm-hosts').textContent()));
  await page.screenshot({ path: info.outputPath('variants-reopened.png') });
});
