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
import type { Packer, SizeKey } from '../kernel/packer';
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
  const order = partitionOrder(level.groupKeys);
  const spares = new Set<number>();
  let unabsorbed = 0;
  let worst: DomainHeadroom['worst'] = null;

  for (const [id, lost] of hostsOf) {
    const displaced = lost.flatMap((h) => itemsOn.get(h) ?? []);
    const claimed = new Set<number>();
    let absorbed = true;
    for (const key of order) {
      const items = displaced.filter((i) => level.groupKeys[itemGroup[i]] === key);
      if (items.length === 0) continue;
      const bins: number[] = [];
      for (let h = 0; h < ids.length; h++) {
        if (ids[h] === id || claimed.has(h)) continue;
        const g = level.expansion.hosts[hostGroup[h]];
        if (level.hostItems[h] === 0) bins.push(h);
        else if (level.hostPartition[h] === key && (g.maxItems <= 0 || level.hostItems[h] < g.maxItems)) bins.push(h);
      }
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

/** FFD of `items` onto `bins` (used hosts at their residual, spare hosts empty). */
function repack(level: PartitionedLevel, packer: Packer, sizeKey: SizeKey, bins: readonly number[], items: readonly number[],
  hostGroup: Int32Array, itemGroup: Int32Array): { unplaced: number; sparesUsed: number[] } {
  if (bins.length === 0) return { unplaced: items.length, sparesUsed: [] };
  const arena = packer.reserve(bins.length, items.length, DIMS);
  bins.forEach((h, b) => {
    const g = level.expansion.hosts[hostGroup[h]];
    const spare = level.hostItems[h] === 0;
    arena.hostCapacity.set(spare ? g.allocatable : level.hostResidual.subarray(h * DIMS, h * DIMS + DIMS), b * DIMS);
    arena.hostMaxItems[b] = g.maxItems > 0 ? g.maxItems - level.hostItems[h] : 0;
  });
  items.forEach((i, k) => arena.itemDemand.set(level.expansion.items[itemGroup[i]].demand, k * DIMS));
  const out = packer.firstFitDecreasing(sizeKey);
  let unplaced = 0;
  for (let k = 0; k < items.length; k++) if (out.itemHost[k] < 0) unplaced++;
  const sparesUsed: number[] = [];
  bins.forEach((h, b) => { if (level.hostItems[h] === 0 && out.hostItems[b] > 0) sparesUsed.push(h); });
  return { unplaced, sparesUsed };
}
