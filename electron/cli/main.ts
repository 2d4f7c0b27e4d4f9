// The headless command line (beside electron/main): `hostfit <command> …`. Returns the process exit code:
// 0 success, 1 bad input (invalid scenario, unreadable file), 2 usage error.
import { parseArgs } from 'node:util';
import { InputError, planFile, planTable, UsageError } from './plan-command';

const USAGE = `Usage:
  hostfit plan <scenario.hostfit.json> [--json]   hosts per deployment model (VM, container), lower bound, utilisation
  hostfit help                                    this text`;

async function run(argv: string[]): Promise<string> {
  const [command, ...rest] = argv;
  if (!command || command === 'help' || command === '--help' || command === '-h') return USAGE + '\n';
  if (command === 'plan') {
    const { values, positionals } = parseArgs({ args: rest, options: { json: { type: 'boolean', default: false } }, allowPositionals: true });
    if (positionals.length !== 1) throw new UsageError('plan needs exactly one scenario file');
    const result = await planFile(positionals[0]);
    return values.json ? JSON.stringify(result, null, 2) + '\n' : planTable(result);
  }
  throw new UsageError(`unknown command "${command}"`);
}

export async function main(argv: string[], out: (s: string) => void = (s) => process.stdout.write(s),
  err: (s: string) => void = (s) => process.stderr.write(s)): Promise<number> {
  try {
    out(await run(argv));
    return 0;
  } catch (e) {
    if (e instanceof InputError) { err(`hostfit: ${e.message}\n`); return 1; }
    if (e instanceof UsageError || (e as { code?: string }).code?.startsWith('ERR_PARSE_ARGS')) {
      err(`hostfit: ${(e as Error).message}\n\n${USAGE}\n`);
      return 2;
    }
    throw e;
  }
}
