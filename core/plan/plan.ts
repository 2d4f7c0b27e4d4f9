// scenario → expand per deployment model → encode items, hosts and rules into the packer's arena → pack with
// the policy's algorithm (a fixed improvement budget, so the plan is reproducible) → summarise, verify,
// explain what is unplaced, and size the pool Borg-style. One function for the CLI, the renderer's worker,
// tests and benchmarks, so they all give the same numbers.
import {
  REASON_AFFINITY, REASON_ISOLATION, REASON_LABELS, REASON_MAX_ITEMS, REASON_NO_ROOM, REASON_SPREAD, REASON_TOO_LARGE,
} from '../../assembly/abi';
import type { ArenaInputs, Packer, PackOutcome } from '../kernel/packer';
import { expandContainer } from '../model/container';
import { DIMENSIONS, DIMS, type Dimension } from '../model/dimensions';
import type { DeploymentModel, Expansion } from '../model/expansion';
import { expandVm } from '../model/vm';
import { explainUnplacedItems, type RuleCounts } from '../pack/explain';
import { borgSizing, type Sizing } from '../pack/sizing';
import { verifyPacking } from '../pack/verify';
import type { Scenario } from '../scenario/schema';
import { planLowerBound, type LowerBound } from './bounds';
import { groupStarts, totalCount } from './encode';
import { packModel } from './pack-model';

export interface UnplacedCounts {
  /** Larger than every host in some dimension. */
  readonly tooLarge: number;
  /** Hosts that could take it were full. */
  readonly noRoom: number;
  /** Hosts had room but reached their item (pod) limit. */
  readonly maxItems: number;
  /** No VM flavour in the catalogue holds it. */
  readonly noFlavour: number;
  /** No host carries the labels it requires. */
  readonly labels: number;
  /** Hosts with room hold other tenants and one side needs a host of its own. */
  readonly isolation: number;
  /** Its spread group is at its maximum in every domain with room. */
  readonly spread: number;
  /** Its affinity group can never share one host. */
  readonly affinity: number;
}

/** Unplaced replicas of one service and why (hosts counted by the first rule that rules each out). */
export interface UnplacedService {
  readonly serviceId: string;
  readonly count: number;
  readonly reason: RuleCounts['reason'];
  readonly hostsRuledOut: RuleCounts['ruledOut'];
}

export interface ModelPlan {
  readonly model: DeploymentModel;
  /** VMs or pods to place. */
  readonly instances: number;
  readonly placed: number;
  readonly unplaced: number;
  readonly unplacedBy: UnplacedCounts;
  readonly hostsUsed: number;
  readonly hostsInPool: number;
  /** Volume lower bound on hosts for the instances that were placed (per dimension, or item slots). */
  readonly lowerBound: LowerBound;
  /** hostsUsed − lower bound (null when the bound is not finite). */
  readonly gap: number | null;
  /** The best bound we prove: the volume bound, or Martello–Toth L2 of one dimension when hosts are identical. */
  readonly bestLowerBound: LowerBound;
  /** hostsUsed − best lower bound (null when the bound is not finite). */
  readonly gapToBest: number | null;
  /** Packed demand ÷ allocatable capacity, over the hosts in use, per dimension (0..1). */
  readonly utilisation: Readonly<Record<Dimension, number>>;
  /** Named algorithm actually run (policy.algorithm, "best" resolved to its parts). */
  readonly algorithm: string;
  /** Hosts after the constructive pass, before the improvement phase. */
  readonly constructiveHosts: number;
  readonly improvement: { readonly iterations: number; readonly hostsEmptied: number };
  /** Σ policy cost of the hosts used: the host count, or Σ priceUSD with policy.objective "cost". */
  readonly cost: number;
  readonly unplacedServices: readonly UnplacedService[];
  /** Borg-style sizing (policy.sizing); null when switched off. */
  readonly sizing: Sizing | null;
  /** The independent verifier (core/pack/verify.ts) accepted the placement. */
  readonly verified: boolean;
}

export interface PlanResult {
  readonly scenario: string;
  readonly algorithm: Scenario['policy']['algorithm'];
  readonly sizeKey: Scenario['policy']['sizeKey'];
  readonly packer: Packer['name'];
  readonly models: readonly ModelPlan[];
}

