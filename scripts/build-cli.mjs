// Builds the command line into ESM files with esbuild — the entry out/cli/hostfit.mjs and, beside it, the chunks
// its commands load when they run (code splitting: a command parses only the code it uses, so the process starts
// sooner) — and copies the WASM it loads beside them: the release, plain and debug kernels (electron/cli/kernel.ts looks beside the bundle and says which command loads which) and HiGHS's
// highs.wasm (the `highs` package finds it next to the module that loads it, which is then the bundle).
// bin/hostfit.mjs runs the bundle: no TypeScript compiler at run time.
//
// `node scripts/build-cli.mjs [--outdir DIR]` (default out/cli). Run by `npm install` (prepare), `npm run build`
// and the Dockerfile; the kernel must be compiled first (npm run build:kernel).
import { copyFileSync, existsSync, mkdirSync, readdirSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { build } from 'esbuild';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const { values } = parseArgs({ options: { outdir: { type: 'string', default: join(root, 'out', 'cli') } } });
const outdir = resolve(values.outdir);

const kernels = ['release', 'plain', 'debug'].map((b) => join(root, 'assembly', 'build', `kernel.${b}.wasm`));
const missing = kernels.filter((f) => !existsSync(f));
if (missing.length > 0) {
  console.error(`build-cli: the WASM kernel is not compiled (${missing.join(', ')}); run \`npm run build:kernel\` first`);
  process.exit(1);
}

mkdirSync(outdir, { recursive: true });
// Chunks of an earlier build (their names are content hashes) would otherwise stay behind.
for (const f of readdirSync(outdir)) if (/^chunk-[\w-]+\.mjs$/.test(f)) rmSync(join(outdir, f));
await build({
  entryPoints: { hostfit: join(root, 'electron', 'cli', 'entry.ts') },
  outdir,
  outExtension: { '.js': '.mjs' },
  splitting: true,
  chunkNames: 'chunk-[hash]',
  bundle: true,
  platform: 'node',
  format: 'esm',
  target: 'node20',
  minify: true,
  legalComments: 'eof',
  logLevel: 'warning',
  // CommonJS dependencies call require() for Node built-ins, which an ESM file must provide itself (every chunk).
  banner: { js: "import { createRequire as __hostfitRequire } from 'node:module'; const require = __hostfitRequire(import.meta.url);" },
});

for (const file of kernels) copyFileSync(file, join(outdir, file.slice(file.lastIndexOf('/') + 1)));
const highs = createRequire(import.meta.url).resolve('highs/runtime');
copyFileSync(highs, join(outdir, 'highs.wasm'));
console.log(`build-cli: ${join(outdir, 'hostfit.mjs')}`);
