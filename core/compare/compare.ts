// One run, every deployment model: the same service catalogue packed as VMs, as pods on bare metal and as
// pods in node VMs, each with hosts, bound and gap, utilisation, stranded capacity, the overhead breakdown,
// energy and cost, isolation exposure, N+1 headroom and the lifecycle figures.
//
//   scenario → expand per model (core/model) → pack: VMs and pods with every placement rule under the policy's
//            algorithm (core/plan/pack-model.ts, the same packing as the plan), pods in VMs by FFD in
//            isolation partitions (./container-in-vm.ts) → metrics (core/metrics) → Comparison
import { REASON_MAX_ITEMS, REASON_NO_ROOM, REASON_PLACED, REASON_TOO_LARGE } from '../../assembly/abi';
import type { Packer, SizeKey } from '../kernel/packer';
import { expandContainer } from '../model/container';
import { candidateShapes, describeShape, type CandidateShape } from '../model/container-in-vm';
import { DIMS } from '../model/dimensions';
import { hostPool } from '../model/hosts';
import { placementRule, podBoundary, type ComparedModel } from '../model/isolation';
import { expandVm, vmHostCapacity } from '../model/vm';
import { overheadBreakdown } from '../metrics/breakdown';
import { monthlyCost } from '../metrics/cost';
import { domainsUsed, energyUse } from '../metrics/energy';
import { FAILURE_DOMAINS, failureHeadroom } from '../metrics/headroom';
import { isolationExposure, type InstancePlacement } from '../metrics/isolation';
import { groupIndex, placedPerGroup, type PackedLevel, type PartitionedLevel } from '../metrics/level';
import { strandedCapacity } from '../metrics/stranded';
import { utilisation } from '../metrics/utilisation';
import { volumeLowerBound, type LowerBound } from '../plan/bounds';
import { totalCount } from '../plan/encode';
import { packModel } from '../plan/pack-model';
import type { IsolationBoundary, Scenario } from '../scenario/schema';
import { packContainerInVm, type ContainerInVmPlan } from './container-in-vm';
import { containerLifecycle, containerInVmLifecycle, vmLifecycleSummary } from './lifecycle';
import { ruledLevel } from './pack';
import type { Comparison, ModelResult, NodeSummary, PlacementRuleName, ShapeCandidate, UnplacedBy } from './result';

export interface CompareOptions {
  /** Compute N+1 headroom per failure domain (one re-pack per domain; default true). */
  readonly headroom?: boolean;
  /** Models to compare (default all three). */
  readonly models?: readonly ComparedModel[];
}

interface Context {
  readonly scenario: Scenario;
  readonly packer: Packer;
  readonly sizeKey: SizeKey;
  readonly headroom: boolean;
  readonly tenantIndex: Map<string, number>;
  readonly isolationOf: Map<string, IsolationBoundary>;
}

function countUnplaced(reasons: Iterable<number>, noFlavour = 0): UnplacedBy {
  const by = { tooLarge: 0, noRoom: 0, maxItems: 0, noFlavour, other: 0 };
  for (const r of reasons) {
    if (r === REASON_TOO_LARGE) by.tooLarge++;
    else if (r === REASON_NO_ROOM) by.noRoom++;
    else if (r === REASON_MAX_ITEMS) by.maxItems++;
    else if (r !== REASON_PLACED) by.other++;
  }
  return by;
}

function unplacedReasons(level: PackedLevel): number[] {
  const out: number[] = [];
  level.itemHost.forEach((h, i) => { if (h < 0) out.push(level.itemReason[i]); });
  return out;
}

/** Σ demand of the placed items, per dimension. */
function placedTotals(level: PackedLevel): number[] {
  const totals = new Array<number>(DIMS).fill(0);
  placedPerGroup(level).forEach((n, k) => {
    for (let d = 0; d < DIMS; d++) totals[d] += level.expansion.items[k].demand[d] * n;
  });
  return totals;
}

