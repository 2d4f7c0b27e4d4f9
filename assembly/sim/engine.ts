// The time-stepped consolidation simulator (WASM). It computes what the TypeScript reference
// core/sim/reference/engine.ts computes — read that file for the commented semantics (CloudSim 4.0's power
// package, Beloglazov & Buyya CCPE 2012) — with every f64 operation in the same order, so both give
// bit-identical results (test/property/sim-kernel-vs-reference.test.ts; the full PlanetLab day is pinned by
// test/unit/sim/preset-pins.test.ts). The reference is the plain oracle: it visits every host at every step.
// This kernel keeps a few incremental indexes instead, each exact because what it skips cannot change a number:
//  - `awake`: a superset of the hosts the reference's updateAll does not skip (a host leaves it when it is found
//    dormant — empty, idle and already recorded idle — and joins it when an item is listed on it). Updates,
//    energy, removals, saving/restoring the allocation and the per-step row walk only these hosts, in host
//    order; a dormant host adds exactly nothing to any sum.
//  - `touched`: hosts whose list or items changed since the last update. The second update at a move's
//    completion instant (dt = 0, no autoscaling) recomputes only these: for every other host an update at the
//    same instant rewrites the same values, except hPrevUtil := hUtil, which is done directly where the host lists
//    nothing (the dormant test reads it); a host that lists items is not visited, as the next update rewrites it first.
//  - PABFD (findHost) prices only non-excluded awake hosts that may list items (`occupied`: a host joins it when an
//    item is listed on it, and leaves it when a search finds it empty) plus, per host class, the first non-excluded empty
//    host (found with bit operations instead of a walk over every idle host), and checks overload in order of
//    increasing power increase, host index breaking ties — the reference's scan picks the same host: the
//    lowest-index one among the least power increases of hosts that are suitable and not overloaded. Of the
//    non-empty hosts it prices a bucket at a time (price-buckets.ts: hosts grouped by model, capacity and
//    utilisation, each group's power increase bounded from below), and none whose bound is above the least power
//    increase found, or above a runner-up's before that runner-up is taken. Where the overload test is cheap (THR,
//    screened LR and LRR) it is checked as hosts are priced, for each host that would come first, and there are no
//    runners-up: the least passing host is the same host.
//  - Host histories are summed once per tick and extended in place when an item is appended to a host's list
//    (appending adds the same terms in the same order as a recomputation would); demand sums likewise. LR and LRR
//    keep only their window's points of the sum (cacheHostHistory says why the rest is rarely read).
//  - Trace interpolation constants are computed once per instant rather than once per item, and the slope between
//    consecutive samples once per run (the same division the reference does at every read).
//  - After a partial update (move completions at an instant already updated), finished items are looked for only on
//    the hosts it recomputed: on every other host nothing a removal depends on changed since the full update. In
//    either case only on hosts whose update saw an item that may be finished (`finishingSet`).
//  - A host update allocates and writes the records in one walk of its list, and the energy step is summed in the
//    update walk itself (updateHost, updateAll say why each gives the same values).
//  - An item already updated at instant t is not updated again at t outside ticks and autoscaling (the second update
//    of an instant, a deferred one, an item listed on two hosts): its demand is then a function of t alone.
//    A full update (every awake host) updates every listed item first, in item order (updateAll), so that the item
//    records and this instant's trace values are read in memory order; the host walk then only reads the demands.
//  - Allocations (computeAlloc) that an update recomputes before anything reads them are not computed: at a live
//    migration's completion, for overloaded hosts losing items while a step plans, and after restore (completeMove,
//    optimize, restore say why each is never read); a host found dormant gets the empty list's allocation.
//  - IQR and MAD rule overload out without their order statistics where the host is below the threshold of a spread
//    no narrower than the real one (stats.ts spreadBound), and otherwise ask only whether the spread exceeds
//    (1 − utilisation) / s, which counting settles with fewer order statistics wherever the spread is not within a
//    relative 1e-6 of it (iqrAbove, madAbove): the same answer the full test gives there.
//  - LR and LRR (where their fit is linear in the history: unweighted, or loess without its robust step) decide
//    overload from the fit's linear form where it is clear by a margin far above every rounding, and run the exact
//    fit only where it is not (lr-screen.ts says why the answers are the same).
//  - Underload consolidation takes hosts in order of (utilisation, index) from a list sorted once per step
//    (utilisations do not change while a step plans), rather than scanning every host for each minimum.
//
// State layout, from arenaEnd (arena.ts), laid out by layoutState() at the start of each run:
//   item records       [N × 64 B] each, 64-byte aligned: the interval record (entryTime/Alloc/Req, totAlloc/totReq,
//                      migStart, entryMig, prevMig, underMig; REC_* below) and the demand record (req, frac, updated
//                      (instant of its last update), moving, inst, copies of size, base/scale fractions, trace row,
//                      cores; D_* below): one cache line each per item for what a host update reads and writes
//   f64 item columns:  histPrev, shortSum, shortCount, migMB (memory a migration copies now)   [N] each
//   f64 hist           [N × 2HL]     per-item utilisation history ring, stored twice, newest first
//   host records       [H × 128 B], 64-byte aligned, after the item records: avail, used, total, now, powNow, peMips,
//                      ram, bw (the line PABFD prices with), memory, bw capacity, util, model, count, prevUtil,
//                      prevNow, powPrev (H_* below)
//   f64 host columns:  entryTime/Alloc/Req, switchOn, reqSum, emptySince                       [H]
//   f64 hHistSum       [H × HL]      cached host history sums
//   f64 node columns:  req, alloc, ram, bw                                        [P = 4N + 1]
//   f64 pending times  [2N + 1];  f64 scratch vectors (history, regression); MC: one regression's QR [HL × HL]
//                      (before it, the screen's centred histories [HL × (HL + 3)]),
//                      screen work [2HL² + HL], kept correlations [8 B + HL²] and histories
//                      [HL × HL], QR of [1 | H] [(HL + 1) × HL], R diagonals (one regression's, [1 | H]'s) [HL + 1]
//                      each, Qᵀy, β
//   i32 item columns:  host, alive, histStart, histLen, listed   [N]; nodes [N × 4]
//   i32 host columns:  head, tail, entryActive, prevActive, classSeen                   [H]
//   i32 node columns:  item, host, prev, next, state, out                                [P]
//   i32 pending item/host [2N + 1]; lists, map, saved, moving-in snapshots; MC items [N + 1] and their history addresses [HL]
//   f64 under-candidates' and PABFD candidates' keys [H] each
//   i32 under-candidate and PABFD candidate hosts, overload-check flags [H] each
//   u64 host sets (bits.ts), W = ⌈H / 64⌉ words each: awake, touched, over, exclPlace, exclUnder, occupied, classed, unclassed, offWhenIdle, none (always empty), deferred (+ i32 deferred hosts [H]),
//       lastTouched, finishing, countZero, liveHosts, rebucketSet; then PABFD's buckets (price-buckets.ts layoutBuckets)
//   f64 tracesT [C × R] the traces time-major (the R values of one instant are read together), tracesD [C × R] the
//       slopes between consecutive samples, power tables
//   f64 hMaxMB [H] (cached largest migration memory on the list, LR/LRR); LR's linear forms hForm [3H], iForm [3N]
//   u8  hOut [H × N bits] (sticky migrating-out quirk only), MC candidates [HL], hReqValid, hHistValid, hMaxValid,
//       hFormValid [H] (cached demand sum, history sum, largest migration memory and linear form still valid),
//       iFormValid [N]
import * as abi from './abi';
import {
  H, N, M, R, STEPS, arenaEnd, params, iparams, hostModel, hostPes, hostPeMips, hostMemory, hostBw, hostMigrationRate,
  hostClass, itemMips, itemPes, itemMemory, itemBw, itemMigrationMB, itemBaseFrac, itemScaleFrac, itemTrace, itemKind,
  itemStartSeconds, itemArrive, itemDepart, itemInitialHost, itemMemoryTrace, traces, C, totals, series, itemHostOut,
  S, itemService, svcBase, svcMin, svcMax, svcFirst,
} from './arena';
import { bitIs, bitOff, bitOn, lowestHost, setWord, wordAt, wordsFor } from './bits';
import { align8, ensureMemory, f64At, i32At, setF64, setI32, u8At, setU8 } from './mem';
import { formMagnitude, formMean, formSlope, linearForm, lrDecide, prepareLrScreen } from './lr-screen';
import { maxCorrelationIndex } from './max-correlation';
import {
  ALWAYS, bound, bucketSummary, bucketWord, clearHeld, hold, heldBound, heldCount, heldHost, groupHost, hostFloor,
  layoutBuckets, orderBuckets, orderedBucket, rebucket, resetBuckets, unhold,
} from './price-buckets';
import { clampUtilisation, intervalEnergy, intervalEnergyOf, layoutPower, powerAt, preparePower } from './power';
import { allFinite, iqr, iqrAbove, iqrInRange, iqrOf, loess, mad, madAbove, madOf, regressReversed, spreadBound, spreadLeast, spreadMost, tricubeWeights } from './stats';

