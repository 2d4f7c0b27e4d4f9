// Energy of a static plan. Each host model has a measured power curve: watts at 0, 10, …, 100 % CPU load
// (SPECpower_ssj2008 style); power between two points is linear. Facility power = IT power × the site's PUE;
// energy per month = facility power × hours per month; its price is the site's tariff.
//
// Utilisation assumption (scenario economics.load): 'packed' runs each used host at the CPU its items burn
// — workload requests fully used, plus guest OS, virtualisation, runtime and sidecar CPU — over its physical
// CPU (capped at 100 %); flavour rounding, reservations and unused node space burn nothing. A number runs
// every used host at that load instead. Hosts the plan does not use are taken as switched off (0 W): the
// plan's answer is the hosts to run. Racks are checked against their power budget at peak (100 %) power.
import type { ItemPart } from '../model/expansion';
import type { Scenario } from '../scenario/schema';
import { hostGroupOf, itemGroupOf, usedHosts, type PackedLevel } from './level';

/** Parts of an item that consume CPU cycles when it runs at its request. */
export const BURNING_PARTS: readonly ItemPart[] = ['workload', 'guestOs', 'hypervisor', 'runtime', 'sidecars'];

/** Watts at `load` (0..1) on an 11-point curve, linear between the 10 % points. */
export function powerAt(curve: readonly number[], load: number): number {
  const x = Math.min(1, Math.max(0, load)) * 10;
  const i = Math.min(9, Math.floor(x));
  return curve[i] + (curve[i + 1] - curve[i]) * (x - i);
}

/** CPU load per host (0..1) under the scenario's assumption; 0 for hosts not in use. */
export function hostLoads(level: PackedLevel, scenario: Scenario): Float64Array {
  const loads = new Float64Array(level.hostItems.length);
  const hostOf = hostGroupOf(level);
  const fixed = scenario.economics.load;
  if (fixed !== 'packed') {
    for (const h of usedHosts(level)) loads[h] = fixed;
    return loads;
  }
  const burned = new Float64Array(level.hostItems.length);
  const itemOf = itemGroupOf(level);
  level.itemHost.forEach((h, i) => {
    if (h < 0) return;
    const item = itemOf(i);
    burned[h] += item.parts ? BURNING_PARTS.reduce((c, p) => c + (item.parts![p]?.[0] ?? 0), 0) : item.demand[0];
  });
  for (const h of usedHosts(level)) {
    const physical = hostOf(h).physical[0];
    loads[h] = physical > 0 ? Math.min(1, burned[h] / physical) : 0;
  }
  return loads;
}

export interface RackOverBudget {
  readonly rackId: string;
  readonly peakKW: number;
  readonly budgetKW: number;
}

export interface EnergyUse {
  /** Σ IT power of the used hosts at their load, watts. */
  readonly itWatts: number;
  /** IT power × PUE of each host's site. */
  readonly facilityWatts: number;
  /** Σ power at 100 % load of the used hosts. */
  readonly peakItWatts: number;
  readonly kWhPerMonth: number;
  readonly energyUSDPerMonth: number;
  /** Mean CPU load of the used hosts (0..1). */
  readonly meanLoad: number;
  /** Used hosts whose model has no power curve: their energy is not counted. */
  readonly hostsWithoutPowerCurve: number;
  readonly racksOverBudget: readonly RackOverBudget[];
}

export function energyUse(level: PackedLevel, scenario: Scenario): EnergyUse {
  const models = new Map(scenario.hostModels.map((m) => [m.id, m]));
  const sites = new Map(scenario.sites.map((s) => [s.id, s]));
  const budgets = new Map(scenario.sites.flatMap((s) => s.racks.map((r) => [r.id, r.powerBudgetKW] as const)));
  const loads = hostLoads(level, scenario);
  const hostOf = hostGroupOf(level);
  const hours = scenario.economics.hoursPerMonth;
  const rackPeak = new Map<string, number>();
  let itWatts = 0, facilityWatts = 0, peakItWatts = 0, kWh = 0, usd = 0, loadSum = 0, withoutCurve = 0;
  const used = usedHosts(level);
  for (const h of used) {
    const g = hostOf(h);
    loadSum += loads[h];
    const curve = models.get(g.modelId)?.powerWatts;
    const site = sites.get(g.siteId);
    if (!curve || !site) { withoutCurve++; continue; }
    const watts = powerAt(curve, loads[h]);
    const hostKWh = (watts * site.pue * hours) / 1000;
    itWatts += watts;
    facilityWatts += watts * site.pue;
    peakItWatts += curve[10];
    kWh += hostKWh;
    usd += hostKWh * site.energyUSDPerKWh;
    rackPeak.set(g.rackId, (rackPeak.get(g.rackId) ?? 0) + curve[10]);
  }
  const racksOverBudget: RackOverBudget[] = [];
  for (const [rackId, watts] of rackPeak) {
    const budget = budgets.get(rackId);
    if (budget !== undefined && watts > budget * 1000) racksOverBudget.push({ rackId, peakKW: watts / 1000, budgetKW: budget });
  }
  return {
    itWatts, facilityWatts, peakItWatts, kWhPerMonth: kWh, energyUSDPerMonth: usd,
    meanLoad: used.length > 0 ? loadSum / used.length : 0, hostsWithoutPowerCurve: withoutCurve, racksOverBudget,
  };
}

/** Used hosts per rack and per site, for the results table. */
export function domainsUsed(level: PackedLevel): { racks: number; sites: number } {
  const hostOf = hostGroupOf(level);
  const racks = new Set<string>(), sites = new Set<string>();
  for (const h of usedHosts(level)) {
    const g = hostOf(h);
    racks.add(`${g.siteId}/${g.rackId}`);
    sites.add(g.siteId);
  }
  return { racks: racks.size, sites: sites.size };
}
