// scenario → expand per deployment model → encode into the packer's arena → pack → summarise.
// One function for the CLI, the renderer's worker, tests and benchmarks, so they all give the same numbers.
import { REASON_MAX_ITEMS, REASON_NO_ROOM, REASON_TOO_LARGE } from '../../assembly/abi';
import type { Packer, PackOutcome } from '../kernel/packer';
import { expandContainer } from '../model/container';
import { DIMENSIONS, DIMS, type Dimension } from '../model/dimensions';
import type { DeploymentModel, Expansion } from '../model/expansion';
import { expandVm } from '../model/vm';
import type { Scenario } from '../scenario/schema';
import { volumeLowerBound, type LowerBound } from './bounds';
import { encodeExpansion, groupStarts, totalCount } from './encode';

export interface UnplacedCounts {
  /** Larger than every host in some dimension. */
  readonly tooLarge: number;
  /** Hosts that could take it were full. */
  readonly noRoom: number;
  /** Hosts had room but reached their item (pod) limit. */
  readonly maxItems: number;
  /** No VM flavour in the catalogue holds it. */
  readonly noFlavour: number;
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
  /** Volume lower bound on hosts for the instances that were placed. */
  readonly lowerBound: LowerBound;
  /** hostsUsed − lower bound (null when the bound is not finite). */
  readonly gap: number | null;
  /** Packed demand ÷ allocatable capacity, over the hosts in use, per dimension (0..1). */
  readonly utilisation: Readonly<Record<Dimension, number>>;
}

export interface PlanResult {
  readonly scenario: string;
  readonly algorithm: 'ffd';
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

function summarise(e: Expansion, out: PackOutcome): ModelPlan {
  const itemStarts = groupStarts(e.items);
  const hostStarts = groupStarts(e.hosts);
  const placedTotals = new Array<number>(DIMS).fill(0);
  let placed = 0, tooLarge = 0, noRoom = 0, maxItems = 0;
  e.items.forEach((g, k) => {
    for (let i = itemStarts[k]; i < itemStarts[k + 1]; i++) {
      if (out.itemHost[i] >= 0) {
        placed++;
        for (let d = 0; d < DIMS; d++) placedTotals[d] += g.demand[d];
      } else if (out.itemReason[i] === REASON_TOO_LARGE) tooLarge++;
      else if (out.itemReason[i] === REASON_NO_ROOM) noRoom++;
      else if (out.itemReason[i] === REASON_MAX_ITEMS) maxItems++;
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
  const noFlavour = e.rejected.reduce((n, r) => n + r.count, 0);
  const instances = totalCount(e.items) + noFlavour;
  const lowerBound = volumeLowerBound(placedTotals, placed, e.hosts);
  return {
    model: e.model,
    instances,
    placed,
    unplaced: instances - placed,
    unplacedBy: { tooLarge, noRoom, maxItems, noFlavour },
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
    encodeExpansion(expansion, packer);
    const out = packer.firstFitDecreasing(scenario.policy.sizeKey);
    step(model, 'summarise');
    return summarise(expansion, out);
  });
  onProgress?.({ model: models[models.length - 1], stage: 'summarise', done: total, total });
  return { scenario: scenario.name, algorithm: scenario.policy.algorithm, sizeKey: scenario.policy.sizeKey, packer: packer.name, models: plans };
}
