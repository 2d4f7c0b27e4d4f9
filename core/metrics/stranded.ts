// Stranded capacity: free capacity on hosts in use that no further item could use because another
// dimension (or the item limit) is full.
//
// Definition. The item shapes are the distinct packed demands of the level's items (one more replica of any
// service in the catalogue). A used host is *closed* when no shape fits its residual capacity in every
// dimension, or it has reached its item limit. On a closed host, the free capacity r_d of dimension d is
// *stranded* when some shape would fit in d alone (s_d ≤ r_d): d is not what stops that shape, another
// dimension is. Free capacity in d on a closed host that is smaller than every shape's demand in d is plain
// fragmentation of d itself and is not counted. Open hosts strand nothing: an item could still land there.
//
// Each closed host is also attributed to the resource that closed it: the item limit when it is reached,
// otherwise its fullest dimension (smallest residual ÷ allocatable, first in DIMENSIONS order on ties).
import { DIMENSIONS, DIMS, type Dimension } from '../model/dimensions';
import { hostGroupOf, usedHosts, type PackedLevel } from './level';
import { allocation, perDimension, type PerDimension } from './utilisation';

export interface StrandedCapacity {
  /** Stranded capacity per dimension, kernel units, summed over used hosts. */
  readonly amount: PerDimension;
  /** amount ÷ allocatable capacity of the used hosts. */
  readonly share: PerDimension;
  /** Used hosts that no item shape fits any more. */
  readonly closedHosts: number;
  /** Closed hosts by the resource that closed them. */
  readonly closedBy: Readonly<Record<Dimension | 'items', number>>;
}

/** Distinct item demands, keeping only the minimal ones (a shape that dominates another never fits where it cannot). */
export function minimalShapes(level: PackedLevel): Float64Array[] {
  const seen = new Map<string, Float64Array>();
  for (const g of level.expansion.items) seen.set(g.demand.join(','), Float64Array.from(g.demand));
  const all = [...seen.values()];
  return all.filter((s, i) => !all.some((t, j) => j !== i && t.every((v, d) => v <= s[d]) && t.some((v, d) => v < s[d])));
}

export function strandedCapacity(level: PackedLevel): StrandedCapacity {
  const shapes = minimalShapes(level);
  const minDemand = new Array<number>(DIMS).fill(Infinity);
  for (const s of shapes) for (let d = 0; d < DIMS; d++) minDemand[d] = Math.min(minDemand[d], s[d]);
  const groupOf = hostGroupOf(level);
  const amount = new Array<number>(DIMS).fill(0);
  const closedBy: Record<Dimension | 'items', number> = { cpu: 0, memory: 0, disk: 0, network: 0, items: 0 };
  let closedHosts = 0;
  for (const h of usedHosts(level)) {
    const g = groupOf(h);
    const r = level.hostResidual.subarray(h * DIMS, h * DIMS + DIMS);
    const atLimit = g.maxItems > 0 && level.hostItems[h] >= g.maxItems;
    if (!atLimit && shapes.some((s) => s.every((v, d) => v <= r[d]))) continue;
    closedHosts++;
    for (let d = 0; d < DIMS; d++) if (r[d] > 0 && minDemand[d] <= r[d]) amount[d] += r[d];
    if (atLimit) closedBy.items++;
    else {
      let fullest = -1, least = Infinity;
      for (let d = 0; d < DIMS; d++) {
        if (g.allocatable[d] <= 0) continue;
        const share = r[d] / g.allocatable[d];
        if (share < least) { least = share; fullest = d; }
      }
      if (fullest >= 0) closedBy[DIMENSIONS[fullest]]++;
    }
  }
  const { capacity } = allocation(level);
  return {
    amount: perDimension(amount),
    share: perDimension(amount.map((a, d) => (capacity[d] > 0 ? a / capacity[d] : 0))),
    closedHosts,
    closedBy,
  };
}
