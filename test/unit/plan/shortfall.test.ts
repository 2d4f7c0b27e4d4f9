// Where the pool runs out (for room, slots, or hosts enough for a spread rule), each model says how many hosts all its instances need at least: the same bound the full
// pool's plan proves (the instances are the same; hosts beyond the pool count as more of its largest model), and how
// many more than the pool that is. Instances no host can hold are not counted; a pool that holds everything has none.
import { describe, expect, it } from 'vitest';
import { EXAMPLES, exampleScenario } from '../../../core/examples/index';
import { planScenario } from '../../../core/plan/plan';
import { ReferencePacker } from '../../../core/reference/reference-packer';
import type { Scenario } from '../../../core/scenario/schema';
import { onFfd } from '../../support/scenarios';

const webTier = onFfd(exampleScenario(EXAMPLES.find((e) => e.id === 'web-tier')!));

/** The scenario with its first host group cut to `count` hosts (the web tier has one group of 12). */
function withHosts(s: Scenario, count: number): Scenario {
  const [site, ...sites] = s.sites;
  const [rack, ...racks] = site.racks;
  const [group, ...groups] = rack.hosts;
  return { ...s, sites: [{ ...site, racks: [{ ...rack, hosts: [{ ...group, count }, ...groups] }, ...racks] }, ...sites] };
}

describe('pool shortfall', () => {
  const full = planScenario(webTier, new ReferencePacker());

  it('is absent where the pool holds every instance', () => {
    for (const m of full.models) {
      expect(m.unplaced, m.id).toBe(0);
      expect(m.shortfall, m.id).toBeNull();
    }
  });

  it('is the full pool\'s bound where a smaller pool leaves instances for lack of room', () => {
    const short = planScenario(withHosts(webTier, 2), new ReferencePacker());
    for (const m of short.models) {
      const whole = full.models.find((x) => x.id === m.id)!;
      expect(m.unplaced, m.id).toBeGreaterThan(0);
      expect(m.unplacedBy.tooLarge + m.unplacedBy.noFlavour + m.unplacedBy.labels, m.id).toBe(0);
      expect(m.shortfall, m.id).toEqual({
        instances: m.unplaced, hostsAtLeast: whole.bestLowerBound.hosts, extraHosts: whole.bestLowerBound.hosts! - 2, by: whole.bestLowerBound.by,
        hostModel: 'cp-1s-16c', // the web tier's one host model
      });
      // The plan's own bound covers only what it placed, which 2 hosts hold.
      expect(m.bestLowerBound.hosts!, m.id).toBeLessThanOrEqual(2);
    }
  });

  it('leaves out instances no host could hold', () => {
    const s = withHosts(webTier, 2);
    const huge = { ...s, services: [...s.services, { ...s.services[0], id: 'huge', name: 'Huge', replicas: 3, demand: { ...s.services[0].demand, cpuCores: 10_000 } }] };
    const m = planScenario(huge, new ReferencePacker(), ['vm']).models[0];
    expect(m.unplacedBy.tooLarge + m.unplacedBy.noFlavour).toBe(3);
    expect(m.shortfall!.instances).toBe(m.unplaced - 3);
    expect(m.shortfall!.hostsAtLeast).toBe(full.models[0].bestLowerBound.hosts);
  });
});
