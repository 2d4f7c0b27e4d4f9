// Reference for assembly/pack/lp-rounding.ts: residual rounding of the pattern LP. The patterns fixed by the
// dive (pattern-lp.ts, dive) come first, one host each in the order fixed; then every basic pattern of the
// current LP with value x gets floor(x) hosts of its own, in row order. Each host is filled with the pattern's
// items; an item of a size whose items have run out is replaced by the largest remaining smaller one (the
// exchange columns let the LP count it so). The construction then packs the remaining items by the
// minimum-slack rule (Wäscher & Gau, "Heuristics for the integer one-dimensional cutting stock problem: a
// computational study", OR Spektrum 18 (1996) 131–144: round the LP down and solve the residual problem
// heuristically). The improvement phase then keeps the rounded hosts as they are and searches the residual hosts
// only (improve.ts, `kept`).
import { LP_INELIGIBLE, LP_NONE } from '../../assembly/abi';
import type { PatternLp } from './pattern-lp';
import type { HostState } from './state';

/** Places whole copies of the LP's fixed and basic patterns on hosts 0, 1, … (empty so far): the units placed, and hosts used. */
export function roundPatterns(lp: PatternLp, st: HostState): { units: number[]; hosts: number } {
  const placed: number[] = [];
  if (lp.state === LP_NONE || lp.state === LP_INELIGIBLE) return { units: placed, hosts: 0 };
  const m = lp.m;
  const left = lp.demand.slice(0, m), cursor = lp.typeHead.slice(0, m);
  let h = 0;
  /** Pattern j's items on host h; the number placed. */
  const fill = (j: number): number => {
    let took = 0;
    for (let e = lp.columnStart[j]; e < lp.columnStart[j + 1]; e++) {
      let t = lp.entryType[e];
      for (let q = 0; q < lp.entryCount[e]; q++) {
        while (t < m && left[t] === 0) t++;
        if (t >= m) break;
        const item = cursor[t];
        const unit = st.u.ofItem[item];
        if (!st.fits(unit, h)) break;
        cursor[t] = lp.itemNext[item];
        left[t]--;
        st.place(unit, h);
        placed.push(unit);
        took++;
      }
    }
    return took;
  };
  for (let k = 0; k < lp.fixed && h < st.a.hosts; k++) if (fill(lp.fixedColumn[k]) > 0) h++;
  if (!lp.usable()) return { units: placed, hosts: h };
  for (let r = 0; r < m; r++) {
    const j = lp.basis[r];
    if (j < 0 || lp.columnCost[j] === 0) continue;
    const copies = Math.floor(lp.value[r] + 1e-9);
    for (let c = 0; c < copies && h < st.a.hosts; c++) {
      if (fill(j) === 0) break;
      h++;
    }
  }
  return { units: placed, hosts: h };
}
