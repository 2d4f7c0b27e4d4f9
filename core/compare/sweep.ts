// Parameter sweeps: one scenario, one parameter set to each of several values, one comparison per value.
// A parameter is a path into the scenario document: `deployment.vm.cpuOvercommit`, `sites[0].pue`,
// `sites.0.pue`, or an element picked by id: `services[api].replicas`. Paths are checked against the
// scenario's JSON Schema, so a typo is an error rather than an ignored unknown field.
import { scenarioJsonSchema } from '../scenario/json-schema';
import type { Comparison } from './result';

export type PathStep = { readonly key: string } | { readonly index: number } | { readonly id: string };
export type SweepValue = number | boolean | string;

export class SweepError extends Error {}

/** `a.b[0].c`, `a.b.0.c`, `a.b[some-id].c` → steps. */
export function parseParamPath(path: string): PathStep[] {
  if (!/^[A-Za-z_][\w]*(\.[\w]+|\[[A-Za-z0-9._:-]+\])*$/.test(path)) {
    throw new SweepError(`"${path}" is not a parameter path (e.g. deployment.vm.cpuOvercommit or sites[0].pue)`);
  }
  const steps: PathStep[] = [];
  for (const m of path.matchAll(/([A-Za-z_]\w*)|\.(\d+)(?=\.|\[|$)|\.([A-Za-z_]\w*)|\[([A-Za-z0-9._:-]+)\]/g)) {
    if (m[1] !== undefined || m[3] !== undefined) steps.push({ key: (m[1] ?? m[3])! });
    else if (m[2] !== undefined) steps.push({ index: Number(m[2]) });
    else steps.push(/^\d+$/.test(m[4]!) ? { index: Number(m[4]) } : { id: m[4]! });
  }
  return steps;
}

export function formatSteps(steps: readonly PathStep[]): string {
  return steps.map((s, k) => ('key' in s ? `${k === 0 ? '' : '.'}${s.key}` : 'index' in s ? `[${s.index}]` : `[${s.id}]`)).join('');
}

type JsonSchemaNode = { properties?: Record<string, JsonSchemaNode>; items?: JsonSchemaNode; anyOf?: JsonSchemaNode[]; oneOf?: JsonSchemaNode[] };

function branches(node: JsonSchemaNode): JsonSchemaNode[] {
  return [node, ...(node.anyOf ?? []).flatMap(branches), ...(node.oneOf ?? []).flatMap(branches)];
}

/** Throws unless every step names a field (or array element) the scenario format defines. */
export function checkPathInSchema(steps: readonly PathStep[]): void {
  let nodes: JsonSchemaNode[] = [scenarioJsonSchema() as JsonSchemaNode];
  steps.forEach((step, k) => {
    const next = nodes.flatMap(branches).flatMap((n) => {
      if ('key' in step) return n.properties?.[step.key] ? [n.properties[step.key]] : [];
      return n.items ? [n.items] : [];
    });
    if (next.length === 0) {
      throw new SweepError(`the scenario format has no parameter ${formatSteps(steps.slice(0, k + 1))}`);
    }
    nodes = next;
  });
}

/** Sets `value` at `steps` in a copy of the document; missing objects on the way are created (they have defaults). */
export function applyParam(doc: unknown, steps: readonly PathStep[], value: unknown): unknown {
  const root = JSON.parse(JSON.stringify(doc)) as Record<string, unknown>; // a JSON document: a deep copy
  let node: unknown = root;
  steps.forEach((step, k) => {
    const last = k === steps.length - 1;
    const where = formatSteps(steps.slice(0, k + 1));
    if ('key' in step) {
      if (node === null || typeof node !== 'object' || Array.isArray(node)) throw new SweepError(`${formatSteps(steps.slice(0, k))} is not an object`);
      const obj = node as Record<string, unknown>;
      if (last) obj[step.key] = value;
      else {
        if (obj[step.key] === undefined) obj[step.key] = 'index' in steps[k + 1] || 'id' in steps[k + 1] ? [] : {};
        node = obj[step.key];
      }
      return;
    }
    if (!Array.isArray(node)) throw new SweepError(`${formatSteps(steps.slice(0, k))} is not a list`);
    const i = 'index' in step ? step.index : node.findIndex((e) => (e as { id?: unknown })?.id === step.id);
    if (i < 0 || i >= node.length) throw new SweepError(`${where}: no such element in the scenario`);
    if (last) node[i] = value;
    else node = node[i];
  });
  return root;
}

/** `1,2,4` · `1..8` (integers) · `0.5..2:0.5` (with a step) · `true,false` · `runc,kata`. */
export function parseSweepValues(text: string): SweepValue[] {
  const scalar = (s: string): SweepValue => {
    const t = s.trim();
    if (t === 'true' || t === 'false') return t === 'true';
    return t !== '' && Number.isFinite(Number(t)) ? Number(t) : t;
  };
  const range = /^\s*(-?[\d.]+)\s*\.\.\s*(-?[\d.]+)\s*(?::\s*([\d.]+))?\s*$/.exec(text);
  if (range) {
    const [from, to, step] = [Number(range[1]), Number(range[2]), range[3] === undefined ? 1 : Number(range[3])];
    if (![from, to, step].every(Number.isFinite) || step <= 0 || to < from) throw new SweepError(`"${text}" is not a range from..to[:step] with from <= to and step > 0`);
    const n = Math.floor((to - from) / step + 1e-9) + 1;
    if (n > 10000) throw new SweepError(`"${text}" has ${n} values; at most 10000`);
    return Array.from({ length: n }, (_, k) => Number((from + k * step).toPrecision(12)));
  }
  const values = text.split(',').map(scalar);
  if (values.some((v) => v === '')) throw new SweepError(`"${text}" has an empty value`);
  return values;
}

/** What one sweep row shows per model. */
export interface SweepModelSummary {
  readonly id: string;
  readonly hostsUsed: number;
  readonly lowerBound: number | null;
  readonly gap: number | null;
  readonly unplaced: number;
  readonly totalUSDPerMonth: number;
  readonly kWhPerMonth: number;
  /** Hosts to survive losing any one host, when headroom was computed and absorbable. */
  readonly hostsNPlus1: number | null;
}

export function sweepSummary(c: Comparison): SweepModelSummary[] {
  return c.models.map((m) => {
    const host = m.headroom?.find((h) => h.domain === 'host');
    return {
      id: m.id, hostsUsed: m.hostsUsed, lowerBound: m.lowerBound.hosts, gap: m.gap, unplaced: m.unplaced,
      totalUSDPerMonth: m.cost.totalUSD, kWhPerMonth: m.energy.kWhPerMonth,
      hostsNPlus1: host && host.unabsorbed === 0 ? host.hostsNeeded : null,
    };
  });
}
