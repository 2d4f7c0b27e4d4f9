// The time-stepped consolidation simulator (WASM). A line-by-line mirror of the TypeScript reference
// core/sim/reference/engine.ts — read that file for the commented semantics (CloudSim 4.0's power package,
// Beloglazov & Buyya CCPE 2012); here only what differs in form is explained. Every f64 operation happens
// in the same order as in the reference so both give bit-identical results (checked by
// test/property/sim-kernel-vs-reference.test.ts).
//
// State layout, from arenaEnd (arena.ts), laid out by layoutState() at the start of each run:
//   f64 item columns:  req, frac, histPrev, entryTime/Alloc/Req, migStart, totAlloc/totReq, underMig,
//                      shortSum, shortCount, migMB (memory a migration copies now)  [N] each
//   f64 hist           [N × 2HL]     per-item utilisation history ring, stored twice, newest first
//   f64 host columns:  total, avail, util, prevUtil, ram, bw, entryTime/Alloc/Req, switchOn, used, reqSum,
//                      emptySince                                                   [H]
//   f64 hHistSum       [H × HL]      cached host history sums
//   f64 node columns:  req, alloc, ram, bw                                        [P = 4N + 1]
//   f64 pending times  [2N + 1];  f64 scratch vectors (history, regression); MC: X, histories H [HL × HL],
//                      screen work [HL² + 2HL], QR [(HL + 1) × HL], R diagonal, Qᵀy, β
//   i32 item columns:  host, alive, moving, inst, histStart, histLen, entryMig, prevMig   [N]; nodes [N × 4]
//   i32 host columns:  head, tail, count, entryActive, prevActive, classSeen            [H]
//   i32 node columns:  item, host, prev, next, state, out                                [P]
//   i32 pending item/host [2N + 1]; lists, map, saved, moving-in snapshots
//   u8  hOut [H × N] (sticky migrating-out quirk only), MC candidates [HL], hOver, hExclUnder, hExclPlace,
//       hCacheValid [H]
import * as abi from './abi';
import {
  H, N, STEPS, arenaEnd, params, iparams, hostModel, hostPes, hostPeMips, hostMemory, hostBw, hostMigrationRate,
  hostClass, itemMips, itemPes, itemMemory, itemBw, itemMigrationMB, itemBaseFrac, itemScaleFrac, itemTrace, itemKind,
  itemStartSeconds, itemArrive, itemDepart, itemInitialHost, itemMemoryTrace, traces, C, totals, series, itemHostOut,
  S, itemService, svcBase, svcMin, svcMax, svcFirst,
} from './arena';
import { align8, ensureMemory, f64At, i32At, setF64, setI32, u8At, setU8 } from './mem';
import { maxCorrelationIndex } from './max-correlation';
import { clampUtilisation, intervalEnergy, powerAt } from './power';
import { iqr, loess, mad, simpleRegression } from './stats';

const SLOTS: i32 = 4;
const NODE_RESIDENT: i32 = 0;
const NODE_MIGRATING_IN: i32 = 1;
const NODE_STARTING: i32 = 2;
const NODE_BOOTING: i32 = 3;
const DORMANT: i32 = 3;
const SCALE_HISTORY: i32 = 64;
const MAX_VALUE: f64 = 1.7976931348623157e308;

// parameters
let interval: f64 = 0, offset: f64 = 0, endTime: f64 = 0, traceInterval: f64 = 0, detectorParam: f64 = 0;
let fallbackThreshold: f64 = 0, srcShare: f64 = 0, tgtShare: f64 = 0;
let bootSeconds: f64 = 0, shutdownSeconds: f64 = 0, reoptPeriod: f64 = 0, reoptBudget: f64 = 0, lastReopt: f64 = -Infinity;
let scaleTarget: f64 = 0, scaleWindow: f64 = 0, scaleTolerance: f64 = 0, scaleEvents: i32 = 0;
let sReady: usize = 0, sDesired: usize = 0, sDesiredPos: usize = 0;
let mode: i32 = 0, detector: i32 = 0, selector: i32 = 0, placement: i32 = 0, quirks: i32 = 0;
let HL: i32 = 30, lrWindow: i32 = 10, minHistory: i32 = 12;
let rngState: u32 = 0;
let P: i32 = 0;
// f64 state
let iReq: usize = 0, iFrac: usize = 0, iHistPrev: usize = 0, iHist: usize = 0, iEntryTime: usize = 0, iEntryAlloc: usize = 0;
let iEntryReq: usize = 0, iMigStart: usize = 0, iTotAlloc: usize = 0, iTotReq: usize = 0, iUnderMig: usize = 0;
let iShortSum: usize = 0, iShortCount: usize = 0, iMigMB: usize = 0;
let hTotal: usize = 0, hAvail: usize = 0, hUtil: usize = 0, hPrevUtil: usize = 0, hRam: usize = 0, hBw: usize = 0;
let hEntryTime: usize = 0, hEntryAlloc: usize = 0, hEntryReq: usize = 0, hSwitchOn: usize = 0, hUsed: usize = 0;
let hReqSum: usize = 0, hHistSum: usize = 0, hEmptySince: usize = 0;
let nReq: usize = 0, nAlloc: usize = 0, nRam: usize = 0, nBw: usize = 0;
let pTime: usize = 0;
let hist: usize = 0, scratchA: usize = 0, scratchB: usize = 0, scratchC: usize = 0, scratchD: usize = 0, est: usize = 0;
let mcX: usize = 0, mcH: usize = 0, mcW: usize = 0, mcQ: usize = 0, mcR: usize = 0, mcV: usize = 0, mcB: usize = 0;
// i32 state
let iHost: usize = 0, iAlive: usize = 0, iMoving: usize = 0, iInst: usize = 0, iHistStart: usize = 0, iHistLen: usize = 0;
let iEntryMig: usize = 0, iPrevMig: usize = 0, iNodes: usize = 0;
let hHead: usize = 0, hTail: usize = 0, hCount: usize = 0, hEntryActive: usize = 0, hPrevActive: usize = 0, classSeen: usize = 0;
let nItem: usize = 0, nHost: usize = 0, nPrev: usize = 0, nNext: usize = 0, nState: usize = 0, nOut: usize = 0;
let pItem: usize = 0, pHost: usize = 0;
let list: usize = 0, mapItem: usize = 0, mapHost: usize = 0, savedHost: usize = 0, savedItem: usize = 0;
let inHost: usize = 0, inItem: usize = 0, inState: usize = 0, mcItems: usize = 0;
// u8 state
let mcCandidate: usize = 0;
let hOut: usize = 0, hOutSize: i32 = 0, hOver: usize = 0, hExclUnder: usize = 0, hExclPlace: usize = 0, hCacheValid: usize = 0;
// run state
let freeNode: i32 = 0, pCount: i32 = 0, pHead: i32 = 0, mapCount: i32 = 0, findCall: i32 = 0, startedThisTick: i32 = 0;
let lastProcessTime: f64 = 0, energy: f64 = 0;
let migrations: i32 = 0, restarts: i32 = 0, removed: i32 = 0, failedPlacements: i32 = 0, status: i32 = 0;

@inline function quirk(flag: i32): bool { return (quirks & flag) != 0; }
@inline function T(slot: i32): f64 { return f64At(totals, slot); }
@inline function addT(slot: i32, v: f64): void { setF64(totals, slot, f64At(totals, slot) + v); }

function rngNext(): f64 {
  rngState = rngState + 0x6d2b79f5;
  let t: u32 = rngState;
  t = (t ^ (t >> 15)) * (t | 1);
  t ^= t + (t ^ (t >> 7)) * (t | 61);
  return <f64>(t ^ (t >> 14)) / 4294967296.0;
}

