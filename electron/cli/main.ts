// The headless command line (beside electron/main): `hostfit <command> …`. Returns the process exit code:
// 0 success, 1 bad input (invalid scenario or instance, unreadable file), 2 usage error.
// Each command lives in its own module under commands/ and is loaded only when it runs: the usage lines are
// this static table, so `hostfit --help` starts in a few tens of milliseconds. A new command is one line here.
import type { Command } from './command';
import { InputError, UsageError } from './errors';

interface Entry {
  /** One usage line: `hostfit NAME <arguments> [options]   what it does`. */
  readonly usage: string;
  readonly load: () => Promise<{ command: Command }>;
}

const COMMANDS: Record<string, Entry> = {
  plan: { usage: 'hostfit plan <scenario.hostfit.json> [--json] [--lp]   hosts per deployment model (VM, container, container-in-VM), bounds, dual', load: () => import('./commands/plan') },
  pack: { usage: 'hostfit pack <instance.txt|.vbp> [--algorithm NAME] [--time-limit SECONDS] [--seed N] [--iterations N] [--lp] [--assignment] [--json]   pack a bin-packing benchmark instance', load: () => import('./commands/pack') },
  compare: { usage: 'hostfit compare <scenario.hostfit.json> [--json|--csv] [--no-headroom] [--lp]   VMs, pods, pods in VMs side by side', load: () => import('./commands/compare') },
  sweep: { usage: 'hostfit sweep <scenario.hostfit.json> --param PATH --values a,b,c|from..to[:step] [--json|--csv] [--headroom] [--threads N]   one comparison per value, on all cores', load: () => import('./commands/sweep') },
  simulate: { usage: 'hostfit simulate --preset beloglazov2012 --traces <day-folder> --policy <npa|dvfs|thr-mmt-0.8|…> [--json] [--correct <quirk,…|all>] [--reference]\n'
    + '  hostfit simulate --preset containercloudsim2017 --traces <day-folder> [--seed N] [--json] [--correct <quirk,…|all>]   ContainerCloudSim\'s containers-in-VMs experiment\n'
    + '  hostfit simulate <scenario.hostfit.json> [--policy <policy>] [--json] [--reference]   dynamic consolidation over a day of utilisation traces', load: () => import('./commands/simulate') },
  batch: { usage: 'hostfit batch <batch.json | scenario… --param PATH --values V …> [--shard i/n] [--workers k] [--out results.jsonl]   a batch of runs (or one shard) as JSON Lines\n'
    + '  hostfit batch merge <results.jsonl… | folder> [--out table.csv|table.json]   the table of a batch, and which runs are missing', load: () => import('./commands/batch') },
  overheads: { usage: 'hostfit overheads --platform <id> [--platform <k8s-id>] [--vm <vcpus>x<GiB>] [--node <vcpus>x<GiB>] [--instance <type>] [--max-pods N] [--runtime <class>] [--json]   a platform\'s VM overhead, node reservations, pod overhead, with sources', load: () => import('./commands/overheads') },
  import: { usage: 'hostfit import <rvtools|kubernetes|prometheus|azure|alibaba|bitbrains> <files…> --out <scenario.hostfit.json> [--json]   an RVTools export, kubectl dump, Prometheus answer or public trace → a scenario (`hostfit import --help`: options)', load: () => import('./commands/import') },
};

function usage(): string {
  return `Usage:\n${Object.values(COMMANDS).map((c) => `  ${c.usage}`).join('\n')}\n  hostfit help\n`
    + '`hostfit <command> --help` shows one command\'s usage.';
}

export async function main(argv: string[], out: (s: string) => void = (s) => process.stdout.write(s),
  err: (s: string) => void = (s) => process.stderr.write(s)): Promise<number> {
  const [name, ...rest] = argv;
  try {
    if (!name || name === 'help' || name === '--help' || name === '-h') {
      out(`${usage()}\n`);
      return 0;
    }
    const entry = Object.hasOwn(COMMANDS, name) ? COMMANDS[name] : undefined;
    if (!entry) throw new UsageError(`unknown command "${name}"`);
    const { command } = await entry.load();
    if (rest.includes('--help') || rest.includes('-h')) {
      out(`Usage:\n  ${command.usage ?? entry.usage}\n`);
      return 0;
    }
    out(await command.run(rest, { err }));
    return 0;
  } catch (e) {
    if (e instanceof InputError) { err(`hostfit: ${e.message}\n`); return 1; }
    if (e instanceof UsageError || (e as { code?: string }).code?.startsWith('ERR_PARSE_ARGS')) {
      err(`hostfit: ${(e as Error).message}\n\n${usage()}\n`);
      return 2;
    }
    throw e;
  }
}
