// Differential and invariant properties of the two-level simulator (containers in node VMs on hosts): on random
// small fleets, in both semantics (ContainerCloudSim, Kubernetes) and under every mix of ContainerCloudSim quirks,
// the WASM kernel (release, plain and debug builds) and the TypeScript reference give identical totals, series and
// final placements, and the reference keeps every container in at most one VM and every VM on one host.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import * as abi from '../../assembly/cis/abi';
import { CisReference } from '../../core/sim/cis/reference';
import { CisReferenceSimulator } from '../../core/sim/cis/reference-simulator';
import { createCisArena, type CisArena, type CisRaw, type CisSimulator, type CisSizes } from '../../core/sim/cis/spec';
import { wasmBuilds } from '../unit/sim/cis-simulators';

interface Fleet {
  hosts: { pes: number; peMips: number; ram: number; model: number }[];
  types: { pes: number; peMips: number; ram: number }[];
  initial: number[];
  containers: { mips: number; work: number; ram: number; trace: number[]; arrive: number; depart: number; start: number }[];
  mode: number; quirks: number; seed: number; over: number; under: number; vmStartup: number; sdUtil: number; sdSeconds: number;
  maxVms: number; minVms: number; score: number; percentile: number; overcommit: number; samples: number;
}

const fleetArb: fc.Arbitrary<Fleet> = fc.integer({ min: 3, max: 14 }).chain((samples) => fc.record({
  hosts: fc.array(fc.record({ pes: fc.integer({ min: 1, max: 8 }), peMips: fc.constantFrom(1000, 2000, 2500),
    ram: fc.constantFrom(4096, 16384), model: fc.integer({ min: 0, max: 1 }) }), { minLength: 1, maxLength: 6 }),
  types: fc.array(fc.record({ pes: fc.integer({ min: 1, max: 4 }), peMips: fc.constantFrom(1000, 2000), ram: fc.constantFrom(1024, 4096) }),
    { minLength: 1, maxLength: 3 }),
  initial: fc.array(fc.nat(), { minLength: 1, maxLength: 5 }),
  containers: fc.array(fc.record({
    mips: fc.constantFrom(100, 250, 500, 1000), workFrac: fc.constantFrom(0.3, 0.8, 1),
    ram: fc.constantFrom(128, 512), trace: fc.array(fc.integer({ min: -20, max: 100 }).map((v) => Math.max(0, v) / 100), { minLength: samples, maxLength: samples }),
    arrive: fc.constantFrom(0, 0, 0, 700, 1500), depart: fc.constantFrom(Infinity, Infinity, 2000), start: fc.constantFrom(0, 5, 40),
  }).map(({ workFrac, mips, ...c }) => ({ ...c, mips, work: workFrac * mips })), { minLength: 1, maxLength: 12 }),
  mode: fc.constantFrom(abi.MODE_CLOUDSIM, abi.MODE_CLOUDSIM, abi.MODE_KUBERNETES),
  quirks: fc.oneof(fc.constant(abi.CQ_ALL), fc.integer({ min: 0, max: abi.CQ_ALL })),
  seed: fc.nat({ max: 1000 }),
  over: fc.constantFrom(0.3, 0.5, 0.8, 1),
  under: fc.constantFrom(0.2, 0.7),
  vmStartup: fc.constantFrom(0, 100, 400),
  sdUtil: fc.constantFrom(0.3, 0.5),
  sdSeconds: fc.constantFrom(0, 300, 900),
  maxVms: fc.constantFrom(0, 0, 3),
  minVms: fc.constantFrom(0, 1),
  score: fc.constantFrom(abi.SCORE_MOST_ALLOCATED, abi.SCORE_LEAST_ALLOCATED),
  percentile: fc.constantFrom(0, 80),
  overcommit: fc.constantFrom(1, 2),
  samples: fc.constant(samples),
}));

function sizesOf(f: Fleet): CisSizes {
  const n = f.containers.length, h = f.hosts.length;
  return { hosts: h, models: 2, types: f.types.length, vms: f.initial.length + n + 12 * h + 8, initialVms: f.initial.length,
    containers: n, traceRows: n, traceCols: f.samples + 1, steps: f.samples + 1 };
}

function fill(a: CisArena, f: Fleet): void {
  a.modelPower.set([86, 89.4, 92.6, 96, 99.5, 102, 106, 108, 112, 114, 117], 0);
  a.modelPower.set([66, 107, 120, 131, 143, 156, 173, 191, 211, 229, 247], 11);
  f.hosts.forEach((h, k) => { a.hostPes[k] = h.pes; a.hostPeMips[k] = h.peMips; a.hostRam[k] = h.ram; a.hostBw[k] = 1e6; a.hostModel[k] = h.model; });
  f.types.forEach((t, k) => { a.typePes[k] = t.pes; a.typePeMips[k] = t.peMips; a.typeRam[k] = t.ram; a.typeBw[k] = 1e5; });
  f.initial.forEach((x, k) => { a.vmType[k] = x % f.types.length; });
  f.containers.forEach((c, k) => {
    a.cMips[k] = c.mips; a.cWorkload[k] = c.work; a.cRam[k] = c.ram; a.cBw[k] = 2500; a.cBase[k] = 0; a.cScale[k] = 1;
    a.cTrace[k] = k; a.cStart[k] = c.start; a.cArrive[k] = c.arrive; a.cDepart[k] = c.depart;
    for (let s = 0; s <= f.samples; s++) a.traces[k * (f.samples + 1) + s] = c.trace[Math.min(s, f.samples - 1)];
  });
  const p = a.params, ip = a.iparams;
  p[abi.CP_INTERVAL] = 300; p[abi.CP_TICK_OFFSET] = 0.2; p[abi.CP_END] = f.samples * 300; p[abi.CP_TRACE_INTERVAL] = 300;
  p[abi.CP_OVERLOAD] = f.over; p[abi.CP_UNDERLOAD] = f.under; p[abi.CP_VM_STARTUP] = f.vmStartup; p[abi.CP_CONTAINER_STARTUP] = 0.4;
  p[abi.CP_SCALE_DOWN_UTILISATION] = f.sdUtil; p[abi.CP_SCALE_DOWN_SECONDS] = f.sdSeconds; p[abi.CP_VM_OVERCOMMIT] = f.overcommit;
  p[abi.CP_PERCENTILE] = f.percentile;
  ip[abi.CI_MODE] = f.mode; ip[abi.CI_QUIRKS] = f.quirks; ip[abi.CI_SEED] = f.seed; ip[abi.CI_STEPS] = f.samples + 1;
  ip[abi.CI_MAX_VMS] = f.maxVms; ip[abi.CI_MIN_VMS] = f.minVms; ip[abi.CI_SCORE] = f.score; ip[abi.CI_NEW_VM_TYPE] = f.types.length - 1;
}

