// The two-level simulator in plain TypeScript: the oracle the WASM kernel (assembly/cis/engine.ts) must equal
// exactly. Same state, same order of operations, same floating-point expressions; the kernel is a line-by-line
// port. Containers run in node VMs, node VMs on hosts; every tick: container demand from its trace, VM and host
// allocation, energy, SLA records, VM clean-up, then the mode's planning:
//  - MODE_CLOUDSIM: ContainerCloudSim's consolidation pass (../shared/reference/containercloudsim.md, and the
//    CloudSim 4.0 sources it cites: PowerContainerVmAllocationPolicyMigrationAbstractContainerAdded and its
//    HostSelection / UnderUtilizedAdded / StaticThresholdMCUnderUtilized subclasses), planned on a tentative copy
//    of the placement (entry lists, so a container may sit in two VMs' lists as CloudSim's do) and executed after;
//  - MODE_KUBERNETES: pending pods are scheduled by requests; a cluster-autoscaler-style loop adds node VMs for
//    pods that fit nowhere and removes nodes underused for CP_SCALE_DOWN_SECONDS, restarting their pods.
import * as abi from '../../../assembly/cis/abi';
import { Rng } from '../../reference/random';
import { powerAt } from '../reference/power';
import { percentileOfSorted } from './percentile';
import type { CisArena, CisRaw } from './spec';

// Container states.
const C_WAITING = 0; //  not arrived yet
const C_RUNNING = 1; //  on a VM, serving
const C_STARTING = 2; // on a VM, starting (Kubernetes restart / new node): holds its requests, uses nothing
const C_PENDING = 3; //  no VM (Kubernetes: waiting for the scheduler or a new node)
const C_GONE = 4;
// VM slot states.
const V_FREE = 0;
const V_ALIVE = 1;
const V_TENTATIVE = 2; // opened by a planning pass; created for real only if a container is moved to it

const MIN_POSITIVE = 5e-324; // Java's Double.MIN_VALUE: "the largest request" starts from it, so 0 never wins

/** Sum of `n` copies of x by repeated addition, as Java sums a VM's per-PE lists. */
function rep(x: number, n: number): number {
  let s = 0;
  for (let k = 0; k < n; k++) s += x;
  return s;
}

export class CisReference {
  // sizes and parameters
  private readonly H: number; private readonly T: number; private readonly V: number; private readonly N: number;
  private readonly C: number;
  private readonly interval: number; private readonly offset: number; private readonly end: number;
  private readonly traceInterval: number; private readonly overThr: number; private readonly underThr: number;
  private readonly vmStartup: number; private readonly cStartup: number; private readonly sdUtil: number;
  private readonly sdSeconds: number; private readonly vmOvercommit: number;
  private readonly mode: number; private readonly quirks: number;
  private readonly maxVms: number; private readonly minVms: number; private readonly score: number;
  private readonly newType: number;
  private readonly rng: Rng;
  // hosts
  private readonly hTotal: Float64Array; private readonly hU: Float64Array; private readonly hPrevU: Float64Array;
  private readonly hAllocSum: Float64Array; private readonly hPrevOn: Uint8Array;
  private readonly hHead: Int32Array; private readonly hTail: Int32Array; private readonly hVms: Int32Array;
  private readonly hRecHas: Uint8Array; private readonly hRecActive: Uint8Array; private readonly hRecAlloc: Float64Array;
  private readonly hRecReq: Float64Array; private readonly hRecTime: Float64Array;
  private readonly hScanActive: Uint8Array; private readonly hLastOn: Float64Array;
  private readonly hStartAvail: Float64Array; private readonly hStartAlloc: Float64Array;
  private readonly hRam: Float64Array; private readonly hBw: Float64Array; // start-up / nominal reservations
  // VM slots
  private readonly vState: Int32Array; private readonly vType: Int32Array; private readonly vHost: Int32Array;
  private readonly vNext: Int32Array; private readonly vPrev: Int32Array; private readonly vCHead: Int32Array;
  private readonly vCTail: Int32Array; private readonly vCount: Int32Array; private readonly vWaiting: Uint8Array;
  private readonly vReadyAt: Float64Array; private readonly vEmptySince: Float64Array; private readonly vUnderSince: Float64Array;
  private readonly vAlloc: Float64Array; private readonly vReqTot: Float64Array; private readonly vCapped: Float64Array;
  private readonly vRecHas: Uint8Array; private readonly vRecAlloc: Float64Array; private readonly vRecReq: Float64Array;
  private readonly vRecTime: Float64Array; private readonly vFreeNext: Int32Array; private readonly vTypeOut: Int32Array;
  private freeVm = -1;
  private aliveVms = 0;
  // containers
  private readonly cState: Int32Array; private readonly cVm: Int32Array; private readonly cNext: Int32Array;
  private readonly cPrev: Int32Array; private readonly cReq: Float64Array; private readonly cFrac: Float64Array;
  private readonly cRes: Float64Array; private readonly cReadyAt: Float64Array;
  /** Fit-test MIPS (the overbooked percentile); corrected, recomputed from the samples seen so far. */
  private readonly cWork: Float64Array;
  private readonly pastSorted: Float64Array; // N × C, ascending samples seen (corrected percentile only)
  private readonly pastLen: Int32Array;
  private readonly pastPct: number;
  // planning: VM → container entries, host → VM entries (pools that grow), per-pass marks, moves
  private eC: Int32Array; private eNext: Int32Array; private eRes: Float64Array; private eRam: Float64Array;
  private eBw: Float64Array; private eCount = 0;
  private readonly pvHead: Int32Array; private readonly pvTail: Int32Array;
  // per-VM sums over its planning entries, kept while entries are only appended (the same additions, in list
  // order, as summing afresh); a removal marks them stale and the next read sums the list again
  private readonly pcValid: Uint8Array; private readonly pcSum: Float64Array; private readonly pcFrac: Float64Array;
  private readonly pcFree: Float64Array; private readonly pcRam: Float64Array; private readonly pcBw: Float64Array;
  private gV: Int32Array; private gNext: Int32Array; private gCount = 0;
  private readonly phHead: Int32Array; private readonly phTail: Int32Array;
  private readonly hOver: Uint8Array; private readonly hOff: Uint8Array; private readonly hExclUnder: Uint8Array;
  private readonly hExclPlace: Uint8Array; private readonly hOpened: Uint8Array; private readonly hX: Uint8Array;
  private mvC: Int32Array; private mvV: Int32Array; private mvCount = 0;
  private readonly tv: Int32Array; private tvCount = 0;
  private listA: Int32Array; private readonly listB: Int32Array; private listC: Int32Array;
  /** Hosts switched off (U = 0), for new VMs: its own H slots, as the kernel's offList (listC may shrink below H). */
  private readonly offList: Int32Array;
  private readonly sortG: Int32Array; private readonly sortKey: Float64Array;
  private readonly created: Int32Array;
  // outputs
  private readonly totals = new Float64Array(abi.CTOTAL_SLOTS);
  private readonly series: Float64Array;
  private readonly status = abi.CIS_OK;
  private energy = 0;
  private lastTime = 0;

  /** Called after each tick's accounting with the hosts' measured utilisations (tests only). */
  onTick: ((t: number, hostUtilisation: Float64Array) => void) | null = null;

