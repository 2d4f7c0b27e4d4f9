// The TypeScript reference of the time-stepped consolidation simulator: the oracle the WASM kernel
// (assembly/sim) must equal exactly. It follows CloudSim 4.0's power package step by step (see
// ../shared/reference/cloudsim-planetlab.md and Beloglazov & Buyya, CCPE 2012), because the preset
// `beloglazov2012` must reproduce CloudSim's figures; every CloudSim quirk that changes numbers is a
// QUIRK_* flag (assembly/sim/abi.ts) so a planner can switch it off.
//
// Structure (names follow CloudSim so the two can be read side by side):
//   run ─ initial placement at t = 0 (first fit, PABFD or a given static plan)
//       ─ every tick t_k = offset + k·interval:  updateAll (hosts recompute allocations, energy of the
//         interval, items at zero demand vanish) → optimize (overloaded hosts → selection → PABFD,
//         underloaded hosts evacuated all-or-nothing) → moves start
//       ─ between ticks, each move completion is an event: updateAll at that instant, the item lands
//         on its destination, updateAll again (no energy: zero-length interval)
// Hosts keep their items in ordered lists (a pool of nodes, one node per item per host, because a
// migrating item sits on its source and on its destination); order matters for tie-breaking exactly
// as CloudSim's ArrayList order does.
import * as abi from '../../../assembly/sim/abi';
import type { SimArena, SimRaw, SimSizes } from '../spec';
import { clampUtilisation, intervalEnergy, powerAt } from './power';
import { maxCorrelationIndex, mcScratch, type McScratch } from './max-correlation';
import { iqr, loess, mad, simpleRegression } from './stats';

const SLOTS_PER_ITEM = 4; // hosts an item can be listed on at once (source + destinations)
const NODE_RESIDENT = 0;
const NODE_MIGRATING_IN = 1; // live-migration destination: reserves a share of the request
const NODE_STARTING = 2; //     container restarting here: reserves the request, serves nothing yet
const NODE_BOOTING = 3; //      a new replica (scale-out) booting: holds its full size, not yet serving
const DORMANT = 3; //           iAlive of a replica slot the autoscaler has not started (or has stopped)
const SCALE_HISTORY = 64; //    desired-replica recommendations kept per service for the stabilisation window
const MAX_VALUE = 1.7976931348623157e308;

export function createArena(s: SimSizes): SimArena {
  const h = s.hosts, n = s.items;
  return {
    ...s,
    params: new Float64Array(abi.PARAM_SLOTS),
    iparams: new Int32Array(abi.IPARAM_SLOTS),
    modelPower: new Float64Array(s.models * 11),
    hostModel: new Int32Array(h), hostPes: new Int32Array(h), hostPeMips: new Float64Array(h),
    hostMemory: new Float64Array(h), hostBw: new Float64Array(h), hostMigrationRate: new Float64Array(h), hostClass: new Int32Array(h),
    itemMips: new Float64Array(n), itemPes: new Int32Array(n), itemMemory: new Float64Array(n),
    itemBw: new Float64Array(n), itemMigrationMB: new Float64Array(n), itemBaseFrac: new Float64Array(n),
    itemScaleFrac: new Float64Array(n), itemTrace: new Int32Array(n), itemKind: new Int32Array(n),
    itemStartSeconds: new Float64Array(n), itemArrive: new Float64Array(n), itemDepart: new Float64Array(n),
    itemInitialHost: new Int32Array(n), traces: new Float64Array(s.traceRows * s.traceCols),
    itemService: new Int32Array(n).fill(-1), itemMemoryTrace: new Int32Array(n).fill(-1), svcBase: new Float64Array(s.services), svcMin: new Int32Array(s.services),
    svcMax: new Int32Array(s.services), svcFirst: new Int32Array(s.services),
  };
}

/** mulberry32 (T. Ettinger, public domain): the seeded generator shared with the kernel. */
class Random {
  private a: number;
  constructor(seed: number) { this.a = seed >>> 0; }
  next(): number {
    this.a = (this.a + 0x6d2b79f5) >>> 0;
    let t = this.a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  }
}

export class ReferenceEngine {
  private readonly H: number;
  private readonly N: number;
  private readonly HL: number; // history length
  // parameters
  private readonly interval: number;
  private readonly offset: number;
  private readonly end: number;
  private readonly traceInterval: number;
  private readonly detectorParam: number;
  private readonly fallbackThreshold: number;
  private readonly srcShare: number;
  private readonly tgtShare: number;
  private readonly bootSeconds: number;
  private readonly shutdownSeconds: number;
  private readonly reoptPeriod: number;
  private readonly reoptBudget: number;
  private lastReopt = -Infinity;
  private readonly scaleTarget: number;
  private readonly scaleWindow: number;
  private readonly scaleTolerance: number;
  private readonly sReady: Int32Array; //     serving replicas per service (share of the service demand)
  private readonly sDesired: Float64Array; // S × SCALE_HISTORY ring of (time, desired) pairs
  private readonly sDesiredPos: Int32Array;
  private scaleEvents = 0;
  private readonly mode: number;
  private readonly detector: number;
  private readonly selector: number;
  private readonly placement: number;
  private readonly quirks: number;
  private readonly lrWindow: number;
  private readonly minHistory: number;
  private readonly rng: Random;
  // items
  private readonly iHost: Int32Array; //   vmTable: the host an item runs on (its source while moving)
  private readonly iAlive: Int32Array; //  0 not arrived, 1 alive, 2 gone
  private readonly iMoving: Int32Array;
  private readonly iInst: Int32Array; //   being instantiated: requests its full size
  private readonly iReq: Float64Array; //  requested MIPS at the last update
  private readonly iFrac: Float64Array; // utilisation fraction at the last update
  /** Memory a live migration copies now: itemMigrationMB, times the memory trace where there is one. */
  private readonly iMigMB: Float64Array;
  private readonly iHistPrev: Float64Array;
  private readonly iHist: Float64Array; // N × HL ring, newest first
  private readonly iHistStart: Int32Array;
  private readonly iHistLen: Int32Array;
  private readonly iNodes: Int32Array; // N × SLOTS_PER_ITEM
  private readonly iEntryTime: Float64Array;
  private readonly iEntryAlloc: Float64Array;
  private readonly iEntryReq: Float64Array;
  private readonly iEntryMig: Int32Array;
  private readonly iPrevMig: Int32Array;
  private readonly iMigStart: Float64Array;
  private readonly iTotAlloc: Float64Array;
  private readonly iTotReq: Float64Array;
  private readonly iUnderMig: Float64Array;
  private readonly iShortSum: Float64Array;
  private readonly iShortCount: Float64Array;
  // hosts
  private readonly hHead: Int32Array;
  private readonly hTail: Int32Array;
  private readonly hCount: Int32Array;
  private readonly hTotal: Float64Array;
  private readonly hAvail: Float64Array;
  private readonly hUtil: Float64Array;
  private readonly hPrevUtil: Float64Array;
  private readonly hRam: Float64Array;
  private readonly hBw: Float64Array;
  private readonly hEntryTime: Float64Array;
  private readonly hEntryAlloc: Float64Array;
  private readonly hEntryReq: Float64Array;
  private readonly hEntryActive: Int32Array;
  private readonly hPrevActive: Int32Array;
  private readonly hSwitchOn: Float64Array;
  /** When the host last became empty (NaN while it has items, −∞ if it never had any): its idle window. */
  private readonly hEmptySince: Float64Array;
  private readonly hOut: Uint8Array; // sticky migrating-out sets (H × N bits as bytes), quirk only
  private readonly hUsed: Float64Array; //     getUtilizationOfCpuMips, refreshed with every allocation
  private readonly hReqSum: Float64Array; //   Σ requests over the list (cache)
  private readonly hHistSum: Float64Array; //  H × HL host history before trimming (cache)
  private readonly hCacheValid: Uint8Array; // bit 1: hReqSum, bit 2: hHistSum
  private readonly hOver: Uint8Array;
  private readonly hExclUnder: Uint8Array;
  private readonly hExclPlace: Uint8Array;
  private readonly classSeen: Int32Array; // per host class: the findHost call that already priced an empty host of it
  private findCall = 0;
  // node pool
  private readonly nItem: Int32Array;
  private readonly nHost: Int32Array;
  private readonly nPrev: Int32Array;
  private readonly nNext: Int32Array;
  private readonly nState: Int32Array;
  private readonly nOut: Int32Array;
  private readonly nReq: Float64Array;
  private readonly nAlloc: Float64Array;
  private readonly nRam: Float64Array;
  private readonly nBw: Float64Array;
  private freeNode = 0;
  // pending moves (sorted by time, then start order)
  private readonly pItem: Int32Array;
  private readonly pHost: Int32Array;
  private readonly pTime: Float64Array;
  private pCount = 0;
  private pHead = 0;
  // scratch
  private readonly list: Int32Array; //   items to migrate / evacuate
  private readonly placed: Int32Array; // hosts chosen in one all-or-nothing placement
  private readonly mapItem: Int32Array;
  private readonly mapHost: Int32Array;
  private mapCount = 0;
  private readonly savedHost: Int32Array;
  private readonly savedItem: Int32Array;
  private readonly inHost: Int32Array;
  private readonly inItem: Int32Array;
  private readonly inState: Int32Array;
  private readonly hist: Float64Array;
  private readonly scratchA: Float64Array;
  private readonly scratchB: Float64Array;
  private readonly scratchC: Float64Array;
  private readonly scratchD: Float64Array;
  private readonly est: Float64Array;
  private readonly mcHist: Float64Array; // the n ≤ HL histories MC compares, column-major
  private readonly mcScratch: McScratch;
  private readonly mcItems: Int32Array;
  // run state
  private lastProcessTime = 0;
  private energy = 0;
  private migrations = 0;
  private restarts = 0;
  private removed = 0;
  private failedPlacements = 0;
  private status: number = abi.SIM_OK;
  private readonly totals = new Float64Array(abi.TOTAL_SLOTS);
  private readonly series: Float64Array;
  private readonly itemHostOut: Int32Array;

