// Lifecycle figures per model for the comparison (core/model/lifecycle.ts has the states and the sources).
import { hostGroupOf, itemGroupOf, type PackedLevel } from '../metrics/level';
import {
  nodeVmLifecycle, podLifecycle, podRelocation, startupSeconds, vmLifecycle, vmRelocation,
} from '../model/lifecycle';
import type { Scenario } from '../scenario/schema';
import type { LifecycleSummary } from './result';

/** VMs: live migration time of each placed VM over its host's link (flavour memory; per-VM overhead stays behind). */
export function vmLifecycleSummary(scenario: Scenario, level: PackedLevel): LifecycleSummary {
  const p = scenario.deployment.vm;
  const phases = vmLifecycle(p);
  const itemOf = itemGroupOf(level), hostOf = hostGroupOf(level);
  let total = 0, max = 0, n = 0;
  level.itemHost.forEach((h, i) => {
    if (h < 0) return;
    const item = itemOf(i);
    const memoryMiB = item.demand[1] - (item.parts?.hypervisor?.[1] ?? Math.round(p.perVmOverheadMiB));
    const move = vmRelocation(memoryMiB, hostOf(h).physical[3], p);
    if (!move) return;
    total += move.seconds;
    max = Math.max(max, move.seconds);
    n++;
  });
  // Hosts without a network link cannot live-migrate: no relocation figure then.
  const relocation = n === 0 ? null : {
    kind: 'live-migration' as const, downtimeSeconds: 0, degradation: p.liveMigration.degradation, heldTwice: true,
    meanSeconds: total / n, maxSeconds: max,
  };
  return { phases, startupSeconds: startupSeconds(phases), relocation };
}

export function containerLifecycle(scenario: Scenario): LifecycleSummary {
  const phases = podLifecycle(scenario.deployment.container);
  const { seconds, ...rest } = podRelocation(scenario.deployment.container);
  return { phases, startupSeconds: startupSeconds(phases), relocation: { ...rest, meanSeconds: seconds, maxSeconds: seconds } };
}

export function containerInVmLifecycle(scenario: Scenario): LifecycleSummary {
  const pod = containerLifecycle(scenario);
  const nodePhases = nodeVmLifecycle(scenario.deployment.vm, scenario.deployment.containerInVm);
  return { ...pod, nodePhases, newNodeStartupSeconds: startupSeconds(nodePhases) + pod.startupSeconds };
}