function layoutState(): void {
  const n = <usize>N, h = <usize>H, p = <usize>(N * SLOTS + 1), q = <usize>(2 * N + 1), hl = <usize>HL;
  const w = <usize>(max(HL, lrWindow) + 2);
  P = N * SLOTS + 1;
  let at = align8(arenaEnd);
  iReq = at; at += n * 8; iFrac = at; at += n * 8; iHistPrev = at; at += n * 8; iEntryTime = at; at += n * 8;
  iEntryAlloc = at; at += n * 8; iEntryReq = at; at += n * 8; iMigStart = at; at += n * 8; iTotAlloc = at; at += n * 8;
  iTotReq = at; at += n * 8; iUnderMig = at; at += n * 8; iShortSum = at; at += n * 8; iShortCount = at; at += n * 8;
  iMigMB = at; at += n * 8;
  iHist = at; at += n * 2 * hl * 8;
  hTotal = at; at += h * 8; hAvail = at; at += h * 8; hUtil = at; at += h * 8; hPrevUtil = at; at += h * 8;
  hRam = at; at += h * 8; hBw = at; at += h * 8; hEntryTime = at; at += h * 8; hEntryAlloc = at; at += h * 8;
  hEntryReq = at; at += h * 8; hSwitchOn = at; at += h * 8; hUsed = at; at += h * 8; hReqSum = at; at += h * 8;
  hEmptySince = at; at += h * 8;
  hHistSum = at; at += h * hl * 8;
  nReq = at; at += p * 8; nAlloc = at; at += p * 8; nRam = at; at += p * 8; nBw = at; at += p * 8;
  pTime = at; at += q * 8;
  hist = at; at += w * 8; scratchA = at; at += w * 8; scratchB = at; at += w * 8; scratchC = at; at += w * 8;
  scratchD = at; at += w * 8; est = at; at += 2 * 8;
  mcX = at; at += hl * hl * 8; mcH = at; at += hl * hl * 8; mcW = at; at += (hl * hl + 2 * hl) * 8;
  mcQ = at; at += (hl + 1) * hl * 8; mcR = at; at += (hl + 1) * 8; mcV = at; at += hl * 8; mcB = at; at += (hl + 1) * 8;
  iHost = at; at += n * 4; iAlive = at; at += n * 4; iMoving = at; at += n * 4; iInst = at; at += n * 4;
  iHistStart = at; at += n * 4; iHistLen = at; at += n * 4; iEntryMig = at; at += n * 4; iPrevMig = at; at += n * 4;
  iNodes = at; at += n * <usize>SLOTS * 4;
  hHead = at; at += h * 4; hTail = at; at += h * 4; hCount = at; at += h * 4; hEntryActive = at; at += h * 4;
  hPrevActive = at; at += h * 4; classSeen = at; at += (h + 1) * 4;
  nItem = at; at += p * 4; nHost = at; at += p * 4; nPrev = at; at += p * 4; nNext = at; at += p * 4;
  nState = at; at += p * 4; nOut = at; at += p * 4;
  pItem = at; at += q * 4; pHost = at; at += q * 4;
  list = at; at += (n + 1) * 4; mapItem = at; at += q * 4; mapHost = at; at += q * 4;
  savedHost = at; at += p * 4; savedItem = at; at += p * 4; inHost = at; at += p * 4; inItem = at; at += p * 4;
  inState = at; at += p * 4; mcItems = at; at += (n + 1) * 4;
  hOutSize = quirk(abi.QUIRK_STICKY_MIGRATING_OUT) ? H * N : 0;
  hOut = at; at += <usize>hOutSize;
  sReady = at; at += <usize>S * 4; sDesiredPos = at; at += <usize>S * 4;
  at = align8(at);
  sDesired = at; at += <usize>S * <usize>SCALE_HISTORY * 2 * 8;
  mcCandidate = at; at += hl; hOver = at; at += h; hExclUnder = at; at += h; hExclPlace = at; at += h; hCacheValid = at; at += h;
  ensureMemory(align8(at) + 8);
  memory.fill(align8(arenaEnd), 0, at - align8(arenaEnd));
}

function readParams(): void {
  interval = f64At(params, abi.P_INTERVAL);
  offset = f64At(params, abi.P_TICK_OFFSET);
  endTime = f64At(params, abi.P_END);
  traceInterval = f64At(params, abi.P_TRACE_INTERVAL);
  detectorParam = f64At(params, abi.P_DETECTOR_PARAM);
  fallbackThreshold = f64At(params, abi.P_FALLBACK_THRESHOLD);
  srcShare = f64At(params, abi.P_MIGRATION_SOURCE_SHARE);
  tgtShare = f64At(params, abi.P_MIGRATION_TARGET_SHARE);
  bootSeconds = f64At(params, abi.P_BOOT_SECONDS);
  shutdownSeconds = f64At(params, abi.P_SHUTDOWN_SECONDS);
  reoptPeriod = f64At(params, abi.P_REOPT_PERIOD);
  reoptBudget = f64At(params, abi.P_REOPT_BUDGET);
  lastReopt = -Infinity;
  scaleTarget = f64At(params, abi.P_SCALE_TARGET);
  scaleWindow = f64At(params, abi.P_SCALE_WINDOW);
  scaleTolerance = f64At(params, abi.P_SCALE_TOLERANCE);
  mode = i32At(iparams, abi.I_MODE);
  detector = i32At(iparams, abi.I_DETECTOR);
  selector = i32At(iparams, abi.I_SELECTOR);
  placement = i32At(iparams, abi.I_PLACEMENT);
  quirks = i32At(iparams, abi.I_QUIRKS);
  HL = max(1, i32At(iparams, abi.I_HISTORY));
  lrWindow = max(2, i32At(iparams, abi.I_LR_WINDOW));
  minHistory = i32At(iparams, abi.I_MIN_HISTORY);
  rngState = <u32>i32At(iparams, abi.I_SEED);
}

function initState(): void {
  for (let i = 0; i < N; i++) {
    setI32(iHost, i, -1);
    setF64(iEntryTime, i, -1);
    setF64(iMigMB, i, f64At(itemMigrationMB, i));
    for (let k = 0; k < SLOTS; k++) setI32(iNodes, i * SLOTS + k, -1);
  }
  for (let h = 0; h < H; h++) {
    setI32(hHead, h, -1); setI32(hTail, h, -1);
    setF64(hEntryTime, h, -1);
    setI32(hPrevActive, h, 1);
    const total = <f64>i32At(hostPes, h) * f64At(hostPeMips, h);
    setF64(hTotal, h, total);
    setF64(hAvail, h, total);
    setF64(hEmptySince, h, -Infinity);
    setI32(classSeen, h, -1);
  }
  setI32(classSeen, H, -1);
  for (let k = 0; k < P - 1; k++) setI32(nNext, k, k + 1);
  setI32(nNext, P - 1, -1);
  freeNode = 0; pCount = 0; pHead = 0; mapCount = 0; findCall = 0; startedThisTick = 0;
  lastProcessTime = 0; energy = 0; migrations = 0; restarts = 0; removed = 0; failedPlacements = 0; status = abi.SIM_OK;
  scaleEvents = 0;
  for (let k = 0; k < S * SCALE_HISTORY * 2; k++) setF64(sDesired, k, -1);
  for (let k = 0; k < abi.TOTAL_SLOTS; k++) setF64(totals, k, 0);
  for (let k = 0; k < STEPS * abi.SERIES_COLS; k++) setF64(series, k, 0);
}

// ── Demand ───────────────────────────────────────────────────────────────────────────────────────────

