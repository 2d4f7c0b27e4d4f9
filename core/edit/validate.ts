// Validation of the scenario being edited with the file validator itself (scenarioSchema), so every inline
// message is word for word what opening the saved file would report, at the same JSON path.
import { modelParameterIssues } from '../model/validate';
import { formatPath, scenarioSchema } from '../scenario/schema';
import type { Path } from './json-path';

export interface Issue {
  readonly path: Path;
  /** `$.services[3].demand.cpuCores` */
  readonly where: string;
  readonly message: string;
}

export function validateScenario(value: unknown): Issue[] {
  const result = scenarioSchema.safeParse(value);
  // The deployment-model checks run after the schema, as when a file is opened (core/scenario/parse.ts).
  if (result.success) return modelParameterIssues(result.data).map((issue) => ({ path: issue.path, where: formatPath(issue.path), message: issue.message }));
  return result.error.issues.map((issue) => ({
    path: issue.path.filter((k): k is string | number => typeof k !== 'symbol'),
    where: formatPath(issue.path),
    message: issue.message,
  }));
}

/** Issues grouped by the JSON path they name, for cell lookups. */
export function issuesByWhere(issues: readonly Issue[]): Map<string, string[]> {
  const map = new Map<string, string[]>();
  for (const i of issues) {
    const list = map.get(i.where);
    if (list) list.push(i.message);
    else map.set(i.where, [i.message]);
  }
  return map;
}

/** Issues at or under `prefix` (e.g. every issue of services[3]). */
export function issuesUnder(issues: readonly Issue[], prefix: Path): Issue[] {
  return issues.filter((i) => prefix.every((k, n) => i.path[n] === k));
}
