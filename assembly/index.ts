// Hostfit kernel: WASM exports. The host (core/kernel/wasm-packer.ts) calls `reservePack`, writes inputs into
// the regions named by the returned header (abi.ts), calls `runPack` (and `runImprove` for more improvement
// iterations, in chunks if it likes) and reads the outputs. No strings, objects or per-element calls cross
// this boundary; nothing here reads a clock or Math.random.
import {
  ALG_BALANCED_FIT, ALG_COUNT, ALG_FFD_OR_MIXED, ALG_FIRST_FIT, ALG_MBS_OR_BALANCED, ALG_MIN_SLACK, BALANCED_MAX_CHECKS, ALG_LP_ROUNDING, ALG_NEXT_K_FIT, DOMAIN_SITE, ORDER_DECREASING, ORDER_INPUT, ORDER_SHUFFLED, ERR_BAD_ALGORITHM, ERR_BAD_INPUT, ERR_NOT_PACKED, HOST_ORDER_GIVEN, HOST_ORDER_MIX,
  ERR_NOT_RESERVED, LP_MAX_STEPS, LP_NONE, SIZE_KEY_DIM, SIZE_KEY_MAX, STAT_DIVE_HOSTS, STAT_LP_BOUND, STAT_LP_STEPS, STAT_LP_VALUE,
} from './abi';
import {
  reserve, isReserved, hosts, items, dims, spreadGroups, hostRack, hostSite, itemTenant, itemSpread, itemAffinity,
  spreadLevel, itemFirstHost, unitOfItem, unitHost, unitSlots, hostCount, hostCost, stats, i32At, setI32, f64At, setF64,
  labelWords, itemLabels, unitLabels,
} from './arena';
import { buildOrder, computeKeys } from './order';
import { seedRandom } from './random';
import { balancedHosts, construct, recordPasses, replayPass } from './pack/construct';
import { bestCost, bestHosts, done, initImprove, markDone, runImprovement } from './pack/improve';
import { recordConstructive, writeOutcome } from './pack/outcome';
import { roundPatterns, roundedHosts } from './pack/lp-rounding';
import {
  lpBound, lpDive, lpFixed, lpInit, lpReportedValue, lpReset, lpRun, lpSameSizes, lpState, lpSteps, lpUsable,
} from './pack/pattern-lp';
import { computeReasons } from './pack/reasons';
import { rankHosts, setHostOrderMode } from './pack/host-order';
import { resetHosts } from './pack/state';
import { buildUnits, computeNorms, unitCount } from './pack/units';

export { setImproveParameter } from './pack/improve';

let packed = false;

/** Lays out a pack arena (no labels, no spread groups); returns the header address. */
export function reservePack(hosts: i32, items: i32, dims: i32): usize {
  packed = false;
  lpReset();
  return reserve(hosts, items, dims, 0, 0);
}

/** Lays out a pack arena with `labelWords` label words per host/item and `spreadGroups` spread groups. */
export function reservePackWith(hosts: i32, items: i32, dims: i32, labelWords: i32, spreadGroups: i32): usize {
  packed = false;
  lpReset();
  return reserve(hosts, items, dims, labelWords, spreadGroups);
}

function inputsValid(sizeKey: i32, sizeDim: i32): bool {
  if (sizeKey < SIZE_KEY_MAX || sizeKey > SIZE_KEY_DIM) return false;
  if (sizeKey == SIZE_KEY_DIM && (sizeDim < 0 || sizeDim >= dims)) return false;
  for (let h = 0; h < hosts; h++) if (i32At(hostRack, h) < 0 || i32At(hostSite, h) < 0) return false;
  for (let i = 0; i < items; i++) {
    if (i32At(itemTenant, i) < 0) return false;
    const s = i32At(itemSpread, i), a = i32At(itemAffinity, i);
    if (s < -1 || s >= spreadGroups || a < -1 || a >= items) return false;
  }
  for (let g = 0; g < spreadGroups; g++) {
    const level = i32At(spreadLevel, g);
    if (level < 0 || level > DOMAIN_SITE) return false;
  }
  return true;
}

/** Items left unplaced, cost and hosts of the constructive pass just run (ALG_FFD_OR_MIXED compares its starts). */
let startUnplaced = 0;
let startCost: f64 = 0;
let startHosts = 0;

function scoreStart(units: i32): void {
  startUnplaced = 0;
  for (let u = 0; u < units; u++) if (i32At(unitHost, u) < 0) startUnplaced += i32At(unitSlots, u);
  startCost = 0;
  startHosts = 0;
  for (let h = 0; h < hosts; h++) {
    if (i32At(hostCount, h) == 0) continue;
    startCost += f64At(hostCost, h);
    startHosts++;
  }
}

