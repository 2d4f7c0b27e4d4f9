// The headless command line (beside electron/main): `hostfit <command> …`. Returns the process exit code:
// 0 success, 1 bad input (invalid scenario or instance, unreadable file), 2 usage error.
// Each command lives in its own module under commands/ and is loaded only when used.
import { InputError, UsageError, type Command } from './command';

const COMMANDS: Record<string, () => Promise<{ command: Command }>> = {
  plan: () => import('./commands/plan'),
  pack: () => import('./commands/pack'),
  compare: () => import('./commands/compare'),
  sweep: () => import('./commands/sweep'),
  simulate: () => import('./commands/simulate'),
  import: () => import('./commands/import'),
};

async function usage(): Promise<string> {
  const lines = await Promise.all(Object.values(COMMANDS).map(async (load) => `  ${(await load()).command.usage}`));
  return `Usage:\n${lines.join('\n')}\n  hostfit help`;
}

export async function main(argv: string[], out: (s: string) => void = (s) => process.stdout.write(s),
  err: (s: string) => void = (s) => process.stderr.write(s)): Promise<number> {
  const [name, ...rest] = argv;
  try {
    if (!name || name === 'help' || name === '--help' || name === '-h') {
      out(`${await usage()}\n`);
      return 0;
    }
    const load = COMMANDS[name];
    if (!load) throw new UsageError(`unknown command "${name}"`);
    const { command } = await load();
    if (rest.includes('--help') || rest.includes('-h')) {
      out(`Usage:\n  ${command.usage}\n`);
      return 0;
    }
    out(await command.run(rest));
    return 0;
  } catch (e) {
    if (e instanceof InputError) { err(`hostfit: ${e.message}\n`); return 1; }
    if (e instanceof UsageError || (e as { code?: string }).code?.startsWith('ERR_PARSE_ARGS')) {
      err(`hostfit: ${(e as Error).message}\n\n${await usage()}\n`);
      return 2;
    }
    throw e;
  }
}