const SLOTS: i32 = 4;
const NODE_RESIDENT: i32 = 0;
const NODE_MIGRATING_IN: i32 = 1;
const NODE_STARTING: i32 = 2;
const NODE_BOOTING: i32 = 3;
const DORMANT: i32 = 3;
const SCALE_HISTORY: i32 = 64;
const MAX_VALUE: f64 = 1.7976931348623157e308;
// An item's interval record (the reference's iEntry*/iTot*/iMigStart/iUnderMig/iPrevMig columns), one 64-byte record
// per item, 64-byte aligned: every host update reads and writes most of these for each item it lists, in list order
// (so in no particular item order), and one cache line per item instead of one per column is what that walk touches.
const REC_BYTES: i32 = 64;
const REC_ENTRY_TIME: usize = 0; //  f64 time of the open record (-1: none yet)
const REC_ENTRY_ALLOC: usize = 8; // f64 allocated MIPS in it
const REC_ENTRY_REQ: usize = 16; //  f64 requested MIPS in it
const REC_TOT_ALLOC: usize = 24; //  f64 Σ allocated MIPS·s of closed records
const REC_TOT_REQ: usize = 32; //    f64 Σ requested MIPS·s
const REC_MIG_START: usize = 40; //  f64 start of the current move
const REC_ENTRY_MIG: usize = 48; //  i32 moving in the open record
const REC_PREV_MIG: usize = 52; //   i32 moving in the previous record
const REC_UNDER_MIG: usize = 56; //  f64 Σ (requested − allocated)·s while moving
@inline function recOf(i: i32): usize { return iRec + (<usize>i << 6); }
// An item's demand record: what a host update reads and writes for each item it lists besides the interval record —
// the request and its fraction, the instant of the last update, the moving and being-created flags, and copies of
// the static inputs the update reads (size, base and scale fractions, trace row, cores) — one 64-byte record per item,
// 64-byte aligned (after the interval records), for the same reason.
const DEM_BYTES: i32 = 64;
const D_REQ: usize = 0; //      f64 requested MIPS (frac × size) as of the last update
const D_FRAC: usize = 8; //     f64 demand fraction as of the last update
const D_UPDATED: usize = 16; // f64 instant of the last update (NaN: none)
const D_MIPS: usize = 24; //    f64 itemMips
const D_BASE: usize = 32; //    f64 itemBaseFrac
const D_SCALE: usize = 40; //   f64 itemScaleFrac
const D_TRACE: usize = 48; //   i32 itemTrace
const D_PES: usize = 52; //     i32 itemPes
const D_MOVING: usize = 56; //  i32 being moved (live migration, restart, replica start)
const D_INST: usize = 60; //    i32 being created: its request is its full size
@inline function demOf(i: i32): usize { return iDem + (<usize>i << 6); }
// A host's record, 128 bytes (two cache lines), 64-byte aligned, instead of sixteen columns. The first line holds
// everything PABFD prices a host with except its memory, bandwidth and model (the scan over every awake host is
// ~28 k searches a day), the second the rest of what the update and the energy step read; static inputs are copied.
const HOST_BYTES: i32 = 128;
const H_AVAIL: usize = 0; //      f64 MIPS not allocated
const H_USED: usize = 8; //       f64 MIPS used by the allocations (moving-in reservations counted whole)
const H_TOTAL: usize = 16; //     f64 capacity, cores × MIPS per core
const H_NOW: usize = 24; //       f64 utilisation as of the last update, clamped (clampUtilisation)
const H_POW_NOW: usize = 32; //   f64 its power (utilisation at most 1)
const H_PE_MIPS: usize = 40; //   f64 hostPeMips
const H_RAM: usize = 48; //       f64 memory reserved
const H_BW: usize = 56; //        f64 bandwidth reserved
const H_MEMORY: usize = 64; //    f64 hostMemory
const H_BW_CAP: usize = 72; //    f64 hostBw
const H_UTIL: usize = 80; //      f64 MIPS in use as of the last update
const H_MODEL: usize = 88; //     i32 hostModel
const H_COUNT: usize = 92; //     i32 nodes listed
const H_PREV_UTIL: usize = 96; // f64 H_UTIL before the last update, and its clamped value and power
const H_PREV_NOW: usize = 104;
const H_POW_PREV: usize = 112;
@inline function hostAt(h: i32): usize { return hRec + (<usize>h << 7); }

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
let iHistPrev: usize = 0, iHist: usize = 0, iRec: usize = 0, iDem: usize = 0;
let iShortSum: usize = 0, iShortCount: usize = 0, iMigMB: usize = 0;
let hRec: usize = 0;
let hEntryTime: usize = 0, hEntryAlloc: usize = 0, hEntryReq: usize = 0, hSwitchOn: usize = 0;
let hReqSum: usize = 0, hHistSum: usize = 0, hEmptySince: usize = 0;
let sumLength: i32 = 0; // how many points of each host history sum are cached (see cacheHostHistory)
let nReq: usize = 0, nAlloc: usize = 0, nRam: usize = 0, nBw: usize = 0;
let pTime: usize = 0;
let hist: usize = 0, scratchA: usize = 0, scratchB: usize = 0, scratchC: usize = 0, scratchD: usize = 0, est: usize = 0;
let mcOne: usize = 0, mcW: usize = 0, mcK: usize = 0, mcKH: usize = 0, mcQ: usize = 0, mcR: usize = 0, mcRF: usize = 0, mcV: usize = 0, mcB: usize = 0;
// i32 state
let iHost: usize = 0, iAlive: usize = 0, iHistStart: usize = 0, iHistLen: usize = 0;
// iListed: nodes listing each item, kept by appendNode, removeNode and clearList. iNodes says the same, but testing its
// four slots in updateAll's item pass measured 2–4 % slower over a whole day than this count.
let iListed: usize = 0;
let itemsUpdated: bool = false; // every listed item was updated at this instant before the host walk (updateAll)
let iNodes: usize = 0;
let hHead: usize = 0, hTail: usize = 0, hEntryActive: usize = 0, hPrevActive: usize = 0, classSeen: usize = 0;
let nItem: usize = 0, nHost: usize = 0, nPrev: usize = 0, nNext: usize = 0, nState: usize = 0, nOut: usize = 0;
let pItem: usize = 0, pHost: usize = 0;
let list: usize = 0, mapItem: usize = 0, mapHost: usize = 0, savedHost: usize = 0, savedItem: usize = 0;
let inHost: usize = 0, inItem: usize = 0, inState: usize = 0, mcItems: usize = 0, mcCols: usize = 0;
// incremental indexes (see the top of this file)
let tracesT: usize = 0, tracesD: usize = 0, uKey: usize = 0, cDiff: usize = 0, uHost: usize = 0, cHost: usize = 0, cCheck: usize = 0, cHeap: usize = 0, cHeapKey: usize = 0;
let W: i32 = 0, classCount: i32 = 0;
let deferredSet: usize = 0, deferredHosts: usize = 0;
let awake: usize = 0, touched: usize = 0, lastTouched: usize = 0, finishingSet: usize = 0, overSet: usize = 0, exclPlace: usize = 0, exclUnder: usize = 0, occupied: usize = 0;
let classedSet: usize = 0, unclassedSet: usize = 0, offWhenIdle: usize = 0, noneSet: usize = 0;
// countZero: hosts listing no item (the only ones isEmpty can hold for); liveHosts: one search's awake, occupied,
// non-excluded hosts (findHost); rebucketSet: hosts whose hUsed, hNow or hPowNow changed since their PABFD bucket
// (price-buckets.ts) was found — found again at the next search, once however often they changed in between
let countZero: usize = 0, liveHosts: usize = 0, rebucketSet: usize = 0;
let anyMemoryTrace: bool = false, earliestDepart: f64 = Infinity;
let lrScreened: bool = false; // LR/LRR's overload test screened by its linear form (lr-screen.ts)
let traceT: f64 = NaN, traceMode: i32 = 0, traceCol: i32 = 0, traceT1: i32 = 0, traceT2: i32 = 0, traceDen: f64 = 0, traceOff: f64 = 0;
// u8 state
let mcCandidate: usize = 0;
let hOut: usize = 0, hOutSize: i32 = 0, hReqValid: usize = 0, hHistValid: usize = 0, hMaxValid: usize = 0, hMaxMB: usize = 0;
// LR's linear forms (lr-screen.ts) of each host's history sums and each item's history [3 f64 each], while valid
let hForm: usize = 0, iForm: usize = 0, hFormValid: usize = 0, iFormValid: usize = 0;
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
  sumLength = detector == abi.DETECTOR_IQR || detector == abi.DETECTOR_MAD ? HL : min(lrWindow, HL);
  P = N * SLOTS + 1;
  let at = align8(arenaEnd);
  at = (at + 63) & ~(<usize>63);
  iRec = at; at += n * <usize>REC_BYTES;
  iDem = at; at += n * <usize>DEM_BYTES;
  hRec = at; at += h * <usize>HOST_BYTES;
  iHistPrev = at; at += n * 8;
  iShortSum = at; at += n * 8; iShortCount = at; at += n * 8;
  iMigMB = at; at += n * 8;
  iHist = at; at += n * 2 * hl * 8;
  hEntryTime = at; at += h * 8; hEntryAlloc = at; at += h * 8;
  hEntryReq = at; at += h * 8; hSwitchOn = at; at += h * 8; hReqSum = at; at += h * 8;
  hEmptySince = at; at += h * 8;
  hHistSum = at; at += h * hl * 8;
  nReq = at; at += p * 8; nAlloc = at; at += p * 8; nRam = at; at += p * 8; nBw = at; at += p * 8;
  pTime = at; at += q * 8;
  hist = at; at += w * 8; scratchA = at; at += w * 8; scratchB = at; at += w * 8; scratchC = at; at += w * 8;
  scratchD = at; at += w * 8; est = at; at += 2 * 8;
  mcOne = at; at += (hl + 3) * hl * 8; mcW = at; at += (2 * hl * hl + hl) * 8;
  mcK = at; at += 8 + hl * hl * 8; mcKH = at; at += hl * hl * 8;
  mcQ = at; at += (hl + 1) * hl * 8; mcR = at; at += (hl + 1) * 8; mcRF = at; at += (hl + 1) * 8; mcV = at; at += hl * 8; mcB = at; at += (hl + 1) * 8;
  uKey = at; at += h * 8; cDiff = at; at += h * 8; cHeapKey = at; at += h * 8;
  tracesT = at; at += <usize>R * <usize>C * 8;
  tracesD = at; at += <usize>R * <usize>C * 8;
  at = layoutPower(at, M);
  W = wordsFor(H);
  const wb = <usize>W * 8;
  awake = at; at += wb; touched = at; at += wb; overSet = at; at += wb; exclPlace = at; at += wb; exclUnder = at; at += wb;
  occupied = at; at += wb; classedSet = at; at += wb; unclassedSet = at; at += wb; offWhenIdle = at; at += wb; noneSet = at; at += wb;
  deferredSet = at; at += wb; lastTouched = at; at += wb; finishingSet = at; at += wb;
  countZero = at; at += wb; liveHosts = at; at += wb; rebucketSet = at; at += wb;
  at = layoutBuckets(at, H, W);
  uHost = at; at += h * 4; cHost = at; at += h * 4; cCheck = at; at += h * 4; cHeap = at; at += h * 4; deferredHosts = at; at += h * 4;
  iHost = at; at += n * 4; iAlive = at; at += n * 4;
  iHistStart = at; at += n * 4; iHistLen = at; at += n * 4; iListed = at; at += n * 4;
  iNodes = at; at += n * <usize>SLOTS * 4;
  hHead = at; at += h * 4; hTail = at; at += h * 4; hEntryActive = at; at += h * 4;
  hPrevActive = at; at += h * 4; classSeen = at; at += (h + 1) * 4;
  nItem = at; at += p * 4; nHost = at; at += p * 4; nPrev = at; at += p * 4; nNext = at; at += p * 4;
  nState = at; at += p * 4; nOut = at; at += p * 4;
  pItem = at; at += q * 4; pHost = at; at += q * 4;
  list = at; at += (n + 1) * 4; mapItem = at; at += q * 4; mapHost = at; at += q * 4;
  savedHost = at; at += p * 4; savedItem = at; at += p * 4; inHost = at; at += p * 4; inItem = at; at += p * 4;
  inState = at; at += p * 4; mcItems = at; at += (n + 1) * 4; mcCols = at; at += hl * 4;
  hOutSize = quirk(abi.QUIRK_STICKY_MIGRATING_OUT) ? H * N : 0; // bits
  hOut = at; at += (<usize>hOutSize + 7) >> 3;
  sReady = at; at += <usize>S * 4; sDesiredPos = at; at += <usize>S * 4;
  at = align8(at);
  sDesired = at; at += <usize>S * <usize>SCALE_HISTORY * 2 * 8;
  hMaxMB = at; at += h * 8; hForm = at; at += h * 3 * 8; iForm = at; at += n * 3 * 8;
  mcCandidate = at; at += hl; hReqValid = at; at += h; hHistValid = at; at += h; hMaxValid = at; at += h; hFormValid = at; at += h; iFormValid = at; at += n;
  ensureMemory(align8(at) + 8);
  // Every column starts at 0, except the time-major traces, which initState writes whole (the slopes' last column
  // excepted, which nothing reads: zeroed all the same) — several megabytes a PlanetLab day need not clear.
  const tracesEnd = tracesD + <usize>R * <usize>C * 8, lastSlopes = tracesD + <usize>R * <usize>(C - 1) * 8;
  memory.fill(align8(arenaEnd), 0, tracesT - align8(arenaEnd));
  if (C > 0) memory.fill(lastSlopes, 0, tracesEnd - lastSlopes);
  memory.fill(tracesEnd, 0, at - tracesEnd);
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
  resetBuckets();
  for (let i = 0; i < N; i++) {
    setI32(iHost, i, -1);
    store<f64>(recOf(i), -1, REC_ENTRY_TIME);
    setF64(iMigMB, i, f64At(itemMigrationMB, i));
    const d = demOf(i);
    store<f64>(d, NaN, D_UPDATED);
    store<f64>(d, f64At(itemMips, i), D_MIPS); store<f64>(d, f64At(itemBaseFrac, i), D_BASE);
    store<f64>(d, f64At(itemScaleFrac, i), D_SCALE); store<i32>(d, i32At(itemTrace, i), D_TRACE); store<i32>(d, i32At(itemPes, i), D_PES);
    for (let k = 0; k < SLOTS; k++) setI32(iNodes, i * SLOTS + k, -1);
    setI32(iListed, i, 0);
  }
  for (let h = 0; h < H; h++) {
    const r = hostAt(h);
    store<f64>(r, f64At(hostPeMips, h), H_PE_MIPS); store<f64>(r, f64At(hostMemory, h), H_MEMORY);
    store<f64>(r, f64At(hostBw, h), H_BW_CAP); store<i32>(r, i32At(hostModel, h), H_MODEL);
    setI32(hHead, h, -1); setI32(hTail, h, -1);
    setF64(hEntryTime, h, -1);
    setI32(hPrevActive, h, 1);
    const total = <f64>i32At(hostPes, h) * load<f64>(hostAt(h), H_PE_MIPS);
    store<f64>(hostAt(h), total, H_TOTAL);
    store<f64>(hostAt(h), total, H_AVAIL);
    groupHost(h, i32At(hostModel, h), total); // before setNow, which marks it for rebucketing
    bitOn(countZero, h);
    setF64(hEmptySince, h, -Infinity);
    setI32(classSeen, h, -1);
    setNow(h);
    keepPrevious(h);
    // Every host starts awake: none has an idle record yet (hEntryTime = -1), so the first update visits all.
    bitOn(awake, h);
    const cls = i32At(hostClass, h);
    if (cls >= 0 && cls <= H) bitOn(classedSet, h); else bitOn(unclassedSet, h);
    if (clampUtilisation(0, total) == 0) bitOn(offWhenIdle, h);
  }
  setI32(classSeen, H, -1);
  anyMemoryTrace = false; earliestDepart = Infinity;
  for (let i = 0; i < N; i++) {
    if (i32At(itemMemoryTrace, i) >= 0) anyMemoryTrace = true;
    if (f64At(itemDepart, i) < earliestDepart) earliestDepart = f64At(itemDepart, i); // (NaN departs never)
  }
  preparePower(M);
  // The traces time-major, eight rows at a time: each instant's eight values fill one cache line of tracesT, where a
  // row at a time would write every value to a different line and page.
  for (let r0 = 0; r0 < R; r0 += 8) {
    const r1 = min(r0 + 8, R);
    for (let c = 0; c < C; c++) for (let r = r0; r < r1; r++) setF64(tracesT, c * R + r, f64At(traces, r * C + c));
  }
  // Slopes between consecutive samples, divided as the reference divides them between samples one interval apart
  // ((u2 − u1) / ((t2 − t1) · ti) with t2 − t1 = 1, and 1 · ti is ti): once per run instead of once per item update.
  // Two per f64x2, each lane the scalar operations (the instants are contiguous: c · R + r and (c + 1) · R + r).
  // The divisor is written again in the scalar tail on purpose: one shared local gave the same values, but Binaryen
  // then laid the kernel out differently and a day measured 0.6–1 % slower (4924182).
  const span = f64x2.splat(<f64>1 * traceInterval);
  const values = <i32>max(0, C - 1) * R;
  let k = 0;
  for (; k + 1 < values; k += 2) {
    const at = <usize>k << 3, next = <usize>(k + R) << 3;
    v128.store(tracesD + at, f64x2.div(f64x2.sub(v128.load(tracesT + next), v128.load(tracesT + at)), span));
  }
  for (; k < values; k++) setF64(tracesD, k, (f64At(tracesT, k + R) - f64At(tracesT, k)) / (<f64>1 * traceInterval));
  // Distinct host classes: once PABFD has priced an empty host of each, no other empty host can win.
  classCount = 0;
  for (let h = 0; h < H; h++) {
    const cls = i32At(hostClass, h);
    if (cls < 0 || cls > H || i32At(classSeen, cls) == -2) continue;
    setI32(classSeen, cls, -2);
    classCount++;
  }
  for (let k = 0; k <= H; k++) setI32(classSeen, k, -1);
  traceT = NaN;
  for (let k = 0; k < P - 1; k++) setI32(nNext, k, k + 1);
  setI32(nNext, P - 1, -1);
  freeNode = 0; pCount = 0; pHead = 0; mapCount = 0; findCall = 0; startedThisTick = 0; deferredCount = 0;
  lastProcessTime = 0; energy = 0; migrations = 0; restarts = 0; removed = 0; failedPlacements = 0; status = abi.SIM_OK;
  scaleEvents = 0;
  for (let k = 0; k < S * SCALE_HISTORY * 2; k++) setF64(sDesired, k, -1);
  for (let k = 0; k < abi.TOTAL_SLOTS; k++) setF64(totals, k, 0);
  for (let k = 0; k < STEPS * abi.SERIES_COLS; k++) setF64(series, k, 0);
}