  constructor(private readonly a: CisArena) {
    const H = a.hosts, V = a.vms, N = a.containers, T = a.types;
    this.H = H; this.T = T; this.V = V; this.N = N; this.C = a.traceCols;
    const p = a.params, ip = a.iparams;
    this.interval = p[abi.CP_INTERVAL]; this.offset = p[abi.CP_TICK_OFFSET]; this.end = p[abi.CP_END];
    this.traceInterval = p[abi.CP_TRACE_INTERVAL]; this.overThr = p[abi.CP_OVERLOAD]; this.underThr = p[abi.CP_UNDERLOAD];
    this.vmStartup = p[abi.CP_VM_STARTUP]; this.cStartup = p[abi.CP_CONTAINER_STARTUP];
    this.sdUtil = p[abi.CP_SCALE_DOWN_UTILISATION]; this.sdSeconds = p[abi.CP_SCALE_DOWN_SECONDS];
    this.vmOvercommit = p[abi.CP_VM_OVERCOMMIT] > 0 ? p[abi.CP_VM_OVERCOMMIT] : 1;
    this.mode = ip[abi.CI_MODE]; this.quirks = ip[abi.CI_QUIRKS];
    this.maxVms = ip[abi.CI_MAX_VMS] > 0 ? ip[abi.CI_MAX_VMS] : V; this.minVms = ip[abi.CI_MIN_VMS];
    this.score = ip[abi.CI_SCORE]; this.newType = Math.min(Math.max(0, ip[abi.CI_NEW_VM_TYPE]), Math.max(0, T - 1));
    this.rng = new Rng(ip[abi.CI_SEED]);
    const f = (n: number) => new Float64Array(n), i = (n: number) => new Int32Array(n), u = (n: number) => new Uint8Array(n);
    this.hTotal = f(H); this.hU = f(H); this.hPrevU = f(H); this.hAllocSum = f(H); this.hPrevOn = u(H);
    this.hHead = i(H).fill(-1); this.hTail = i(H).fill(-1); this.hVms = i(H);
    this.hRecHas = u(H); this.hRecActive = u(H); this.hRecAlloc = f(H); this.hRecReq = f(H); this.hRecTime = f(H);
    this.hScanActive = u(H); this.hLastOn = f(H); this.hStartAvail = f(H); this.hStartAlloc = f(H);
    this.hRam = f(H); this.hBw = f(H);
    this.vState = i(V); this.vType = i(V); this.vHost = i(V).fill(-1); this.vNext = i(V).fill(-1); this.vPrev = i(V).fill(-1);
    this.vCHead = i(V).fill(-1); this.vCTail = i(V).fill(-1); this.vCount = i(V); this.vWaiting = u(V);
    this.vReadyAt = f(V); this.vEmptySince = f(V).fill(-1); this.vUnderSince = f(V).fill(-1);
    this.vAlloc = f(V); this.vReqTot = f(V); this.vCapped = f(V);
    this.vRecHas = u(V); this.vRecAlloc = f(V); this.vRecReq = f(V); this.vRecTime = f(V);
    this.vFreeNext = i(V).fill(-1); this.vTypeOut = i(V).fill(-1);
    this.cState = i(N); this.cVm = i(N).fill(-1); this.cNext = i(N).fill(-1); this.cPrev = i(N).fill(-1);
    this.cReq = f(N); this.cFrac = f(N); this.cRes = f(N); this.cReadyAt = f(N);
    this.cWork = Float64Array.from(a.cWorkload);
    this.pastPct = this.mode === abi.MODE_CLOUDSIM && !this.q(abi.CQ_FUTURE_PERCENTILE_OVERBOOKING) ? p[abi.CP_PERCENTILE] : 0;
    this.pastSorted = f(this.pastPct > 0 ? N * a.traceCols : 0);
    this.pastLen = i(this.pastPct > 0 ? N : 0);
    const ePool = 2 * N + 16, gPool = 2 * V + 16;
    this.eC = i(ePool); this.eNext = i(ePool); this.eRes = f(ePool); this.eRam = f(ePool); this.eBw = f(ePool);
    this.pvHead = i(V).fill(-1); this.pvTail = i(V).fill(-1);
    this.pcValid = u(V); this.pcSum = f(V); this.pcFrac = f(V); this.pcFree = f(V); this.pcRam = f(V); this.pcBw = f(V);
    this.gV = i(gPool); this.gNext = i(gPool);
    this.phHead = i(H).fill(-1); this.phTail = i(H).fill(-1);
    this.hOver = u(H); this.hOff = u(H); this.hExclUnder = u(H); this.hExclPlace = u(H); this.hOpened = u(H); this.hX = u(H);
    this.mvC = i(N + 16); this.mvV = i(N + 16);
    this.tv = i(V);
    this.listA = i(N); this.listB = i(N); this.listC = i(N); this.offList = i(H);
    this.sortG = i(Math.max(V, N) + 16); this.sortKey = f(Math.max(V, N) + 16);
    this.created = i(V);
    this.series = f(a.steps * abi.CSERIES_COLS);
  }

  private q(flag: number): boolean {
    return (this.quirks & flag) !== 0;
  }

  // ── Demand ────────────────────────────────────────────────────────────────────────────────────────
  /** CloudSim's UtilizationModelPlanetLabInMemory(Extended): linear between samples floor(t/Δ) and ceil(t/Δ). */
  private traceAt(row: number, t: number): number {
    const ti = this.traceInterval, cols = this.C, base = row * cols, tr = this.a.traces;
    const q = Math.floor(t / ti);
    if (q * ti === t) return tr[base + Math.min(cols - 1, q)];
    const t1 = Math.floor(t / ti) | 0;
    const t2 = Math.ceil(t / ti) | 0;
    if (t2 > cols - 1) return tr[base + cols - 1];
    const u1 = tr[base + t1], u2 = tr[base + t2];
    const delta = (u2 - u1) / ((t2 - t1) * ti);
    return u1 + delta * (t - t1 * ti);
  }

  private fracAt(c: number, t: number): number {
    return this.a.cBase[c] + this.traceAt(this.a.cTrace[c], t) * this.a.cScale[c];
  }

  // ── VM slots and real lists ───────────────────────────────────────────────────────────────────────
  private takeSlot(type: number): number {
    const v = this.freeVm;
    if (v < 0) return -1;
    this.freeVm = this.vFreeNext[v];
    this.vFreeNext[v] = -1;
    this.vType[v] = type; this.vTypeOut[v] = type;
    this.vCHead[v] = -1; this.vCTail[v] = -1; this.vCount[v] = 0; this.vWaiting[v] = 0;
    this.vEmptySince[v] = -1; this.vUnderSince[v] = -1; this.vRecHas[v] = 0; this.vReadyAt[v] = 0;
    this.vAlloc[v] = 0; this.vReqTot[v] = 0;
    return v;
  }

  private releaseSlot(v: number): void {
    this.vState[v] = V_FREE; this.vHost[v] = -1;
    this.vFreeNext[v] = this.freeVm;
    this.freeVm = v;
  }

  private attachVm(v: number, h: number): void {
    this.vState[v] = V_ALIVE; this.vHost[v] = h;
    this.vNext[v] = -1; this.vPrev[v] = this.hTail[h];
    if (this.hTail[h] >= 0) this.vNext[this.hTail[h]] = v; else this.hHead[h] = v;
    this.hTail[h] = v;
    this.hVms[h]++;
    this.aliveVms++;
  }

  private detachVm(v: number): void {
    const h = this.vHost[v], p = this.vPrev[v], n = this.vNext[v];
    if (p >= 0) this.vNext[p] = n; else this.hHead[h] = n;
    if (n >= 0) this.vPrev[n] = p; else this.hTail[h] = p;
    this.hVms[h]--;
    this.aliveVms--;
    this.releaseSlot(v);
  }

  private attachContainer(c: number, v: number): void {
    this.cVm[c] = v;
    this.cNext[c] = -1; this.cPrev[c] = this.vCTail[v];
    if (this.vCTail[v] >= 0) this.cNext[this.vCTail[v]] = c; else this.vCHead[v] = c;
    this.vCTail[v] = c;
    this.vCount[v]++;
  }

