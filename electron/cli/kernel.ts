// Loads the compiled WASM kernel from assembly/build for Node callers (CLI, tests, benchmarks).
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { WasmPacker } from '../../core/kernel/wasm-packer';

export type KernelBuild = 'release' | 'debug';

export function kernelPath(build: KernelBuild = 'release'): string {
  return fileURLToPath(new URL(`../../assembly/build/kernel.${build}.wasm`, import.meta.url));
}

export function loadKernelBytes(build: KernelBuild = 'release'): Uint8Array {
  try {
    return readFileSync(kernelPath(build));
  } catch {
    throw new Error(`the WASM kernel is not built (${kernelPath(build)}); run \`npm run build:kernel\``);
  }
}

export function createWasmPacker(build: KernelBuild = 'release'): WasmPacker {
  return WasmPacker.fromBytes(loadKernelBytes(build));
}
