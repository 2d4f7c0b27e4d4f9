// The beloglazov2012 preset: the no-power-management closed form, and (the one full-day test, WASM kernel)
// CloudSim 4.0's own figures for 20110303 (cloudsim-planetlab.md).
import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parsePolicy, type Policy } from '../../../core/sim/policy';
import { HP_ML110_G4, HP_ML110_G5 } from '../../../core/sim/presets/beloglazov2012';
import { runBeloglazov } from '../../../core/sim/presets/run-preset';
import { ReferenceSimulator } from '../../../core/sim/reference/reference-simulator';
import { WasmSimulator } from '../../../core/sim/kernel/wasm-simulator';
import { byteOrder, parsePlanetLabTrace } from '../../../core/traces/planetlab';
import { loadKernelBytes } from '../../../electron/cli/kernel';

const policy = (name: string) => parsePolicy(name) as Policy;
const wasm = WasmSimulator.fromBytes(loadKernelBytes('release'));

describe('beloglazov2012 preset', () => {
  it('NPA: every host at full power from t = 0 to the last tick, the closed form 800 × 126 W × 86 100 s', () => {
    // A synthetic day: the energy of NPA does not depend on the traces.
    const traces = Array.from({ length: 40 }, (_, k) => Float64Array.from({ length: 288 }, (_, s) => ((k * 7 + s) % 50) / 100));
    const maxPower = 400 * HP_ML110_G4[10] + 400 * HP_ML110_G5[10]; // 800 hosts × 126 W on average
    for (const sim of [wasm, new ReferenceSimulator()]) {
      const { result } = runBeloglazov(sim, traces, policy('npa'));
      // Ticks at 300k + 0.1 s; the last processed one is 86 100.1 s (the one at 86 400.1 is past the end).
      expect(result.energyKWh).toBeCloseTo(maxPower * 86100.1 / 3.6e6, 9);
      expect(result.energyKWh).toBeCloseTo(2410.80, 2);
      expect(result.migrations).toBe(0);
    }
  });

  it('reproduces CloudSim 4.0 on 20110303 (npa, dvfs, thr-mmt-0.8, lr-mc-1.2) with the WASM kernel', () => {
    const dir = new URL('../../../../shared/data/planetlab/20110303/', import.meta.url);
    const names = byteOrder(readdirSync(dir).filter((n) => n !== 'README.md'));
    const traces = names.map((n) => parsePlanetLabTrace(n, readFileSync(new URL(encodeURIComponent(n), dir), 'utf8')));
    expect(traces).toHaveLength(1052);
    const npa = runBeloglazov(wasm, traces, policy('npa')).result;
    expect(npa.energyKWh).toBeCloseTo(2410.80, 2);
    expect(npa.hostShutdowns).toBe(455);
    const dvfs = runBeloglazov(wasm, traces, policy('dvfs')).result;
    expect(dvfs.energyKWh).toBeCloseTo(802.75, 2);
    expect(dvfs.itemsRemoved).toBe(532); // VMs vanishing at zero demand, as in CloudSim
    const thr = runBeloglazov(wasm, traces, policy('thr-mmt-0.8'));
    expect(thr.result.energyKWh).toBeCloseTo(192.62, 2);
    expect(thr.result.migrations).toBe(26711);
    expect(thr.result.slatah).toBeCloseTo(0.0491, 4);
    expect(thr.result.pdm).toBeCloseTo(0.0006, 4);
    expect(thr.result.slav).toBeCloseTo(3.18e-5, 6);
    expect(thr.result.hostShutdowns).toBe(5885);
    expect(thr.series.time).toHaveLength(287);
    expect(thr.series.energyKWh[286]).toBeCloseTo(thr.result.energyKWh, 0);
    // Maximum correlation: the screened selection must pick what CloudSim's per-VM QR picks, every time.
    const mc = runBeloglazov(wasm, traces, policy('lr-mc-1.2')).result;
    expect(mc.energyKWh).toBeCloseTo(151.07, 2);
    expect(mc.migrations).toBe(23380);
    expect(mc.slatah).toBeCloseTo(0.0701, 4);
    expect(mc.hostShutdowns).toBe(4078);
  });
});