/**
 * ALG_FFD_OR_MIXED: First Fit Decreasing, balanced fit over the same order (where units × its open hosts stay
 * within BALANCED_MAX_CHECKS), the better of the two kept; then Next-K Fit over a shuffled order, and the kept one
 * again if it was better (neither of the first two draws from the generator, so re-running one repeats it; balanced
 * fit is replayed from the record of its placements instead).
 */
function bestStart(units: i32, sizeKey: i32, sizeDim: i32): i32 {
  buildOrder(units, ORDER_DECREASING);
  construct(ALG_FIRST_FIT, units, sizeKey, sizeDim, 0, 0);
  scoreStart(units);
  let unplaced = startUnplaced, cost = startCost, used = startHosts;
  let kept = ALG_FIRST_FIT;
  if (<i64>units * <i64>balancedHosts(units) <= <i64>BALANCED_MAX_CHECKS) {
    resetHosts(units);
    recordPasses(true);
    construct(ALG_BALANCED_FIT, units, sizeKey, sizeDim, 0, 0);
    recordPasses(false);
    scoreStart(units);
    if (betterStart(unplaced, cost, used)) {
      unplaced = startUnplaced; cost = startCost; used = startHosts;
      kept = ALG_BALANCED_FIT;
    }
  }
  resetHosts(units);
  buildOrder(units, ORDER_SHUFFLED);
  construct(ALG_NEXT_K_FIT, units, sizeKey, sizeDim, 0, 0);
  scoreStart(units);
  if (betterStart(unplaced, cost, used)) return ALG_NEXT_K_FIT;
  resetHosts(units);
  buildOrder(units, ORDER_DECREASING);
  // Balanced fit, the dearer start, is laid out again from its record; First Fit runs again.
  if (kept == ALG_BALANCED_FIT) replayPass(units, sizeKey, sizeDim);
  else construct(kept, units, sizeKey, sizeDim, 0, 0);
  return kept;
}

/** ALG_MBS_OR_BALANCED: the minimum-slack rule, then balanced fit over the same order; the first again if better. */
function slackOrBalanced(units: i32, sizeKey: i32, sizeDim: i32): i32 {
  construct(ALG_MIN_SLACK, units, sizeKey, sizeDim, 0, 0);
  if (<i64>units * <i64>balancedHosts(units) > <i64>BALANCED_MAX_CHECKS) return ALG_MIN_SLACK;
  scoreStart(units);
  const unplaced = startUnplaced, cost = startCost, used = startHosts;
  resetHosts(units);
  construct(ALG_BALANCED_FIT, units, sizeKey, sizeDim, 0, 0);
  scoreStart(units);
  if (betterStart(unplaced, cost, used)) return ALG_BALANCED_FIT;
  resetHosts(units);
  construct(ALG_MIN_SLACK, units, sizeKey, sizeDim, 0, 0);
  return ALG_MIN_SLACK;
}

/** The start just scored is better than (unplaced, cost, used): fewer unplaced, then lower cost, then fewer hosts. */
function betterStart(unplaced: i32, cost: f64, used: i32): bool {
  return startUnplaced < unplaced || (startUnplaced == unplaced && (startCost < cost || (startCost == cost && startHosts < used)));
}

/**
 * Constructive pass with `algorithm` (ALG_*) over units in `order` (ORDER_*: input, decreasing by `sizeKey`, or
 * shuffled; SIZE_KEY_*, `sizeDim` for SIZE_KEY_DIM; the key is also Best/Worst Fit's measure), then `iterations`
 * improvement iterations, stopping early at `targetCost` (0: none). Returns hosts used, or ERR_*.
 */
