// The workbench with a large catalogue: builds the renderer, opens it in Chromium (the browser build, as the
// end-to-end tests do) with generated scenarios of 10^3 and 10^4 services, and records how long it takes to
// become interactive and the longest main-thread task (PerformanceObserver 'longtask': any task over 50 ms)
// while opening the file, scrolling the whole services table, sorting, filtering, editing a cell, undoing,
// and while the plan runs in its worker. A benchmark, not a test: it prints figures and never fails on them.
// Then issue 14's estate (10^5 replicas of 2 468 services): open and plan the three models, edit and re-plan, host
// map and charts. Flags: --no-build uses the existing out/renderer; --sizes=1000,10000 picks the catalogue sizes
// (--sizes= none); --no-estate skips the estate.
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type Page } from 'playwright-core';
import { GENERAL_2S, MEMORY_2S, cloudStyleFlavours } from '../../core/examples/hardware';
import { intBetween, mulberry32, pick } from '../../core/examples/random';
import type { ScenarioInput } from '../../core/scenario/schema';
import { markdownTable } from '../table';

export const name = 'ui';
export const description = 'workbench in Chromium with 10^3 and 10^4 services: time to interactive and longest main-thread task per interaction';

const PORT = 5331;

/**
 * What the functions passed to page.evaluate use of the page. They run in Chromium, not in Node (this file is
 * type-checked without the DOM library), so they reach the page through this view of globalThis.
 */
interface PageGlobals {
  __longTasks: number[];
  document: { querySelector(selector: string): { scrollTop: number; scrollHeight: number } | null };
  requestAnimationFrame(callback: () => void): number;
  setTimeout(callback: () => void, ms: number): number;
  performance: { memory?: { usedJSHeapSize: number } };
  PerformanceObserver: new (callback: (list: { getEntries(): { duration: number }[] }) => void) => { observe(options: { type: string; buffered: boolean }): void };
}
const root = new URL('../../', import.meta.url).pathname;

/**
 * `n` services (1–`maxReplicas` replicas, 12 tenants, no rules) on racks of 14 general-purpose and 2 memory-optimised
 * 2-socket hosts: `racks` of them, or one per 2 400 replicas. Seeded: the same file every time.
 */
export function generatedCatalogue(n: number, seed = 11, shape: { maxReplicas?: number; racks?: (replicas: number, cores: number) => number } = {}): ScenarioInput {
  const rand = mulberry32(seed);
  const tenants = Array.from({ length: 12 }, (_, k) => ({ id: `t${String(k + 1).padStart(2, '0')}`, name: `Tenant ${k + 1}` }));
  const services = Array.from({ length: n }, (_, k) => {
    const cpuCores = pick(rand, [0.25, 0.5, 1, 1, 2, 4]);
    return {
      id: `svc-${String(k + 1).padStart(5, '0')}`, name: `Service ${k + 1}`, tenant: pick(rand, tenants).id,
      replicas: intBetween(rand, 1, shape.maxReplicas ?? 5), demand: { cpuCores, memoryGiB: cpuCores * pick(rand, [1, 2, 4]), diskGB: 20, networkMbps: 50 },
    };
  });
  const replicas = services.reduce((s, x) => s + x.replicas, 0);
  const cores = services.reduce((s, x) => s + x.replicas * x.demand.cpuCores, 0);
  const racks = Math.max(1, shape.racks ? shape.racks(replicas, cores) : Math.ceil(replicas / 150 / 16));
  return {
    format: 'hostfit-scenario', version: 2, name: `Generated catalogue (${n} services)`,
    hostModels: [GENERAL_2S, MEMORY_2S],
    sites: [{ id: 'dc', name: 'Datacenter', kind: 'datacenter', racks: Array.from({ length: racks }, (_, r) => ({
      id: `r${String(r + 1).padStart(3, '0')}`, powerBudgetKW: 20,
      hosts: [{ id: `r${String(r + 1).padStart(3, '0')}-gp`, model: GENERAL_2S.id, count: 14 }, { id: `r${String(r + 1).padStart(3, '0')}-mem`, model: MEMORY_2S.id, count: 2 }],
    })) }],
    tenants, services,
    deployment: { vm: { flavours: cloudStyleFlavours() } },
  };
}

/**
 * Issue 14's estate: 10^5 replicas of 2 468 services (1–80 replicas each), two host models, no rules, on a pool
 * with room for all of them (a rack of 16 hosts per 640 cores demanded, about 40 cores a host).
 */
export function generatedEstate(): ScenarioInput {
  return generatedCatalogue(2468, 11, { maxReplicas: 80, racks: (_replicas, cores) => Math.ceil(cores / 640) });
}

function build(): void {
  const r = spawnSync('npx', ['electron-vite', 'build'], { cwd: root, stdio: 'ignore' });
  if (r.status !== 0) throw new Error('electron-vite build failed');
}

