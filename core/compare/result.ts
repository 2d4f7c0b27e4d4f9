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
import type { Scenario } from '../scenario/schema';
import type { PerDimension } from '../metrics/utilisation';
import type { LowerBound } from '../plan/bounds';
import type { NodeShape } from '../scenario/schema';

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

export interface ShapeCandidate {
  readonly label: string;
  readonly shape: NodeShape;
  readonly hosts: number;
  readonly nodes: number;
  readonly unplaced: number;
  readonly costUSDPerMonth: number;
}

export interface NodeSummary {
  readonly shape: NodeShape;
  /** Where the shape came from: 'configured', '1/4 of gp-2s-64c', 'flavour g.8x32'. */
  readonly shapeLabel: string;
  readonly nodesUsed: number;
  readonly podsPerNode: number;
  /** Inside the node VMs: pods' packed demand ÷ node allocatable. */
  readonly utilisation: PerDimension;
  readonly stranded: StrandedCapacity;
  /** Every candidate tried, in candidate order, and the index of the best (null: no search ran). */
  readonly search: { readonly objective: 'hosts' | 'cost'; readonly candidates: readonly ShapeCandidate[]; readonly best: number } | null;
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
  /** Placement rules the scenario declares that this model's packing does not enforce (pods in VMs: see compare.ts). */
  readonly rulesNotEnforced: readonly PlacementRuleName[];
}

/** Per-service placement rules beyond capacity and isolation. */
export type PlacementRuleName = 'spread' | 'affinity' | 'hostLabels';

export interface Comparison {
  readonly scenario: string;
  readonly packer: 'wasm' | 'reference';
  /** policy.algorithm for VMs and pods on bare metal (with every placement rule); pods in VMs are packed by FFD. */
  readonly algorithm: Scenario['policy']['algorithm'];
  readonly sizeKey: SizeKey;
  /** The isolation ranking used, strongest first. */
  readonly isolationRanking: string;
  /** Planning assumptions behind energy and cost. */
  readonly assumptions: { readonly load: 'packed' | number; readonly hoursPerMonth: number; readonly amortisationMonths: number };
  readonly models: readonly ModelResult[];
}
