// The container-in-VM answer of a plan: each candidate node VM shape (core/model/container-in-vm.ts,
// candidateShapes) is planned in two levels under every rule (./two-level.ts) and the best is kept, beside the
// configured shape when there is one. The search screens every shape with First Fit Decreasing at both levels
// (every rule holds in the screen too) and plans the SHAPE_FINALISTS best of the screen (and the configured
// shape) with the policy's algorithm, so a search over dozens of shapes stays within an interactive budget; on a
// large catalogue the screen plans a sample of it (sampledScenario) and the SAMPLE_FINALISTS best shapes in full.
// Each answer is checked by the independent two-level verifier (core/pack/verify-levels.ts) against the
// scenario itself.
import { DOMAIN_RACK, DOMAIN_SITE, DOMAIN_HOST } from '../../assembly/abi';
import type { Packer } from '../kernel/packer';
import { monthlyCost } from '../metrics/cost';
import { energyUse } from '../metrics/energy';
import { podGroups } from '../model/container';
import { candidateShapes, nodeVmItem, type CandidateShape } from '../model/container-in-vm';
import { DIMENSIONS, DIMS, type Dimension, type Vector } from '../model/dimensions';
import { placementRule } from '../model/isolation';
import { explainUnplacedItems, type RuleCounts } from '../pack/explain';
import { verifyTwoLevel, type TwoLevelInput } from '../pack/verify-levels';
import type { Scenario } from '../scenario/schema';
import { twoLevelLowerBound } from './bounds';
import { groupStarts, totalCount } from './encode';
import { unplacedByService } from './unplaced';
import { packedLevel } from './levels';
import { policyOptions } from './pack-model';
import { REASON_FIELD, sizeModel, type ModelAnswer, type NodePlan, type ShapeCandidate, type UnplacedCounts, type UnplacedService } from './result';
import { poolShortfall, shortMask } from './shortfall';
import { better, nodeHostPool, planTwoLevel, type TwoLevelPlan } from './two-level';
import { servicesById } from '../scenario/services-by-id';

/** Shapes refined with the improvement phase after the screen (besides a configured shape). */
export const SHAPE_FINALISTS = 3;
/**
 * Beyond this many pods the screen plans every shape on a sample of the catalogue (every k-th pod in catalogue
 * order, about SAMPLE_PODS of them, so each service keeps its share) and only the finalists on all of it: a fleet is
 * many replicas of few shapes, so the sample ranks the shapes as the whole does, at a fraction of the cost.
 */
export const SAMPLE_ABOVE_PODS = 20_000;
export const SAMPLE_PODS = 2_000;
/** Finalists planned on the whole catalogue after a sampled screen. */
export const SAMPLE_FINALISTS = 2;

/** The scenario with every k-th live replica (catalogue order), or null when it is small enough to screen whole. */
export function sampledScenario(scenario: Scenario): { scenario: Scenario; fraction: number } | null {
  const total = scenario.services.reduce((n, s) => n + Math.max(0, s.replicas), 0);
  if (total <= SAMPLE_ABOVE_PODS) return null;
  const k = total / SAMPLE_PODS;
  let before = 0, kept = 0;
  const services = scenario.services.map((s) => {
    const r = Math.max(0, s.replicas);
    const replicas = Math.floor((before + r) / k) - Math.floor(before / k);
    before += r;
    kept += replicas;
    return { ...s, replicas };
  });
  return { scenario: { ...scenario, services }, fraction: kept / total };
}

/** A shape's screen on the sample, scaled to the whole catalogue (an estimate, marked as such). */
function scaledEntry(e: ShapeCandidate, fraction: number): ShapeCandidate {
  const up = (x: number) => Math.round(x / fraction);
  return { ...e, hosts: up(e.hosts), nodes: up(e.nodes), unplaced: up(e.unplaced), costUSDPerMonth: e.costUSDPerMonth / fraction, sampled: fraction };
}

function monthlyUSD(scenario: Scenario, plan: TwoLevelPlan): number {
  const level = packedLevel(plan.nodes, plan.nodeKeys, plan.nodeLevel.out);
  return monthlyCost(level, scenario, energyUse(level, scenario)).totalUSD;
}

function entry(scenario: Scenario, c: CandidateShape, plan: TwoLevelPlan, refined: boolean): ShapeCandidate {
  return { label: c.label, shape: c.shape, hosts: plan.hostsUsed, nodes: plan.nodes.items.length, unplaced: plan.unplacedPods,
    costUSDPerMonth: monthlyUSD(scenario, plan), refined };
}