  /** Called after every tick with the violated invariants (tests only; see invariants()). */
  onTick: ((t: number, violations: string[]) => void) | null = null;

  constructor(private readonly a: SimArena) {
    const H = a.hosts, N = a.items;
    this.H = H; this.N = N;
    const p = a.params, ip = a.iparams;
    this.interval = p[abi.P_INTERVAL];
    this.offset = p[abi.P_TICK_OFFSET];
    this.end = p[abi.P_END];
    this.traceInterval = p[abi.P_TRACE_INTERVAL];
    this.detectorParam = p[abi.P_DETECTOR_PARAM];
    this.fallbackThreshold = p[abi.P_FALLBACK_THRESHOLD];
    this.srcShare = p[abi.P_MIGRATION_SOURCE_SHARE];
    this.tgtShare = p[abi.P_MIGRATION_TARGET_SHARE];
    this.bootSeconds = p[abi.P_BOOT_SECONDS];
    this.shutdownSeconds = p[abi.P_SHUTDOWN_SECONDS];
    this.reoptPeriod = p[abi.P_REOPT_PERIOD];
    this.reoptBudget = p[abi.P_REOPT_BUDGET];
    this.scaleTarget = p[abi.P_SCALE_TARGET];
    this.scaleWindow = p[abi.P_SCALE_WINDOW];
    this.scaleTolerance = p[abi.P_SCALE_TOLERANCE];
    this.sReady = new Int32Array(a.services);
    this.sDesired = new Float64Array(a.services * SCALE_HISTORY * 2).fill(-1);
    this.sDesiredPos = new Int32Array(a.services);
    this.mode = ip[abi.I_MODE];
    this.detector = ip[abi.I_DETECTOR];
    this.selector = ip[abi.I_SELECTOR];
    this.placement = ip[abi.I_PLACEMENT];
    this.quirks = ip[abi.I_QUIRKS];
    this.HL = Math.max(1, ip[abi.I_HISTORY]);
    this.lrWindow = Math.max(2, ip[abi.I_LR_WINDOW]);
    this.minHistory = ip[abi.I_MIN_HISTORY];
    this.rng = new Random(ip[abi.I_SEED]);
    const f = (k: number) => new Float64Array(k), i32 = (k: number) => new Int32Array(k);
    this.iHost = i32(N).fill(-1); this.iAlive = i32(N); this.iMoving = i32(N); this.iInst = i32(N);
    this.iReq = f(N); this.iFrac = f(N); this.iHistPrev = f(N); this.iHist = f(N * this.HL);
    this.iHistStart = i32(N); this.iHistLen = i32(N); this.iNodes = i32(N * SLOTS_PER_ITEM).fill(-1);
    this.iMigMB = Float64Array.from(a.itemMigrationMB);
    this.iEntryTime = f(N).fill(-1); this.iEntryAlloc = f(N); this.iEntryReq = f(N); this.iEntryMig = i32(N);
    this.iPrevMig = i32(N); this.iMigStart = f(N); this.iTotAlloc = f(N); this.iTotReq = f(N);
    this.iUnderMig = f(N); this.iShortSum = f(N); this.iShortCount = f(N);
    this.hHead = i32(H).fill(-1); this.hTail = i32(H).fill(-1); this.hCount = i32(H); this.hTotal = f(H);
    this.hAvail = f(H); this.hUtil = f(H); this.hPrevUtil = f(H); this.hRam = f(H); this.hBw = f(H);
    this.hEntryTime = f(H).fill(-1); this.hEntryAlloc = f(H); this.hEntryReq = f(H); this.hEntryActive = i32(H);
    this.hPrevActive = i32(H).fill(1); this.hSwitchOn = f(H); this.hEmptySince = f(H).fill(-Infinity);
    this.hOut = new Uint8Array(this.quirk(abi.QUIRK_STICKY_MIGRATING_OUT) ? H * N : 0);
    this.hUsed = f(H); this.hReqSum = f(H); this.hHistSum = f(H * this.HL); this.hCacheValid = new Uint8Array(H);
    this.classSeen = i32(H + 1).fill(-1);
    this.hOver = new Uint8Array(H); this.hExclUnder = new Uint8Array(H); this.hExclPlace = new Uint8Array(H);
    const P = N * SLOTS_PER_ITEM + 1;
    this.nItem = i32(P); this.nHost = i32(P); this.nPrev = i32(P); this.nNext = i32(P); this.nState = i32(P);
    this.nOut = i32(P); this.nReq = f(P); this.nAlloc = f(P); this.nRam = f(P); this.nBw = f(P);
    for (let k = 0; k < P - 1; k++) this.nNext[k] = k + 1;
    this.nNext[P - 1] = -1;
    this.pItem = i32(2 * N + 1); this.pHost = i32(2 * N + 1); this.pTime = f(2 * N + 1);
    this.list = i32(N + 1); this.placed = i32(N + 1);
    this.mapItem = i32(2 * N + 1); this.mapHost = i32(2 * N + 1);
    this.savedHost = i32(N * SLOTS_PER_ITEM + 1); this.savedItem = i32(N * SLOTS_PER_ITEM + 1);
    this.inHost = i32(N * SLOTS_PER_ITEM + 1); this.inItem = i32(N * SLOTS_PER_ITEM + 1); this.inState = i32(N * SLOTS_PER_ITEM + 1);
    const w = Math.max(this.HL, this.lrWindow) + 2;
    this.hist = f(w); this.scratchA = f(w); this.scratchB = f(w); this.scratchC = f(w); this.scratchD = f(w);
    this.est = f(2);
    this.mcItems = i32(N + 1);
    this.mcHist = f(this.HL * this.HL); this.mcScratch = mcScratch(this.HL, this.HL);
    this.series = f(a.steps * abi.SERIES_COLS);
    this.itemHostOut = i32(N);
    for (let h = 0; h < H; h++) { this.hTotal[h] = a.hostPes[h] * a.hostPeMips[h]; this.hAvail[h] = this.hTotal[h]; }
  }

  private quirk(flag: number): boolean {
    return (this.quirks & flag) !== 0;
  }

  // ── Demand ─────────────────────────────────────────────────────────────────────────────────────────

  /** CloudSim UtilizationModelPlanetLabInMemory.getUtilization: linear between samples. */
  private traceAt(row: number, t: number): number {
    const a = this.a, ti = this.traceInterval, cols = a.traceCols, base = row * cols;
    const q = Math.floor(t / ti);
    if (q * ti === t) return a.traces[base + Math.min(cols - 1, q)]; // t % ti == 0 (ti is whole seconds)
    const t1 = Math.floor(t / ti) | 0;
    const t2 = Math.ceil(t / ti) | 0;
    if (t2 > cols - 1) return a.traces[base + cols - 1];
    const u1 = a.traces[base + t1];
    const u2 = a.traces[base + t2];
    const delta = (u2 - u1) / ((t2 - t1) * ti);
    return u1 + delta * (t - t1 * ti);
  }

