// The desktop app itself, through Playwright's Electron support. Electron's binary cannot be downloaded on the
// project's build machines, so there every test here reports itself skipped with the reason; with a binary
// present (a normal `npm install` elsewhere) they run against the built app (`npm run build` first).
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { _electron as electron, expect, test, type ElectronApplication } from '@playwright/test';

const appRoot = new URL('../../', import.meta.url).pathname;
const examplePath = (id: string) => join(appRoot, 'examples', `${id}.hostfit.json`);

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

const binary = electronBinary();

/** Starts the app with its own user-data folder and the given scenario files on the command line. */
async function launch(...files: string[]): Promise<{ app: ElectronApplication; userData: string }> {
  const userData = mkdtempSync(join(tmpdir(), 'hostfit-e2e-'));
  const app = await electron.launch({
    executablePath: binary.path!,
    args: [appRoot, ...files],
    env: { ...process.env, HOSTFIT_USER_DATA: userData } as Record<string, string>,
  });
  return { app, userData };
}

test.describe('desktop app', () => {
  test.skip(binary.path === null, binary.reason);

  test('opens the bundled example in a locked-down renderer served from app://', async () => {
    const { app } = await launch();
    try {
      const page = await app.firstWindow();
      await expect(page.getByTestId('scenario-name')).toHaveText('Small web tier');
      await expect(page.getByTestId('hosts-used-vm')).not.toBeEmpty();
      const probe = await page.evaluate(async () => ({
        kind: window.hostfit?.kind,
        require: typeof (globalThis as { require?: unknown }).require,
        process: typeof (globalThis as { process?: unknown }).process,
        protocol: location.protocol,
        popup: window.open('https://example.com/') === null,
        csp: (await fetch('app://hostfit/index.html')).headers.get('content-security-policy'),
      }));
      expect(probe).toMatchObject({ kind: 'electron', require: 'undefined', process: 'undefined', protocol: 'app:', popup: true });
      expect(probe.csp).toContain("script-src 'self' 'wasm-unsafe-eval'");
      // Navigation away from the app is refused.
      await page.evaluate(() => { location.href = 'https://example.com/'; });
      await page.waitForTimeout(500);
      expect(await page.evaluate(() => location.protocol)).toBe('app:');
    } finally {
      await app.close();
    }
  });

  test('opens a scenario file named on the command line (as a file association does)', async () => {
    const { app } = await launch(examplePath('fleet'));
    try {
      const page = await app.firstWindow();
      await expect(page.getByTestId('scenario-name')).toHaveText('Enterprise fleet');
      await expect(page.getByTestId('file-name')).toContainText('fleet.hostfit.json');
      expect(await app.evaluate(({ BrowserWindow }) => BrowserWindow.getAllWindows()[0].getTitle())).toContain('fleet.hostfit.json');
    } finally {
      await app.close();
    }
  });

  test('saves atomically through the native dialog and asks before overwriting a teammate\'s change', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'hostfit-e2e-docs-'));
    const target = join(dir, 'team.hostfit.json');
    const { app } = await launch();
    try {
      const page = await app.firstWindow();
      await expect(page.getByTestId('scenario-name')).toHaveText('Small web tier');
      await app.evaluate(({ dialog }, path) => {
        dialog.showSaveDialog = (async () => ({ canceled: false, filePath: path })) as typeof dialog.showSaveDialog;
      }, target);
      await page.getByTestId('save-as').click();
      await expect.poll(() => existsSync(target)).toBe(true);
      expect(readFileSync(target, 'utf8')).toBe(readFileSync(examplePath('web-tier'), 'utf8'));
      // A teammate changes the file: with no local edits the app offers to reload it.
      writeFileSync(target, readFileSync(examplePath('fleet')));
      await expect(page.getByTestId('file-reload-offer')).toBeVisible();
      await page.getByTestId('file-reload').click();
      await expect(page.getByTestId('scenario-name')).toHaveText('Enterprise fleet');
      // Changed again behind our back, then saved: the app refuses to overwrite and asks.
      writeFileSync(target, readFileSync(examplePath('multi-tenant')));
      await page.getByTestId('save').click();
      await expect(page.getByTestId('file-conflict')).toBeVisible();
      expect(readFileSync(target, 'utf8')).toBe(readFileSync(examplePath('multi-tenant'), 'utf8'));
      await page.getByTestId('file-conflict-overwrite').click();
      await expect.poll(() => readFileSync(target, 'utf8')).toBe(readFileSync(examplePath('fleet'), 'utf8'));
    } finally {
      await app.close();
    }
  });
});
