// Hand-checked tiny traces for each detector and selector, run on the reference and on the WASM kernel.
import { describe, expect, it } from 'vitest';
import * as abi from '../../../assembly/sim/abi';
import { ReferenceSimulator } from '../../../core/sim/reference/reference-simulator';
import { WasmSimulator } from '../../../core/sim/kernel/wasm-simulator';
import { loadKernelBytes } from '../../../electron/cli/kernel';
import { migrationsPerStep, runTiny, type Tiny } from './tiny';

const sims = [new ReferenceSimulator(), WasmSimulator.fromBytes(loadKernelBytes('release'))];
const firstMove = (t: Tiny) => sims.map((s) => migrationsPerStep(runTiny(s, t)).findIndex((m) => m > 0) + 1);
const finalHosts = (t: Tiny) => sims.map((s) => Array.from(runTiny(s, t).itemHost));

const alternating = Array.from({ length: 20 }, (_, k) => (k % 2 === 1 ? 0.2 : 0.6)); // tick k sees sample k
const oneVm = (policy: string, trace: number[]): Tiny => ({
  policy, offset: 0,
  hosts: [{ pes: 1, peMips: 1000 }, { pes: 1, peMips: 1000 }],
  items: [{ mips: 1000, trace }],
});

describe('overload detectors', () => {
  it('THR consolidates two hosts only when the merged load stays under the threshold', () => {
    const two = (u: number): Tiny => ({ policy: 'thr-mmt-0.8', hosts: [{ pes: 1, peMips: 1000 }, { pes: 1, peMips: 1000 }],
      items: [{ mips: 500, trace: Array(6).fill(u) }, { mips: 500, trace: Array(6).fill(u) }] });
    for (const s of sims) {
      expect(migrationsPerStep(runTiny(s, two(0.7)))[0]).toBe(1); // 0.35 + 0.35 ≤ 0.8
      expect(migrationsPerStep(runTiny(s, two(0.9))).every((m) => m === 0)).toBe(true); // 0.45 + 0.45 > 0.8
    }
  });

  it('IQR-1.5: 12 points alternating 0.2/0.6 give IQR 0.4, threshold 0.4; THR 0.7 before that', () => {
    expect(firstMove(oneVm('iqr-mmt-1.5', alternating))).toEqual([12, 12]);
  });

  it('MAD-2.5: the same history has MAD 0.2, threshold 0.5; MAD-1.5 (threshold 0.7) never fires', () => {
    expect(firstMove(oneVm('mad-mmt-2.5', alternating))).toEqual([12, 12]);
    expect(firstMove(oneVm('mad-mmt-1.5', alternating))).toEqual([0, 0]);
  });

  it('LR-1.2 predicts one interval ahead from the last 10 points (0.84 × 1.2 ≥ 1 at tick 10)', () => {
    const rising = Array.from({ length: 14 }, (_, k) => Math.min(1, 0.015 + 0.075 * k));
    expect(firstMove(oneVm('lr-mmt-1.2', rising))).toEqual([10, 10]);
    expect(firstMove(oneVm('lrr-mmt-1.2', rising))).toEqual([10, 10]);
    expect(firstMove({ ...oneVm('lr-mmt-1.2', rising), quirks: abi.QUIRK_LR_UNWEIGHTED })).toEqual([10, 10]);
  });
});

describe('selection policies', () => {
  // Three VMs on one host (2 × 1500 MIPS) at 2500/3000 = 0.83 utilisation; an empty host beside it. After one
  // leaves, no consolidation can put them back together (every merge exceeds 0.8).
  const crowded = (policy: string): Tiny => ({
    policy, offset: 0, placement: abi.PLACE_GIVEN,
    hosts: [{ pes: 2, peMips: 1500 }, { pes: 2, peMips: 1500 }],
    items: [
      { mips: 1000, memory: 1024, trace: Array(4).fill(1.0), host: 0 },
      { mips: 1000, memory: 512, trace: Array(4).fill(0.8), host: 0 },
      { mips: 1000, memory: 2048, trace: Array(4).fill(0.7), host: 0 },
    ],
  });
  it('MMT moves the VM with the least memory', () => {
    for (const hosts of finalHosts(crowded('thr-mmt-0.8'))) expect(hosts).toEqual([0, 1, 0]);
  });
  it('MU moves the least utilised VM', () => {
    for (const hosts of finalHosts(crowded('thr-mu-0.8'))) expect(hosts).toEqual([0, 0, 1]);
  });
  it('RS moves one VM, the same one for the same seed in both implementations', () => {
    const [ref, wasm] = finalHosts({ ...crowded('thr-rs-0.8'), seed: 7 });
    expect(ref).toEqual(wasm);
    expect(ref.filter((h) => h === 1)).toHaveLength(1);
  });
  it('MC moves a VM whose history is best explained by the others (A = 2B), not the lightest one', () => {
    const t: Tiny = {
      policy: 'thr-mc-0.8', offset: 0, placement: abi.PLACE_GIVEN,
      hosts: [{ pes: 1, peMips: 1500 }, { pes: 1, peMips: 1500 }],
      items: [
        { mips: 500, memory: 1024, trace: [0, 0.2, 0.4, 0.3, 0.5, 1.0], host: 0 },
        { mips: 500, memory: 1024, trace: [0, 0.1, 0.2, 0.15, 0.25, 0.5], host: 0 },
        { mips: 500, memory: 256, trace: [0, 0.5, 0.3, 0.6, 0.4, 1.0], host: 0 },
      ],
    };
    for (const hosts of finalHosts(t)) {
      expect(hosts[2]).toBe(0);
      expect(hosts.filter((h) => h === 1)).toHaveLength(1);
    }
    for (const hosts of finalHosts({ ...t, policy: 'thr-mmt-0.8' })) expect(hosts).toEqual([0, 0, 1]);
  });
});

