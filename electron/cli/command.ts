// What every CLI command module exports, and the two kinds of user error a command may throw.
import { readFile } from 'node:fs/promises';
import { parseScenarioBytes } from '../../core/scenario/bytes';
import { describeErrors } from '../../core/scenario/parse';
import type { Scenario } from '../../core/scenario/schema';

export interface Command {
  /** One usage line, e.g. `hostfit plan <scenario.hostfit.json> [--json]   what it prints`. */
  readonly usage: string;
  /** Runs with the arguments after the command name; returns what to print on stdout. */
  run(args: string[]): Promise<string>;
}

/** Wrong arguments: exit code 2 and the usage text. */
export class UsageError extends Error {}
/** Bad input file or data: exit code 1 and the message (which names the file and the field). */
export class InputError extends Error {}

async function readBytes(file: string): Promise<Uint8Array> {
  try {
    return await readFile(file);
  } catch (e) {
    throw new InputError(`cannot read ${file}: ${(e as Error).message}`);
  }
}

export async function readScenario(file: string): Promise<Scenario> {
  const parsed = parseScenarioBytes(await readBytes(file));
  if (!parsed.ok) throw new InputError(`${file} is not a valid scenario:\n${describeErrors(parsed.errors)}`);
  return parsed.scenario;
}
