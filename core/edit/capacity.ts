// The at-a-glance capacity of a topology: hosts, logical CPUs, memory, disk and peak power per rack, site and
// in total, and racks whose hosts could draw more at full load than the rack's power budget.
import type { HostModel, Scenario } from '../scenario/schema';

export interface Capacity {
  readonly hosts: number;
  /** Logical CPUs (cores × threads per core). */
  readonly threads: number;
  readonly cores: number;
  readonly memoryGiB: number;
  readonly diskGB: number;
  /** Power of every host at 100 % load (the last point of its power curve), kW; hosts without a curve add 0. */
  readonly peakKW: number;
  /** Hosts whose model has no power curve (their power is unknown). */
  readonly hostsWithoutPower: number;
  /** Σ price of the hosts, USD (hosts without a price add 0). */
  readonly priceUSD: number;
}

export interface RackCapacity extends Capacity {
  readonly siteId: string;
  readonly rackId: string;
  readonly powerBudgetKW: number | null;
  /** Peak power above the budget. */
  readonly overBudget: boolean;
}

export interface SiteCapacity extends Capacity {
  readonly siteId: string;
  readonly racks: number;
}

export interface CapacitySummary {
  readonly total: Capacity & { readonly sites: number; readonly racks: number };
  readonly sites: readonly SiteCapacity[];
  readonly racks: readonly RackCapacity[];
  /** Hosts per host model id. */
  readonly hostsByModel: ReadonlyMap<string, number>;
}

const ZERO: Capacity = { hosts: 0, threads: 0, cores: 0, memoryGiB: 0, diskGB: 0, peakKW: 0, hostsWithoutPower: 0, priceUSD: 0 };

function addHosts(c: Capacity, m: HostModel | undefined, count: number): Capacity {
  if (!m || !(count > 0)) return c;
  const peak = m.powerWatts?.[m.powerWatts.length - 1];
  return {
    hosts: c.hosts + count,
    threads: c.threads + count * m.cores * m.threadsPerCore,
    cores: c.cores + count * m.cores,
    memoryGiB: c.memoryGiB + count * m.memoryGiB,
    diskGB: c.diskGB + count * m.diskGB,
    peakKW: c.peakKW + (peak === undefined ? 0 : count * peak / 1000),
    hostsWithoutPower: c.hostsWithoutPower + (peak === undefined ? count : 0),
    priceUSD: c.priceUSD + count * (m.priceUSD ?? 0),
  };
}

function sum(a: Capacity, b: Capacity): Capacity {
  return {
    hosts: a.hosts + b.hosts, threads: a.threads + b.threads, cores: a.cores + b.cores, memoryGiB: a.memoryGiB + b.memoryGiB,
    diskGB: a.diskGB + b.diskGB, peakKW: a.peakKW + b.peakKW, hostsWithoutPower: a.hostsWithoutPower + b.hostsWithoutPower,
    priceUSD: a.priceUSD + b.priceUSD,
  };
}

export function capacitySummary(s: Scenario): CapacitySummary {
  const models = new Map(s.hostModels.map((m) => [m.id, m]));
  const hostsByModel = new Map<string, number>();
  const racks: RackCapacity[] = [];
  const sites: SiteCapacity[] = [];
  let total = ZERO;
  for (const site of s.sites) {
    let siteCap = ZERO;
    for (const rack of site.racks) {
      let c = ZERO;
      for (const g of rack.hosts) {
        c = addHosts(c, models.get(g.model), g.count);
        if (g.count > 0) hostsByModel.set(g.model, (hostsByModel.get(g.model) ?? 0) + g.count);
      }
      const budget = rack.powerBudgetKW ?? null;
      racks.push({ ...c, siteId: site.id, rackId: rack.id, powerBudgetKW: budget, overBudget: budget !== null && c.peakKW > budget + 1e-9 });
      siteCap = sum(siteCap, c);
    }
    sites.push({ ...siteCap, siteId: site.id, racks: site.racks.length });
    total = sum(total, siteCap);
  }
  return { total: { ...total, sites: s.sites.length, racks: racks.length }, sites, racks, hostsByModel };
}
