// Helpers every end-to-end test shares: console errors collected, the app opened and planned, screenshots kept
// for review, and whether a chart's canvas was actually painted.
import { expect, type Locator, type Page, type TestInfo } from '@playwright/test';

/** Console errors and uncaught page errors, for `expect(problems).toEqual([])` at the end of a test. */
export function watchConsole(page: Page): string[] {
  const problems: string[] = [];
  page.on('console', (m) => { if (m.type() === 'error') problems.push(m.text()); });
  page.on('pageerror', (e) => problems.push(e.message));
  return problems;
}

/** Opens the app on its bundled example and waits for the first plan. */
export async function ready(page: Page): Promise<void> {
  await page.goto('/');
  await expect(page.getByTestId('run-done')).toBeVisible({ timeout: 20_000 });
}

export async function shot(page: Page, info: TestInfo, name: string): Promise<void> {
  await page.screenshot({ path: info.outputPath(`${name}.png`), fullPage: false });
}

/** Coloured (non-grey) pixels of the chart's canvas: a drawn chart has many. */
export async function paintedPixels(chart: Locator): Promise<number> {
  const canvas = chart.locator('canvas').first();
  await expect(canvas).toBeVisible();
  return canvas.evaluate((c: HTMLCanvasElement) => {
    const data = c.getContext('2d')!.getImageData(0, 0, c.width, c.height).data;
    let coloured = 0;
    for (let i = 0; i < data.length; i += 4) if (data[i + 3] > 0 && (data[i] !== data[i + 1] || data[i + 1] !== data[i + 2])) coloured++;
    return coloured;
  });
}
