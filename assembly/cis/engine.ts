// The two-level simulator (containers in node VMs, node VMs on hosts): a line-by-line port of the TypeScript
// reference core/sim/cis/reference.ts, which documents every rule and its ContainerCloudSim source. Same state,
// same order of operations, same floating-point expressions, so the two agree bit for bit.
//
// Run state, laid out from the arena's end (arena.ts) by layout():
//  f64  hTotal hU hPrevU hAllocSum hRecAlloc hRecReq hRecTime hLastOn hStartAvail hStartAlloc hRam hBw  [H each]
//       vReadyAt vEmptySince vUnderSince vAlloc vReqTot vCapped vRecAlloc vRecReq vRecTime           [V each]
//       pcSum pcFrac pcFree pcRam pcBw (per-VM sums of planning entries)                              [V each]
//       cReq cFrac cRes cReadyAt cWork                                                                [N each]
//       pastSorted [N × C when the corrected percentile is on], sortKey [max(V, N) + 16]
//  i32  hHead hTail hVms phHead phTail offList                                                       [H each]
//       vState vType vHost vNext vPrev vCHead vCTail vCount vFreeNext pvHead pvTail tv created         [V each]
//       cState cVm cNext cPrev listB pastLen                                                          [N each]
//       gV gNext [2V + 16], sortG [max(V, N) + 16]
//  u8   hPrevOn hRecHas hRecActive hScanActive hOver hOff hExclUnder hExclPlace hOpened hX             [H each]
//       vWaiting vRecHas pcValid                                                                      [V each]
//  growable, last (re-laid out further on when a planning pass needs more entries, contents copied):
//       eRes eRam eBw f64 [E]; eC eNext mvC mvV listA listC i32 [E]      E = entry capacity, from 2N + 16
import * as abi from './abi';
import {
  H, T, V, V0, N, C, STEPS, params, iparams, modelPower, hostModel, hostPes, hostPeMips, hostRam, hostBw, typePes,
  typePeMips, typeRam, typeBw, vmType, cMips, cWorkload, cRam, cBw, cBase, cScale, cTrace, cStart, cArrive, cDepart,
  traces, totals, series, cVmOut, vmHostOut, vmTypeOut, arenaEnd,
} from './arena';
import { align8, ensureMemory, f64At, i32At, setF64, setI32, setU8, u8At } from '../sim/mem';
import { randomBelow, seedRandom } from '../random';

const C_WAITING = 0;
const C_RUNNING = 1;
const C_STARTING = 2;
const C_PENDING = 3;
const C_GONE = 4;
const V_FREE = 0;
const V_ALIVE = 1;
const V_TENTATIVE = 2;
const MIN_POSITIVE: f64 = 5e-324;

// parameters
let interval: f64 = 0, offset: f64 = 0, endTime: f64 = 0, traceInterval: f64 = 0, overThr: f64 = 0, underThr: f64 = 0;
let vmStartup: f64 = 0, cStartup: f64 = 0, sdUtil: f64 = 0, sdSeconds: f64 = 0, vmOvercommit: f64 = 1;
let mode: i32 = 0, quirks: i32 = 0, maxVms: i32 = 0, minVms: i32 = 0, score: i32 = 0, newType: i32 = 0, pastPct: f64 = 0;
// state regions
let hTotal: usize = 0, hU: usize = 0, hPrevU: usize = 0, hAllocSum: usize = 0, hRecAlloc: usize = 0, hRecReq: usize = 0;
let hRecTime: usize = 0, hLastOn: usize = 0, hStartAvail: usize = 0, hStartAlloc: usize = 0, hRam: usize = 0, hBw: usize = 0;
let vReadyAt: usize = 0, vEmptySince: usize = 0, vUnderSince: usize = 0, vAlloc: usize = 0, vReqTot: usize = 0, vCapped: usize = 0;
let vRecAlloc: usize = 0, vRecReq: usize = 0, vRecTime: usize = 0;
let pcSum: usize = 0, pcFrac: usize = 0, pcFree: usize = 0, pcRam: usize = 0, pcBw: usize = 0, pcValid: usize = 0;
let cReq: usize = 0, cFrac: usize = 0, cRes: usize = 0, cReadyAt: usize = 0, cWork: usize = 0, pastSorted: usize = 0, sortKey: usize = 0;
let hHead: usize = 0, hTail: usize = 0, hVms: usize = 0, phHead: usize = 0, phTail: usize = 0, offList: usize = 0;
let vState: usize = 0, vType: usize = 0, vHost: usize = 0, vNext: usize = 0, vPrev: usize = 0, vCHead: usize = 0, vCTail: usize = 0;
let vCount: usize = 0, vFreeNext: usize = 0, pvHead: usize = 0, pvTail: usize = 0, tv: usize = 0, created: usize = 0;
let cState: usize = 0, cVm: usize = 0, cNext: usize = 0, cPrev: usize = 0, listB: usize = 0, pastLen: usize = 0;
let gV: usize = 0, gNext: usize = 0, sortG: usize = 0;
let hPrevOn: usize = 0, hRecHas: usize = 0, hRecActive: usize = 0, hScanActive: usize = 0, hOver: usize = 0, hOff: usize = 0;
let hExclUnder: usize = 0, hExclPlace: usize = 0, hOpened: usize = 0, hX: usize = 0, vWaiting: usize = 0, vRecHas: usize = 0;
let eRes: usize = 0, eRam: usize = 0, eBw: usize = 0, eC: usize = 0, eNext: usize = 0, mvC: usize = 0, mvV: usize = 0;
let listA: usize = 0, listC: usize = 0;
let eCap: i32 = 0, growEnd: usize = 0;
// run state
let freeVm: i32 = -1, aliveVms: i32 = 0, eCount: i32 = 0, gCount: i32 = 0, mvCount: i32 = 0, tvCount: i32 = 0;
let energy: f64 = 0, lastTime: f64 = 0;

@inline function q(flag: i32): bool {
  return (quirks & flag) != 0;
}

@inline function addTotal(k: i32, v: f64): void {
  setF64(totals, k, f64At(totals, k) + v);
}

function rep(x: f64, n: i32): f64 {
  let s: f64 = 0;
  for (let k = 0; k < n; k++) s += x;
  return s;
}

/** CloudSim PowerModelSpecPower (mirrors core/sim/reference/power.ts). */
function powerAt(model: i32, u: f64): f64 {
  const base = model * 11;
  const u1 = <i32>floor(u * 10);
  const u2 = <i32>ceil(u * 10);
  const p1 = f64At(modelPower, base + u1);
  const p2 = f64At(modelPower, base + u2);
  const delta = (p2 - p1) / 10;
  return p1 + delta * (u - <f64>u1 / 10) * 100;
}

/** commons-math Percentile, LEGACY estimation (mirrors core/sim/cis/percentile.ts). */
function percentileOfSorted(base: usize, n: i32, p: f64): f64 {
  if (n == 1) return f64At(base, 0);
  const pos = p * <f64>(n + 1) / 100;
  const fpos = floor(pos);
  const intPos = <i32>fpos;
  const dif = pos - fpos;
  if (pos < 1) return f64At(base, 0);
  if (pos >= <f64>n) return f64At(base, n - 1);
  const lower = f64At(base, intPos - 1);
  const upper = f64At(base, intPos);
  return lower + dif * (upper - lower);
}

// ── Layout ─────────────────────────────────────────────────────────────────────────────────────────────