  private detachContainer(c: number): void {
    const v = this.cVm[c];
    if (v < 0) return;
    const p = this.cPrev[c], n = this.cNext[c];
    if (p >= 0) this.cNext[p] = n; else this.vCHead[v] = n;
    if (n >= 0) this.cPrev[n] = p; else this.vCTail[v] = p;
    this.vCount[v]--;
    this.cVm[c] = -1;
  }

  private vmCap(v: number): number {
    const t = this.vType[v];
    return rep(this.a.typePeMips[t], this.a.typePes[t]);
  }

  /** Per-PE request of a VM whose containers ask for S in total (quirk: every PE asks for all of S). */
  private perPe(s: number, v: number): number {
    if (this.q(abi.CQ_VM_DEMAND_REPLICATED_PER_PE)) return s;
    const cap = this.vmCap(v);
    return (s < cap ? s : cap) / this.a.typePes[this.vType[v]];
  }

  // ── Start-up (t = 0: initial VMs onto hosts; t = 0.1: containers onto VMs) ────────────────────────
  private startupVms(): void {
    const a = this.a;
    for (let v = 0; v < a.initialVms; v++) {
      const t = a.vmType[v], n = a.typePes[t];
      const full = rep(a.typePeMips[t], n);
      let best = -1, bestDiff = Number.MAX_VALUE;
      for (let h = 0; h < this.H; h++) {
        if (a.hostPeMips[h] < a.typePeMips[t] || this.hStartAvail[h] < full) continue;
        if (a.hostRam[h] - this.hRam[h] < a.typeRam[t] || a.hostBw[h] - this.hBw[h] < a.typeBw[t]) continue;
        // Existing VMs have no containers yet and request nothing; the candidate asks for its full size.
        if (this.hStartAlloc[h] !== 0 && full / this.hTotal[h] > this.overThr) continue;
        const after = (this.hStartAlloc[h] + full) / this.hTotal[h];
        if (after > 1) continue;
        const diff = powerAt(a.modelPower, a.hostModel[h], after) - powerAt(a.modelPower, a.hostModel[h], 0);
        if (diff < bestDiff) { bestDiff = diff; best = h; }
      }
      const slot = this.takeSlotAt(v, t);
      if (best < 0) { this.releaseSlot(slot); continue; }
      this.attachVm(slot, best);
      this.hStartAvail[best] -= full;
      this.hStartAlloc[best] += full;
      this.hRam[best] += a.typeRam[t];
      this.hBw[best] += a.typeBw[t];
    }
  }

  /** Initial VM v occupies slot v (the free list holds the slots after the initial ones). */
  private takeSlotAt(v: number, type: number): number {
    this.vType[v] = type; this.vTypeOut[v] = type;
    this.vCHead[v] = -1; this.vCTail[v] = -1; this.vCount[v] = 0;
    this.vEmptySince[v] = -1; this.vUnderSince[v] = -1;
    return v;
  }

  /** MIPS a VM can still reserve: its capacity minus its containers' reservations, sequentially (0 once over). */
  private realFree(v: number): number {
    let avail = this.vmCap(v);
    for (let c = this.vCHead[v]; c >= 0; c = this.cNext[c]) {
      const r = this.cRes[c];
      if (avail >= r) avail -= r; else avail = 0;
    }
    return avail;
  }

  private realRam(v: number): number {
    let s = 0;
    for (let c = this.vCHead[v]; c >= 0; c = this.cNext[c]) s += this.a.cRam[c];
    return s;
  }

  private realBw(v: number): number {
    let s = 0;
    for (let c = this.vCHead[v]; c >= 0; c = this.cNext[c]) s += this.a.cBw[c];
    return s;
  }

  /** CloudSim start-up placement (ContainerAllocationPolicyRS + MostFull): the VM with the most (or least)
   * free MIPS among those that fit the container's full size, overbooked workload, RAM and bandwidth. */
  private startupPlace(c: number): boolean {
    const a = this.a, leastFree = !this.q(abi.CQ_MOST_FULL_IS_MOST_FREE);
    let best = -1, bestFree = leastFree ? Number.MAX_VALUE : MIN_POSITIVE;
    for (let v = 0; v < this.V; v++) {
      if (this.vState[v] !== V_ALIVE) continue;
      const t = this.vType[v];
      const free = this.realFree(v);
      if (leastFree ? !(free < bestFree) : !(free > bestFree)) continue;
      if (a.typePeMips[t] < a.cMips[c] || free < this.cWork[c]) continue;
      if (a.typeRam[t] - this.realRam(v) < a.cRam[c] || a.typeBw[t] - this.realBw(v) < a.cBw[c]) continue;
      best = v; bestFree = free;
    }
    if (best < 0) return false;
    this.attachContainer(c, best);
    this.cRes[c] = a.cMips[c]; // a container being instantiated reserves its full size
    this.cState[c] = C_RUNNING;
    return true;
  }

  /** Corrected overbooking: the percentile of the samples up to time t only (sample index floor(t / Δ)). */
  private pastPercentiles(t: number): void {
    if (this.pastPct <= 0) return;
    const a = this.a, C = this.C;
    const upTo = Math.min(C - 1, Math.floor(t / this.traceInterval));
    for (let c = 0; c < this.N; c++) {
      const base = c * C, row = a.cTrace[c] * C;
      let n = this.pastLen[c];
      while (n <= upTo) {
        const x = a.traces[row + n];
        let j = n - 1;
        while (j >= 0 && this.pastSorted[base + j] > x) { this.pastSorted[base + j + 1] = this.pastSorted[base + j]; j--; }
        this.pastSorted[base + j + 1] = x;
        n++;
      }
      this.pastLen[c] = n;
      this.cWork[c] = percentileOfSorted(this.pastSorted.subarray(base, base + n), n, this.pastPct) * a.cMips[c];
    }
  }

  // ── Per-tick accounting ───────────────────────────────────────────────────────────────────────────
  private updateDemand(t: number): void {
    const a = this.a;
    for (let c = 0; c < this.N; c++) {
      const s = this.cState[c];
      if (s === C_STARTING && this.cReadyAt[c] <= t) this.cState[c] = C_RUNNING;
      if (this.cState[c] === C_RUNNING) {
        const frac = this.fracAt(c, t);
        this.cFrac[c] = frac;
        this.cReq[c] = frac * a.cMips[c];
      } else {
        this.cFrac[c] = 0;
        this.cReq[c] = 0;
      }
    }
  }

  /** ContainerVmSchedulerTimeSharedOverSubscription after ContainerHostDynamicWorkload.updateContainerVmsProcessing:
   * each VM PE's request capped at the host PE; if they do not all fit, every PE gets floor(capped × host / Σ). */
  private allocateHost(h: number): void {
    const a = this.a, peMips = a.hostPeMips[h], total = this.hTotal[h];
    let avail = total, over = false, required = 0;
    for (let v = this.hHead[h]; v >= 0; v = this.vNext[v]) {
      let s = 0;
      for (let c = this.vCHead[v]; c >= 0; c = this.cNext[c]) s += this.cReq[c];
      const n = a.typePes[this.vType[v]];
      const pr = this.perPe(s, v);
      const capped = pr > peMips ? peMips : pr;
      const r = rep(capped, n);
      this.vCapped[v] = capped;
      this.vReqTot[v] = rep(pr, n);
      this.vAlloc[v] = r;
      required += r;
      if (!over && avail >= r) avail -= r; else over = true;
    }
    if (over) {
      const sf = total / required;
      for (let v = this.hHead[h]; v >= 0; v = this.vNext[v]) {
        this.vAlloc[v] = rep(Math.floor(this.vCapped[v] * sf), a.typePes[this.vType[v]]);
      }
    }
  }