  private requested(i: number): number {
    return this.iInst[i] !== 0 ? this.a.itemMips[i] : this.iReq[i];
  }

  private memoryRequest(i: number): number {
    return this.iInst[i] !== 0 || !this.quirk(abi.QUIRK_MEMORY_AT_CREATION_ONLY) ? this.a.itemMemory[i] : 0;
  }

  private bwRequest(i: number): number {
    return this.iInst[i] !== 0 || !this.quirk(abi.QUIRK_MEMORY_AT_CREATION_ONLY) ? this.a.itemBw[i] : 0;
  }

  private histAt(i: number, j: number): number {
    return this.iHist[i * this.HL + ((this.iHistStart[i] + j) % this.HL)];
  }

  /** Vm.updateVmProcessing + PowerVm history: the item's request at t; one history point per tick. */
  private updateItem(i: number, t: number, tick: boolean): void {
    const a = this.a;
    let frac = a.itemBaseFrac[i] + this.traceAt(a.itemTrace[i], t) * a.itemScaleFrac[i];
    const s = a.itemService[i];
    if (this.scaleTarget > 0 && s >= 0) {
      // An autoscaled service's demand (defined for svcBase replicas) is shared by its serving replicas.
      frac = a.itemBaseFrac[i] + this.traceAt(a.itemTrace[i], t) * a.itemScaleFrac[i] * (a.svcBase[s] / Math.max(1, this.sReady[s]));
    }
    this.iFrac[i] = frac;
    this.iReq[i] = frac * a.itemMips[i];
    if (a.itemMemoryTrace[i] >= 0) this.iMigMB[i] = a.itemMigrationMB[i] * this.traceAt(a.itemMemoryTrace[i], t);
    if (tick && t > this.iHistPrev[i]) {
      const HL = this.HL;
      const s = (this.iHistStart[i] + HL - 1) % HL;
      this.iHistStart[i] = s;
      this.iHist[i * HL + s] = frac;
      if (this.iHistLen[i] < HL) this.iHistLen[i]++;
      this.iHistPrev[i] = t;
    }
  }

  // ── Host lists ─────────────────────────────────────────────────────────────────────────────────────

  private nodeOf(i: number, h: number, state: number): number {
    for (let k = 0; k < SLOTS_PER_ITEM; k++) {
      const nd = this.iNodes[i * SLOTS_PER_ITEM + k];
      if (nd >= 0 && this.nHost[nd] === h && (state < 0 || this.nState[nd] === state)) return nd;
    }
    return -1;
  }

  private appendNode(h: number, i: number, state: number): number {
    const nd = this.freeNode;
    if (nd < 0) { this.status = abi.SIM_ERR_NODE_POOL; return -1; }
    let slot = -1;
    for (let k = 0; k < SLOTS_PER_ITEM; k++) if (this.iNodes[i * SLOTS_PER_ITEM + k] < 0) { slot = k; break; }
    if (slot < 0) { this.status = abi.SIM_ERR_NODE_POOL; return -1; }
    this.freeNode = this.nNext[nd];
    this.iNodes[i * SLOTS_PER_ITEM + slot] = nd;
    this.nItem[nd] = i; this.nHost[nd] = h; this.nState[nd] = state; this.nOut[nd] = 0;
    this.nReq[nd] = 0; this.nAlloc[nd] = 0; this.nRam[nd] = 0; this.nBw[nd] = 0;
    this.nNext[nd] = -1; this.nPrev[nd] = this.hTail[h];
    if (this.hTail[h] >= 0) this.nNext[this.hTail[h]] = nd; else this.hHead[h] = nd;
    this.hTail[h] = nd;
    this.hCount[h]++;
    this.hCacheValid[h] = 0;
    return nd;
  }

  private removeNode(nd: number): void {
    const h = this.nHost[nd], i = this.nItem[nd];
    const prev = this.nPrev[nd], next = this.nNext[nd];
    if (prev >= 0) this.nNext[prev] = next; else this.hHead[h] = next;
    if (next >= 0) this.nPrev[next] = prev; else this.hTail[h] = prev;
    this.hCount[h]--;
    this.hCacheValid[h] = 0;
    this.hRam[h] -= this.nRam[nd];
    this.hBw[h] -= this.nBw[nd];
    for (let k = 0; k < SLOTS_PER_ITEM; k++) if (this.iNodes[i * SLOTS_PER_ITEM + k] === nd) this.iNodes[i * SLOTS_PER_ITEM + k] = -1;
    this.nNext[nd] = this.freeNode;
    this.freeNode = nd;
  }

  /** VmScheduler.allocatePesForVm(Vm, …): record the request and the migrating-out status of the node. */
  private allocateFor(nd: number): void {
    const i = this.nItem[nd], h = this.nHost[nd];
    this.nReq[nd] = this.requested(i);
    const moving = this.iMoving[i] !== 0;
    if (this.hOut.length > 0) {
      const bit = h * this.N + i;
      if (moving) { if (this.nState[nd] === NODE_RESIDENT && this.hOut[bit] === 0) this.hOut[bit] = 1; } else this.hOut[bit] = 0;
      this.nOut[nd] = this.hOut[bit];
    } else {
      this.nOut[nd] = moving && this.nState[nd] === NODE_RESIDENT ? 1 : 0;
    }
  }

  /**
   * VmSchedulerTimeSharedOverSubscription: grant requests in list order while capacity lasts (each
   * virtual core capped at a physical core); once oversubscribed, every item gets its capped request
   * scaled by capacity / demand, floored. Migrating items get srcShare on their source, tgtShare on the
   * destination; a restarting container reserves its full request.
   */
  private computeAlloc(h: number): void {
    const a = this.a, peMips = a.hostPeMips[h], total = this.hTotal[h];
    let avail = total;
    let over = false;
    for (let nd = this.hHead[h]; nd >= 0; nd = this.nNext[nd]) {
      const i = this.nItem[nd], pes = a.itemPes[i];
      const per = this.nReq[nd] / pes;
      const cap = per > peMips ? peMips : per;
      let tot = 0;
      for (let k = 0; k < pes; k++) tot += cap;
      if (this.nState[nd] === NODE_MIGRATING_IN) tot *= this.tgtShare;
      if (!over && avail >= tot) {
        let sum = 0;
        for (let k = 0; k < pes; k++) {
          let v = cap;
          if (this.nOut[nd] !== 0) v *= this.srcShare;
          else if (this.nState[nd] === NODE_MIGRATING_IN) v *= this.tgtShare;
          sum += v;
        }
        this.nAlloc[nd] = sum;
        avail -= tot;
      } else {
        over = true;
      }
    }
    if (over) {
      let required = 0;
      for (let nd = this.hHead[h]; nd >= 0; nd = this.nNext[nd]) {
        const i = this.nItem[nd], pes = a.itemPes[i];
        const per = this.nReq[nd] / pes;
        const cap = per > peMips ? peMips : per;
        let r = 0;
        for (let k = 0; k < pes; k++) r += cap;
        if (this.nState[nd] === NODE_MIGRATING_IN) r *= this.tgtShare;
        required += r;
      }
      const sf = total / required;
      for (let nd = this.hHead[h]; nd >= 0; nd = this.nNext[nd]) {
        const i = this.nItem[nd], pes = a.itemPes[i];
        const per = this.nReq[nd] / pes;
        const cap = per > peMips ? peMips : per;
        let sum = 0;
        for (let k = 0; k < pes; k++) {
          let m = cap;
          if (this.nOut[nd] !== 0) { m *= sf; m *= this.srcShare; } else if (this.nState[nd] === NODE_MIGRATING_IN) { m *= this.tgtShare; m *= sf; } else m *= sf;
          sum += Math.floor(m);
        }
        this.nAlloc[nd] = sum;
      }
      avail = 0;
    }
    this.hAvail[h] = avail;
    let used = 0;
    for (let nd = this.hHead[h]; nd >= 0; nd = this.nNext[nd]) {
      if (this.nState[nd] === NODE_MIGRATING_IN) used += this.nAlloc[nd] * (1 - this.tgtShare) / this.tgtShare;
      used += this.nAlloc[nd];
    }
    this.hUsed[h] = used;
  }

