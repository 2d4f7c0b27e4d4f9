// One run, every deployment model: the same service catalogue planned as VMs, as pods on bare metal and as
// pods in node VMs — by the one plan engine (core/plan: the policy's algorithm under every rule, for each model,
// pods in VMs in two levels) — each with hosts, bound and gap, utilisation, stranded capacity, the overhead
// breakdown, energy and cost, isolation exposure, N+1 headroom and the lifecycle figures.
//
//   scenario → planModels (core/plan) → the packed levels of each answer → metrics (core/metrics) → Comparison
// The comparison reads the plan's answers; it never packs a model a second time, so `hostfit plan`, `hostfit
// compare` and the app show one answer.
import type { Highs } from 'highs';
import type { Packer, SizeKey } from '../kernel/packer';
import { DIMS } from '../model/dimensions';
import { podBoundary, type ComparedModel } from '../model/isolation';
import { comparedPlatforms } from '../model/platforms/describe';
import { overheadBreakdown } from '../metrics/breakdown';
import { monthlyCost } from '../metrics/cost';
import { domainsUsed, energyUse } from '../metrics/energy';
import { FAILURE_DOMAINS, failureHeadroom } from '../metrics/headroom';
import { isolationExposure, type InstancePlacement } from '../metrics/isolation';
import { groupIndex, type PartitionedLevel } from '../metrics/level';
import { strandedCapacity } from '../metrics/stranded';
import { utilisation } from '../metrics/utilisation';
import { totalCount } from '../plan/encode';
import { packedLevel } from '../plan/levels';
import { planModels, type ModelAnswer, type PlanResult } from '../plan/plan';
import type { IsolationBoundary, Scenario } from '../scenario/schema';
import { containerLifecycle, containerInVmLifecycle, vmLifecycleSummary } from './lifecycle';
import type { Comparison, ModelResult } from './result';

export interface CompareOptions {
  /** Compute N+1 headroom per failure domain (one re-pack per domain; default true). */
  readonly headroom?: boolean;
  /** Models to compare (default all three). */
  readonly models?: readonly ComparedModel[];
  /** A loaded HiGHS: the plans and bounds `hostfit compare` makes (core/plan/plan.ts PlanOptions). */
  readonly highs?: Highs;
}

