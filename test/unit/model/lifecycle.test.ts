// Lifecycle states and durations, worked by hand from the scenario's parameters.
import { describe, expect, it } from 'vitest';
import {
  liveMigrationSeconds, nodeVmLifecycle, podLifecycle, podRelocation, startupSeconds, vmLifecycle,
} from '../../../core/model/lifecycle';
import { minimalInput, parsed } from '../../support/scenarios';

describe('lifecycle', () => {
  const s = parsed({ ...minimalInput(), deployment: {
    vm: { provisionSeconds: 15, bootSeconds: 45, shutdownSeconds: 20, liveMigration: { bandwidthShare: 0.25, degradation: 0.2 } },
    container: { imagePullSeconds: 8, startSeconds: { kata: 4 }, stopSeconds: 12, runtimeClass: 'kata' },
    containerInVm: { nodeJoinSeconds: 25 },
  } });

  it('passes a VM through create → allocate → run → reclaim, holding capacity from boot to the end of shutdown', () => {
    const phases = vmLifecycle(s.deployment.vm);
    expect(phases.map((p) => [p.state, p.seconds, p.holds])).toEqual([['create', 15, 0], ['allocate', 45, 1], ['run', null, 1], ['reclaim', 20, 1]]);
    expect(startupSeconds(phases)).toBe(60);
  });

  it('starts a pod with its runtime class and adds the node VM when one must be created', () => {
    expect(startupSeconds(podLifecycle(s.deployment.container))).toBe(8 + 4);
    expect(startupSeconds(nodeVmLifecycle(s.deployment.vm, s.deployment.containerInVm))).toBe(15 + 45 + 25);
  });

  it('migrates a VM live in memory / (link × share); restarts a pod elsewhere', () => {
    // 16 GiB over a quarter of 10 Gbps: 16384 × 8 × 1.048576 megabits / 2500 Mbps
    expect(liveMigrationSeconds(16384, 10_000, s.deployment.vm)).toBeCloseTo(16384 * 8 * 1.048576 / 2500, 12);
    expect(liveMigrationSeconds(16384, 0, s.deployment.vm)).toBeNull();
    expect(podRelocation(s.deployment.container)).toEqual({ kind: 'restart', seconds: 12 + 8 + 4, downtimeSeconds: 24, degradation: 0, heldTwice: false });
  });
});
