// The Dynamic tab on the diurnal example: a day simulated as VMs, pods on bare metal and pods in node VMs. The third
// column is drawn — its heading, numbers in its cells, its line in every chart (node VMs included) — and the node
// pool's line names the shape the static comparison's search picked; ContainerCloudSim semantics chosen in the
// parameter panel migrate containers. Screenshots are saved for review.
import { expect, test, type Locator } from '@playwright/test';
import { watchConsole } from './support';

/** Pixels of the chart canvas in `rgb` (±12 per channel): a drawn line of that colour has many. */
async function pixelsOf(chart: Locator, rgb: readonly [number, number, number]): Promise<number> {
  const canvas = chart.locator('canvas').first();
  await expect(canvas).toBeVisible();
  return canvas.evaluate((c: HTMLCanvasElement, [r, g, b]) => {
    const data = c.getContext('2d')!.getImageData(0, 0, c.width, c.height).data;
    let n = 0;
    for (let i = 0; i < data.length; i += 4) {
      if (data[i + 3] > 0 && Math.abs(data[i] - r) <= 12 && Math.abs(data[i + 1] - g) <= 12 && Math.abs(data[i + 2] - b) <= 12) n++;
    }
    return n;
  }, rgb);
}

const AMBER: readonly [number, number, number] = [0xd9, 0x77, 0x06]; // the container-in-VM colour (light theme)

test('the diurnal example simulated over a day draws a third column: pods in node VMs', async ({ page }, info) => {
  const problems = watchConsole(page);
  await page.goto('/');
  await expect(page.getByTestId('run-done')).toBeVisible({ timeout: 20_000 });
  await page.getByTestId('example').selectOption('diurnal');
  await expect(page.getByTestId('scenario-name')).toHaveText('Diurnal web platform');
  await page.getByTestId('results-tab-dynamic').click();
  await page.getByTestId('simulate').click();
  await expect(page.getByTestId('dynamic-table')).toBeVisible({ timeout: 60_000 });
  await expect(page.getByTestId('dynamic-col-container-in-vm')).toHaveText('Pods in node VMs');
  await expect(page.getByTestId('dynamic-col-vm')).toHaveText('VMs');
  await expect(page.getByTestId('dynamic-col-container')).toHaveText('Pods on bare metal');
  await expect(page.getByTestId('dynamic-nodes')).toContainText(/Kubernetes .*node VM \d+ vCPU .*node-shape search/);
  const cell = (row: string) => page.getByTestId(`dynamic-${row}-container-in-vm`);
  // the same replica slots as the other columns (planned × maxReplicasFactor: the HPA scales all three)
  await expect(cell('instances')).toHaveText((await page.getByTestId('dynamic-instances-vm').textContent())!);
  await expect(cell('scaleEvents')).toHaveText(/^[1-9]\d*$/);
  expect(Number(await cell('energy').textContent())).toBeGreaterThan(0);
  await expect(cell('nodes')).toHaveText(/^\d+ \/ \d+(\.\d)?$/);
  expect(Number((await cell('nodes').textContent())!.split(' / ')[0])).toBeGreaterThan(0);
  await expect(cell('peakHosts')).toHaveText(/^[1-9]\d*$/);
  await expect(cell('pdm')).toHaveText('–');
  for (const s of ['activeHosts', 'nodeVms', 'powerW', 'sla', 'migrations']) {
    const chart = page.getByTestId(`series-${s}`);
    await chart.scrollIntoViewIfNeeded();
    expect(await pixelsOf(chart, AMBER), `${s} has an amber (pods in node VMs) line`).toBeGreaterThan(s === 'sla' || s === 'migrations' ? 20 : 100);
  }
  await page.getByTestId('dynamic-table').scrollIntoViewIfNeeded();
  await page.screenshot({ path: info.outputPath('dynamic-cis-table.png') });
  await page.getByTestId('series-nodeVms').scrollIntoViewIfNeeded();
  await page.screenshot({ path: info.outputPath('dynamic-cis-charts.png') });

  // ContainerCloudSim semantics, chosen in the parameter panel: containers migrate between node VMs
  await page.getByTestId('tab-policy').click();
  const semantics = page.getByTestId('param-input-simulation.containerInVm.semantics');
  await semantics.scrollIntoViewIfNeeded();
  await semantics.selectOption('containercloudsim');
  await expect(page.getByTestId('param-simulation.containerInVm.semantics')).toHaveClass(/modified/);
  await page.screenshot({ path: info.outputPath('dynamic-cis-settings.png') });
  await page.getByTestId('simulate').click();
  await expect(page.getByTestId('dynamic-nodes')).toContainText('ContainerCloudSim', { timeout: 60_000 });
  expect(Number(await cell('migrations').textContent())).toBeGreaterThan(0);
  expect(problems).toEqual([]);
});