interface Context {
  readonly scenario: Scenario;
  readonly packer: Packer;
  readonly sizeKey: SizeKey;
  readonly headroom: boolean;
  readonly tenantIndex: Map<string, number>;
  readonly isolationOf: Map<string, IsolationBoundary>;
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

/** The plan's answer as a comparison column: what the plan says, plus the metrics of its packed levels. */
function modelResult(ctx: Context, a: ModelAnswer): ModelResult {
  const { scenario } = ctx;
  const p = a.plan;
  const base = {
    id: p.id, model: p.model, instances: p.instances, placed: p.placed, unplaced: p.unplaced,
    unplacedBy: { tooLarge: p.unplacedBy.tooLarge, noRoom: p.unplacedBy.noRoom, maxItems: p.unplacedBy.maxItems, noFlavour: p.unplacedBy.noFlavour,
      other: p.unplacedBy.labels + p.unplacedBy.isolation + p.unplacedBy.spread + p.unplacedBy.affinity },
    lowerBound: p.lowerBound, gap: p.gap, bestLowerBound: p.bestLowerBound, gapToBest: p.gapToBest, shortfall: p.shortfall, verified: p.verified, algorithm: p.algorithm,
    ...hostLevelMetrics(ctx, a.hosts),
  };
  if (!a.twoLevel) {
    const level = a.hosts;
    const e = level.expansion;
    const itemGroup = groupIndex(e.items);
    const rules = e.items.map((_, k) => (level.groupKeys[k] === '' ? 'none' as const : 'host-exclusive' as const));
    const sharedKernel = p.model === 'container' && scenario.deployment.container.runtimeClass === 'runc';
    // Plain loops over the placed items (10^5 and more at fleet scale), the tenant looked up once per group.
    const groupTenant = e.items.map((g) => ctx.tenantIndex.get(g.tenant) ?? -1);
    let n = 0;
    for (let i = 0; i < level.itemHost.length; i++) if (level.itemHost[i] >= 0) n++;
    const rule = new Array<(typeof rules)[number]>(n);
    const placement: InstancePlacement = { tenant: new Int32Array(n), host: new Int32Array(n), node: new Int32Array(n).fill(-1), kernel: new Int32Array(n).fill(-1), rule };
    for (let i = 0, j = 0; i < level.itemHost.length; i++) {
      const h = level.itemHost[i];
      if (h < 0) continue;
      placement.tenant[j] = groupTenant[itemGroup[i]];
      placement.host[j] = h;
      if (sharedKernel) placement.kernel[j] = h;
      rule[j++] = rules[itemGroup[i]];
    }
    const boundary = p.model === 'vm' ? 'vm' : podBoundary(scenario);
    return {
      ...base,
      label: p.model === 'vm' ? 'VMs' : `pods on bare metal (${scenario.deployment.container.runtimeClass})`,
      isolation: isolationExposure(placement, scenario.deployment.isolation.ranking, boundary),
      lifecycle: p.model === 'vm' ? vmLifecycleSummary(scenario, level) : containerLifecycle(scenario),
    };
  }
  const plan = a.twoLevel;
  const pods = plan.pods.items;
  const podGroup = groupIndex(pods);
  const sharedKernel = scenario.deployment.container.runtimeClass === 'runc';
  const groupTenant = pods.map((g) => ctx.tenantIndex.get(g.tenant) ?? -1);
  let n = 0;
  for (let i = 0; i < plan.podHost.length; i++) if (plan.podHost[i] >= 0) n++;
  const rule = new Array<(typeof plan.podRules)[number]>(n);
  const placement: InstancePlacement = { tenant: new Int32Array(n), host: new Int32Array(n), node: new Int32Array(n), kernel: new Int32Array(n).fill(-1), rule };
  for (let i = 0, j = 0; i < plan.podHost.length; i++) {
    if (plan.podHost[i] < 0) continue;
    const node = plan.podLevel.out.itemHost[i];
    placement.tenant[j] = groupTenant[podGroup[i]];
    placement.host[j] = plan.podHost[i];
    placement.node[j] = node;
    if (sharedKernel) placement.kernel[j] = node;
    rule[j++] = plan.podRules[podGroup[i]];
  }
  const nodeLevel = nodeVmLevel(plan);
  const nodes = p.nodes!;
  return {
    ...base,
    label: `pods in node VMs (${nodes.shapeLabel === 'configured' ? describeShapeText(nodes.shape) : nodes.shapeLabel})`,
    isolation: isolationExposure(placement, scenario.deployment.isolation.ranking, podBoundary(scenario), 'vm'),
    lifecycle: containerInVmLifecycle(scenario),
    nodes: { ...nodes, utilisation: utilisation(nodeLevel), stranded: strandedCapacity(nodeLevel) },
  };
}

const describeShapeText = (s: { vcpus: number; memoryGiB: number; diskGB: number }) => `${s.vcpus} vCPU / ${s.memoryGiB} GiB / ${s.diskGB} GB`;

/** Pods → node VMs as a packed level (node VM bins of the level-1 pools; a pod whose node VM found no host is unplaced). */
function nodeVmLevel(plan: NonNullable<ModelAnswer['twoLevel']>): PartitionedLevel {
  const out = plan.podLevel.out;
  const itemHost = Int32Array.from(out.itemHost, (n, i) => (plan.podHost[i] < 0 ? -1 : n));
  const level = packedLevel(plan.pods, plan.pods.items.map(() => ''), { ...out, itemHost });
  // Node VMs whose host level left them out hold nothing placed: their residual is the whole node.
  const hostResidual = level.hostResidual.slice();
  const groupOf = groupIndex(plan.pods.hosts);
  let used = 0;
  level.hostItems.forEach((n, b) => {
    if (n > 0) used++;
    else if (out.hostItems[b] > 0) hostResidual.set(plan.pods.hosts[groupOf[b]].allocatable, b * DIMS);
  });
  return { ...level, hostResidual, hostsUsed: used };
}

/** The comparison of the models a plan answered (planModels), with its metrics. */
export function compareAnswers(scenario: Scenario, packer: Packer, result: PlanResult, answers: readonly ModelAnswer[], options: CompareOptions = {}): Comparison {
  const ctx: Context = {
    scenario,
    packer,
    sizeKey: scenario.policy.sizeKey,
    headroom: options.headroom ?? true,
    tenantIndex: new Map(scenario.tenants.map((t, k) => [t.id, k])),
    isolationOf: new Map(scenario.services.map((s) => [s.id, s.isolation])),
  };
  return {
    scenario: scenario.name,
    packer: packer.name,
    algorithm: scenario.policy.algorithm,
    sizeKey: ctx.sizeKey,
    isolationRanking: scenario.deployment.isolation.ranking.join(' > '),
    assumptions: { load: scenario.economics.load, hoursPerMonth: scenario.economics.hoursPerMonth, amortisationMonths: scenario.economics.amortisationMonths },
    models: answers.map((a) => modelResult(ctx, a)),
    platforms: comparedPlatforms(scenario),
    planAlgorithms: [...new Set(result.models.map((m) => m.algorithm))],
  };
}

export function compareScenario(scenario: Scenario, packer: Packer, options: CompareOptions = {}): Comparison {
  const { result, answers } = planModels(scenario, packer, options.models ?? ['vm', 'container', 'container-in-vm'], undefined, { highs: options.highs });
  return compareAnswers(scenario, packer, result, answers, options);
}
