// Where the command line runs from: its TypeScript sources (tsx, vitest: this module's URL ends in .ts) or the
// bundle built by scripts/build-cli.mjs (out/cli/hostfit.mjs, its chunks and the WASM files beside it). Only this
// module's own folder is taken from import.meta.url, which is right in both cases (it may sit in a chunk).
import { dirname } from 'node:path';
import { fileURLToPath } from 'node:url';

export const fromSources = import.meta.url.endsWith('.ts');

/** electron/cli in the sources; the bundle's folder (out/cli) when built. */
export const cliDir = dirname(fileURLToPath(import.meta.url));

/** The file a worker thread runs: the entry module in the sources, the bundle's entry when built. */
export const entryFile = fromSources ? `${cliDir}/entry.ts` : `${cliDir}/hostfit.mjs`;