// ── Demand ───────────────────────────────────────────────────────────────────────────────────────────

// Where instant t falls in the traces, the same for every row: computed once per instant (the reference
// recomputes it per row with the same operations). Modes: 0 = a sample (traceCol), 1 = interpolate between
// traceT1 and traceT2, 2 = the same between samples one interval apart, with the slope divided once per run (tracesD).
function locateTrace(t: f64): void {
  traceT = t;
  const ti = traceInterval, cols = C;
  const q = floor(t / ti);
  if (q * ti == t) { traceMode = 0; traceCol = min(cols - 1, <i32>q); return; }
  const t1 = <i32>floor(t / ti);
  const t2 = <i32>ceil(t / ti);
  if (t2 > cols - 1) { traceMode = 0; traceCol = cols - 1; return; }
  traceMode = t2 - t1 == 1 ? 2 : 1; traceT1 = t1; traceT2 = t2;
  traceDen = <f64>(t2 - t1) * ti;
  traceOff = t - <f64>t1 * ti;
}

/** Mode 2's value: the sample at index `at` of tracesT plus its slope (tracesD) times the offset. */
@inline function betweenSamples(at: i32, off: f64): f64 {
  return f64At(tracesT, at) + f64At(tracesD, at) * off;
}

@inline function traceAt(row: i32, t: f64): f64 {
  if (t != traceT) locateTrace(t);
  if (traceMode == 2) return betweenSamples(traceT1 * R + row, traceOff);
  if (traceMode == 0) return f64At(tracesT, traceCol * R + row);
  const u1 = f64At(tracesT, traceT1 * R + row);
  const u2 = f64At(tracesT, traceT2 * R + row);
  const delta = (u2 - u1) / traceDen;
  return u1 + delta * traceOff;
}

@inline function requested(i: i32): f64 {
  const d = demOf(i);
  return load<i32>(d, D_INST) != 0 ? load<f64>(d, D_MIPS) : load<f64>(d, D_REQ);
}

@inline function memoryRequest(i: i32): f64 {
  return load<i32>(demOf(i), D_INST) != 0 || !quirk(abi.QUIRK_MEMORY_AT_CREATION_ONLY) ? f64At(itemMemory, i) : 0;
}

@inline function bwRequest(i: i32): f64 {
  return load<i32>(demOf(i), D_INST) != 0 || !quirk(abi.QUIRK_MEMORY_AT_CREATION_ONLY) ? f64At(itemBw, i) : 0;
}

// Each ring is stored twice in a row ([2·HL] per item), so the HL values from the newest on are contiguous:
// reading history j needs no modulo (this is read far more often than written).
@inline function histAt(i: i32, j: i32): f64 {
  return f64At(iHist, i * 2 * HL + i32At(iHistStart, i) + j);
}

/** Address of item i's history from its newest value on (histAt(i, j) is the f64 at j). */
@inline function historyOf(i: i32): usize {
  return iHist + (<usize>(i * 2 * HL + i32At(iHistStart, i)) << 3);
}

/**
 * sum[j] += h[j] · mips / total for j < len: an item's terms of its host's history sum. Two j per f64x2, each lane
 * doing the scalar expression's operations in the same order (SIMD f64 arithmetic rounds each lane as scalar
 * arithmetic does), so the same bits with half the (mostly division) instructions.
 */
@inline function addHistory(sum: usize, h: usize, len: i32, mips: f64, total: f64): void {
  const vm = f64x2.splat(mips), vt = f64x2.splat(total);
  let j = 0;
  for (; j + 1 < len; j += 2) {
    const at = <usize>j << 3;
    v128.store(sum + at, f64x2.add(v128.load(sum + at), f64x2.div(f64x2.mul(v128.load(h + at), vm), vt)));
  }
  if (j < len) setF64(sum, j, f64At(sum, j) + f64At(h, j) * mips / total);
}

/** An item's demand record's fraction and request (fraction × size). */
@inline function setDemand(d: usize, frac: f64): void {
  store<f64>(d, frac, D_FRAC);
  store<f64>(d, frac * load<f64>(d, D_MIPS), D_REQ);
}