  /** Host.vmCreate: reserve memory and bandwidth, append to the host's list, allocate CPU. */
  private vmCreate(h: number, i: number): boolean {
    const ram = this.memoryRequest(i), bw = this.bwRequest(i);
    if (this.a.hostMemory[h] - this.hRam[h] < ram || this.a.hostBw[h] - this.hBw[h] < bw) return false;
    const nd = this.appendNode(h, i, NODE_RESIDENT);
    if (nd < 0) return false;
    this.nRam[nd] = ram; this.nBw[nd] = bw;
    this.hRam[h] += ram; this.hBw[h] += bw;
    this.allocateFor(nd);
    this.computeAlloc(h);
    return true;
  }

  /** Host.vmDestroy: release the item's node on h (the first one, as ArrayList.remove does). */
  private vmDestroy(h: number, i: number): void {
    const nd = this.nodeOf(i, h, -1);
    if (nd < 0) return;
    this.removeNode(nd);
    this.computeAlloc(h);
  }

  private allocateHostForVm(i: number, h: number): boolean {
    if (h < 0 || !this.vmCreate(h, i)) return false;
    this.iHost[i] = h;
    return true;
  }

  private deallocateHostForVm(i: number): void {
    const h = this.iHost[i];
    this.iHost[i] = -1;
    if (h >= 0) this.vmDestroy(h, i);
  }

  // ── Updates, energy, metrics ───────────────────────────────────────────────────────────────────────

  /** HostDynamicWorkload.updateVmsProcessing. */
  private updateHost(h: number, t: number, tick: boolean): void {
    for (let nd = this.hHead[h]; nd >= 0; nd = this.nNext[nd]) this.updateItem(this.nItem[nd], t, tick);
    this.hCacheValid[h] = 0;
    this.hPrevUtil[h] = this.hUtil[h];
    for (let nd = this.hHead[h]; nd >= 0; nd = this.nNext[nd]) this.allocateFor(nd);
    this.computeAlloc(h);
    let util = 0, req = 0;
    for (let nd = this.hHead[h]; nd >= 0; nd = this.nNext[nd]) {
      const i = this.nItem[nd];
      const reqTotal = this.requested(i);
      let alloc = this.nAlloc[nd];
      const state = this.nState[nd];
      if (state === NODE_STARTING) {
        this.itemEntry(i, t, 0, reqTotal, 1);
      } else if (state === NODE_BOOTING) {
        alloc = this.nAlloc[nd];
      } else if (state === NODE_RESIDENT) {
        this.itemEntry(i, t, alloc, reqTotal, this.iMoving[i]);
        if (this.iMoving[i] !== 0) alloc /= this.srcShare;
      }
      util += alloc;
      req += reqTotal;
    }
    this.hUtil[h] = util;
    this.hostEntry(h, t, util, req, util > 0 ? 1 : 0);
  }

  private hostEntry(h: number, t: number, alloc: number, req: number, active: number): void {
    const t0 = this.hEntryTime[h];
    if (t0 === t) { this.hEntryAlloc[h] = alloc; this.hEntryReq[h] = req; this.hEntryActive[h] = active; return; }
    if (t0 >= 0) {
      const act0 = this.hEntryActive[h];
      if (act0 !== 0) {
        const dt = t - t0;
        this.totals[abi.T_ACTIVE_TIME] += dt;
        if (this.hEntryAlloc[h] < this.hEntryReq[h]) this.totals[abi.T_VIOLATION_TIME] += dt;
      }
      this.hostTransition(h);
    }
    this.hEntryTime[h] = t; this.hEntryAlloc[h] = alloc; this.hEntryReq[h] = req; this.hEntryActive[h] = active;
  }

  /** Helper.getTimesBeforeHostShutdown, one finalised entry at a time. */
  private hostTransition(h: number): void {
    const act = this.hEntryActive[h], t = this.hEntryTime[h];
    if (this.hPrevActive[h] !== 0 && act === 0) {
      this.totals[abi.T_SHUTDOWNS] += 1;
      this.totals[abi.T_ACTIVE_PERIOD_SUM] += t - this.hSwitchOn[h];
    }
    if (this.hPrevActive[h] === 0 && act !== 0) this.hSwitchOn[h] = t;
    this.hPrevActive[h] = act;
  }

  private itemEntry(i: number, t: number, alloc: number, req: number, mig: number): void {
    const t0 = this.iEntryTime[i];
    if (t0 === t) { this.iEntryAlloc[i] = alloc; this.iEntryReq[i] = req; this.iEntryMig[i] = mig; return; }
    if (t0 >= 0) {
      const dt = t - t0, a0 = this.iEntryAlloc[i], r0 = this.iEntryReq[i];
      this.iTotAlloc[i] += a0 * dt;
      this.iTotReq[i] += r0 * dt;
      if (a0 < r0) {
        this.iShortSum[i] += (r0 - a0) / r0;
        this.iShortCount[i] += 1;
        if (this.iEntryMig[i] !== 0) this.iUnderMig[i] += (r0 - a0) * dt;
      }
      // A restarting container serves nothing: replica-seconds of unavailability.
      if (this.iEntryMig[i] !== 0 && this.a.itemKind[i] === abi.KIND_CONTAINER) this.totals[abi.T_UNAVAILABLE] += dt;
      this.itemTransition(i);
    }
    this.iEntryTime[i] = t; this.iEntryAlloc[i] = alloc; this.iEntryReq[i] = req; this.iEntryMig[i] = mig;
  }

  /** Helper.getTimesBeforeVmMigration (which in fact measures migration durations). */
  private itemTransition(i: number): void {
    const mig = this.iEntryMig[i], t = this.iEntryTime[i];
    if (this.iPrevMig[i] !== 0 && mig === 0) {
      this.totals[abi.T_MOVE_DURATION_SUM] += t - this.iMigStart[i];
      this.totals[abi.T_MOVE_DURATION_COUNT] += 1;
    }
    if (this.iPrevMig[i] === 0 && mig !== 0) this.iMigStart[i] = t;
    this.iPrevMig[i] = mig;
  }

  /** PowerDatacenter.updateCloudetProcessingWithoutSchedulingFutureEventsForce. */
  private updateAll(t: number, tick: boolean): void {
    const a = this.a, H = this.H;
    const dt = t - this.lastProcessTime;
    if (this.mode === abi.MODE_NPA && dt > 0) {
      let frame = 0;
      for (let h = 0; h < H; h++) frame += powerAt(a.modelPower, a.hostModel[h], 1) * dt;
      this.energy += frame;
    }
    this.countReady();
    for (let h = 0; h < H; h++) {
      // An empty, switched-off host whose last record is already idle changes nothing: skipping it leaves
      // its pending record to be closed later, with the same transitions and no energy.
      if (this.hCount[h] === 0 && this.hUtil[h] === 0 && this.hPrevUtil[h] === 0 && this.hEntryActive[h] === 0
        && this.hEntryTime[h] >= 0 && this.hRam[h] === 0 && this.hBw[h] === 0) continue;
      this.updateHost(h, t, tick);
    }
    this.hCacheValid.fill(0);
    if (this.mode !== abi.MODE_NPA && dt > 0) {
      const idle = this.quirk(abi.QUIRK_IDLE_DRAWS_NOTHING);
      let frame = 0;
      for (let h = 0; h < H; h++) {
        const from = clampUtilisation(this.hPrevUtil[h], this.hTotal[h]);
        const to = clampUtilisation(this.hUtil[h], this.hTotal[h]);
        if (from === 0 && this.hCount[h] === 0 && to === 0 && this.shutdownSeconds > 0) {
          // An emptied host idles for shutdownSeconds before it is off: idle power over that window's overlap.
          const since = this.hEmptySince[h];
          const overlap = Math.min(t, since + this.shutdownSeconds) - Math.max(t - dt, since);
          if (overlap > 0) frame += powerAt(a.modelPower, a.hostModel[h], 0) * overlap;
          continue;
        }
        if (!idle && from === 0 && this.hCount[h] === 0 && to === 0) continue; // an empty host is off
        frame += intervalEnergy(a.modelPower, a.hostModel[h], from, to, dt, idle);
      }
      this.energy += frame;
    }
    if (this.shutdownSeconds > 0) {
      for (let h = 0; h < H; h++) {
        if (this.hCount[h] !== 0 || this.hUtil[h] !== 0) this.hEmptySince[h] = NaN;
        else if (Number.isNaN(this.hEmptySince[h])) this.hEmptySince[h] = t;
      }
    }
    this.removeFinished(t);
    this.lastProcessTime = t;
  }