function layout(): void {
  const h = <usize>H, v = <usize>V, n = <usize>N, sortN = <usize>(max(V, N) + 16);
  let at = arenaEnd;
  hTotal = at; at += h * 8; hU = at; at += h * 8; hPrevU = at; at += h * 8; hAllocSum = at; at += h * 8;
  hRecAlloc = at; at += h * 8; hRecReq = at; at += h * 8; hRecTime = at; at += h * 8; hLastOn = at; at += h * 8;
  hStartAvail = at; at += h * 8; hStartAlloc = at; at += h * 8; hRam = at; at += h * 8; hBw = at; at += h * 8;
  vReadyAt = at; at += v * 8; vEmptySince = at; at += v * 8; vUnderSince = at; at += v * 8; vAlloc = at; at += v * 8;
  vReqTot = at; at += v * 8; vCapped = at; at += v * 8; vRecAlloc = at; at += v * 8; vRecReq = at; at += v * 8;
  vRecTime = at; at += v * 8;
  pcSum = at; at += v * 8; pcFrac = at; at += v * 8; pcFree = at; at += v * 8; pcRam = at; at += v * 8; pcBw = at; at += v * 8;
  cReq = at; at += n * 8; cFrac = at; at += n * 8; cRes = at; at += n * 8; cReadyAt = at; at += n * 8; cWork = at; at += n * 8;
  pastSorted = at; at += pastPct > 0 ? n * <usize>C * 8 : 0;
  sortKey = at; at += sortN * 8;
  hHead = at; at += h * 4; hTail = at; at += h * 4; hVms = at; at += h * 4; phHead = at; at += h * 4; phTail = at; at += h * 4;
  offList = at; at += h * 4;
  vState = at; at += v * 4; vType = at; at += v * 4; vHost = at; at += v * 4; vNext = at; at += v * 4; vPrev = at; at += v * 4;
  vCHead = at; at += v * 4; vCTail = at; at += v * 4; vCount = at; at += v * 4; vFreeNext = at; at += v * 4;
  pvHead = at; at += v * 4; pvTail = at; at += v * 4; tv = at; at += v * 4; created = at; at += v * 4;
  cState = at; at += n * 4; cVm = at; at += n * 4; cNext = at; at += n * 4; cPrev = at; at += n * 4; listB = at; at += n * 4;
  pastLen = at; at += pastPct > 0 ? n * 4 : 0;
  gV = at; at += (2 * v + 16) * 4; gNext = at; at += (2 * v + 16) * 4; sortG = at; at += sortN * 4;
  hPrevOn = at; at += h; hRecHas = at; at += h; hRecActive = at; at += h; hScanActive = at; at += h; hOver = at; at += h;
  hOff = at; at += h; hExclUnder = at; at += h; hExclPlace = at; at += h; hOpened = at; at += h; hX = at; at += h;
  vWaiting = at; at += v; vRecHas = at; at += v; pcValid = at; at += v;
  growEnd = align8(at);
  eCap = 0;
  growEntries(2 * N + 16);
}

/** Lays the growable region out again with room for `cap` entries after everything else, copying its contents. */
function growEntries(cap: i32): void {
  const c = <usize>cap;
  let at = growEnd;
  const nRes = at; at += c * 8;
  const nRam = at; at += c * 8;
  const nBw = at; at += c * 8;
  const nC = at; at += c * 4;
  const nNext = at; at += c * 4;
  const nMvC = at; at += c * 4;
  const nMvV = at; at += c * 4;
  const nA = at; at += c * 4;
  const nCl = at; at += c * 4;
  ensureMemory(align8(at));
  if (eCap > 0) {
    const old = <usize>eCap;
    memory.copy(nRes, eRes, old * 8); memory.copy(nRam, eRam, old * 8); memory.copy(nBw, eBw, old * 8);
    memory.copy(nC, eC, old * 4); memory.copy(nNext, eNext, old * 4); memory.copy(nMvC, mvC, old * 4);
    memory.copy(nMvV, mvV, old * 4); memory.copy(nA, listA, old * 4); memory.copy(nCl, listC, old * 4);
  }
  eRes = nRes; eRam = nRam; eBw = nBw; eC = nC; eNext = nNext; mvC = nMvC; mvV = nMvV; listA = nA; listC = nCl;
  growEnd = align8(at);
  eCap = cap;
}

function init(): void {
  const p = params, ip = iparams;
  interval = f64At(p, abi.CP_INTERVAL); offset = f64At(p, abi.CP_TICK_OFFSET); endTime = f64At(p, abi.CP_END);
  traceInterval = f64At(p, abi.CP_TRACE_INTERVAL); overThr = f64At(p, abi.CP_OVERLOAD); underThr = f64At(p, abi.CP_UNDERLOAD);
  vmStartup = f64At(p, abi.CP_VM_STARTUP); cStartup = f64At(p, abi.CP_CONTAINER_STARTUP);
  sdUtil = f64At(p, abi.CP_SCALE_DOWN_UTILISATION); sdSeconds = f64At(p, abi.CP_SCALE_DOWN_SECONDS);
  vmOvercommit = f64At(p, abi.CP_VM_OVERCOMMIT) > 0 ? f64At(p, abi.CP_VM_OVERCOMMIT) : 1;
  mode = i32At(ip, abi.CI_MODE); quirks = i32At(ip, abi.CI_QUIRKS);
  maxVms = i32At(ip, abi.CI_MAX_VMS) > 0 ? i32At(ip, abi.CI_MAX_VMS) : V; minVms = i32At(ip, abi.CI_MIN_VMS);
  score = i32At(ip, abi.CI_SCORE); newType = min(max(0, i32At(ip, abi.CI_NEW_VM_TYPE)), max(0, T - 1));
  seedRandom(i32At(ip, abi.CI_SEED));
  pastPct = mode == abi.MODE_CLOUDSIM && !q(abi.CQ_FUTURE_PERCENTILE_OVERBOOKING) ? f64At(p, abi.CP_PERCENTILE) : 0;
  layout();
  for (let h = 0; h < H; h++) {
    setF64(hTotal, h, 0); setF64(hU, h, 0); setF64(hPrevU, h, 0); setF64(hAllocSum, h, 0); setF64(hRecAlloc, h, 0);
    setF64(hRecReq, h, 0); setF64(hRecTime, h, 0); setF64(hLastOn, h, 0); setF64(hStartAvail, h, 0); setF64(hStartAlloc, h, 0);
    setF64(hRam, h, 0); setF64(hBw, h, 0);
    setI32(hHead, h, -1); setI32(hTail, h, -1); setI32(hVms, h, 0); setI32(phHead, h, -1); setI32(phTail, h, -1);
    setU8(hPrevOn, h, 0); setU8(hRecHas, h, 0); setU8(hRecActive, h, 0); setU8(hScanActive, h, 0); setU8(hOver, h, 0);
    setU8(hOff, h, 0); setU8(hExclUnder, h, 0); setU8(hExclPlace, h, 0); setU8(hOpened, h, 0); setU8(hX, h, 0);
  }
  for (let v = 0; v < V; v++) {
    setF64(vReadyAt, v, 0); setF64(vEmptySince, v, -1); setF64(vUnderSince, v, -1); setF64(vAlloc, v, 0); setF64(vReqTot, v, 0);
    setF64(vCapped, v, 0); setF64(vRecAlloc, v, 0); setF64(vRecReq, v, 0); setF64(vRecTime, v, 0);
    setI32(vState, v, V_FREE); setI32(vType, v, 0); setI32(vHost, v, -1); setI32(vNext, v, -1); setI32(vPrev, v, -1);
    setI32(vCHead, v, -1); setI32(vCTail, v, -1); setI32(vCount, v, 0); setI32(vFreeNext, v, -1); setI32(pvHead, v, -1);
    setI32(pvTail, v, -1); setU8(vWaiting, v, 0); setU8(vRecHas, v, 0); setU8(pcValid, v, 0);
    setI32(vmTypeOut, v, -1);
  }
  for (let c = 0; c < N; c++) {
    setF64(cReq, c, 0); setF64(cFrac, c, 0); setF64(cRes, c, 0); setF64(cReadyAt, c, 0); setF64(cWork, c, f64At(cWorkload, c));
    setI32(cState, c, C_WAITING); setI32(cVm, c, -1); setI32(cNext, c, -1); setI32(cPrev, c, -1);
    if (pastPct > 0) setI32(pastLen, c, 0);
  }
  for (let k = 0; k < abi.CTOTAL_SLOTS; k++) setF64(totals, k, 0);
  for (let k = 0; k < STEPS * abi.CSERIES_COLS; k++) setF64(series, k, 0);
  freeVm = -1; aliveVms = 0; eCount = 0; gCount = 0; mvCount = 0; tvCount = 0; energy = 0; lastTime = 0;
}

