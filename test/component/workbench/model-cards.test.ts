// The headline cards: a bound and a gap describe the instances that were placed, so where some are not placed the
// bound says so and the gap is not marked good; where the pool ran out (every host used, instances left for lack of
// room) the card says the pool needs more hosts. A plan that placed everything at its bound is marked good.
import { describe, expect, it } from 'vitest';
import type { ModelResult } from '../../../core/compare/result';
import { i18n } from '../../../renderer/src/i18n';
import { hostsOption } from '../../../renderer/src/charts/options';
import { chartTheme } from '../../../renderer/src/charts/theme';
import ModelCards from '../../../renderer/src/components/results/ModelCards.vue';
import { useScenarioStore } from '../../../renderer/src/stores/scenario';
import type { ShownModel } from '../../../renderer/src/results/models';
import { mountWith } from './mount';

const model = (over: Partial<ShownModel>): ShownModel => ({
  id: 'container', instances: 379, placed: 379, unplaced: 0,
  unplacedBy: { tooLarge: 0, noRoom: 0, maxItems: 0, noFlavour: 0 },
  hostsUsed: 18, hostsInPool: 18, lowerBound: { hosts: 18, by: 'cpu' }, gap: 0, volumeBound: { hosts: 18, by: 'cpu' },
  utilisation: { cpu: 0.9, memory: 0.5, disk: 0.1, network: 0.1 }, shortfall: null, full: null, ...over,
});

describe('model cards', () => {
  it('marks a complete plan at its bound as good, with no caveat', () => {
    const w = mountWith(ModelCards, { props: { models: [model({})] } });
    expect(w.get('[data-testid="gap-container"]').classes()).toContain('good');
    expect(w.find('[data-testid="lower-bound-placed-container"]').exists()).toBe(false);
    expect(w.find('[data-testid="pool-full-container"]').exists()).toBe(false);
  });

  it('says the bound covers the placed instances, and how far the pool falls short', () => {
    const w = mountWith(ModelCards, { props: { models: [model({ placed: 199, unplaced: 180, unplacedBy: { tooLarge: 0, noRoom: 180, maxItems: 0, noFlavour: 0 },
      shortfall: { instances: 180, hostsAtLeast: 31, extraHosts: 13, by: 'cpu', hostModel: 'cp-1s-16c' } })] } });
    expect(w.get('[data-testid="lower-bound-placed-container"]').text()).toBe('· for the 199 placed');
    expect(w.get('[data-testid="gap-container"]').text()).toBe('+0');
    expect(w.get('[data-testid="gap-container"]').classes()).not.toContain('good');
    expect(w.get('[data-testid="pool-short-container"]').text()).toContain('The pool falls short: with the 180 left for lack of hosts, at least 31 hosts, 13 more than its 18.');
    expect(w.find('[data-testid="pool-full-container"]').exists()).toBe(false);
  });

  it('says the pool is full without claiming a shortfall its bound does not show', () => {
    const w = mountWith(ModelCards, { props: { models: [model({ placed: 370, unplaced: 9, unplacedBy: { tooLarge: 0, noRoom: 9, maxItems: 0, noFlavour: 0 },
      shortfall: { instances: 9, hostsAtLeast: 18, extraHosts: 0, by: 'cpu', hostModel: 'cp-1s-16c' } })] } });
    expect(w.get('[data-testid="pool-full-container"]').text()).toBe('Every host of the pool is in use with 9 left for lack of hosts.');
    expect(w.find('[data-testid="pool-short-container"]').exists()).toBe(false);
    expect(w.get('[data-testid="unplaced-container"]').classes()).toContain('bad');
  });

  it('marks the bound as of the placed instances wherever some are left, and says nothing of the pool without a shortfall', () => {
    const w = mountWith(ModelCards, { props: { models: [model({ placed: 378, unplaced: 1, hostsUsed: 12, unplacedBy: { tooLarge: 1, noRoom: 0, maxItems: 0, noFlavour: 0 } })] } });
    expect(w.find('[data-testid="lower-bound-placed-container"]').exists()).toBe(true);
    expect(w.find('[data-testid="pool-full-container"]').exists()).toBe(false);
    expect(w.find('[data-testid="pool-short-container"]').exists()).toBe(false);
  });

  it('counts racks and sites in the singular and the plural, and in Chinese', async () => {
    const full = (racksUsed: number, sitesUsed: number) => ({ racksUsed, sitesUsed, energy: { facilityWatts: 700 }, cost: { totalUSD: 589 }, verified: true, nodes: null }) as unknown as ModelResult;
    const w = mountWith(ModelCards, { props: { models: [model({ id: 'vm', full: full(1, 1) }), model({ full: full(3, 2) })] } });
    expect(w.get('[data-testid="racks-vm"]').text()).toBe('in 1 rack, 1 site');
    expect(w.get('[data-testid="racks-container"]').text()).toBe('in 3 racks, 2 sites');
    i18n.global.locale.value = 'zh-CN';
    await w.vm.$nextTick();
    expect(w.get('[data-testid="racks-container"]').text()).toBe('分布于 3 个机架、2 个站点');
    i18n.global.locale.value = 'en';
  });

  it('draws the hosts a short pool needs at least beside used and bound, and only then', () => {
    const t = (key: string) => i18n.global.t(key);
    const series = (models: ShownModel[]) => (hostsOption(models, t, chartTheme('light')) as { series: { name: string; data: unknown[] }[] }).series;
    expect(series([model({ id: 'vm' }), model({})]).map((x) => x.name)).toEqual(['Hosts used', 'Lower bound']);
    const short = series([model({ id: 'vm' }), model({ unplaced: 180, shortfall: { instances: 180, hostsAtLeast: 22, extraHosts: 4, by: 'cpu', hostModel: 'cp-1s-16c' } })]);
    expect(short.map((x) => x.name)).toEqual(['Hosts used', 'Lower bound', 'Needed at least (pool short)']);
    expect(short[2].data).toEqual([null, 22]);
  });

  it('adds the hosts a short pool lacks in one undoable step', async () => {
    const w = mountWith(ModelCards, { props: { models: [model({ unplaced: 180, shortfall: { instances: 180, hostsAtLeast: 22, extraHosts: 4, by: 'cpu', hostModel: 'cp-1s-16c' } })] } });
    const doc = useScenarioStore(); // the bundled web tier: one group of 12 cp-1s-16c hosts
    const hosts = () => doc.scenario.sites.flatMap((x) => x.racks.flatMap((r) => r.hosts)).reduce((n, g) => n + Number(g.count), 0);
    const before = hosts();
    const button = w.get('[data-testid="grow-pool-container"]');
    expect(button.text()).toBe('Add 4 hosts of cp-1s-16c');
    await button.trigger('click');
    expect(hosts()).toBe(before + 4);
    doc.undo();
    expect(hosts()).toBe(before);
    // No button where the model is not in the topology (nothing to grow).
    const other = mountWith(ModelCards, { props: { models: [model({ unplaced: 1, shortfall: { instances: 1, hostsAtLeast: 22, extraHosts: 4, by: 'cpu', hostModel: 'gone' } })] } });
    expect(other.find('[data-testid="grow-pool-container"]').exists()).toBe(false);
  });
});