function traceAt(row: i32, t: f64): f64 {
  const ti = traceInterval, cols = C, base = row * cols;
  const q = floor(t / ti);
  if (q * ti == t) return f64At(traces, base + min(cols - 1, <i32>q));
  const t1 = <i32>floor(t / ti);
  const t2 = <i32>ceil(t / ti);
  if (t2 > cols - 1) return f64At(traces, base + cols - 1);
  const u1 = f64At(traces, base + t1);
  const u2 = f64At(traces, base + t2);
  const delta = (u2 - u1) / (<f64>(t2 - t1) * ti);
  return u1 + delta * (t - <f64>t1 * ti);
}

@inline function requested(i: i32): f64 {
  return i32At(iInst, i) != 0 ? f64At(itemMips, i) : f64At(iReq, i);
}

@inline function memoryRequest(i: i32): f64 {
  return i32At(iInst, i) != 0 || !quirk(abi.QUIRK_MEMORY_AT_CREATION_ONLY) ? f64At(itemMemory, i) : 0;
}

@inline function bwRequest(i: i32): f64 {
  return i32At(iInst, i) != 0 || !quirk(abi.QUIRK_MEMORY_AT_CREATION_ONLY) ? f64At(itemBw, i) : 0;
}

// Each ring is stored twice in a row ([2·HL] per item), so the HL values from the newest on are contiguous:
// reading history j needs no modulo (this is read far more often than written).
@inline function histAt(i: i32, j: i32): f64 {
  return f64At(iHist, i * 2 * HL + i32At(iHistStart, i) + j);
}

function updateItem(i: i32, t: f64, tick: bool): void {
  let frac = f64At(itemBaseFrac, i) + traceAt(i32At(itemTrace, i), t) * f64At(itemScaleFrac, i);
  const s = i32At(itemService, i);
  if (scaleTarget > 0 && s >= 0) {
    frac = f64At(itemBaseFrac, i) + traceAt(i32At(itemTrace, i), t) * f64At(itemScaleFrac, i) * (f64At(svcBase, s) / <f64>max(1, i32At(sReady, s)));
  }
  setF64(iFrac, i, frac);
  setF64(iReq, i, frac * f64At(itemMips, i));
  const memRow = i32At(itemMemoryTrace, i);
  if (memRow >= 0) setF64(iMigMB, i, f64At(itemMigrationMB, i) * traceAt(memRow, t));
  if (tick && t > f64At(iHistPrev, i)) {
    const s = (i32At(iHistStart, i) + HL - 1) % HL;
    setI32(iHistStart, i, s);
    setF64(iHist, i * 2 * HL + s, frac);
    setF64(iHist, i * 2 * HL + s + HL, frac);
    if (i32At(iHistLen, i) < HL) setI32(iHistLen, i, i32At(iHistLen, i) + 1);
    setF64(iHistPrev, i, t);
  }
}

// ── Host lists ───────────────────────────────────────────────────────────────────────────────────────

function nodeOf(i: i32, h: i32, state: i32): i32 {
  for (let k = 0; k < SLOTS; k++) {
    const nd = i32At(iNodes, i * SLOTS + k);
    if (nd >= 0 && i32At(nHost, nd) == h && (state < 0 || i32At(nState, nd) == state)) return nd;
  }
  return -1;
}

function appendNode(h: i32, i: i32, state: i32): i32 {
  const nd = freeNode;
  if (nd < 0) { status = abi.SIM_ERR_NODE_POOL; return -1; }
  let slot = -1;
  for (let k = 0; k < SLOTS; k++) if (i32At(iNodes, i * SLOTS + k) < 0) { slot = k; break; }
  if (slot < 0) { status = abi.SIM_ERR_NODE_POOL; return -1; }
  freeNode = i32At(nNext, nd);
  setI32(iNodes, i * SLOTS + slot, nd);
  setI32(nItem, nd, i); setI32(nHost, nd, h); setI32(nState, nd, state); setI32(nOut, nd, 0);
  setF64(nReq, nd, 0); setF64(nAlloc, nd, 0); setF64(nRam, nd, 0); setF64(nBw, nd, 0);
  setI32(nNext, nd, -1); setI32(nPrev, nd, i32At(hTail, h));
  if (i32At(hTail, h) >= 0) setI32(nNext, i32At(hTail, h), nd); else setI32(hHead, h, nd);
  setI32(hTail, h, nd);
  setI32(hCount, h, i32At(hCount, h) + 1);
  setU8(hCacheValid, h, 0);
  return nd;
}

function removeNode(nd: i32): void {
  const h = i32At(nHost, nd), i = i32At(nItem, nd);
  const prev = i32At(nPrev, nd), next = i32At(nNext, nd);
  if (prev >= 0) setI32(nNext, prev, next); else setI32(hHead, h, next);
  if (next >= 0) setI32(nPrev, next, prev); else setI32(hTail, h, prev);
  setI32(hCount, h, i32At(hCount, h) - 1);
  setU8(hCacheValid, h, 0);
  setF64(hRam, h, f64At(hRam, h) - f64At(nRam, nd));
  setF64(hBw, h, f64At(hBw, h) - f64At(nBw, nd));
  for (let k = 0; k < SLOTS; k++) if (i32At(iNodes, i * SLOTS + k) == nd) setI32(iNodes, i * SLOTS + k, -1);
  setI32(nNext, nd, freeNode);
  freeNode = nd;
}

function allocateFor(nd: i32): void {
  const i = i32At(nItem, nd), h = i32At(nHost, nd);
  setF64(nReq, nd, requested(i));
  const moving = i32At(iMoving, i) != 0;
  if (hOutSize > 0) {
    const bit = h * N + i;
    if (moving) { if (i32At(nState, nd) == NODE_RESIDENT && u8At(hOut, bit) == 0) setU8(hOut, bit, 1); } else setU8(hOut, bit, 0);
    setI32(nOut, nd, u8At(hOut, bit));
  } else {
    setI32(nOut, nd, moving && i32At(nState, nd) == NODE_RESIDENT ? 1 : 0);
  }
}

function computeAlloc(h: i32): void {
  const peMips = f64At(hostPeMips, h), total = f64At(hTotal, h);
  let avail = total;
  let over = false;
  for (let nd = i32At(hHead, h); nd >= 0; nd = i32At(nNext, nd)) {
    const i = i32At(nItem, nd), pes = i32At(itemPes, i);
    const per = f64At(nReq, nd) / <f64>pes;
    const cap = per > peMips ? peMips : per;
    let tot: f64 = 0;
    for (let k = 0; k < pes; k++) tot += cap;
    if (i32At(nState, nd) == NODE_MIGRATING_IN) tot *= tgtShare;
    if (!over && avail >= tot) {
      let sum: f64 = 0;
      for (let k = 0; k < pes; k++) {
        let v = cap;
        if (i32At(nOut, nd) != 0) v *= srcShare;
        else if (i32At(nState, nd) == NODE_MIGRATING_IN) v *= tgtShare;
        sum += v;
      }
      setF64(nAlloc, nd, sum);
      avail -= tot;
    } else {
      over = true;
    }
  }
  if (over) {
    let required: f64 = 0;
    for (let nd = i32At(hHead, h); nd >= 0; nd = i32At(nNext, nd)) {
      const i = i32At(nItem, nd), pes = i32At(itemPes, i);
      const per = f64At(nReq, nd) / <f64>pes;
      const cap = per > peMips ? peMips : per;
      let r: f64 = 0;
      for (let k = 0; k < pes; k++) r += cap;
      if (i32At(nState, nd) == NODE_MIGRATING_IN) r *= tgtShare;
      required += r;
    }
    const sf = total / required;
    for (let nd = i32At(hHead, h); nd >= 0; nd = i32At(nNext, nd)) {
      const i = i32At(nItem, nd), pes = i32At(itemPes, i);
      const per = f64At(nReq, nd) / <f64>pes;
      const cap = per > peMips ? peMips : per;
      let sum: f64 = 0;
      for (let k = 0; k < pes; k++) {
        let m = cap;
        if (i32At(nOut, nd) != 0) { m *= sf; m *= srcShare; } else if (i32At(nState, nd) == NODE_MIGRATING_IN) { m *= tgtShare; m *= sf; } else m *= sf;
        sum += floor(m);
      }
      setF64(nAlloc, nd, sum);
    }
    avail = 0;
  }
  setF64(hAvail, h, avail);
  let used: f64 = 0;
  for (let nd = i32At(hHead, h); nd >= 0; nd = i32At(nNext, nd)) {
    if (i32At(nState, nd) == NODE_MIGRATING_IN) used += f64At(nAlloc, nd) * (1 - tgtShare) / tgtShare;
    used += f64At(nAlloc, nd);
  }
  setF64(hUsed, h, used);
}