// ── Demand ─────────────────────────────────────────────────────────────────────────────────────────────

function traceAt(row: i32, t: f64): f64 {
  const ti = traceInterval, cols = C, base = row * cols;
  const qq = floor(t / ti);
  if (qq * ti == t) return f64At(traces, base + min(cols - 1, <i32>qq));
  const t1 = <i32>floor(t / ti);
  const t2 = <i32>ceil(t / ti);
  if (t2 > cols - 1) return f64At(traces, base + cols - 1);
  const u1 = f64At(traces, base + t1), u2 = f64At(traces, base + t2);
  const delta = (u2 - u1) / (<f64>(t2 - t1) * ti);
  return u1 + delta * (t - <f64>t1 * ti);
}

@inline function fracAt(c: i32, t: f64): f64 {
  return f64At(cBase, c) + traceAt(i32At(cTrace, c), t) * f64At(cScale, c);
}

// ── VM slots and real lists ────────────────────────────────────────────────────────────────────────────

function takeSlot(type: i32): i32 {
  const v = freeVm;
  if (v < 0) return -1;
  freeVm = i32At(vFreeNext, v);
  setI32(vFreeNext, v, -1);
  setI32(vType, v, type); setI32(vmTypeOut, v, type);
  setI32(vCHead, v, -1); setI32(vCTail, v, -1); setI32(vCount, v, 0); setU8(vWaiting, v, 0);
  setF64(vEmptySince, v, -1); setF64(vUnderSince, v, -1); setU8(vRecHas, v, 0); setF64(vReadyAt, v, 0);
  setF64(vAlloc, v, 0); setF64(vReqTot, v, 0);
  return v;
}

function releaseSlot(v: i32): void {
  setI32(vState, v, V_FREE); setI32(vHost, v, -1);
  setI32(vFreeNext, v, freeVm);
  freeVm = v;
}

function attachVm(v: i32, h: i32): void {
  setI32(vState, v, V_ALIVE); setI32(vHost, v, h);
  setI32(vNext, v, -1); setI32(vPrev, v, i32At(hTail, h));
  if (i32At(hTail, h) >= 0) setI32(vNext, i32At(hTail, h), v); else setI32(hHead, h, v);
  setI32(hTail, h, v);
  setI32(hVms, h, i32At(hVms, h) + 1);
  aliveVms++;
}

function detachVm(v: i32): void {
  const h = i32At(vHost, v), p = i32At(vPrev, v), n = i32At(vNext, v);
  if (p >= 0) setI32(vNext, p, n); else setI32(hHead, h, n);
  if (n >= 0) setI32(vPrev, n, p); else setI32(hTail, h, p);
  setI32(hVms, h, i32At(hVms, h) - 1);
  aliveVms--;
  releaseSlot(v);
}

function attachContainer(c: i32, v: i32): void {
  setI32(cVm, c, v);
  setI32(cNext, c, -1); setI32(cPrev, c, i32At(vCTail, v));
  if (i32At(vCTail, v) >= 0) setI32(cNext, i32At(vCTail, v), c); else setI32(vCHead, v, c);
  setI32(vCTail, v, c);
  setI32(vCount, v, i32At(vCount, v) + 1);
}

function attachContainerFront(c: i32, v: i32): void {
  setI32(cVm, c, v);
  setI32(cPrev, c, -1); setI32(cNext, c, i32At(vCHead, v));
  if (i32At(vCHead, v) >= 0) setI32(cPrev, i32At(vCHead, v), c); else setI32(vCTail, v, c);
  setI32(vCHead, v, c);
  setI32(vCount, v, i32At(vCount, v) + 1);
}

function detachContainer(c: i32): void {
  const v = i32At(cVm, c);
  if (v < 0) return;
  const p = i32At(cPrev, c), n = i32At(cNext, c);
  if (p >= 0) setI32(cNext, p, n); else setI32(vCHead, v, n);
  if (n >= 0) setI32(cPrev, n, p); else setI32(vCTail, v, p);
  setI32(vCount, v, i32At(vCount, v) - 1);
  setI32(cVm, c, -1);
}

@inline function vmCap(v: i32): f64 {
  const t = i32At(vType, v);
  return rep(f64At(typePeMips, t), i32At(typePes, t));
}

function perPe(s: f64, v: i32): f64 {
  if (q(abi.CQ_VM_DEMAND_REPLICATED_PER_PE)) return s;
  const cap = vmCap(v);
  return (s < cap ? s : cap) / <f64>i32At(typePes, i32At(vType, v));
}

// ── Start-up ───────────────────────────────────────────────────────────────────────────────────────────

function startupVms(): void {
  for (let v = 0; v < V0; v++) {
    const t = i32At(vmType, v), n = i32At(typePes, t);
    const full = rep(f64At(typePeMips, t), n);
    let best = -1, bestDiff = f64.MAX_VALUE;
    for (let h = 0; h < H; h++) {
      if (f64At(hostPeMips, h) < f64At(typePeMips, t) || f64At(hStartAvail, h) < full) continue;
      if (f64At(hostRam, h) - f64At(hRam, h) < f64At(typeRam, t) || f64At(hostBw, h) - f64At(hBw, h) < f64At(typeBw, t)) continue;
      if (f64At(hStartAlloc, h) != 0 && full / f64At(hTotal, h) > overThr) continue;
      const after = (f64At(hStartAlloc, h) + full) / f64At(hTotal, h);
      if (after > 1) continue;
      const m = i32At(hostModel, h);
      const diff = powerAt(m, after) - powerAt(m, 0);
      if (diff < bestDiff) { bestDiff = diff; best = h; }
    }
    setI32(vType, v, t); setI32(vmTypeOut, v, t);
    setI32(vCHead, v, -1); setI32(vCTail, v, -1); setI32(vCount, v, 0);
    setF64(vEmptySince, v, -1); setF64(vUnderSince, v, -1);
    if (best < 0) { releaseSlot(v); continue; }
    attachVm(v, best);
    setF64(hStartAvail, best, f64At(hStartAvail, best) - full);
    setF64(hStartAlloc, best, f64At(hStartAlloc, best) + full);
    setF64(hRam, best, f64At(hRam, best) + f64At(typeRam, t));
    setF64(hBw, best, f64At(hBw, best) + f64At(typeBw, t));
  }
}

