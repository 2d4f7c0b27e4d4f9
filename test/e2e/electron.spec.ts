// The desktop app itself, through Playwright's Electron support. Electron's binary cannot be downloaded on the
// project's build machines, so there this test reports itself skipped with the reason; with a binary present
// (a normal `npm install` elsewhere) it runs.
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { _electron as electron, expect, test } from '@playwright/test';

/** The Electron executable if it is installed. Requiring `electron` without it would try to download it. */
function electronBinary(): { path: string | null; reason: string } {
  const pkg = new URL('../../node_modules/electron/', import.meta.url);
  const pathFile = new URL('path.txt', pkg);
  const installed = existsSync(pathFile) && existsSync(new URL(`dist/${readFileSync(pathFile, 'utf8')}`, pkg));
  if (!installed && process.env.HOSTFIT_E2E_ELECTRON !== '1') {
    return { path: null, reason: 'Electron binary not installed (node_modules/electron/dist is missing and cannot be downloaded on '
      + 'this machine); set HOSTFIT_E2E_ELECTRON=1 to download it and run this test' };
  }
  try {
    return { path: createRequire(import.meta.url)('electron') as string, reason: '' };
  } catch (e) {
    return { path: null, reason: `Electron binary not available: ${(e as Error).message.split('\n')[0]}` };
  }
}

test('the desktop window opens the bundled example with the preload API and locked-down renderer', async () => {
  const binary = electronBinary();
  test.skip(binary.path === null, binary.reason);
  const app = await electron.launch({ executablePath: binary.path!, args: [new URL('../../', import.meta.url).pathname] });
  try {
    const page = await app.firstWindow();
    await expect(page.getByTestId('scenario-name')).toHaveText('Small web tier');
    await expect(page.getByTestId('hosts-used-vm')).not.toBeEmpty();
    expect(await page.evaluate(() => window.hostfit?.kind)).toBe('electron');
    expect(await page.evaluate(() => typeof (globalThis as { require?: unknown }).require)).toBe('undefined');
    expect(await page.evaluate(() => location.protocol)).toBe('app:');
  } finally {
    await app.close();
  }
});