function vmCreate(h: i32, i: i32): bool {
  const ram = memoryRequest(i), bw = bwRequest(i);
  if (f64At(hostMemory, h) - f64At(hRam, h) < ram || f64At(hostBw, h) - f64At(hBw, h) < bw) return false;
  const nd = appendNode(h, i, NODE_RESIDENT);
  if (nd < 0) return false;
  setF64(nRam, nd, ram); setF64(nBw, nd, bw);
  setF64(hRam, h, f64At(hRam, h) + ram); setF64(hBw, h, f64At(hBw, h) + bw);
  allocateFor(nd);
  computeAlloc(h);
  return true;
}

function vmDestroy(h: i32, i: i32): void {
  const nd = nodeOf(i, h, -1);
  if (nd < 0) return;
  removeNode(nd);
  computeAlloc(h);
}

function allocateHostForVm(i: i32, h: i32): bool {
  if (h < 0 || !vmCreate(h, i)) return false;
  setI32(iHost, i, h);
  return true;
}

function deallocateHostForVm(i: i32): void {
  const h = i32At(iHost, i);
  setI32(iHost, i, -1);
  if (h >= 0) vmDestroy(h, i);
}

// ── Updates, energy, metrics ─────────────────────────────────────────────────────────────────────────

function updateHost(h: i32, t: f64, tick: bool): void {
  for (let nd = i32At(hHead, h); nd >= 0; nd = i32At(nNext, nd)) updateItem(i32At(nItem, nd), t, tick);
  setU8(hCacheValid, h, 0);
  setF64(hPrevUtil, h, f64At(hUtil, h));
  for (let nd = i32At(hHead, h); nd >= 0; nd = i32At(nNext, nd)) allocateFor(nd);
  computeAlloc(h);
  let util: f64 = 0, req: f64 = 0;
  for (let nd = i32At(hHead, h); nd >= 0; nd = i32At(nNext, nd)) {
    const i = i32At(nItem, nd);
    const reqTotal = requested(i);
    let alloc = f64At(nAlloc, nd);
    const state = i32At(nState, nd);
    if (state == NODE_STARTING) {
      itemEntry(i, t, 0, reqTotal, 1);
    } else if (state == NODE_BOOTING) {
      alloc = f64At(nAlloc, nd);
    } else if (state == NODE_RESIDENT) {
      itemEntry(i, t, alloc, reqTotal, i32At(iMoving, i));
      if (i32At(iMoving, i) != 0) alloc /= srcShare;
    }
    util += alloc;
    req += reqTotal;
  }
  setF64(hUtil, h, util);
  hostEntry(h, t, util, req, util > 0 ? 1 : 0);
}

function hostEntry(h: i32, t: f64, alloc: f64, req: f64, active: i32): void {
  const t0 = f64At(hEntryTime, h);
  if (t0 == t) { setF64(hEntryAlloc, h, alloc); setF64(hEntryReq, h, req); setI32(hEntryActive, h, active); return; }
  if (t0 >= 0) {
    if (i32At(hEntryActive, h) != 0) {
      const dt = t - t0;
      addT(abi.T_ACTIVE_TIME, dt);
      if (f64At(hEntryAlloc, h) < f64At(hEntryReq, h)) addT(abi.T_VIOLATION_TIME, dt);
    }
    hostTransition(h);
  }
  setF64(hEntryTime, h, t); setF64(hEntryAlloc, h, alloc); setF64(hEntryReq, h, req); setI32(hEntryActive, h, active);
}

function hostTransition(h: i32): void {
  const act = i32At(hEntryActive, h), t = f64At(hEntryTime, h);
  if (i32At(hPrevActive, h) != 0 && act == 0) {
    addT(abi.T_SHUTDOWNS, 1);
    addT(abi.T_ACTIVE_PERIOD_SUM, t - f64At(hSwitchOn, h));
  }
  if (i32At(hPrevActive, h) == 0 && act != 0) setF64(hSwitchOn, h, t);
  setI32(hPrevActive, h, act);
}

function itemEntry(i: i32, t: f64, alloc: f64, req: f64, mig: i32): void {
  const t0 = f64At(iEntryTime, i);
  if (t0 == t) { setF64(iEntryAlloc, i, alloc); setF64(iEntryReq, i, req); setI32(iEntryMig, i, mig); return; }
  if (t0 >= 0) {
    const dt = t - t0, a0 = f64At(iEntryAlloc, i), r0 = f64At(iEntryReq, i);
    setF64(iTotAlloc, i, f64At(iTotAlloc, i) + a0 * dt);
    setF64(iTotReq, i, f64At(iTotReq, i) + r0 * dt);
    if (a0 < r0) {
      setF64(iShortSum, i, f64At(iShortSum, i) + (r0 - a0) / r0);
      setF64(iShortCount, i, f64At(iShortCount, i) + 1);
      if (i32At(iEntryMig, i) != 0) setF64(iUnderMig, i, f64At(iUnderMig, i) + (r0 - a0) * dt);
    }
    if (i32At(iEntryMig, i) != 0 && i32At(itemKind, i) == abi.KIND_CONTAINER) addT(abi.T_UNAVAILABLE, dt);
    itemTransition(i);
  }
  setF64(iEntryTime, i, t); setF64(iEntryAlloc, i, alloc); setF64(iEntryReq, i, req); setI32(iEntryMig, i, mig);
}

function itemTransition(i: i32): void {
  const mig = i32At(iEntryMig, i), t = f64At(iEntryTime, i);
  if (i32At(iPrevMig, i) != 0 && mig == 0) {
    addT(abi.T_MOVE_DURATION_SUM, t - f64At(iMigStart, i));
    addT(abi.T_MOVE_DURATION_COUNT, 1);
  }
  if (i32At(iPrevMig, i) == 0 && mig != 0) setF64(iMigStart, i, t);
  setI32(iPrevMig, i, mig);
}

