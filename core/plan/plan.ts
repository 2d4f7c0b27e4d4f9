// scenario → expand per deployment model → encode items, hosts and rules into the packer's arena → pack with
// the policy's algorithm (a fixed improvement budget, so the plan is reproducible) → summarise, verify,
// explain what is unplaced, and size the pool Borg-style. One function for the CLI, the renderer's worker,
// tests and benchmarks, so they all give the same numbers.
import type { Highs } from 'highs';
import { copyOutcome, type ArenaInputs, type Packer, type PackOutcome } from '../kernel/packer';
import { expandContainer } from '../model/container';
import { DIMENSIONS, DIMS, type Dimension } from '../model/dimensions';
import type { Expansion } from '../model/expansion';
import { placementRule, type ComparedModel } from '../model/isolation';
import { expandVm } from '../model/vm';
import { explainUnplacedItems } from '../pack/explain';
import { verifyPacking } from '../pack/verify';
import type { Scenario } from '../scenario/schema';
import { bestOf, planLowerBound, rulesLowerBound, type LowerBound } from './bounds';
import { planContainerInVm } from './container-in-vm';
import { answerDual, answerLp, replanner, type ModelDual } from './dual';
import { groupStarts, totalCount } from './encode';
import { poolShortfall, shortMask } from './shortfall';
import { unplacedByService } from './unplaced';
import { packingOrder } from './host-order';
import { packedLevel } from './levels';
import { packModel } from './pack-model';
import { partitionLowerBound } from './partition-bound';
import { REASON_FIELD, sizeModel, type ModelAnswer, type ModelPlan, type PlanResult, type UnplacedCounts, type UnplacedService } from './result';

export type { ModelAnswer, ModelPlan, NodePlan, PlanResult, ShapeCandidate, UnplacedCounts, UnplacedService } from './result';

export interface PlanProgress {
  readonly model: ComparedModel;
  readonly stage: 'expand' | 'pack' | 'summarise';
  /** Steps done out of `total` over the whole plan. */
  readonly done: number;
  readonly total: number;
}

const EXPANDERS: Record<'vm' | 'container', (s: Scenario) => Expansion> = { vm: expandVm, container: expandContainer };

/** Every deployment model the plan answers for, in the order it shows them. */
export const PLANNED_MODELS: readonly ComparedModel[] = ['vm', 'container', 'container-in-vm'];

function planModel(scenario: Scenario, packer: Packer, e: Expansion, model: 'vm' | 'container', highs?: Highs): ModelAnswer {
  const { inputs, out: live, algorithm, options, poolBound, guided, lpBound } = packModel(scenario, packer, e, highs);
  const out = copyOutcome(live);
  const summary = summarise(e, out, placedVolumeBound(e, out));
  const rules = bestOf(planLowerBound(e, out), rulesLowerBound(scenario, model, e, out));
  // The split's LP bounds plans that place every item (it is solved for all of them).
  const best = lpBound !== null && out.unplaced === 0 ? bestOf(rules, { hosts: lpBound, by: 'lp', method: 'lp' }) : rules;
  const verified = verifyPacking(inputs, out.itemHost).feasible;
  const unplacedServices = describeUnplaced(e, inputs, out);
  const improvement = { iterations: out.iterations, hostsEmptied: out.improvements };
  const base = { ...summary, bestLowerBound: best, gapToBest: best.hosts === null ? null : out.hostsUsed - best.hosts, algorithm, constructiveHosts: out.constructiveHosts, improvement, cost: out.cost, unplacedServices, verified };
  // Sizing re-packs the pool many times, on a separate packer when it can make one.
  const sizing = sizeModel(scenario, packer, inputs, options, out.unplaced, poolBound);
  const { mask, short } = shortMask(out.itemHost, (i) => out.itemReason[i]);
  const shortfall = short === 0 ? null
    : poolShortfall(bestOf(planLowerBound(e, { itemHost: mask }), rulesLowerBound(scenario, model, e, { itemHost: mask })), short, e.hosts);
  const isolation = new Map(scenario.services.map((x) => [x.id, x.isolation]));
  const keys = e.items.map((g) => (placementRule(model, isolation.get(g.serviceId)!, scenario) === 'host-exclusive' ? g.tenant : ''));
  return {
    plan: { id: model, ...base, sizing, nodes: null, shortfall },
    hosts: packedLevel(e, keys, out),
    hostLevel: { inputs, out, options: guided ? null : options, lpSplit: guided },
    twoLevel: null,
  };
}

