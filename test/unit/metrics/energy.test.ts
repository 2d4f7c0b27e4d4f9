// Energy and cost worked by hand: power curve interpolation, PUE, hours, tariff, amortised capex.
import { describe, expect, it } from 'vitest';
import { monthlyCost } from '../../../core/metrics/cost';
import { energyUse, hostLoads, powerAt } from '../../../core/metrics/energy';
import { minimalInput, parsed } from '../../support/scenarios';
import { buildLevel } from './build-level';

const CURVE = [50, 60, 80, 90, 100, 120, 130, 150, 160, 180, 200];

describe('power curve', () => {
  it('is linear between the 10 % points and clamped to 0–100 %', () => {
    expect(powerAt(CURVE, 0)).toBe(50);
    expect(powerAt(CURVE, 0.25)).toBeCloseTo(80 + (90 - 80) * 0.5, 12);
    expect(powerAt(CURVE, 0.3)).toBeCloseTo(90, 12);
    expect(powerAt(CURVE, 0.97)).toBeCloseTo(180 + (200 - 180) * 0.7, 12);
    expect(powerAt(CURVE, 1)).toBe(200);
    expect(powerAt(CURVE, 1.5)).toBe(200);
    expect(powerAt(CURVE, -1)).toBe(50);
  });
});

describe('energy and cost of a plan', () => {
  const input = minimalInput();
  input.hostModels[0] = { ...input.hostModels[0], powerWatts: CURVE, priceUSD: 6000 };
  input.sites[0] = { ...input.sites[0], pue: 1.5, energyUSDPerKWh: 0.2 };
  input.sites[0].racks[0].powerBudgetKW = 0.3;
  const scenario = parsed(input);
  // Two used hosts of 16 logical CPUs. Host 0 burns 2.5 cores of workload + 0.5 of guest OS = 3 of 16
  // (flavour rounding burns nothing); host 1 burns 8 of 16. Host 2 is unused.
  const physical: [number, number, number, number] = [16_000, 65_536, 0, 0];
  const hostSpec = { modelId: 'h', siteId: 's', rackId: 'r', physical, allocatable: physical };
  const vm = { demand: [4000, 4096, 0, 0] as [number, number, number, number],
    parts: { workload: [2500, 2048, 0, 0] as [number, number, number, number], guestOs: [500, 512, 0, 0] as [number, number, number, number],
      flavourRounding: [1000, 1536, 0, 0] as [number, number, number, number] } };
  const pod = { demand: [8000, 1024, 0, 0] as [number, number, number, number] };
  const level = buildLevel([hostSpec, hostSpec, hostSpec], [vm, pod], [0, 1]);

  const load0 = 3000 / 16_000, load1 = 8000 / 16_000;
  const w0 = 60 + (80 - 60) * (load0 * 10 - 1); // 18.75 % lies between the 10 % (60 W) and 20 % (80 W) points
  const w1 = 120; // 50 %

  it('runs each host at the CPU its items burn over its physical CPU', () => {
    const loads = hostLoads(level, scenario);
    expect(loads[0]).toBeCloseTo(load0, 12);
    expect(loads[1]).toBeCloseTo(load1, 12);
    expect(loads[2]).toBe(0);
  });

  it('adds power at load, multiplies by PUE and hours, prices by the site tariff; checks the rack budget at peak', () => {
    const e = energyUse(level, scenario);
    expect(e.itWatts).toBeCloseTo(w0 + w1, 9);
    expect(e.facilityWatts).toBeCloseTo((w0 + w1) * 1.5, 9);
    expect(e.peakItWatts).toBe(400);
    expect(e.kWhPerMonth).toBeCloseTo((w0 + w1) * 1.5 * 730 / 1000, 9);
    expect(e.energyUSDPerMonth).toBeCloseTo((w0 + w1) * 1.5 * 730 / 1000 * 0.2, 9);
    expect(e.meanLoad).toBeCloseTo((load0 + load1) / 2, 12);
    expect(e.racksOverBudget).toEqual([{ rackId: 'r', peakKW: 0.4, budgetKW: 0.3 }]);
    expect(e.hostsWithoutPowerCurve).toBe(0);
  });

  it('uses one fixed load when the scenario sets one', () => {
    const fixed = parsed({ ...input, economics: { load: 0.5, hoursPerMonth: 100 } });
    const e = energyUse(level, fixed);
    expect(e.itWatts).toBe(240);
    expect(e.kWhPerMonth).toBeCloseTo(240 * 1.5 * 100 / 1000, 12);
  });

  it('amortises the price of each used host over the amortisation months', () => {
    const e = energyUse(level, scenario);
    const c = monthlyCost(level, scenario, e);
    expect(c.capexUSD).toBeCloseTo(2 * 6000 / 60, 9);
    expect(c.totalUSD).toBeCloseTo(2 * 6000 / 60 + e.energyUSDPerMonth, 9);
    const longer = monthlyCost(level, parsed({ ...input, economics: { amortisationMonths: 36 } }), e);
    expect(longer.capexUSD).toBeCloseTo(2 * 6000 / 36, 9);
  });
});
