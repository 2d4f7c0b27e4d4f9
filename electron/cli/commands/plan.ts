// `hostfit plan <scenario> [--json]`: hosts per deployment model, the lower bound and utilisation.
import { parseArgs } from 'node:util';
import type { Highs } from 'highs';
import { DIMENSIONS } from '../../../core/model/dimensions';
import type { ModelDual } from '../../../core/plan/dual';
import { answersDual, planModels, type PlanResult } from '../../../core/plan/plan';
import { budgetSpentWithGap, longerBudget } from '../../../core/plan/result';
import { MAX_IMPROVE_ITERATIONS } from '../../../core/scenario/schema';
import { readScenario, UsageError, type Command } from '../command';
import { percent, table } from '../format';
import { createWasmPacker } from '../kernel';

type ModelPlan = PlanResult['models'][number];

const bound = (b: ModelPlan['lowerBound']) => (b.hosts === null ? 'none'
  : `${b.hosts} (${b.method === 'l2' ? `L2, ${b.by}` : b.method === 'volume' || b.method === undefined ? b.by ?? '-' : b.by?.startsWith(b.method) ? b.by : `${b.method}, ${b.by}`})`);

let highsLoaded: Promise<Highs | null> | undefined;
/** HiGHS for the LP relaxation (null where it cannot load: the plan then goes without the LP bound). */
export function loadHighs(): Promise<Highs | null> {
  highsLoaded ??= import('highs').then((m) => m.default()).catch(() => null);
  return highsLoaded;
}

/** The dual of each model as printed: LP bound, shadow prices that bind, host models' reduced costs, each rule's cost. */
export function dualLines(ids: readonly string[], duals: readonly ModelDual[]): string {
  const out: string[] = ['', 'Dual problem (LP relaxation with every rule):'];
  duals.forEach((d, k) => {
    out.push(`  ${ids[k]}: LP ${d.value === null ? 'not solved' : d.value.toFixed(3)} hosts, bound ${d.bound ?? '-'}`);
    const binding = d.prices.filter((p) => p.price > 0).map((p) => `${p.hostModel} ${p.resource} ${p.price.toPrecision(3)} hosts per ${p.unit}`);
    out.push(`    binding resources: ${binding.length > 0 ? binding.join('; ') : 'none (every shadow price is 0)'}`);
    out.push(`    host models (reduced cost): ${d.hostModels.map((h) => `${h.hostModel} ${h.reducedCost.toFixed(3)} (${h.hostsInLp} in the LP)`).join('; ')}`);
    const rules = Object.entries(d.ruleCosts).map(([id, c]) => `${id} ${c.hosts >= 0 ? '+' : ''}${c.hosts} hosts re-planned (LP ${c.lp === null ? '-' : `+${c.lp.toFixed(3)}`})`);
    out.push(`    rule costs: ${rules.length > 0 ? rules.join('; ') : 'no rules'}`);
  });
  return out.join('\n') + '\n';
}

/** Unplaced replicas per service, with the rule that stopped them and the hosts each rule ruled out. */
function unplacedLines(r: PlanResult): string {
  const lines = r.models.flatMap((m) => m.unplacedServices.map((u) => {
    const ruled = Object.entries(u.hostsRuledOut).filter(([, n]) => n > 0).map(([rule, n]) => `${n} ${rule}`).join(', ');
    return `  ${m.model}: ${u.count} × ${u.serviceId}: ${u.reason ?? 'no room'}${ruled ? ` (hosts ruled out: ${ruled})` : ''}`;
  }));
  return lines.length > 0 ? `\nUnplaced:\n${lines.join('\n')}\n` : '';
}