/** Metrics every model reports the same way, from its host level. */
function hostLevelMetrics(ctx: Context, level: PartitionedLevel) {
  const energy = energyUse(level, ctx.scenario);
  const domains = domainsUsed(level);
  return {
    hostsUsed: level.hostsUsed,
    hostsInPool: totalCount(level.expansion.hosts),
    racksUsed: domains.racks,
    sitesUsed: domains.sites,
    utilisation: utilisation(level),
    stranded: strandedCapacity(level),
    breakdown: overheadBreakdown(level),
    energy,
    cost: monthlyCost(level, ctx.scenario, energy),
    headroom: ctx.headroom ? FAILURE_DOMAINS.map((d) => failureHeadroom(level, ctx.packer, ctx.sizeKey, d)) : null,
  };
}

/**
 * Rules the scenario's services declare. Pods in VMs are packed in two levels by FFD in isolation partitions,
 * where a pod's spread, affinity and host labels would have to hold for the physical host its node VM lands
 * on; that level does not enforce them, and says so.
 */
function declaredRules(scenario: Scenario): PlacementRuleName[] {
  const live = scenario.services.filter((s) => s.replicas > 0);
  const out: PlacementRuleName[] = [];
  if (live.some((s) => s.spread)) out.push('spread');
  if (live.some((s) => s.affinityGroup !== undefined)) out.push('affinity');
  if (live.some((s) => (s.requiredHostLabels ?? []).length > 0)) out.push('hostLabels');
  return out;
}

function withGap(bound: LowerBound, hostsUsed: number): { lowerBound: LowerBound; gap: number | null } {
  return { lowerBound: bound, gap: bound.hosts === null ? null : hostsUsed - bound.hosts };
}

/** VM and container models: one level, hosts exclusive per tenant where the rule says so. */
function singleLevel(ctx: Context, model: 'vm' | 'container'): ModelResult {
  const { scenario } = ctx;
  const e = model === 'vm' ? expandVm(scenario) : expandContainer(scenario);
  const rules = e.items.map((g) => placementRule(model, ctx.isolationOf.get(g.serviceId)!, scenario));
  const level = ruledLevel(e, rules.map((r, k) => (r === 'host-exclusive' ? e.items[k].tenant : '')), packModel(scenario, ctx.packer, e).out);
  const itemGroup = groupIndex(e.items);
  const sharedKernel = model === 'container' && scenario.deployment.container.runtimeClass === 'runc';
  const placedItems: number[] = [];
  level.itemHost.forEach((h, i) => { if (h >= 0) placedItems.push(i); });
  const placement: InstancePlacement = {
    tenant: Int32Array.from(placedItems, (i) => ctx.tenantIndex.get(e.items[itemGroup[i]].tenant) ?? -1),
    host: Int32Array.from(placedItems, (i) => level.itemHost[i]),
    node: new Int32Array(placedItems.length).fill(-1),
    kernel: Int32Array.from(placedItems, (i) => (sharedKernel ? level.itemHost[i] : -1)),
    rule: placedItems.map((i) => rules[itemGroup[i]]),
  };
  const noFlavour = e.rejected.reduce((n, r) => n + r.count, 0);
  const instances = totalCount(e.items) + noFlavour;
  const metrics = hostLevelMetrics(ctx, level);
  const boundary = model === 'vm' ? 'vm' : podBoundary(scenario);
  return {
    id: model,
    model,
    label: model === 'vm' ? 'VMs' : `pods on bare metal (${scenario.deployment.container.runtimeClass})`,
    instances,
    placed: placedItems.length,
    unplaced: instances - placedItems.length,
    unplacedBy: countUnplaced(unplacedReasons(level), noFlavour),
    ...withGap(volumeLowerBound(placedTotals(level), placedItems.length, e.hosts), level.hostsUsed),
    ...metrics,
    isolation: isolationExposure(placement, scenario.deployment.isolation.ranking, boundary),
    lifecycle: model === 'vm' ? vmLifecycleSummary(scenario, level) : containerLifecycle(scenario),
    rulesNotEnforced: [],
  };
}

/** Host of every pod through its node VM, −1 when the pod or its node VM has none. */
function podHosts(plan: ContainerInVmPlan): Int32Array {
  const hostItemOfNode = new Map<number, number>();
  plan.nodeOfItem.forEach((n, j) => hostItemOfNode.set(n, j));
  return Int32Array.from(plan.nodes.itemHost, (n) => (n < 0 ? -1 : plan.hosts.itemHost[hostItemOfNode.get(n)!]));
}