function realFree(v: i32): f64 {
  let avail = vmCap(v);
  for (let c = i32At(vCHead, v); c >= 0; c = i32At(cNext, c)) {
    const r = f64At(cRes, c);
    if (avail >= r) avail -= r; else avail = 0;
  }
  return avail;
}

function realRam(v: i32): f64 {
  let s: f64 = 0;
  for (let c = i32At(vCHead, v); c >= 0; c = i32At(cNext, c)) s += f64At(cRam, c);
  return s;
}

function realBw(v: i32): f64 {
  let s: f64 = 0;
  for (let c = i32At(vCHead, v); c >= 0; c = i32At(cNext, c)) s += f64At(cBw, c);
  return s;
}

function startupPlace(c: i32): bool {
  const leastFree = !q(abi.CQ_MOST_FULL_IS_MOST_FREE);
  let best = -1, bestFree: f64 = leastFree ? f64.MAX_VALUE : MIN_POSITIVE;
  for (let v = 0; v < V; v++) {
    if (i32At(vState, v) != V_ALIVE) continue;
    const t = i32At(vType, v);
    const free = realFree(v);
    if (leastFree ? !(free < bestFree) : !(free > bestFree)) continue;
    if (f64At(typePeMips, t) < f64At(cMips, c) || free < f64At(cWork, c)) continue;
    if (f64At(typeRam, t) - realRam(v) < f64At(cRam, c) || f64At(typeBw, t) - realBw(v) < f64At(cBw, c)) continue;
    best = v; bestFree = free;
  }
  if (best < 0) return false;
  attachContainer(c, best);
  setF64(cRes, c, f64At(cMips, c));
  setI32(cState, c, C_RUNNING);
  return true;
}

function pastPercentiles(t: f64): void {
  if (pastPct <= 0) return;
  const upTo = min(C - 1, <i32>floor(t / traceInterval));
  for (let c = 0; c < N; c++) {
    const base = c * C, row = i32At(cTrace, c) * C;
    let n = i32At(pastLen, c);
    while (n <= upTo) {
      const x = f64At(traces, row + n);
      let j = n - 1;
      while (j >= 0 && f64At(pastSorted, base + j) > x) { setF64(pastSorted, base + j + 1, f64At(pastSorted, base + j)); j--; }
      setF64(pastSorted, base + j + 1, x);
      n++;
    }
    setI32(pastLen, c, n);
    setF64(cWork, c, percentileOfSorted(pastSorted + (<usize>base << 3), n, pastPct) * f64At(cMips, c));
  }
}

// ── Per-tick accounting ────────────────────────────────────────────────────────────────────────────────

function updateDemand(t: f64): void {
  for (let c = 0; c < N; c++) {
    if (i32At(cState, c) == C_STARTING && f64At(cReadyAt, c) <= t) setI32(cState, c, C_RUNNING);
    if (i32At(cState, c) == C_RUNNING) {
      const frac = fracAt(c, t);
      setF64(cFrac, c, frac);
      setF64(cReq, c, frac * f64At(cMips, c));
    } else {
      setF64(cFrac, c, 0);
      setF64(cReq, c, 0);
    }
  }
}

function allocateHost(h: i32): void {
  const peMips = f64At(hostPeMips, h), total = f64At(hTotal, h);
  let avail = total, over = false, required: f64 = 0;
  for (let v = i32At(hHead, h); v >= 0; v = i32At(vNext, v)) {
    let s: f64 = 0;
    for (let c = i32At(vCHead, v); c >= 0; c = i32At(cNext, c)) s += f64At(cReq, c);
    const n = i32At(typePes, i32At(vType, v));
    const pr = perPe(s, v);
    const capped = pr > peMips ? peMips : pr;
    const r = rep(capped, n);
    setF64(vCapped, v, capped);
    setF64(vReqTot, v, rep(pr, n));
    setF64(vAlloc, v, r);
    required += r;
    if (!over && avail >= r) avail -= r; else over = true;
  }
  if (over) {
    const sf = total / required;
    for (let v = i32At(hHead, h); v >= 0; v = i32At(vNext, v)) {
      setF64(vAlloc, v, rep(floor(f64At(vCapped, v) * sf), i32At(typePes, i32At(vType, v))));
    }
  }
}

function removeEmptyVms(t: f64): void {
  if (mode != abi.MODE_CLOUDSIM) return;
  const wait: f64 = q(abi.CQ_EMPTY_VMS_DESTROYED) ? 0 : sdSeconds;
  for (let h = 0; h < H; h++) {
    let v = i32At(hHead, h);
    while (v >= 0) {
      const next = i32At(vNext, v);
      if (i32At(vCount, v) > 0 || u8At(vWaiting, v) != 0) setF64(vEmptySince, v, -1);
      else {
        if (f64At(vEmptySince, v) < 0) setF64(vEmptySince, v, t);
        if (t - f64At(vEmptySince, v) >= wait) {
          detachVm(v);
          addTotal(abi.CT_VMS_REMOVED, 1);
        }
      }
      v = next;
    }
  }
}

function account(t: f64, k: i32): void {
  const dt = t - lastTime;
  let tickEnergy: f64 = 0, requested: f64 = 0, allocated: f64 = 0;
  let overloaded = 0;
  for (let h = 0; h < H; h++) {
    setF64(hPrevU, h, f64At(hU, h));
    allocateHost(h);
    let alloc: f64 = 0, req: f64 = 0;
    for (let v = i32At(hHead, h); v >= 0; v = i32At(vNext, v)) {
      alloc += f64At(vAlloc, v);
      req += f64At(vReqTot, v);
      if (u8At(vRecHas, v) != 0) {
        const d = t - f64At(vRecTime, v), pa = f64At(vRecAlloc, v), pq = f64At(vRecReq, v);
        addTotal(abi.CT_ALLOCATED_TIME, pa * d);
        addTotal(abi.CT_REQUESTED_TIME, pq * d);
        if (pa < pq) {
          addTotal(abi.CT_SHORTFALL_SUM, (pq - pa) / pq);
          addTotal(abi.CT_SHORTFALL_COUNT, 1);
        }
      }
      setU8(vRecHas, v, 1); setF64(vRecTime, v, t); setF64(vRecAlloc, v, f64At(vAlloc, v)); setF64(vRecReq, v, f64At(vReqTot, v));
    }
    let u = alloc / f64At(hTotal, h);
    if (u > 1 && u < 1.01) u = 1;
    setF64(hU, h, u);
    setF64(hAllocSum, h, alloc);
    requested += req; allocated += alloc;
    if (u > overThr) overloaded++;
    const active = alloc > 0 ? 1 : 0;
    if (u8At(hRecHas, h) != 0 && u8At(hRecActive, h) != 0) {
      const d = t - f64At(hRecTime, h);
      addTotal(abi.CT_ACTIVE_TIME, d);
      if (f64At(hRecAlloc, h) < f64At(hRecReq, h)) addTotal(abi.CT_VIOLATION_TIME, d);
    }
    setU8(hRecHas, h, 1); setU8(hRecActive, h, active); setF64(hRecAlloc, h, alloc); setF64(hRecReq, h, req); setF64(hRecTime, h, t);
    if (u8At(hScanActive, h) != 0 && active == 0) {
      addTotal(abi.CT_SHUTDOWNS, 1);
      addTotal(abi.CT_SHUTDOWN_PERIOD_SUM, t - f64At(hLastOn, h));
    }
    if (u8At(hScanActive, h) == 0 && active != 0) setF64(hLastOn, h, t);
    setU8(hScanActive, h, active);
    const prevU = f64At(hPrevU, h);
    const off = q(abi.CQ_IDLE_HOST_FREE) ? prevU == 0 : u8At(hPrevOn, h) == 0;
    if (!off) {
      const m = i32At(hostModel, h);
      const from = powerAt(m, prevU > 1 ? 1 : prevU);
      const to = powerAt(m, u > 1 ? 1 : u);
      tickEnergy += (from + (to - from) / 2) * dt;
    }
  }
  energy += tickEnergy;
  removeEmptyVms(t);
  let activeHosts = 0;
  for (let h = 0; h < H; h++) {
    if (i32At(hVms, h) > 0) activeHosts++;
    setU8(hPrevOn, h, i32At(hVms, h) > 0 ? 1 : 0);
  }
  let running = 0, pending = 0;
  for (let c = 0; c < N; c++) {
    const s = i32At(cState, c);
    if (s == C_RUNNING) running++;
    else if (s == C_PENDING) pending++;
    if (s == C_PENDING) addTotal(abi.CT_UNAVAILABLE, dt);
  }
  addTotal(abi.CT_PENDING_TICKS, <f64>pending);
  addTotal(abi.CT_OVERLOADED_TICKS, <f64>overloaded);
  addTotal(abi.CT_ACTIVE_HOSTS_SUM, <f64>activeHosts);
  addTotal(abi.CT_ACTIVE_HOSTS_SQ, <f64>activeHosts * <f64>activeHosts);
  addTotal(abi.CT_ACTIVE_VMS_SUM, <f64>aliveVms);
  addTotal(abi.CT_ACTIVE_VMS_SQ, <f64>aliveVms * <f64>aliveVms);
  const row = k * abi.CSERIES_COLS;
  setF64(series, row + abi.CS_TIME, t);
  setF64(series, row + abi.CS_ACTIVE_HOSTS, <f64>activeHosts);
  setF64(series, row + abi.CS_ACTIVE_VMS, <f64>aliveVms);
  setF64(series, row + abi.CS_POWER_W, dt > 0 ? tickEnergy / dt : 0);
  setF64(series, row + abi.CS_ENERGY_WS, energy);
  setF64(series, row + abi.CS_OVERLOADED, <f64>overloaded);
  setF64(series, row + abi.CS_REQUESTED, requested);
  setF64(series, row + abi.CS_ALLOCATED, allocated);
  setF64(series, row + abi.CS_CONTAINERS, <f64>running);
  setF64(series, row + abi.CS_PENDING, <f64>pending);
  setF64(series, row + abi.CS_SHUTDOWNS, f64At(totals, abi.CT_SHUTDOWNS));
  lastTime = t;
}

