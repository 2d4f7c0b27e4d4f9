// Worker threads of the command line (sweep values, batch shards), started the same way from the sources and
// from the bundle. A worker runs the command line's entry module: from the bundle that is the bundle itself;
// from the sources a tiny eval'd bootstrap registers tsx's loader in the worker first
// and imports electron/cli/entry.ts. The entry sees it is not on the main thread and hands `workerData` to
// serveWorker, which loads the module that serves that kind of worker.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { Worker } from 'node:worker_threads';
import { entryFile, fromSources } from './runtime';

/** A module that serves one kind of worker: `serve` is called once in the worker with the data it was started with. */
interface WorkerServer { serve(data: unknown): void | Promise<void> }

export type WorkerKind = 'sweep' | 'batch';

const SERVERS: Record<WorkerKind, () => Promise<WorkerServer>> = {
  sweep: () => import('./commands/sweep'),
  batch: () => import('./commands/batch'),
};
export interface CliWorkerData { readonly hostfitWorker: WorkerKind; readonly data: unknown }

export function isCliWorker(data: unknown): data is CliWorkerData {
  return typeof data === 'object' && data !== null && Object.hasOwn(SERVERS, (data as { hostfitWorker?: string }).hostfitWorker ?? '');
}

/** URL of tsx's ESM loader API (the "import" condition of its `./esm/api` export). */
function tsxApiUrl(): string {
  const pkgFile = createRequire(import.meta.url).resolve('tsx/package.json');
  const pkg = JSON.parse(readFileSync(pkgFile, 'utf8')) as { exports: Record<string, { import: { default: string } }> };
  return pathToFileURL(join(dirname(pkgFile), pkg.exports['./esm/api'].import.default)).href;
}

export function startWorker(kind: WorkerKind, data: unknown): Worker {
  const workerData: CliWorkerData = { hostfitWorker: kind, data };
  if (!fromSources) return new Worker(entryFile, { workerData });
  const entry = pathToFileURL(entryFile).href;
  const code = `import(${JSON.stringify(tsxApiUrl())}).then((m) => { m.register(); return import(${JSON.stringify(entry)}); })`;
  return new Worker(code, { eval: true, workerData });
}

export async function serveWorker(w: CliWorkerData): Promise<void> {
  await (await SERVERS[w.hostfitWorker]()).serve(w.data);
}
