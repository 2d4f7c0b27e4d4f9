// Why a unit has no host (core/reference/reasons.ts is the reference). Every host is charged the first rule
// that rules it out (state.charge); the unit's reason is the latest rule in checking order charged to any
// host. Consecutive unplaced units of one class get the same answer without a second scan.
import { REASON_TOO_LARGE } from '../abi';
import { hosts, unitConflict, unitHost, unitReason, i32At, setI32 } from '../arena';
import { charge, ruleRank } from './state';
import { sameClass } from './units';

export function unplacedReason(unit: i32): i32 {
  const conflict = i32At(unitConflict, unit);
  if (conflict != 0) return conflict;
  let reason = REASON_TOO_LARGE, rank = -1;
  for (let h = 0; h < hosts; h++) {
    const r = charge(unit, h);
    if (ruleRank(r) > rank) { rank = ruleRank(r); reason = r; }
  }
  return reason;
}

/** Fills unitReason for every unplaced unit; returns true if some reason depends on what hosts hold. */
export function computeReasons(units: i32): bool {
  let dynamic = false;
  let prev = -1;
  for (let u = 0; u < units; u++) {
    if (i32At(unitHost, u) >= 0) { setI32(unitReason, u, 0); continue; }
    const r = prev >= 0 && sameClass(prev, u) ? i32At(unitReason, prev) : unplacedReason(u);
    setI32(unitReason, u, r);
    if (ruleRank(r) > ruleRank(REASON_TOO_LARGE)) dynamic = true;
    prev = u;
  }
  return dynamic;
}
