// Loads the compiled WASM kernel for Node callers (CLI, tests, benchmarks): from assembly/build when run from
// the sources, from beside the bundle in the built command line (scripts/build-cli.mjs copies it there).
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { WasmPacker } from '../../core/kernel/wasm-packer';
import { cliDir, fromSources } from './runtime';

/**
 * - `release`: asc's -O3 output with a second, wider-inlining Binaryen pass (scripts/optimize-kernel.mjs): the fastest
 *   once V8 has optimized it, for every process that runs the kernel more than once (tests, benchmarks, `batch`).
 * - `plain`: asc's -O3 output alone: the same results bit for bit, and its smaller hot functions reach V8's optimized
 *   tier sooner, so a command that runs one simulation (`hostfit simulate`) finishes ~5 % sooner with it.
 * - `debug`: with assertions.
 */
export const KERNEL_BUILDS = ['release', 'plain', 'debug'] as const;
export type KernelBuild = (typeof KERNEL_BUILDS)[number];

/** The folder holding kernel.{release,plain,debug}.wasm. */
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
