// End-to-end planning of the bundled examples (expand → encode → pack → summarise), WASM vs reference.
import { EXAMPLES, exampleScenario } from '../../core/examples/index';
import { planScenario } from '../../core/plan/plan';
import { ReferencePacker } from '../../core/reference/reference-packer';
import { loadHighs } from '../../electron/cli/commands/plan';
import { createWasmPacker } from '../../electron/cli/kernel';
import { markdownTable, timeBest } from '../table';

export const name = 'plan';
export const description = 'plan the bundled examples (VM and container) with the WASM kernel and the TypeScript reference';

export async function run(): Promise<void> {
  const wasm = createWasmPacker();
  // The bounds the app and the command line print come with HiGHS loaded (LP relaxations, isolation partitions):
  // planned once more with it for the quality column; the timed plans leave it out, so both engines are compared alone.
  const highs = await loadHighs();
  const reference = new ReferencePacker();
  const rows = EXAMPLES.map((example) => {
    const scenario = exampleScenario(example);
    const w = timeBest(() => planScenario(scenario, wasm));
    const r = timeBest(() => planScenario(scenario, reference));
    const instances = w.result.models.reduce((n, m) => n + m.instances, 0);
    // Hosts against the best bound the plan proves (volume, L2, rules, LP), with what makes it: the volume bound alone
    // ignores spread and isolation rules, so it reads 4 / 2 where the rules force 4 hosts.
    const shown = highs ? planScenario(scenario, wasm, undefined, undefined, { highs }) : w.result;
    const quality = shown.models.map((m) => `${m.model} ${m.hostsUsed}/${m.bestLowerBound.hosts ?? '-'} (${m.bestLowerBound.by ?? '-'})`).join(', ');
    return [example.id, instances, (w.seconds * 1000).toFixed(2), Math.round(instances / w.seconds), (r.seconds * 1000).toFixed(2),
      (r.seconds / w.seconds).toFixed(1), quality];
  });
  console.log(markdownTable(['example', 'instances (both models)', 'wasm ms', 'wasm items/s', 'reference ms', 'reference/wasm', highs ? 'hosts/best lower bound (what makes it), with HiGHS' : 'hosts/best lower bound (what makes it), HiGHS not loaded'], rows));
}