function updateAll(t: f64, tick: bool): void {
  const dt = t - lastProcessTime;
  if (mode == abi.MODE_NPA && dt > 0) {
    let frame: f64 = 0;
    for (let h = 0; h < H; h++) frame += powerAt(i32At(hostModel, h), 1) * dt;
    energy += frame;
  }
  countReady();
  for (let h = 0; h < H; h++) {
    if (i32At(hCount, h) == 0 && f64At(hUtil, h) == 0 && f64At(hPrevUtil, h) == 0 && i32At(hEntryActive, h) == 0
      && f64At(hEntryTime, h) >= 0 && f64At(hRam, h) == 0 && f64At(hBw, h) == 0) continue;
    updateHost(h, t, tick);
  }
  memory.fill(hCacheValid, 0, <usize>H);
  if (mode != abi.MODE_NPA && dt > 0) {
    const idle = quirk(abi.QUIRK_IDLE_DRAWS_NOTHING);
    let frame: f64 = 0;
    for (let h = 0; h < H; h++) {
      const from = clampUtilisation(f64At(hPrevUtil, h), f64At(hTotal, h));
      const to = clampUtilisation(f64At(hUtil, h), f64At(hTotal, h));
      if (from == 0 && i32At(hCount, h) == 0 && to == 0 && shutdownSeconds > 0) {
        const since = f64At(hEmptySince, h);
        const overlap = min<f64>(t, since + shutdownSeconds) - max<f64>(t - dt, since);
        if (overlap > 0) frame += powerAt(i32At(hostModel, h), 0) * overlap;
        continue;
      }
      if (!idle && from == 0 && i32At(hCount, h) == 0 && to == 0) continue;
      frame += intervalEnergy(i32At(hostModel, h), from, to, dt, idle);
    }
    energy += frame;
  }
  if (shutdownSeconds > 0) {
    for (let h = 0; h < H; h++) {
      if (i32At(hCount, h) != 0 || f64At(hUtil, h) != 0) setF64(hEmptySince, h, NaN);
      else if (isNaN(f64At(hEmptySince, h))) setF64(hEmptySince, h, t);
    }
  }
  removeFinished(t);
  lastProcessTime = t;
}

function removeFinished(t: f64): void {
  const vanish = quirk(abi.QUIRK_VANISH_AT_ZERO);
  for (let h = 0; h < H; h++) {
    let count = 0;
    for (let nd = i32At(hHead, h); nd >= 0; nd = i32At(nNext, nd)) {
      const i = i32At(nItem, nd);
      if (i32At(iMoving, i) != 0) continue;
      if ((vanish && requested(i) == 0) || f64At(itemDepart, i) <= t) setI32(list, count++, i);
    }
    for (let k = 0; k < count; k++) {
      const i = i32At(list, k);
      deallocateHostForVm(i);
      setI32(iAlive, i, 2);
      removed++;
    }
  }
}

// ── Overload detection ───────────────────────────────────────────────────────────────────────────────

function requestedSum(h: i32, extra: i32): f64 {
  if ((u8At(hCacheValid, h) & 1) == 0) {
    let sum: f64 = 0;
    for (let nd = i32At(hHead, h); nd >= 0; nd = i32At(nNext, nd)) sum += requested(i32At(nItem, nd));
    setF64(hReqSum, h, sum);
    setU8(hCacheValid, h, u8At(hCacheValid, h) | 1);
  }
  let sum = f64At(hReqSum, h);
  if (extra >= 0) sum += requested(extra);
  return sum;
}

function hostHistory(h: i32, extra: i32): i32 {
  const total = f64At(hTotal, h), base = h * HL;
  if ((u8At(hCacheValid, h) & 2) == 0) {
    for (let j = 0; j < HL; j++) setF64(hist, j, 0);
    for (let nd = i32At(hHead, h); nd >= 0; nd = i32At(nNext, nd)) {
      const i = i32At(nItem, nd);
      const len = i32At(iHistLen, i), mips = f64At(itemMips, i);
      for (let j = 0; j < len; j++) setF64(hist, j, f64At(hist, j) + histAt(i, j) * mips / total);
    }
    for (let j = 0; j < HL; j++) setF64(hHistSum, base + j, f64At(hist, j));
    setU8(hCacheValid, h, u8At(hCacheValid, h) | 2);
  } else {
    for (let j = 0; j < HL; j++) setF64(hist, j, f64At(hHistSum, base + j));
  }
  if (extra >= 0) {
    const len = i32At(iHistLen, extra), mips = f64At(itemMips, extra);
    for (let j = 0; j < len; j++) setF64(hist, j, f64At(hist, j) + histAt(extra, j) * mips / total);
  }
  let n = HL - 1;
  while (n >= 0) { if (f64At(hist, n--) != 0) break; }
  return n + 2;
}

@inline function thresholdOverloaded(h: i32, extra: i32, threshold: f64): bool {
  return requestedSum(h, extra) / f64At(hTotal, h) > threshold;
}

function overloaded(h: i32, extra: i32): bool {
  const s = detectorParam;
  if (detector == abi.DETECTOR_THR) return thresholdOverloaded(h, extra, s);
  if (detector == abi.DETECTOR_IQR || detector == abi.DETECTOR_MAD) {
    const n = hostHistory(h, extra);
    if (n < minHistory || n <= 0) return thresholdOverloaded(h, extra, fallbackThreshold);
    const spread = detector == abi.DETECTOR_IQR ? iqr(hist, n) : mad(hist, scratchA, n);
    const upper = 1 - s * spread;
    return requestedSum(h, extra) / f64At(hTotal, h) > upper;
  }
  const n = hostHistory(h, extra), w = lrWindow;
  if (n < w) return thresholdOverloaded(h, extra, fallbackThreshold);
  for (let k = 0; k < w; k++) setF64(scratchA, k, f64At(hist, w - k - 1));
  if (quirk(abi.QUIRK_LR_UNWEIGHTED)) simpleRegression(scratchA, w, est);
  else loess(scratchA, w, detector == abi.DETECTOR_LRR, scratchB, scratchC, scratchD, hist, est);
  let maxMB: f64 = -MAX_VALUE;
  for (let nd = i32At(hHead, h); nd >= 0; nd = i32At(nNext, nd)) {
    const mb = f64At(iMigMB, i32At(nItem, nd));
    if (mb > maxMB) maxMB = mb;
  }
  if (extra >= 0 && f64At(iMigMB, extra) > maxMB) maxMB = f64At(iMigMB, extra);
  const intervals = ceil(maxMB / f64At(hostMigrationRate, h) / interval);
  let predicted = f64At(est, 0) + f64At(est, 1) * (<f64>w + intervals);
  predicted *= s;
  return predicted >= 1;
}

// ── Selection ────────────────────────────────────────────────────────────────────────────────────────

@inline function moveCost(i: i32): f64 {
  return i32At(itemKind, i) == abi.KIND_CONTAINER ? f64At(itemStartSeconds, i) : f64At(iMigMB, i);
}

function selectMmt(h: i32): i32 {
  let best = -1;
  let minM = MAX_VALUE;
  for (let nd = i32At(hHead, h); nd >= 0; nd = i32At(nNext, nd)) {
    const i = i32At(nItem, nd);
    if (i32At(iMoving, i) != 0) continue;
    const metric = moveCost(i);
    if (metric < minM) { minM = metric; best = i; }
  }
  return best;
}

function selectMc(h: i32): i32 {
  let n = 0, m = 0x7fffffff;
  for (let nd = i32At(hHead, h); nd >= 0; nd = i32At(nNext, nd)) {
    const i = i32At(nItem, nd);
    if (i32At(iMoving, i) != 0) continue;
    setI32(mcItems, n++, i);
    if (i32At(iHistLen, i) < m) m = i32At(iHistLen, i);
  }
  if (n == 0) return -1;
  for (let r = 0; r < n; r++) if (i32At(iHistLen, i32At(mcItems, r)) > m) return selectMmt(h);
  const k = n - 1;
  if (k < 1 || m < 1 || k + 1 > m) return selectMmt(h);
  for (let c = 0; c < n; c++) {
    const item = i32At(mcItems, c);
    for (let row = 0; row < m; row++) setF64(mcH, c * m + row, histAt(item, row));
  }
  const best = maxCorrelationIndex(mcH, n, m, mcW, mcCandidate, mcX, mcQ, mcR, mcV, mcB);
  return best < 0 ? selectMmt(h) : i32At(mcItems, best);
}

