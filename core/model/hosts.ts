// The host pool in topology order (site, rack, host group), shared by every deployment model.
import type { HostModel, Scenario } from '../scenario/schema';
import { mbFromGB, mbpsFromGbps, mibFromGiB, millicores, type Vector } from './dimensions';
import type { HostGroup } from './expansion';

/** Raw capacity of one host: logical CPUs (cores × threads), memory, disk, network. */
export function physicalCapacity(m: HostModel): Vector {
  return [millicores(m.cores * m.threadsPerCore), mibFromGiB(m.memoryGiB), mbFromGB(m.diskGB), mbpsFromGbps(m.networkGbps)];
}

export function hostPool(
  scenario: Scenario,
  allocatable: (model: HostModel, physical: Vector) => Pick<HostGroup, 'allocatable' | 'maxItems' | 'reserved' | 'overcommit'>,
): HostGroup[] {
  const models = new Map(scenario.hostModels.map((m) => [m.id, m]));
  const groups: HostGroup[] = [];
  for (const site of scenario.sites) {
    for (const rack of site.racks) {
      for (const g of rack.hosts) {
        const model = models.get(g.model);
        if (!model || g.count === 0) continue; // references are validated; empty groups hold no hosts
        const physical = physicalCapacity(model);
        groups.push({ groupId: g.id, siteId: site.id, rackId: rack.id, modelId: model.id, count: g.count, physical, ...allocatable(model, physical) });
      }
    }
  }
  return groups;
}