  private account(t: number, k: number): void {
    const a = this.a, dt = t - this.lastTime;
    let tickEnergy = 0, requested = 0, allocated = 0, overloaded = 0;
    for (let h = 0; h < this.H; h++) {
      this.hPrevU[h] = this.hU[h];
      this.allocateHost(h);
      let alloc = 0, req = 0;
      for (let v = this.hHead[h]; v >= 0; v = this.vNext[v]) {
        alloc += this.vAlloc[v];
        req += this.vReqTot[v];
        // VM state record (ContainerVm.addStateHistoryEntry) and the SLA of the interval it closes
        if (this.vRecHas[v]) {
          const d = t - this.vRecTime[v], pa = this.vRecAlloc[v], pq = this.vRecReq[v];
          this.totals[abi.CT_ALLOCATED_TIME] += pa * d;
          this.totals[abi.CT_REQUESTED_TIME] += pq * d;
          if (pa < pq) {
            this.totals[abi.CT_SHORTFALL_SUM] += (pq - pa) / pq;
            this.totals[abi.CT_SHORTFALL_COUNT] += 1;
          }
        }
        this.vRecHas[v] = 1; this.vRecTime[v] = t; this.vRecAlloc[v] = this.vAlloc[v]; this.vRecReq[v] = this.vReqTot[v];
      }
      let u = alloc / this.hTotal[h];
      if (u > 1 && u < 1.01) u = 1;
      this.hU[h] = u;
      this.hAllocSum[h] = alloc;
      requested += req; allocated += alloc;
      if (u > this.overThr) overloaded++;
      // host state record: SLA time per active host (judged at the left end) and the shutdown scan
      const active = alloc > 0 ? 1 : 0;
      if (this.hRecHas[h] && this.hRecActive[h]) {
        const d = t - this.hRecTime[h];
        this.totals[abi.CT_ACTIVE_TIME] += d;
        if (this.hRecAlloc[h] < this.hRecReq[h]) this.totals[abi.CT_VIOLATION_TIME] += d;
      }
      this.hRecHas[h] = 1; this.hRecActive[h] = active; this.hRecAlloc[h] = alloc; this.hRecReq[h] = req; this.hRecTime[h] = t;
      if (this.hScanActive[h] && !active) {
        this.totals[abi.CT_SHUTDOWNS] += 1;
        this.totals[abi.CT_SHUTDOWN_PERIOD_SUM] += t - this.hLastOn[h];
      }
      if (!this.hScanActive[h] && active) this.hLastOn[h] = t;
      this.hScanActive[h] = active;
      // energy over (last tick, t]
      const prevU = this.hPrevU[h];
      const off = this.q(abi.CQ_IDLE_HOST_FREE) ? prevU === 0 : this.hPrevOn[h] === 0;
      if (!off) {
        const from = powerAt(a.modelPower, a.hostModel[h], prevU > 1 ? 1 : prevU);
        const to = powerAt(a.modelPower, a.hostModel[h], u > 1 ? 1 : u);
        tickEnergy += (from + (to - from) / 2) * dt;
      }
    }
    this.energy += tickEnergy;
    this.removeEmptyVms(t);
    let activeHosts = 0;
    for (let h = 0; h < this.H; h++) {
      if (this.hVms[h] > 0) activeHosts++;
      this.hPrevOn[h] = this.hVms[h] > 0 ? 1 : 0;
    }
    let running = 0, pending = 0;
    for (let c = 0; c < this.N; c++) {
      const s = this.cState[c];
      if (s === C_RUNNING) running++;
      else if (s === C_PENDING) pending++;
      if (s === C_PENDING) this.totals[abi.CT_UNAVAILABLE] += dt;
    }
    this.totals[abi.CT_PENDING_TICKS] += pending;
    this.totals[abi.CT_OVERLOADED_TICKS] += overloaded;
    this.totals[abi.CT_ACTIVE_HOSTS_SUM] += activeHosts;
    this.totals[abi.CT_ACTIVE_HOSTS_SQ] += activeHosts * activeHosts;
    this.totals[abi.CT_ACTIVE_VMS_SUM] += this.aliveVms;
    this.totals[abi.CT_ACTIVE_VMS_SQ] += this.aliveVms * this.aliveVms;
    const row = k * abi.CSERIES_COLS, S = this.series;
    S[row + abi.CS_TIME] = t;
    S[row + abi.CS_ACTIVE_HOSTS] = activeHosts;
    S[row + abi.CS_ACTIVE_VMS] = this.aliveVms;
    S[row + abi.CS_POWER_W] = dt > 0 ? tickEnergy / dt : 0;
    S[row + abi.CS_ENERGY_WS] = this.energy;
    S[row + abi.CS_OVERLOADED] = overloaded;
    S[row + abi.CS_REQUESTED] = requested;
    S[row + abi.CS_ALLOCATED] = allocated;
    S[row + abi.CS_CONTAINERS] = running;
    S[row + abi.CS_PENDING] = pending;
    S[row + abi.CS_SHUTDOWNS] = this.totals[abi.CT_SHUTDOWNS];
    this.lastTime = t;
  }

  /** CloudSim getCompletedVms: VMs without containers (not waiting for one) vanish; corrected, after
   * CP_SCALE_DOWN_SECONDS empty. In Kubernetes mode the autoscaler removes nodes instead. */
  private removeEmptyVms(t: number): void {
    if (this.mode !== abi.MODE_CLOUDSIM) return;
    const wait = this.q(abi.CQ_EMPTY_VMS_DESTROYED) ? 0 : this.sdSeconds;
    for (let h = 0; h < this.H; h++) {
      let v = this.hHead[h];
      while (v >= 0) {
        const next = this.vNext[v];
        if (this.vCount[v] > 0 || this.vWaiting[v]) this.vEmptySince[v] = -1;
        else {
          if (this.vEmptySince[v] < 0) this.vEmptySince[v] = t;
          if (t - this.vEmptySince[v] >= wait) {
            this.detachVm(v);
            this.totals[abi.CT_VMS_REMOVED] += 1;
          }
        }
        v = next;
      }
    }
  }

  // ── Planning state (ContainerCloudSim's tentative copy) ───────────────────────────────────────────
  private newEntry(c: number, res: number, ram: number, bw: number): number {
    if (this.eCount === this.eC.length) {
      const cap = this.eC.length * 2;
      const gi = (x: Int32Array) => { const y = new Int32Array(cap); y.set(x); return y; };
      const gf = (x: Float64Array) => { const y = new Float64Array(cap); y.set(x); return y; };
      this.eC = gi(this.eC); this.eNext = gi(this.eNext); this.eRes = gf(this.eRes); this.eRam = gf(this.eRam); this.eBw = gf(this.eBw);
    }
    const e = this.eCount++;
    this.eC[e] = c; this.eNext[e] = -1; this.eRes[e] = res; this.eRam[e] = ram; this.eBw[e] = bw;
    return e;
  }

  private pushEntry(v: number, e: number): void {
    if (this.pvTail[v] >= 0) this.eNext[this.pvTail[v]] = e; else this.pvHead[v] = e;
    this.pvTail[v] = e;
    if (this.pcValid[v]) this.addToSums(v, e);
  }

  private addToSums(v: number, e: number): void {
    const c = this.eC[e], r = this.eRes[e];
    this.pcSum[v] += this.cReq[c];
    this.pcFrac[v] = Math.fround(this.pcFrac[v] + this.cFrac[c]);
    if (this.pcFree[v] >= r) this.pcFree[v] -= r; else this.pcFree[v] = 0;
    this.pcRam[v] += this.eRam[e];
    this.pcBw[v] += this.eBw[e];
  }

  /** Sums of VM v's planning entries: Σ requests, Σ fractions (a Java float), free MIPS, RAM, bandwidth. */
  private sums(v: number): void {
    if (this.pcValid[v]) return;
    this.pcSum[v] = 0; this.pcFrac[v] = 0; this.pcFree[v] = this.vmCap(v); this.pcRam[v] = 0; this.pcBw[v] = 0;
    for (let e = this.pvHead[v]; e >= 0; e = this.eNext[e]) this.addToSums(v, e);
    this.pcValid[v] = 1;
  }