export function planContainerInVm(scenario: Scenario, packer: Packer): ModelAnswer[] {
  const candidates = candidateShapes(scenario);
  if (candidates.length === 0) return [];
  const configured = scenario.deployment.containerInVm.nodeShape ? 0 : -1;
  const searching = candidates.length > 1 || configured < 0;
  const objective = scenario.deployment.containerInVm.shapeSearch.objective;
  const policy = policyOptions(scenario, 1).options;
  // FFD without improvement is already the screen: no second pass.
  const screenIsPlan = policy.rule === 'first-fit' && policy.order === 'decreasing' && policy.iterations === 0;
  const sample = searching && candidates.length > SAMPLE_FINALISTS ? sampledScenario(scenario) : null;
  const screen = sample !== null || (searching && candidates.length > SHAPE_FINALISTS && !screenIsPlan);
  const rank = (c: ShapeCandidate) => (objective === 'hosts' ? [c.unplaced, c.hosts, c.costUSDPerMonth] : [c.unplaced, c.costUSDPerMonth, c.hosts]);
  const before = (a: ShapeCandidate, b: ShapeCandidate) => {
    const ra = rank(a), rb = rank(b);
    for (let k = 0; k < ra.length; k++) if (ra[k] !== rb[k]) return ra[k] < rb[k];
    return false;
  };
  const plans = new Map<number, TwoLevelPlan>();
  const tried: ShapeCandidate[] = candidates.map((c, k) => {
    if (sample) return scaledEntry(entry(sample.scenario, c, planTwoLevel(sample.scenario, c.shape, packer, { screen }), false), sample.fraction);
    const plan = planTwoLevel(scenario, c.shape, packer, { screen });
    if (!screen) plans.set(k, plan);
    return entry(scenario, c, plan, !screen);
  });
  if (screen) {
    const order = tried.map((_, k) => k).sort((a, b) => (before(tried[a], tried[b]) ? -1 : before(tried[b], tried[a]) ? 1 : a - b));
    const finalists = new Set(order.slice(0, sample ? SAMPLE_FINALISTS : SHAPE_FINALISTS));
    if (configured >= 0) finalists.add(configured);
    for (const k of [...finalists].sort((a, b) => a - b)) {
      const plan = planTwoLevel(scenario, candidates[k].shape, packer);
      plans.set(k, plan);
      tried[k] = entry(scenario, candidates[k], plan, true);
    }
  }
  let best = -1;
  for (const k of [...plans.keys()].sort((a, b) => a - b)) {
    if (best < 0 || before(tried[k], tried[best]) || (!before(tried[best], tried[k]) && better(plans.get(k)!, plans.get(best)!))) best = k;
  }
  const search = searching ? { objective, candidates: tried, best } : null;
  const out: ModelAnswer[] = [];
  if (configured >= 0) out.push(answerOf(scenario, packer, plans.get(configured)!, 'container-in-vm', candidates[configured], search));
  if (best >= 0 && best !== configured) {
    out.push(answerOf(scenario, packer, plans.get(best)!, configured >= 0 ? 'container-in-vm-best' : 'container-in-vm', candidates[best], search));
  }
  return out;
}

