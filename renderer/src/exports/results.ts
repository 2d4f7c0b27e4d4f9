// Results as files: the comparison as CSV (one row per metric, one column per model, as `hostfit compare
// --csv` prints it) or the plan summary when there is no comparison; the whole run as JSON (plan, comparison,
// variants); the placement (one row per VM or pod: where it went, or why not) as CSV. Column names are
// stable, machine-readable English, whatever the UI language.
import type { Comparison } from '../../../core/compare/result';
import { comparisonRows } from '../../../core/compare/rows';
import { toCsv } from '../../../core/edit/csv';
import { DIMENSIONS } from '../../../core/model/dimensions';
import type { PlanResult } from '../../../core/plan/plan';
import { REASON_MAX_ITEMS, REASON_NO_ROOM, REASON_TOO_LARGE } from '../../../assembly/abi';
import { groupAt } from '../results/host-map';
import type { PlacementDetail } from '../results/placement';
import type { Variant } from '../stores/variants';

export function resultsCsv(result: PlanResult): string {
  const header = ['scenario', 'model', 'instances', 'placed', 'unplaced', 'unplaced_too_large', 'unplaced_no_room', 'unplaced_max_items',
    'unplaced_no_flavour', 'hosts_used', 'hosts_in_pool', 'lower_bound', 'lower_bound_by', 'gap', 'best_lower_bound', 'best_lower_bound_by', 'gap_to_best_bound', ...DIMENSIONS.map((d) => `utilisation_${d}`),
    'algorithm', 'size_key', 'packer'];
  const rows = result.models.map((m) => [result.scenario, m.model, m.instances, m.placed, m.unplaced, m.unplacedBy.tooLarge, m.unplacedBy.noRoom,
    m.unplacedBy.maxItems, m.unplacedBy.noFlavour, m.hostsUsed, m.hostsInPool, m.lowerBound.hosts, m.lowerBound.by, m.gap,
    m.bestLowerBound.hosts, m.bestLowerBound.by, m.gapToBest,
    ...DIMENSIONS.map((d) => m.utilisation[d]), result.algorithm, result.sizeKey, result.packer]);
  return toCsv([header, ...rows]);
}

export function comparisonCsv(c: Comparison): string {
  const rows = comparisonRows(c);
  return toCsv([['section', 'metric', 'unit', ...c.models.map((m) => m.id)], ...rows.map((r) => [r.section, r.metric, r.unit, ...r.values])]);
}

export function resultsJson(result: PlanResult, comparison: Comparison | null, variants: readonly Variant[] = []): string {
  const doc = {
    plan: result,
    comparison,
    variants: variants.filter((v) => v.result && v.resultFor === v.scenario).map((v) => ({ name: v.name, plan: v.result, comparison: v.comparison })),
  };
  return JSON.stringify(doc, null, 2) + '\n';
}

const REASON: Record<number, string> = { [REASON_TOO_LARGE]: 'too-large', [REASON_NO_ROOM]: 'no-room', [REASON_MAX_ITEMS]: 'max-items' };

export function placementCsv(detail: PlacementDetail): string {
  const rows: (string | number | null)[][] = [['model', 'service', 'tenant', 'replica', 'flavour', 'site', 'rack', 'host_group', 'host_model', 'host_number', 'host_index', 'status']];
  for (const m of detail.models) {
    for (const g of m.itemGroups) {
      for (let i = g.start; i < g.start + g.count; i++) {
        const h = m.itemHost[i];
        const hg = h >= 0 ? groupAt(m.hostGroups, h) : undefined;
        rows.push([m.model, g.serviceId, g.tenant, i - g.start + 1, g.flavour ?? '', hg?.siteId ?? '', hg?.rackId ?? '', hg?.groupId ?? '',
          hg?.modelId ?? '', hg ? h - hg.start + 1 : '', h >= 0 ? h : '', h >= 0 ? 'placed' : REASON[m.itemReason[i]] ?? 'unplaced']);
      }
    }
    for (const r of m.rejected) rows.push([m.model, r.serviceId, '', r.count, '', '', '', '', '', '', '', 'no-flavour']);
  }
  return toCsv(rows);
}