  /** Removes the first entry of container c from VM v's planning list; false if it has none. */
  private dropEntry(v: number, c: number): boolean {
    let prev = -1;
    for (let e = this.pvHead[v]; e >= 0; e = this.eNext[e]) {
      if (this.eC[e] === c) {
        if (prev >= 0) this.eNext[prev] = this.eNext[e]; else this.pvHead[v] = this.eNext[e];
        if (this.pvTail[v] === e) this.pvTail[v] = prev;
        this.pcValid[v] = 0;
        return true;
      }
      prev = e;
    }
    return false;
  }

  private newHostEntry(h: number, v: number): void {
    if (this.gCount === this.gV.length) {
      const cap = this.gV.length * 2;
      const gi = (x: Int32Array) => { const y = new Int32Array(cap); y.set(x); return y; };
      this.gV = gi(this.gV); this.gNext = gi(this.gNext);
    }
    const g = this.gCount++;
    this.gV[g] = v; this.gNext[g] = -1;
    if (this.phTail[h] >= 0) this.gNext[this.phTail[h]] = g; else this.phHead[h] = g;
    this.phTail[h] = g;
  }

  private ramReq(c: number): number {
    return this.q(abi.CQ_RAM_BW_UNENFORCED) ? 0 : this.a.cRam[c];
  }

  private bwReq(c: number): number {
    return this.q(abi.CQ_RAM_BW_UNENFORCED) ? 0 : this.a.cBw[c];
  }

  private planBegin(): void {
    this.eCount = 0; this.gCount = 0; this.mvCount = 0; this.tvCount = 0;
    const stale = this.q(abi.CQ_STALE_VM_FREE_MIPS);
    for (let h = 0; h < this.H; h++) {
      this.phHead[h] = -1; this.phTail[h] = -1;
      this.hOver[h] = 0; this.hExclUnder[h] = 0; this.hExclPlace[h] = 0; this.hOpened[h] = 0;
      this.hOff[h] = this.hU[h] === 0 ? 1 : 0;
      for (let v = this.hHead[h]; v >= 0; v = this.vNext[v]) {
        this.newHostEntry(h, v);
        this.pvHead[v] = -1; this.pvTail[v] = -1; this.pcValid[v] = 0;
        for (let c = this.vCHead[v]; c >= 0; c = this.cNext[c]) {
          this.pushEntry(v, this.newEntry(c, stale ? this.cRes[c] : this.cReq[c], this.ramReq(c), this.bwReq(c)));
        }
      }
    }
  }

  /** MIPS v can still reserve in the planning state (its capacity minus reservations, sequentially, 0 once over). */
  private planFree(v: number): number {
    this.sums(v);
    return this.pcFree[v];
  }

  private planSum(v: number): number {
    this.sums(v);
    return this.pcSum[v];
  }

  /** ContainerVm.getCurrentRequestedTotalMips in the planning state; `extra` is a container being tried on it.
   * A VM opened by this pass is still being instantiated and asks for its full size. */
  private planVmReq(v: number, extra: number): number {
    const t = this.vType[v], n = this.a.typePes[t];
    if (this.vState[v] === V_TENTATIVE) return rep(this.a.typePeMips[t], n);
    return rep(this.perPe(this.planSum(v) + extra, v), n);
  }

  /** Requested utilisation R(h) of the planning state, with `extra` MIPS tried on VM `onVm` (-1: none) and an
   * extra VM of type `withType` (-1: none) appended. */
  private planR(h: number, onVm: number, extra: number, withType: number): number {
    let s = 0;
    for (let g = this.phHead[h]; g >= 0; g = this.gNext[g]) {
      const v = this.gV[g];
      s += this.planVmReq(v, v === onVm ? extra : 0);
    }
    if (withType >= 0) s += rep(this.a.typePeMips[withType], this.a.typePes[withType]);
    return s / this.hTotal[h];
  }

  private aNonZero(h: number): boolean {
    return this.hAllocSum[h] !== 0 || this.hOpened[h] !== 0;
  }

  /** ContainerVm.isSuitableForContainer: the container's request fits one VM PE, the VM's free MIPS cover its
   * workload (overbooked percentile), RAM and bandwidth fit. */
  private suitable(v: number, c: number): boolean {
    const a = this.a, t = this.vType[v];
    if (a.typePeMips[t] < this.cReq[c]) return false;
    if (this.planFree(v) < this.cWork[c]) return false;
    return a.typeRam[t] - this.pcRam[v] >= this.ramReq(c) && a.typeBw[t] - this.pcBw[v] >= this.bwReq(c);
  }

  /** isVmOverUtilized (named the other way round): false when the containers' use exceeds the VM's share of
   * host PEs. */
  private vmNotOver(v: number): boolean {
    const util = this.planSum(v);
    const h = this.vHost[v];
    return !(util > this.hTotal[h] / this.a.hostPes[h] * this.a.typePes[this.vType[v]]);
  }

  private place(c: number, v: number): void {
    this.pushEntry(v, this.newEntry(c, this.cReq[c], this.ramReq(c), this.bwReq(c)));
  }

  /** PowerContainerVmList.sortByCpuUtilization: Σ of the containers' utilisation fractions (a Java float) × VM
   * PE MIPS; corrected: Σ of their requests. */
  private vmKey(v: number): number {
    if (!this.q(abi.CQ_VM_ORDER_BY_FRACTION_SUM)) return this.planSum(v);
    this.sums(v);
    return this.pcFrac[v] * this.a.typePeMips[this.vType[v]];
  }

  /** Stable sort of `n` entries in sortG by sortKey, descending (Collections.sort with a reversed comparator). */
  private sortDesc(n: number): void {
    const G = this.sortG, K = this.sortKey;
    for (let i = 1; i < n; i++) {
      const g = G[i], k = K[i];
      let j = i - 1;
      while (j >= 0 && K[j] < k) { G[j + 1] = G[j]; K[j + 1] = K[j]; j--; }
      G[j + 1] = g; K[j + 1] = k;
    }
  }

  /** Sorts host h's planning VM list in place (CloudSim sorts host.getVmList() itself); returns its length. */
  private sortHostVms(h: number): number {
    let n = 0;
    for (let g = this.phHead[h]; g >= 0; g = this.gNext[g]) { this.sortG[n] = g; this.sortKey[n] = this.vmKey(this.gV[g]); n++; }
    this.sortDesc(n);
    for (let i = 0; i < n; i++) this.gNext[this.sortG[i]] = i + 1 < n ? this.sortG[i + 1] : -1;
    this.phHead[h] = n > 0 ? this.sortG[0] : -1;
    this.phTail[h] = n > 0 ? this.sortG[n - 1] : -1;
    return n;
  }

  /** Stable sort of containers by request, descending (PowerContainerList.sortByCpuUtilization). */
  private sortContainers(list: Int32Array, n: number): void {
    for (let i = 1; i < n; i++) {
      const c = list[i], k = this.cReq[c];
      let j = i - 1;
      while (j >= 0 && this.cReq[list[j]] < k) { list[j + 1] = list[j]; j--; }
      list[j + 1] = c;
    }
  }