export interface PlanProgress {
  readonly model: DeploymentModel;
  readonly stage: 'expand' | 'pack' | 'summarise';
  /** Steps done out of `total` over the whole plan. */
  readonly done: number;
  readonly total: number;
}

const EXPANDERS: Record<DeploymentModel, (s: Scenario) => Expansion> = { vm: expandVm, container: expandContainer };

const REASON_FIELD: Record<number, keyof UnplacedCounts> = {
  [REASON_TOO_LARGE]: 'tooLarge', [REASON_NO_ROOM]: 'noRoom', [REASON_MAX_ITEMS]: 'maxItems', [REASON_LABELS]: 'labels',
  [REASON_ISOLATION]: 'isolation', [REASON_SPREAD]: 'spread', [REASON_AFFINITY]: 'affinity',
};

function planModel(scenario: Scenario, packer: Packer, e: Expansion): ModelPlan {
  const { inputs, out, algorithm, options, poolBound } = packModel(scenario, packer, e);
  const summary = summarise(e, out, placedVolumeBound(e, out));
  const best = planLowerBound(e, out);
  const verified = verifyPacking(inputs, out.itemHost).feasible;
  const unplacedServices = describeUnplaced(e, inputs, out);
  const improvement = { iterations: out.iterations, hostsEmptied: out.improvements };
  const base = { ...summary, bestLowerBound: best, gapToBest: best.hosts === null ? null : out.hostsUsed - best.hosts, algorithm, constructiveHosts: out.constructiveHosts, improvement, cost: out.cost, unplacedServices, verified };
  // Sizing re-packs the pool many times, on a separate packer when it can make one (so a caller that watches
  // this packer, like the renderer's recording of the placement, sees exactly one packing per model).
  const s = scenario.policy.sizing;
  const sizing = borgSizing(packer.fork?.() ?? packer, inputs, options, out.unplaced, {
    runs: s.runs, percentile: s.percentile, seed: scenario.policy.seed, lowerBound: poolBound,
  });
  return { ...base, sizing };
}

/** Per service with unplaced replicas: how many, and the rules ruling hosts out for its first unplaced one. */
function describeUnplaced(e: Expansion, inputs: ArenaInputs, out: PackOutcome): UnplacedService[] {
  const starts = groupStarts(e.items);
  const found: { serviceId: string; count: number; first: number }[] = [];
  e.items.forEach((g, k) => {
    let count = 0, first = -1;
    for (let i = starts[k]; i < starts[k + 1]; i++) if (out.itemHost[i] < 0) { count++; if (first < 0) first = i; }
    if (count > 0) found.push({ serviceId: g.serviceId, count, first });
  });
  if (found.length === 0) return [];
  const why = explainUnplacedItems(inputs, out, found.map((f) => f.first));
  return found.map((f, j) => ({ serviceId: f.serviceId, count: f.count, reason: why[j].reason, hostsRuledOut: why[j].ruledOut }));
}

type Summary = Omit<ModelPlan, 'bestLowerBound' | 'gapToBest' | 'algorithm' | 'constructiveHosts' | 'improvement' | 'cost' | 'unplacedServices' | 'sizing' | 'verified'>;

/** The volume bound alone (what lowerBound has always meant). */
function placedVolumeBound(e: Expansion, out: PackOutcome): LowerBound {
  const { method: _method, ...volume } = planLowerBound(e, out, false);
  return volume;
}

function summarise(e: Expansion, out: PackOutcome, lowerBound: LowerBound): Summary {
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

export function planScenario(
  scenario: Scenario, packer: Packer, models: readonly DeploymentModel[] = ['vm', 'container'],
  onProgress?: (p: PlanProgress) => void,
): PlanResult {
  const total = models.length * 3;
  let done = 0;
  const step = (model: DeploymentModel, stage: PlanProgress['stage']) => onProgress?.({ model, stage, done: done++, total });
  const plans = models.map((model) => {
    step(model, 'expand');
    const expansion = EXPANDERS[model](scenario);
    step(model, 'pack');
    const plan = planModel(scenario, packer, expansion);
    step(model, 'summarise');
    return plan;
  });
  onProgress?.({ model: models[models.length - 1], stage: 'summarise', done: total, total });
  return { scenario: scenario.name, algorithm: scenario.policy.algorithm, sizeKey: scenario.policy.sizeKey, packer: packer.name, models: plans };
}
