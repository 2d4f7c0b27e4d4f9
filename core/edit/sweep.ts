// A parameter sweep as the planner sets it up: one scenario per value of one numeric parameter (for example
// vCPU overcommit 1, 2, 4, 8), each planned like any other scenario.
import type { Scenario } from '../scenario/schema';
import { setIn, type Path } from './json-path';

/** `steps` evenly spaced values from `from` to `to` inclusive (rounded to 6 decimals); whole numbers when both ends are and the spacing allows. */
export function sweepValues(from: number, to: number, steps: number): number[] {
  const n = Math.max(1, Math.min(200, Math.floor(steps)));
  if (n === 1 || from === to) return [from];
  const values: number[] = [];
  for (let k = 0; k < n; k++) values.push(Math.round((from + (to - from) * k / (n - 1)) * 1e6) / 1e6);
  return [...new Set(values)];
}

/** Values typed as a list: "1, 2, 4, 8" (commas, semicolons or spaces). Null when any entry is not a number. */
export function parseValueList(text: string): number[] | null {
  const parts = text.split(/[\s,;]+/).filter((p) => p !== '');
  if (parts.length === 0) return null;
  const values = parts.map(Number);
  return values.every(Number.isFinite) ? values : null;
}

export function withParameter(s: Scenario, path: Path, value: unknown): Scenario {
  return setIn(s, path, value);
}
