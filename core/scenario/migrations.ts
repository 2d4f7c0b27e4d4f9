// Numbered, pure migrations between scenario versions: MIGRATIONS[n] turns a version-n document into a
// version-(n+1) document without mutating its input, so that an old file opens with the numbers it gave
// before (test/unit/scenario/migrations.test.ts).
import { SCENARIO_VERSION } from './schema';

export type JsonObject = Record<string, unknown>;
export type Migration = (doc: JsonObject) => JsonObject;

/**
 * Version 1 → 2. Version 2 only adds fields (each optional or with a default that gives version 1's numbers),
 * so a version-1 document is a valid version-2 document as it stands; a default that changes meaning in
 * version 2 is written into the migrated document here with its version-1 value.
 */
function v1ToV2(doc: JsonObject): JsonObject {
  return { ...doc };
}

export const MIGRATIONS: Readonly<Record<number, Migration>> = { 1: v1ToV2 };

export interface Migrated {
  doc: JsonObject;
  /** Versions the document passed through, oldest first (empty when already current). */
  steps: number[];
}

export function migrate(doc: JsonObject, fromVersion: number): Migrated {
  let current = doc;
  const steps: number[] = [];
  for (let v = fromVersion; v < SCENARIO_VERSION; v++) {
    const step = MIGRATIONS[v];
    if (!step) throw new Error(`no migration from scenario version ${v} to ${v + 1}`);
    current = { ...step(current), version: v + 1 };
    steps.push(v);
  }
  return { doc: current, steps };
}
