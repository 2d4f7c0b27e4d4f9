// `hostfit compare <scenario> [--json|--csv] [--no-headroom]`: VMs, pods on bare metal and pods in node VMs
// side by side, from one run (core/compare).
import { parseArgs } from 'node:util';
import { compareAnswers } from '../../../core/compare/compare';
import { answersDual, planModels } from '../../../core/plan/plan';
import type { Comparison } from '../../../core/compare/result';
import { toCsv } from '../../../core/edit/csv';
import { comparisonRows, type Cell, type Row } from '../../../core/compare/rows';
import { readScenario, UsageError, type Command } from '../command';
import { percent, table } from '../format';
import { createWasmPacker } from '../kernel';
import { budgetLines, dualLines, loadHighs } from './plan';

export function formatCell(row: Row, value: Cell): string {
  if (value === null) return '-';
  if (typeof value === 'string') return value;
  if (row.unit === 'share') return percent(value);
  if (Number.isInteger(value)) return String(value);
  return Math.abs(value) >= 100 ? value.toFixed(0) : value.toFixed(1);
}

export function assumptionLines(c: Comparison): string[] {
  const load = c.assumptions.load === 'packed'
    ? 'each used host runs at the CPU its items burn (requests fully used, plus guest OS, virtualisation, runtime and sidecar CPU)'
    : `every used host runs at ${percent(c.assumptions.load)} CPU`;
  return [
    `Platforms compared: ${c.platforms.text}`,
    `Isolation ranking used (strongest first): ${c.isolationRanking}`,
    `Energy: ${load}; ${c.assumptions.hoursPerMonth} h per month; unused hosts switched off. `
      + `Host prices amortised over ${c.assumptions.amortisationMonths} months.`,
  ];
}

export function compareTable(c: Comparison): string {
  const rows = comparisonRows(c, { dimensions: ['cpu', 'memory'] });
  const body = rows.map((r) => [`${r.metric}${r.unit && r.unit !== 'share' ? ` (${r.unit})` : ''}`, ...r.values.map((v) => formatCell(r, v))]);
  const header = [`${c.scenario}: ${c.planAlgorithms.join(' / ').toUpperCase()} by ${c.sizeKey}, every model under every placement rule, ${c.packer} kernel`,
    ...assumptionLines(c)].join('\n');
  const unverified = c.models.filter((m) => !m.verified).map((m) => `${m.id}: the verifier REJECTED this placement.\n`).join('');
  return `${header}\n\n${table(['', ...c.models.map((m) => m.id)], body)}\n\n${unverified}`
    + 'Overhead and stranded rows for disk and network are in --csv and --json.\n';
}

export function compareCsv(c: Comparison): string {
  const rows: Cell[][] = [['section', 'metric', 'unit', ...c.models.map((m) => m.id)]];
  for (const r of comparisonRows(c)) rows.push([r.section, r.metric, r.unit, ...r.values]);
  return toCsv(rows, ',', '\n');
}

export const command: Command = {
  usage: 'hostfit compare <scenario.hostfit.json> [--json|--csv] [--no-headroom] [--lp]   VMs, pods, pods in VMs side by side; --lp adds the dual',
  async run(args) {
    const { values, positionals } = parseArgs({
      args,
      options: {
        json: { type: 'boolean', default: false }, csv: { type: 'boolean', default: false }, 'no-headroom': { type: 'boolean', default: false },
        lp: { type: 'boolean', default: false },
      },
      allowPositionals: true,
    });
    if (positionals.length !== 1) throw new UsageError('compare needs exactly one scenario file');
    if (values.json && values.csv) throw new UsageError('choose one of --json and --csv');
    const scenario = await readScenario(positionals[0]);
    const packer = createWasmPacker();
    const highs = await loadHighs();
    const plan = planModels(scenario, packer, undefined, undefined, { highs: highs ?? undefined });
    const result = compareAnswers(scenario, packer, plan.result, plan.answers, { headroom: !values['no-headroom'] });
    const duals = values.lp && highs ? answersDual(highs, scenario, packer, plan.answers) : null;
    if (values.json) {
      const json = duals ? { ...result, models: result.models.map((m, k) => ({ ...m, dual: duals[k] })) } : result;
      return JSON.stringify(json, null, 2) + '\n';
    }
    if (values.csv) return compareCsv(result);
    const text = compareTable(result) + budgetLines(plan.result, scenario.policy.improveIterations);
    return duals ? text + dualLines(result.models.map((m) => m.id), duals) : text;
  },
};