@inline function updateItem(i: i32, t: f64, tick: bool): void {
  const d = demOf(i);
  // The service is read only with autoscaling on, the memory trace only where some item has one: columns the
  // update would otherwise load for every item at every instant.
  const s = scaleTarget > 0 ? i32At(itemService, i) : -1;
  let frac: f64;
  if (s >= 0) {
    frac = load<f64>(d, D_BASE) + traceAt(load<i32>(d, D_TRACE), t) * load<f64>(d, D_SCALE) * (f64At(svcBase, s) / <f64>max(1, i32At(sReady, s)));
  } else {
    frac = load<f64>(d, D_BASE) + traceAt(load<i32>(d, D_TRACE), t) * load<f64>(d, D_SCALE);
  }
  setDemand(d, frac);
  if (anyMemoryTrace) {
    const memRow = i32At(itemMemoryTrace, i);
    if (memRow >= 0) setF64(iMigMB, i, f64At(itemMigrationMB, i) * traceAt(memRow, t));
  }
  if (tick && t > f64At(iHistPrev, i)) {
    const s = (i32At(iHistStart, i) + HL - 1) % HL;
    setI32(iHistStart, i, s);
    setF64(iHist, i * 2 * HL + s, frac);
    setF64(iHist, i * 2 * HL + s + HL, frac);
    if (i32At(iHistLen, i) < HL) setI32(iHistLen, i, i32At(iHistLen, i) + 1);
    setF64(iHistPrev, i, t);
    setU8(iFormValid, i, 0);
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
  const nd = linkNode(h, i, state);
  if (nd < 0) return -1;
  setI32(nOut, nd, 0); setF64(nReq, nd, 0); setF64(nAlloc, nd, 0); setF64(nRam, nd, 0); setF64(nBw, nd, 0);
  // The item is last in the list: the cached sums grow by its terms, added as a recomputation would add them.
  if (u8At(hReqValid, h) != 0) setF64(hReqSum, h, f64At(hReqSum, h) + requested(i));
  if (u8At(hMaxValid, h) != 0 && f64At(iMigMB, i) > f64At(hMaxMB, h)) setF64(hMaxMB, h, f64At(iMigMB, i));
  setU8(hFormValid, h, 0);
  if (u8At(hHistValid, h) != 0) {
    const len = min(i32At(iHistLen, i), sumLength), mips = load<f64>(demOf(i), D_MIPS), total = load<f64>(hostAt(h), H_TOTAL), base = h * HL;
    addHistory(hHistSum + (<usize>base << 3), historyOf(i), len, mips, total);
  }
  return nd;
}

/**
 * A node for item i at the end of h's list (state, links, counts, host sets); the caller writes its request,
 * allocation, reservations and outgoing flag. −1 where the node pool or the item's slots are full.
 */
@inline function linkNode(h: i32, i: i32, state: i32): i32 {
  const nd = freeNode;
  if (nd < 0) { status = abi.SIM_ERR_NODE_POOL; return -1; }
  let slot = -1;
  for (let k = 0; k < SLOTS; k++) if (i32At(iNodes, i * SLOTS + k) < 0) { slot = k; break; }
  if (slot < 0) { status = abi.SIM_ERR_NODE_POOL; return -1; }
  freeNode = i32At(nNext, nd);
  setI32(iNodes, i * SLOTS + slot, nd);
  setI32(iListed, i, i32At(iListed, i) + 1);
  setI32(nItem, nd, i); setI32(nHost, nd, h); setI32(nState, nd, state);
  setI32(nNext, nd, -1); setI32(nPrev, nd, i32At(hTail, h));
  if (i32At(hTail, h) >= 0) setI32(nNext, i32At(hTail, h), nd); else setI32(hHead, h, nd);
  setI32(hTail, h, nd);
  store<i32>(hostAt(h), load<i32>(hostAt(h), H_COUNT) + 1, H_COUNT);
  bitOff(countZero, h);
  // `occupied`: a superset of the non-empty hosts (isEmpty false), for findHost. Only a listed item makes a host
  // non-empty: memory and bandwidth are reserved only for listed items, and an update of an empty list gives 0.
  bitOn(awake, h); bitOn(touched, h); bitOn(occupied, h);
  return nd;
}

/**
 * restore's appendNode, memory and bandwidth reservation and allocateFor in one: the same node and the same values
 * (restore has dropped the host's caches, so none is extended, and each field is written once).
 */
function relist(h: i32, i: i32, state: i32): i32 {
  const nd = linkNode(h, i, state);
  if (nd < 0) return -1;
  const ram = memoryRequest(i), bw = bwRequest(i), r = hostAt(h);
  setF64(nAlloc, nd, 0); setF64(nRam, nd, ram); setF64(nBw, nd, bw);
  store<f64>(r, load<f64>(r, H_RAM) + ram, H_RAM); store<f64>(r, load<f64>(r, H_BW) + bw, H_BW);
  allocateNode(nd, h, i, requested(i), load<i32>(demOf(i), D_MOVING) != 0, state);
  return nd;
}

/** The host's cached demand sum, history sum, largest migration memory and linear form, to be computed again. */
@inline function dropCaches(h: i32): void {
  setU8(hReqValid, h, 0); setU8(hHistValid, h, 0); setU8(hMaxValid, h, 0); setU8(hFormValid, h, 0);
}

function removeNode(nd: i32): void {
  const h = i32At(nHost, nd), i = i32At(nItem, nd);
  const prev = i32At(nPrev, nd), next = i32At(nNext, nd);
  if (prev >= 0) setI32(nNext, prev, next); else setI32(hHead, h, next);
  if (next >= 0) setI32(nPrev, next, prev); else setI32(hTail, h, prev);
  store<i32>(hostAt(h), load<i32>(hostAt(h), H_COUNT) - 1, H_COUNT);
  if (load<i32>(hostAt(h), H_COUNT) == 0) bitOn(countZero, h);
  dropCaches(h);
  bitOn(touched, h);
  store<f64>(hostAt(h), load<f64>(hostAt(h), H_RAM) - f64At(nRam, nd), H_RAM);
  store<f64>(hostAt(h), load<f64>(hostAt(h), H_BW) - f64At(nBw, nd), H_BW);
  for (let k = 0; k < SLOTS; k++) if (i32At(iNodes, i * SLOTS + k) == nd) setI32(iNodes, i * SLOTS + k, -1);
  setI32(iListed, i, i32At(iListed, i) - 1);
  setI32(nNext, nd, freeNode);
  freeNode = nd;
}

/**
 * Every node of h's list removed, as removeNode from the head until the list is empty, then the memory and bandwidth
 * reserved set to 0 (restore's reset): the nodes go onto the free list in the same order, and what removeNode's
 * unlinking and running sums would write in between is overwritten here (a freed node's links are rewritten when
 * it is listed again).
 */
function clearList(h: i32): void {
  let nd = i32At(hHead, h);
  dropCaches(h); // an empty list's too, so that the relisting that follows extends none
  if (nd >= 0) bitOn(touched, h);
  while (nd >= 0) {
    const next = i32At(nNext, nd), i = i32At(nItem, nd);
    for (let k = 0; k < SLOTS; k++) if (i32At(iNodes, i * SLOTS + k) == nd) setI32(iNodes, i * SLOTS + k, -1);
    setI32(iListed, i, i32At(iListed, i) - 1);
    setI32(nNext, nd, freeNode);
    freeNode = nd;
    nd = next;
  }
  setI32(hHead, h, -1); setI32(hTail, h, -1);
  const r = hostAt(h);
  store<i32>(r, 0, H_COUNT); store<f64>(r, 0, H_RAM); store<f64>(r, 0, H_BW);
  bitOn(countZero, h);
}

@inline function allocateFor(nd: i32): void {
  const i = i32At(nItem, nd);
  allocateNode(nd, i32At(nHost, nd), i, requested(i), load<i32>(demOf(i), D_MOVING) != 0, i32At(nState, nd));
}

/** allocateFor with the node's host, item, request, the item's moving flag and the node's state already read (the
 * host update's walk reads them for itself too); returns whether the node is migrating out (nOut). */
@inline function allocateNode(nd: i32, h: i32, i: i32, req: f64, moving: bool, state: i32): i32 {
  setF64(nReq, nd, req);
  let out: i32;
  if (hOutSize > 0) {
    const bit = h * N + i, byte = bit >> 3, mask = 1 << (bit & 7);
    let v = u8At(hOut, byte);
    if (moving) { if (state == NODE_RESIDENT) v |= mask; } else v &= ~mask;
    setU8(hOut, byte, v);
    out = (v & mask) != 0 ? 1 : 0;
  } else {
    out = moving && state == NODE_RESIDENT ? 1 : 0;
  }
  setI32(nOut, nd, out);
  return out;
}

/** A node's request per core, capped at one core's MIPS. */
@inline function cappedPerCore(nd: i32, pes: i32, peMips: f64): f64 {
  return cappedOf(f64At(nReq, nd), pes, peMips);
}

/** A request per core (the reference divides by the core count, and x / 1 is x), capped at one core's MIPS. */
@inline function cappedOf(req: f64, pes: i32, peMips: f64): f64 {
  const per = pes == 1 ? req : req / <f64>pes;
  return per > peMips ? peMips : per;
}

/** What a node asks of the host: its capped per-core request on each core (added core by core, as the reference
 * does), times the target's share while it migrates in. */
@inline function requestOnCores(cap: f64, pes: i32, migIn: bool): f64 {
  let tot = onCores(cap, pes);
  if (migIn) tot *= tgtShare;
  return tot;
}

/** v added once per core, from 0, core by core as the reference adds it: one core's sum without a loop (most items
 * have one core, and every loop carries a stack check). */
@inline function onCores(v: f64, pes: i32): f64 {
  let sum: f64 = 0;
  if (pes == 1) return sum + v;
  for (let k = 0; k < pes; k++) sum += v;
  return sum;
}

/**
 * The reference's computeAlloc (VmSchedulerTimeShared): allocations in list order while they fit, else every
 * node scaled down and floored (scaleAllocations); then hAvail and hUsed, summed as the nodes are allocated (the
 * same terms in the same order as the reference's final pass).
 */
function computeAlloc(h: i32): void {
  const peMips = load<f64>(hostAt(h), H_PE_MIPS);
  let avail = load<f64>(hostAt(h), H_TOTAL);
  let used: f64 = 0;
  for (let nd = i32At(hHead, h); nd >= 0; nd = i32At(nNext, nd)) {
    const i = i32At(nItem, nd), pes = load<i32>(demOf(i), D_PES);
    const cap = cappedPerCore(nd, pes, peMips);
    const migIn = i32At(nState, nd) == NODE_MIGRATING_IN;
    const tot = requestOnCores(cap, pes, migIn);
    if (!(avail >= tot)) { scaleAllocations(h); return; }
    const sum = allocationOf(nd, cap, pes, migIn);
    setF64(nAlloc, nd, sum);
    avail -= tot;
    if (migIn) used += sum * (1 - tgtShare) / tgtShare;
    used += sum;
  }
  setAllocated(h, avail, used);
}

/** A node's allocation when every node fits: its capped per-core request on each core, times its share. */
@inline function allocationOf(nd: i32, cap: f64, pes: i32, migIn: bool): f64 {
  return allocationWith(i32At(nOut, nd), cap, pes, migIn);
}

/** allocationOf with the node's migrating-out flag (nOut) already known. */
@inline function allocationWith(out: i32, cap: f64, pes: i32, migIn: bool): f64 {
  let v = cap; // each core's share, the same on every core
  if (out != 0) v *= srcShare;
  else if (migIn) v *= tgtShare;
  return onCores(v, pes);
}

/** The reference's computeAlloc where the requests do not all fit: every node scaled down and floored. */
function scaleAllocations(h: i32): void {
  const peMips = load<f64>(hostAt(h), H_PE_MIPS), total = load<f64>(hostAt(h), H_TOTAL);
  let required: f64 = 0;
  for (let nd = i32At(hHead, h); nd >= 0; nd = i32At(nNext, nd)) {
    const i = i32At(nItem, nd), pes = load<i32>(demOf(i), D_PES);
    required += requestOnCores(cappedPerCore(nd, pes, peMips), pes, i32At(nState, nd) == NODE_MIGRATING_IN);
  }
  const sf = total / required;
  let used: f64 = 0;
  for (let nd = i32At(hHead, h); nd >= 0; nd = i32At(nNext, nd)) {
    const i = i32At(nItem, nd), pes = load<i32>(demOf(i), D_PES);
    const cap = cappedPerCore(nd, pes, peMips);
    let sum: f64 = 0;
    for (let k = 0; k < pes; k++) {
      let m = cap;
      if (i32At(nOut, nd) != 0) { m *= sf; m *= srcShare; } else if (i32At(nState, nd) == NODE_MIGRATING_IN) { m *= tgtShare; m *= sf; } else m *= sf;
      sum += floor(m);
    }
    setF64(nAlloc, nd, sum);
    if (i32At(nState, nd) == NODE_MIGRATING_IN) used += sum * (1 - tgtShare) / tgtShare;
    used += sum;
  }
  setAllocated(h, 0, used);
}

/** `alloc`: false where the caller leaves the allocation to an update that follows (completeMove). */
function vmCreate(h: i32, i: i32, alloc: bool = true): bool {
  const ram = memoryRequest(i), bw = bwRequest(i);
  if (load<f64>(hostAt(h), H_MEMORY) - load<f64>(hostAt(h), H_RAM) < ram || load<f64>(hostAt(h), H_BW_CAP) - load<f64>(hostAt(h), H_BW) < bw) return false;
  const nd = appendNode(h, i, NODE_RESIDENT);
  if (nd < 0) return false;
  setF64(nRam, nd, ram); setF64(nBw, nd, bw);
  store<f64>(hostAt(h), load<f64>(hostAt(h), H_RAM) + ram, H_RAM); store<f64>(hostAt(h), load<f64>(hostAt(h), H_BW) + bw, H_BW);
  allocateFor(nd);
  if (alloc) computeAlloc(h);
  return true;
}

function vmDestroy(h: i32, i: i32, alloc: bool = true): void {
  const nd = nodeOf(i, h, -1);
  if (nd < 0) return;
  removeNode(nd);
  if (alloc) computeAlloc(h);
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

/**
 * The reference's host update: every item on the host updated at t and its request taken, the allocation
 * (computeAlloc), then the items' and the host's records. One pass does all three while every node fits (the
 * reference's passes each read only the node at hand, so interleaving them changes no value, and the records' totals
 * are added in list order as before); where a node does not fit, the allocations are scaled and the records pass
 * runs again over the whole list — an item's record written twice at the same t keeps the second values, as the
 * reference's single write would. It also notes whether an item may now be finished (removeFinished's test), so
 * that removeFinished walks only those hosts.
 */
function updateHost(h: i32, t: f64, tick: bool): void {
  const r = hostAt(h);
  setU8(hReqValid, h, 0);
  if (tick) { setU8(hHistValid, h, 0); setU8(hFormValid, h, 0); } // histories move only at ticks
  keepPrevious(h);
  const peMips = load<f64>(r, H_PE_MIPS);
  // Outside ticks and autoscaling an item's update is a function of t alone: a second one at the same t (its
  // host recomputed after moves, or the item listed on two hosts) would write the same values.
  const always = tick || scaleTarget > 0, update = !itemsUpdated, vanish = quirk(abi.QUIRK_VANISH_AT_ZERO);
  let avail = load<f64>(r, H_TOTAL), used: f64 = 0, util: f64 = 0, req: f64 = 0;
  let over = false, finishing = false;
  for (let nd = i32At(hHead, h); nd >= 0; nd = i32At(nNext, nd)) {
    const i = i32At(nItem, nd), d = demOf(i);
    if (update && (always || load<f64>(d, D_UPDATED) != t)) { updateItem(i, t, tick); store<f64>(d, t, D_UPDATED); }
    const reqTotal = requested(i), moving = load<i32>(d, D_MOVING), state = i32At(nState, nd);
    const out = allocateNode(nd, h, i, reqTotal, moving != 0, state);
    if (moving == 0 && ((vanish && reqTotal == 0) || (t >= earliestDepart && f64At(itemDepart, i) <= t))) finishing = true;
    if (over) continue;
    const pes = load<i32>(d, D_PES);
    const cap = cappedOf(reqTotal, pes, peMips); // cappedPerCore of the request just stored in nReq
    const migIn = state == NODE_MIGRATING_IN;
    const tot = requestOnCores(cap, pes, migIn);
    if (!(avail >= tot)) { over = true; continue; }
    let alloc = allocationWith(out, cap, pes, migIn);
    setF64(nAlloc, nd, alloc);
    avail -= tot;
    if (migIn) used += alloc * (1 - tgtShare) / tgtShare;
    used += alloc;
    if (state == NODE_STARTING) itemEntry(i, t, 0, reqTotal, 1);
    else if (state == NODE_RESIDENT) {
      itemEntry(i, t, alloc, reqTotal, moving);
      if (moving != 0) alloc /= srcShare;
    }
    util += alloc;
    req += reqTotal;
  }
  if (over) {
    scaleAllocations(h);
    util = 0; req = 0;
    for (let nd = i32At(hHead, h); nd >= 0; nd = i32At(nNext, nd)) {
      const i = i32At(nItem, nd);
      const reqTotal = requested(i);
      let alloc = f64At(nAlloc, nd);
      const state = i32At(nState, nd);
      if (state == NODE_STARTING) {
        itemEntry(i, t, 0, reqTotal, 1);
      } else if (state == NODE_RESIDENT) {
        itemEntry(i, t, alloc, reqTotal, load<i32>(demOf(i), D_MOVING));
        if (load<i32>(demOf(i), D_MOVING) != 0) alloc /= srcShare;
      }
      util += alloc;
      req += reqTotal;
    }
  } else {
    setAllocated(h, avail, used);
  }
  if (finishing) bitOn(finishingSet, h); else bitOff(finishingSet, h);
  store<f64>(r, util, H_UTIL);
  setNow(h);
  hostEntry(h, t, util, req, util > 0 ? 1 : 0);
}

/**
 * hNow and hPowNow follow hUtil (written only by updateHost): the utilisation and its power (at most 1, as the
 * energy step clamps it), computed once per update for the energy step and PABFD instead of at every use.
 */
function setNow(h: i32): void {
  const r = hostAt(h);
  const now = clampUtilisation(load<f64>(r, H_UTIL), load<f64>(r, H_TOTAL));
  store<f64>(r, now, H_NOW);
  store<f64>(r, powerAt(load<i32>(r, H_MODEL), now > 1 ? 1 : now), H_POW_NOW);
  bitOn(rebucketSet, h);
}

/** hAvail and hUsed written together, the host's PABFD bucket to be found again (rebucketSet). */
@inline function setAllocated(h: i32, avail: f64, used: f64): void {
  const r = hostAt(h);
  store<f64>(r, avail, H_AVAIL);
  store<f64>(r, used, H_USED);
  bitOn(rebucketSet, h);
}

/** hPrevUtil := hUtil, and the cached utilisation and power with it. */
@inline function keepPrevious(h: i32): void {
  const r = hostAt(h);
  store<f64>(r, load<f64>(r, H_UTIL), H_PREV_UTIL);
  store<f64>(r, load<f64>(r, H_NOW), H_PREV_NOW);
  store<f64>(r, load<f64>(r, H_POW_NOW), H_POW_PREV);
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

@inline function itemEntry(i: i32, t: f64, alloc: f64, req: f64, mig: i32): void {
  const r = recOf(i);
  const t0 = load<f64>(r, REC_ENTRY_TIME);
  if (t0 == t) { store<f64>(r, alloc, REC_ENTRY_ALLOC); store<f64>(r, req, REC_ENTRY_REQ); store<i32>(r, mig, REC_ENTRY_MIG); return; }
  if (t0 >= 0) {
    const dt = t - t0, a0 = load<f64>(r, REC_ENTRY_ALLOC), r0 = load<f64>(r, REC_ENTRY_REQ), mig0 = load<i32>(r, REC_ENTRY_MIG);
    store<f64>(r, load<f64>(r, REC_TOT_ALLOC) + a0 * dt, REC_TOT_ALLOC);
    store<f64>(r, load<f64>(r, REC_TOT_REQ) + r0 * dt, REC_TOT_REQ);
    if (a0 < r0) {
      setF64(iShortSum, i, f64At(iShortSum, i) + (r0 - a0) / r0);
      setF64(iShortCount, i, f64At(iShortCount, i) + 1);
      if (mig0 != 0) store<f64>(r, load<f64>(r, REC_UNDER_MIG) + (r0 - a0) * dt, REC_UNDER_MIG);
    }
    if (mig0 != 0 && i32At(itemKind, i) == abi.KIND_CONTAINER) addT(abi.T_UNAVAILABLE, dt);
    // itemTransition, where the moving flag changed (else it would write back the same flag)
    if (load<i32>(r, REC_PREV_MIG) != mig0) itemTransition(i);
  }
  store<f64>(r, t, REC_ENTRY_TIME); store<f64>(r, alloc, REC_ENTRY_ALLOC); store<f64>(r, req, REC_ENTRY_REQ); store<i32>(r, mig, REC_ENTRY_MIG);
}

function itemTransition(i: i32): void {
  const r = recOf(i);
  const mig = load<i32>(r, REC_ENTRY_MIG), t = load<f64>(r, REC_ENTRY_TIME), prev = load<i32>(r, REC_PREV_MIG);
  if (prev != 0 && mig == 0) {
    addT(abi.T_MOVE_DURATION_SUM, t - load<f64>(r, REC_MIG_START));
    addT(abi.T_MOVE_DURATION_COUNT, 1);
  }
  if (prev == 0 && mig != 0) store<f64>(r, t, REC_MIG_START);
  store<i32>(r, mig, REC_PREV_MIG);
}

@inline function dormant(h: i32): bool {
  const r = hostAt(h);
  return load<i32>(r, H_COUNT) == 0 && load<f64>(r, H_UTIL) == 0 && load<f64>(r, H_PREV_UTIL) == 0 && i32At(hEntryActive, h) == 0
    && f64At(hEntryTime, h) >= 0 && load<f64>(r, H_RAM) == 0 && load<f64>(r, H_BW) == 0;
}

/**
 * The reference's updateAll. `sameInstant`: the previous update was at this same t and only move completions
 * happened since (processMoves), so only the hosts they touched are recomputed (see the top of this file).
 */
function updateAll(t: f64, tick: bool, sameInstant: bool): void {
  const dt = t - lastProcessTime;
  if (mode == abi.MODE_NPA && dt > 0) {
    let frame: f64 = 0;
    for (let h = 0; h < H; h++) frame += powerAt(load<i32>(hostAt(h), H_MODEL), 1) * dt;
    energy += frame;
  }
  countReady();
  const partial = sameInstant && scaleTarget <= 0;
  // Without an idle window the energy step is summed in this same walk (energyOf): the reference's energy loop
  // comes after every update, but a host's terms read only its own update, and a host outside the awake set (or
  // found dormant here) adds exactly nothing, so the terms are added in the same host order with the same values.
  const awakeEnergy = mode != abi.MODE_NPA && dt > 0 && shutdownSeconds <= 0;
  const idle = quirk(abi.QUIRK_IDLE_DRAWS_NOTHING);
  // A full update updates every listed item (every awake host lists its items and is updated), each as a function of
  // t alone: done here in item order, reading the items' records and this instant's trace values in memory order,
  // rather than in the hosts' list order.
  itemsUpdated = !partial && scaleTarget <= 0;
  if (itemsUpdated) {
    if (t != traceT) locateTrace(t);
    if (!tick && scaleTarget <= 0 && !anyMemoryTrace && traceMode == 2) {
      // updateItem's operations where nothing but the demand moves, t between two samples (most instants): the
      // instant's place in the traces and the branches taken once, not per item.
      const at = traceT1 * R, off = traceOff;
      for (let i = 0; i < N; i++) {
        if (i32At(iListed, i) == 0) continue;
        const d = demOf(i);
        setDemand(d, load<f64>(d, D_BASE) + betweenSamples(at + load<i32>(d, D_TRACE), off) * load<f64>(d, D_SCALE));
        store<f64>(d, t, D_UPDATED);
      }
    } else {
      for (let i = 0; i < N; i++) {
        if (i32At(iListed, i) == 0) continue;
        updateItem(i, t, tick); store<f64>(demOf(i), t, D_UPDATED);
      }
    }
  }
  let frame: f64 = 0;
  for (let w = 0; w < W; w++) {
    // A partial update visits only the touched hosts and the empty ones: any other awake host lists items, so it is
    // not dormant, and would only keep its utilisation as the previous one — which nothing reads before its next
    // update (a full one: the next instant's or the tick's) writes the same value again.
    let bits = partial ? wordAt(awake, w) & (wordAt(touched, w) | wordAt(countZero, w)) : wordAt(awake, w);
    while (bits != 0) {
      const h = lowestHost(w, bits);
      bits &= bits - 1;
      // A dormant host is skipped, as in the reference, and leaves the awake set until an item is listed on it.
      if (dormant(h)) {
        // An empty list's allocation (computeAlloc's), which completeMove may have left to this update.
        setAllocated(h, load<f64>(hostAt(h), H_TOTAL), 0);
        bitOff(awake, h);
        continue;
      }
      if (!partial || bitIs(touched, h)) updateHost(h, t, tick);
      else keepPrevious(h);
      if (awakeEnergy) frame += energyOf(h, dt, idle);
    }
    setWord(lastTouched, w, wordAt(touched, w));
    setWord(touched, w, 0);
  }
  itemsUpdated = false;
  memory.fill(hReqValid, 0, <usize>H);
  if (awakeEnergy) energy += frame;
  else if (mode != abi.MODE_NPA && dt > 0) energyOfAllHosts(t, dt);
  if (shutdownSeconds > 0) {
    for (let h = 0; h < H; h++) {
      if (load<i32>(hostAt(h), H_COUNT) != 0 || load<f64>(hostAt(h), H_UTIL) != 0) setF64(hEmptySince, h, NaN);
      else if (isNaN(f64At(hEmptySince, h))) setF64(hEmptySince, h, t);
    }
  }
  removeFinished(t, partial ? lastTouched : awake);
  lastProcessTime = t;
}

/** A host's term of the reference's energy step with no idle window, right after its update: hPrevNow / hNow are
 * clampUtilisation(hPrevUtil / hUtil), and hPowPrev / hPowNow their powers as intervalEnergy computes them. */
@inline function energyOf(h: i32, dt: f64, idle: bool): f64 {
  const r = hostAt(h);
  const from = load<f64>(r, H_PREV_NOW), to = load<f64>(r, H_NOW);
  if (!idle && from == 0 && load<i32>(r, H_COUNT) == 0 && to == 0) return 0;
  if (idle && from == 0) return 0; // intervalEnergy is 0
  return intervalEnergyOf(load<f64>(r, H_POW_PREV), load<f64>(r, H_POW_NOW), dt);
}

/** The energy step with an idle window before switch-off: emptied hosts draw idle power, so every host counts. */
function energyOfAllHosts(t: f64, dt: f64): void {
  {
    const idle = quirk(abi.QUIRK_IDLE_DRAWS_NOTHING);
    let frame: f64 = 0;
    for (let h = 0; h < H; h++) {
      const from = clampUtilisation(load<f64>(hostAt(h), H_PREV_UTIL), load<f64>(hostAt(h), H_TOTAL));
      const to = clampUtilisation(load<f64>(hostAt(h), H_UTIL), load<f64>(hostAt(h), H_TOTAL));
      if (from == 0 && load<i32>(hostAt(h), H_COUNT) == 0 && to == 0 && shutdownSeconds > 0) {
        const since = f64At(hEmptySince, h);
        const overlap = min<f64>(t, since + shutdownSeconds) - max<f64>(t - dt, since);
        if (overlap > 0) frame += powerAt(load<i32>(hostAt(h), H_MODEL), 0) * overlap;
        continue;
      }
      if (!idle && from == 0 && load<i32>(hostAt(h), H_COUNT) == 0 && to == 0) continue;
      frame += intervalEnergy(load<i32>(hostAt(h), H_MODEL), from, to, dt, idle);
    }
    energy += frame;
  }
}

/** Items at zero demand (quirk) or past their departure leave their host, host by host in host order (only awake
 * hosts list items). `hosts`: the awake set, or after a partial update the hosts it recomputed — on every other
 * host no item changed (demand, moving state) since the update at this same instant removed what it found. Of those
 * only hosts whose update found an item that may be finished (finishingSet) are walked: every host in `hosts` was
 * just updated, and nothing the test reads changes between its update and here. */
function removeFinished(t: f64, hosts: usize): void {
  const vanish = quirk(abi.QUIRK_VANISH_AT_ZERO);
  for (let w = 0; w < W; w++) {
    let bits = wordAt(hosts, w) & wordAt(awake, w) & wordAt(finishingSet, w);
    while (bits != 0) {
      const h = lowestHost(w, bits);
      bits &= bits - 1;
      let count = 0;
      for (let nd = i32At(hHead, h); nd >= 0; nd = i32At(nNext, nd)) {
        const i = i32At(nItem, nd);
        if (load<i32>(demOf(i), D_MOVING) != 0) continue;
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
}

// ── Overload detection ───────────────────────────────────────────────────────────────────────────────

function requestedSum(h: i32, extra: i32): f64 {
  if (u8At(hReqValid, h) == 0) {
    let sum: f64 = 0;
    for (let nd = i32At(hHead, h); nd >= 0; nd = i32At(nNext, nd)) sum += requested(i32At(nItem, nd));
    setF64(hReqSum, h, sum);
    setU8(hReqValid, h, 1);
  }
  let sum = f64At(hReqSum, h);
  if (extra >= 0) sum += requested(extra);
  return sum;
}

/** The host's history sum over its list, cached until the list or a history changes: its first sumLength points, all
 * of them for IQR and MAD, the regression window for LR and LRR (which read a later point only to learn whether the
 * history is that long, where the window's last point is 0: then hostPointAt sums it). */
function cacheHostHistory(h: i32): void {
  if (u8At(hHistValid, h) != 0) return;
  const total = load<f64>(hostAt(h), H_TOTAL), base = h * HL;
  for (let j = 0; j < sumLength; j++) setF64(hHistSum, base + j, 0);
  for (let nd = i32At(hHead, h); nd >= 0; nd = i32At(nNext, nd)) {
    const i = i32At(nItem, nd);
    const len = min(i32At(iHistLen, i), sumLength), mips = load<f64>(demOf(i), D_MIPS);
    addHistory(hHistSum + (<usize>base << 3), historyOf(i), len, mips, total);
  }
  setU8(hHistValid, h, 1);
}

/**
 * The first w points of hostHistory(h, extra) into hist[0, w), and whether that history, trimmed, has at least w
 * points (a point from w − 1 on is not 0) — all the regression detectors read, without summing the other points.
 */
function hostWindow(h: i32, extra: i32, w: i32): bool {
  cacheHostHistory(h);
  const total = load<f64>(hostAt(h), H_TOTAL), base = h * HL;
  for (let j = 0; j < w; j++) setF64(hist, j, f64At(hHistSum, base + j));
  let len = 0;
  let mips: f64 = 0;
  if (extra >= 0) {
    len = i32At(iHistLen, extra); mips = load<f64>(demOf(extra), D_MIPS);
    addHistory(hist, historyOf(extra), min(len, w), mips, total);
  }
  if (f64At(hist, w - 1) != 0) return true;
  for (let j = w; j < HL; j++) {
    let v = j < sumLength ? f64At(hHistSum, base + j) : hostPointAt(h, j, total);
    if (j < len) v += histAt(extra, j) * mips / total;
    if (v != 0) return true;
  }
  return false;
}

/** Point j of h's history sum, as cacheHostHistory would sum it (0, then each item's term in list order). */
function hostPointAt(h: i32, j: i32, total: f64): f64 {
  let v: f64 = 0;
  for (let nd = i32At(hHead, h); nd >= 0; nd = i32At(nNext, nd)) {
    const i = i32At(nItem, nd);
    if (j < i32At(iHistLen, i)) v += histAt(i, j) * load<f64>(demOf(i), D_MIPS) / total;
  }
  return v;
}

/** PowerHostUtilizationHistory.getUtilizationHistory (with `extra` as if appended) into hist, trimmed; its length. */
function hostHistory(h: i32, extra: i32): i32 {
  cacheHostHistory(h);
  const total = load<f64>(hostAt(h), H_TOTAL), base = h * HL;
  for (let j = 0; j < HL; j++) setF64(hist, j, f64At(hHistSum, base + j));
  if (extra >= 0) {
    const len = i32At(iHistLen, extra), mips = load<f64>(demOf(extra), D_MIPS);
    addHistory(hist, historyOf(extra), len, mips, total);
  }
  let n = HL - 1;
  while (n >= 0) { if (f64At(hist, n--) != 0) break; }
  return n + 2;
}

/**
 * The largest memory a migration off h's list would copy, as the reference's walk finds it (the first of equal
 * values, −MAX_VALUE for an empty list). Kept per host while its list does not change (appendNode extends it with the
 * same comparison the walk would make last; removals drop it) and no item's memory follows a trace (then the walk).
 */
function maxMigrationMB(h: i32): f64 {
  if (!anyMemoryTrace && u8At(hMaxValid, h) != 0) return f64At(hMaxMB, h);
  let maxMB: f64 = -MAX_VALUE;
  for (let nd = i32At(hHead, h); nd >= 0; nd = i32At(nNext, nd)) {
    const mb = f64At(iMigMB, i32At(nItem, nd));
    if (mb > maxMB) maxMB = mb;
  }
  if (!anyMemoryTrace) { setF64(hMaxMB, h, maxMB); setU8(hMaxValid, h, 1); }
  return maxMB;
}

@inline function thresholdOverloaded(h: i32, extra: i32, threshold: f64): bool {
  return requestedSum(h, extra) / load<f64>(hostAt(h), H_TOTAL) > threshold;
}

function overloaded(h: i32, extra: i32): bool {
  const s = detectorParam;
  if (detector == abi.DETECTOR_THR) return thresholdOverloaded(h, extra, s);
  if (detector == abi.DETECTOR_IQR || detector == abi.DETECTOR_MAD) {
    const n = hostHistory(h, extra);
    if (n < minHistory || n <= 0) return thresholdOverloaded(h, extra, fallbackThreshold);
    // Order statistics without sorting where every value is finite (stats.ts says why the results are the same).
    const fast = allFinite(hist, n);
    const utilisation = requestedSum(h, extra) / load<f64>(hostAt(h), H_TOTAL);
    if (fast && s > 0) {
      // Below the threshold of a spread at least as wide as the real one, the host is not overloaded: about a third
      // of the checks end here without their order statistics (s > 0 keeps 1 − s · spread decreasing in the spread).
      let bound = spreadBound(hist, n);
      // The MAD is at most half the range: were it above, more than half the values (or, n even, the two middle
      // ones' deviations) would lie over half the range from the median, all on one side of it, so the median
      // would not be their middle. The absolute margin covers the median's and the deviations' roundings.
      if (detector == abi.DETECTOR_MAD) bound = bound * 0.5 + 1e-12 * max(abs(spreadLeast), abs(spreadMost));
      if (utilisation <= 1 - s * bound) return false;
      // Else, where the answer is clear, whether the spread exceeds (1 − utilisation) / s, with fewer of them. The
      // bounds keep the margin (a relative 1e-6 of d) far above every rounding: of an addition to a history value
      // (|value| ≤ 1e3, d ≥ 1e-5) and of the detector's 1 − s · spread against the utilisation (1 − u ≥ 1e-4).
      const d = (1 - utilisation) / s;
      if (utilisation >= 0 && 1 - utilisation >= 1e-4 && d >= 1e-5 && d <= 1e3 && spreadLeast >= -1e3 && spreadMost <= 1e3) {
        const above = detector == abi.DETECTOR_IQR ? (iqrInRange(n) ? iqrAbove(hist, n, d) : -1) : madAbove(hist, n, d);
        if (above >= 0) return above == 1;
      }
    }
    const spread = detector == abi.DETECTOR_IQR
      ? (fast && iqrInRange(n) ? iqrOf(hist, n) : iqr(hist, n))
      : (fast ? madOf(hist, scratchA, n) : mad(hist, scratchA, n));
    const upper = 1 - s * spread;
    return utilisation > upper;
  }
  const w = lrWindow;
  if (w > HL) return thresholdOverloaded(h, extra, fallbackThreshold);
  if (lrScreened) {
    // Most tests are clear from the fit's linear form (lr-screen.ts); the exact fit below decides the rest.
    const clear = lrScreen(h, extra, w, s);
    if (clear >= 0) return clear == 1;
  }
  if (!hostWindow(h, extra, w)) return thresholdOverloaded(h, extra, fallbackThreshold);
  if (quirk(abi.QUIRK_LR_UNWEIGHTED)) regressReversed(hist, w, est, scratchA);
  else {
    for (let k = 0; k < w; k++) setF64(scratchA, k, f64At(hist, w - k - 1));
    loess(scratchA, w, detector == abi.DETECTOR_LRR, scratchB, scratchC, scratchD, hist, est);
  }
  let predicted = f64At(est, 0) + f64At(est, 1) * (<f64>w + lookAhead(h, extra));
  predicted *= s;
  return predicted >= 1;
}

/** lr-screen.ts's answer for h (with `extra` on it), from the host's and the item's kept linear forms. */
function lrScreen(h: i32, extra: i32, w: i32, s: f64): i32 {
  cacheHostHistory(h);
  const sums = hHistSum + (<usize>(h * HL) << 3);
  if (!(f64At(sums, w - 1) > 0)) return -1;
  if (u8At(hFormValid, h) == 0) {
    linearForm(sums, w);
    setF64(hForm, 3 * h, formMean); setF64(hForm, 3 * h + 1, formSlope); setF64(hForm, 3 * h + 2, formMagnitude);
    setU8(hFormValid, h, 1);
  }
  let mean = f64At(hForm, 3 * h), slope = f64At(hForm, 3 * h + 1), magnitude = f64At(hForm, 3 * h + 2);
  if (extra >= 0) {
    const len = min(i32At(iHistLen, extra), w);
    if (len > 0) {
      const share = load<f64>(demOf(extra), D_MIPS) / load<f64>(hostAt(h), H_TOTAL);
      if (!(share >= 0) || (len == w && !(histAt(extra, w - 1) >= 0))) return -1;
      if (u8At(iFormValid, extra) == 0) {
        linearForm(historyOf(extra), len);
        setF64(iForm, 3 * extra, formMean); setF64(iForm, 3 * extra + 1, formSlope); setF64(iForm, 3 * extra + 2, formMagnitude);
        setU8(iFormValid, extra, 1);
      }
      mean += f64At(iForm, 3 * extra) * share; slope += f64At(iForm, 3 * extra + 1) * share; magnitude += f64At(iForm, 3 * extra + 2) * share;
    }
  }
  return lrDecide(mean, slope, magnitude, lookAhead(h, extra), s);
}

/** The regression detectors' look-ahead in ticks: the longest migration off h (with `extra` on it). */
@inline function lookAhead(h: i32, extra: i32): f64 {
  let maxMB = maxMigrationMB(h);
  if (extra >= 0 && f64At(iMigMB, extra) > maxMB) maxMB = f64At(iMigMB, extra);
  return ceil(maxMB / f64At(hostMigrationRate, h) / interval);
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
    if (load<i32>(demOf(i), D_MOVING) != 0) continue;
    const metric = moveCost(i);
    if (metric < minM) { minM = metric; best = i; }
  }
  return best;
}

function selectMc(h: i32): i32 {
  let n = 0, m = 0x7fffffff;
  for (let nd = i32At(hHead, h); nd >= 0; nd = i32At(nNext, nd)) {
    const i = i32At(nItem, nd);
    if (load<i32>(demOf(i), D_MOVING) != 0) continue;
    setI32(mcItems, n++, i);
    if (i32At(iHistLen, i) < m) m = i32At(iHistLen, i);
  }
  if (n == 0) return -1;
  for (let r = 0; r < n; r++) if (i32At(iHistLen, i32At(mcItems, r)) > m) return selectMmt(h);
  const k = n - 1;
  if (k < 1 || m < 1 || k + 1 > m) return selectMmt(h);
  // A history is contiguous from its newest value (stored twice): the selector reads it in place.
  for (let c = 0; c < n; c++) store<u32>(mcCols + (<usize>c << 2), <u32>historyOf(i32At(mcItems, c)));
  const best = maxCorrelationIndex(mcCols, n, m, mcK, mcKH, mcW, mcCandidate, mcQ, mcRF, mcOne, mcR, mcV, mcB);
  return best < 0 ? selectMmt(h) : i32At(mcItems, best);
}

function select(h: i32): i32 {
  if (selector == abi.SELECT_MC) return selectMc(h);
  if (selector == abi.SELECT_MU) {
    let best = -1;
    let minM = MAX_VALUE;
    for (let nd = i32At(hHead, h); nd >= 0; nd = i32At(nNext, nd)) {
      const i = i32At(nItem, nd);
      if (load<i32>(demOf(i), D_MOVING) != 0) continue;
      const mips = load<f64>(demOf(i), D_MIPS);
      const metric = load<f64>(demOf(i), D_FRAC) * mips / mips;
      if (metric < minM) { minM = metric; best = i; }
    }
    return best;
  }
  if (selector == abi.SELECT_RS) {
    let count = 0;
    for (let nd = i32At(hHead, h); nd >= 0; nd = i32At(nNext, nd)) if (load<i32>(demOf(i32At(nItem, nd)), D_MOVING) == 0) count++;
    if (count == 0) return -1;
    let pick = <i32>floor(rngNext() * <f64>count);
    for (let nd = i32At(hHead, h); nd >= 0; nd = i32At(nNext, nd)) {
      const i = i32At(nItem, nd);
      if (load<i32>(demOf(i), D_MOVING) != 0) continue;
      if (pick-- == 0) return i;
    }
    return -1;
  }
  return selectMmt(h);
}

// ── Placement ────────────────────────────────────────────────────────────────────────────────────────

function isSuitable(h: i32, i: i32): bool {
  const r = hostAt(h);
  const req = requested(i);
  return load<f64>(r, H_PE_MIPS) >= req / <f64>load<i32>(demOf(i), D_PES) && load<f64>(r, H_AVAIL) >= req
    && load<f64>(r, H_MEMORY) - load<f64>(r, H_RAM) >= memoryRequest(i) && load<f64>(r, H_BW_CAP) - load<f64>(r, H_BW) >= bwRequest(i);
}

@inline function isEmpty(h: i32): bool {
  const r = hostAt(h);
  return load<i32>(r, H_COUNT) == 0 && load<f64>(r, H_UTIL) == 0 && load<f64>(r, H_RAM) == 0 && load<f64>(r, H_BW) == 0;
}

// Runners-up of a PABFD search taken by scanning the candidates before the rest go into a heap (findHost).
const SCANNED_RUNNERS_UP: i32 = 4;
// PABFD's candidates of one search: host, power increase, whether its overload must be checked.
let candidates: i32 = 0, cBest: i32 = -1, cBestHost: i32 = 0;
let cReq: f64 = 0, cPerPe: f64 = 0, cRam: f64 = 0, cBw: f64 = 0, cBestDiff: f64 = 0, cItem: i32 = 0;
// Where the overload test is cheap (THR, and LR and LRR decided from the linear form), PABFD checks it as it prices,
// for every host that would come first, rather than in order of power increase after pricing: the least among the
// hosts that pass is the same host, and no runner-up is ever needed.
let checkAsPriced: bool = false;

/** Prices host h for the item being placed (the reference's loop body up to its overload check). */
@inline function price(h: i32): void {
  const r = hostAt(h);
  const req = cReq;
  if (!(load<f64>(r, H_PE_MIPS) >= cPerPe && load<f64>(r, H_AVAIL) >= req
    && load<f64>(r, H_MEMORY) - load<f64>(r, H_RAM) >= cRam && load<f64>(r, H_BW_CAP) - load<f64>(r, H_BW) >= cBw)) return;
  const used = load<f64>(r, H_USED);
  const after = (used + req) / load<f64>(r, H_TOTAL);
  if (after > 1 || load<f64>(r, H_NOW) > 1) return;
  const diff = powerAt(load<i32>(r, H_MODEL), after) - load<f64>(r, H_POW_NOW);
  if (!(diff < MAX_VALUE)) return; // the reference's first comparison, against its initial minimum
  if (checkAsPriced) {
    // Only a host that would come first is checked, and kept only if it stays below overload.
    if (!(diff < cBestDiff || (diff == cBestDiff && h < cBestHost))) return;
    if (used != 0 && overloaded(h, cItem)) return;
    cBestDiff = diff; cBestHost = h; cBest = 0;
    return;
  }
  setI32(cHost, candidates, h); setF64(cDiff, candidates, diff); setI32(cCheck, candidates, used != 0 ? 1 : 0);
  if (diff < cBestDiff || (diff == cBestDiff && h < cBestHost)) { cBestDiff = diff; cBestHost = h; cBest = candidates; }
  candidates++;
}

/**
 * Power-aware best fit: the host with the least power increase among suitable hosts that stay below overload,
 * the lowest index among equals — what the reference's scan over every host returns. `exclude`: a host set.
 * Candidates are non-excluded awake hosts that are not empty, and per host class the first non-excluded
 * empty host (empty hosts of one class price the same, so only the first can win); empty hosts without a class
 * are each candidates. Non-empty hosts are priced a bucket at a time, least bound first, and only while the
 * bucket's bound (price-buckets.ts) is not above the least price found: the hosts left cannot come first. Overload,
 * the costly test, is checked in order of increasing power increase until a host passes; before each runner-up is
 * taken, the buckets whose bound is not above its price are priced too. Where it is cheap (checkAsPriced) it is
 * checked as the hosts are priced instead.
 */
function findHost(i: i32, exclude: usize): i32 {
  const req = requested(i);
  cReq = req; cPerPe = req / <f64>load<i32>(demOf(i), D_PES); cRam = memoryRequest(i); cBw = bwRequest(i);
  candidates = 0; cBest = -1; cBestDiff = MAX_VALUE; cBestHost = 0x7fffffff; cItem = i;
  const call = ++findCall;
  // Hosts outside `occupied` are empty (see appendNode). Empty hosts list nothing, so only those in countZero are
  // looked at; those found empty leave `occupied` until an item is listed on them again.
  liveWords = 0;
  for (let w = 0; w < W; w++) {
    let stale = wordAt(rebucketSet, w);
    while (stale != 0) {
      const h = lowestHost(w, stale), r = hostAt(h);
      stale &= stale - 1;
      rebucket(h, load<f64>(r, H_USED), load<f64>(r, H_TOTAL), load<f64>(r, H_NOW), load<f64>(r, H_POW_NOW));
    }
    setWord(rebucketSet, w, 0);
    let bits = wordAt(awake, w) & wordAt(occupied, w) & wordAt(countZero, w);
    let empties: u64 = 0;
    while (bits != 0) {
      const h = lowestHost(w, bits);
      const bit = bits & (~bits + 1);
      bits &= bits - 1;
      if (isEmpty(h)) empties |= bit;
    }
    const occ = wordAt(occupied, w) & ~empties;
    setWord(occupied, w, occ);
    const liveWord = wordAt(awake, w) & occ & ~wordAt(exclude, w);
    setWord(liveHosts, w, liveWord);
    if (liveWord != 0 && w < 64) liveWords |= <u64>1 << <u64>w;
  }
  clearHeld();
  priceBucket(ALWAYS, 0, Infinity);
  // Empty hosts: those outside the awake set (dormant, so empty) and the awake ones not occupied (found empty).
  let seen = 0;
  for (let w = 0; w < W && seen < classCount; w++) {
    let bits = ~(wordAt(awake, w) & wordAt(occupied, w)) & ~wordAt(exclude, w) & wordAt(classedSet, w);
    while (bits != 0 && seen < classCount) {
      const h = lowestHost(w, bits);
      bits &= bits - 1;
      const cls = i32At(hostClass, h);
      if (i32At(classSeen, cls) == call) continue;
      setI32(classSeen, cls, call);
      seen++;
      price(h);
    }
  }
  for (let w = 0; w < W; w++) {
    let bits = ~(wordAt(awake, w) & wordAt(occupied, w)) & ~wordAt(exclude, w) & wordAt(unclassedSet, w);
    while (bits != 0) {
      const h = lowestHost(w, bits);
      bits &= bits - 1;
      price(h);
    }
  }
  // Bucket by bucket while a bucket's bound is not above the least price found so far.
  buckets = orderBuckets(req); nextBucket = 0;
  while (nextBucket < buckets && !(bound(nextBucket) > cBestDiff)) { priceBucket(orderedBucket(nextBucket), nextBucket, -1); nextBucket++; }
  if (checkAsPriced) return cBest < 0 ? -1 : cBestHost;
  // The least (power increase, host) was tracked while pricing; after an overloaded winner the others are taken in
  // that order from a heap (the order is total: hosts are distinct), as the reference's repeated scans take them.
  if (cBest < 0) return -1;
  if (i32At(cCheck, cBest) == 0 || !overloaded(cBestHost, i)) return cBestHost;
  // The next few are found by scanning the candidates (a taken one's key set to ∞; every key is below MAX_VALUE):
  // a search rarely needs more than two or three, fewer than building a heap of them all would cost.
  setF64(cDiff, cBest, Infinity);
  for (let round = 0; round < SCANNED_RUNNERS_UP; round++) {
    let next = -1, nextDiff = MAX_VALUE, nextHost = 0x7fffffff;
    // Hosts not priced yet may come before the least candidate, or tie with a lower index: those bounded at most at
    // its price are priced and looked at too, until none is left (the rest price above it).
    let from = 0;
    do {
      for (let c = from; c < candidates; c++) {
        const d = f64At(cDiff, c);
        if (d < nextDiff || (d == nextDiff && i32At(cHost, c) < nextHost)) { next = c; nextDiff = d; nextHost = i32At(cHost, c); }
      }
      from = candidates;
      priceBucketsUpTo(nextDiff);
    } while (from < candidates);
    if (next < 0) return -1;
    if (i32At(cCheck, next) == 0 || !overloaded(nextHost, i)) return nextHost;
    setF64(cDiff, next, Infinity);
  }
  // The rest come from a heap: every host not priced yet is priced first (a search that gets this far is one where
  // most hosts would be overloaded, and pricing them all costs less than keeping the unpriced ones in order).
  priceBucketsUpTo(Infinity);
  let size = 0;
  for (let c = 0; c < candidates; c++) {
    if (f64At(cDiff, c) == Infinity) continue;
    setF64(cHeapKey, size, f64At(cDiff, c)); setI32(cHeap, size, i32At(cHost, c) << 1 | i32At(cCheck, c)); size++;
  }
  for (let k = (size >> 1) - 1; k >= 0; k--) siftDown(k, size);
  while (size > 0) {
    const e = i32At(cHeap, 0);
    size--;
    setF64(cHeapKey, 0, f64At(cHeapKey, size)); setI32(cHeap, 0, i32At(cHeap, size));
    siftDown(0, size);
    const h = e >> 1;
    if ((e & 1) == 0 || !overloaded(h, i)) return h;
  }
  return -1;
}

// One search's buckets (price-buckets.ts orderBuckets), the next not priced yet, and the words of liveHosts not 0.
let buckets: i32 = 0, nextBucket: i32 = 0, liveWords: u64 = 0;

/** Prices the held hosts and the buckets not priced yet (in order) whose bound is not above `limit`. */
function priceBucketsUpTo(limit: f64): void {
  for (let k = 0; k < heldCount();) {
    if (heldBound(k) > limit) { k++; continue; }
    const h = heldHost(k);
    unhold(k);
    price(h);
  }
  while (nextBucket < buckets && !(bound(nextBucket) > limit)) { priceBucket(orderedBucket(nextBucket), nextBucket, limit); nextBucket++; }
}

/**
 * Prices bucket b's live hosts (the k-th ordered bucket), in host order, and holds those whose own bound is above
 * `limit` (−1: the least price found so far) for priceBucketsUpTo. The bucket `always` has no bound: pass limit ∞.
 */
function priceBucket(b: i32, k: i32, limit: f64): void {
  if (W <= 64) {
    let words = bucketSummary(b) & liveWords;
    while (words != 0) {
      const w = <i32>ctz(words);
      words &= words - 1;
      priceWord(w, bucketWord(b, w) & wordAt(liveHosts, w), k, limit);
    }
  } else {
    for (let w = 0; w < W; w++) priceWord(w, bucketWord(b, w) & wordAt(liveHosts, w), k, limit);
  }
}

@inline function priceWord(w: i32, bits: u64, k: i32, limit: f64): void {
  if (limit == Infinity) {
    while (bits != 0) { price(lowestHost(w, bits)); bits &= bits - 1; }
    return;
  }
  const base = bound(k), belowBest = limit < 0;
  while (bits != 0) {
    const h = lowestHost(w, bits);
    bits &= bits - 1;
    const lb = base + hostFloor(h);
    if (lb > (belowBest ? cBestDiff : limit)) { if (!checkAsPriced) hold(h, lb); } else price(h);
  }
}

/** Heap entry (key da, host·2 + check ea) before (db, eb): the lesser power increase, the lower host index among
 * equal ones (hosts are distinct, so comparing host·2 + check compares hosts). */
@inline function before(da: f64, ea: i32, db: f64, eb: i32): bool {
  return da < db || (da == db && ea < eb);
}

// The heap of the candidates after the first: each entry's key (power increase) in cHeapKey and its host·2 + whether
// its overload must be checked in cHeap, side by side, so that sifting compares without looking candidates up.
function siftDown(k: i32, size: i32): void {
  const vd = f64At(cHeapKey, k), ve = i32At(cHeap, k);
  for (;;) {
    let c = 2 * k + 1;
    if (c >= size) break;
    let cd = f64At(cHeapKey, c), ce = i32At(cHeap, c);
    if (c + 1 < size) {
      const rd = f64At(cHeapKey, c + 1), re = i32At(cHeap, c + 1);
      if (before(rd, re, cd, ce)) { c++; cd = rd; ce = re; }
    }
    if (!before(cd, ce, vd, ve)) break;
    setF64(cHeapKey, k, cd); setI32(cHeap, k, ce);
    k = c;
  }
  setF64(cHeapKey, k, vd); setI32(cHeap, k, ve);
}

function firstFit(i: i32): i32 {
  for (let h = 0; h < H; h++) if (isSuitable(h, i)) return h;
  return -1;
}

function sortByDemand(n: i32): void {
  for (let k = 1; k < n; k++) {
    const v = i32At(list, k);
    const key = load<f64>(demOf(v), D_FRAC) * load<f64>(demOf(v), D_MIPS);
    let j = k - 1;
    while (j >= 0) {
      const o = i32At(list, j);
      if (!(load<f64>(demOf(o), D_FRAC) * load<f64>(demOf(o), D_MIPS) < key)) break;
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
    if (load<i32>(demOf(i32At(nItem, nd)), D_MOVING) == 0) return false;
    if (i32At(nState, nd) != NODE_RESIDENT) return true;
  }
  return true;
}

function optimize(t: f64): i32 {
  // Overloaded hosts. A host listing no item has an empty history, so every detector falls back to a plain
  // threshold on a demand of 0: it is overloaded only where 0 / capacity exceeds that threshold. Hosts outside the
  // awake set list nothing, so unless the threshold is negative only awake hosts need the test.
  const emptyThreshold = detector == abi.DETECTOR_THR ? detectorParam : fallbackThreshold;
  for (let w = 0; w < W; w++) setWord(overSet, w, 0);
  let overCount = 0;
  if (<f64>0 > emptyThreshold) {
    for (let h = 0; h < H; h++) if (overloaded(h, -1)) { bitOn(overSet, h); overCount++; }
  } else {
    for (let w = 0; w < W; w++) {
      let bits = wordAt(awake, w);
      while (bits != 0) {
        const h = lowestHost(w, bits);
        bits &= bits - 1;
        if (overloaded(h, -1)) { bitOn(overSet, h); overCount++; }
      }
    }
  }
  let saved = 0, ins = 0;
  for (let w = 0; w < W; w++) {
    let bits = wordAt(awake, w);
    while (bits != 0) {
      const h = lowestHost(w, bits);
      bits &= bits - 1;
      for (let nd = i32At(hHead, h); nd >= 0; nd = i32At(nNext, nd)) {
        if (i32At(nState, nd) != NODE_RESIDENT) {
          setI32(inHost, ins, h); setI32(inItem, ins, i32At(nItem, nd)); setI32(inState, ins, i32At(nState, nd)); ins++;
          continue;
        }
        setI32(savedHost, saved, h); setI32(savedItem, saved, i32At(nItem, nd)); saved++;
      }
    }
  }
  let n = 0;
  for (let w = 0; w < W; w++) {
    let bits = wordAt(overSet, w);
    while (bits != 0) {
      const h = lowestHost(w, bits);
      bits &= bits - 1;
      for (;;) {
        const i = select(h);
        if (i < 0) break;
        setI32(list, n++, i);
        vmDestroy(h, i, false); // an overloaded host is excluded from placement: its allocation is not read before restore
        if (!overloaded(h, -1)) break;
      }
    }
  }
  mapCount = 0;
  placeAll(n, overSet, false);
  const overMapped = mapCount;
  // Excluded from consolidation: overloaded hosts and hosts at utilisation 0 (off). Outside the awake set a host is
  // idle, so off unless 0 / its capacity is not 0.
  for (let w = 0; w < W; w++) {
    let x = wordAt(overSet, w) | (~wordAt(awake, w) & wordAt(offWhenIdle, w));
    let bits = wordAt(awake, w);
    while (bits != 0) {
      const h = lowestHost(w, bits);
      const bit = bits & (~bits + 1);
      bits &= bits - 1;
      if (load<f64>(hostAt(h), H_NOW) == 0) x |= bit;
    }
    setWord(exclUnder, w, x); setWord(exclPlace, w, x);
  }
  if (!quirk(abi.QUIRK_UNDERLOAD_KEEPS_TARGETS)) {
    for (let q = 0; q < overMapped; q++) bitOn(exclUnder, i32At(mapHost, q));
  }
  const consolidate = reoptPeriod <= 0 || t - lastReopt >= reoptPeriod;
  if (consolidate) lastReopt = t;
  // Underloaded hosts, least utilised first (host index breaking ties), as the reference's repeated scans take
  // them: utilisations do not change while a step plans, so one sorted list serves every round. A host whose items
  // all move out (or one moves in) is passed over but stays a candidate: its list may change.
  let candidatesU = 0;
  if (consolidate) {
    for (let w = 0; w < W; w++) {
      let bits = wordAt(awake, w) & ~wordAt(exclUnder, w);
      while (bits != 0) {
        const h = lowestHost(w, bits);
        bits &= bits - 1;
        const u = load<f64>(hostAt(h), H_NOW);
        if (!(u > 0 && u < 1)) continue;
        let k = candidatesU++;
        while (k > 0 && f64At(uKey, k - 1) > u) { setF64(uKey, k, f64At(uKey, k - 1)); setI32(uHost, k, i32At(uHost, k - 1)); k--; }
        setF64(uKey, k, u); setI32(uHost, k, h);
      }
    }
  }
  let first = 0;
  while (consolidate) {
    let under = -1;
    for (let k = first; k < candidatesU; k++) {
      const h = i32At(uHost, k);
      if (bitIs(exclUnder, h)) { if (k == first) first++; continue; }
      if (!allMovingOutOrAnyMovingIn(h)) { under = h; break; }
    }
    if (under < 0) break;
    bitOn(exclUnder, under);
    bitOn(exclPlace, under);
    let count = 0;
    for (let nd = i32At(hHead, under); nd >= 0; nd = i32At(nNext, nd)) {
      const i = i32At(nItem, nd);
      if (load<i32>(demOf(i), D_MOVING) == 0) setI32(list, count++, i);
    }
    if (count == 0) continue;
    if (reoptBudget > 0 && <f64>(mapCount - overMapped + count) > reoptBudget) continue;
    const start = mapCount;
    if (placeAll(count, exclPlace, true)) {
      for (let q = start; q < mapCount; q++) bitOn(exclUnder, i32At(mapHost, q));
    }
  }
  restore(saved, ins);
  let started = 0;
  for (let q = 0; q < mapCount; q++) {
    startMove(i32At(mapItem, q), i32At(mapHost, q), t);
    started++;
  }
  flushDeferred(t);
  startedThisTick = started;
  return overCount;
}

/** The reference's restore: every host back to its list before planning. Only awake hosts list items (or hold
 * memory). */
function restore(saved: i32, ins: i32): void {
  for (let w = 0; w < W; w++) {
    let bits = wordAt(awake, w);
    while (bits != 0) {
      const h = lowestHost(w, bits);
      bits &= bits - 1;
      clearList(h);
    }
  }
  for (let k = 0; k < ins; k++) if (relist(i32At(inHost, k), i32At(inItem, k), i32At(inState, k)) < 0) return;
  for (let k = 0; k < saved; k++) {
    const h = i32At(savedHost, k), i = i32At(savedItem, k);
    if (relist(h, i, NODE_RESIDENT) < 0) return;
    setI32(iHost, i, h);
  }
  // The reference then runs computeAlloc on every host. Those allocations are never read: the moves started next
  // update their hosts (flushDeferred, startMove), and the next update after this step is a full one (a tick, or the
  // first move completion after it) that recomputes every awake host's allocation from its list before anything
  // reads one (PABFD, placements), and gives dormant hosts the empty list's allocation (updateAll).
}

// ── Moves ────────────────────────────────────────────────────────────────────────────────────────────

// Host updates deferred while a step's moves start (see startMove), in the order they were first asked for.
let deferredCount = 0;

@inline function deferUpdate(h: i32): void {
  if (bitIs(deferredSet, h)) return;
  bitOn(deferredSet, h);
  setI32(deferredHosts, deferredCount++, h);
}

function flushDeferred(t: f64): void {
  for (let k = 0; k < deferredCount; k++) {
    const h = i32At(deferredHosts, k);
    bitOff(deferredSet, h);
    updateHost(h, t, false);
  }
  deferredCount = 0;
}

/**
 * Starts a move at the step's instant t. The reference updates the target and the source right away, at every
 * move; a live migration's updates are deferred here to the end of the step's moves (or to the next restart),
 * one per host in the order first asked for. That gives the same numbers: an update at t recomputes the host from
 * its list and items alone and overwrites what an earlier update at t wrote (entries at t, allocation, hUtil);
 * the records a first update closes (targets that were idle) close in the same order; nothing a later move reads
 * (hCount, and hUtil only where hCount = 0) differs, because a live migration leaves its source and target
 * listing it; and hPrevUtil, which repeated updates would shift, is rewritten by the next update before use
 * because those hosts are not empty. Restarts empty their source, so they keep the reference's order.
 */
function startMove(i: i32, target: i32, t: f64): void {
  store<i32>(demOf(i), 1, D_MOVING);
  const off = load<i32>(hostAt(target), H_COUNT) == 0 && load<f64>(hostAt(target), H_UTIL) == 0 && !(t < f64At(hEmptySince, target) + shutdownSeconds);
  const boot: f64 = off ? bootSeconds : 0;
  let duration: f64;
  if (i32At(itemKind, i) == abi.KIND_CONTAINER) {
    flushDeferred(t);
    const src = i32At(iHost, i);
    if (src >= 0) { setI32(iHost, i, -1); vmDestroy(src, i); updateHost(src, t, false); }
    const nd = appendNode(target, i, NODE_STARTING);
    if (nd >= 0) {
      const ram = memoryRequest(i), bw = bwRequest(i);
      setF64(nRam, nd, ram); setF64(nBw, nd, bw);
      store<f64>(hostAt(target), load<f64>(hostAt(target), H_RAM) + ram, H_RAM); store<f64>(hostAt(target), load<f64>(hostAt(target), H_BW) + bw, H_BW);
      allocateFor(nd); // the reference also computes the allocation here, which updateHost recomputes below
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
        store<f64>(hostAt(target), load<f64>(hostAt(target), H_RAM) + ram, H_RAM); store<f64>(hostAt(target), load<f64>(hostAt(target), H_BW) + bw, H_BW);
        allocateFor(nd);
      }
      deferUpdate(target);
      if (i32At(iHost, i) >= 0) deferUpdate(i32At(iHost, i));
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
  // Every host listing the item changes (its state, its allocation): the update at this instant recomputes them.
  bitOn(touched, target);
  for (let k = 0; k < SLOTS; k++) {
    const nd = i32At(iNodes, i * SLOTS + k);
    if (nd >= 0) bitOn(touched, i32At(nHost, nd));
  }
  const booting = nodeOf(i, target, NODE_BOOTING);
  if (booting >= 0) {
    setI32(nState, booting, NODE_RESIDENT); store<i32>(demOf(i), 0, D_MOVING); store<i32>(demOf(i), 0, D_INST);
    allocateFor(booting); computeAlloc(target);
    return;
  }
  if (i32At(itemKind, i) == abi.KIND_CONTAINER) {
    const nd = nodeOf(i, target, NODE_STARTING);
    if (nd >= 0) { setI32(nState, nd, NODE_RESIDENT); store<i32>(demOf(i), 0, D_MOVING); allocateFor(nd); computeAlloc(target); }
    else store<i32>(demOf(i), 0, D_MOVING);
    return;
  }
  // The reference's deallocateHostForVm, removal of the moving-in reservation and allocateHostForVm, without their
  // computeAlloc calls: both hosts are touched (removeNode, appendNode), so the update that ends this instant
  // (processMoves) recomputes their allocations from their lists, and nothing reads an allocation before it (moves
  // completing at the same instant check memory only); a host it finds dormant gets the empty list's allocation.
  const src = i32At(iHost, i);
  setI32(iHost, i, -1);
  if (src >= 0) vmDestroy(src, i, false);
  const nd = nodeOf(i, target, NODE_MIGRATING_IN);
  if (nd >= 0) removeNode(nd);
  store<i32>(demOf(i), 0, D_MOVING);
  if (vmCreate(target, i, false)) setI32(iHost, i, target); else failedPlacements++;
}

function processMoves(until: f64): void {
  while (pHead < pCount && f64At(pTime, pHead) < until && f64At(pTime, pHead) < endTime) {
    const tc = f64At(pTime, pHead);
    const advanced = tc > lastProcessTime;
    if (advanced) updateAll(tc, false, false);
    while (pHead < pCount && f64At(pTime, pHead) == tc) {
      const i = i32At(pItem, pHead), h = i32At(pHost, pHead);
      pHead++;
      completeMove(i, h);
    }
    updateAll(tc, false, advanced);
  }
}

// ── Autoscaling (see the reference for the HPA semantics) ───────────────────────────────────────────

function countReady(): void {
  if (scaleTarget <= 0) return;
  for (let s = 0; s < S; s++) setI32(sReady, s, 0);
  for (let i = 0; i < N; i++) {
    const s = i32At(itemService, i);
    if (s < 0 || i32At(iAlive, i) != 1) continue;
    if (load<i32>(demOf(i), D_MOVING) != 0 && (i32At(itemKind, i) == abi.KIND_CONTAINER || load<i32>(demOf(i), D_INST) != 0)) continue;
    setI32(sReady, s, i32At(sReady, s) + 1);
  }
}

function autoscale(t: f64): void {
  for (let s = 0; s < S; s++) {
    const first = i32At(svcFirst, s), slots = i32At(svcMax, s);
    let current = 0;
    for (let k = 0; k < slots; k++) if (i32At(iAlive, first + k) == 1) current++;
    if (current == 0) continue;
    const u = traceAt(load<i32>(demOf(first), D_TRACE), t) * f64At(svcBase, s) / <f64>current;
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
        if (i32At(iAlive, i) != 1 || load<i32>(demOf(i), D_MOVING) != 0) continue;
        deallocateHostForVm(i);
        setI32(iAlive, i, DORMANT);
        removedNow++;
      }
      if (removedNow > 0) scaleEvents++;
    }
  }
}

function startReplica(i: i32, t: f64): bool {
  store<i32>(demOf(i), 1, D_INST);
  const h = findHost(i, noneSet);
  if (h < 0) { store<i32>(demOf(i), 0, D_INST); failedPlacements++; return false; }
  const nd = appendNode(h, i, NODE_BOOTING);
  if (nd < 0) { store<i32>(demOf(i), 0, D_INST); return false; }
  const ram = memoryRequest(i), bw = bwRequest(i);
  setF64(nRam, nd, ram); setF64(nBw, nd, bw); store<f64>(hostAt(h), load<f64>(hostAt(h), H_RAM) + ram, H_RAM); store<f64>(hostAt(h), load<f64>(hostAt(h), H_BW) + bw, H_BW);
  allocateFor(nd);
  computeAlloc(h);
  setI32(iHost, i, h);
  setI32(iAlive, i, 1);
  store<i32>(demOf(i), 1, D_MOVING);
  setI32(iHistLen, i, 0); setF64(iHistPrev, i, t); setU8(iFormValid, i, 0);
  setU8(hHistValid, h, 0); setU8(hFormValid, h, 0); // appended with the history it had before it was stopped
  updateHost(h, t, false);
  schedule(i, h, t + f64At(itemStartSeconds, i));
  return true;
}

// ── Run ──────────────────────────────────────────────────────────────────────────────────────────────

function placeArrival(i: i32): void {
  store<i32>(demOf(i), 1, D_INST);
  let h = -1;
  const given = i32At(itemInitialHost, i);
  if (mode != abi.MODE_DYNAMIC || placement == abi.PLACE_FIRST_FIT) h = firstFit(i);
  else if (placement == abi.PLACE_GIVEN && given >= 0 && given < H && isSuitable(given, i)) h = given;
  else h = findHost(i, noneSet);
  const ok = allocateHostForVm(i, h);
  store<i32>(demOf(i), 0, D_INST);
  if (ok) setU8(hReqValid, h, 0); // its demand was its full size while it was created
  setI32(iAlive, i, ok ? 1 : 2);
  if (!ok) failedPlacements++;
}

function recordStep(step: i32, t: f64, tBefore: f64, eBefore: f64, overloadedHosts: i32): void {
  const row = step * abi.SERIES_COLS;
  let active = 0;
  let alloc: f64 = 0;
  for (let w = 0; w < W; w++) { // hosts outside the awake set are at utilisation 0
    let bits = wordAt(awake, w);
    while (bits != 0) {
      const h = lowestHost(w, bits);
      bits &= bits - 1;
      if (load<f64>(hostAt(h), H_UTIL) > 0) active++;
      alloc += load<f64>(hostAt(h), H_UTIL);
    }
  }
  let req: f64 = 0;
  let items = 0;
  for (let i = 0; i < N; i++) if (i32At(iAlive, i) == 1) { req += load<f64>(demOf(i), D_REQ); items++; }
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
    const r = recOf(i);
    if (load<f64>(r, REC_ENTRY_TIME) >= 0) itemTransition(i);
    req += load<f64>(r, REC_TOT_REQ); alloc += load<f64>(r, REC_TOT_ALLOC); under += load<f64>(r, REC_UNDER_MIG);
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
  lrScreened = false;
  if (detector == abi.DETECTOR_LR || detector == abi.DETECTOR_LRR) {
    // The fits whose prediction is linear in the history: unweighted (the quirk), or loess without its robust step.
    if (quirk(abi.QUIRK_LR_UNWEIGHTED)) lrScreened = prepareLrScreen(lrWindow, 0);
    else if (detector == abi.DETECTOR_LR) { tricubeWeights(scratchB, lrWindow); lrScreened = prepareLrScreen(lrWindow, scratchB); }
  }
  checkAsPriced = detector == abi.DETECTOR_THR || lrScreened;
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
      updateAll(tick, true, false);
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
