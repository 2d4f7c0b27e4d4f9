// Files in the browser build, in Chromium: the page's Content Security Policy holds, a crashed session's work is
// offered and restored, a file dropped on the window opens, a 10^5-replica file is parsed off the UI thread,
// non-UTF-8 bytes are named at their line and column, and Save As writes the canonical file.
import { readFileSync } from 'node:fs';
import { expect, test, type Page } from '@playwright/test';

const root = new URL('../../', import.meta.url);
const exampleText = (id: string) => readFileSync(new URL(`examples/${id}.hostfit.json`, root), 'utf8');

async function ready(page: Page): Promise<void> {
  await page.goto('/');
  await expect(page.getByTestId('scenario-name')).toHaveText('Small web tier');
}

test('the Content Security Policy blocks inline, blob: and data: scripts and remote requests but lets WebAssembly compile', async ({ page }) => {
  await ready(page);
  // (page.evaluate runs with DevTools privileges, so eval itself cannot be probed from here; the unit test
  // checks the policy has no 'unsafe-eval'. Scripts the page adds are subject to the policy.)
  const outcome = await page.evaluate(async () => {
    const violations: string[] = [];
    document.addEventListener('securitypolicyviolation', (e) => violations.push(e.violatedDirective));
    const run = (setup: (s: HTMLScriptElement) => void) => {
      const script = document.createElement('script');
      setup(script);
      document.head.appendChild(script);
    };
    run((s) => { s.textContent = 'window.__ran = (window.__ran || []).concat("inline")'; });
    run((s) => { s.src = URL.createObjectURL(new Blob(['window.__ran = (window.__ran || []).concat("blob")'], { type: 'text/javascript' })); });
    run((s) => { s.src = 'data:text/javascript,window.__ran=(window.__ran||[]).concat("data")'; });
    let remote = 'fetched';
    try { await fetch('https://example.com/'); } catch { remote = 'blocked'; }
    // The smallest valid module: WebAssembly from bytes is what the kernel needs.
    const wasm = await WebAssembly.compile(new Uint8Array([0, 0x61, 0x73, 0x6d, 1, 0, 0, 0])).then(() => 'compiled', (e: Error) => e.name);
    await new Promise((r) => setTimeout(r, 200));
    return { ran: (window as { __ran?: string[] }).__ran ?? [], remote, wasm, violations };
  });
  expect(outcome).toMatchObject({ ran: [], remote: 'blocked', wasm: 'compiled' });
  expect(outcome.violations).toEqual(expect.arrayContaining(['script-src-elem', 'connect-src']));
});

test('unsaved work from a session that died is offered at the next start and restored as unsaved edits', async ({ page }) => {
  await ready(page);
  const text = exampleText('fleet').replace('"name": "Enterprise fleet"', '"name": "Recovered fleet"');
  // What a tab that crashed leaves behind: its backup record, with no live tab holding its lock.
  await page.evaluate((backup) => new Promise<void>((resolve, reject) => {
    const r = indexedDB.open('hostfit', 1);
    r.onerror = () => reject(r.error);
    r.onsuccess = () => {
      const tx = r.result.transaction('recovery', 'readwrite');
      tx.objectStore('recovery').put({ id: '0'.repeat(32), name: 'fleet.hostfit.json', savedAt: new Date().toISOString(), text: backup });
      tx.oncomplete = () => { r.result.close(); resolve(); };
    };
  }), text);
  await page.reload();
  const offer = page.getByTestId('file-recovery');
  await expect(offer).toContainText('fleet.hostfit.json');
  await page.getByTestId('file-recovery-restore').click();
  await expect(page.getByTestId('scenario-name')).toHaveText('Recovered fleet');
  await expect(page.getByTestId('file-name')).toContainText('fleet.hostfit.json');
  await expect(offer).toHaveCount(0);
  // Restored means unsaved: after another reload it is offered again (this tab's own backup), not lost.
  page.on('dialog', (d) => void d.accept());
  await page.reload();
  await expect(page.getByTestId('file-recovery')).toContainText('fleet.hostfit.json');
});

test('a scenario file dropped on the window opens, as a copy that Save asks where to write', async ({ page }) => {
  await ready(page);
  const transfer = await page.evaluateHandle((text) => {
    const dt = new DataTransfer();
    dt.items.add(new File([text], 'fleet.hostfit.json', { type: 'application/json' }));
    return dt;
  }, exampleText('fleet'));
  await page.dispatchEvent('body', 'dragover', { dataTransfer: transfer });
  await expect(page.getByTestId('file-drop-overlay')).toBeVisible();
  await page.dispatchEvent('body', 'drop', { dataTransfer: transfer });
  await expect(page.getByTestId('scenario-name')).toHaveText('Enterprise fleet');
  await expect(page.getByTestId('file-drop-overlay')).toHaveCount(0);
  await expect(page.getByTestId('notices')).toContainText('dropped');
});

test('a 10^5-replica scenario is parsed off the UI thread: the window keeps painting while it opens', async ({ page }) => {
  test.setTimeout(120_000);
  await ready(page);
  const base = JSON.parse(exampleText('web-tier')) as { name: string; services: Record<string, unknown>[] };
  const service = base.services[0];
  const huge = { ...base, name: 'Hundred thousand', services: Array.from({ length: 100_000 }, (_, i) => ({ ...service, id: `svc-${i}`, name: `Service ${i}`, replicas: 1 })) };
  const buffer = Buffer.from(JSON.stringify(huge, null, 2));
  const chooser = page.waitForEvent('filechooser');
  await page.getByTestId('open').click();
  await (await chooser).setFiles({ name: 'huge.hostfit.json', mimeType: 'application/json', buffer });
  await expect(page.getByTestId('file-busy')).toBeVisible();
  // While the worker parses, the page still answers and paints frames.
  const frames = await page.evaluate(() => new Promise<number>((resolve) => {
    let n = 0;
    const end = performance.now() + 300;
    const tick = () => { n++; if (performance.now() < end) requestAnimationFrame(tick); else resolve(n); };
    requestAnimationFrame(tick);
  }));
  const stillParsing = await page.getByTestId('file-busy').isVisible();
  expect(frames, 'frames painted in 300 ms while the file was being parsed').toBeGreaterThanOrEqual(stillParsing ? 5 : 0);
  expect(stillParsing, 'the parse outlasted the measurement (else it proves nothing)').toBe(true);
  await expect(page.getByTestId('scenario-name')).toHaveText('Hundred thousand', { timeout: 90_000 });
});

test('bytes that are not UTF-8 are reported at their line and column, and the scenario stays', async ({ page }) => {
  await ready(page);
  const chooser = page.waitForEvent('filechooser');
  await page.getByTestId('open').click();
  const bytes = Buffer.concat([Buffer.from('{\n  "format": "hostfit-scenario",\n  "name": "Z'), Buffer.from([0xfc]), Buffer.from('rich"\n}')]);
  await (await chooser).setFiles({ name: 'latin1.hostfit.json', mimeType: 'application/json', buffer: bytes });
  const errors = page.getByTestId('load-errors');
  await expect(errors).toContainText('line 3, column 13');
  await expect(errors).toContainText('not valid UTF-8');
  await expect(page.getByTestId('scenario-name')).toHaveText('Small web tier');
});

test('Save As writes the canonical scenario file', async ({ page }) => {
  await ready(page);
  const download = page.waitForEvent('download');
  await page.getByTestId('save-as').click();
  const file = await download;
  expect(file.suggestedFilename()).toBe('web-tier.hostfit.json');
  expect(readFileSync(await file.path(), 'utf8')).toBe(exampleText('web-tier'));
});
