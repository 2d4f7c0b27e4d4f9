// The TypeScript reference packer: the oracle the WASM kernel is checked against (same inputs, same outputs).
// Plain data structures and linear scans; the kernel's indexes (segment tree, shape restarts) must not change
// any answer, only its speed. One exception: the bin-centric vector rules use the same class index as the kernel
// (vector-rules.ts; a plain scan is quadratic in the items), and `{ plainScan: true }` runs the scan they must equal.
import {
  ALG_BALANCED_FIT, ALG_COUNT, ALG_FFD_OR_MIXED, ALG_FIRST_FIT, ALG_MBS_OR_BALANCED, ALG_MIN_SLACK, BALANCED_MAX_CHECKS, ALG_LP_ROUNDING, ALG_NEXT_K_FIT, DOMAIN_SITE, LP_MAX_STEPS, REASON_PLACED,
  SIZE_KEY_DIM, SIZE_KEY_NONE,
} from '../../assembly/abi';
import {
  DEFAULT_PACK_OPTIONS, DIVE_STATE_NAME, LP_STATE_NAME, RULE_CODE, RULE_OF_CODE, SIZE_KEY_CODE, type ArenaShape, type PackArena, type PackOptions,
  type PackOutcome, type Packer, type PatternDiveStatus, type PatternLpStatus, type SizeKey,
} from '../kernel/packer';
import { balancedHosts, construct, type Rules } from './construct';
import { rankHosts } from './host-order';
import { Improver } from './improve';
import { roundPatterns } from './lp-rounding';
import { PatternLp } from './pattern-lp';
import { decreasingOrder, inputOrder, shuffledOrder, unitKeys } from './order';
import { Rng } from './random';
import { isStaticReason, unplacedReason } from './reasons';
import { HostState } from './state';
import { buildUnits, dimensionNorms, type Units } from './units';

interface Run {
  readonly st: HostState;
  readonly units: Units;
  readonly decided: Int32Array;
  readonly firstHost: Int32Array;
  readonly unitReason: Int32Array;
  readonly improver: Improver;
  readonly constructiveHosts: number;
  readonly constructiveCost: number;
  readonly startRule: number;
  /** The host order opened a mix of host models first (host-order.ts). */
  readonly mixedOrder: boolean;
}

/** Throws if an input id or level is outside its range (the kernel returns ERR_BAD_INPUT for the same cases). */
export function checkArena(a: PackArena, sizeKey: number, sizeDim: number): void {
  const bad = (what: string) => { throw new Error(`invalid pack input: ${what}`); };
  if (sizeKey === SIZE_KEY_DIM && (sizeDim < 0 || sizeDim >= a.dims)) bad('size dimension out of range');
  for (let h = 0; h < a.hosts; h++) if (a.hostRack[h] < 0 || a.hostSite[h] < 0) bad(`host ${h} has a negative rack or site id`);
  for (let i = 0; i < a.items; i++) {
    if (a.itemTenant[i] < 0) bad(`item ${i} has a negative tenant id`);
    if (a.itemSpread[i] < -1 || a.itemSpread[i] >= a.spreadGroups) bad(`item ${i} has spread group ${a.itemSpread[i]}`);
    if (a.itemAffinity[i] < -1 || a.itemAffinity[i] >= a.items) bad(`item ${i} has affinity group ${a.itemAffinity[i]}`);
  }
  for (let g = 0; g < a.spreadGroups; g++) if (a.spreadLevel[g] < 0 || a.spreadLevel[g] > DOMAIN_SITE) bad(`spread group ${g} has level ${a.spreadLevel[g]}`);
}

interface StartScore { readonly unplaced: number; readonly cost: number; readonly hosts: number }

/** x is a better start than y: fewer unplaced, then lower cost, then fewer hosts. */
function betterStart(x: StartScore, y: StartScore): boolean {
  return x.unplaced < y.unplaced || (x.unplaced === y.unplaced && (x.cost < y.cost || (x.cost === y.cost && x.hosts < y.hosts)));
}

/** Items left unplaced, cost and hosts used of a constructive pass (the starts of the composites are compared so). */
function startScore(st: HostState): StartScore {
  let unplaced = 0, cost = 0, hosts = 0;
  for (let u = 0; u < st.u.count; u++) if (st.unitHost[u] < 0) unplaced += st.u.slots[u];
  for (let h = 0; h < st.a.hosts; h++) if (st.count[h] > 0) { cost += st.a.hostCost[h]; hosts++; }
  return { unplaced, cost, hosts };
}

export class ReferencePacker implements Packer {
  readonly name = 'reference' as const;
  private arena: PackArena | undefined;
  private run: Run | undefined;
  private lp: PatternLp | undefined;

  constructor(private readonly opts: { readonly plainScan?: boolean } = {}) {}