describe('containers and hybrid settings', () => {
  it('a container move is a restart: no service for its start time, counted as unavailability', () => {
    const t: Tiny = { policy: 'thr-mmt-0.8', hosts: [{ pes: 1, peMips: 1000 }, { pes: 1, peMips: 1000 }],
      items: [0, 1].map(() => ({ mips: 500, trace: Array(6).fill(0.7), kind: abi.KIND_CONTAINER, start: 12 })) };
    for (const s of sims) {
      const r = runTiny(s, t);
      expect(r.totals[abi.T_RESTARTS]).toBe(1);
      expect(r.totals[abi.T_UNAVAILABLE]).toBeCloseTo(12, 9);
      expect(r.totals[abi.T_MOVE_DURATION_SUM] / r.totals[abi.T_MOVE_DURATION_COUNT]).toBeCloseTo(12, 9);
    }
  });
  it('a migration budget of 0 moves per re-optimisation with a long period stops consolidation after the first pass', () => {
    const t: Tiny = { policy: 'thr-mmt-0.8', reoptPeriod: 86400, hosts: Array(4).fill({ pes: 1, peMips: 1000 }),
      items: [0, 1, 2, 3].map(() => ({ mips: 250, trace: Array(8).fill(0.5) })) };
    for (const s of sims) {
      const per = migrationsPerStep(runTiny(s, t));
      expect(per[0]).toBeGreaterThan(0);
      expect(per.slice(1).every((m) => m === 0)).toBe(true);
    }
  });
});

describe('autoscaling (HPA semantics)', () => {
  // One service planned at 2 replicas of 500 MIPS; demand rises to 0.9 of its planned capacity, then falls.
  const trace = [0.3, 0.3, 0.9, 0.9, 0.9, 0.2, 0.2, 0.2, 0.2, 0.2, 0.2, 0.2];
  const scaled = (kind: number): Tiny => ({
    policy: 'thr-mmt-0.8', offset: 0, scaleTarget: 0.7, scaleWindow: 600,
    hosts: Array(3).fill({ pes: 2, peMips: 1000 }),
    items: [0, 1, 2, 3].map(() => ({ mips: 500, trace, kind, start: 30 })),
    services: [{ first: 0, max: 4, min: 1, base: 2 }],
  });
  it('scales out when utilisation exceeds the target and back in after the stabilisation window', () => {
    for (const s of sims) {
      const r = runTiny(s, scaled(abi.KIND_CONTAINER));
      const replicas = Array.from({ length: r.totals[abi.T_STEPS] }, (_, k) => r.series[k * abi.SERIES_COLS + abi.S_ITEMS]);
      // tick 1–2: 0.3·2/2 = 0.3 < 0.7 → 1 replica (ceil(2·0.3/0.7) = 1); tick 3: 0.9·2/1 = 1.8 → ceil(1·1.8/0.7) = 3
      expect(replicas[0]).toBe(1);
      expect(replicas[2]).toBe(3);
      // demand falls at tick 6 but the window (600 s) holds 3 replicas until the high recommendations age out
      expect(replicas[5]).toBe(3);
      expect(replicas[replicas.length - 1]).toBe(1);
      expect(r.totals[abi.T_SCALE_EVENTS]).toBeGreaterThanOrEqual(3);
    }
    expect(Array.from(runTiny(sims[0], scaled(abi.KIND_VM)).totals)).toEqual(Array.from(runTiny(sims[1], scaled(abi.KIND_VM)).totals));
  });
});