/** Per service with unplaced replicas: how many, and the rules ruling hosts out for its first unplaced one. */
function describeUnplaced(e: Expansion, inputs: ArenaInputs, out: PackOutcome): UnplacedService[] {
  const found = unplacedByService(e.items, out.itemHost);
  if (found.length === 0) return [];
  const why = explainUnplacedItems(inputs, out, found.map((f) => f.first));
  return found.map((f, j) => ({ serviceId: f.serviceId, count: f.count, reason: why[j].reason, hostsRuledOut: why[j].ruledOut }));
}

type Summary = Omit<ModelPlan, 'id' | 'nodes' | 'shortfall' | 'bestLowerBound' | 'gapToBest' | 'algorithm' | 'constructiveHosts' | 'improvement' | 'cost' | 'unplacedServices' | 'sizing' | 'verified'>;

/** The volume bound alone (what lowerBound has always meant). */
function placedVolumeBound(e: Expansion, out: PackOutcome): LowerBound {
  const { method: _method, ...volume } = planLowerBound(e, out, false);
  return volume;
}

function summarise(e: Expansion & { model: 'vm' | 'container' }, out: PackOutcome, lowerBound: LowerBound): Summary {
  const itemStarts = groupStarts(e.items);
  const hostStarts = groupStarts(e.hosts);
  let placed = 0;
  const by: Record<keyof UnplacedCounts, number> = { tooLarge: 0, noRoom: 0, maxItems: 0, noFlavour: 0, labels: 0, isolation: 0, spread: 0, affinity: 0 };
  e.items.forEach((_, k) => {
    for (let i = itemStarts[k]; i < itemStarts[k + 1]; i++) {
      if (out.itemHost[i] >= 0) placed++;
      else {
        const field = REASON_FIELD[out.itemReason[i]];
        if (field) by[field]++;
      }
    }
  });
  const usedCapacity = new Array<number>(DIMS).fill(0);
  const usedAllocated = new Array<number>(DIMS).fill(0);
  e.hosts.forEach((g, k) => {
    for (let h = hostStarts[k]; h < hostStarts[k + 1]; h++) {
      if (out.hostItems[h] === 0) continue;
      for (let d = 0; d < DIMS; d++) {
        usedCapacity[d] += g.allocatable[d];
        usedAllocated[d] += g.allocatable[d] - out.hostResidual[h * DIMS + d];
      }
    }
  });
  const utilisation = Object.fromEntries(DIMENSIONS.map((name, d) =>
    [name, usedCapacity[d] > 0 ? usedAllocated[d] / usedCapacity[d] : 0])) as Record<Dimension, number>;
  by.noFlavour = e.rejected.reduce((n, r) => n + r.count, 0);
  const instances = totalCount(e.items) + by.noFlavour;
  return {
    model: e.model,
    instances,
    placed,
    unplaced: instances - placed,
    unplacedBy: by,
    hostsUsed: out.hostsUsed,
    hostsInPool: totalCount(e.hosts),
    lowerBound,
    gap: lowerBound.hosts === null ? null : out.hostsUsed - lowerBound.hosts,
    utilisation,
  };
}

export interface PlanOptions {
  /**
   * A loaded HiGHS (the `highs` package). VMs and pods in a pool of several host classes are then also packed with the
   * LP's split of the replicas over the classes where that is better (core/plan/pack-model.ts), and each model's best
   * bound includes the LP relaxation with its rules (core/plan/lp.ts), where the relaxation has at most LP_MAX_COLUMNS
   * columns, and the isolation partitions in whole hosts (core/plan/partition-bound.ts) where tenants need hosts of
   * their own.
   */
  readonly highs?: Highs;
  /** With `highs`: false leaves those bounds to lpBestBounds (the app shows the plan first, the bounds after). */
  readonly lpBounds?: boolean;
}

/** Largest relaxation (columns: service groups × host groups, and partitions) solved for the best bound. */
export const LP_MAX_COLUMNS = 60_000;
/** Seconds HiGHS may spend on one relaxation. */
export const LP_SECONDS = 5;

/**
 * The answer with the bounds HiGHS settles in its best bound, where larger: the LP relaxation with its rules, and for
 * VMs and pods on bare metal with tenants needing hosts of their own, the isolation partitions in whole hosts
 * (partition-bound.ts).
 */
