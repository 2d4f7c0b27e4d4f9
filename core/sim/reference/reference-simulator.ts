// The TypeScript reference behind the same Simulator interface as the WASM kernel.
import { CisReferenceSimulator } from '../cis/reference-simulator';
import type { CisSimulator } from '../cis/spec';
import type { SimArena, SimRaw, SimSizes, Simulator } from '../spec';
import { createArena, ReferenceEngine } from './engine';

export class ReferenceSimulator implements Simulator {
  readonly name = 'reference' as const;
  private arena: SimArena | null = null;

  reserve(sizes: SimSizes): SimArena {
    this.arena = createArena(sizes);
    return this.arena;
  }

  twoLevel(): CisSimulator {
    return new CisReferenceSimulator();
  }

  run(): SimRaw {
    if (!this.arena) throw new Error('reserve() must be called before run()');
    return new ReferenceEngine(this.arena).run();
  }
}