/** Where instances were left unplaced: the bounds are of the placed ones, and how far a pool that ran out falls short. */
export function shortLines(r: PlanResult): string {
  const short = r.models.filter((m) => m.unplaced > 0);
  if (short.length === 0) return '';
  const lacking = short.filter((m) => m.shortfall && m.shortfall.extraHosts > 0).map((m) => {
    const s = m.shortfall!;
    return `  ${m.id}: with the ${s.instances} left for lack of hosts, at least ${s.hostsAtLeast} hosts (by ${s.by ?? '-'}), `
      + `${s.extraHosts} more than the pool's ${m.hostsInPool}${s.hostModel ? ` (counted as ${s.hostModel})` : ''}\n`;
  });
  return `\nBounds and gaps of ${short.map((m) => m.id).join(', ')} are of the instances placed, not of the whole workload.\n`
    + (lacking.length > 0 ? `The pool falls short:\n${lacking.join('')}` : '');
}

/** Models whose improvement phase spent its whole budget with a gap open: what a longer search may do. */
export function budgetLines(r: PlanResult, budget: number): string {
  const open = r.models.filter((m) => budgetSpentWithGap(m, budget)).map((m) => m.id);
  if (open.length === 0) return '';
  const spent = `\nThe improvement phase spent its whole budget of ${budget} iterations with a gap open (${open.join(', ')}): `;
  const longer = longerBudget(budget);
  // As the app's Model tab: a longer search is offered only where the schema allows one.
  return longer > budget
    ? `${spent}a longer search\n(policy.improveIterations, e.g. ${longer}) may find a plan nearer the bound, or the bound is below the optimum.\n`
    : `${spent}that is the most\na scenario allows (policy.improveIterations ≤ ${MAX_IMPROVE_ITERATIONS}), so the bound may be below the optimum, or a plan\nnearer it needs a longer search than that.\n`;
}

/** The plan as a table; `budget`: the policy's improvement budget, to say where it was spent with a gap open. */
export function planTable(r: PlanResult, budget = 0): string {
  const row = (label: string, f: (m: ModelPlan) => string) => [label, ...r.models.map(f)];
  const sizing = r.models.find((m) => m.sizing)?.sizing;
  const rows = [
    row('algorithm', (m) => m.algorithm),
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
  const nodes = r.models.filter((m) => m.nodes).map((m) => `${m.id}: ${m.nodes!.nodesUsed} node VMs of ${m.nodes!.shape.vcpus} vCPU / `
    + `${m.nodes!.shape.memoryGiB} GiB (${m.nodes!.shapeLabel})${m.nodes!.search ? `, best of ${m.nodes!.search.candidates.length} shapes` : ''}\n`).join('');
  return `${r.scenario}: ${algorithms.toUpperCase()} by ${r.sizeKey}, every rule, ${r.packer} kernel\n\n${table(['', ...r.models.map((m) => m.id)], rows)}\n${nodes}${unplacedLines(r)}${shortLines(r)}${budgetLines(r, budget)}`;
}

export const command: Command = {
  usage: 'hostfit plan <scenario.hostfit.json> [--json] [--lp]   hosts per deployment model (VM, container, container-in-VM), '
    + 'rule-aware lower bound, verifier, utilisation; --lp adds the dual (shadow prices, host models, the cost of each rule)',
  async run(args) {
    const { values, positionals } = parseArgs({ args, options: { json: { type: 'boolean', default: false }, lp: { type: 'boolean', default: false } }, allowPositionals: true });
    if (positionals.length !== 1) throw new UsageError('plan needs exactly one scenario file');
    const scenario = await readScenario(positionals[0]);
    const packer = createWasmPacker();
    const highs = await loadHighs();
    const { result, answers } = planModels(scenario, packer, undefined, undefined, { highs: highs ?? undefined });
    const duals = values.lp && highs ? answersDual(highs, scenario, packer, answers) : null;
    if (values.json) {
      const json = duals ? { ...result, models: result.models.map((m, k) => ({ ...m, dual: duals[k] })) } : result;
      return JSON.stringify(json, null, 2) + '\n';
    }
    return planTable(result, scenario.policy.improveIterations) + (duals ? dualLines(result.models.map((m) => m.id), duals) : '');
  },
};
