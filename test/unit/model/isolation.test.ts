// The mapping from a service's required boundary to a placement rule, per model and ranking.
import { describe, expect, it } from 'vitest';
import { boundaryStrength, offeredBoundaries, placementRule } from '../../../core/model/isolation';
import { minimalInput, parsed } from '../../support/scenarios';

const scenario = (deployment: object = {}) => parsed({ ...minimalInput(), deployment });

describe('isolation placement rules', () => {
  it('default ranking (dedicated-host > vm > sandbox > shared-kernel), runc pods', () => {
    const s = scenario();
    const table = (['shared-kernel', 'sandbox', 'vm', 'dedicated-host'] as const).map((b) =>
      [b, placementRule('vm', b, s), placementRule('container', b, s), placementRule('container-in-vm', b, s)]);
    expect(table).toEqual([
      ['shared-kernel', 'none', 'none', 'none'],
      ['sandbox', 'none', 'host-exclusive', 'node-exclusive'],
      ['vm', 'none', 'host-exclusive', 'node-exclusive'],
      ['dedicated-host', 'host-exclusive', 'host-exclusive', 'host-exclusive'],
    ]);
  });

  it('a sandboxed runtime lets pods share a kernel with tenants that ask for a sandbox', () => {
    const s = scenario({ container: { runtimeClass: 'gvisor' } });
    expect(offeredBoundaries('container', s)[0]).toEqual({ rule: 'none', boundary: 'sandbox' });
    expect(placementRule('container', 'sandbox', s)).toBe('none');
    expect(placementRule('container', 'vm', s)).toBe('host-exclusive');
    // counting Kata as a VM boundary is one edit away
    const kataVm = scenario({ container: { runtimeClass: 'kata' }, isolation: { runtimeBoundary: { kata: 'vm' } } });
    expect(placementRule('container', 'vm', kataVm)).toBe('none');
  });

  it('follows an edited ranking', () => {
    const s = scenario({ isolation: { ranking: ['dedicated-host', 'sandbox', 'shared-kernel', 'vm'] } });
    expect(boundaryStrength(s.deployment.isolation.ranking, 'shared-kernel')).toBeGreaterThan(boundaryStrength(s.deployment.isolation.ranking, 'vm'));
    expect(placementRule('vm', 'shared-kernel', s)).toBe('host-exclusive');
    expect(placementRule('container', 'vm', s)).toBe('none');
    expect(placementRule('container-in-vm', 'sandbox', s)).toBe('host-exclusive');
  });
});
