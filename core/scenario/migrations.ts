// Numbered, pure migrations between scenario versions: MIGRATIONS[n] turns a version-n document into a
// version-(n+1) document without mutating its input. Version 1 is the first format, so there are none yet;
// the next format change adds MIGRATIONS[1] and a test that an old file still opens with the same numbers.
import { SCENARIO_VERSION } from './schema';

export type JsonObject = Record<string, unknown>;
export type Migration = (doc: JsonObject) => JsonObject;

export const MIGRATIONS: Readonly<Record<number, Migration>> = {};

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
