// Loads the compiled WASM kernel for Node callers (CLI, tests, benchmarks): from assembly/build when run from
// the sources, from beside the bundle in the built command line (scripts/build-cli.mjs copies it there).
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { WasmPacker } from '../../core/kernel/wasm-packer';
import { cliDir, fromSources } from './runtime';

export type KernelBuild = 'release' | 'debug';

/** The folder holding kernel.{release,debug}.wasm. */
export function kernelDir(): string {
  return fromSources ? join(cliDir, '..', '..', 'assembly', 'build') : cliDir;
}

export function kernelPath(build: KernelBuild = 'release'): string {
  return join(kernelDir(), `kernel.${build}.wasm`);
}

export function loadKernelBytes(build: KernelBuild = 'release'): Uint8Array {
  try {
    return readFileSync(kernelPath(build));
  } catch {
    const fix = fromSources ? 'run `npm run build:kernel`' : 'rebuild the command line with `npm run build:cli`';
    throw new Error(`the WASM kernel is not built (${kernelPath(build)}); ${fix}`);
  }
}

export function createWasmPacker(build: KernelBuild = 'release'): WasmPacker {
  return WasmPacker.fromBytes(loadKernelBytes(build));
}
