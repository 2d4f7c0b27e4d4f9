// The bounds HiGHS settles (the LP relaxation, the isolation partitions in whole hosts) arrive after the plan (the
// worker solves them once the plan is shown): each model's best bound and gap in the plan result and in the
// comparison are replaced where that bound is stronger, so the app shows what `hostfit plan` and `compare` print.
import type { Comparison } from '../../../core/compare/result';
import type { LpBestBound, PlanResult } from '../../../core/plan/plan';

/** The models with the stronger of their bound and HiGHS's (same object where nothing changes). */
function tightened<M extends LpBestBound>(models: readonly M[], bounds: readonly LpBestBound[]): { models: M[]; changed: boolean } {
  const byId = new Map(bounds.map((b) => [b.id, b]));
  let changed = false;
  const out = models.map((m) => {
    const b = byId.get(m.id);
    if (!b || b.bestLowerBound.hosts === null || (m.bestLowerBound.hosts !== null && b.bestLowerBound.hosts <= m.bestLowerBound.hosts)) return m;
    changed = true;
    return { ...m, bestLowerBound: b.bestLowerBound, gapToBest: b.gapToBest };
  });
  return { models: out, changed };
}

export function withLpBounds(result: PlanResult, comparison: Comparison | null, bounds: readonly LpBestBound[]): { result: PlanResult; comparison: Comparison | null } {
  const plan = tightened(result.models, bounds);
  const compared = comparison ? tightened(comparison.models, bounds) : null;
  return {
    result: plan.changed ? { ...result, models: plan.models } : result,
    comparison: comparison && compared?.changed ? { ...comparison, models: compared.models } : comparison,
  };
}