async function serve(): Promise<ChildProcess> {
  const server = spawn(process.execPath, ['node_modules/vite/bin/vite.js', 'preview', '--outDir', 'out/renderer', '--host', '127.0.0.1', '--port', String(PORT), '--strictPort'],
    { cwd: root, stdio: 'ignore' });
  for (let k = 0; k < 100; k++) {
    try {
      if ((await fetch(`http://127.0.0.1:${PORT}/`)).ok) return server;
    } catch { /* not up yet */ }
    await new Promise((r) => setTimeout(r, 100));
  }
  server.kill();
  throw new Error('vite preview did not start');
}

/** Long tasks since the last call: count and longest (ms). */
async function longTasks(page: Page): Promise<{ count: number; longest: number }> {
  return page.evaluate(() => {
    const tasks = (globalThis as unknown as PageGlobals).__longTasks.splice(0);
    return { count: tasks.length, longest: tasks.length ? Math.max(...tasks) : 0 };
  });
}

/** Wall time of `step` in the page's clock, then the long tasks it caused. */
async function phase(page: Page, step: () => Promise<void>): Promise<{ ms: number; count: number; longest: number }> {
  await longTasks(page);
  const t0 = Date.now();
  await step();
  const ms = Date.now() - t0;
  await page.evaluate(() => new Promise<void>((r) => { const g = globalThis as unknown as PageGlobals; g.requestAnimationFrame(() => g.setTimeout(r, 60)); })); // let pending tasks report
  return { ms, ...(await longTasks(page)) };
}

async function measure(page: Page, file: string, n: number) {
  await page.goto(`http://127.0.0.1:${PORT}/`);
  await page.getByTestId('run-done').waitFor({ timeout: 60_000 });
  const status = page.getByTestId('services-status');
  const rows: [string, { ms: number; count: number; longest: number }][] = [];

  rows.push(['open file → table interactive', await phase(page, async () => {
    const chooser = page.waitForEvent('filechooser');
    await page.getByTestId('open').click();
    await (await chooser).setFiles(file);
    await status.getByText(`${n.toLocaleString('en')} of ${n.toLocaleString('en')} services`).waitFor({ timeout: 60_000 });
    // Interactive: a click and a key on the grid are handled.
    await page.getByTestId('cell-svc-00001-replicas').click();
    await page.getByTestId('services-grid').press('ArrowDown');
    await page.locator('.cell.active').waitFor();
  })]);

  // Opening plans the file at once; the interactions below are timed after that run, so they do not compete
  // with the worker for this machine's two cores.
  rows.push(['… its plan + compare finishing in the worker', await phase(page, async () => {
    await page.getByTestId('run-done').waitFor({ timeout: 180_000 });
  })]);

  rows.push(['wheel-scroll 6000 px (60 × 100 px)', await phase(page, async () => {
    await page.getByTestId('services-grid').hover();
    for (let k = 0; k < 60; k++) await page.mouse.wheel(0, 100);
    await page.evaluate(() => new Promise<void>((r) => (globalThis as unknown as PageGlobals).requestAnimationFrame(r)));
  })]);

  rows.push(['jump through the whole table (40 jumps)', await phase(page, async () => {
    await page.evaluate(async () => {
      const g = globalThis as unknown as PageGlobals;
      const el = g.document.querySelector('[data-testid="services"] .scroller')!;
      for (let k = 1; k <= 40; k++) {
        el.scrollTop = (el.scrollHeight * k) / 40;
        await new Promise<void>((r) => g.requestAnimationFrame(r));
      }
    });
    await page.getByTestId(`service-row-svc-${String(n).padStart(5, '0')}`).waitFor();
  })]);

  rows.push(['sort by memory (up, down, off)', await phase(page, async () => {
    await page.getByTestId('sort-memoryGiB').click();
    await page.getByTestId('sort-memoryGiB').click();
    await page.locator('[aria-sort="descending"]').waitFor();
    await page.getByTestId('sort-memoryGiB').click();
    await page.locator('[aria-sort="descending"]').waitFor({ state: 'detached' });
  })]);
  await page.evaluate(() => { (globalThis as unknown as PageGlobals).document.querySelector('[data-testid="services"] .scroller')!.scrollTop = 0; });

  rows.push(['filter "svc-0099" (10 matches) and clear', await phase(page, async () => {
    await page.getByTestId('services-filter').fill('svc-0099');
    await status.getByText(/^10 of/).waitFor();
    await page.getByTestId('services-filter').fill('');
    await status.getByText(`${n.toLocaleString('en')} of`).waitFor();
  })]);

  rows.push(['edit a cell (commit, validate, redraw)', await phase(page, async () => {
    await page.getByTestId('cell-svc-00002-replicas').click();
    await page.getByTestId('services-grid').press('Enter');
    await page.getByTestId('cell-editor').fill('9');
    await page.getByTestId('cell-editor').press('Enter');
    await page.getByTestId('cell-svc-00002-replicas').getByText('9', { exact: true }).waitFor();
    await page.getByTestId('valid').waitFor({ timeout: 30_000 });
  })]);

  rows.push(['undo', await phase(page, async () => {
    await page.getByTestId('undo').click();
    await page.getByTestId('undo').isDisabled();
  })]);

  rows.push(['run: plan + compare in the worker', await phase(page, async () => {
    await page.getByTestId('run').click();
    await page.getByTestId('run-done').waitFor({ timeout: 180_000 });
  })]);

  const heap = await page.evaluate(() => (globalThis as unknown as PageGlobals).performance.memory?.usedJSHeapSize ?? 0);
  return { rows, heap };
}