// ── Planning state ─────────────────────────────────────────────────────────────────────────────────────

function newEntry(c: i32, res: f64, ram: f64, bw: f64): i32 {
  if (eCount == eCap) growEntries(eCap * 2);
  const e = eCount++;
  setI32(eC, e, c); setI32(eNext, e, -1); setF64(eRes, e, res); setF64(eRam, e, ram); setF64(eBw, e, bw);
  return e;
}

function pushEntry(v: i32, e: i32): void {
  if (i32At(pvTail, v) >= 0) setI32(eNext, i32At(pvTail, v), e); else setI32(pvHead, v, e);
  setI32(pvTail, v, e);
  if (u8At(pcValid, v) != 0) addToSums(v, e);
}

function addToSums(v: i32, e: i32): void {
  const c = i32At(eC, e), r = f64At(eRes, e);
  setF64(pcSum, v, f64At(pcSum, v) + f64At(cReq, c));
  setF64(pcFrac, v, <f64><f32>(f64At(pcFrac, v) + f64At(cFrac, c)));
  if (f64At(pcFree, v) >= r) setF64(pcFree, v, f64At(pcFree, v) - r); else setF64(pcFree, v, 0);
  setF64(pcRam, v, f64At(pcRam, v) + f64At(eRam, e));
  setF64(pcBw, v, f64At(pcBw, v) + f64At(eBw, e));
}

function sums(v: i32): void {
  if (u8At(pcValid, v) != 0) return;
  setF64(pcSum, v, 0); setF64(pcFrac, v, 0); setF64(pcFree, v, vmCap(v)); setF64(pcRam, v, 0); setF64(pcBw, v, 0);
  for (let e = i32At(pvHead, v); e >= 0; e = i32At(eNext, e)) addToSums(v, e);
  setU8(pcValid, v, 1);
}

function dropEntry(v: i32, c: i32): bool {
  let prev = -1;
  for (let e = i32At(pvHead, v); e >= 0; e = i32At(eNext, e)) {
    if (i32At(eC, e) == c) {
      if (prev >= 0) setI32(eNext, prev, i32At(eNext, e)); else setI32(pvHead, v, i32At(eNext, e));
      if (i32At(pvTail, v) == e) setI32(pvTail, v, prev);
      setU8(pcValid, v, 0);
      return true;
    }
    prev = e;
  }
  return false;
}

function newHostEntry(h: i32, v: i32): void {
  const g = gCount++;
  setI32(gV, g, v); setI32(gNext, g, -1);
  if (i32At(phTail, h) >= 0) setI32(gNext, i32At(phTail, h), g); else setI32(phHead, h, g);
  setI32(phTail, h, g);
}

@inline function ramReq(c: i32): f64 {
  return q(abi.CQ_RAM_BW_UNENFORCED) ? 0 : f64At(cRam, c);
}

@inline function bwReq(c: i32): f64 {
  return q(abi.CQ_RAM_BW_UNENFORCED) ? 0 : f64At(cBw, c);
}

function planBegin(): void {
  eCount = 0; gCount = 0; mvCount = 0; tvCount = 0;
  const stale = q(abi.CQ_STALE_VM_FREE_MIPS);
  for (let h = 0; h < H; h++) {
    setI32(phHead, h, -1); setI32(phTail, h, -1);
    setU8(hOver, h, 0); setU8(hExclUnder, h, 0); setU8(hExclPlace, h, 0); setU8(hOpened, h, 0);
    setU8(hOff, h, f64At(hU, h) == 0 ? 1 : 0);
    for (let v = i32At(hHead, h); v >= 0; v = i32At(vNext, v)) {
      newHostEntry(h, v);
      setI32(pvHead, v, -1); setI32(pvTail, v, -1); setU8(pcValid, v, 0);
      for (let c = i32At(vCHead, v); c >= 0; c = i32At(cNext, c)) {
        pushEntry(v, newEntry(c, stale ? f64At(cRes, c) : f64At(cReq, c), ramReq(c), bwReq(c)));
      }
    }
  }
}

@inline function planFree(v: i32): f64 {
  sums(v);
  return f64At(pcFree, v);
}

@inline function planSum(v: i32): f64 {
  sums(v);
  return f64At(pcSum, v);
}

function planVmReq(v: i32, extra: f64): f64 {
  const t = i32At(vType, v), n = i32At(typePes, t);
  if (i32At(vState, v) == V_TENTATIVE) return rep(f64At(typePeMips, t), n);
  return rep(perPe(planSum(v) + extra, v), n);
}

function planR(h: i32, onVm: i32, extra: f64, withType: i32): f64 {
  let s: f64 = 0;
  for (let g = i32At(phHead, h); g >= 0; g = i32At(gNext, g)) {
    const v = i32At(gV, g);
    s += planVmReq(v, v == onVm ? extra : 0);
  }
  if (withType >= 0) s += rep(f64At(typePeMips, withType), i32At(typePes, withType));
  return s / f64At(hTotal, h);
}

