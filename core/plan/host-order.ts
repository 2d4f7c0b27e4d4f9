// The order hosts are offered to the packer in. Placement rules fill hosts in arena order (First Fit takes the
// first that fits, the minimum-slack rule fills one host after another), so in a mixed pool the order decides
// which hosts a plan uses: topology order would open a rack's small hosts as readily as its large ones. With
// policy.objective "hosts" the largest hosts come first (capacity summed over the dimensions, each relative to
// the largest host's); with "cost" the cheapest capacity comes first (price over that size). The order is
// stable, so equal hosts keep topology order and the plan stays reproducible. Metrics and the host map read
// host groups by their site and rack, not by position.
import { DIMS } from '../model/dimensions';
import type { HostGroup } from '../model/expansion';
import type { Scenario } from '../scenario/schema';

export function packingOrder(scenario: Scenario, hosts: readonly HostGroup[]): HostGroup[] {
  const largest = new Array<number>(DIMS).fill(0);
  for (const g of hosts) for (let d = 0; d < DIMS; d++) largest[d] = Math.max(largest[d], g.allocatable[d]);
  const size = (g: HostGroup) => g.allocatable.reduce((s, c, d) => s + (largest[d] > 0 ? c / largest[d] : 0), 0);
  const price = new Map(scenario.hostModels.map((m) => [m.id, m.priceUSD ?? 0]));
  const key = scenario.policy.objective === 'cost'
    ? (g: HostGroup) => { const s = size(g); return s > 0 ? (price.get(g.modelId) ?? 0) / s : Infinity; }
    : (g: HostGroup) => -size(g);
  return hosts.map((g, k) => ({ g, k, v: key(g) })).sort((a, b) => a.v - b.v || a.k - b.k).map((x) => x.g);
}
