// The columns of the services table, shared by the table, spreadsheet paste, CSV import and CSV export, so a
// column means the same thing everywhere. Each column is a path inside a service; its kind and limits come
// from the scenario schema.
import type { Service } from '../scenario/schema';
import { deleteIn, getIn, setIn, type Path } from './json-path';
import { fieldSpec, type FieldSpec } from './schema-fields';

export interface ServiceColumn {
  /** Stable key; also the CSV header. */
  readonly key: string;
  readonly path: Path;
  readonly spec: FieldSpec;
  /** Other CSV headers accepted for this column (lower case). */
  readonly aliases: readonly string[];
  /** Must appear in an imported CSV that adds new services. */
  readonly required: boolean;
}

const column = (key: string, path: Path, aliases: string[], required: boolean): ServiceColumn =>
  ({ key, path, spec: fieldSpec(['services', 0, ...path]), aliases, required });

/** A service's utilisation trace: the id of an entry of the scenario's `traces` (read by the simulator). */
const TRACE: ServiceColumn = { key: 'trace', path: ['trace'], spec: { kind: 'string', options: [], optional: true }, aliases: ['trace id', 'utilisation trace'], required: false };

export const SERVICE_COLUMNS: readonly ServiceColumn[] = [
  column('id', ['id'], ['service', 'service id'], true),
  column('name', ['name'], ['service name'], true),
  column('tenant', ['tenant'], ['tenant id', 'owner'], true),
  column('replicas', ['replicas'], ['count', 'instances'], true),
  column('cpuCores', ['demand', 'cpuCores'], ['cpu', 'cores', 'vcpu', 'cpu cores'], true),
  column('memoryGiB', ['demand', 'memoryGiB'], ['memory', 'mem', 'ram', 'memory gib'], true),
  column('diskGB', ['demand', 'diskGB'], ['disk', 'disk gb', 'storage'], false),
  column('networkMbps', ['demand', 'networkMbps'], ['network', 'net', 'network mbps', 'bandwidth'], false),
  column('isolation', ['isolation'], ['isolation need', 'boundary'], false),
  column('spreadDomain', ['spread', 'domain'], ['spread', 'spread domain', 'anti-affinity'], false),
  column('spreadMax', ['spread', 'maxPerDomain'], ['max per domain', 'spread max', 'maxperdomain'], false),
  column('priority', ['priority'], [], false),
  TRACE,
  { ...TRACE, key: 'memoryTrace', path: ['memoryTrace'], aliases: ['memory trace', 'memory trace id'] },
  column('arrivesAtSeconds', ['arrivesAtSeconds'], ['arrives', 'arrival', 'arrives at', 'arrival s'], false),
  column('departsAtSeconds', ['departsAtSeconds'], ['departs', 'departure', 'departs at', 'departure s'], false),
];

export const columnByKey = (key: string): ServiceColumn | undefined => SERVICE_COLUMNS.find((c) => c.key === key);

/** The column a CSV header names, case and spacing ignored. */
export function columnForHeader(header: string): ServiceColumn | undefined {
  const h = header.trim().toLowerCase().replace(/[\s_]+/g, ' ');
  return SERVICE_COLUMNS.find((c) => c.key.toLowerCase() === h.replace(/ /g, '') || c.aliases.includes(h));
}

export function cellValue(service: Service, c: ServiceColumn): unknown {
  return getIn(service, c.path);
}

export function cellText(service: Service, c: ServiceColumn): string {
  const v = cellValue(service, c);
  return v === undefined || v === null ? '' : String(v);
}

/** The service with `value` in the column; undefined removes an optional field (no spread domain removes the spread). */
export function withCell(service: Service, c: ServiceColumn, value: unknown): Service {
  if (value === undefined) {
    if (c.key === 'spreadDomain') return deleteIn(service, ['spread']);
    const next = deleteIn(service, c.path);
    // An emptied spread object is dropped too, so "no spread" round-trips.
    const spread = next.spread as Record<string, unknown> | undefined;
    return spread && Object.keys(spread).length === 0 ? deleteIn(next, ['spread']) : next;
  }
  return setIn(service, c.path, value);
}
