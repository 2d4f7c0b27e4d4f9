// The comparison as rows of one metric each, one value per model, in planner units (cores, GiB, GB, Gbps,
// kW, USD): what the CLI prints as a table or CSV and what a UI table can show. Values are plain numbers or
// short strings; formatting to text is the caller's.
import { DIMENSIONS, type Dimension } from '../model/dimensions';
import { BREAKDOWN_CATEGORIES } from '../metrics/breakdown';
import { FAILURE_DOMAINS } from '../metrics/headroom';
import { ISOLATION_BOUNDARIES } from '../scenario/schema';
import type { Comparison, ModelResult } from './result';

export type Cell = number | string | null;

export interface Row {
  readonly section: string;
  readonly metric: string;
  /** Unit of the numbers ('' for counts and text). */
  readonly unit: string;
  readonly values: readonly Cell[];
}

/** Kernel units → planner units per dimension. */
export const PLANNER_UNIT: Readonly<Record<Dimension, { unit: string; per: number }>> = {
  cpu: { unit: 'cores', per: 1000 },
  memory: { unit: 'GiB', per: 1024 },
  disk: { unit: 'GB', per: 1000 },
  network: { unit: 'Gbps', per: 1000 },
};

export interface RowOptions {
  /** Dimensions for the breakdown and stranded rows (default all four). */
  readonly dimensions?: readonly Dimension[];
}

