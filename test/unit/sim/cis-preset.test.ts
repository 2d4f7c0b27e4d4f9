// The containercloudsim2017 preset against ContainerCloudSim 4.0 on 20110303 (../shared/reference/containercloudsim.md):
// the checkpoints that are exact before the first random draw (per-tick moves, host utilisations at the first tick,
// cumulative energy up to 3 300.2 s) and the day's figures, which every seed must land in.
import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { CisReferenceSimulator } from '../../../core/sim/cis/reference-simulator';
import { runContainerCloudSim } from '../../../core/sim/cis/run-preset';
import { CisReference } from '../../../core/sim/cis/reference';
import { createCisArena, type CisSimulator } from '../../../core/sim/cis/spec';
import { ccsSizes, fillCcs } from '../../../core/sim/presets/containercloudsim2017';
import { byteOrder, parsePlanetLabTrace } from '../../../core/traces/planetlab';
import { simulators } from './cis-simulators';

const dir = new URL('../../../../shared/data/planetlab/20110303/', import.meta.url);
const names = byteOrder(readdirSync(dir).filter((n) => n !== 'README.md')).slice(0, 50);
const traces = names.map((n) => parsePlanetLabTrace(n, readFileSync(new URL(encodeURIComponent(n), dir), 'utf8')));

const at = (series: { time: number[] }, t: number): number => series.time.findIndex((x) => Math.abs(x - t) < 1e-6);

describe.each(simulators())('containercloudsim2017 on 20110303 (%s)', (_name, sim: CisSimulator) => {
  const { result, series } = runContainerCloudSim(sim, traces, { seed: 1 });

  it('moves the containers ContainerCloudSim moves up to 9 600.2 s, tick by tick', () => {
    const moves = series.time.map((t, k) => [Math.round(t * 10) / 10, series.moves[k]]).filter(([, m]) => m > 0).slice(0, 7);
    expect(moves).toEqual([[300.2, 26], [2100.2, 2], [2700.2, 13], [3000.2, 2], [3300.2, 2], [4200.2, 1], [9600.2, 5]]);
  });

  it('has the cumulative energy of the reference at 600.2, 1 800.2, 3 000.2 and 3 300.2 s', () => {
    const ws = (t: number) => series.energyKWh[at(series, t)] * 3.6e6;
    expect(ws(300.2)).toBe(0); // an interval that starts at U = 0 costs nothing
    expect(ws(600.2)).toBeCloseTo(212695.11, 2);
    expect(ws(1800.2)).toBeCloseTo(495049.68, 2);
    expect(ws(3000.2)).toBeCloseTo(769113.84, 2);
    expect(ws(3300.2)).toBeCloseTo(809613.76, 2);
  });

  it('ends within ContainerCloudSim\'s figures for the day', () => {
    expect(result.energyKWh).toBeGreaterThan(4.820 * 0.99);
    expect(result.energyKWh).toBeLessThan(4.897 * 1.01);
    expect(result.containerMigrations).toBe(282);
    expect(result.vmMigrations).toBe(0);
    expect(result.vmsCreated).toBe(44);
    expect(result.numberOfVms).toBe(69);
    expect(result.meanActiveHosts).toBeCloseTo(1.8467, 4);
    expect(result.meanActiveVms).toBeCloseTo(2.9895, 4);
    expect(result.slaOverall).toBeGreaterThan(0.01834 - 1e-5);
    expect(result.slaOverall).toBeLessThan(0.01839 + 1e-5);
    expect(result.slaAverage).toBeCloseTo(0.1269, 4);
    expect(result.slaTimePerActiveHost).toBeCloseTo(0.0514, 4);
    expect(result.overUtilizedHostTicks).toBe(90);
    expect(result.hostShutdowns).toBe(58);
    expect(result.meanTimeBeforeHostShutdown).toBeCloseTo(1313.9, 1);
  });
});

describe('containercloudsim2017 seeds', () => {
  it('draws the woken hosts from the seed: the same seed gives the same run, others spread over CloudSim\'s range', () => {
    const ref = new CisReferenceSimulator();
    const energies = [1, 2, 3, 4].map((seed) => runContainerCloudSim(ref, traces, { seed }).result.energyKWh);
    expect(runContainerCloudSim(ref, traces, { seed: 3 }).result.energyKWh).toBe(energies[2]);
    expect(new Set(energies).size).toBeGreaterThan(1);
    for (const e of energies) { expect(e).toBeGreaterThan(4.820 * 0.99); expect(e).toBeLessThan(4.897 * 1.01); }
  });
});

describe('containercloudsim2017 first tick', () => {
  it('has seven active 8-PE hosts with the reference\'s utilisations at 300.2 s', () => {
    const arena = createCisArena(ccsSizes(50, 288));
    fillCcs(arena, traces);
    const engine = new CisReference(arena);
    let first: number[] = [];
    engine.onTick = (_t, u) => { if (first.length === 0) first = Array.from(u); };
    engine.run();
    const active = first.map((u, h) => [h + 1, u]).filter(([, u]) => u > 0);
    expect(active.map(([h]) => h)).toEqual([8, 9, 10, 11, 12, 13, 14]);
    const expected = [0.1812, 0.2712, 0.3750, 0.5499, 0.0450, 0.0000033, 0.0100];
    active.forEach(([, u], k) => expect(u).toBeCloseTo(expected[k], k === 5 ? 7 : 4));
  });
});