function select(h: i32): i32 {
  if (selector == abi.SELECT_MC) return selectMc(h);
  if (selector == abi.SELECT_MU) {
    let best = -1;
    let minM = MAX_VALUE;
    for (let nd = i32At(hHead, h); nd >= 0; nd = i32At(nNext, nd)) {
      const i = i32At(nItem, nd);
      if (i32At(iMoving, i) != 0) continue;
      const mips = f64At(itemMips, i);
      const metric = f64At(iFrac, i) * mips / mips;
      if (metric < minM) { minM = metric; best = i; }
    }
    return best;
  }
  if (selector == abi.SELECT_RS) {
    let count = 0;
    for (let nd = i32At(hHead, h); nd >= 0; nd = i32At(nNext, nd)) if (i32At(iMoving, i32At(nItem, nd)) == 0) count++;
    if (count == 0) return -1;
    let pick = <i32>floor(rngNext() * <f64>count);
    for (let nd = i32At(hHead, h); nd >= 0; nd = i32At(nNext, nd)) {
      const i = i32At(nItem, nd);
      if (i32At(iMoving, i) != 0) continue;
      if (pick-- == 0) return i;
    }
    return -1;
  }
  return selectMmt(h);
}

// ── Placement ────────────────────────────────────────────────────────────────────────────────────────

function isSuitable(h: i32, i: i32): bool {
  const req = requested(i);
  return f64At(hostPeMips, h) >= req / <f64>i32At(itemPes, i) && f64At(hAvail, h) >= req
    && f64At(hostMemory, h) - f64At(hRam, h) >= memoryRequest(i) && f64At(hostBw, h) - f64At(hBw, h) >= bwRequest(i);
}

/** exclude = 0 for none, else a u8 flag region. */
function findHost(i: i32, exclude: usize): i32 {
  let minPower = MAX_VALUE;
  let best = -1;
  const req = requested(i);
  // isSuitable's item side, computed once instead of once per host (same values, so the same answers).
  const perPe = req / <f64>i32At(itemPes, i), ram = memoryRequest(i), bw = bwRequest(i);
  const call = ++findCall;
  for (let h = 0; h < H; h++) {
    if (exclude != 0 && u8At(exclude, h) != 0) continue;
    const empty = i32At(hCount, h) == 0 && f64At(hUtil, h) == 0 && f64At(hRam, h) == 0 && f64At(hBw, h) == 0;
    const cls = i32At(hostClass, h);
    if (empty && cls >= 0 && cls <= H) {
      if (i32At(classSeen, cls) == call) continue;
      setI32(classSeen, cls, call);
    }
    if (!(f64At(hostPeMips, h) >= perPe && f64At(hAvail, h) >= req
      && f64At(hostMemory, h) - f64At(hRam, h) >= ram && f64At(hostBw, h) - f64At(hBw, h) >= bw)) continue;
    const used = f64At(hUsed, h);
    const total = f64At(hTotal, h);
    const after = (used + req) / total;
    const now = clampUtilisation(f64At(hUtil, h), total);
    if (after > 1 || now > 1) continue;
    const model = i32At(hostModel, h);
    const diff = powerAt(model, after) - powerAt(model, now);
    if (!(diff < minPower)) continue;
    if (used != 0 && overloaded(h, i)) continue;
    minPower = diff; best = h;
  }
  return best;
}

function firstFit(i: i32): i32 {
  for (let h = 0; h < H; h++) if (isSuitable(h, i)) return h;
  return -1;
}

function sortByDemand(n: i32): void {
  for (let k = 1; k < n; k++) {
    const v = i32At(list, k);
    const key = f64At(iFrac, v) * f64At(itemMips, v);
    let j = k - 1;
    while (j >= 0) {
      const o = i32At(list, j);
      if (!(f64At(iFrac, o) * f64At(itemMips, o) < key)) break;
      setI32(list, j + 1, o);
      j--;
    }
    setI32(list, j + 1, v);
  }
}

function placeAll(n: i32, exclude: usize, allOrNothing: bool): bool {
  sortByDemand(n);
  const start = mapCount;
  for (let k = 0; k < n; k++) {
    const i = i32At(list, k);
    const h = findHost(i, exclude);
    if (h >= 0) {
      vmCreate(h, i);
      setI32(mapItem, mapCount, i);
      setI32(mapHost, mapCount, h);
      mapCount++;
    } else if (allOrNothing) {
      for (let q = start; q < mapCount; q++) vmDestroy(i32At(mapHost, q), i32At(mapItem, q));
      mapCount = start;
      return false;
    }
  }
  return true;
}

// ── Consolidation ────────────────────────────────────────────────────────────────────────────────────

function allMovingOutOrAnyMovingIn(h: i32): bool {
  for (let nd = i32At(hHead, h); nd >= 0; nd = i32At(nNext, nd)) {
    if (i32At(iMoving, i32At(nItem, nd)) == 0) return false;
    if (i32At(nState, nd) != NODE_RESIDENT) return true;
  }
  return true;
}

function optimize(t: f64): i32 {
  let overCount = 0;
  for (let h = 0; h < H; h++) {
    const o = overloaded(h, -1);
    setU8(hOver, h, o ? 1 : 0);
    if (o) overCount++;
  }
  let saved = 0, ins = 0;
  for (let h = 0; h < H; h++) {
    for (let nd = i32At(hHead, h); nd >= 0; nd = i32At(nNext, nd)) {
      if (i32At(nState, nd) != NODE_RESIDENT) {
        setI32(inHost, ins, h); setI32(inItem, ins, i32At(nItem, nd)); setI32(inState, ins, i32At(nState, nd)); ins++;
        continue;
      }
      setI32(savedHost, saved, h); setI32(savedItem, saved, i32At(nItem, nd)); saved++;
    }
  }
  let n = 0;
  for (let h = 0; h < H; h++) {
    if (u8At(hOver, h) == 0) continue;
    for (;;) {
      const i = select(h);
      if (i < 0) break;
      setI32(list, n++, i);
      vmDestroy(h, i);
      if (!overloaded(h, -1)) break;
    }
  }
  mapCount = 0;
  placeAll(n, hOver, false);
  const overMapped = mapCount;
  let excluded = 0;
  for (let h = 0; h < H; h++) {
    const off = clampUtilisation(f64At(hUtil, h), f64At(hTotal, h)) == 0;
    const x = u8At(hOver, h) != 0 || off ? 1 : 0;
    setU8(hExclUnder, h, x); setU8(hExclPlace, h, x);
    excluded += x;
  }
  if (!quirk(abi.QUIRK_UNDERLOAD_KEEPS_TARGETS)) {
    for (let q = 0; q < overMapped; q++) {
      const h = i32At(mapHost, q);
      if (u8At(hExclUnder, h) == 0) { setU8(hExclUnder, h, 1); excluded++; }
    }
  }
  const consolidate = reoptPeriod <= 0 || t - lastReopt >= reoptPeriod;
  if (consolidate) lastReopt = t;
  while (consolidate && excluded < H) {
    let under = -1;
    let minU: f64 = 1;
    for (let h = 0; h < H; h++) {
      if (u8At(hExclUnder, h) != 0) continue;
      const u = clampUtilisation(f64At(hUtil, h), f64At(hTotal, h));
      if (u > 0 && u < minU && !allMovingOutOrAnyMovingIn(h)) { minU = u; under = h; }
    }
    if (under < 0) break;
    setU8(hExclUnder, under, 1); excluded++;
    setU8(hExclPlace, under, 1);
    let count = 0;
    for (let nd = i32At(hHead, under); nd >= 0; nd = i32At(nNext, nd)) {
      const i = i32At(nItem, nd);
      if (i32At(iMoving, i) == 0) setI32(list, count++, i);
    }
    if (count == 0) continue;
    if (reoptBudget > 0 && <f64>(mapCount - overMapped + count) > reoptBudget) continue;
    const start = mapCount;
    if (placeAll(count, hExclPlace, true)) {
      for (let q = start; q < mapCount; q++) {
        const h = i32At(mapHost, q);
        if (u8At(hExclUnder, h) == 0) { setU8(hExclUnder, h, 1); excluded++; }
      }
    }
  }
  restore(saved, ins);
  let started = 0;
  for (let q = 0; q < mapCount; q++) {
    startMove(i32At(mapItem, q), i32At(mapHost, q), t);
    started++;
  }
  startedThisTick = started;
  return overCount;
}

