// The two-level simulators under test: the TypeScript reference and the WASM kernel (release, plain and debug builds).
import { CisReferenceSimulator } from '../../../core/sim/cis/reference-simulator';
import type { CisSimulator } from '../../../core/sim/cis/spec';
import { CisWasmSimulator } from '../../../core/sim/cis/wasm-simulator';
import { KERNEL_BUILDS, loadKernelBytes } from '../../../electron/cli/kernel';

export function simulators(): [string, CisSimulator][] {
  return [
    ['reference', new CisReferenceSimulator()],
    ['wasm', CisWasmSimulator.fromBytes(loadKernelBytes('release'))],
  ];
}

export function wasmBuilds(): [string, CisSimulator][] {
  return KERNEL_BUILDS.map((build) => [build, CisWasmSimulator.fromBytes(loadKernelBytes(build))]);
}