  /** HostSelectionPolicyFirstFit + findHostForContainer: the lowest-id host not excluded; its VMs in ascending
   * key order (ties: later in its list first); the first that fits and keeps the host at or under the
   * overload threshold. Places the container tentatively; returns the VM or -1. */
  private firstFit(c: number, excl: Uint8Array, skipWaiting: boolean): number {
    const H = this.H, x = this.hX;
    let count = 0;
    for (let h = 0; h < H; h++) { x[h] = excl[h]; count += excl[h]; }
    if (count === H) return -1;
    for (;;) {
      let h = 0;
      while (h < H && x[h]) h++;
      if (h === H) return -1;
      const n = this.sortHostVms(h);
      for (let i = n - 1; i >= 0; i--) {
        const v = this.gV[this.sortG[i]];
        if (skipWaiting && this.vWaiting[v]) continue;
        if (!this.suitable(v, c) || !this.vmNotOver(v)) continue;
        if (this.aNonZero(h) && this.planR(h, v, this.cReq[c], -1) > this.overThr) continue;
        this.place(c, v);
        return v;
      }
      x[h] = 1;
      count++;
      if (count === H) return -1;
    }
  }

  /** createVMinHost: the first VM type (in the preset's order) the host takes without going over the
   * threshold (not tested on a host with nothing allocated); -1 if none. */
  private openVm(h: number): number {
    const a = this.a;
    for (let t = 0; t < this.T; t++) {
      let ram = 0, bw = 0;
      for (let g = this.phHead[h]; g >= 0; g = this.gNext[g]) {
        const v = this.gV[g], vt = this.vType[v];
        if (this.vState[v] === V_TENTATIVE || !this.q(abi.CQ_RAM_BW_UNENFORCED)) { ram += a.typeRam[vt]; bw += a.typeBw[vt]; }
      }
      if (a.hostRam[h] - ram < a.typeRam[t] || a.hostBw[h] - bw < a.typeBw[t]) continue;
      if (this.aNonZero(h) && this.planR(h, -1, 0, t) > this.overThr) continue;
      if (this.aliveVms + this.tvCount >= this.maxVms) return -1;
      const v = this.takeSlot(t);
      if (v < 0) return -1;
      this.vState[v] = V_TENTATIVE; this.vHost[v] = h; this.vWaiting[v] = 1;
      this.pvHead[v] = -1; this.pvTail[v] = -1; this.pcValid[v] = 0;
      this.newHostEntry(h, v);
      this.hOpened[h] = 1;
      this.tv[this.tvCount++] = v;
      return v;
    }
    return -1;
  }

  private move(c: number, v: number): void {
    if (this.mvCount === this.mvC.length) {
      const cap = this.mvC.length * 2;
      const gi = (x: Int32Array) => { const y = new Int32Array(cap); y.set(x); return y; };
      this.mvC = gi(this.mvC); this.mvV = gi(this.mvV);
    }
    this.mvC[this.mvCount] = c; this.mvV[this.mvCount] = v; this.mvCount++;
  }

  private hasContainer(h: number): boolean {
    for (let g = this.phHead[h]; g >= 0; g = this.gNext[g]) if (this.pvHead[this.gV[g]] >= 0) return true;
    return false;
  }

  private underKey(h: number): number {
    return this.q(abi.CQ_OVERLOAD_REQUESTED_UNDERLOAD_MEASURED) ? this.hU[h] : this.planR(h, -1, 0, -1);
  }

  /** One ContainerCloudSim consolidation pass at tick t (optimizeAllocation), then the moves it starts. */
  private consolidate(t: number): number {
    const H = this.H, thr = this.overThr;
    this.planBegin();
    for (let h = 0; h < H; h++) {
      if (this.planR(h, -1, 0, -1) > thr) this.hOver[h] = 1;
    }
    // 1. overloaded hosts shed their busiest containers until R ≤ threshold (PowerContainerSelectionPolicyMaximumUsage)
    let nSel = 0;
    const sel = this.listA;
    for (let h = 0; h < H; h++) {
      if (!this.hOver[h]) continue;
      for (;;) {
        let best = -1, bestVm = -1, bestReq = MIN_POSITIVE;
        for (let g = this.phHead[h]; g >= 0; g = this.gNext[g]) {
          const v = this.gV[g];
          for (let e = this.pvHead[v]; e >= 0; e = this.eNext[e]) {
            const c = this.eC[e];
            if (this.cReq[c] > bestReq) { bestReq = this.cReq[c]; best = c; bestVm = v; }
          }
        }
        if (best < 0) break;
        this.dropEntry(bestVm, best);
        sel[nSel++] = best;
        if (!(this.planR(h, -1, 0, -1) > thr)) break;
      }
    }
    // 2. re-place them, busiest first, by FirstFit over hosts neither overloaded nor switched off
    this.sortContainers(sel, nSel);
    for (let h = 0; h < H; h++) this.hExclPlace[h] = this.hOver[h] | this.hOff[h];
    const left = this.listB;
    let nLeft = 0;
    for (let i = 0; i < nSel; i++) {
      const c = sel[i];
      const v = this.firstFit(c, this.hExclPlace, false);
      if (v >= 0) this.move(c, v); else left[nLeft++] = c;
    }
    // 3. new VMs for the rest: (a) packed onto underloaded hosts, (b) on a drawn switched-off host
    if (nLeft > 0 && this.q(abi.CQ_NEW_VMS_ON_UNDERLOADED_HOSTS)) nLeft = this.newVmsOnUnderloaded(left, nLeft);
    if (nLeft > 0) this.newVmsOnSwitchedOff(left, nLeft);
    // 4. underloaded hosts evacuated all-or-nothing
    this.evacuate();
    const moves = this.mvCount;
    this.execute(t);
    return moves;
  }

  private newVmsOnUnderloaded(left: Int32Array, nLeft: number): number {
    let nCreated = 0;
    for (let h = 0; h < this.H; h++) {
      if (this.hOver[h] || !(this.underKey(h) < this.underThr) || this.phHead[h] < 0 || !this.hasContainer(h)) continue;
      for (;;) {
        const v = this.openVm(h);
        if (v < 0) break;
        this.created[nCreated++] = v;
      }
    }
    if (nCreated === 0) return nLeft;
    let kept = 0;
    for (let i = 0; i < nLeft; i++) {
      const c = left[i];
      if (!this.fitCreated(c, nCreated)) left[kept++] = c;
    }
    return kept;
  }

  /** findAvailableHostForContainer over the VMs just opened: hosts in order, their new VMs by ascending key. */
  private fitCreated(c: number, nCreated: number): boolean {
    const x = this.hX;
    for (let i = 0; i < nCreated; i++) x[this.vHost[this.created[i]]] = 0;
    for (;;) {
      let h = -1;
      for (let i = 0; i < nCreated && h < 0; i++) if (!x[this.vHost[this.created[i]]]) h = this.vHost[this.created[i]];
      if (h < 0) return false;
      let n = 0;
      for (let i = 0; i < nCreated; i++) {
        const v = this.created[i];
        if (this.vHost[v] === h) { this.sortG[n] = v; this.sortKey[n] = this.vmKey(v); n++; }
      }
      this.sortDesc(n);
      for (let i = n - 1; i >= 0; i--) {
        const v = this.sortG[i];
        if (this.suitable(v, c) && this.vmNotOver(v)) {
          this.place(c, v);
          this.move(c, v);
          return true;
        }
      }
      x[h] = 1;
    }
  }

  /** findMapInSwitchedOffHosts: wake a switched-off host (drawn at random; corrected: the lowest id), open a VM
   * (CloudSim lists it twice on the host), fill it, open more on the same host when one is full. */
  private newVmsOnSwitchedOff(left: Int32Array, nLeft: number): void {
    const off = this.offList;
    let nOff = 0;
    for (let h = 0; h < this.H; h++) if (this.hU[h] === 0) off[nOff++] = h;
    let start = 0;
    while (start < nLeft) {
      if (nOff === 0) break;
      const idx = this.q(abi.CQ_RANDOM_NEW_VM_HOST) ? this.rng.below(nOff) : 0;
      const h = off[idx];
      for (let i = idx; i < nOff - 1; i++) off[i] = off[i + 1];
      nOff--;
      let v = this.openVm(h);
      if (v < 0) continue;
      this.newHostEntry(h, v);
      let i = start;
      for (; i < nLeft; i++) {
        const c = left[i];
        if (!this.suitable(v, c)) {
          const w = this.openVm(h);
          if (w < 0) break;
          v = w;
        }
        this.place(c, v);
        this.move(c, v);
      }
      start = i;
    }
  }

