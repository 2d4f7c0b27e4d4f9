// Edits of the topology tree (sites → racks → host groups) and of the hardware catalogue, as pure functions
// over the immutable scenario. Nodes are addressed by their stable ids, never by array position.
import { SITE_DEFAULTS } from '../model/defaults';
import type { HostModel, Scenario, Site } from '../scenario/schema';
import { idAllocator } from './ids';

export type Rack = Site['racks'][number];
export type HostGroupEntry = Rack['hosts'][number];
export type NodeKind = 'site' | 'rack' | 'group';

export interface NodeAddress {
  readonly kind: NodeKind;
  readonly id: string;
}

/** Index path of a node: [site] / [site, rack] / [site, rack, group]. */
export function locate(s: Scenario, node: NodeAddress): number[] | null {
  for (let i = 0; i < s.sites.length; i++) {
    const site = s.sites[i];
    if (node.kind === 'site' && site.id === node.id) return [i];
    for (let j = 0; j < site.racks.length; j++) {
      const rack = site.racks[j];
      if (node.kind === 'rack' && rack.id === node.id) return [i, j];
      if (node.kind === 'group') {
        const k = rack.hosts.findIndex((g) => g.id === node.id);
        if (k >= 0) return [i, j, k];
      }
    }
  }
  return null;
}

/** Every id of the given kind, to keep new ids unique (ids are unique per kind in the file format). */
function idsOf(s: Scenario, kind: NodeKind): string[] {
  if (kind === 'site') return s.sites.map((x) => x.id);
  if (kind === 'rack') return s.sites.flatMap((x) => x.racks.map((r) => r.id));
  return s.sites.flatMap((x) => x.racks.flatMap((r) => r.hosts.map((g) => g.id)));
}

function mapSite(s: Scenario, i: number, fn: (site: Site) => Site): Scenario {
  const sites = s.sites.slice();
  sites[i] = fn(sites[i]);
  return { ...s, sites };
}

function mapRack(s: Scenario, i: number, j: number, fn: (rack: Rack) => Rack): Scenario {
  return mapSite(s, i, (site) => {
    const racks = site.racks.slice();
    racks[j] = fn(racks[j]);
    return { ...site, racks };
  });
}

export function addSite(s: Scenario): { scenario: Scenario; id: string } {
  const id = idAllocator(idsOf(s, 'site'))(`site-${s.sites.length + 1}`);
  const site: Site = { id, name: `Site ${s.sites.length + 1}`, kind: 'datacenter', pue: SITE_DEFAULTS.pue, energyUSDPerKWh: SITE_DEFAULTS.energyUSDPerKWh, racks: [] };
  return { scenario: { ...s, sites: [...s.sites, site] }, id };
}

export function addRack(s: Scenario, siteId: string): { scenario: Scenario; id: string } | null {
  const at = locate(s, { kind: 'site', id: siteId });
  if (!at) return null;
  const site = s.sites[at[0]];
  const id = idAllocator(idsOf(s, 'rack'))(`${site.id}-r${String(site.racks.length + 1).padStart(2, '0')}`);
  const rack: Rack = { id, name: `Rack ${site.racks.length + 1}`, hosts: [] };
  return { scenario: mapSite(s, at[0], (x) => ({ ...x, racks: [...x.racks, rack] })), id };
}

export function addHostGroup(s: Scenario, rackId: string, modelId: string, count = 1): { scenario: Scenario; id: string } | null {
  const at = locate(s, { kind: 'rack', id: rackId });
  if (!at) return null;
  const id = idAllocator(idsOf(s, 'group'))(`${rackId}-${modelId}`);
  return { scenario: mapRack(s, at[0], at[1], (r) => ({ ...r, hosts: [...r.hosts, { id, model: modelId, count }] })), id };
}

