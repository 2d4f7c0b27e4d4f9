// What every CLI command module exports, the two kinds of user error a command may throw, and reading a
// scenario file. A command's usage line lives in main.ts's table, so that `hostfit --help` loads no command.
import { readFile } from 'node:fs/promises';
import { parseScenarioBytes } from '../../core/scenario/bytes';
import { describeErrors } from '../../core/scenario/parse';
import type { Scenario } from '../../core/scenario/schema';
import { InputError } from './errors';

export { InputError, UsageError } from './errors';

/** Where a command may report progress while it runs (stderr, or a test's capture). */
export interface CommandIo {
  readonly err: (s: string) => void;
}

export interface Command {
  /** Longer help for `hostfit <command> --help` (the usage line of main.ts's table when absent). */
  readonly usage?: string;
  /** Runs with the arguments after the command name; returns what to print on stdout. */
  run(args: string[], io?: CommandIo): Promise<string>;
}

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