@inline function aNonZero(h: i32): bool {
  return f64At(hAllocSum, h) != 0 || u8At(hOpened, h) != 0;
}

function suitable(v: i32, c: i32): bool {
  const t = i32At(vType, v);
  if (f64At(typePeMips, t) < f64At(cReq, c)) return false;
  if (planFree(v) < f64At(cWork, c)) return false;
  return f64At(typeRam, t) - f64At(pcRam, v) >= ramReq(c) && f64At(typeBw, t) - f64At(pcBw, v) >= bwReq(c);
}

function vmNotOver(v: i32): bool {
  const util = planSum(v);
  const h = i32At(vHost, v);
  return !(util > f64At(hTotal, h) / <f64>i32At(hostPes, h) * <f64>i32At(typePes, i32At(vType, v)));
}

@inline function place(c: i32, v: i32): void {
  pushEntry(v, newEntry(c, f64At(cReq, c), ramReq(c), bwReq(c)));
}

function vmKey(v: i32): f64 {
  if (!q(abi.CQ_VM_ORDER_BY_FRACTION_SUM)) return planSum(v);
  sums(v);
  return f64At(pcFrac, v) * f64At(typePeMips, i32At(vType, v));
}

function sortDesc(n: i32): void {
  for (let i = 1; i < n; i++) {
    const g = i32At(sortG, i), k = f64At(sortKey, i);
    let j = i - 1;
    while (j >= 0 && f64At(sortKey, j) < k) { setI32(sortG, j + 1, i32At(sortG, j)); setF64(sortKey, j + 1, f64At(sortKey, j)); j--; }
    setI32(sortG, j + 1, g); setF64(sortKey, j + 1, k);
  }
}

function sortHostVms(h: i32): i32 {
  let n = 0;
  for (let g = i32At(phHead, h); g >= 0; g = i32At(gNext, g)) { setI32(sortG, n, g); setF64(sortKey, n, vmKey(i32At(gV, g))); n++; }
  sortDesc(n);
  for (let i = 0; i < n; i++) setI32(gNext, i32At(sortG, i), i + 1 < n ? i32At(sortG, i + 1) : -1);
  setI32(phHead, h, n > 0 ? i32At(sortG, 0) : -1);
  setI32(phTail, h, n > 0 ? i32At(sortG, n - 1) : -1);
  return n;
}

function sortContainers(list: usize, n: i32): void {
  for (let i = 1; i < n; i++) {
    const c = i32At(list, i), k = f64At(cReq, c);
    let j = i - 1;
    while (j >= 0 && f64At(cReq, i32At(list, j)) < k) { setI32(list, j + 1, i32At(list, j)); j--; }
    setI32(list, j + 1, c);
  }
}

function firstFit(c: i32, excl: usize, skipWaiting: bool): i32 {
  let count = 0;
  for (let h = 0; h < H; h++) { setU8(hX, h, u8At(excl, h)); count += u8At(excl, h); }
  if (count == H) return -1;
  for (;;) {
    let h = 0;
    while (h < H && u8At(hX, h) != 0) h++;
    if (h == H) return -1;
    const n = sortHostVms(h);
    for (let i = n - 1; i >= 0; i--) {
      const v = i32At(gV, i32At(sortG, i));
      if (skipWaiting && u8At(vWaiting, v) != 0) continue;
      if (!suitable(v, c) || !vmNotOver(v)) continue;
      if (aNonZero(h) && planR(h, v, f64At(cReq, c), -1) > overThr) continue;
      place(c, v);
      return v;
    }
    setU8(hX, h, 1);
    count++;
    if (count == H) return -1;
  }
  return -1; // not reached
}

function openVm(h: i32): i32 {
  for (let t = 0; t < T; t++) {
    let ram: f64 = 0, bw: f64 = 0;
    for (let g = i32At(phHead, h); g >= 0; g = i32At(gNext, g)) {
      const v = i32At(gV, g), vt = i32At(vType, v);
      if (i32At(vState, v) == V_TENTATIVE || !q(abi.CQ_RAM_BW_UNENFORCED)) { ram += f64At(typeRam, vt); bw += f64At(typeBw, vt); }
    }
    if (f64At(hostRam, h) - ram < f64At(typeRam, t) || f64At(hostBw, h) - bw < f64At(typeBw, t)) continue;
    if (aNonZero(h) && planR(h, -1, 0, t) > overThr) continue;
    if (aliveVms + tvCount >= maxVms) return -1;
    const v = takeSlot(t);
    if (v < 0) return -1;
    setI32(vState, v, V_TENTATIVE); setI32(vHost, v, h); setU8(vWaiting, v, 1);
    setI32(pvHead, v, -1); setI32(pvTail, v, -1); setU8(pcValid, v, 0);
    newHostEntry(h, v);
    setU8(hOpened, h, 1);
    setI32(tv, tvCount++, v);
    return v;
  }
  return -1;
}

function move(c: i32, v: i32): void {
  if (mvCount == eCap) growEntries(eCap * 2);
  setI32(mvC, mvCount, c); setI32(mvV, mvCount, v); mvCount++;
}

function hasContainer(h: i32): bool {
  for (let g = i32At(phHead, h); g >= 0; g = i32At(gNext, g)) if (i32At(pvHead, i32At(gV, g)) >= 0) return true;
  return false;
}

function underKey(h: i32): f64 {
  return q(abi.CQ_OVERLOAD_REQUESTED_UNDERLOAD_MEASURED) ? f64At(hU, h) : planR(h, -1, 0, -1);
}

function consolidate(t: f64): i32 {
  planBegin();
  for (let h = 0; h < H; h++) if (planR(h, -1, 0, -1) > overThr) setU8(hOver, h, 1);
  let nSel = 0;
  for (let h = 0; h < H; h++) {
    if (u8At(hOver, h) == 0) continue;
    for (;;) {
      let best = -1, bestVm = -1, bestReq = MIN_POSITIVE;
      for (let g = i32At(phHead, h); g >= 0; g = i32At(gNext, g)) {
        const v = i32At(gV, g);
        for (let e = i32At(pvHead, v); e >= 0; e = i32At(eNext, e)) {
          const c = i32At(eC, e);
          if (f64At(cReq, c) > bestReq) { bestReq = f64At(cReq, c); best = c; bestVm = v; }
        }
      }
      if (best < 0) break;
      dropEntry(bestVm, best);
      setI32(listA, nSel++, best);
      if (!(planR(h, -1, 0, -1) > overThr)) break;
    }
  }
  sortContainers(listA, nSel);
  for (let h = 0; h < H; h++) setU8(hExclPlace, h, u8At(hOver, h) | u8At(hOff, h));
  let nLeft = 0;
  for (let i = 0; i < nSel; i++) {
    const c = i32At(listA, i);
    const v = firstFit(c, hExclPlace, false);
    if (v >= 0) move(c, v); else setI32(listB, nLeft++, c);
  }
  if (nLeft > 0 && q(abi.CQ_NEW_VMS_ON_UNDERLOADED_HOSTS)) nLeft = newVmsOnUnderloaded(nLeft);
  if (nLeft > 0) newVmsOnSwitchedOff(nLeft);
  evacuate();
  const moves = mvCount;
  execute(t);
  return moves;
}