/** A copy of the node (with fresh ids for it and everything under it) right after the original. */
export function duplicateNode(s: Scenario, node: NodeAddress): { scenario: Scenario; id: string } | null {
  const at = locate(s, node);
  if (!at) return null;
  const nextSite = idAllocator(idsOf(s, 'site'));
  const nextRack = idAllocator(idsOf(s, 'rack'));
  const nextGroup = idAllocator(idsOf(s, 'group'));
  const copyGroup = (g: HostGroupEntry): HostGroupEntry => ({ ...g, id: nextGroup(`${g.id}-copy`) });
  const copyRack = (r: Rack): Rack => ({ ...r, id: nextRack(`${r.id}-copy`), hosts: r.hosts.map(copyGroup) });
  const insertAfter = <T>(list: readonly T[], k: number, item: T): T[] => [...list.slice(0, k + 1), item, ...list.slice(k + 1)];
  if (node.kind === 'site') {
    const site = s.sites[at[0]];
    const copy: Site = { ...site, id: nextSite(`${site.id}-copy`), name: `${site.name} (copy)`, racks: site.racks.map(copyRack) };
    return { scenario: { ...s, sites: insertAfter(s.sites, at[0], copy) }, id: copy.id };
  }
  if (node.kind === 'rack') {
    const copy = copyRack(s.sites[at[0]].racks[at[1]]);
    return { scenario: mapSite(s, at[0], (x) => ({ ...x, racks: insertAfter(x.racks, at[1], copy) })), id: copy.id };
  }
  const copy = copyGroup(s.sites[at[0]].racks[at[1]].hosts[at[2]]);
  return { scenario: mapRack(s, at[0], at[1], (r) => ({ ...r, hosts: insertAfter(r.hosts, at[2], copy) })), id: copy.id };
}

export function removeNode(s: Scenario, node: NodeAddress): Scenario {
  const at = locate(s, node);
  if (!at) return s;
  if (at.length === 1) return { ...s, sites: s.sites.filter((_, i) => i !== at[0]) };
  if (at.length === 2) return mapSite(s, at[0], (x) => ({ ...x, racks: x.racks.filter((_, j) => j !== at[1]) }));
  return mapRack(s, at[0], at[1], (r) => ({ ...r, hosts: r.hosts.filter((_, k) => k !== at[2]) }));
}

/** Changes fields of a node (its children are edited through their own nodes). */
export function updateNode(s: Scenario, node: NodeAddress, patch: Record<string, unknown>): Scenario {
  const at = locate(s, node);
  if (!at) return s;
  if (at.length === 1) return mapSite(s, at[0], (x) => ({ ...x, ...patch }) as Site);
  if (at.length === 2) return mapRack(s, at[0], at[1], (r) => ({ ...r, ...patch }) as Rack);
  return mapRack(s, at[0], at[1], (r) => {
    const hosts = r.hosts.slice();
    hosts[at[2]] = { ...hosts[at[2]], ...patch } as HostGroupEntry;
    return { ...r, hosts };
  });
}

/**
 * Moves a node to position `index` among the children of `parentId` (a site for racks, a rack for host
 * groups; ignored for sites, which live at the top). Drag and drop in the tree ends here. Index is counted
 * in the target list before the move.
 */
export function moveNode(s: Scenario, node: NodeAddress, parentId: string | null, index: number): Scenario {
  const from = locate(s, node);
  if (!from) return s;
  const clampInsert = <T>(list: T[], k: number, item: T) => { list.splice(Math.max(0, Math.min(k, list.length)), 0, item); return list; };
  if (node.kind === 'site') {
    const sites = s.sites.slice();
    const [moved] = sites.splice(from[0], 1);
    return { ...s, sites: clampInsert(sites, from[0] < index ? index - 1 : index, moved) };
  }
  const parentKind: NodeKind = node.kind === 'rack' ? 'site' : 'rack';
  const to = locate(s, { kind: parentKind, id: parentId ?? '' });
  if (!to) return s;
  if (node.kind === 'rack') {
    const moved = s.sites[from[0]].racks[from[1]];
    const sameParent = to[0] === from[0];
    let next = mapSite(s, from[0], (x) => ({ ...x, racks: x.racks.filter((_, j) => j !== from[1]) }));
    const k = sameParent && from[1] < index ? index - 1 : index;
    next = mapSite(next, to[0], (x) => ({ ...x, racks: clampInsert(x.racks.slice(), k, moved) }));
    return next;
  }
  const moved = s.sites[from[0]].racks[from[1]].hosts[from[2]];
  const sameParent = to[0] === from[0] && to[1] === from[1];
  let next = mapRack(s, from[0], from[1], (r) => ({ ...r, hosts: r.hosts.filter((_, k) => k !== from[2]) }));
  const k = sameParent && from[2] < index ? index - 1 : index;
  next = mapRack(next, to[0], to[1], (r) => ({ ...r, hosts: clampInsert(r.hosts.slice(), k, moved) }));
  return next;
}