function restore(saved: i32, ins: i32): void {
  for (let h = 0; h < H; h++) {
    while (i32At(hHead, h) >= 0) removeNode(i32At(hHead, h));
    setF64(hRam, h, 0); setF64(hBw, h, 0);
  }
  for (let k = 0; k < ins; k++) {
    const h = i32At(inHost, k), i = i32At(inItem, k);
    const nd = appendNode(h, i, i32At(inState, k));
    if (nd < 0) return;
    const ram = memoryRequest(i), bw = bwRequest(i);
    setF64(nRam, nd, ram); setF64(nBw, nd, bw); setF64(hRam, h, f64At(hRam, h) + ram); setF64(hBw, h, f64At(hBw, h) + bw);
    allocateFor(nd);
  }
  for (let k = 0; k < saved; k++) {
    const h = i32At(savedHost, k), i = i32At(savedItem, k);
    const nd = appendNode(h, i, NODE_RESIDENT);
    if (nd < 0) return;
    const ram = memoryRequest(i), bw = bwRequest(i);
    setF64(nRam, nd, ram); setF64(nBw, nd, bw); setF64(hRam, h, f64At(hRam, h) + ram); setF64(hBw, h, f64At(hBw, h) + bw);
    allocateFor(nd);
    setI32(iHost, i, h);
  }
  for (let h = 0; h < H; h++) computeAlloc(h);
}

// ── Moves ────────────────────────────────────────────────────────────────────────────────────────────

function startMove(i: i32, target: i32, t: f64): void {
  setI32(iMoving, i, 1);
  const off = i32At(hCount, target) == 0 && f64At(hUtil, target) == 0 && !(t < f64At(hEmptySince, target) + shutdownSeconds);
  const boot: f64 = off ? bootSeconds : 0;
  let duration: f64;
  if (i32At(itemKind, i) == abi.KIND_CONTAINER) {
    const src = i32At(iHost, i);
    if (src >= 0) { setI32(iHost, i, -1); vmDestroy(src, i); updateHost(src, t, false); }
    const nd = appendNode(target, i, NODE_STARTING);
    if (nd >= 0) {
      const ram = memoryRequest(i), bw = bwRequest(i);
      setF64(nRam, nd, ram); setF64(nBw, nd, bw);
      setF64(hRam, target, f64At(hRam, target) + ram); setF64(hBw, target, f64At(hBw, target) + bw);
      allocateFor(nd);
      computeAlloc(target);
    }
    setI32(iHost, i, target);
    updateHost(target, t, false);
    restarts++;
    duration = f64At(itemStartSeconds, i);
  } else {
    if (nodeOf(i, target, NODE_MIGRATING_IN) < 0) {
      const nd = appendNode(target, i, NODE_MIGRATING_IN);
      if (nd >= 0) {
        const ram = memoryRequest(i), bw = bwRequest(i);
        setF64(nRam, nd, ram); setF64(nBw, nd, bw);
        setF64(hRam, target, f64At(hRam, target) + ram); setF64(hBw, target, f64At(hBw, target) + bw);
        allocateFor(nd);
        computeAlloc(target);
      }
      updateHost(target, t, false);
      if (i32At(iHost, i) >= 0) updateHost(i32At(iHost, i), t, false);
    }
    duration = f64At(iMigMB, i) / f64At(hostMigrationRate, target);
  }
  migrations++;
  schedule(i, target, t + (boot + duration));
}

function schedule(i: i32, h: i32, time: f64): void {
  const capacity = 2 * N + 1;
  if (pHead == pCount) { pHead = 0; pCount = 0; }
  if (pCount >= capacity) {
    const live = pCount - pHead;
    memory.copy(pItem, pItem + (<usize>pHead << 2), <usize>live << 2);
    memory.copy(pHost, pHost + (<usize>pHead << 2), <usize>live << 2);
    memory.copy(pTime, pTime + (<usize>pHead << 3), <usize>live << 3);
    pHead = 0; pCount = live;
  }
  let k = pCount;
  while (k > pHead && f64At(pTime, k - 1) > time) {
    setI32(pItem, k, i32At(pItem, k - 1)); setI32(pHost, k, i32At(pHost, k - 1)); setF64(pTime, k, f64At(pTime, k - 1));
    k--;
  }
  setI32(pItem, k, i); setI32(pHost, k, h); setF64(pTime, k, time);
  pCount++;
}

function completeMove(i: i32, target: i32): void {
  const booting = nodeOf(i, target, NODE_BOOTING);
  if (booting >= 0) {
    setI32(nState, booting, NODE_RESIDENT); setI32(iMoving, i, 0); setI32(iInst, i, 0);
    allocateFor(booting); computeAlloc(target);
    return;
  }
  if (i32At(itemKind, i) == abi.KIND_CONTAINER) {
    const nd = nodeOf(i, target, NODE_STARTING);
    if (nd >= 0) { setI32(nState, nd, NODE_RESIDENT); setI32(iMoving, i, 0); allocateFor(nd); computeAlloc(target); }
    else setI32(iMoving, i, 0);
    return;
  }
  deallocateHostForVm(i);
  const nd = nodeOf(i, target, NODE_MIGRATING_IN);
  if (nd >= 0) { removeNode(nd); computeAlloc(target); }
  setI32(iMoving, i, 0);
  if (!allocateHostForVm(i, target)) failedPlacements++;
}

function processMoves(until: f64): void {
  while (pHead < pCount && f64At(pTime, pHead) < until && f64At(pTime, pHead) < endTime) {
    const tc = f64At(pTime, pHead);
    if (tc > lastProcessTime) updateAll(tc, false);
    while (pHead < pCount && f64At(pTime, pHead) == tc) {
      const i = i32At(pItem, pHead), h = i32At(pHost, pHead);
      pHead++;
      completeMove(i, h);
    }
    updateAll(tc, false);
  }
}

// ── Autoscaling (see the reference for the HPA semantics) ───────────────────────────────────────────

function countReady(): void {
  if (scaleTarget <= 0) return;
  for (let s = 0; s < S; s++) setI32(sReady, s, 0);
  for (let i = 0; i < N; i++) {
    const s = i32At(itemService, i);
    if (s < 0 || i32At(iAlive, i) != 1) continue;
    if (i32At(iMoving, i) != 0 && (i32At(itemKind, i) == abi.KIND_CONTAINER || i32At(iInst, i) != 0)) continue;
    setI32(sReady, s, i32At(sReady, s) + 1);
  }
}