export function comparisonRows(c: Comparison, options: RowOptions = {}): Row[] {
  const dims = options.dimensions ?? DIMENSIONS;
  const rows: Row[] = [];
  const row = (section: string, metric: string, unit: string, f: (m: ModelResult) => Cell) =>
    rows.push({ section, metric, unit, values: c.models.map(f) });
  const dimIndex = (d: Dimension) => DIMENSIONS.indexOf(d);

  row('plan', 'model', '', (m) => m.label);
  row('plan', 'instances (VMs or pods)', '', (m) => m.instances);
  row('plan', 'unplaced', '', (m) => m.unplaced);
  row('plan', 'hosts used', '', (m) => m.hostsUsed);
  row('plan', 'hosts in pool', '', (m) => m.hostsInPool);
  row('plan', 'racks used', '', (m) => m.racksUsed);
  row('plan', 'sites used', '', (m) => m.sitesUsed);
  row('plan', 'lower bound', 'hosts', (m) => m.lowerBound.hosts);
  row('plan', 'lower bound by', '', (m) => m.lowerBound.by);
  row('plan', 'gap to bound', 'hosts', (m) => m.gap);
  row('plan', 'best lower bound', 'hosts', (m) => m.bestLowerBound.hosts);
  row('plan', 'best bound by', '', (m) => boundBy(m.bestLowerBound));
  row('plan', 'gap to best bound', 'hosts', (m) => m.gapToBest);
  row('plan', 'hosts needed at least, where the pool falls short', 'hosts', (m) => (m.shortfall && m.shortfall.extraHosts > 0 ? m.shortfall.hostsAtLeast : null));
  row('plan', 'verified (every rule)', '', (m) => (m.verified ? 'yes' : 'NO'));
  for (const domain of FAILURE_DOMAINS) {
    row('N+1', `hosts to survive losing any one ${domain}`, 'hosts', (m) => {
      const h = m.headroom?.find((x) => x.domain === domain);
      if (!h) return null;
      return h.unabsorbed > 0 ? `cannot (${h.unabsorbed} of ${h.domains})` : h.hostsNeeded;
    });
  }
  for (const d of DIMENSIONS) row('utilisation', `${d} allocated`, 'share', (m) => m.utilisation[d]);
  for (const d of dims) {
    row('stranded', `${d} stranded`, PLANNER_UNIT[d].unit, (m) => m.stranded.amount[d] / PLANNER_UNIT[d].per);
  }
  row('stranded', 'closed hosts', '', (m) => m.stranded.closedHosts);
  for (const d of dims) {
    const { unit, per } = PLANNER_UNIT[d];
    row('overhead', `${d} capacity of used hosts`, unit, (m) => m.breakdown.capacity[dimIndex(d)] / per);
    for (const cat of BREAKDOWN_CATEGORIES) {
      row('overhead', `${d}: ${cat}`, unit, (m) => m.breakdown.categories[cat][dimIndex(d)] / per);
    }
  }
  row('energy', 'IT power at modelled load', 'kW', (m) => m.energy.itWatts / 1000);
  row('energy', 'facility power (× PUE)', 'kW', (m) => m.energy.facilityWatts / 1000);
  row('energy', 'peak IT power', 'kW', (m) => m.energy.peakItWatts / 1000);
  row('energy', 'mean CPU load', 'share', (m) => m.energy.meanLoad);
  row('energy', 'energy', 'kWh/month', (m) => m.energy.kWhPerMonth);
  row('energy', 'racks over power budget', '', (m) => m.energy.racksOverBudget.length);
  row('cost', 'hosts (amortised)', 'USD/month', (m) => m.cost.capexUSD);
  row('cost', 'energy', 'USD/month', (m) => m.cost.energyUSD);
  row('cost', 'total', 'USD/month', (m) => m.cost.totalUSD);
  row('isolation', 'instances sharing freely', '', (m) => m.isolation.rules.none);
  row('isolation', 'instances on node VMs of their own', '', (m) => m.isolation.rules['node-exclusive']);
  row('isolation', 'instances on hosts of their own', '', (m) => m.isolation.rules['host-exclusive']);
  for (const b of ISOLATION_BOUNDARIES.filter((x) => x !== 'dedicated-host')) {
    row('isolation', `cross-tenant pairs behind ${b}`, 'pairs', (m) => m.isolation.crossTenantPairs[b] ?? 0);
  }
  row('isolation', 'largest host blast radius', 'instances', (m) => m.isolation.largestHostBlast.instances);
  row('isolation', 'largest host blast radius', 'tenants', (m) => m.isolation.largestHostBlast.tenants);
  row('isolation', 'largest kernel blast radius', 'instances', (m) => m.isolation.largestKernelBlast.instances);
  row('isolation', 'largest kernel blast radius', 'tenants', (m) => m.isolation.largestKernelBlast.tenants);
  row('lifecycle', 'request to serving', 's', (m) => m.lifecycle.startupSeconds);
  row('lifecycle', 'request to serving on a new node VM', 's', (m) => m.lifecycle.newNodeStartupSeconds ?? null);
  row('lifecycle', 'relocation', '', (m) => m.lifecycle.relocation?.kind ?? null);
  row('lifecycle', 'relocation time (mean)', 's', (m) => m.lifecycle.relocation?.meanSeconds ?? null);
  row('lifecycle', 'relocation time (max)', 's', (m) => m.lifecycle.relocation?.maxSeconds ?? null);
  row('lifecycle', 'downtime per relocation', 's', (m) => m.lifecycle.relocation?.downtimeSeconds ?? null);
  row('nodes', 'node VM shape', '', (m) => (m.nodes ? `${m.nodes.shape.vcpus}x${m.nodes.shape.memoryGiB}GiB/${m.nodes.shape.diskGB}GB` : null));
  row('nodes', 'node VM shape from', '', (m) => m.nodes?.shapeLabel ?? null);
  row('nodes', 'node VMs', '', (m) => m.nodes?.nodesUsed ?? null);
  row('nodes', 'pods per node VM', '', (m) => m.nodes?.podsPerNode ?? null);
  for (const d of ['cpu', 'memory'] as const) row('nodes', `${d} allocated inside node VMs`, 'share', (m) => m.nodes?.utilisation[d] ?? null);
  row('nodes', 'shapes tried', '', (m) => m.nodes?.search?.candidates.length ?? null);
  return rows;
}

/** What made a bound: 'volume: cpu', 'l2: memory', or the rule itself ('spread:api', 'isolation', 'nodes', 'lp'). */
function boundBy(b: ModelResult['bestLowerBound']): string | null {
  if (b.by === null) return null;
  const method = b.method ?? 'volume';
  return method === 'volume' || method === 'l2' ? `${method}: ${b.by}` : b.by;
}
