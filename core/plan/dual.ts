// The dual problem of a plan: the LP relaxation with every rule (lp.ts) gives a bound, the shadow price of each
// resource per host model and the reduced cost of each host model; the price of each rule is measured twice — the
// LP solved again without the rule, and the plan made again without it (same node VM shape for container-in-VM) —
// so a planner sees both what the relaxation says a rule costs and what it costs the actual packing.
import type { Highs } from 'highs';
import type { Packer } from '../kernel/packer';
import { placementRule, type ComparedModel } from '../model/isolation';
import type { Scenario } from '../scenario/schema';
import { buildOneLevel, buildTwoLevel, solveRelaxation, type HostModelCost, type PlanLp, type ResourcePrice } from './lp';
import type { ModelAnswer } from './result';

export interface RuleCost {
  /** LP value with the rule − without it (hosts, or cost with policy.objective "cost"); null: an LP not solved. */
  readonly lp: number | null;
  /** Hosts the plan uses with the rule − without it (the same algorithm and budget). */
  readonly hosts: number;
}

export interface ModelDual {
  /** ⌈LP⌉: the relaxation's lower bound (null: not solved). */
  readonly bound: number | null;
  readonly value: number | null;
  readonly prices: readonly ResourcePrice[];
  readonly hostModels: readonly HostModelCost[];
  /** Per rule id: spread:<service>, labels:<service>, isolation:<tenant>, affinity:<group>. */
  readonly ruleCosts: Readonly<Record<string, RuleCost>>;
}

/** The relaxation of the answer's model for the items it placed (under `scenario`'s rules, which may differ from the answer's). */
export function answerLp(highs: Highs, scenario: Scenario, a: ModelAnswer, seconds = 5): PlanLp {
  const two = a.twoLevel;
  const built = two
    ? buildTwoLevel(scenario, two.pods, two.nodes.hosts, two.podHost)
    : buildOneLevel(scenario, a.plan.model as 'vm' | 'container', a.hosts.expansion, a.hosts);
  return solveRelaxation(highs, built, seconds);
}

/** The rules of the scenario that bind `model`, by id. */
export function scenarioRules(scenario: Scenario, model: ComparedModel): string[] {
  const live = scenario.services.filter((s) => s.replicas > 0);
  const out = new Set<string>();
  for (const s of live) {
    if (s.spread) out.add(`spread:${s.id}`);
    if ((s.requiredHostLabels ?? []).length > 0) out.add(`labels:${s.id}`);
    if (s.affinityGroup !== undefined) out.add(`affinity:${s.affinityGroup}`);
    if (placementRule(model, s.isolation, scenario) !== 'none') out.add(`isolation:${s.tenant}`);
  }
  return [...out].sort();
}

/** The scenario without one rule (a spread, labels, a tenant's isolation need, an affinity group). */
export function withoutRule(scenario: Scenario, rule: string): Scenario {
  const [kind, id] = [rule.slice(0, rule.indexOf(':')), rule.slice(rule.indexOf(':') + 1)];
  const services = scenario.services.map((s) => {
    if (kind === 'spread' && s.id === id) { const { spread: _spread, ...rest } = s; return rest; }
    if (kind === 'labels' && s.id === id) { const { requiredHostLabels: _labels, ...rest } = s; return rest; }
    if (kind === 'affinity' && s.affinityGroup === id) { const { affinityGroup: _group, ...rest } = s; return rest; }
    if (kind === 'isolation' && s.tenant === id) return { ...s, isolation: 'shared-kernel' as const };
    return s;
  });
  return { ...scenario, services };
}

/**
 * The dual of an answer. `replan` plans a scenario again for the answer's model (same node VM shape), returning its
 * hosts: the caller's planner (planModels), passed in so this module does not import the plan pipeline.
 */
export function answerDual(highs: Highs, scenario: Scenario, a: ModelAnswer, replan: (s: Scenario) => number, seconds = 5): ModelDual {
  const lp = answerLp(highs, scenario, a, seconds);
  const ruleCosts: Record<string, RuleCost> = {};
  for (const rule of scenarioRules(scenario, a.plan.model)) {
    const free = withoutRule(scenario, rule);
    // The same items, the rule's rows gone: what the relaxation says the rule costs.
    const without = answerLp(highs, free, a, seconds);
    ruleCosts[rule] = {
      lp: lp.value !== null && without.value !== null ? Math.round((lp.value - without.value) * 1e6) / 1e6 : null,
      hosts: a.plan.hostsUsed - replan(free),
    };
  }
  return { bound: lp.bound, value: lp.value, prices: lp.prices, hostModels: lp.hostModels, ruleCosts };
}

/** Re-planning for `answerDual`: container-in-VM keeps the answer's node VM shape, without a search. */
export function sameShape(scenario: Scenario, a: ModelAnswer): Scenario {
  if (!a.twoLevel) return scenario;
  const c = scenario.deployment.containerInVm;
  return { ...scenario, deployment: { ...scenario.deployment, containerInVm: { ...c, nodeShape: a.twoLevel.shape, shapeSearch: { ...c.shapeSearch, enabled: false } } } };
}

/** Hosts a model's plan of `s` uses (the answer's node VM shape kept), for the dual's re-planning. */
export function replanner(packer: Packer, a: ModelAnswer, plan: (s: Scenario, p: Packer, m: ComparedModel) => ModelAnswer | undefined): (s: Scenario) => number {
  return (s) => plan(sameShape(s, a), packer, a.plan.model)?.plan.hostsUsed ?? 0;
}
