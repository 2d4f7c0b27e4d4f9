// Reference for assembly/pack/reasons.ts: why a unit has no host. Every host is charged the first rule that
// rules it out (HostState.charge); the unit's reason is the latest rule in checking order charged to any host.
import { REASON_TOO_LARGE } from '../../assembly/abi';
import { ruleRank, type HostState } from './state';

export function unplacedReason(st: HostState, unit: number): number {
  if (st.u.conflict[unit] !== 0) return st.u.conflict[unit];
  let reason = REASON_TOO_LARGE, rank = -1;
  for (let h = 0; h < st.a.hosts; h++) {
    const r = st.charge(unit, h);
    if (ruleRank(r) > rank) { rank = ruleRank(r); reason = r; }
  }
  return reason;
}

/** A reason that no later placement or removal can change: the unit fits no host even when it is empty. */
export function isStaticReason(reason: number): boolean {
  return ruleRank(reason) <= ruleRank(REASON_TOO_LARGE);
}
