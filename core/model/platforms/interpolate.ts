// Lookup in a published overhead table by vCPUs × configured memory.
//
// The table is a set of columns, one per vCPU count, each a list of (configured memory, overhead) cells; a
// column may have fewer cells than another (vSphere 4's table is sparse). The rule, stated once for every
// table:
//   - within a column, linear in configured memory between the two nearest cells (on a full grid this makes
//     the lookup bilinear inside each cell of the grid);
//   - between two columns, linear in the vCPU count between the two columns' values;
//   - above a column's largest memory cell, the column's last segment continued (linear extrapolation);
//     above the largest vCPU column, the last two columns' difference continued;
//   - below the smallest memory cell (or vCPU column), the smallest cell's value (no extrapolation down,
//     so a tiny VM never gets less than the table's smallest figure).
// The published cells are reproduced exactly (test/unit/model/platforms.test.ts).

export interface OverheadColumn {
  readonly vcpus: number;
  /** [configured memory MB, overhead MB], memory ascending. */
  readonly cells: readonly (readonly [number, number])[];
}

function lerp(x: number, x0: number, y0: number, x1: number, y1: number): number {
  return y0 + ((y1 - y0) * (x - x0)) / (x1 - x0);
}

/** Overhead of one column at `memoryMB`. */
export function columnValue(cells: OverheadColumn['cells'], memoryMB: number): number {
  if (cells.length === 1 || memoryMB <= cells[0][0]) return cells[0][1];
  for (let k = 1; k < cells.length; k++) {
    if (memoryMB <= cells[k][0]) return lerp(memoryMB, cells[k - 1][0], cells[k - 1][1], cells[k][0], cells[k][1]);
  }
  const [a, b] = [cells[cells.length - 2], cells[cells.length - 1]];
  return lerp(memoryMB, a[0], a[1], b[0], b[1]);
}

/** Overhead (table units) of a VM with `vcpus` and `memoryMB` configured, by the rule above. */
export function tableLookup(columns: readonly OverheadColumn[], vcpus: number, memoryMB: number): number {
  const at = (c: OverheadColumn) => columnValue(c.cells, memoryMB);
  if (vcpus <= columns[0].vcpus) return at(columns[0]);
  for (let k = 1; k < columns.length; k++) {
    if (vcpus <= columns[k].vcpus) return lerp(vcpus, columns[k - 1].vcpus, at(columns[k - 1]), columns[k].vcpus, at(columns[k]));
  }
  const [a, b] = [columns[columns.length - 2], columns[columns.length - 1]];
  return lerp(vcpus, a.vcpus, at(a), b.vcpus, at(b));
}

/** Whether (vcpus, memoryMB) is a published cell, inside the table, or extrapolated beyond it. */
export function lookupKind(columns: readonly OverheadColumn[], vcpus: number, memoryMB: number): 'cell' | 'interpolated' | 'extrapolated' | 'clamped' {
  const col = columns.find((c) => c.vcpus === vcpus);
  if (col?.cells.some(([m]) => m === memoryMB)) return 'cell';
  const maxV = columns[columns.length - 1].vcpus;
  if (vcpus < columns[0].vcpus) return 'clamped';
  const lo = [...columns].reverse().find((c) => c.vcpus <= vcpus) ?? columns[0];
  const hi = columns.find((c) => c.vcpus >= vcpus) ?? columns[columns.length - 1];
  if (vcpus > maxV) return 'extrapolated';
  if (memoryMB > lo.cells[lo.cells.length - 1][0] || memoryMB > hi.cells[hi.cells.length - 1][0]) return 'extrapolated';
  if (memoryMB < Math.max(lo.cells[0][0], hi.cells[0][0])) return 'clamped';
  return 'interpolated';
}