  reserve(hosts: number, items: number, dims: number, shape: ArenaShape = {}): PackArena {
    const labelWords = shape.labelWords ?? 0, spreadGroups = shape.spreadGroups ?? 0;
    this.run = undefined;
    this.lp = undefined;
    this.arena = {
      hosts, items, dims, labelWords, spreadGroups,
      hostCapacity: new Float64Array(hosts * dims),
      hostMaxItems: new Int32Array(hosts),
      hostCost: new Float64Array(hosts).fill(1),
      hostRack: new Int32Array(hosts),
      hostSite: new Int32Array(hosts),
      hostLabels: new Int32Array(hosts * labelWords),
      itemDemand: new Float64Array(items * dims),
      itemTenant: new Int32Array(items),
      itemExclusive: new Int32Array(items),
      itemSpread: new Int32Array(items).fill(-1),
      itemAffinity: new Int32Array(items).fill(-1),
      itemLabels: new Int32Array(items * labelWords),
      spreadLevel: new Int32Array(spreadGroups),
      spreadMax: new Int32Array(spreadGroups).fill(1),
    };
    return this.arena;
  }

  pack(options: PackOptions): PackOutcome {
    const a = this.arena;
    if (!a) throw new Error('reserve() must be called before packing');
    const rule = RULE_CODE[options.rule];
    if (rule === undefined || rule < 0 || rule >= ALG_COUNT) throw new Error(`unknown rule ${options.rule}`);
    const sizeKey = SIZE_KEY_CODE[options.sizeKey];
    checkArena(a, sizeKey, options.sizeDim);
    const norm = dimensionNorms(a);
    const units = buildUnits(a, norm);
    let st = new HostState(a, units);
    const rng = new Rng(options.seed);
    const hostOrder = rankHosts(a, options.hostOrder);
    const decreasing = () => decreasingOrder(unitKeys(units.demand, units.count, a.dims, norm, sizeKey, options.sizeDim));
    const order = rule === ALG_FFD_OR_MIXED ? null
      : options.order === 'shuffled' ? shuffledOrder(units.count, rng)
      : options.order === 'input' || sizeKey === SIZE_KEY_NONE ? inputOrder(units.count) : decreasing();
    let rounded: number[] = [], kept = 0;
    if (rule === ALG_LP_ROUNDING) {
      // The LP of these inputs, run to its end (a caller that wants a time limit runs it first with patternLp).
      if (!this.lp || !this.lp.sameSizes()) this.lp = new PatternLp(a);
      this.lp.run(LP_MAX_STEPS);
      ({ units: rounded, hosts: kept } = roundPatterns(this.lp, st));
    }
    const rules = (s: HostState): Rules => ({ st: s, norm, sizeKey, sizeDim: options.sizeDim, rng, hostOrder, plainScan: this.opts.plainScan });
    let decided: Int32Array;
    let startRule = rule;
    if (order && rule === ALG_MBS_OR_BALANCED) {
      // The minimum-slack rule, then balanced fit over the same order (within BALANCED_MAX_CHECKS); the first again if better.
      decided = construct(rules(st), ALG_MIN_SLACK, order.slice());
      if (units.count * balancedHosts(rules(st)).hosts <= BALANCED_MAX_CHECKS) {
        const slack = startScore(st);
        st = new HostState(a, units);
        decided = construct(rules(st), ALG_BALANCED_FIT, order.slice());
        if (betterStart(startScore(st), slack)) startRule = ALG_BALANCED_FIT;
        else { st = new HostState(a, units); decided = construct(rules(st), ALG_MIN_SLACK, order.slice()); }
      }
      if (startRule === rule) startRule = ALG_MIN_SLACK;
    } else if (order) decided = construct(rules(st), rule, order, rounded, kept);
    else {
      // The best start: First Fit Decreasing, balanced fit over the same order (within BALANCED_MAX_CHECKS), the
      // better kept; then Next-K Fit over a shuffled order, and the kept one again if it was better.
      let kept = ALG_FIRST_FIT;
      decided = construct(rules(st), ALG_FIRST_FIT, decreasing());
      let best = startScore(st);
      if (units.count * balancedHosts(rules(st)).hosts <= BALANCED_MAX_CHECKS) {
        st = new HostState(a, units);
        decided = construct(rules(st), ALG_BALANCED_FIT, decreasing());
        const balanced = startScore(st);
        if (betterStart(balanced, best)) { best = balanced; kept = ALG_BALANCED_FIT; }
      }
      st = new HostState(a, units);
      decided = construct(rules(st), ALG_NEXT_K_FIT, shuffledOrder(units.count, rng));
      startRule = ALG_NEXT_K_FIT;
      if (!betterStart(startScore(st), best)) { st = new HostState(a, units); decided = construct(rules(st), kept, decreasing()); startRule = kept; }
    }
    const firstHost = new Int32Array(a.items);
    for (let i = 0; i < a.items; i++) firstHost[i] = st.unitHost[units.ofItem[i]];
    const unitReason = new Int32Array(units.count);
    let dynamic = false;
    for (let unit = 0; unit < units.count; unit++) {
      if (st.unitHost[unit] >= 0) continue;
      unitReason[unit] = unplacedReason(st, unit);
      if (!isStaticReason(unitReason[unit])) dynamic = true;
    }
    const improver = new Improver(st, rng, norm, hostOrder.rank, kept);
    // Units left out for want of room or by rules that depend on what hosts hold: the pool is short, and
    // emptying hosts would only hide that. The improvement phase runs when everything placeable is placed.
    if (dynamic) improver.done = true;
    this.run = { st, units, decided, firstHost, unitReason, improver, constructiveHosts: improver.bestHosts, constructiveCost: improver.bestCost, startRule, mixedOrder: hostOrder.mixed };
    improver.run(options.iterations, options.targetCost);
    return this.outcome();
  }

