// The TypeScript reference of the two-level simulator behind the same interface as the WASM kernel.
import { CisReference } from './reference';
import { createCisArena, type CisArena, type CisRaw, type CisSimulator, type CisSizes } from './spec';

export class CisReferenceSimulator implements CisSimulator {
  readonly name = 'reference' as const;
  private arena: CisArena | null = null;

  reserve(sizes: CisSizes): CisArena {
    this.arena = createCisArena(sizes);
    return this.arena;
  }

  run(): CisRaw {
    if (!this.arena) throw new Error('reserve() must be called before run()');
    return new CisReference(this.arena).run();
  }
}