function newVmsOnUnderloaded(nLeft: i32): i32 {
  let nCreated = 0;
  for (let h = 0; h < H; h++) {
    if (u8At(hOver, h) != 0 || !(underKey(h) < underThr) || i32At(phHead, h) < 0 || !hasContainer(h)) continue;
    for (;;) {
      const v = openVm(h);
      if (v < 0) break;
      setI32(created, nCreated++, v);
    }
  }
  if (nCreated == 0) return nLeft;
  let kept = 0;
  for (let i = 0; i < nLeft; i++) {
    const c = i32At(listB, i);
    if (!fitCreated(c, nCreated)) setI32(listB, kept++, c);
  }
  return kept;
}

function fitCreated(c: i32, nCreated: i32): bool {
  for (let i = 0; i < nCreated; i++) setU8(hX, i32At(vHost, i32At(created, i)), 0);
  for (;;) {
    let h = -1;
    for (let i = 0; i < nCreated && h < 0; i++) if (u8At(hX, i32At(vHost, i32At(created, i))) == 0) h = i32At(vHost, i32At(created, i));
    if (h < 0) return false;
    let n = 0;
    for (let i = 0; i < nCreated; i++) {
      const v = i32At(created, i);
      if (i32At(vHost, v) == h) { setI32(sortG, n, v); setF64(sortKey, n, vmKey(v)); n++; }
    }
    sortDesc(n);
    for (let i = n - 1; i >= 0; i--) {
      const v = i32At(sortG, i);
      if (suitable(v, c) && vmNotOver(v)) {
        place(c, v);
        move(c, v);
        return true;
      }
    }
    setU8(hX, h, 1);
  }
  return false; // not reached
}

function newVmsOnSwitchedOff(nLeft: i32): void {
  let nOff = 0;
  for (let h = 0; h < H; h++) if (f64At(hU, h) == 0) setI32(offList, nOff++, h);
  let start = 0;
  while (start < nLeft) {
    if (nOff == 0) break;
    const idx = q(abi.CQ_RANDOM_NEW_VM_HOST) ? randomBelow(nOff) : 0;
    const h = i32At(offList, idx);
    for (let i = idx; i < nOff - 1; i++) setI32(offList, i, i32At(offList, i + 1));
    nOff--;
    let v = openVm(h);
    if (v < 0) continue;
    newHostEntry(h, v);
    let i = start;
    for (; i < nLeft; i++) {
      const c = i32At(listB, i);
      if (!suitable(v, c)) {
        const w = openVm(h);
        if (w < 0) break;
        v = w;
      }
      place(c, v);
      move(c, v);
    }
    start = i;
  }
}

function dropTail(v: i32): void {
  const tail = i32At(pvTail, v);
  let prev = -1;
  for (let e = i32At(pvHead, v); e != tail; e = i32At(eNext, e)) prev = e;
  if (prev >= 0) setI32(eNext, prev, -1); else setI32(pvHead, v, -1);
  setI32(pvTail, v, prev);
  setU8(pcValid, v, 0);
}

function evacuate(): void {
  for (let h = 0; h < H; h++) setU8(hExclUnder, h, u8At(hOver, h) | u8At(hOff, h));
  for (let m = 0; m < mvCount; m++) setU8(hExclUnder, i32At(vHost, i32At(mvV, m)), 1);
  const least = q(abi.CQ_UNDERLOAD_LEAST_FIRST);
  for (;;) {
    let excluded = 0;
    for (let h = 0; h < H; h++) excluded += u8At(hExclUnder, h);
    if (excluded == H) break;
    let pick = -1, pickKey: f64 = 0;
    for (let h = 0; h < H; h++) {
      if (u8At(hExclUnder, h) != 0 || i32At(phHead, h) < 0 || !hasContainer(h)) continue;
      const k = underKey(h);
      if (!(k < underThr)) continue;
      if (pick < 0 || (least ? k < pickKey : k > pickKey)) { pick = h; pickKey = k; }
    }
    if (pick < 0) break;
    setU8(hExclUnder, pick, 1);
    setU8(hExclPlace, pick, 1);
    if (eCount > eCap) growEntries(eCount);
    let n = 0;
    for (let g = i32At(phHead, pick); g >= 0; g = i32At(gNext, g)) {
      for (let e = i32At(pvHead, i32At(gV, g)); e >= 0; e = i32At(eNext, e)) setI32(listA, n++, i32At(eC, e));
    }
    if (n == 0) continue;
    sortContainers(listA, n);
    const firstMove = mvCount;
    let ok = true, placed = 0;
    for (let i = 0; i < n; i++) {
      // the lists may move when the entries grow: read them through the current pointers every time
      const c = i32At(listA, i);
      const v = firstFit(c, hExclPlace, true);
      if (v < 0) { ok = false; break; }
      setI32(listC, placed++, v);
      move(c, v);
    }
    if (ok) {
      for (let m = firstMove; m < mvCount; m++) setU8(hExclUnder, i32At(vHost, i32At(mvV, m)), 1);
    } else {
      mvCount = firstMove;
      if (!q(abi.CQ_EVACUATION_PHANTOMS)) for (let i = placed - 1; i >= 0; i--) dropTail(i32At(listC, i));
    }
  }
}

function execute(t: f64): void {
  for (let c = 0; c < N; c++) if (i32At(cState, c) == C_RUNNING) setF64(cRes, c, f64At(cReq, c));
  const delays = !q(abi.CQ_DELAYS_INVISIBLE);
  for (let m = 0; m < mvCount; m++) {
    const c = i32At(mvC, m), v = i32At(mvV, m);
    addTotal(abi.CT_CONTAINER_MIGRATIONS, 1);
    if (i32At(vState, v) == V_ALIVE) {
      detachContainer(c);
      attachContainer(c, v);
      if (delays) addTotal(abi.CT_UNAVAILABLE, cStartup);
    }
  }
  for (let m = 0; m < mvCount; m++) {
    const c = i32At(mvC, m), v = i32At(mvV, m);
    const st = i32At(vState, v);
    if (st != V_TENTATIVE && !(st == V_ALIVE && u8At(vWaiting, v) != 0)) continue;
    if (st == V_TENTATIVE) {
      attachVm(v, i32At(vHost, v));
      setU8(vWaiting, v, 1);
      addTotal(abi.CT_VMS_CREATED, 1);
      detachContainer(c);
      attachContainer(c, v);
    } else {
      detachContainer(c);
      attachContainer(c, v);
      setF64(cRes, c, fracAt(c, t + vmStartup) * f64At(cMips, c));
    }
    if (delays) addTotal(abi.CT_UNAVAILABLE, vmStartup + cStartup);
  }
  for (let i = 0; i < tvCount; i++) {
    const v = i32At(tv, i);
    if (i32At(vState, v) == V_TENTATIVE) releaseSlot(v);
  }
  for (let v = 0; v < V; v++) if (i32At(vState, v) == V_ALIVE) setU8(vWaiting, v, 0);
}

// ── Kubernetes ─────────────────────────────────────────────────────────────────────────────────────────

function nodeCpu(v: i32): f64 {
  let s: f64 = 0;
  for (let c = i32At(vCHead, v); c >= 0; c = i32At(cNext, c)) s += f64At(cWork, c);
  return s;
}

function nodeFits(v: i32, c: i32): bool {
  const t = i32At(vType, v);
  return vmCap(v) - nodeCpu(v) >= f64At(cWork, c) && f64At(typeRam, t) - realRam(v) >= f64At(cRam, c);
}

function schedule(c: i32, skip: i32): i32 {
  let best = -1, bestScore: f64 = 0;
  for (let v = 0; v < V; v++) {
    if (i32At(vState, v) != V_ALIVE || v == skip || !nodeFits(v, c)) continue;
    const share = (nodeCpu(v) + f64At(cWork, c)) / vmCap(v);
    const sc = score == abi.SCORE_MOST_ALLOCATED ? share : -share;
    if (best < 0 || sc > bestScore) { best = v; bestScore = sc; }
  }
  return best;
}

