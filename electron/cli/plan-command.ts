// `hostfit plan <scenario.json> [--json]`: hosts per deployment model, the lower bound and utilisation.
import { readFile } from 'node:fs/promises';
import { DIMENSIONS } from '../../core/model/dimensions';
import { planScenario, type PlanResult } from '../../core/plan/plan';
import { describeErrors, parseScenarioText } from '../../core/scenario/parse';
import { percent, table } from './format';
import { createWasmPacker } from './kernel';

export class UsageError extends Error {}
export class InputError extends Error {}

export async function planFile(file: string): Promise<PlanResult> {
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (e) {
    throw new InputError(`cannot read ${file}: ${(e as Error).message}`);
  }
  const parsed = parseScenarioText(text);
  if (!parsed.ok) throw new InputError(`${file} is not a valid scenario:\n${describeErrors(parsed.errors)}`);
  return planScenario(parsed.scenario, createWasmPacker());
}

export function planTable(r: PlanResult): string {
  const cols = r.models.map((m) => m.model);
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
  return `${r.scenario}: ${r.algorithm.toUpperCase()} by ${r.sizeKey}, ${r.packer} kernel\n\n${table(['', ...cols], rows)}\n`;
}
