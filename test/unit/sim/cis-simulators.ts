// The two-level simulators under test: the TypeScript reference and, once built, the WASM kernel.
import { CisReferenceSimulator } from '../../../core/sim/cis/reference-simulator';
import type { CisSimulator } from '../../../core/sim/cis/spec';

export function simulators(): [string, CisSimulator][] {
  return [['reference', new CisReferenceSimulator()]];
}