// ── Hardware catalogue ──

export function addHostModel(s: Scenario): { scenario: Scenario; id: string } {
  const id = idAllocator(s.hostModels.map((m) => m.id))(`host-model-${s.hostModels.length + 1}`);
  const model: HostModel = { id, name: `Host model ${s.hostModels.length + 1}`, cores: 32, threadsPerCore: 2, memoryGiB: 256, diskGB: 1920, networkGbps: 25 };
  return { scenario: { ...s, hostModels: [...s.hostModels, model] }, id };
}

export function duplicateHostModel(s: Scenario, id: string): { scenario: Scenario; id: string } | null {
  const i = s.hostModels.findIndex((m) => m.id === id);
  if (i < 0) return null;
  const copy = { ...s.hostModels[i], id: idAllocator(s.hostModels.map((m) => m.id))(`${id}-copy`), name: `${s.hostModels[i].name} (copy)` };
  return { scenario: { ...s, hostModels: [...s.hostModels.slice(0, i + 1), copy, ...s.hostModels.slice(i + 1)] }, id: copy.id };
}

/** Host groups that use the model (a model in use cannot be removed without breaking them). */
export function hostModelUsers(s: Scenario, id: string): number {
  return s.sites.reduce((n, x) => n + x.racks.reduce((m, r) => m + r.hosts.filter((g) => g.model === id).length, 0), 0);
}

export function removeHostModel(s: Scenario, id: string): Scenario {
  return { ...s, hostModels: s.hostModels.filter((m) => m.id !== id) };
}

/** Renames a host model and every host group that refers to it, so references stay intact. */
export function renameHostModel(s: Scenario, from: string, to: string): Scenario {
  if (from === to) return s;
  const hostModels = s.hostModels.map((m) => (m.id === from ? { ...m, id: to } : m));
  const sites = s.sites.map((x) => (x.racks.some((r) => r.hosts.some((g) => g.model === from))
    ? { ...x, racks: x.racks.map((r) => (r.hosts.some((g) => g.model === from) ? { ...r, hosts: r.hosts.map((g) => (g.model === from ? { ...g, model: to } : g)) } : r)) }
    : x));
  return { ...s, hostModels, sites };
}

/** Renames a tenant and every service it owns. */
export function renameTenant(s: Scenario, from: string, to: string): Scenario {
  if (from === to) return s;
  return {
    ...s,
    tenants: s.tenants.map((t) => (t.id === from ? { ...t, id: to } : t)),
    services: s.services.some((x) => x.tenant === from) ? s.services.map((x) => (x.tenant === from ? { ...x, tenant: to } : x)) : s.services,
  };
}

export function addTenant(s: Scenario): { scenario: Scenario; id: string } {
  const id = idAllocator(s.tenants.map((t) => t.id))(`tenant-${s.tenants.length + 1}`);
  return { scenario: { ...s, tenants: [...s.tenants, { id, name: `Tenant ${s.tenants.length + 1}` }] }, id };
}

export const tenantUsers = (s: Scenario, id: string): number => s.services.filter((x) => x.tenant === id).length;

export function removeTenant(s: Scenario, id: string): Scenario {
  return { ...s, tenants: s.tenants.filter((t) => t.id !== id) };
}

/** `extra` more hosts of `modelId`, on the first host group of that model in topology order; null where none has it. */
export function growHostGroup(s: Scenario, modelId: string, extra: number): Scenario | null {
  for (let i = 0; i < s.sites.length; i++) {
    for (let j = 0; j < s.sites[i].racks.length; j++) {
      const k = s.sites[i].racks[j].hosts.findIndex((g) => g.model === modelId);
      if (k < 0) continue;
      return mapRack(s, i, j, (rack) => ({ ...rack, hosts: rack.hosts.map((g, x) => (x === k ? { ...g, count: (Number(g.count) || 0) + extra } : g)) }));
    }
  }
  return null;
}