function autoscale(t: f64): void {
  for (let s = 0; s < S; s++) {
    const first = i32At(svcFirst, s), slots = i32At(svcMax, s);
    let current = 0;
    for (let k = 0; k < slots; k++) if (i32At(iAlive, first + k) == 1) current++;
    if (current == 0) continue;
    const u = traceAt(i32At(itemTrace, first), t) * f64At(svcBase, s) / <f64>current;
    const ratio = u / scaleTarget;
    let desired: f64 = abs<f64>(ratio - 1) <= scaleTolerance ? <f64>current : ceil(<f64>current * ratio);
    desired = min<f64>(<f64>slots, max<f64>(<f64>i32At(svcMin, s), desired));
    const base = s * SCALE_HISTORY * 2, pos = i32At(sDesiredPos, s);
    setF64(sDesired, base + pos * 2, t); setF64(sDesired, base + pos * 2 + 1, desired);
    setI32(sDesiredPos, s, (pos + 1) % SCALE_HISTORY);
    let stable = desired;
    for (let k = 0; k < SCALE_HISTORY; k++) {
      const when = f64At(sDesired, base + k * 2);
      if (when >= 0 && t - when <= scaleWindow && f64At(sDesired, base + k * 2 + 1) > stable) stable = f64At(sDesired, base + k * 2 + 1);
    }
    const target: f64 = desired > <f64>current ? desired : min<f64>(<f64>current, stable);
    if (target > <f64>current) {
      let added = 0;
      for (let k = 0; k < slots && <f64>(current + added) < target; k++) {
        const i = first + k;
        if (i32At(iAlive, i) != 0 && i32At(iAlive, i) != DORMANT) continue;
        if (i32At(iAlive, i) == 0 && f64At(itemArrive, i) <= t) continue;
        if (startReplica(i, t)) added++;
        else break;
      }
      if (added > 0) scaleEvents++;
    } else if (target < <f64>current) {
      let removedNow = 0;
      for (let k = slots - 1; k >= 0 && <f64>(current - removedNow) > target; k--) {
        const i = first + k;
        if (i32At(iAlive, i) != 1 || i32At(iMoving, i) != 0) continue;
        deallocateHostForVm(i);
        setI32(iAlive, i, DORMANT);
        removedNow++;
      }
      if (removedNow > 0) scaleEvents++;
    }
  }
}

function startReplica(i: i32, t: f64): bool {
  setI32(iInst, i, 1);
  const h = findHost(i, 0);
  if (h < 0) { setI32(iInst, i, 0); failedPlacements++; return false; }
  const nd = appendNode(h, i, NODE_BOOTING);
  if (nd < 0) { setI32(iInst, i, 0); return false; }
  const ram = memoryRequest(i), bw = bwRequest(i);
  setF64(nRam, nd, ram); setF64(nBw, nd, bw); setF64(hRam, h, f64At(hRam, h) + ram); setF64(hBw, h, f64At(hBw, h) + bw);
  allocateFor(nd);
  computeAlloc(h);
  setI32(iHost, i, h);
  setI32(iAlive, i, 1);
  setI32(iMoving, i, 1);
  setI32(iHistLen, i, 0); setF64(iHistPrev, i, t);
  updateHost(h, t, false);
  schedule(i, h, t + f64At(itemStartSeconds, i));
  return true;
}

// ── Run ──────────────────────────────────────────────────────────────────────────────────────────────

function placeArrival(i: i32): void {
  setI32(iInst, i, 1);
  let h = -1;
  const given = i32At(itemInitialHost, i);
  if (mode != abi.MODE_DYNAMIC || placement == abi.PLACE_FIRST_FIT) h = firstFit(i);
  else if (placement == abi.PLACE_GIVEN && given >= 0 && given < H && isSuitable(given, i)) h = given;
  else h = findHost(i, 0);
  const ok = allocateHostForVm(i, h);
  setI32(iInst, i, 0);
  if (ok) setU8(hCacheValid, h, 0);
  setI32(iAlive, i, ok ? 1 : 2);
  if (!ok) failedPlacements++;
}

function recordStep(step: i32, t: f64, tBefore: f64, eBefore: f64, overloadedHosts: i32): void {
  const row = step * abi.SERIES_COLS;
  let active = 0;
  let alloc: f64 = 0;
  for (let h = 0; h < H; h++) { if (f64At(hUtil, h) > 0) active++; alloc += f64At(hUtil, h); }
  let req: f64 = 0;
  let items = 0;
  for (let i = 0; i < N; i++) if (i32At(iAlive, i) == 1) { req += f64At(iReq, i); items++; }
  setF64(series, row + abi.S_TIME, t);
  setF64(series, row + abi.S_ACTIVE_HOSTS, <f64>active);
  setF64(series, row + abi.S_POWER_W, t > tBefore ? (energy - eBefore) / (t - tBefore) : 0);
  setF64(series, row + abi.S_ENERGY_WS, energy);
  setF64(series, row + abi.S_MIGRATIONS, <f64>startedThisTick);
  setF64(series, row + abi.S_OVERLOADED, <f64>overloadedHosts);
  setF64(series, row + abi.S_REQUESTED, req);
  setF64(series, row + abi.S_ALLOCATED, alloc);
  setF64(series, row + abi.S_ITEMS, <f64>items);
  setF64(series, row + abi.S_SHUTDOWNS, T(abi.T_SHUTDOWNS));
  setF64(series, row + abi.S_REPLICAS, <f64>items);
}

function finish(steps: i32): void {
  for (let h = 0; h < H; h++) if (f64At(hEntryTime, h) >= 0) hostTransition(h);
  let req: f64 = 0, alloc: f64 = 0, under: f64 = 0, shortSum: f64 = 0, shortCount: f64 = 0;
  for (let i = 0; i < N; i++) {
    if (f64At(iEntryTime, i) >= 0) itemTransition(i);
    req += f64At(iTotReq, i); alloc += f64At(iTotAlloc, i); under += f64At(iUnderMig, i);
    shortSum += f64At(iShortSum, i); shortCount += f64At(iShortCount, i);
    setI32(itemHostOut, i, i32At(iAlive, i) == 1 ? i32At(iHost, i) : -1);
  }
  setF64(totals, abi.T_ENERGY_WS, energy);
  setF64(totals, abi.T_MIGRATIONS, <f64>migrations);
  setF64(totals, abi.T_REQUESTED, req);
  setF64(totals, abi.T_ALLOCATED, alloc);
  setF64(totals, abi.T_UNDER_MIGRATION, under);
  setF64(totals, abi.T_SHORTFALL_SUM, shortSum);
  setF64(totals, abi.T_SHORTFALL_COUNT, shortCount);
  setF64(totals, abi.T_REMOVED, <f64>removed);
  setF64(totals, abi.T_STEPS, <f64>steps);
  setF64(totals, abi.T_LAST_TIME, lastProcessTime);
  setF64(totals, abi.T_RESTARTS, <f64>restarts);
  setF64(totals, abi.T_FAILED_PLACEMENTS, <f64>failedPlacements);
  setF64(totals, abi.T_SCALE_EVENTS, <f64>scaleEvents);
}

/** Runs the simulation described by the arena; returns SIM_OK or an error code. */
export function simulate(): i32 {
  readParams();
  layoutState();
  initState();
  for (let i = 0; i < N; i++) if (f64At(itemArrive, i) <= 0) placeArrival(i);
  let step = 0;
  let tick = offset + interval;
  for (;;) {
    processMoves(tick);
    if (tick >= endTime || status != abi.SIM_OK) break;
    let overloadedHosts = 0;
    startedThisTick = 0;
    if (tick > lastProcessTime) {
      const eBefore = energy, tBefore = lastProcessTime;
      updateAll(tick, true);
      for (let i = 0; i < N; i++) if (i32At(iAlive, i) == 0 && f64At(itemArrive, i) <= tick) placeArrival(i);
      if (scaleTarget > 0) autoscale(tick);
      if (mode == abi.MODE_DYNAMIC) overloadedHosts = optimize(tick);
      if (step < STEPS) recordStep(step++, tick, tBefore, eBefore, overloadedHosts);
    }
    let alive = 0, pending = 0;
    for (let i = 0; i < N; i++) { const s = i32At(iAlive, i); if (s == 1) alive++; else if (s == 0) pending++; }
    if (alive == 0 && pending == 0) { processMoves(endTime); break; }
    tick += interval;
  }
  finish(step);
  return status;
}
