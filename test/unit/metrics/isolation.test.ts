// Isolation exposure worked by hand: cross-tenant pairs per boundary, blast radius, rule violations.
import { describe, expect, it } from 'vitest';
import { crossTenantPairs, isolationExposure } from '../../../core/metrics/isolation';
import type { PlacementRule } from '../../../core/model/isolation';

const RANKING = ['dedicated-host', 'vm', 'sandbox', 'shared-kernel'] as const;

describe('isolation exposure', () => {
  it('counts pairs of instances of different tenants sharing a group', () => {
    // group 0: tenants a, a, b → 2 pairs (a–b twice); group 1: b, c, c → 2 pairs
    const per = new Map([[0, new Map([[0, 2], [1, 1]])], [1, new Map([[1, 1], [2, 2]])]]);
    expect(crossTenantPairs(per)).toBe(2 + 2);
  });

  it('splits pairs in one node VM from pairs in different node VMs of one host, and finds the largest blast radius', () => {
    // host 0: node 0 = [a, b], node 1 = [a]; host 1: node 2 = [c, c]
    const rule: PlacementRule[] = ['none', 'none', 'none', 'none', 'none'];
    const placement = {
      tenant: Int32Array.from([0, 1, 0, 2, 2]),
      host: Int32Array.from([0, 0, 0, 1, 1]),
      node: Int32Array.from([0, 0, 1, 2, 2]),
      kernel: Int32Array.from([0, 0, 1, 2, 2]),
      rule,
    };
    const x = isolationExposure(placement, [...RANKING], 'shared-kernel', 'vm');
    // same node: only a–b in node 0 → 1 pair; same host: a,b,a → 2 pairs, of which 1 is in one node → 1 behind vm
    expect(x.crossTenantPairs).toEqual({ 'shared-kernel': 1, vm: 1 });
    expect(x.largestHostBlast).toEqual({ instances: 3, tenants: 2 });
    expect(x.largestKernelBlast).toEqual({ instances: 2, tenants: 2 }); // node 0 (c–c in node 2 also has 2, one tenant)
    expect(x.ranking).toBe('dedicated-host > vm > sandbox > shared-kernel');
    expect(x.violations).toBe(0);
  });

  it('flags an instance whose rule is broken and counts instances per rule', () => {
    const placement = {
      tenant: Int32Array.from([0, 1, 1]),
      host: Int32Array.from([0, 0, 1]),
      node: Int32Array.from([-1, -1, -1]),
      kernel: Int32Array.from([-1, -1, -1]),
      rule: ['host-exclusive', 'none', 'host-exclusive'] as PlacementRule[],
    };
    const x = isolationExposure(placement, [...RANKING], 'vm');
    expect(x.violations).toBe(1); // instance 0 shares host 0 with tenant 1; instance 2 is alone
    expect(x.rules).toEqual({ none: 1, 'node-exclusive': 0, 'host-exclusive': 2 });
    expect(x.crossTenantPairs).toEqual({ vm: 1 });
    expect(x.largestKernelBlast).toEqual({ instances: 1, tenants: 1 }); // every VM runs its own kernel
  });
});
