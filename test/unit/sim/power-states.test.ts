// Host power states in the corrected model: an emptied host idles for hostShutdownSeconds (at idle power,
// ready without booting) before it switches off. Hand-checked against the closed form on one host.
import { describe, expect, it } from 'vitest';
import * as abi from '../../../assembly/sim/abi';
import { ReferenceSimulator } from '../../../core/sim/reference/reference-simulator';
import { WasmSimulator } from '../../../core/sim/kernel/wasm-simulator';
import { loadKernelBytes } from '../../../electron/cli/kernel';
import { G4, runTiny, totals, type Tiny } from './tiny';

const sims = [new ReferenceSimulator(), WasmSimulator.fromBytes(loadKernelBytes('release'))];

// Two G4 hosts (idle 86 W), each with one VM at 50 % (first fit: the second VM does not fit beside the first);
// the first VM leaves at 600 s, the second keeps the run going; ticks every 300 s before 2 400 s.
const day = (shutdownSeconds: number): Tiny => ({
  hosts: [{ pes: 1, peMips: 1860, model: 0 }, { pes: 1, peMips: 1860, model: 0 }], policy: 'dvfs', offset: 0, shutdownSeconds,
  items: [{ mips: 1000, trace: new Array<number>(8).fill(0.5), depart: 600 }, { mips: 1000, trace: new Array<number>(8).fill(0.5) }],
});

describe('host power states', () => {
  it.each(sims.map((s) => [s.name, s] as const))('%s: an emptied host draws idle power for its shutdown window, then nothing', (_n, sim) => {
    const off = totals(runTiny(sim, day(0))).energyKWh * 3.6e6;
    // The host's utilisation reaches 0 at the 900 s tick; the window [900, 1800) lies inside the run.
    expect(totals(runTiny(sim, day(900))).energyKWh * 3.6e6 - off).toBeCloseTo(G4[0] * 900, 6);
    // A window longer than the rest of the run is cut at its last tick (2 100 s; 2 400 s is the end, not a tick).
    expect(totals(runTiny(sim, day(5000))).energyKWh * 3.6e6 - off).toBeCloseTo(G4[0] * 1200, 6);
    expect(runTiny(sim, day(900)).status).toBe(abi.SIM_OK);
  });
});

describe('memory traces', () => {
  // Two 1 000-MIPS hosts; two VMs of 500 MIPS at 90 % start on the first (a given plan), which is then overloaded (THR 0.8):
  // MMT moves the VM with less memory (800 MB) at 62.5 MB/s, once. With a memory trace the move copies only
  // the memory in use.
  const overload = (memoryTrace?: number[]): Tiny => ({
    hosts: [{ pes: 1, peMips: 1000, model: 0 }, { pes: 1, peMips: 1000, model: 0 }], policy: 'thr-mmt-0.8', offset: 0,
    placement: abi.PLACE_GIVEN,
    items: [{ mips: 500, memory: 1000, trace: [0.9, 0.9, 0.9], host: 0 }, { mips: 500, memory: 800, trace: [0.9, 0.9, 0.9], memoryTrace, host: 0 }],
  });
  it.each(sims.map((s) => [s.name, s] as const))('%s: a live migration copies the memory in use', (_n, sim) => {
    const full = runTiny(sim, overload());
    const half = runTiny(sim, overload([0.5, 0.5, 0.5]));
    for (const r of [full, half]) expect(r.totals[abi.T_MIGRATIONS]).toBe(1);
    expect(full.totals[abi.T_MOVE_DURATION_SUM]).toBeCloseTo(800 / 62.5, 9);
    expect(half.totals[abi.T_MOVE_DURATION_SUM]).toBeCloseTo(400 / 62.5, 9);
  });
});
