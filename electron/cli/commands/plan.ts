// `hostfit plan <scenario> [--json]`: hosts per deployment model, the lower bound and utilisation.
import { parseArgs } from 'node:util';
import { DIMENSIONS } from '../../../core/model/dimensions';
import { planScenario, type PlanResult } from '../../../core/plan/plan';
import { readScenario, UsageError, type Command } from '../command';
import { percent, table } from '../format';
import { createWasmPacker } from '../kernel';

type ModelPlan = PlanResult['models'][number];

const bound = (b: ModelPlan['lowerBound']) => (b.hosts === null ? 'none' : `${b.hosts} (${b.method === 'l2' ? `L2, ${b.by}` : b.by ?? '-'})`);

/** Unplaced replicas per service, with the rule that stopped them and the hosts each rule ruled out. */
function unplacedLines(r: PlanResult): string {
  const lines = r.models.flatMap((m) => m.unplacedServices.map((u) => {
    const ruled = Object.entries(u.hostsRuledOut).filter(([, n]) => n > 0).map(([rule, n]) => `${n} ${rule}`).join(', ');
    return `  ${m.model}: ${u.count} × ${u.serviceId}: ${u.reason ?? 'no room'}${ruled ? ` (hosts ruled out: ${ruled})` : ''}`;
  }));
  return lines.length > 0 ? `\nUnplaced:\n${lines.join('\n')}\n` : '';
}

export function planTable(r: PlanResult): string {
  const row = (label: string, f: (m: ModelPlan) => string) => [label, ...r.models.map(f)];
  const sizing = r.models.find((m) => m.sizing)?.sizing;
  const rows = [
    row('instances', (m) => String(m.instances)),
    row('placed', (m) => String(m.placed)),
    row('unplaced', (m) => String(m.unplaced)),
    row('hosts used', (m) => `${m.hostsUsed} of ${m.hostsInPool}`),
    row('lower bound', (m) => bound(m.lowerBound)),
    row('gap to bound', (m) => (m.gap === null ? '-' : String(m.gap))),
    row('best lower bound', (m) => bound(m.bestLowerBound)),
    row('gap to best bound', (m) => (m.gapToBest === null ? '-' : String(m.gapToBest))),
    row('constructive pass', (m) => `${m.constructiveHosts} hosts`),
    row('improvement phase', (m) => (m.algorithm.includes('cns') ? `${m.improvement.iterations} it., ${m.improvement.hostsEmptied} emptied` : 'none')),
    ...(sizing ? [row(`sizing p${sizing.percentile} (${sizing.runs} runs)`, (m) => (m.sizing ? `${m.sizing.hosts} hosts` : '-'))] : []),
    row('verified', (m) => (m.verified ? 'yes' : 'NO')),
    ...DIMENSIONS.map((d) => row(`${d} utilisation`, (m) => percent(m.utilisation[d]))),
  ];
  const algorithms = [...new Set(r.models.map((m) => m.algorithm))].join(' / ');
  return `${r.scenario}: ${algorithms.toUpperCase()} by ${r.sizeKey}, ${r.packer} kernel\n\n${table(['', ...r.models.map((m) => m.model)], rows)}\n${unplacedLines(r)}`;
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
