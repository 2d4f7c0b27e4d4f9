// Failure-domain headroom (N+1): how many hosts the plan needs so that it still fits after losing any one
// host, rack or site, reported next to the plain answer.
//
// For each failure domain x holding used hosts, the items on x's hosts are displaced and re-packed (First Fit
// Decreasing, same partitions as the plan) onto what survives: first the residual capacity (and free item
// slots) of the plan's used hosts outside x of the same partition, then spare hosts of the pool outside x,
// in topology order. The spare hosts a loss needs must be held in reserve; provisioning the plan's hosts plus
// the union of the spares over all single losses survives every one of them (a sufficient sizing, found
// greedily, not a minimum). A loss is unabsorbed when some displaced item finds no room even with every
// spare host (e.g. losing the only site). Node VMs (container-in-VM) are re-created whole on other hosts.
import { DEFAULT_PACK_OPTIONS, type Packer, type SizeKey } from '../kernel/packer';
import { DIMS } from '../model/dimensions';
import { groupIndex, partitionOrder, type PartitionedLevel } from './level';

export const FAILURE_DOMAINS = ['host', 'rack', 'site'] as const;
export type FailureDomain = (typeof FAILURE_DOMAINS)[number];

export interface DomainHeadroom {
  readonly domain: FailureDomain;
  /** Failure domains of this kind that hold used hosts. */
  readonly domains: number;
  /** Losses whose displaced items cannot all be re-placed within the pool. */
  readonly unabsorbed: number;
  /** Spare hosts to keep (union over all single losses). */
  readonly extraHosts: number;
  /** Plan's hosts + spares. */
  readonly hostsNeeded: number;
  /** The loss that needs the most spares (or the first unabsorbed one). */
  readonly worst: { readonly id: string; readonly displaced: number; readonly spares: number; readonly absorbed: boolean } | null;
}

/** Failure-domain id of every host. */
export function domainIds(level: PartitionedLevel, domain: FailureDomain): string[] {
  const out: string[] = [];
  let h = 0;
  for (const g of level.expansion.hosts) {
    for (let k = 0; k < g.count; k++, h++) {
      out.push(domain === 'host' ? `${g.groupId}#${k + 1}` : domain === 'rack' ? `${g.siteId}/${g.rackId}` : g.siteId);
    }
  }
  return out;
}

export function failureHeadroom(level: PartitionedLevel, packer: Packer, sizeKey: SizeKey, domain: FailureDomain): DomainHeadroom {
  const ids = domainIds(level, domain);
  const hostGroup = groupIndex(level.expansion.hosts);
  const itemGroup = groupIndex(level.expansion.items);
  // Each host's failure domain as a number, so that a loss compares numbers, not ids, host by host.
  const domainIndex = new Map<string, number>();
  const domainOf = Int32Array.from(ids, (id) => {
    let k = domainIndex.get(id);
    if (k === undefined) domainIndex.set(id, (k = domainIndex.size));
    return k;
  });
  const hostsOf = new Map<string, number[]>();
  ids.forEach((id, h) => {
    if (level.hostItems[h] === 0) return;
    const list = hostsOf.get(id);
    if (list) list.push(h);
    else hostsOf.set(id, [h]);
  });
  const itemsOn = new Map<number, number[]>();
  level.itemHost.forEach((h, i) => {
    if (h < 0) return;
    const list = itemsOn.get(h);
    if (list) list.push(i);
    else itemsOn.set(h, [i]);
  });
  // Where a loss's items may go, in order: used hosts of their partition with a free item slot, then spare hosts.
  const survivorsOf = new Map<string | null, number[]>();
  const spareHosts: number[] = [];
  for (let h = 0; h < ids.length; h++) {
    const g = level.expansion.hosts[hostGroup[h]];
    if (level.hostItems[h] === 0) spareHosts.push(h);
    else if (g.maxItems <= 0 || level.hostItems[h] < g.maxItems) {
      const key = level.hostPartition[h];
      const list = survivorsOf.get(key);
      if (list) list.push(h);
      else survivorsOf.set(key, [h]);
    }
  }
  const order = partitionOrder(level.groupKeys);
  const spares = new Set<number>();
  let unabsorbed = 0;
  let worst: DomainHeadroom['worst'] = null;

  for (const [id, lost] of hostsOf) {
    const x = domainIndex.get(id)!;
    const displaced = lost.flatMap((h) => itemsOn.get(h) ?? []);
    const claimed = new Set<number>();
    let absorbed = true;
    for (const key of order) {
      const items = displaced.filter((i) => level.groupKeys[itemGroup[i]] === key);
      if (items.length === 0) continue;
      const bins = binsFor(level, hostGroup, itemGroup, items, survivorsOf.get(key) ?? [], spareHosts, (h) => domainOf[h] !== x && !claimed.has(h));
      const placed = repack(level, packer, sizeKey, bins, items, hostGroup, itemGroup);
      if (placed.unplaced > 0) absorbed = false;
      for (const h of placed.sparesUsed) claimed.add(h);
    }
    for (const h of claimed) spares.add(h);
    if (!absorbed) unabsorbed++;
    const candidate = { id, displaced: displaced.length, spares: claimed.size, absorbed };
    if (!worst || (worst.absorbed && (!absorbed || claimed.size > worst.spares))) worst = candidate;
  }
  return { domain, domains: hostsOf.size, unabsorbed, extraHosts: spares.size, hostsNeeded: level.hostsUsed + spares.size, worst };
}

