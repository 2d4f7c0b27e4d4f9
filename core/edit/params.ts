// The deployment-model and policy parameters as the panels show them: every documented parameter with its
// current value, its default, its unit and where the default comes from (core/model/defaults.ts), and
// resetting one or all of them to the default. Groups follow the documented paths (deployment.vm,
// deployment.container, policy, …), so a parameter documented tomorrow shows up without UI changes.
import { DOCUMENTED_DEFAULTS as MODEL_DEFAULTS, type DocumentedDefault } from '../model/defaults';
import { SIMULATION_DOCUMENTED_DEFAULTS } from '../sim/defaults';
import type { Scenario } from '../scenario/schema';
import { getIn, jsonEqual, parsePath, setIn, type Path } from './json-path';

/** The deployment, policy and economics parameters, then the dynamic simulation's settings. */
const DOCUMENTED_DEFAULTS: readonly DocumentedDefault[] = [...MODEL_DEFAULTS, ...SIMULATION_DOCUMENTED_DEFAULTS];

/** `deployment.vm`, `deployment.container`, `policy`, …; per-site values (`sites[].…`) have no group here. */
export type ParameterGroup = string;

export interface ParameterRow {
  readonly doc: DocumentedDefault;
  readonly group: ParameterGroup;
  readonly path: Path;
  readonly value: unknown;
  readonly isDefault: boolean;
}

export function parameterGroupOf(path: string): ParameterGroup | null {
  if (path.includes('[]')) return null;
  const parts = path.split('.');
  if (parts.length < 2) return null;
  return parts[0] === 'deployment' ? parts.slice(0, 2).join('.') : parts[0];
}

/** Every group, in the order their parameters are documented. */
export function parameterGroups(): ParameterGroup[] {
  const groups: ParameterGroup[] = [];
  for (const d of DOCUMENTED_DEFAULTS) {
    const g = parameterGroupOf(d.path);
    if (g && !groups.includes(g)) groups.push(g);
  }
  return groups;
}

/** The documented parameters of one group, in the order they are documented. */
export function parameterRows(s: Scenario, group: ParameterGroup): ParameterRow[] {
  return DOCUMENTED_DEFAULTS.filter((d) => parameterGroupOf(d.path) === group).map((doc) => {
    const path = parsePath(doc.path);
    const value = getIn(s, path);
    // Unset means the default applies (an optional section such as `simulation` may be absent altogether).
    return { doc, group, path, value, isDefault: value === undefined || jsonEqual(value, doc.value) };
  });
}

/** The documented default of a scenario path (exact, or the parameter that contains it), if any. */
export function documentedDefault(path: string): DocumentedDefault | undefined {
  return DOCUMENTED_DEFAULTS.find((d) => d.path === path) ?? DOCUMENTED_DEFAULTS.find((d) => path.startsWith(d.path + '.'));
}

const clone = <T>(v: T): T => (v === undefined ? v : JSON.parse(JSON.stringify(v)) as T);

export function resetParameter(s: Scenario, doc: DocumentedDefault): Scenario {
  const path = parsePath(doc.path);
  const value = getIn(s, path);
  return value === undefined || jsonEqual(value, doc.value) ? s : setIn(s, path, clone(doc.value));
}

export function resetGroup(s: Scenario, group: ParameterGroup): Scenario {
  return DOCUMENTED_DEFAULTS.filter((d) => parameterGroupOf(d.path) === group).reduce(resetParameter, s);
}

/** Number of parameters of the group that differ from their default. */
export function changedParameters(s: Scenario, group: ParameterGroup): number {
  return parameterRows(s, group).filter((r) => !r.isDefault).length;
}