  /** Items whose demand is exactly 0 (quirk) or whose departure time has come leave their host. */
  private removeFinished(t: number): void {
    const vanish = this.quirk(abi.QUIRK_VANISH_AT_ZERO);
    for (let h = 0; h < this.H; h++) {
      let count = 0;
      for (let nd = this.hHead[h]; nd >= 0; nd = this.nNext[nd]) {
        const i = this.nItem[nd];
        if (this.iMoving[i] !== 0) continue;
        if ((vanish && this.requested(i) === 0) || this.a.itemDepart[i] <= t) this.list[count++] = i;
      }
      for (let k = 0; k < count; k++) {
        const i = this.list[k];
        this.deallocateHostForVm(i);
        this.iAlive[i] = 2;
        this.removed++;
      }
    }
  }

  // ── Overload detection ─────────────────────────────────────────────────────────────────────────────

  /** Σ requests over the host's list (then `extra`, as if appended), in list order. */
  private requestedSum(h: number, extra: number): number {
    if ((this.hCacheValid[h] & 1) === 0) {
      let sum = 0;
      for (let nd = this.hHead[h]; nd >= 0; nd = this.nNext[nd]) sum += this.requested(this.nItem[nd]);
      this.hReqSum[h] = sum;
      this.hCacheValid[h] |= 1;
    }
    let sum = this.hReqSum[h];
    if (extra >= 0) sum += this.requested(extra);
    return sum;
  }

  /** PowerHostUtilizationHistory.getUtilizationHistory into this.hist, trimmed; returns its length. */
  private hostHistory(h: number, extra: number): number {
    const HL = this.HL, hist = this.hist, total = this.hTotal[h], base = h * HL;
    if ((this.hCacheValid[h] & 2) === 0) {
      for (let j = 0; j < HL; j++) hist[j] = 0;
      for (let nd = this.hHead[h]; nd >= 0; nd = this.nNext[nd]) {
        const i = this.nItem[nd];
        const len = this.iHistLen[i], mips = this.a.itemMips[i];
        for (let j = 0; j < len; j++) hist[j] += this.histAt(i, j) * mips / total;
      }
      for (let j = 0; j < HL; j++) this.hHistSum[base + j] = hist[j];
      this.hCacheValid[h] |= 2;
    } else {
      for (let j = 0; j < HL; j++) hist[j] = this.hHistSum[base + j];
    }
    if (extra >= 0) {
      const len = this.iHistLen[extra], mips = this.a.itemMips[extra];
      for (let j = 0; j < len; j++) hist[j] += this.histAt(extra, j) * mips / total;
    }
    let n = HL - 1;
    while (n >= 0) { if (hist[n--] !== 0) break; }
    return n + 2;
  }

  private thresholdOverloaded(h: number, extra: number, threshold: number): boolean {
    return this.requestedSum(h, extra) / this.hTotal[h] > threshold;
  }

  /** Is host h overloaded (with item `extra` added as if appended to its list, −1 for none)? */
  private overloaded(h: number, extra: number): boolean {
    const s = this.detectorParam;
    switch (this.detector) {
      case abi.DETECTOR_THR:
        return this.thresholdOverloaded(h, extra, s);
      case abi.DETECTOR_IQR:
      case abi.DETECTOR_MAD: {
        const n = this.hostHistory(h, extra);
        if (n < this.minHistory || n <= 0) return this.thresholdOverloaded(h, extra, this.fallbackThreshold);
        const spread = this.detector === abi.DETECTOR_IQR ? iqr(this.hist, n) : mad(this.hist, this.scratchA, n);
        const upper = 1 - s * spread;
        return this.requestedSum(h, extra) / this.hTotal[h] > upper;
      }
      default: { // LR, LRR
        const n = this.hostHistory(h, extra), w = this.lrWindow;
        if (n < w) return this.thresholdOverloaded(h, extra, this.fallbackThreshold);
        const y = this.scratchA;
        for (let k = 0; k < w; k++) y[k] = this.hist[w - k - 1];
        if (this.quirk(abi.QUIRK_LR_UNWEIGHTED)) simpleRegression(y, w, this.est);
        else loess(y, w, this.detector === abi.DETECTOR_LRR, this.scratchB, this.scratchC, this.scratchD, this.hist, this.est);
        let maxMB = -MAX_VALUE;
        for (let nd = this.hHead[h]; ; nd = this.nNext[nd]) {
          const i = nd >= 0 ? this.nItem[nd] : extra;
          if (i < 0) break;
          if (this.iMigMB[i] > maxMB) maxMB = this.iMigMB[i];
          if (nd < 0) break;
        }
        const intervals = Math.ceil(maxMB / this.a.hostMigrationRate[h] / this.interval);
        let predicted = this.est[0] + this.est[1] * (w + intervals);
        predicted *= s;
        return predicted >= 1;
      }
    }
  }

  // ── Selection ──────────────────────────────────────────────────────────────────────────────────────

  private moveCost(i: number): number {
    return this.a.itemKind[i] === abi.KIND_CONTAINER ? this.a.itemStartSeconds[i] : this.iMigMB[i];
  }

  private selectMmt(h: number): number {
    let best = -1, min = MAX_VALUE;
    for (let nd = this.hHead[h]; nd >= 0; nd = this.nNext[nd]) {
      const i = this.nItem[nd];
      if (this.iMoving[i] !== 0) continue;
      const metric = this.moveCost(i);
      if (metric < min) { min = metric; best = i; }
    }
    return best;
  }

  /** PowerVmSelectionPolicyMaximumCorrelation: highest R² of an item's history on the others'. */
  private selectMc(h: number): number {
    let n = 0, m = 0x7fffffff;
    for (let nd = this.hHead[h]; nd >= 0; nd = this.nNext[nd]) {
      const i = this.nItem[nd];
      if (this.iMoving[i] !== 0) continue;
      this.mcItems[n++] = i;
      if (this.iHistLen[i] < m) m = this.iHistLen[i];
    }
    if (n === 0) return -1;
    for (let r = 0; r < n; r++) if (this.iHistLen[this.mcItems[r]] > m) return this.selectMmt(h); // CloudSim would throw
    const k = n - 1;
    if (k < 1 || m < 1 || k + 1 > m) return this.selectMmt(h);
    const hist = this.mcHist;
    for (let c = 0; c < n; c++) for (let row = 0; row < m; row++) hist[c * m + row] = this.histAt(this.mcItems[c], row);
    const best = maxCorrelationIndex(hist, n, m, this.mcScratch);
    return best < 0 ? this.selectMmt(h) : this.mcItems[best];
  }

  private select(h: number): number {
    switch (this.selector) {
      case abi.SELECT_MC: return this.selectMc(h);
      case abi.SELECT_MU: {
        let best = -1, min = MAX_VALUE;
        for (let nd = this.hHead[h]; nd >= 0; nd = this.nNext[nd]) {
          const i = this.nItem[nd];
          if (this.iMoving[i] !== 0) continue;
          const mips = this.a.itemMips[i];
          const metric = this.iFrac[i] * mips / mips;
          if (metric < min) { min = metric; best = i; }
        }
        return best;
      }
      case abi.SELECT_RS: {
        let count = 0;
        for (let nd = this.hHead[h]; nd >= 0; nd = this.nNext[nd]) if (this.iMoving[this.nItem[nd]] === 0) count++;
        if (count === 0) return -1;
        let pick = Math.floor(this.rng.next() * count);
        for (let nd = this.hHead[h]; nd >= 0; nd = this.nNext[nd]) {
          const i = this.nItem[nd];
          if (this.iMoving[i] !== 0) continue;
          if (pick-- === 0) return i;
        }
        return -1;
      }
      default: return this.selectMmt(h);
    }
  }

  // ── Placement ──────────────────────────────────────────────────────────────────────────────────────

  private isSuitable(h: number, i: number): boolean {
    const a = this.a, req = this.requested(i);
    return a.hostPeMips[h] >= req / a.itemPes[i] && this.hAvail[h] >= req
      && a.hostMemory[h] - this.hRam[h] >= this.memoryRequest(i) && a.hostBw[h] - this.hBw[h] >= this.bwRequest(i);
  }