/** The verifier's view of a two-level plan, built from the scenario and the deployment model (not the packer's arenas). */
export function twoLevelInput(scenario: Scenario, plan: TwoLevelPlan): TwoLevelInput {
  const pods = podGroups(scenario);
  const services = servicesById(scenario);
  const tenantIndex = new Map(scenario.tenants.map((t, k) => [t.id, k]));
  const n = totalCount(pods);
  const starts = groupStarts(pods);
  const labels = [...new Set(scenario.services.flatMap((s) => s.requiredHostLabels ?? []))].sort();
  const bit = new Map(labels.map((l, k) => [l, k]));
  const w = Math.ceil(labels.length / 32);
  const spreadIds = scenario.services.filter((s) => s.spread).map((s) => s.id);
  const spreadIndex = new Map(spreadIds.map((id, g) => [id, g]));
  const level = { host: DOMAIN_HOST, rack: DOMAIN_RACK, site: DOMAIN_SITE } as const;
  const podDemand = new Float64Array(n * DIMS), podTenant = new Int32Array(n), nodeExclusive = new Int32Array(n), hostExclusive = new Int32Array(n);
  const podLabels = new Int32Array(n * w), podSpread = new Int32Array(n).fill(-1), podAffinity = new Int32Array(n).fill(-1);
  const affinity = new Map<string, number>();
  pods.forEach((g, k) => {
    const s = services.get(g.serviceId)!;
    const rule = placementRule('container-in-vm', s.isolation, scenario);
    for (let i = starts[k]; i < starts[k + 1]; i++) {
      podDemand.set(g.demand, i * DIMS);
      podTenant[i] = tenantIndex.get(g.tenant) ?? 0;
      nodeExclusive[i] = rule === 'none' ? 0 : 1;
      hostExclusive[i] = rule === 'host-exclusive' ? 1 : 0;
      for (const l of s.requiredHostLabels ?? []) podLabels[i * w + (bit.get(l)! >> 5)] |= 1 << (bit.get(l)! & 31);
      podSpread[i] = spreadIndex.get(s.id) ?? -1;
      if (s.affinityGroup !== undefined) {
        const key = `${s.affinityGroup}\u0000${i - starts[k]}`;
        if (!affinity.has(key)) affinity.set(key, affinity.size);
        podAffinity[i] = affinity.get(key)!;
      }
    }
  });
  const nodeGroups = plan.pods.hosts;
  const nodes = totalCount(nodeGroups);
  const nodeCapacity = new Float64Array(nodes * DIMS), nodeMaxItems = new Int32Array(nodes);
  let b = 0;
  for (const g of nodeGroups) for (let k = 0; k < g.count; k++, b++) { nodeCapacity.set(g.allocatable, b * DIMS); nodeMaxItems[b] = g.maxItems; }
  const hosts = nodeHostPool(scenario);
  const h = totalCount(hosts);
  const hostCapacity = new Float64Array(h * DIMS), hostRack = new Int32Array(h), hostSite = new Int32Array(h), hostLabels = new Int32Array(h * w);
  const models = new Map(scenario.hostModels.map((m) => [m.id, m]));
  const racks = new Map<string, number>(), sites = new Map<string, number>();
  let j = 0;
  for (const g of hosts) {
    const rack = `${g.siteId}/${g.rackId}`;
    if (!racks.has(rack)) racks.set(rack, racks.size);
    if (!sites.has(g.siteId)) sites.set(g.siteId, sites.size);
    for (let k = 0; k < g.count; k++, j++) {
      hostCapacity.set(g.allocatable, j * DIMS);
      hostRack[j] = racks.get(rack)!;
      hostSite[j] = sites.get(g.siteId)!;
      for (const l of models.get(g.modelId)?.labels ?? []) {
        const x = bit.get(l);
        if (x !== undefined) hostLabels[j * w + (x >> 5)] |= 1 << (x & 31);
      }
    }
  }
  const node = nodeGroups[0];
  const group = new Int32Array(n);
  pods.forEach((_, k) => group.fill(k, starts[k], starts[k + 1]));
  return {
    dims: DIMS, pods: n, podDemand, podTenant, podNodeExclusive: nodeExclusive, podHostExclusive: hostExclusive, labelWords: w, podLabels,
    podSpread, podAffinity, nodes, nodeCapacity, nodeMaxItems, hosts: h, hostCapacity, hostRack, hostSite, hostLabels,
    spreadLevel: spreadIds.map((id) => level[services.get(id)!.spread!.domain]), spreadMax: spreadIds.map((id) => services.get(id)!.spread!.maxPerDomain),
    nodeDemand: (list) => {
      const demand: Vector = [0, 0, 0, 0], workload: Vector = [0, 0, 0, 0], runtime: Vector = [0, 0, 0, 0], sidecars: Vector = [0, 0, 0, 0];
      for (const p of list) {
        const g = pods[group[p]];
        for (let d = 0; d < DIMS; d++) {
          demand[d] += g.demand[d];
          workload[d] += g.parts?.workload?.[d] ?? g.demand[d];
          runtime[d] += g.parts?.runtime?.[d] ?? 0;
          sidecars[d] += g.parts?.sidecars?.[d] ?? 0;
        }
      }
      return nodeVmItem(node, { pods: list.length, demand, parts: { workload, runtime, sidecars } }, scenario.deployment.vm).demand;
    },
  };
}

/** Node VM bin of each node VM item → its host, over every level-1 bin. */
function nodeHostOfBins(plan: TwoLevelPlan): Int32Array {
  const out = new Int32Array(totalCount(plan.pods.hosts)).fill(-1);
  plan.nodeBin.forEach((bin, j) => { out[bin] = plan.nodeLevel.out.itemHost[j]; });
  return out;
}

