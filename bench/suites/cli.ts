// The built command line's whole-process times against an empty Node process (`node -e 0`), spawned the same way
// and taken in rounds (every command once, then again), so a busy spell of the machine slows one run of each
// rather than every run of one. The empty process is the floor under every command: Node starting and exiting.
// Goals (issue 14): `hostfit --help` in at most 0.15 s and at most twice the empty process. Flags: --runs=N (default 9).
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { ensureBuiltCli, timeCli, timeEmptyNode, type ProcessTiming } from '../process';
import { fastestInRounds, markdownTable } from '../table';

export const name = 'cli';
export const description = 'the built command line, whole process: start-up and one-shot commands against an empty Node process';

/** `hostfit --help`'s goals: seconds, and times the empty process. */
const HELP_SECONDS = 0.15;
const HELP_TIMES_NODE = 2;

const day = fileURLToPath(new URL('../../../shared/data/planetlab/20110303', import.meta.url));

interface Case { readonly label: string; readonly args: readonly string[] | null }

export async function run(flags: string[]): Promise<void> {
  const runs = Math.max(1, Number(flags.find((f) => f.startsWith('--runs='))?.slice('--runs='.length) ?? 9));
  ensureBuiltCli();
  const cases: Case[] = [
    { label: 'node -e 0 (empty process)', args: null },
    { label: 'hostfit --help', args: ['--help'] },
    { label: 'hostfit plan --help', args: ['plan', '--help'] },
    { label: 'hostfit plan examples/web-tier.hostfit.json --json', args: ['plan', 'examples/web-tier.hostfit.json', '--json'] },
  ];
  if (existsSync(day)) {
    for (const policy of ['npa', 'dvfs']) {
      cases.push({ label: `hostfit simulate --preset beloglazov2012 --policy ${policy} (20110303)`,
        args: ['simulate', '--preset', 'beloglazov2012', '--traces', day, '--policy', policy, '--json'] });
    }
  }
  const best = fastestInRounds(cases, runs, (c) => (c.args === null ? timeEmptyNode(1) : timeCli(c.args)), (t) => t.wall);
  const empty = (best.get(cases[0]) as ProcessTiming).wall;
  const help = (best.get(cases[1]) as ProcessTiming).wall;
  console.log(`Wall seconds of the fastest of ${runs} runs, taken in rounds; CPU = user + system seconds of that run (10 ms ticks).\n`);
  console.log(markdownTable(['command', 'wall s', 'CPU s', '× empty process', 'beyond the empty process, s'],
    cases.map((c) => {
      const t = best.get(c) as ProcessTiming;
      return [c.label, t.wall.toFixed(3), t.cpu === null ? '-' : t.cpu.toFixed(2), (t.wall / empty).toFixed(2), (t.wall - empty).toFixed(3)];
    })));
  const met = help <= HELP_SECONDS && help <= HELP_TIMES_NODE * empty;
  console.log(`\n\`hostfit --help\`: ${help.toFixed(3)} s, ${(help / empty).toFixed(2)}× the empty process `
    + `(goal: ≤ ${HELP_SECONDS} s and ≤ ${HELP_TIMES_NODE}×): ${met ? 'met' : 'not met'}.`);
}
