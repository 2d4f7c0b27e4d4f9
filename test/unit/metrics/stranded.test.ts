// Stranded capacity worked by hand (definition in core/metrics/stranded.ts).
import { describe, expect, it } from 'vitest';
import { strandedCapacity } from '../../../core/metrics/stranded';
import { buildLevel } from './build-level';

describe('stranded capacity', () => {
  // Shapes: A = 2 cores / 1 GiB, B = 0.5 cores / 4 GiB, C = 3.6 cores / 0.1875 GiB. None dominates another, so
  // the smallest CPU demand is 500 m (B) and the smallest memory demand 192 MiB (C).
  const A = { demand: [2000, 1024, 0, 0] as [number, number, number, number] };
  const B = { demand: [500, 4096, 0, 0] as [number, number, number, number] };
  const C = { demand: [3600, 192, 0, 0] as [number, number, number, number] };
  const cap = [4000, 8192, 0, 0] as [number, number, number, number];
  const level = buildLevel(
    [{ allocatable: cap }, { allocatable: cap }, { allocatable: cap, maxItems: 1 }, { allocatable: cap }, { allocatable: cap }],
    [A, A, B, B, C, A],
    // host 0: A + A → 0 m, 6144 MiB left: CPU full, nothing fits          → memory 6144 stranded, closed by CPU
    // host 1: B → 3500 m, 4096 MiB: A fits                               → open, nothing stranded
    // host 2: B at its limit of 1 item → 3500 m, 4096 MiB                 → both stranded, closed by the item limit
    // host 3: C → 400 m, 8000 MiB: 400 m < every CPU demand (fragmented)  → memory 8000 stranded, CPU not
    // host 4: unused                                                      → nothing
    [0, 0, 1, 2, 3, -1],
  );

  it('counts free capacity on closed hosts that some shape could use in that dimension alone', () => {
    const s = strandedCapacity(level);
    expect(s.amount.cpu).toBe(3500);
    expect(s.amount.memory).toBe(6144 + 4096 + 8000);
    expect(s.amount.disk).toBe(0);
    expect(s.closedHosts).toBe(3);
    expect(s.closedBy).toEqual({ cpu: 2, memory: 0, disk: 0, network: 0, items: 1 });
    // share of the allocatable capacity of the four used hosts
    expect(s.share.memory).toBeCloseTo((6144 + 4096 + 8000) / (4 * 8192), 12);
  });

  it('strands nothing when every used host can still take an item', () => {
    const open = buildLevel([{ allocatable: cap }], [B], [0]);
    expect(strandedCapacity(open).amount).toEqual({ cpu: 0, memory: 0, disk: 0, network: 0 });
    expect(strandedCapacity(open).closedHosts).toBe(0);
  });
});
