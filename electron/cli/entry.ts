// Entry of the command line (bin/hostfit.mjs runs its bundle, out/cli/hostfit.mjs): on the main thread it runs
// `hostfit …`; in a worker thread the command line started (electron/cli/workers.ts) it serves that worker.
import { isMainThread, workerData } from 'node:worker_threads';
import { main } from './main';
import { isCliWorker, serveWorker } from './workers';

if (isMainThread) process.exitCode = await main(process.argv.slice(2));
else if (isCliWorker(workerData)) await serveWorker(workerData);
