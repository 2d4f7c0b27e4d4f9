// The simulation kernel's oracle check (tests only): a small simulation run on the TypeScript reference and on every
// WASM build (release, plain, debug) gives the same status, totals, series and final placements.
import { expect } from 'vitest';
import { ReferenceSimulator } from '../../core/sim/reference/reference-simulator';
import { WasmSimulator } from '../../core/sim/kernel/wasm-simulator';
import type { SimRaw } from '../../core/sim/spec';
import { KERNEL_BUILDS, loadKernelBytes } from '../../electron/cli/kernel';
import { runTiny, type Tiny } from '../unit/sim/tiny';

const builds = KERNEL_BUILDS.map((build) => WasmSimulator.fromBytes(loadKernelBytes(build)));
export const release = builds[KERNEL_BUILDS.indexOf('release')];
export const reference = new ReferenceSimulator();

/** Runs `t` on the reference and on every WASM build; every status, total, series and placement is the same. */
export function wasmEqualsReference(t: Tiny): SimRaw {
  const expected = runTiny(reference, t);
  for (const wasm of builds) {
    const got = runTiny(wasm, t);
    expect(got.status).toBe(expected.status);
    expect(Array.from(got.totals)).toEqual(Array.from(expected.totals));
    expect(Array.from(got.series)).toEqual(Array.from(expected.series));
    expect(Array.from(got.itemHost)).toEqual(Array.from(expected.itemHost));
  }
  return expected;
}