/**
 * The hosts a loss's `items` are re-packed onto, in First Fit's order: the surviving used hosts, then the spares,
 * each in host order. Left out, without changing where First Fit puts anything: used hosts too full in some
 * dimension for the smallest item there (their room only shrinks, so no item ever fits them), and the spares after
 * as many that could each hold any one of the items as there are items (every item finds room before them: when
 * the k-th item is placed, at most k − 1 of those spares are taken).
 */
function binsFor(level: PartitionedLevel, hostGroup: Int32Array, itemGroup: Int32Array, items: readonly number[],
  survivors: readonly number[], spareHosts: readonly number[], usable: (h: number) => boolean): number[] {
  const least = new Array<number>(DIMS).fill(Infinity), most = new Array<number>(DIMS).fill(0);
  for (const i of items) {
    const demand = level.expansion.items[itemGroup[i]].demand;
    for (let d = 0; d < DIMS; d++) {
      least[d] = Math.min(least[d], demand[d]);
      most[d] = Math.max(most[d], demand[d]);
    }
  }
  const bins: number[] = [];
  for (const h of survivors) {
    if (!usable(h)) continue;
    let room = true;
    for (let d = 0; d < DIMS && room; d++) room = level.hostResidual[h * DIMS + d] >= least[d];
    if (room) bins.push(h);
  }
  let holdAny = 0;
  for (const h of spareHosts) {
    if (holdAny >= items.length) break;
    if (!usable(h)) continue;
    bins.push(h);
    const g = level.expansion.hosts[hostGroup[h]];
    let fits = true; // a limit on items (maxItems > 0) still leaves room for one
    for (let d = 0; d < DIMS && fits; d++) fits = g.allocatable[d] >= most[d];
    if (fits) holdAny++;
  }
  return bins;
}

/** FFD of `items` onto `bins` in their order (used hosts at their residual, spare hosts empty). */
function repack(level: PartitionedLevel, packer: Packer, sizeKey: SizeKey, bins: readonly number[], items: readonly number[],
  hostGroup: Int32Array, itemGroup: Int32Array): { unplaced: number; sparesUsed: number[] } {
  if (bins.length === 0) return { unplaced: items.length, sparesUsed: [] };
  const arena = packer.reserve(bins.length, items.length, DIMS);
  bins.forEach((h, b) => {
    const g = level.expansion.hosts[hostGroup[h]];
    if (level.hostItems[h] === 0) arena.hostCapacity.set(g.allocatable, b * DIMS);
    else for (let d = 0; d < DIMS; d++) arena.hostCapacity[b * DIMS + d] = level.hostResidual[h * DIMS + d];
    arena.hostMaxItems[b] = g.maxItems > 0 ? g.maxItems - level.hostItems[h] : 0;
  });
  items.forEach((i, k) => arena.itemDemand.set(level.expansion.items[itemGroup[i]].demand, k * DIMS));
  const out = packer.pack({ ...DEFAULT_PACK_OPTIONS, rule: 'first-fit', order: 'decreasing', sizeKey, hostOrder: 'given' });
  let unplaced = 0;
  for (let k = 0; k < items.length; k++) if (out.itemHost[k] < 0) unplaced++;
  const sparesUsed: number[] = [];
  bins.forEach((h, b) => { if (level.hostItems[h] === 0 && out.hostItems[b] > 0) sparesUsed.push(h); });
  return { unplaced, sparesUsed };
}