function runOn(sim: CisSimulator, f: Fleet): CisRaw {
  const a = sim.reserve(sizesOf(f));
  fill(a, f);
  const raw = sim.run();
  return { status: raw.status, totals: raw.totals.slice(), series: raw.series.slice(), cVm: raw.cVm.slice(), vmHost: raw.vmHost.slice(), vmTypeOut: raw.vmTypeOut.slice() };
}

const reference = new CisReferenceSimulator();
const builds = wasmBuilds();

describe('two-level simulation kernel', () => {
  it('WASM release, plain and debug builds equal the TypeScript reference exactly', () => {
    fc.assert(fc.property(fleetArb, (f) => {
      const expected = runOn(reference, f);
      expect(expected.status).toBe(abi.CIS_OK);
      for (const [, wasm] of builds) {
        const got = runOn(wasm, f);
        expect(got.status).toBe(expected.status);
        expect(Array.from(got.totals)).toEqual(Array.from(expected.totals));
        expect(Array.from(got.series)).toEqual(Array.from(expected.series));
        expect(Array.from(got.cVm)).toEqual(Array.from(expected.cVm));
        expect(Array.from(got.vmHost)).toEqual(Array.from(expected.vmHost));
      }
    }), { numRuns: 200 });
  });

  // Found by the property above (seed 1025694217): five hosts, two containers. New VMs go to a random switched-off
  // host; the reference kept that list in a scratch array that evacuation had cut to its entry count (3 < 5 hosts), so
  // it lost a host and drew another one than the kernel.
  it('equals the reference when switched-off hosts outnumber the containers', () => {
    const trace = (v: number[]) => [...v, ...new Array(14 - v.length).fill(0)];
    const f: Fleet = {
      hosts: Array.from({ length: 5 }, () => ({ pes: 1, peMips: 1000, ram: 4096, model: 0 })), types: [{ pes: 1, peMips: 1000, ram: 1024 }], initial: [0, 0],
      containers: [
        { ram: 128, trace: trace([0, 0, 0.05, 0, 0, 0.29]), arrive: 0, depart: Infinity, start: 0, mips: 100, work: 30 },
        { ram: 128, trace: trace([0, 0.39, 0, 0.01, 0, 0.28]), arrive: 0, depart: Infinity, start: 0, mips: 1000, work: 300 },
      ],
      mode: abi.MODE_CLOUDSIM, quirks: abi.CQ_ALL, seed: 0, over: 0.3, under: 0.2, vmStartup: 0, sdUtil: 0.3, sdSeconds: 0, maxVms: 0, minVms: 0,
      score: abi.SCORE_MOST_ALLOCATED, percentile: 0, overcommit: 1, samples: 14,
    };
    const expected = runOn(reference, f);
    expect(expected.totals[abi.CT_VMS_CREATED]).toBeGreaterThan(0);
    for (const [, wasm] of builds) {
      const got = runOn(wasm, f);
      expect(Array.from(got.totals)).toEqual(Array.from(expected.totals));
      expect(Array.from(got.series)).toEqual(Array.from(expected.series));
      expect(Array.from(got.vmHost)).toEqual(Array.from(expected.vmHost));
    }
  });

  it('keeps every container in at most one live VM, every live VM on a host, and counts what it moved', () => {
    fc.assert(fc.property(fleetArb, (f) => {
      const a = createCisArena(sizesOf(f));
      fill(a, f);
      const raw = new CisReference(a).run();
      for (let c = 0; c < f.containers.length; c++) {
        const v = raw.cVm[c];
        if (v >= 0) expect(raw.vmHost[v]).toBeGreaterThanOrEqual(0);
      }
      const T = raw.totals;
      const moves = Array.from({ length: T[abi.CT_STEPS] }, (_, k) => raw.series[k * abi.CSERIES_COLS + abi.CS_MOVES]).reduce((x, y) => x + y, 0);
      expect(moves).toBe(T[abi.CT_CONTAINER_MIGRATIONS]);
      expect(T[abi.CT_VM_MIGRATIONS]).toBe(0);
      expect(T[abi.CT_ALLOCATED_TIME]).toBeLessThanOrEqual(T[abi.CT_REQUESTED_TIME] + 1e-6);
      expect(T[abi.CT_ENERGY_WS]).toBeGreaterThanOrEqual(0);
    }), { numRuns: 150 });
  });

  it('is deterministic for a seed', () => {
    fc.assert(fc.property(fleetArb, (f) => {
      expect(Array.from(runOn(builds[0][1], f).totals)).toEqual(Array.from(runOn(builds[0][1], f).totals));
    }), { numRuns: 30 });
  });
});
