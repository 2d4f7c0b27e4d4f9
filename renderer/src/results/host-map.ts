// Reading a model's placement for the host map: hosts grouped by site and rack in topology order, each with
// its busiest dimension's utilisation, and the items on a host grouped by service.
import type { HostGroupInfo, ItemGroupInfo, ModelPlacement } from './placement';

export interface HostCell {
  readonly index: number;
  readonly group: HostGroupInfo;
  /** Used ÷ allocatable per dimension (0..1; 0 where the host offers nothing). */
  readonly utilisation: readonly number[];
  /** Highest utilisation over the dimensions, and which dimension it is. */
  readonly peak: number;
  readonly peakDimension: number;
  readonly items: number;
}

export interface RackRow {
  readonly siteId: string;
  readonly rackId: string;
  readonly hosts: readonly HostCell[];
  readonly used: number;
}

/** Index of the group holding position `index`, given groups with ascending `start`. */
export function groupAt<T extends { start: number; count: number }>(groups: readonly T[], index: number): T | undefined {
  let lo = 0, hi = groups.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const g = groups[mid];
    if (index < g.start) hi = mid - 1;
    else if (index >= g.start + g.count) lo = mid + 1;
    else return g;
  }
  return undefined;
}

export function hostCell(m: ModelPlacement, group: HostGroupInfo, index: number): HostCell {
  const utilisation: number[] = [];
  let peak = 0, peakDimension = 0;
  for (let d = 0; d < m.dims; d++) {
    const cap = group.allocatable[d];
    const u = cap > 0 ? (cap - m.hostResidual[index * m.dims + d]) / cap : 0;
    utilisation.push(u);
    if (u > peak) { peak = u; peakDimension = d; }
  }
  return { index, group, utilisation, peak, peakDimension, items: m.hostItems[index] };
}

/** Racks in the order the pool lists them (host groups may come in packing order: a rack's groups are gathered). */
export function rackRows(m: ModelPlacement): RackRow[] {
  const rows = new Map<string, { siteId: string; rackId: string; hosts: HostCell[]; used: number }>();
  for (const g of m.hostGroups) {
    const key = `${g.siteId}/${g.rackId}`;
    let row = rows.get(key);
    if (!row) rows.set(key, (row = { siteId: g.siteId, rackId: g.rackId, hosts: [], used: 0 }));
    for (let k = 0; k < g.count; k++) row.hosts.push(hostCell(m, g, g.start + k));
    row.used = row.hosts.filter((h) => h.items > 0).length;
  }
  return [...rows.values()];
}

export interface ServiceOnHost {
  readonly group: ItemGroupInfo;
  /** Items (replica positions) of the service on the host. */
  readonly items: readonly number[];
}

/** Items on host `h`, by service in catalogue order. */
export function itemsOnHost(m: ModelPlacement, h: number): ServiceOnHost[] {
  const out: ServiceOnHost[] = [];
  for (const g of m.itemGroups) {
    const items: number[] = [];
    for (let i = g.start; i < g.start + g.count; i++) if (m.itemHost[i] === h) items.push(i);
    if (items.length > 0) out.push({ group: g, items });
  }
  return out;
}

export interface UnplacedService {
  readonly serviceId: string;
  readonly group: ItemGroupInfo | null;
  /** Unplaced items (empty for replicas the model rejected before packing). */
  readonly items: readonly number[];
  readonly count: number;
  /** Rejected before packing (no VM flavour holds it): the reason text. */
  readonly rejectedDetail: string | null;
}

export function unplacedServices(m: ModelPlacement): UnplacedService[] {
  const out: UnplacedService[] = m.rejected.map((r) => ({ serviceId: r.serviceId, group: null, items: [], count: r.count, rejectedDetail: r.detail }));
  for (const g of m.itemGroups) {
    const items: number[] = [];
    for (let i = g.start; i < g.start + g.count; i++) if (m.itemHost[i] < 0) items.push(i);
    if (items.length > 0) out.push({ serviceId: g.serviceId, group: g, items, count: items.length, rejectedDetail: null });
  }
  return out;
}

/** Distinct racks and sites with at least one used host. */
export function footprint(m: ModelPlacement): { racks: number; sites: number } {
  const racks = new Set<string>(), sites = new Set<string>();
  for (const g of m.hostGroups) {
    for (let h = g.start; h < g.start + g.count; h++) {
      if (m.hostItems[h] > 0) { racks.add(`${g.siteId}/${g.rackId}`); sites.add(g.siteId); break; }
    }
  }
  return { racks: racks.size, sites: sites.size };
}