  private evacuate(): void {
    const H = this.H;
    for (let h = 0; h < H; h++) this.hExclUnder[h] = this.hOver[h] | this.hOff[h];
    for (let m = 0; m < this.mvCount; m++) this.hExclUnder[this.vHost[this.mvV[m]]] = 1;
    const least = this.q(abi.CQ_UNDERLOAD_LEAST_FIRST);
    for (;;) {
      let excluded = 0;
      for (let h = 0; h < H; h++) excluded += this.hExclUnder[h];
      if (excluded === H) break;
      let pick = -1, pickKey = 0;
      for (let h = 0; h < H; h++) {
        if (this.hExclUnder[h] || this.phHead[h] < 0 || !this.hasContainer(h)) continue;
        const k = this.underKey(h);
        if (!(k < this.underThr)) continue;
        if (pick < 0 || (least ? k < pickKey : k > pickKey)) { pick = h; pickKey = k; }
      }
      if (pick < 0) break;
      this.hExclUnder[pick] = 1;
      this.hExclPlace[pick] = 1;
      if (this.eCount > this.listA.length) { this.listA = new Int32Array(this.eCount); this.listC = new Int32Array(this.eCount); }
      const list = this.listA;
      let n = 0;
      for (let g = this.phHead[pick]; g >= 0; g = this.gNext[g]) {
        for (let e = this.pvHead[this.gV[g]]; e >= 0; e = this.eNext[e]) list[n++] = this.eC[e];
      }
      if (n === 0) continue;
      this.sortContainers(list, n);
      const firstMove = this.mvCount;
      let ok = true, placed = 0;
      const targets = this.listC;
      for (let i = 0; i < n; i++) {
        const v = this.firstFit(list[i], this.hExclPlace, true);
        if (v < 0) { ok = false; break; }
        targets[placed++] = v;
        this.move(list[i], v);
      }
      if (ok) {
        for (let m = firstMove; m < this.mvCount; m++) this.hExclUnder[this.vHost[this.mvV[m]]] = 1;
      } else {
        this.mvCount = firstMove;
        // corrected: roll the tentative placements back (each is, in reverse order, the tail of its VM's list)
        if (!this.q(abi.CQ_EVACUATION_PHANTOMS)) for (let i = placed - 1; i >= 0; i--) this.dropTail(targets[i]);
      }
    }
  }

  private dropTail(v: number): void {
    const tail = this.pvTail[v];
    let prev = -1;
    for (let e = this.pvHead[v]; e !== tail; e = this.eNext[e]) prev = e;
    if (prev >= 0) this.eNext[prev] = -1; else this.pvHead[v] = -1;
    this.pvTail[v] = prev;
    this.pcValid[v] = 0;
  }

  /** Restores the real placement (every reservation becomes the request of this tick) and starts the moves:
   * those to existing VMs land 0.4 s later, new VMs are created 100 s later and receive their containers 0.4 s
   * after that — all before the next tick, so they simply take effect there. */
  private execute(t: number): void {
    const a = this.a;
    for (let c = 0; c < this.N; c++) if (this.cState[c] === C_RUNNING) this.cRes[c] = this.cReq[c];
    const delays = !this.q(abi.CQ_DELAYS_INVISIBLE);
    for (let m = 0; m < this.mvCount; m++) {
      const c = this.mvC[m], v = this.mvV[m];
      this.totals[abi.CT_CONTAINER_MIGRATIONS] += 1;
      if (this.vState[v] === V_ALIVE) {
        this.detachContainer(c);
        this.attachContainer(c, v);
        if (delays) this.totals[abi.CT_UNAVAILABLE] += this.cStartup;
      }
    }
    for (let m = 0; m < this.mvCount; m++) {
      const c = this.mvC[m], v = this.mvV[m];
      if (this.vState[v] !== V_TENTATIVE && !(this.vState[v] === V_ALIVE && this.vWaiting[v])) continue;
      if (this.vState[v] === V_TENTATIVE) {
        const h = this.vHost[v];
        this.attachVm(v, h);
        this.vWaiting[v] = 1; // until its first container arrives (exempt from removal)
        this.totals[abi.CT_VMS_CREATED] += 1;
        this.detachContainer(c);
        this.attachContainer(c, v);
      } else {
        this.detachContainer(c);
        this.attachContainer(c, v);
        // ContainerCloudSim updates these containers' processing when the VM is created (t + 100 s), so
        // they reserve their request of that instant
        this.cRes[c] = this.fracAt(c, t + this.vmStartup) * a.cMips[c];
      }
      if (delays) this.totals[abi.CT_UNAVAILABLE] += this.vmStartup + this.cStartup;
    }
    for (let i = 0; i < this.tvCount; i++) {
      const v = this.tv[i];
      if (this.vState[v] === V_TENTATIVE) this.releaseSlot(v);
    }
    for (let v = 0; v < this.V; v++) if (this.vState[v] === V_ALIVE) this.vWaiting[v] = 0;
  }

  // ── Kubernetes: scheduler and cluster autoscaler ──────────────────────────────────────────────────
  /** Requests placed on node VM v (CPU, memory): pods running or starting there. */
  private nodeCpu(v: number): number {
    let s = 0;
    for (let c = this.vCHead[v]; c >= 0; c = this.cNext[c]) s += this.cWork[c];
    return s;
  }

  private nodeFits(v: number, c: number): boolean {
    const a = this.a, t = this.vType[v];
    return this.vmCap(v) - this.nodeCpu(v) >= this.cWork[c] && a.typeRam[t] - this.realRam(v) >= a.cRam[c];
  }

  /** kube-scheduler NodeResourcesFit: among nodes with room for the pod's requests, the most (or least)
   * allocated by CPU requests after it; ties: the lower slot. `skip` is a node being drained. */
  private schedule(c: number, skip: number): number {
    let best = -1, bestScore = 0;
    for (let v = 0; v < this.V; v++) {
      if (this.vState[v] !== V_ALIVE || v === skip || !this.nodeFits(v, c)) continue;
      const share = (this.nodeCpu(v) + this.cWork[c]) / this.vmCap(v);
      const score = this.score === abi.SCORE_MOST_ALLOCATED ? share : -share;
      if (best < 0 || score > bestScore) { best = v; bestScore = score; }
    }
    return best;
  }

  /** Hosts for a new node VM: on hosts already holding VMs first (lowest id with room for the VM's full vCPU ×
   * overcommit and memory), else the lowest-id empty host. */
  private hostForVm(t: number): number {
    const a = this.a, full = rep(a.typePeMips[t], a.typePes[t]);
    let empty = -1;
    for (let h = 0; h < this.H; h++) {
      let cpu = 0, ram = 0;
      for (let v = this.hHead[h]; v >= 0; v = this.vNext[v]) { cpu += this.vmCap(v); ram += a.typeRam[this.vType[v]]; }
      if (cpu + full > this.hTotal[h] * this.vmOvercommit || ram + a.typeRam[t] > a.hostRam[h]) continue;
      if (this.hVms[h] > 0) return h;
      if (empty < 0) empty = h;
    }
    return empty;
  }

  /** A pod placed at t serves from readyAt on (node boot, image pull, start): that wait is service lost. */
  private startPod(c: number, v: number, t: number, readyAt: number): void {
    this.attachContainer(c, v);
    this.cState[c] = C_STARTING;
    this.cReadyAt[c] = readyAt;
    this.totals[abi.CT_UNAVAILABLE] += readyAt - t;
  }