export function runPack(algorithm: i32, order: i32, sizeKey: i32, sizeDim: i32, seed: i32, iterations: i32, targetCost: f64): i32 {
  if (!isReserved()) return ERR_NOT_RESERVED;
  if (algorithm < 0 || algorithm >= ALG_COUNT) return ERR_BAD_ALGORITHM;
  if (!inputsValid(sizeKey, sizeDim) || order < ORDER_INPUT || order > ORDER_SHUFFLED) return ERR_BAD_INPUT;
  seedRandom(seed);
  computeNorms();
  buildUnits();
  const units = unitCount;
  resetHosts(units);
  computeKeys(units, sizeKey, sizeDim);
  rankHosts();
  if (algorithm != ALG_FFD_OR_MIXED) buildOrder(units, order);
  let rounded = 0, kept = 0;
  if (algorithm == ALG_LP_ROUNDING) {
    // The LP of these inputs, run to its end (a caller that wants a time limit runs it first with runPatternLp).
    if (lpState == LP_NONE || !lpSameSizes()) lpInit();
    lpRun(LP_MAX_STEPS);
    writeLpStats();
    rounded = roundPatterns(); // before construct builds the First Fit index, which reads residuals
    kept = roundedHosts;
  }
  let startRule = algorithm;
  if (algorithm == ALG_FFD_OR_MIXED) startRule = bestStart(units, sizeKey, sizeDim);
  else if (algorithm == ALG_MBS_OR_BALANCED) startRule = slackOrBalanced(units, sizeKey, sizeDim);
  else construct(algorithm, units, sizeKey, sizeDim, rounded, kept);
  for (let i = 0; i < items; i++) setI32(itemFirstHost, i, i32At(unitHost, i32At(unitOfItem, i)));
  const dynamic = computeReasons(units);
  initImprove(units, kept);
  recordConstructive(bestHosts, bestCost, startRule);
  // Units left out for want of room or by rules that depend on what hosts hold: the pool is short, and
  // emptying hosts would only hide that. The improvement phase runs when everything placeable is placed.
  if (dynamic) markDone();
  runImprovement(iterations, targetCost);
  writeOutcome(units);
  packed = true;
  return bestHosts;
}

function writeLpStats(): void {
  setF64(stats, STAT_LP_BOUND, <f64>lpBound());
  setF64(stats, STAT_LP_VALUE, lpUsable() ? lpReportedValue() : 0);
  setF64(stats, STAT_LP_STEPS, <f64>lpSteps);
  setF64(stats, STAT_DIVE_HOSTS, <f64>lpFixed);
}

/**
 * Up to `steps` more steps of the pattern LP of the arena's inputs (set up again if they changed since); returns
 * its LP_* state, or ERR_*. Bound, value and steps spent are in the stats region.
 */
export function runPatternLp(steps: i32): i32 {
  if (!isReserved()) return ERR_NOT_RESERVED;
  if (lpState == LP_NONE || !lpSameSizes()) lpInit();
  lpRun(steps);
  writeLpStats();
  return lpState;
}

/**
 * Up to `steps` more steps of the dive on the pattern LP (the root LP to its optimum first), ending with at most
 * `leave` hosts of its target unfixed; returns its DIVE_* state, or ERR_*. Hosts fixed, the root bound and the
 * steps spent are in the stats region.
 */
export function runPatternDive(steps: i32, leave: i32): i32 {
  if (!isReserved()) return ERR_NOT_RESERVED;
  if (lpState == LP_NONE || !lpSameSizes()) lpInit();
  const state = lpDive(steps, leave);
  writeLpStats();
  return state;
}

/** More improvement iterations on the last packing. Returns hosts used, or ERR_*. */
export function runImprove(iterations: i32, targetCost: f64): i32 {
  if (!isReserved()) return ERR_NOT_RESERVED;
  if (!packed) return ERR_NOT_PACKED;
  if (!done) runImprovement(iterations, targetCost);
  writeOutcome(unitCount);
  return bestHosts;
}

/**
 * Lifts label word `word` off every item and unit of the last packing, so `runImprove` goes on without what it
 * required (a restriction that only guided the constructive pass: core/plan/pack-model.ts). Units of one item read
 * the items' labels (units.ts singleUnits), so both are cleared. Returns 0, or ERR_*.
 */
export function liftItemLabels(word: i32): i32 {
  if (!isReserved()) return ERR_NOT_RESERVED;
  if (!packed) return ERR_NOT_PACKED;
  if (word < 0 || word >= labelWords) return ERR_BAD_INPUT;
  for (let i = 0; i < items; i++) setI32(itemLabels, i * labelWords + word, 0);
  for (let u = 0; u < unitCount; u++) setI32(unitLabels, u * labelWords + word, 0);
  return 0;
}

/** Vector First Fit Decreasing by `sizeKey` (SIZE_KEY_*), no improvement. Returns hosts used, or ERR_*. */
export function runFirstFitDecreasing(sizeKey: i32): i32 {
  return runPack(ALG_FIRST_FIT, 1, sizeKey, 0, 1, 0, 0);
}

/** The host order of later packs (HOST_ORDER_*; HOST_ORDER_MIX until set). Returns ERR_BAD_INPUT for another value. */
export function setHostOrder(mode: i32): i32 {
  if (mode < HOST_ORDER_MIX || mode > HOST_ORDER_GIVEN) return ERR_BAD_INPUT;
  setHostOrderMode(mode);
  return 0;
}

// Time-stepped consolidation simulator (assembly/sim): reserveSim, runSim.
export * from './sim/exports';

// Two-level simulator, containers in node VMs (assembly/cis): reserveCis, runCis.
export * from './cis/exports';