/**
 * Issue 14's estate (10^5 replicas): open the file and plan all three models (progress shown meanwhile), edit a
 * cell and let auto-run re-plan it, then draw the host map and the charts of the result.
 */
async function measureEstate(page: Page, file: string) {
  await page.goto(`http://127.0.0.1:${PORT}/`);
  await page.getByTestId('run-done').waitFor({ timeout: 60_000 });
  const rows: [string, { ms: number; count: number; longest: number }][] = [];
  let progressSeen = false;
  rows.push(['open file → planned (3 models + compare), progress shown', await phase(page, async () => {
    const chooser = page.waitForEvent('filechooser');
    await page.getByTestId('open').click();
    await (await chooser).setFiles(file);
    await page.getByTestId('run-progress').waitFor({ timeout: 60_000 });
    progressSeen = true;
    await page.getByTestId('run-done').waitFor({ timeout: 180_000 });
  })]);
  rows.push(['edit a cell → auto-run re-plans it', await phase(page, async () => {
    await page.getByTestId('cell-svc-00002-replicas').click();
    await page.getByTestId('services-grid').press('Enter');
    await page.getByTestId('cell-editor').fill('9');
    await page.getByTestId('cell-editor').press('Enter');
    await page.getByTestId('run-progress').waitFor({ timeout: 30_000 });
    await page.getByTestId('run-done').waitFor({ timeout: 180_000 });
  })]);
  rows.push(['host map drawn (container-in-VM)', await phase(page, async () => {
    await page.getByTestId('results-tab-hostmap').click();
    await page.getByTestId('map-model-container-in-vm').click();
    await page.getByTestId('host-0').waitFor();
  })]);
  rows.push(['overview charts drawn', await phase(page, async () => {
    await page.getByTestId('results-tab-overview').click();
    await page.locator('canvas').first().waitFor();
  })]);
  if (!progressSeen) throw new Error('no progress was shown while the estate was planned');
  return rows;
}

export async function run(flags: string[]): Promise<void> {
  const sizes = (flags.find((f) => f.startsWith('--sizes='))?.slice(8) ?? '1000,10000').split(',').filter((x) => x !== '').map(Number);
  if (!flags.includes('--no-build')) build();
  const dir = mkdtempSync(join(tmpdir(), 'hostfit-ui-bench-'));
  const server = await serve();
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync',
      '--enable-precise-memory-info'],
  });
  try {
    const table: (string | number)[][] = [];
    for (const n of sizes) {
      const file = join(dir, `catalogue-${n}.hostfit.json`);
      const scenario = generatedCatalogue(n);
      writeFileSync(file, JSON.stringify(scenario));
      const page = await browser.newPage({ viewport: { width: 1400, height: 900 } });
      await page.addInitScript(() => {
        const g = globalThis as unknown as PageGlobals;
        g.__longTasks = [];
        new g.PerformanceObserver((list) => { for (const e of list.getEntries()) g.__longTasks.push(e.duration); }).observe({ type: 'longtask', buffered: true });
      });
      const { rows, heap } = await measure(page, file, n);
      const replicas = scenario.services.reduce((s, x) => s + x.replicas, 0);
      for (const [what, r] of rows) table.push([n, replicas, what, r.ms, r.count, r.longest.toFixed(0)]);
      table.push([n, replicas, 'JS heap after the steps (MB)', (heap / 1e6).toFixed(0), '', '']);
      await page.close();
    }
    if (!flags.includes('--no-estate')) {
      const estate = generatedEstate();
      const file = join(dir, 'estate.hostfit.json');
      writeFileSync(file, JSON.stringify(estate));
      const page = await browser.newPage({ viewport: { width: 1400, height: 900 } });
      await page.addInitScript(() => {
        const g = globalThis as unknown as PageGlobals;
        g.__longTasks = [];
        new g.PerformanceObserver((list) => { for (const e of list.getEntries()) g.__longTasks.push(e.duration); }).observe({ type: 'longtask', buffered: true });
      });
      const replicas = estate.services.reduce((n, x) => n + x.replicas, 0);
      for (const [what, r] of await measureEstate(page, file)) table.push([estate.services.length, replicas, what, r.ms, r.count, r.longest.toFixed(0)]);
      await page.close();
    }
    console.log(markdownTable(['services', 'replicas', 'step', 'wall ms', 'long tasks', 'longest task ms'], table));
    console.log('\nWall time is measured from Node (it includes Playwright round trips); long tasks are main-thread tasks over 50 ms seen by the page.');
  } finally {
    await browser.close();
    server.kill();
    rmSync(dir, { recursive: true, force: true });
  }
}