  improve(iterations: number, targetCost: number): PackOutcome {
    if (!this.run) throw new Error('pack() must be called before improve()');
    this.run.improver.run(iterations, targetCost);
    return this.outcome();
  }

  liftItemLabels(word: number): void {
    const a = this.arena;
    if (!a || !this.run) throw new Error('pack() must be called before liftItemLabels()');
    if (!Number.isInteger(word) || word < 0 || word >= a.labelWords) throw new Error(`no label word ${word}`);
    const w = a.labelWords, units = this.run.units;
    for (let i = 0; i < a.items; i++) a.itemLabels[i * w + word] = 0;
    for (let u = 0; u < units.count; u++) units.labels[u * w + word] = 0;
  }

  patternLp(steps: number): PatternLpStatus {
    const a = this.arena;
    if (!a) throw new Error('reserve() must be called before packing');
    if (!this.lp || !this.lp.sameSizes()) this.lp = new PatternLp(a);
    const state = this.lp.run(Math.max(0, Math.min(steps, 2 ** 31 - 1)) | 0);
    return { state: LP_STATE_NAME[state], bound: this.lp.bound(), value: this.lp.usable() ? this.lp.reportedValue() : 0, steps: this.lp.steps };
  }

  patternDive(steps: number, leave: number): PatternDiveStatus {
    const a = this.arena;
    if (!a) throw new Error('reserve() must be called before packing');
    if (!this.lp || !this.lp.sameSizes()) this.lp = new PatternLp(a);
    const state = this.lp.dive(Math.max(0, Math.min(steps, 2 ** 31 - 1)) | 0, Math.max(0, Math.min(leave, 2 ** 31 - 1)) | 0);
    return { state: DIVE_STATE_NAME[state], hosts: this.lp.fixed, bound: this.lp.bound(), steps: this.lp.steps };
  }

  fork(): ReferencePacker {
    return new ReferencePacker();
  }

  firstFitDecreasing(sizeKey: SizeKey): PackOutcome {
    return this.pack({ ...DEFAULT_PACK_OPTIONS, rule: 'first-fit', order: 'decreasing', sizeKey });
  }

  /** Outputs of the best complete solution found so far. */
  private outcome(): PackOutcome {
    const a = this.arena!, run = this.run!;
    const { units, improver } = run;
    const dd = a.dims;
    const itemHost = new Int32Array(a.items), itemReason = new Int32Array(a.items);
    const hostResidual = Float64Array.from(a.hostCapacity), hostItems = new Int32Array(a.hosts);
    for (let i = 0; i < a.items; i++) {
      const unit = units.ofItem[i];
      itemHost[i] = improver.best[unit];
      itemReason[i] = itemHost[i] >= 0 ? REASON_PLACED : run.unitReason[unit];
    }
    for (let unit = 0; unit < units.count; unit++) {
      const h = improver.best[unit];
      if (h < 0) continue;
      for (let d = 0; d < dd; d++) hostResidual[h * dd + d] -= units.demand[unit * dd + d];
      hostItems[h] += units.slots[unit];
    }
    const itemOrder = new Int32Array(a.items);
    let k = 0;
    for (const unit of run.decided) for (let i = units.first[unit]; i >= 0; i = units.nextItem[i]) itemOrder[k++] = i;
    let unplaced = 0;
    for (let i = 0; i < a.items; i++) if (itemHost[i] < 0) unplaced++;
    return {
      hostsUsed: improver.bestHosts,
      itemHost, itemReason, hostResidual, hostItems, itemOrder,
      itemFirstHost: run.firstHost.slice(),
      cost: improver.bestCost,
      constructiveHosts: run.constructiveHosts,
      constructiveCost: run.constructiveCost,
      startRule: RULE_OF_CODE[run.startRule],
      mixedOrder: run.mixedOrder,
      iterations: improver.iterations,
      improvements: improver.improvements,
      moveChecks: improver.moveChecks,
      refillNodes: improver.refillNodes,
      done: improver.done,
      unplaced,
    };
  }
}
