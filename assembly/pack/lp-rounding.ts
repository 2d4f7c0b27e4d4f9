// Residual rounding of the pattern LP (core/reference/lp-rounding.ts is the reference): the patterns fixed by
// the dive (pattern-lp.ts, lpDive) come first, one host each in the order fixed; then every basic pattern of the
// current LP with value x gets floor(x) hosts of its own, in row order. Each host is filled with the pattern's
// items; an item of a size whose items have run out is replaced by the largest remaining smaller one (the
// exchange columns let the LP count it so). The construction then packs the remaining items by the
// minimum-slack rule (Wäscher & Gau, "Heuristics for the integer one-dimensional cutting stock problem: a
// computational study", OR Spektrum 18 (1996) 131–144, round the LP down and solve the residual problem
// heuristically).
// Runs before the First Fit index is built, on empty hosts. The improvement phase then keeps the rounded hosts
// as they are and searches the residual hosts only (improve.ts, keptHosts).
import { LP_INELIGIBLE, LP_NONE } from '../abi';
import {
  hosts, unitOfItem, decided, lpBasis, lpValue, lpColumnCost, lpColumnStart, lpEntryType, lpEntryCount, lpDemand,
  lpTypeHead, lpItemNext, lpLeft, lpCursor, lpFixedColumn, i32At, setI32, f64At,
} from '../arena';
import { lpFixed, lpRows, lpState, lpUsable } from './pattern-lp';
import { fits, place } from './state';

/** Hosts [0, roundedHosts) hold the patterns of the last rounding. */
export let roundedHosts = 0;
let placedUnits = 0;

/** Pattern j's items on host h (see the reference); the number placed. */
function fill(j: i32, h: i32): i32 {
  const m = lpRows;
  let took = 0;
  const end = i32At(lpColumnStart, j + 1);
  for (let e = i32At(lpColumnStart, j); e < end; e++) {
    let t = i32At(lpEntryType, e);
    for (let q = 0; q < i32At(lpEntryCount, e); q++) {
      while (t < m && i32At(lpLeft, t) == 0) t++;
      if (t >= m) break;
      const item = i32At(lpCursor, t);
      const unit = i32At(unitOfItem, item);
      if (!fits(unit, h)) break;
      setI32(lpCursor, t, i32At(lpItemNext, item));
      setI32(lpLeft, t, i32At(lpLeft, t) - 1);
      place(unit, h);
      setI32(decided, placedUnits++, unit);
      took++;
    }
  }
  return took;
}

/** Places whole copies of the LP's fixed and basic patterns on hosts 0, 1, …; returns the units placed, listed in decided. */
export function roundPatterns(): i32 {
  roundedHosts = 0;
  placedUnits = 0;
  if (lpState == LP_NONE || lpState == LP_INELIGIBLE) return 0;
  const m = lpRows;
  for (let t = 0; t < m; t++) {
    setI32(lpLeft, t, i32At(lpDemand, t));
    setI32(lpCursor, t, i32At(lpTypeHead, t));
  }
  let h = 0;
  for (let k = 0; k < lpFixed && h < hosts; k++) if (fill(i32At(lpFixedColumn, k), h) > 0) h++;
  if (lpUsable()) {
    for (let r = 0; r < m; r++) {
      const j = i32At(lpBasis, r);
      if (j < 0 || f64At(lpColumnCost, j) == 0) continue;
      const copies = <i32>Math.floor(f64At(lpValue, r) + 1e-9);
      for (let c = 0; c < copies && h < hosts; c++) {
        if (fill(j, h) == 0) break;
        h++;
      }
    }
  }
  roundedHosts = h;
  return placedUnits;
}
