// Builds the command line's bundle (scripts/build-cli.mjs) into a temporary folder once per test file, and runs
// it as a separate process: what `npx hostfit` runs, without tsx.
import { execFileSync, spawn, spawnSync } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const repoRoot = fileURLToPath(new URL('../../', import.meta.url));
let built: string | undefined;
/**
 * Timeout for a beforeAll that builds the bundle (esbuild of the whole CLI, then often a first batch): a minute or
 * more when the machine is busy, far past Vitest's 10 s default for hooks. Pass it as the hook's second argument.
 */
export const BUNDLE_TIMEOUT_MS = 180_000;

/** The folder holding hostfit.mjs and its WASM. */
export function cliBundle(): string {
  if (!built) {
    built = mkdtempSync(join(tmpdir(), 'hostfit-cli-'));
    execFileSync(process.execPath, [join(repoRoot, 'scripts', 'build-cli.mjs'), '--outdir', built], { cwd: repoRoot, stdio: 'pipe' });
  }
  return built;
}

export interface Ran { readonly code: number | null; readonly signal: NodeJS.Signals | null; readonly out: string; readonly err: string }

const env = (extra: Record<string, string>) => ({ ...process.env, NODE_OPTIONS: '', ...extra });

export function runCli(args: string[], options: { cwd?: string; env?: Record<string, string> } = {}): Ran {
  const r = spawnSync(process.execPath, [join(cliBundle(), 'hostfit.mjs'), ...args], { cwd: options.cwd ?? repoRoot, encoding: 'utf8', env: env(options.env ?? {}) });
  return { code: r.status, signal: r.signal, out: r.stdout, err: r.stderr };
}

/** Starts the bundle without waiting; `done` resolves when it exits. */
export function startCli(args: string[], options: { cwd?: string; env?: Record<string, string> } = {}) {
  const child = spawn(process.execPath, [join(cliBundle(), 'hostfit.mjs'), ...args], { cwd: options.cwd ?? repoRoot, env: env(options.env ?? {}) });
  let out = '', err = '';
  child.stdout.on('data', (d) => { out += d; });
  child.stderr.on('data', (d) => { err += d; });
  const done = new Promise<Ran>((resolve) => child.on('exit', (code, signal) => resolve({ code, signal, out, err })));
  return { child, done };
}