  /** Power-aware best fit (PABFD's host choice): least power increase among hosts that stay below overload. */
  private findHost(i: number, exclude: Uint8Array | null): number {
    const a = this.a;
    let minPower = MAX_VALUE, best = -1;
    const req = this.requested(i);
    const call = ++this.findCall;
    for (let h = 0; h < this.H; h++) {
      if (exclude !== null && exclude[h] !== 0) continue;
      // Empty hosts of one class (same model and capacities) all price the same: only the first can win.
      const empty = this.hCount[h] === 0 && this.hUtil[h] === 0 && this.hRam[h] === 0 && this.hBw[h] === 0;
      const cls = a.hostClass[h];
      if (empty && cls >= 0 && cls <= this.H) {
        if (this.classSeen[cls] === call) continue;
        this.classSeen[cls] = call;
      }
      if (!this.isSuitable(h, i)) continue;
      const used = this.hUsed[h]; // getUtilizationOfCpuMips: migrating-in items count in full
      const after = (used + req) / this.hTotal[h];
      const now = clampUtilisation(this.hUtil[h], this.hTotal[h]);
      if (after > 1 || now > 1) continue; // CloudSim's power model would throw here
      const diff = powerAt(a.modelPower, a.hostModel[h], after) - powerAt(a.modelPower, a.hostModel[h], now);
      // CloudSim checks overload first; checking it only for a host that would win gives the same choice.
      if (!(diff < minPower)) continue;
      if (used !== 0 && this.overloaded(h, i)) continue;
      minPower = diff; best = h;
    }
    return best;
  }

  private firstFit(i: number): number {
    for (let h = 0; h < this.H; h++) if (this.isSuitable(h, i)) return h;
    return -1;
  }

  /** PowerVmList.sortByCpuUtilization: stable, by requested MIPS, descending. */
  private sortByDemand(list: Int32Array, n: number): void {
    for (let k = 1; k < n; k++) {
      const v = list[k], key = this.iFrac[v] * this.a.itemMips[v];
      let j = k - 1;
      while (j >= 0 && this.iFrac[list[j]] * this.a.itemMips[list[j]] < key) { list[j + 1] = list[j]; j--; }
      list[j + 1] = v;
    }
  }

  /** getNewVmPlacement / …FromUnderUtilizedHost: PABFD of list[0..n); all-or-nothing undoes on failure. */
  private placeAll(n: number, exclude: Uint8Array, allOrNothing: boolean): boolean {
    const list = this.list;
    this.sortByDemand(list, n);
    const start = this.mapCount;
    for (let k = 0; k < n; k++) {
      const i = list[k];
      const h = this.findHost(i, exclude);
      if (h >= 0) {
        this.vmCreate(h, i);
        this.mapItem[this.mapCount] = i;
        this.mapHost[this.mapCount] = h;
        this.mapCount++;
      } else if (allOrNothing) {
        for (let q = start; q < this.mapCount; q++) this.vmDestroy(this.mapHost[q], this.mapItem[q]);
        this.mapCount = start;
        return false;
      }
    }
    return true;
  }

  // ── Consolidation ──────────────────────────────────────────────────────────────────────────────────

  /** PowerVmAllocationPolicyMigrationAbstract.optimizeAllocation; returns hosts found overloaded. */
  private optimize(t: number): number {
    const H = this.H;
    let overCount = 0;
    for (let h = 0; h < H; h++) {
      const o = this.overloaded(h, -1);
      this.hOver[h] = o ? 1 : 0;
      if (o) overCount++;
    }
    // saveAllocation
    let saved = 0, ins = 0;
    for (let h = 0; h < H; h++) {
      for (let nd = this.hHead[h]; nd >= 0; nd = this.nNext[nd]) {
        if (this.nState[nd] !== NODE_RESIDENT) { this.inHost[ins] = h; this.inItem[ins] = this.nItem[nd]; this.inState[ins] = this.nState[nd]; ins++; continue; }
        this.savedHost[saved] = h; this.savedItem[saved] = this.nItem[nd]; saved++;
      }
    }
    // VMs to migrate from overloaded hosts
    let n = 0;
    for (let h = 0; h < H; h++) {
      if (this.hOver[h] === 0) continue;
      for (;;) {
        const i = this.select(h);
        if (i < 0) break;
        this.list[n++] = i;
        this.vmDestroy(h, i);
        if (!this.overloaded(h, -1)) break;
      }
    }
    this.mapCount = 0;
    this.placeAll(n, this.hOver, false);
    const overMapped = this.mapCount;
    // underloaded hosts
    let excluded = 0;
    for (let h = 0; h < H; h++) {
      const off = clampUtilisation(this.hUtil[h], this.hTotal[h]) === 0;
      const x = this.hOver[h] !== 0 || off ? 1 : 0;
      this.hExclUnder[h] = x; this.hExclPlace[h] = x;
      excluded += x;
    }
    if (!this.quirk(abi.QUIRK_UNDERLOAD_KEEPS_TARGETS)) {
      for (let q = 0; q < overMapped; q++) {
        const h = this.mapHost[q];
        if (this.hExclUnder[h] === 0) { this.hExclUnder[h] = 1; excluded++; }
      }
    }
    // Hybrid: consolidate only every reoptPeriod seconds, with at most reoptBudget moves each time.
    const consolidate = this.reoptPeriod <= 0 || t - this.lastReopt >= this.reoptPeriod;
    if (consolidate) this.lastReopt = t;
    while (consolidate && excluded < H) {
      let under = -1, minU = 1;
      for (let h = 0; h < H; h++) {
        if (this.hExclUnder[h] !== 0) continue;
        const u = clampUtilisation(this.hUtil[h], this.hTotal[h]);
        if (u > 0 && u < minU && !this.allMovingOutOrAnyMovingIn(h)) { minU = u; under = h; }
      }
      if (under < 0) break;
      this.hExclUnder[under] = 1; excluded++;
      this.hExclPlace[under] = 1;
      let count = 0;
      for (let nd = this.hHead[under]; nd >= 0; nd = this.nNext[nd]) {
        const i = this.nItem[nd];
        if (this.iMoving[i] === 0) this.list[count++] = i;
      }
      if (count === 0) continue;
      if (this.reoptBudget > 0 && this.mapCount - overMapped + count > this.reoptBudget) continue;
      const start = this.mapCount;
      if (this.placeAll(count, this.hExclPlace, true)) {
        for (let q = start; q < this.mapCount; q++) {
          const h = this.mapHost[q];
          if (this.hExclUnder[h] === 0) { this.hExclUnder[h] = 1; excluded++; }
        }
      }
    }
    this.restore(saved, ins);
    // start the moves
    let started = 0;
    for (let q = 0; q < this.mapCount; q++) {
      this.startMove(this.mapItem[q], this.mapHost[q], t);
      started++;
    }
    this.startedThisTick = started;
    return overCount;
  }

  private startedThisTick = 0;

  private allMovingOutOrAnyMovingIn(h: number): boolean {
    for (let nd = this.hHead[h]; nd >= 0; nd = this.nNext[nd]) {
      if (this.iMoving[this.nItem[nd]] === 0) return false;
      if (this.nState[nd] !== NODE_RESIDENT) return true;
    }
    return true;
  }

  /** restoreAllocation: every host back to its list before the optimisation (moving-in items first). */
  private restore(saved: number, ins: number): void {
    for (let h = 0; h < this.H; h++) {
      while (this.hHead[h] >= 0) this.removeNode(this.hHead[h]);
      this.hRam[h] = 0; this.hBw[h] = 0;
    }
    for (let k = 0; k < ins; k++) {
      const h = this.inHost[k], i = this.inItem[k];
      const nd = this.appendNode(h, i, this.inState[k]);
      if (nd < 0) return;
      const ram = this.memoryRequest(i), bw = this.bwRequest(i);
      this.nRam[nd] = ram; this.nBw[nd] = bw; this.hRam[h] += ram; this.hBw[h] += bw;
      this.allocateFor(nd);
    }
    for (let k = 0; k < saved; k++) {
      const h = this.savedHost[k], i = this.savedItem[k];
      const nd = this.appendNode(h, i, NODE_RESIDENT);
      if (nd < 0) return;
      const ram = this.memoryRequest(i), bw = this.bwRequest(i);
      this.nRam[nd] = ram; this.nBw[nd] = bw; this.hRam[h] += ram; this.hBw[h] += bw;
      this.allocateFor(nd);
      this.iHost[i] = h;
    }
    for (let h = 0; h < this.H; h++) this.computeAlloc(h);
  }

  // ── Moves ──────────────────────────────────────────────────────────────────────────────────────────

