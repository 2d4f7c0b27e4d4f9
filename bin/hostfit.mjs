#!/usr/bin/env node
// `npx hostfit …`: runs the built command line, out/cli/hostfit.mjs (one ESM file that `npm install` builds through
// `prepare`, `npm run build:cli` rebuilds). No TypeScript compiler runs here; without the bundle this says how
// to build it and exits 1. (`npm run cli -- …` runs the TypeScript sources through tsx instead.)
import { existsSync } from 'node:fs';

const bundle = new URL('../out/cli/hostfit.mjs', import.meta.url);
if (existsSync(bundle)) {
  await import(bundle.href);
} else {
  process.stderr.write(`hostfit: the command line is not built (${bundle.pathname} is missing).\n`
    + 'Run `npm run build:cli` in the checkout (npm install does it), or `npm run cli -- <command> …` to run the sources.\n');
  process.exitCode = 1;
}