  private addNode(ready: number): number {
    if (this.aliveVms >= this.maxVms) return -1;
    const h = this.hostForVm(this.newType);
    if (h < 0) return -1;
    const v = this.takeSlot(this.newType);
    if (v < 0) return -1;
    this.attachVm(v, h);
    this.vReadyAt[v] = ready;
    this.totals[abi.CT_VMS_CREATED] += 1;
    this.totals[abi.CT_SCALE_UPS] += 1;
    return v;
  }

  /** One autoscaler round: schedule pending pods (new nodes when none fits), then remove at most one node
   * underused for the scale-down time (all empty ones), restarting its pods elsewhere. */
  private autoscale(t: number, initial: boolean): number {
    const a = this.a;
    let moves = 0;
    const bootDelay = initial ? 0 : this.vmStartup;
    for (let c = 0; c < this.N; c++) {
      if (this.cState[c] !== C_PENDING) continue;
      let v = this.schedule(c, -1);
      if (v < 0) v = this.addNode(t + bootDelay);
      if (v < 0) continue;
      if (initial) { this.attachContainer(c, v); this.cState[c] = C_RUNNING; continue; }
      this.startPod(c, v, t, (t > this.vReadyAt[v] ? t : this.vReadyAt[v]) + a.cStart[c]);
    }
    if (initial) return 0;
    // scale down: nodes whose requests are below the threshold for long enough
    let drained = false;
    for (let v = 0; v < this.V; v++) {
      if (this.vState[v] !== V_ALIVE) continue;
      const cpuShare = this.nodeCpu(v) / this.vmCap(v);
      const ramShare = this.realRam(v) / a.typeRam[this.vType[v]];
      const share = cpuShare > ramShare ? cpuShare : ramShare;
      if (!(share < this.sdUtil) || this.vReadyAt[v] > t) { this.vUnderSince[v] = -1; continue; }
      if (this.vUnderSince[v] < 0) this.vUnderSince[v] = t;
      if (t - this.vUnderSince[v] < this.sdSeconds || this.aliveVms <= this.minVms) continue;
      if (this.vCount[v] === 0) {
        this.detachVm(v);
        this.totals[abi.CT_VMS_REMOVED] += 1;
        continue;
      }
      if (drained) continue;
      // every pod must fit on another node (by requests) before the node is drained
      if (!this.drainable(v)) continue;
      let c = this.vCHead[v];
      while (c >= 0) {
        const next = this.cNext[c];
        const w = this.schedule(c, v);
        this.detachContainer(c);
        this.startPod(c, w, t, (t > this.vReadyAt[w] ? t : this.vReadyAt[w]) + a.cStart[c]);
        this.totals[abi.CT_CONTAINER_MIGRATIONS] += 1;
        moves++;
        c = next;
      }
      this.detachVm(v);
      this.totals[abi.CT_VMS_REMOVED] += 1;
      drained = true;
    }
    return moves;
  }

  /** Whether every pod of node v fits on the other nodes, placed one after another by the scheduler. */
  private drainable(v: number): boolean {
    // place tentatively, then undo
    const moved = this.listA;
    let n = 0, ok = true;
    let c = this.vCHead[v];
    while (c >= 0) {
      const next = this.cNext[c];
      const w = this.schedule(c, v);
      if (w < 0) { ok = false; break; }
      this.detachContainer(c);
      this.attachContainer(c, w);
      moved[n++] = c;
      c = next;
    }
    for (let i = n - 1; i >= 0; i--) {
      const x = moved[i];
      this.detachContainer(x);
      this.attachContainerFront(x, v);
    }
    return ok;
  }

  private attachContainerFront(c: number, v: number): void {
    this.cVm[c] = v;
    this.cPrev[c] = -1; this.cNext[c] = this.vCHead[v];
    if (this.vCHead[v] >= 0) this.cPrev[this.vCHead[v]] = c; else this.vCTail[v] = c;
    this.vCHead[v] = c;
    this.vCount[v]++;
  }

  /** Arrivals become pending (Kubernetes) or are placed at once (CloudSim); departures leave. */
  private arrivals(t: number): void {
    const a = this.a;
    for (let c = 0; c < this.N; c++) {
      const s = this.cState[c];
      if (s !== C_GONE && a.cDepart[c] <= t) {
        this.detachContainer(c);
        this.cState[c] = C_GONE;
        continue;
      }
      if (s === C_WAITING && a.cArrive[c] <= t) {
        if (this.mode === abi.MODE_KUBERNETES) this.cState[c] = C_PENDING;
        else if (!this.startupPlace(c)) { this.cState[c] = C_GONE; this.totals[abi.CT_FAILED_PLACEMENTS] += 1; }
      }
    }
  }

  // ── Run ───────────────────────────────────────────────────────────────────────────────────────────
  run(): CisRaw {
    const a = this.a, H = this.H;
    for (let h = 0; h < H; h++) {
      this.hTotal[h] = rep(a.hostPeMips[h], a.hostPes[h]);
      this.hStartAvail[h] = this.hTotal[h];
    }
    // slots after the initial VMs form the free list, lowest first
    for (let v = this.V - 1; v >= a.initialVms; v--) { this.vFreeNext[v] = this.freeVm; this.freeVm = v; }
    this.startupVms();
    this.pastPercentiles(0);
    if (this.mode === abi.MODE_KUBERNETES) {
      for (let c = 0; c < this.N; c++) if (a.cArrive[c] <= 0) this.cState[c] = C_PENDING;
      this.autoscale(0, true);
      for (let c = 0; c < this.N; c++) if (this.cState[c] === C_PENDING) this.totals[abi.CT_FAILED_PLACEMENTS] += 1;
    } else {
      for (let c = 0; c < this.N; c++) {
        if (a.cArrive[c] > 0) continue;
        if (!this.startupPlace(c)) { this.cState[c] = C_GONE; this.totals[abi.CT_FAILED_PLACEMENTS] += 1; }
      }
    }
    for (let h = 0; h < H; h++) {
      const on = this.hVms[h] > 0 ? 1 : 0;
      this.hPrevOn[h] = on;
      this.hScanActive[h] = this.q(abi.CQ_FIRST_TICK_PHANTOM_SHUTDOWNS) ? 1 : on;
    }
    let k = 0;
    const maxSteps = a.iparams[abi.CI_STEPS] > 0 ? Math.min(a.iparams[abi.CI_STEPS], a.steps) : a.steps;
    for (let t = this.offset + this.interval; t < this.end && k < maxSteps; t = this.offset + (k + 1) * this.interval) {
      this.arrivals(t);
      this.pastPercentiles(t);
      this.updateDemand(t);
      this.account(t, k);
      this.onTick?.(t, this.hU);
      const moves = this.mode === abi.MODE_CLOUDSIM ? this.consolidate(t) : this.autoscale(t, false);
      this.series[k * abi.CSERIES_COLS + abi.CS_MOVES] = moves;
      this.series[k * abi.CSERIES_COLS + abi.CS_VMS_CREATED] = this.totals[abi.CT_VMS_CREATED];
      k++;
    }
    const T = this.totals;
    T[abi.CT_ENERGY_WS] = this.energy;
    T[abi.CT_STEPS] = k;
    T[abi.CT_LAST_TIME] = this.lastTime;
    const cVm = Int32Array.from(this.cVm);
    const vmHost = new Int32Array(this.V).fill(-1);
    for (let v = 0; v < this.V; v++) if (this.vState[v] === V_ALIVE) vmHost[v] = this.vHost[v];
    return { status: this.status, totals: T, series: this.series, cVm, vmHost, vmTypeOut: Int32Array.from(this.vTypeOut) };
  }
}
