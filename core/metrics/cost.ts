// Monthly cost of a static plan: host capex amortised over economics.amortisationMonths, plus energy (see
// energy.ts). Only the hosts the plan uses are counted. Hosts whose model has no price add no capex and are
// counted so the table can say the total is partial.
import type { Scenario } from '../scenario/schema';
import type { EnergyUse } from './energy';
import { hostGroupOf, usedHosts, type PackedLevel } from './level';

export interface MonthlyCost {
  readonly capexUSD: number;
  readonly energyUSD: number;
  readonly totalUSD: number;
  readonly hostsWithoutPrice: number;
}

export function monthlyCost(level: PackedLevel, scenario: Scenario, energy: EnergyUse): MonthlyCost {
  const price = new Map(scenario.hostModels.map((m) => [m.id, m.priceUSD]));
  const hostOf = hostGroupOf(level);
  let capex = 0, withoutPrice = 0;
  for (const h of usedHosts(level)) {
    const p = price.get(hostOf(h).modelId);
    if (p === undefined) withoutPrice++;
    else capex += p / scenario.economics.amortisationMonths;
  }
  return { capexUSD: capex, energyUSD: energy.energyUSDPerMonth, totalUSD: capex + energy.energyUSDPerMonth, hostsWithoutPrice: withoutPrice };
}