/**
 * Container-in-VM lower bound for the pods that got a host: their volume on the hosts' VM capacity, and the
 * fewest node VMs of the shape they need, each at least its shape (+ per-VM overhead) on a host.
 */
function containerInVmBound(ctx: Context, plan: ContainerInVmPlan): LowerBound {
  const vm = ctx.scenario.deployment.vm;
  const hosts = hostPool(ctx.scenario, (_m, physical) => ({ ...vmHostCapacity(physical, vm), maxItems: 0 }));
  const podHost = podHosts(plan);
  const fullyPlaced: PackedLevel = { ...plan.nodes, itemHost: Int32Array.from(podHost, (h, i) => (h < 0 ? -1 : plan.nodes.itemHost[i])) };
  const totals = placedTotals(fullyPlaced);
  const placedPods = podHost.reduce((n, h) => n + (h >= 0 ? 1 : 0), 0);
  const byPods = volumeLowerBound(totals, placedPods, hosts);
  const nodeBound = volumeLowerBound(totals, placedPods, plan.nodes.expansion.hosts).hosts;
  if (nodeBound === null) return byPods;
  const node = plan.nodes.expansion.hosts[0];
  const leastNodeDemand = [node.physical[0], node.physical[1] + Math.round(vm.perVmOverheadMiB), node.physical[2], 0];
  const byNodes = volumeLowerBound(leastNodeDemand.map((v) => v * nodeBound), nodeBound, hosts);
  if (byPods.hosts === null || byNodes.hosts === null) return byPods.hosts === null ? byPods : byNodes;
  return byNodes.hosts > byPods.hosts ? byNodes : byPods;
}

function containerInVmResult(ctx: Context, plan: ContainerInVmPlan, id: string, candidate: CandidateShape,
  search: NodeSummary['search']): ModelResult {
  const { scenario } = ctx;
  const pods = plan.nodes.expansion.items;
  const podGroup = groupIndex(pods);
  const hostItemOfNode = new Map<number, number>();
  plan.nodeOfItem.forEach((n, j) => hostItemOfNode.set(n, j));
  const sharedKernel = scenario.deployment.container.runtimeClass === 'runc';
  const placed: number[] = [], reasons: number[] = [];
  const host: number[] = [];
  podHosts(plan).forEach((h, i) => {
    const n = plan.nodes.itemHost[i];
    if (n < 0) reasons.push(plan.nodes.itemReason[i]);
    else if (h < 0) reasons.push(plan.hosts.itemReason[hostItemOfNode.get(n)!]);
    else { placed.push(i); host.push(h); }
  });
  const placement: InstancePlacement = {
    tenant: Int32Array.from(placed, (i) => ctx.tenantIndex.get(pods[podGroup[i]].tenant) ?? -1),
    host: Int32Array.from(host),
    node: Int32Array.from(placed, (i) => plan.nodes.itemHost[i]),
    kernel: Int32Array.from(placed, (i) => (sharedKernel ? plan.nodes.itemHost[i] : -1)),
    rule: placed.map((i) => plan.podRules[podGroup[i]]),
  };
  const instances = totalCount(pods);
  const nodesUsed = plan.nodes.hostsUsed;
  const podsInNodes = plan.nodes.itemHost.reduce((n, h) => n + (h >= 0 ? 1 : 0), 0);
  const shapeText = describeShape(plan.shape);
  return {
    id,
    model: 'container-in-vm',
    label: `pods in node VMs (${candidate.label === 'configured' ? shapeText : candidate.label})`,
    instances,
    placed: placed.length,
    unplaced: instances - placed.length,
    unplacedBy: countUnplaced(reasons),
    ...withGap(containerInVmBound(ctx, plan), plan.hosts.hostsUsed),
    ...hostLevelMetrics(ctx, plan.hosts),
    isolation: isolationExposure(placement, scenario.deployment.isolation.ranking, podBoundary(scenario), 'vm'),
    lifecycle: containerInVmLifecycle(scenario),
    nodes: {
      shape: plan.shape,
      shapeLabel: candidate.label,
      nodesUsed,
      podsPerNode: nodesUsed > 0 ? podsInNodes / nodesUsed : 0,
      utilisation: utilisation(plan.nodes),
      stranded: strandedCapacity(plan.nodes),
      search,
    },
    rulesNotEnforced: declaredRules(scenario),
  };
}