function withHighsBounds(scenario: Scenario, a: ModelAnswer, highs: Highs): ModelAnswer {
  // Only where the gap is open: no bound exceeds the hosts a plan uses.
  if (a.plan.placed === 0 || a.plan.bestLowerBound.hosts === null || a.plan.bestLowerBound.hosts >= a.plan.hostsUsed) return a;
  let best = a.plan.bestLowerBound;
  const groups = a.twoLevel ? a.twoLevel.pods.items.length : a.hosts.expansion.items.length;
  const hostGroups = a.hosts.expansion.hosts.length;
  if (groups * hostGroups <= LP_MAX_COLUMNS) {
    // The relaxation minimises the policy's objective, and a bound on hosts needs hosts minimised: with "cost" it is
    // solved once more for that (the dual keeps the cost relaxation).
    const byHosts = scenario.policy.objective === 'hosts' ? scenario : { ...scenario, policy: { ...scenario.policy, objective: 'hosts' as const } };
    const lp = answerLp(highs, byHosts, a, LP_SECONDS);
    if (lp.bound !== null && lp.bound > best.hosts!) best = { hosts: lp.bound, by: 'lp', method: 'lp' as const };
  }
  if (!a.twoLevel && best.hosts! < a.plan.hostsUsed) {
    const partitions = partitionLowerBound(highs, scenario, a.plan.model as 'vm' | 'container', a.hosts.expansion, a.hosts);
    if (partitions !== null && partitions.hosts! > best.hosts!) best = partitions;
  }
  if (best === a.plan.bestLowerBound) return a;
  return { ...a, plan: { ...a.plan, bestLowerBound: best, gapToBest: a.plan.hostsUsed - best.hosts! } };
}

/**
 * Each answer's best bound once the bounds HiGHS settles are in it (the LP relaxation, the isolation partitions: the
 * same as planning with `highs`), by plan id; the app shows the plan first and this when HiGHS has solved them.
 */
export function lpBestBounds(highs: Highs, scenario: Scenario, answers: readonly ModelAnswer[]): LpBestBound[] {
  return answers.map((a) => {
    const { bestLowerBound, gapToBest } = withHighsBounds(scenario, a, highs).plan;
    return { id: a.plan.id, bestLowerBound, gapToBest };
  });
}

export type LpBestBound = Pick<ModelPlan, 'id' | 'bestLowerBound' | 'gapToBest'>;

/** Plans `models` and keeps the packing behind each answer (one answer per model; container-in-VM may add the searched best shape). */
export function planModels(
  scenario: Scenario, packer: Packer, models: readonly ComparedModel[] = PLANNED_MODELS, onProgress?: (p: PlanProgress) => void,
  options: PlanOptions = {},
): { result: PlanResult; answers: ModelAnswer[] } {
  const total = models.length * 3;
  let done = 0;
  const step = (model: ComparedModel, stage: PlanProgress['stage']) => onProgress?.({ model, stage, done: done++, total });
  const answers: ModelAnswer[] = models.flatMap((model) => {
    step(model, 'expand');
    if (model === 'container-in-vm') {
      step(model, 'pack');
      const out = planContainerInVm(scenario, packer);
      step(model, 'summarise');
      return out;
    }
    const expanded = EXPANDERS[model](scenario);
    const expansion = { ...expanded, hosts: packingOrder(scenario, expanded.hosts) };
    step(model, 'pack');
    const answer = planModel(scenario, packer, expansion, model, options.highs);
    step(model, 'summarise');
    return [answer];
  });
  onProgress?.({ model: models[models.length - 1], stage: 'summarise', done: total, total });
  if (options.highs && options.lpBounds !== false) answers.splice(0, answers.length, ...answers.map((a) => withHighsBounds(scenario, a, options.highs!)));
  const result: PlanResult = {
    scenario: scenario.name, algorithm: scenario.policy.algorithm, sizeKey: scenario.policy.sizeKey, packer: packer.name, models: answers.map((a) => a.plan),
  };
  return { result, answers };
}

export function planScenario(
  scenario: Scenario, packer: Packer, models: readonly ComparedModel[] = PLANNED_MODELS, onProgress?: (p: PlanProgress) => void,
  options: PlanOptions = {},
): PlanResult {
  return planModels(scenario, packer, models, onProgress, options).result;
}

/** The dual of each answer (core/plan/dual.ts): LP bound, shadow prices, host models, and each rule's cost re-planned. */
export function answersDual(highs: Highs, scenario: Scenario, packer: Packer, answers: readonly ModelAnswer[]): ModelDual[] {
  // Re-planned as the plan was: with HiGHS, so the LP's split is open to the plan without the rule too.
  const replan = (s: Scenario, p: Packer, model: ComparedModel) => planModels(s, p, [model], undefined, { highs, lpBounds: false }).answers[0];
  return answers.map((a) => answerDual(highs, scenario, a, replanner(packer, a, replan), LP_SECONDS));
}