  /** Host.addMigratingInVm (VMs) or a container restart: the move starts at t. */
  private startMove(i: number, target: number, t: number): void {
    const a = this.a;
    this.iMoving[i] = 1;
    // A host with nothing on it is off, unless still in its idle window: it boots before the item can land
    // (0 s in CloudSim).
    const off = this.hCount[target] === 0 && this.hUtil[target] === 0 && !(t < this.hEmptySince[target] + this.shutdownSeconds);
    const boot = off ? this.bootSeconds : 0;
    let duration: number;
    if (a.itemKind[i] === abi.KIND_CONTAINER) {
      // Restart: the pod stops on its source now and starts on the target, serving nothing meanwhile.
      const src = this.iHost[i];
      if (src >= 0) { this.iHost[i] = -1; this.vmDestroy(src, i); this.updateHost(src, t, false); }
      const nd = this.appendNode(target, i, NODE_STARTING);
      if (nd >= 0) {
        const ram = this.memoryRequest(i), bw = this.bwRequest(i);
        this.nRam[nd] = ram; this.nBw[nd] = bw; this.hRam[target] += ram; this.hBw[target] += bw;
        this.allocateFor(nd);
        this.computeAlloc(target);
      }
      this.iHost[i] = target;
      this.updateHost(target, t, false);
      this.restarts++;
      duration = a.itemStartSeconds[i];
    } else {
      if (this.nodeOf(i, target, NODE_MIGRATING_IN) < 0) {
        const nd = this.appendNode(target, i, NODE_MIGRATING_IN);
        if (nd >= 0) {
          const ram = this.memoryRequest(i), bw = this.bwRequest(i);
          this.nRam[nd] = ram; this.nBw[nd] = bw; this.hRam[target] += ram; this.hBw[target] += bw;
          this.allocateFor(nd);
          this.computeAlloc(target);
        }
        this.updateHost(target, t, false);
        if (this.iHost[i] >= 0) this.updateHost(this.iHost[i], t, false);
      }
      duration = this.iMigMB[i] / a.hostMigrationRate[target];
    }
    this.migrations++;
    this.schedule(i, target, t + (boot + duration));
  }

  private schedule(i: number, h: number, time: number): void {
    if (this.pHead === this.pCount) { this.pHead = 0; this.pCount = 0; }
    if (this.pCount >= this.pTime.length) { // compact the consumed prefix
      const live = this.pCount - this.pHead;
      this.pItem.copyWithin(0, this.pHead, this.pCount); this.pHost.copyWithin(0, this.pHead, this.pCount);
      this.pTime.copyWithin(0, this.pHead, this.pCount);
      this.pHead = 0; this.pCount = live;
    }
    let k = this.pCount;
    while (k > this.pHead && this.pTime[k - 1] > time) {
      this.pItem[k] = this.pItem[k - 1]; this.pHost[k] = this.pHost[k - 1]; this.pTime[k] = this.pTime[k - 1];
      k--;
    }
    this.pItem[k] = i; this.pHost[k] = h; this.pTime[k] = time;
    this.pCount++;
  }

  /** Datacenter.processVmMigrate: the item lands on its destination. */
  private completeMove(i: number, target: number): void {
    const booting = this.nodeOf(i, target, NODE_BOOTING);
    if (booting >= 0) { // a new replica is ready
      this.nState[booting] = NODE_RESIDENT; this.iMoving[i] = 0; this.iInst[i] = 0;
      this.allocateFor(booting); this.computeAlloc(target);
      return;
    }
    if (this.a.itemKind[i] === abi.KIND_CONTAINER) {
      const nd = this.nodeOf(i, target, NODE_STARTING);
      if (nd >= 0) { this.nState[nd] = NODE_RESIDENT; this.iMoving[i] = 0; this.allocateFor(nd); this.computeAlloc(target); }
      else this.iMoving[i] = 0;
      return;
    }
    this.deallocateHostForVm(i);
    const nd = this.nodeOf(i, target, NODE_MIGRATING_IN);
    if (nd >= 0) { this.removeNode(nd); this.computeAlloc(target); }
    this.iMoving[i] = 0;
    if (!this.allocateHostForVm(i, target)) this.failedPlacements++;
  }

  /** Processes every pending move completing strictly before `until`, grouped by instant. */
  private processMoves(until: number): void {
    while (this.pHead < this.pCount && this.pTime[this.pHead] < until && this.pTime[this.pHead] < this.end) {
      const tc = this.pTime[this.pHead];
      if (tc > this.lastProcessTime) this.updateAll(tc, false);
      while (this.pHead < this.pCount && this.pTime[this.pHead] === tc) {
        const i = this.pItem[this.pHead], h = this.pHost[this.pHead];
        this.pHead++;
        this.completeMove(i, h);
      }
      this.updateAll(tc, false);
    }
  }

  // ── Autoscaling ────────────────────────────────────────────────────────────────────────────────────

  /** Serving replicas per service: alive, not booting, not restarting. */
  private countReady(): void {
    if (this.scaleTarget <= 0) return;
    const a = this.a;
    this.sReady.fill(0);
    for (let i = 0; i < this.N; i++) {
      const s = a.itemService[i];
      if (s < 0 || this.iAlive[i] !== 1) continue;
      if (this.iMoving[i] !== 0 && (a.itemKind[i] === abi.KIND_CONTAINER || this.iInst[i] !== 0)) continue;
      this.sReady[s]++;
    }
  }

  /**
   * Kubernetes HPA semantics (autoscaling/v2): desired = ceil(current × utilisation / target), no change
   * within the tolerance, bounds [min, max], and scale-down only to the highest recommendation of the
   * stabilisation window. Utilisation = the service's demand per current replica ÷ a replica's workload.
   * New replicas boot (VM) or start (container) for their start time, holding their full size meanwhile.
   */
  private autoscale(t: number): void {
    const a = this.a;
    for (let s = 0; s < a.services; s++) {
      const first = a.svcFirst[s], slots = a.svcMax[s];
      let current = 0;
      for (let k = 0; k < slots; k++) if (this.iAlive[first + k] === 1) current++;
      if (current === 0) continue;
      const u = this.traceAt(a.itemTrace[first], t) * a.svcBase[s] / current; // per-replica workload share
      const ratio = u / this.scaleTarget;
      let desired = Math.abs(ratio - 1) <= this.scaleTolerance ? current : Math.ceil(current * ratio);
      desired = Math.min(slots, Math.max(a.svcMin[s], desired));
      // stabilisation window: remember the recommendation, scale down only to the window's maximum
      const base = s * SCALE_HISTORY * 2, pos = this.sDesiredPos[s];
      this.sDesired[base + pos * 2] = t; this.sDesired[base + pos * 2 + 1] = desired;
      this.sDesiredPos[s] = (pos + 1) % SCALE_HISTORY;
      let stable = desired;
      for (let k = 0; k < SCALE_HISTORY; k++) {
        const when = this.sDesired[base + k * 2];
        if (when >= 0 && t - when <= this.scaleWindow && this.sDesired[base + k * 2 + 1] > stable) stable = this.sDesired[base + k * 2 + 1];
      }
      const target = desired > current ? desired : Math.min(current, stable);
      if (target > current) {
        let added = 0;
        for (let k = 0; k < slots && current + added < target; k++) {
          const i = first + k;
          if (this.iAlive[i] !== 0 && this.iAlive[i] !== DORMANT) continue;
          if (this.iAlive[i] === 0 && a.itemArrive[i] <= t) continue; // an ordinary arrival, placed elsewhere
          if (this.startReplica(i, t)) added++;
          else break;
        }
        if (added > 0) this.scaleEvents++;
      } else if (target < current) {
        let removedNow = 0;
        for (let k = slots - 1; k >= 0 && current - removedNow > target; k--) {
          const i = first + k;
          if (this.iAlive[i] !== 1 || this.iMoving[i] !== 0) continue;
          this.deallocateHostForVm(i);
          this.iAlive[i] = DORMANT;
          removedNow++;
        }
        if (removedNow > 0) this.scaleEvents++;
      }
    }
  }

  /** Places a new replica (PABFD, full size) that serves after its start time. */
  private startReplica(i: number, t: number): boolean {
    this.iInst[i] = 1;
    const h = this.findHost(i, null);
    if (h < 0) { this.iInst[i] = 0; this.failedPlacements++; return false; }
    const nd = this.appendNode(h, i, NODE_BOOTING);
    if (nd < 0) { this.iInst[i] = 0; return false; }
    const ram = this.memoryRequest(i), bw = this.bwRequest(i);
    this.nRam[nd] = ram; this.nBw[nd] = bw; this.hRam[h] += ram; this.hBw[h] += bw;
    this.allocateFor(nd);
    this.computeAlloc(h);
    this.iHost[i] = h;
    this.iAlive[i] = 1;
    this.iMoving[i] = 1;
    this.iHistLen[i] = 0; this.iHistPrev[i] = t;
    this.updateHost(h, t, false);
    this.schedule(i, h, t + this.a.itemStartSeconds[i]);
    return true;
  }