function hostForVm(t: i32): i32 {
  const full = rep(f64At(typePeMips, t), i32At(typePes, t));
  let empty = -1;
  for (let h = 0; h < H; h++) {
    let cpu: f64 = 0, ram: f64 = 0;
    for (let v = i32At(hHead, h); v >= 0; v = i32At(vNext, v)) { cpu += vmCap(v); ram += f64At(typeRam, i32At(vType, v)); }
    if (cpu + full > f64At(hTotal, h) * vmOvercommit || ram + f64At(typeRam, t) > f64At(hostRam, h)) continue;
    if (i32At(hVms, h) > 0) return h;
    if (empty < 0) empty = h;
  }
  return empty;
}

function startPod(c: i32, v: i32, t: f64, readyAt: f64): void {
  attachContainer(c, v);
  setI32(cState, c, C_STARTING);
  setF64(cReadyAt, c, readyAt);
  addTotal(abi.CT_UNAVAILABLE, readyAt - t);
}

function addNode(ready: f64): i32 {
  if (aliveVms >= maxVms) return -1;
  const h = hostForVm(newType);
  if (h < 0) return -1;
  const v = takeSlot(newType);
  if (v < 0) return -1;
  attachVm(v, h);
  setF64(vReadyAt, v, ready);
  addTotal(abi.CT_VMS_CREATED, 1);
  addTotal(abi.CT_SCALE_UPS, 1);
  return v;
}

function drainable(v: i32): bool {
  let n = 0, ok = true;
  let c = i32At(vCHead, v);
  while (c >= 0) {
    const next = i32At(cNext, c);
    const w = schedule(c, v);
    if (w < 0) { ok = false; break; }
    detachContainer(c);
    attachContainer(c, w);
    setI32(listA, n++, c);
    c = next;
  }
  for (let i = n - 1; i >= 0; i--) {
    const x = i32At(listA, i);
    detachContainer(x);
    attachContainerFront(x, v);
  }
  return ok;
}

function autoscale(t: f64, initial: bool): i32 {
  let moves = 0;
  const bootDelay: f64 = initial ? 0 : vmStartup;
  for (let c = 0; c < N; c++) {
    if (i32At(cState, c) != C_PENDING) continue;
    let v = schedule(c, -1);
    if (v < 0) v = addNode(t + bootDelay);
    if (v < 0) continue;
    if (initial) { attachContainer(c, v); setI32(cState, c, C_RUNNING); continue; }
    startPod(c, v, t, (t > f64At(vReadyAt, v) ? t : f64At(vReadyAt, v)) + f64At(cStart, c));
  }
  if (initial) return 0;
  let drained = false;
  for (let v = 0; v < V; v++) {
    if (i32At(vState, v) != V_ALIVE) continue;
    const cpuShare = nodeCpu(v) / vmCap(v);
    const ramShare = realRam(v) / f64At(typeRam, i32At(vType, v));
    const share = cpuShare > ramShare ? cpuShare : ramShare;
    if (!(share < sdUtil) || f64At(vReadyAt, v) > t) { setF64(vUnderSince, v, -1); continue; }
    if (f64At(vUnderSince, v) < 0) setF64(vUnderSince, v, t);
    if (t - f64At(vUnderSince, v) < sdSeconds || aliveVms <= minVms) continue;
    if (i32At(vCount, v) == 0) {
      detachVm(v);
      addTotal(abi.CT_VMS_REMOVED, 1);
      continue;
    }
    if (drained) continue;
    if (!drainable(v)) continue;
    let c = i32At(vCHead, v);
    while (c >= 0) {
      const next = i32At(cNext, c);
      const w = schedule(c, v);
      detachContainer(c);
      startPod(c, w, t, (t > f64At(vReadyAt, w) ? t : f64At(vReadyAt, w)) + f64At(cStart, c));
      addTotal(abi.CT_CONTAINER_MIGRATIONS, 1);
      moves++;
      c = next;
    }
    detachVm(v);
    addTotal(abi.CT_VMS_REMOVED, 1);
    drained = true;
  }
  return moves;
}

function arrivals(t: f64): void {
  for (let c = 0; c < N; c++) {
    const s = i32At(cState, c);
    if (s != C_GONE && f64At(cDepart, c) <= t) {
      detachContainer(c);
      setI32(cState, c, C_GONE);
      continue;
    }
    if (s == C_WAITING && f64At(cArrive, c) <= t) {
      if (mode == abi.MODE_KUBERNETES) setI32(cState, c, C_PENDING);
      else if (!startupPlace(c)) { setI32(cState, c, C_GONE); addTotal(abi.CT_FAILED_PLACEMENTS, 1); }
    }
  }
}

// ── Run ────────────────────────────────────────────────────────────────────────────────────────────────

export function run(): i32 {
  init();
  for (let h = 0; h < H; h++) {
    setF64(hTotal, h, rep(f64At(hostPeMips, h), i32At(hostPes, h)));
    setF64(hStartAvail, h, f64At(hTotal, h));
  }
  for (let v = V - 1; v >= V0; v--) { setI32(vFreeNext, v, freeVm); freeVm = v; }
  startupVms();
  pastPercentiles(0);
  if (mode == abi.MODE_KUBERNETES) {
    for (let c = 0; c < N; c++) if (f64At(cArrive, c) <= 0) setI32(cState, c, C_PENDING);
    autoscale(0, true);
    for (let c = 0; c < N; c++) if (i32At(cState, c) == C_PENDING) addTotal(abi.CT_FAILED_PLACEMENTS, 1);
  } else {
    for (let c = 0; c < N; c++) {
      if (f64At(cArrive, c) > 0) continue;
      if (!startupPlace(c)) { setI32(cState, c, C_GONE); addTotal(abi.CT_FAILED_PLACEMENTS, 1); }
    }
  }
  for (let h = 0; h < H; h++) {
    const on = i32At(hVms, h) > 0 ? 1 : 0;
    setU8(hPrevOn, h, on);
    setU8(hScanActive, h, q(abi.CQ_FIRST_TICK_PHANTOM_SHUTDOWNS) ? 1 : on);
  }
  let k = 0;
  const maxSteps = i32At(iparams, abi.CI_STEPS) > 0 ? min(i32At(iparams, abi.CI_STEPS), STEPS) : STEPS;
  for (let t = offset + interval; t < endTime && k < maxSteps; t = offset + <f64>(k + 1) * interval) {
    arrivals(t);
    pastPercentiles(t);
    updateDemand(t);
    account(t, k);
    const moves = mode == abi.MODE_CLOUDSIM ? consolidate(t) : autoscale(t, false);
    setF64(series, k * abi.CSERIES_COLS + abi.CS_MOVES, <f64>moves);
    setF64(series, k * abi.CSERIES_COLS + abi.CS_VMS_CREATED, f64At(totals, abi.CT_VMS_CREATED));
    k++;
  }
  setF64(totals, abi.CT_ENERGY_WS, energy);
  setF64(totals, abi.CT_STEPS, <f64>k);
  setF64(totals, abi.CT_LAST_TIME, lastTime);
  for (let c = 0; c < N; c++) setI32(cVmOut, c, i32At(cVm, c));
  for (let v = 0; v < V; v++) setI32(vmHostOut, v, i32At(vState, v) == V_ALIVE ? i32At(vHost, v) : -1);
  return abi.CIS_OK;
}
