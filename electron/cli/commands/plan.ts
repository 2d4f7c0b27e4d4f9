// `hostfit plan <scenario> [--json]`: hosts per deployment model, the lower bound and utilisation.
import { parseArgs } from 'node:util';
import { DIMENSIONS } from '../../../core/model/dimensions';
import { planScenario, type PlanResult } from '../../../core/plan/plan';
import { readScenario, UsageError, type Command } from '../command';
import { percent, table } from '../format';
import { createWasmPacker } from '../kernel';

export function planTable(r: PlanResult): string {
  const row = (label: string, f: (m: PlanResult['models'][number]) => string) => [label, ...r.models.map(f)];
  const rows = [
    row('instances', (m) => String(m.instances)),
    row('placed', (m) => String(m.placed)),
    row('unplaced', (m) => String(m.unplaced)),
    row('hosts used', (m) => `${m.hostsUsed} of ${m.hostsInPool}`),
    row('lower bound', (m) => (m.lowerBound.hosts === null ? 'none' : `${m.lowerBound.hosts} (${m.lowerBound.by ?? '-'})`)),
    row('gap to bound', (m) => (m.gap === null ? '-' : String(m.gap))),
    ...DIMENSIONS.map((d) => row(`${d} utilisation`, (m) => percent(m.utilisation[d]))),
  ];
  return `${r.scenario}: ${r.algorithm.toUpperCase()} by ${r.sizeKey}, ${r.packer} kernel\n\n${table(['', ...r.models.map((m) => m.model)], rows)}\n`;
}

export const command: Command = {
  usage: 'hostfit plan <scenario.hostfit.json> [--json]   hosts per deployment model (VM, container), lower bound, utilisation',
  async run(args) {
    const { values, positionals } = parseArgs({ args, options: { json: { type: 'boolean', default: false } }, allowPositionals: true });
    if (positionals.length !== 1) throw new UsageError('plan needs exactly one scenario file');
    const result = planScenario(await readScenario(positionals[0]), createWasmPacker());
    return values.json ? JSON.stringify(result, null, 2) + '\n' : planTable(result);
  },
};
