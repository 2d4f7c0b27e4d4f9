import { describe, expect, it } from 'vitest';
import type { HostGroup } from '../../../core/model/expansion';
import { coverCount, volumeLowerBound } from '../../../core/plan/bounds';

const group = (count: number, cpu: number, memory: number, maxItems = 0): HostGroup => ({
  groupId: `g${cpu}`, siteId: 's', rackId: 'r', modelId: 'm', count, allocatable: [cpu, memory, 100, 100], physical: [cpu, memory, 100, 100], maxItems,
});

describe('volume lower bound', () => {
  it('is ceil(total / capacity) for identical hosts, in the binding dimension', () => {
    const lb = volumeLowerBound([2500, 900, 0, 0], 10, [group(10, 1000, 1000)]);
    expect(lb).toEqual({ hosts: 3, by: 'cpu' });
  });

  it('takes the largest hosts first in a mixed pool and extends beyond the pool', () => {
    expect(coverCount(2500, [group(2, 500, 0), group(1, 2000, 0)], (g) => g.allocatable[0])).toBe(2); // 2000 + 500
    expect(coverCount(9000, [group(2, 1000, 0)], (g) => g.allocatable[0])).toBe(9);
  });

  it('counts item slots when every host has a pod limit', () => {
    expect(volumeLowerBound([10, 10, 0, 0], 250, [group(10, 1000, 1000, 110)])).toEqual({ hosts: 3, by: 'items' });
  });

  it('has no finite bound when demand meets a dimension with no capacity', () => {
    expect(volumeLowerBound([1, 1, 1, 1], 1, [{ ...group(1, 10, 10), allocatable: [10, 10, 0, 10] }])).toEqual({ hosts: null, by: 'disk' });
  });
});
