// The shape of a one-run comparison of the deployment models (what `hostfit compare --json` prints and the
// UI charts). All resource amounts are in kernel units (millicores, MiB, MB, Mbps; see model/dimensions.ts).
import type { SizeKey } from '../kernel/packer';
import type { LifecyclePhase, Relocation } from '../model/lifecycle';
import type { ComparedModel } from '../model/isolation';
import type { OverheadBreakdown } from '../metrics/breakdown';
import type { MonthlyCost } from '../metrics/cost';
import type { EnergyUse } from '../metrics/energy';
import type { DomainHeadroom } from '../metrics/headroom';
import type { IsolationExposure } from '../metrics/isolation';
import type { StrandedCapacity } from '../metrics/stranded';
import type { ComparedPlatforms } from '../model/platforms/describe';
import type { Scenario } from '../scenario/schema';
import type { PerDimension } from '../metrics/utilisation';
import type { LowerBound } from '../plan/bounds';
import type { PoolShortfall } from '../plan/shortfall';
import type { NodePlan } from '../plan/result';

export interface UnplacedBy {
  /** Larger than every host (or node VM) in some dimension. */
  readonly tooLarge: number;
  /** Hosts that could take it were full (or claimed by another tenant's exclusive partition). */
  readonly noRoom: number;
  /** Room left but the item (pod) limit reached. */
  readonly maxItems: number;
  /** No VM flavour holds it. */
  readonly noFlavour: number;
  /** Any other kernel reason. */
  readonly other: number;
}

export interface LifecycleSummary {
  /** create → allocate → run → reclaim of one instance (VM or pod). */
  readonly phases: readonly LifecyclePhase[];
  /** Request to serving, with capacity already free. */
  readonly startupSeconds: number;
  /** Container-in-VM: the node VM's own lifecycle, and request to serving when a new node VM is needed. */
  readonly nodePhases?: readonly LifecyclePhase[];
  readonly newNodeStartupSeconds?: number;
  /** How an instance moves: live migration (mean and max over the placed VMs) or restart elsewhere. */
  readonly relocation: (Omit<Relocation, 'seconds'> & { readonly meanSeconds: number; readonly maxSeconds: number }) | null;
}

export type { ShapeCandidate } from '../plan/result';

/** The plan's node VMs (core/plan/result.ts NodePlan), with what is used inside them. */
export interface NodeSummary extends NodePlan {
  /** Inside the node VMs: pods' packed demand ÷ node allocatable. */
  readonly utilisation: PerDimension;
  readonly stranded: StrandedCapacity;
}

export interface ModelResult {
  /** 'vm', 'container', 'container-in-vm', or 'container-in-vm-best' (searched shape beside a configured one). */
  readonly id: string;
  readonly model: ComparedModel;
  readonly label: string;
  /** VMs or pods to place. */
  readonly instances: number;
  readonly placed: number;
  readonly unplaced: number;
  readonly unplacedBy: UnplacedBy;
  readonly hostsUsed: number;
  readonly hostsInPool: number;
  readonly racksUsed: number;
  readonly sitesUsed: number;
  /** Volume lower bound on hosts for the placed instances, and the gap to it. */
  readonly lowerBound: LowerBound;
  readonly gap: number | null;
  /** The plan's best, rule-aware bound (what makes it: a resource or a rule), and the gap to it. */
  readonly bestLowerBound: LowerBound;
  readonly gapToBest: number | null;
  /** Where the pool ran out: the plan's shortfall (core/plan/shortfall.ts). */
  readonly shortfall: PoolShortfall | null;
  /** The independent verifier accepted the placement under every rule of the scenario. */
  readonly verified: boolean;
  /** The algorithm the plan ran ("best" resolved to its parts). */
  readonly algorithm: string;
  /** Packed demand ÷ allocatable, over used hosts. */
  readonly utilisation: PerDimension;
  readonly stranded: StrandedCapacity;
  /** Physical capacity of the used hosts, by where it goes; sums exactly. */
  readonly breakdown: OverheadBreakdown;
  readonly energy: EnergyUse;
  readonly cost: MonthlyCost;
  readonly isolation: IsolationExposure;
  /** N+1 per failure domain (null when not computed). */
  readonly headroom: readonly DomainHeadroom[] | null;
  readonly lifecycle: LifecycleSummary;
  readonly nodes?: NodeSummary;
}

export interface Comparison {
  readonly scenario: string;
  readonly packer: 'wasm' | 'reference';
  /** policy.algorithm: every model is planned with it, under every placement rule (core/plan). */
  readonly algorithm: Scenario['policy']['algorithm'];
  /** The algorithms the plan ran ("best" resolved to its parts, per model). */
  readonly planAlgorithms: readonly string[];
  readonly sizeKey: SizeKey;
  /** The isolation ranking used, strongest first. */
  readonly isolationRanking: string;
  /** Planning assumptions behind energy and cost. */
  readonly assumptions: { readonly load: 'packed' | number; readonly hoursPerMonth: number; readonly amortisationMonths: number };
  readonly models: readonly ModelResult[];
  /** The platform profiles compared (deployment.vm.platform, deployment.container.platform, runtime class), in words. */
  readonly platforms: ComparedPlatforms;
}