function answerOf(scenario: Scenario, packer: Packer, plan: TwoLevelPlan, id: string, candidate: CandidateShape, search: NodePlan['search']): ModelAnswer {
  const pods = plan.pods.items;
  const podOut = plan.podLevel.out, nodeOut = plan.nodeLevel.out;
  const instances = totalCount(pods);
  const by: Record<keyof UnplacedCounts, number> = { tooLarge: 0, noRoom: 0, maxItems: 0, noFlavour: 0, labels: 0, isolation: 0, spread: 0, affinity: 0 };
  let placed = 0;
  const reasonOf = (p: number) => (plan.podNode[p] < 0 ? podOut.itemReason[p] : nodeOut.itemReason[plan.podNode[p]]);
  for (let p = 0; p < instances; p++) {
    if (plan.podHost[p] >= 0) { placed++; continue; }
    const field = REASON_FIELD[reasonOf(p)];
    if (field) by[field]++;
  }
  const hosts = packedLevel(plan.nodes, plan.nodeKeys, nodeOut);
  const usedCapacity = new Array<number>(DIMS).fill(0), usedAllocated = new Array<number>(DIMS).fill(0);
  const hostStarts = groupStarts(plan.nodes.hosts);
  plan.nodes.hosts.forEach((g, k) => {
    for (let h = hostStarts[k]; h < hostStarts[k + 1]; h++) {
      if (hosts.hostItems[h] === 0) continue;
      for (let d = 0; d < DIMS; d++) { usedCapacity[d] += g.allocatable[d]; usedAllocated[d] += g.allocatable[d] - nodeOut.hostResidual[h * DIMS + d]; }
    }
  });
  const utilisation = Object.fromEntries(DIMENSIONS.map((name, d) => [name, usedCapacity[d] > 0 ? usedAllocated[d] / usedCapacity[d] : 0])) as Record<Dimension, number>;
  const lowerBound = twoLevelLowerBound(scenario, { pods: plan.pods, hosts: plan.nodes.hosts }, plan.podHost, false);
  const best = twoLevelLowerBound(scenario, { pods: plan.pods, hosts: plan.nodes.hosts }, plan.podHost);
  const verdict = verifyTwoLevel(twoLevelInput(scenario, plan), plan.podLevel.out.itemHost, nodeHostOfBins(plan));
  const { name } = policyOptions(scenario, instances);
  const nodesUsed = plan.nodes.items.length;
  const podsInNodes = podOut.itemHost.reduce((n, x) => n + (x >= 0 ? 1 : 0), 0);
  const poolBound = twoLevelLowerBound(scenario, { pods: plan.pods, hosts: plan.nodes.hosts }, null).hosts ?? 0;
  const { mask, short } = shortMask(plan.podHost, reasonOf);
  const shortfall = short === 0 ? null
    : poolShortfall(twoLevelLowerBound(scenario, { pods: plan.pods, hosts: plan.nodes.hosts }, mask), short, plan.nodes.hosts);
  const nodes: NodePlan = {
    shape: plan.shape, shapeLabel: candidate.label, nodesUsed, podsPerNode: nodesUsed > 0 ? podsInNodes / nodesUsed : 0,
    spreadCaps: Object.fromEntries(plan.spreadCaps), search,
  };
  return {
    plan: {
      id, model: 'container-in-vm', instances, placed, unplaced: instances - placed, unplacedBy: by, hostsUsed: plan.hostsUsed,
      hostsInPool: totalCount(plan.nodes.hosts), lowerBound, gap: lowerBound.hosts === null ? null : plan.hostsUsed - lowerBound.hosts,
      bestLowerBound: best, gapToBest: best.hosts === null ? null : plan.hostsUsed - best.hosts, utilisation, algorithm: name,
      constructiveHosts: nodeOut.constructiveHosts, improvement: { iterations: podOut.iterations + nodeOut.iterations, hostsEmptied: nodeOut.improvements },
      cost: nodeOut.cost, unplacedServices: describeUnplaced(plan, reasonOf), verified: verdict.feasible,
      sizing: sizeModel(scenario, packer, plan.nodeLevel.inputs, plan.nodeLevel.options, nodeOut.unplaced, poolBound), nodes, shortfall,
    },
    hosts,
    hostLevel: plan.nodeLevel,
    twoLevel: plan,
  };
}

/** Per service with unplaced pods: how many, and the rules that kept its first one out (at the level it failed). */
function describeUnplaced(plan: TwoLevelPlan, reasonOf: (p: number) => number): UnplacedService[] {
  const found = unplacedByService(plan.pods.items, plan.podHost);
  if (found.length === 0) return [];
  // One explanation per level for all services' first pods (each level's final state is built once, not once per
  // service): a pod left out of every node VM at the pod level, else its node VM, left off every host.
  const atPods = found.filter((f) => plan.podNode[f.first] < 0);
  const atNodes = found.filter((f) => plan.podNode[f.first] >= 0);
  const why = new Map<number, RuleCounts>();
  const podWhy = atPods.length ? explainUnplacedItems(plan.podLevel.inputs, plan.podLevel.out, atPods.map((f) => f.first)) : [];
  atPods.forEach((f, j) => why.set(f.first, podWhy[j]));
  const nodeWhy = atNodes.length ? explainUnplacedItems(plan.nodeLevel.inputs, plan.nodeLevel.out, atNodes.map((f) => plan.podNode[f.first])) : [];
  atNodes.forEach((f, j) => why.set(f.first, nodeWhy[j]));
  return found.map((f) => {
    const w = why.get(f.first) as RuleCounts;
    const field = REASON_FIELD[reasonOf(f.first)];
    return { serviceId: f.serviceId, count: f.count, reason: w.reason ?? (field === 'maxItems' ? 'max-items' : 'no-room'), hostsRuledOut: w.ruledOut };
  });
}