  // ── Run ────────────────────────────────────────────────────────────────────────────────────────────

  private placeArrival(i: number): void {
    const a = this.a;
    this.iInst[i] = 1;
    let h = -1;
    if (this.mode !== abi.MODE_DYNAMIC || this.placement === abi.PLACE_FIRST_FIT) h = this.firstFit(i);
    else if (this.placement === abi.PLACE_GIVEN && a.itemInitialHost[i] >= 0 && a.itemInitialHost[i] < this.H
      && this.isSuitable(a.itemInitialHost[i], i)) h = a.itemInitialHost[i];
    else h = this.findHost(i, null);
    const ok = this.allocateHostForVm(i, h);
    this.iInst[i] = 0;
    if (ok) this.hCacheValid[h] = 0;
    this.iAlive[i] = ok ? 1 : 2;
    if (!ok) this.failedPlacements++;
  }

  run(): SimRaw {
    const a = this.a, N = this.N;
    // t = 0: every item present from the start is created (requesting its full size)
    for (let i = 0; i < N; i++) if (a.itemArrive[i] <= 0) this.placeArrival(i);
    let step = 0;
    let tick = this.offset + this.interval;
    for (;;) {
      this.processMoves(tick);
      if (tick >= this.end || this.status !== abi.SIM_OK) break;
      let overloaded = 0;
      this.startedThisTick = 0;
      if (tick > this.lastProcessTime) {
        const eBefore = this.energy, tBefore = this.lastProcessTime;
        this.updateAll(tick, true);
        for (let i = 0; i < N; i++) if (this.iAlive[i] === 0 && a.itemArrive[i] <= tick) this.placeArrival(i);
        if (this.scaleTarget > 0) this.autoscale(tick);
        if (this.mode === abi.MODE_DYNAMIC) overloaded = this.optimize(tick);
        if (step < a.steps) this.recordStep(step++, tick, tBefore, eBefore, overloaded);
        if (this.onTick) this.onTick(tick, this.invariants());
      }
      let alive = 0, pending = 0;
      for (let i = 0; i < N; i++) { if (this.iAlive[i] === 1) alive++; else if (this.iAlive[i] === 0) pending++; }
      if (alive === 0 && pending === 0) { this.processMoves(this.end); break; }
      tick += this.interval;
    }
    this.finish(step);
    return { status: this.status, totals: this.totals, series: this.series, itemHost: this.itemHostOut };
  }

  /**
   * What must hold after every tick: each live item is resident on exactly the host the allocation table
   * names (and, while moving, also listed on exactly one destination); host lists agree with their counts;
   * a host that is not oversubscribed grants at most its capacity; demand is conserved (Σ item requests =
   * Σ requests over the resident lists).
   */
  invariants(): string[] {
    const out: string[] = [];
    let reqItems = 0, reqHosts = 0;
    for (let i = 0; i < this.N; i++) {
      let resident = 0, incoming = 0;
      for (let k = 0; k < SLOTS_PER_ITEM; k++) {
        const nd = this.iNodes[i * SLOTS_PER_ITEM + k];
        if (nd < 0) continue;
        if (this.nState[nd] === NODE_MIGRATING_IN) incoming++;
        else { resident++; if (this.nHost[nd] !== this.iHost[i]) out.push(`item ${i} resident on ${this.nHost[nd]} but allocated to ${this.iHost[i]}`); }
      }
      if (this.iAlive[i] === 1) {
        reqItems += this.requested(i);
        if (resident !== 1) out.push(`item ${i} is resident on ${resident} hosts`);
        if (this.iMoving[i] === 0 && incoming !== 0) out.push(`item ${i} is not moving but is migrating into ${incoming} hosts`);
        // Under the underload-keeps-targets quirk a VM planned onto a host in one round can be planned again
        // when that host is evacuated in the same round: two destinations, each migration completes in turn
        // (completeMove) and the VM ends where the last one lands. (Whether CloudSim's event loop does exactly
        // this is not yet checked against its source.)
        const destinations = this.quirk(abi.QUIRK_UNDERLOAD_KEEPS_TARGETS) ? incoming >= 1 : incoming === 1;
        if (this.iMoving[i] !== 0 && this.a.itemKind[i] === abi.KIND_VM && this.iInst[i] === 0 && !destinations) out.push(`moving VM ${i} has ${incoming} destinations`);
      } else if (resident + incoming > 0) out.push(`item ${i} is gone but still listed`);
    }
    for (let h = 0; h < this.H; h++) {
      let count = 0, granted = 0;
      for (let nd = this.hHead[h]; nd >= 0; nd = this.nNext[nd]) {
        count++;
        granted += this.nState[nd] === NODE_MIGRATING_IN ? 0 : this.nAlloc[nd];
        if (this.nState[nd] !== NODE_MIGRATING_IN) reqHosts += this.requested(this.nItem[nd]);
      }
      if (count !== this.hCount[h]) out.push(`host ${h} lists ${count} items but counts ${this.hCount[h]}`);
      if (granted > this.hTotal[h] * (1 + 1e-9) + 1e-6) out.push(`host ${h} grants ${granted} of ${this.hTotal[h]}`);
      if (this.hRam[h] > this.a.hostMemory[h] + 1e-6) out.push(`host ${h} reserves ${this.hRam[h]} MB of ${this.a.hostMemory[h]}`);
    }
    if (Math.abs(reqItems - reqHosts) > 1e-6 * Math.max(1, reqItems)) out.push(`demand not conserved: ${reqItems} requested, ${reqHosts} on hosts`);
    return out;
  }

  private recordStep(step: number, t: number, tBefore: number, eBefore: number, overloaded: number): void {
    const row = step * abi.SERIES_COLS, s = this.series;
    let active = 0, alloc = 0;
    for (let h = 0; h < this.H; h++) { if (this.hUtil[h] > 0) active++; alloc += this.hUtil[h]; }
    let req = 0, items = 0;
    for (let i = 0; i < this.N; i++) if (this.iAlive[i] === 1) { req += this.iReq[i]; items++; }
    s[row + abi.S_TIME] = t;
    s[row + abi.S_ACTIVE_HOSTS] = active;
    s[row + abi.S_POWER_W] = t > tBefore ? (this.energy - eBefore) / (t - tBefore) : 0;
    s[row + abi.S_ENERGY_WS] = this.energy;
    s[row + abi.S_MIGRATIONS] = this.startedThisTick;
    s[row + abi.S_OVERLOADED] = overloaded;
    s[row + abi.S_REQUESTED] = req;
    s[row + abi.S_ALLOCATED] = alloc;
    s[row + abi.S_ITEMS] = items;
    s[row + abi.S_SHUTDOWNS] = this.totals[abi.T_SHUTDOWNS];
    s[row + abi.S_REPLICAS] = items;
  }

  private finish(steps: number): void {
    const T = this.totals;
    for (let h = 0; h < this.H; h++) if (this.hEntryTime[h] >= 0) this.hostTransition(h);
    let req = 0, alloc = 0, under = 0, shortSum = 0, shortCount = 0;
    for (let i = 0; i < this.N; i++) {
      if (this.iEntryTime[i] >= 0) this.itemTransition(i);
      req += this.iTotReq[i]; alloc += this.iTotAlloc[i]; under += this.iUnderMig[i];
      shortSum += this.iShortSum[i]; shortCount += this.iShortCount[i];
      this.itemHostOut[i] = this.iAlive[i] === 1 ? this.iHost[i] : -1;
    }
    T[abi.T_ENERGY_WS] = this.energy;
    T[abi.T_MIGRATIONS] = this.migrations;
    T[abi.T_REQUESTED] = req;
    T[abi.T_ALLOCATED] = alloc;
    T[abi.T_UNDER_MIGRATION] = under;
    T[abi.T_SHORTFALL_SUM] = shortSum;
    T[abi.T_SHORTFALL_COUNT] = shortCount;
    T[abi.T_REMOVED] = this.removed;
    T[abi.T_STEPS] = steps;
    T[abi.T_LAST_TIME] = this.lastProcessTime;
    T[abi.T_RESTARTS] = this.restarts;
    T[abi.T_FAILED_PLACEMENTS] = this.failedPlacements;
    T[abi.T_SCALE_EVENTS] = this.scaleEvents;
  }
}
