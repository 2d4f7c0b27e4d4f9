import { describe, expect, it } from 'vitest';
import { capacitySummary } from '../../../core/edit/capacity';
import {
  addHostGroup, addHostModel, addRack, addSite, duplicateNode, growHostGroup, hostModelUsers, moveNode, removeNode, renameHostModel,
  renameTenant, updateNode,
} from '../../../core/edit/topology';
import { validateScenario } from '../../../core/edit/validate';
import { EXAMPLES, exampleScenario } from '../../../core/examples/index';

const multi = () => exampleScenario(EXAMPLES[1]);
const rackIds = (s: ReturnType<typeof multi>) => s.sites.map((x) => x.racks.map((r) => r.id));

describe('topology edits', () => {
  it('adds a site, a rack in it and a host group, all valid', () => {
    let s = multi();
    const site = addSite(s);
    s = site.scenario;
    const rack = addRack(s, site.id)!;
    s = rack.scenario;
    s = addHostGroup(s, rack.id, s.hostModels[0].id, 4)!.scenario;
    expect(validateScenario(s)).toEqual([]);
    expect(capacitySummary(s).total.hosts).toBe(capacitySummary(multi()).total.hosts + 4);
  });

  it('duplicates a site with fresh ids for everything under it', () => {
    const s = multi();
    const dup = duplicateNode(s, { kind: 'site', id: 'dc-east' })!;
    expect(dup.scenario.sites.map((x) => x.id)).toEqual(['dc-east', 'dc-east-copy', 'edge-north']);
    expect(dup.scenario.sites[1].racks.map((r) => r.id)).toEqual(['east-r01-copy', 'east-r02-copy']);
    expect(validateScenario(dup.scenario)).toEqual([]);
    expect(capacitySummary(dup.scenario).total.hosts).toBe(capacitySummary(s).total.hosts + 20);
  });

  it('moves racks within and across sites, and reorders sites', () => {
    const s = multi();
    expect(rackIds(moveNode(s, { kind: 'rack', id: 'east-r01' }, 'dc-east', 2))).toEqual([['east-r02', 'east-r01'], ['north-r01']]);
    expect(rackIds(moveNode(s, { kind: 'rack', id: 'east-r02' }, 'edge-north', 0))).toEqual([['east-r01'], ['east-r02', 'north-r01']]);
    expect(moveNode(s, { kind: 'site', id: 'edge-north' }, null, 0).sites.map((x) => x.id)).toEqual(['edge-north', 'dc-east']);
    expect(moveNode(s, { kind: 'site', id: 'dc-east' }, null, 2).sites.map((x) => x.id)).toEqual(['edge-north', 'dc-east']);
  });

  it('removes and updates nodes by id', () => {
    const s = multi();
    expect(rackIds(removeNode(s, { kind: 'rack', id: 'east-r01' }))).toEqual([['east-r02'], ['north-r01']]);
    const changed = updateNode(s, { kind: 'group', id: 'north-r01-edge' }, { count: 9 });
    expect(changed.sites[1].racks[0].hosts[0].count).toBe(9);
    expect(changed.sites[0]).toBe(s.sites[0]);
  });

  it('renames a host model or tenant together with its references', () => {
    const s = multi();
    const id = s.hostModels[0].id;
    expect(hostModelUsers(s, id)).toBe(2);
    const renamed = renameHostModel(s, id, 'gp-new');
    expect(hostModelUsers(renamed, 'gp-new')).toBe(2);
    expect(validateScenario(renamed)).toEqual([]);
    const t = renameTenant(s, 'bank', 'bank-2');
    expect(t.services.filter((x) => x.tenant === 'bank-2')).toHaveLength(4);
    expect(validateScenario(t)).toEqual([]);
    expect(validateScenario(addHostModel(s).scenario)).toEqual([]);
  });
});

describe('growing the pool', () => {
  it('adds hosts of a model to its first host group in topology order, and to nothing else', () => {
    const s = multi();
    const model = s.hostModels[0].id;
    const groups = s.sites.flatMap((x) => x.racks.flatMap((r) => r.hosts));
    const first = groups.findIndex((g) => g.model === model);
    const grown = growHostGroup(s, model, 3)!;
    const after = grown.sites.flatMap((x) => x.racks.flatMap((r) => r.hosts));
    expect(after.map((g) => g.count)).toEqual(groups.map((g, k) => (k === first ? Number(g.count) + 3 : g.count)));
    expect(validateScenario(grown)).toEqual([]);
    expect(growHostGroup(s, 'no-such-model', 3)).toBeNull();
  });
});

describe('capacity summary', () => {
  it('adds up hosts, threads, memory and peak power per rack and site, and flags racks over budget', () => {
    const c = capacitySummary(multi());
    // 20 × (64 cores × 2, 512 GiB, 590 W peak) + 6 × (8 × 2, 64 GiB, 103 W peak)
    expect(c.total).toMatchObject({ hosts: 26, threads: 20 * 128 + 6 * 16, memoryGiB: 20 * 512 + 6 * 64, sites: 2, racks: 3 });
    expect(c.total.peakKW).toBeCloseTo((20 * 590 + 6 * 103) / 1000, 9);
    expect(c.racks[0]).toMatchObject({ rackId: 'east-r01', hosts: 10, powerBudgetKW: 12, overBudget: false });
    expect(c.racks[0].peakKW).toBeCloseTo(5.9, 9);
    const over = capacitySummary(updateNode(multi(), { kind: 'group', id: 'east-r01-gp' }, { count: 30 }));
    expect(over.racks[0].overBudget).toBe(true);
    expect(c.hostsByModel.get('edge-8c')).toBe(6);
  });
});
