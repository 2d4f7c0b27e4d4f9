// What a plan answers, per deployment model (the shape `hostfit plan --json` prints), and the helpers the
// one-level and two-level plans share.
import {
  REASON_AFFINITY, REASON_ISOLATION, REASON_LABELS, REASON_MAX_ITEMS, REASON_NO_ROOM, REASON_SPREAD, REASON_TOO_LARGE,
} from '../../assembly/abi';
import type { ArenaInputs, Packer, PackOptions } from '../kernel/packer';
import type { PartitionedLevel } from '../metrics/level';
import type { Dimension } from '../model/dimensions';
import type { ComparedModel } from '../model/isolation';
import type { RuleCounts } from '../pack/explain';
import { borgSizing, type Sizing } from '../pack/sizing';
import { MAX_IMPROVE_ITERATIONS, type NodeShape, type Scenario } from '../scenario/schema';
import type { PoolShortfall } from './shortfall';
import type { LowerBound } from './bounds';
import type { LevelPacking, TwoLevelPlan } from './two-level';

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

/** A node VM shape the container-in-VM search planned, with its answer. */
export interface ShapeCandidate {
  readonly label: string;
  readonly shape: NodeShape;
  readonly hosts: number;
  readonly nodes: number;
  readonly unplaced: number;
  readonly costUSDPerMonth: number;
  /** Planned with the improvement phase (a finalist), not only its constructive pass. */
  readonly refined: boolean;
  /**
   * Screened on this fraction of the pods (a large catalogue's sample): hosts, node VMs, unplaced pods and cost are
   * the sample's scaled to the whole, an estimate. Absent for shapes planned on every pod.
   */
  readonly sampled?: number;
}

/** Container-in-VM: the node VMs of the plan and the shape search behind them. */
export interface NodePlan {
  readonly shape: NodeShape;
  /** Where the shape came from: 'configured', '1/4 of gp-2s-64c', 'flavour g.8x32'. */
  readonly shapeLabel: string;
  readonly nodesUsed: number;
  readonly podsPerNode: number;
  /** Per-node-VM cap of spread services that the levels were iterated with (service id → cap), when any. */
  readonly spreadCaps: Readonly<Record<string, number>>;
  /** Every candidate tried, in candidate order, and the index of the best (null: no search ran). */
  readonly search: { readonly objective: 'hosts' | 'cost'; readonly candidates: readonly ShapeCandidate[]; readonly best: number } | null;
}

export interface ModelPlan {
  /** 'vm', 'container', 'container-in-vm', or 'container-in-vm-best' (the searched shape beside a configured one). */
  readonly id: string;
  readonly model: ComparedModel;
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
  /** The independent verifier (core/pack/verify.ts; two levels: verify-levels.ts) accepted the placement under every rule. */
  readonly verified: boolean;
  /** Container-in-VM: node VMs and the shape search; null for the other models. */
  readonly nodes: NodePlan | null;
  /** Where the pool ran out: the hosts the placed instances and those more hosts could hold need at least (shortfall.ts). */
  readonly shortfall: PoolShortfall | null;
}

/** A model's plan with the packing behind it, for the comparison's metrics and the app's host map. */
export interface ModelAnswer {
  readonly plan: ModelPlan;
  /** Items on hosts: VMs, pods, or the node VMs of container-in-VM. */
  readonly hosts: PartitionedLevel;
  /**
   * The host level's arena, options and outcome (for replaying decisions); null options: the outcome is not a replay
   * of them. `lpSplit`: the plan started from the LP's split over host models (core/plan/pack-model.ts), which is why.
   */
  readonly hostLevel: Omit<LevelPacking, 'options'> & { readonly options: LevelPacking['options'] | null; readonly lpSplit?: boolean };
  /** Container-in-VM: both levels. */
  readonly twoLevel: TwoLevelPlan | null;
}

export interface PlanResult {
  readonly scenario: string;
  readonly algorithm: Scenario['policy']['algorithm'];
  readonly sizeKey: Scenario['policy']['sizeKey'];
  readonly packer: Packer['name'];
  readonly models: readonly ModelPlan[];
}

/** How many times the policy's budget a longer search offers (the app's Model tab, `hostfit plan` and `compare`). */
export const LONGER_SEARCH = 4;

/** The improvement budget of that longer search, within the schema's limit. */
export function longerBudget(budget: number): number {
  return Math.min(MAX_IMPROVE_ITERATIONS, budget * LONGER_SEARCH);
}

/**
 * Whether a model's improvement phase spent its whole budget (policy.improveIterations) with the gap to its best
 * bound still open: a longer search may find a plan nearer the bound, or the bound is below the optimum (the phase
 * stops at the bound, so a plan already there never counts).
 */
export function budgetSpentWithGap(m: Pick<ModelPlan, 'gapToBest' | 'improvement'>, budget: number): boolean {
  return budget > 0 && (m.gapToBest ?? 0) > 0 && m.improvement.iterations >= budget;
}

export const REASON_FIELD: Record<number, keyof UnplacedCounts> = {
  [REASON_TOO_LARGE]: 'tooLarge', [REASON_NO_ROOM]: 'noRoom', [REASON_MAX_ITEMS]: 'maxItems', [REASON_LABELS]: 'labels',
  [REASON_ISOLATION]: 'isolation', [REASON_SPREAD]: 'spread', [REASON_AFFINITY]: 'affinity',
};

/** Borg-style sizing of a packed level when the policy asks for it (policy.sizing). */
export function sizeModel(scenario: Scenario, packer: Packer, inputs: ArenaInputs, options: PackOptions, unplaced: number, poolBound: number): Sizing | null {
  const s = scenario.policy.sizing;
  return borgSizing(packer.fork?.() ?? packer, inputs, options, unplaced, { runs: s.runs, percentile: s.percentile, seed: scenario.policy.seed, lowerBound: poolBound });
}