/** Pods left without a host, in either level. */
function unplacedPods(plan: ContainerInVmPlan): number {
  return podHosts(plan).reduce((n, h) => n + (h < 0 ? 1 : 0), 0);
}

function shapeCost(ctx: Context, plan: ContainerInVmPlan): number {
  return monthlyCost(plan.hosts, ctx.scenario, energyUse(plan.hosts, ctx.scenario)).totalUSD;
}

function containerInVmResults(ctx: Context): ModelResult[] {
  const { scenario } = ctx;
  const candidates = candidateShapes(scenario);
  const configured = scenario.deployment.containerInVm.nodeShape ? 0 : -1;
  const searching = candidates.length > 1 || configured < 0;
  const objective = scenario.deployment.containerInVm.shapeSearch.objective;
  const tried: ShapeCandidate[] = [];
  const plans = new Map<number, ContainerInVmPlan>();
  let best = -1;
  const rank = (c: ShapeCandidate) => (objective === 'hosts' ? [c.unplaced, c.hosts, c.costUSDPerMonth] : [c.unplaced, c.costUSDPerMonth, c.hosts]);
  const better = (a: ShapeCandidate, b: ShapeCandidate) => {
    const ra = rank(a), rb = rank(b);
    for (let k = 0; k < ra.length; k++) if (ra[k] !== rb[k]) return ra[k] < rb[k];
    return false;
  };
  candidates.forEach((c, k) => {
    const plan = packContainerInVm(scenario, c.shape, ctx.packer, ctx.sizeKey);
    const entry: ShapeCandidate = { label: c.label, shape: c.shape, hosts: plan.hosts.hostsUsed, nodes: plan.nodes.hostsUsed,
      unplaced: unplacedPods(plan), costUSDPerMonth: shapeCost(ctx, plan) };
    tried.push(entry);
    if (k === configured) plans.set(k, plan);
    if (best < 0 || better(entry, tried[best])) {
      if (best >= 0 && best !== configured) plans.delete(best);
      best = k;
      plans.set(k, plan);
    }
  });
  const search = searching ? { objective, candidates: tried, best } : null;
  const out: ModelResult[] = [];
  if (configured >= 0) out.push(containerInVmResult(ctx, plans.get(configured)!, 'container-in-vm', candidates[configured], search));
  if (best >= 0 && best !== configured) {
    out.push(containerInVmResult(ctx, plans.get(best)!, configured >= 0 ? 'container-in-vm-best' : 'container-in-vm', candidates[best], search));
  }
  return out;
}

export function compareScenario(scenario: Scenario, packer: Packer, options: CompareOptions = {}): Comparison {
  const ctx: Context = {
    scenario,
    packer,
    sizeKey: scenario.policy.sizeKey,
    headroom: options.headroom ?? true,
    tenantIndex: new Map(scenario.tenants.map((t, k) => [t.id, k])),
    isolationOf: new Map(scenario.services.map((s) => [s.id, s.isolation])),
  };
  const wanted = options.models ?? ['vm', 'container', 'container-in-vm'];
  const models: ModelResult[] = [];
  for (const m of wanted) {
    if (m === 'container-in-vm') models.push(...containerInVmResults(ctx));
    else models.push(singleLevel(ctx, m));
  }
  return {
    scenario: scenario.name,
    packer: packer.name,
    algorithm: scenario.policy.algorithm,
    sizeKey: ctx.sizeKey,
    isolationRanking: scenario.deployment.isolation.ranking.join(' > '),
    assumptions: { load: scenario.economics.load, hoursPerMonth: scenario.economics.hoursPerMonth, amortisationMonths: scenario.economics.amortisationMonths },
    models,
  };
}
