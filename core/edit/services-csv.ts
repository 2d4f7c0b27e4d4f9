// Services from a CSV file (or a pasted table with a header row): a preview of what each line would do, with
// its errors by line and column in the file validator's words, then applying only the lines without errors.
// A line whose id is already in the catalogue updates that service (only the columns present change);
// any other line adds a service.
import { serviceSchema, type Scenario, type Service } from '../scenario/schema';
import { parseCsv, toCsv } from './csv';
import { SERVICE_COLUMNS, cellText, columnForHeader, withCell, type ServiceColumn } from './service-columns';
import { valueFromText } from './schema-fields';

export interface ImportProblem {
  /** Column key, or null for the whole line. */
  readonly column: string | null;
  readonly message: string;
}

export interface ImportLine {
  readonly line: number;
  readonly id: string;
  readonly action: 'add' | 'update';
  /** The validated service (defaults filled in) when the line has no problems. */
  readonly service: Service | null;
  readonly problems: readonly ImportProblem[];
}

export interface ImportPreview {
  /** Columns recognised, in file order (null for an ignored header). */
  readonly columns: readonly (ServiceColumn | null)[];
  readonly ignoredHeaders: readonly string[];
  /** Problems with the file as a whole (no header, missing columns, malformed CSV), each with its line. */
  readonly fileProblems: readonly { line: number; message: string }[];
  readonly lines: readonly ImportLine[];
  readonly adds: number;
  readonly updates: number;
  readonly rejected: number;
}

export function previewServiceImport(s: Scenario, text: string): ImportPreview {
  const parsed = parseCsv(text);
  const fileProblems = parsed.errors.map((e) => ({ line: e.line, message: e.message }));
  const [header, ...body] = parsed.records;
  if (!header) {
    return { columns: [], ignoredHeaders: [], fileProblems: [...fileProblems, { line: 1, message: 'the file is empty: expected a header line naming the columns' }], lines: [], adds: 0, updates: 0, rejected: 0 };
  }
  const columns = header.fields.map((h) => columnForHeader(h) ?? null);
  const ignoredHeaders = header.fields.filter((_, k) => !columns[k]);
  const seenColumns = new Set<string>();
  columns.forEach((c, k) => {
    if (!c) return;
    if (seenColumns.has(c.key)) fileProblems.push({ line: header.line, message: `column "${header.fields[k]}" repeats column ${c.key}` });
    seenColumns.add(c.key);
  });
  if (!seenColumns.has('id')) fileProblems.push({ line: header.line, message: 'no id column: every line needs the id of the service it adds or updates' });
  const missingForAdd = SERVICE_COLUMNS.filter((c) => c.required && !seenColumns.has(c.key)).map((c) => c.key);

  const existing = new Map(s.services.map((x, i) => [x.id, i]));
  const tenants = new Set(s.tenants.map((t) => t.id));
  const firstLine = new Map<string, number>();
  const idColumn = columns.findIndex((c) => c?.key === 'id');

  const lines: ImportLine[] = body.map((record) => {
    const problems: ImportProblem[] = [];
    if (record.fields.length !== header.fields.length) {
      problems.push({ column: null, message: `expected ${header.fields.length} fields as in the header, found ${record.fields.length}` });
    }
    const id = idColumn >= 0 ? (record.fields[idColumn] ?? '').trim() : '';
    const at = existing.get(id);
    const action: ImportLine['action'] = at === undefined ? 'add' : 'update';
    if (action === 'add' && missingForAdd.length > 0) {
      problems.push({ column: null, message: `a new service needs the column${missingForAdd.length > 1 ? 's' : ''} ${missingForAdd.join(', ')}` });
    }
    if (id !== '') {
      const first = firstLine.get(id);
      if (first !== undefined) problems.push({ column: 'id', message: `duplicate service id "${id}" (first used at line ${first})` });
      else firstLine.set(id, record.line);
    }
    let draft = (at === undefined ? {} : s.services[at]) as Service;
    columns.forEach((c, k) => {
      if (c && k < record.fields.length) draft = withCell(draft, c, valueFromText(c.spec, record.fields[k]));
    });
    const checked = serviceSchema.safeParse(draft);
    if (!checked.success) {
      for (const issue of checked.error.issues) {
        const path = issue.path.map(String);
        const c = SERVICE_COLUMNS.find((col) => col.path.length <= path.length && col.path.every((p, n) => p === path[n]))
          ?? (path[0] === 'spread' ? SERVICE_COLUMNS.find((col) => col.key === 'spreadDomain') : undefined);
        problems.push({ column: c?.key ?? null, message: issue.message });
      }
    } else if (!tenants.has(checked.data.tenant)) {
      problems.push({ column: 'tenant', message: `unknown tenant "${checked.data.tenant}"` });
    }
    const ok = problems.length === 0 && checked.success;
    return { line: record.line, id, action, service: ok ? checked.data : null, problems };
  });
  const accepted = lines.filter((l) => l.service);
  return {
    columns, ignoredHeaders, fileProblems, lines,
    adds: accepted.filter((l) => l.action === 'add').length,
    updates: accepted.filter((l) => l.action === 'update').length,
    rejected: lines.length - accepted.length,
  };
}

/** The scenario with every line of the preview that has no problems applied (updates in place, adds at the end). */
export function applyServiceImport(s: Scenario, preview: ImportPreview): Scenario {
  const accepted = preview.lines.filter((l): l is ImportLine & { service: Service } => l.service !== null);
  if (accepted.length === 0) return s;
  const index = new Map(s.services.map((x, i) => [x.id, i]));
  const services = s.services.slice();
  for (const l of accepted) {
    const at = index.get(l.service.id);
    if (at === undefined) {
      index.set(l.service.id, services.length);
      services.push(l.service);
    } else services[at] = l.service;
  }
  return { ...s, services };
}

/** The services as CSV with one column per table column, readable back by the importer. */
export function servicesToCsv(services: readonly Service[], columns: readonly ServiceColumn[] = SERVICE_COLUMNS): string {
  return toCsv([columns.map((c) => c.key), ...services.map((x) => columns.map((c) => cellText(x, c)))]);
}
