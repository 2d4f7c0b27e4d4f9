// Edits of the service catalogue as pure functions: each returns a new scenario that shares every untouched
// service with the old one (cheap at 10^4 services, and undo is just the previous value).
import { ISOLATION_BOUNDARIES, type Scenario, type Service } from '../scenario/schema';
import { idAllocator } from './ids';
import { SERVICE_COLUMNS, withCell, type ServiceColumn } from './service-columns';
import { valueFromText } from './schema-fields';

function withServices(s: Scenario, services: Service[]): Scenario {
  return { ...s, services };
}

/** Sets one cell. */
export function setServiceCell(s: Scenario, index: number, c: ServiceColumn, value: unknown): Scenario {
  const before = s.services[index];
  if (!before) return s;
  const after = withCell(before, c, value);
  if (after === before) return s;
  const services = s.services.slice();
  services[index] = after;
  return withServices(s, services);
}

export type BulkOperation = 'set' | 'add' | 'multiply';

/**
 * The same change to many services at once (one undo step): set a value, or add to / multiply a numeric
 * column. Whole-number columns are rounded after adding or multiplying.
 */
export function bulkEdit(s: Scenario, indices: readonly number[], c: ServiceColumn, op: BulkOperation, operand: unknown): Scenario {
  if (indices.length === 0) return s;
  const numeric = c.spec.kind === 'number' || c.spec.kind === 'int';
  if (op !== 'set' && (!numeric || typeof operand !== 'number')) return s;
  const services = s.services.slice();
  for (const i of indices) {
    const before = services[i];
    if (!before) continue;
    let value = operand;
    if (op !== 'set') {
      const current = (c.path.reduce<unknown>((node, k) => (node as Record<string, unknown> | undefined)?.[k as string], before));
      if (typeof current !== 'number') continue;
      const raw = op === 'add' ? current + (operand as number) : current * (operand as number);
      value = c.spec.kind === 'int' ? Math.round(raw) : Math.round(raw * 1e6) / 1e6;
    }
    services[i] = withCell(before, c, value);
  }
  return withServices(s, services);
}

/** A new service after the last one, with a fresh id and modest demand, owned by the first tenant. */
export function addService(s: Scenario): { scenario: Scenario; index: number } {
  const id = idAllocator(s.services.map((x) => x.id))(`service-${s.services.length + 1}`);
  const service: Service = {
    id, name: id, tenant: s.tenants[0]?.id ?? '', replicas: 1,
    demand: { cpuCores: 1, memoryGiB: 2, diskGB: 0, networkMbps: 0 },
    isolation: ISOLATION_BOUNDARIES[0],
  };
  return { scenario: withServices(s, [...s.services, service]), index: s.services.length };
}

/** Copies of the services at `indices`, each inserted right after its original with a fresh id. */
export function duplicateServices(s: Scenario, indices: readonly number[]): Scenario {
  const wanted = new Set(indices);
  if (wanted.size === 0) return s;
  const nextId = idAllocator(s.services.map((x) => x.id));
  const services: Service[] = [];
  s.services.forEach((x, i) => {
    services.push(x);
    if (wanted.has(i)) services.push({ ...x, id: nextId(`${x.id}-copy`) });
  });
  return withServices(s, services);
}

export function removeServices(s: Scenario, indices: readonly number[]): Scenario {
  const gone = new Set(indices);
  if (gone.size === 0) return s;
  return withServices(s, s.services.filter((_, i) => !gone.has(i)));
}

export interface PasteOutcome {
  readonly scenario: Scenario;
  /** Cells written. */
  readonly cells: number;
  /** Pasted rows that fell beyond the last service (not applied). */
  readonly rowsBeyondEnd: number;
  /** Pasted columns that fell beyond the last column (not applied). */
  readonly columnsBeyondEnd: number;
}

/**
 * A block of text cells (rows × columns, as a spreadsheet puts them on the clipboard) written into the table
 * starting at a cell. `rows` lists the service indices in the order the table shows them (sorted, filtered),
 * so the paste lands where the planner sees it. Values are converted by column kind; text that is not a
 * number stays text so the validator names it.
 */
export function pasteCells(
  s: Scenario, rows: ArrayLike<number>, startRow: number, startColumn: number, grid: readonly (readonly string[])[],
  columns: readonly ServiceColumn[] = SERVICE_COLUMNS,
): PasteOutcome {
  const services = s.services.slice();
  let cells = 0, rowsBeyondEnd = 0, columnsBeyondEnd = 0;
  grid.forEach((line, r) => {
    const at = startRow + r;
    if (at >= rows.length) { rowsBeyondEnd++; return; }
    const index = rows[at];
    let service = services[index];
    line.forEach((text, k) => {
      const c = columns[startColumn + k];
      if (!c) { if (r === 0) columnsBeyondEnd++; return; }
      service = withCell(service, c, valueFromText(c.spec, text));
      cells++;
    });
    services[index] = service;
  });
  return { scenario: cells > 0 ? withServices(s, services) : s, cells, rowsBeyondEnd, columnsBeyondEnd };
}
