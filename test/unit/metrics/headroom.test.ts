// N+1 headroom worked by hand on a tiny pool (one dimension used, sizes out of 10).
import { describe, expect, it } from 'vitest';
import { failureHeadroom } from '../../../core/metrics/headroom';
import { ReferencePacker } from '../../../core/reference/reference-packer';
import { createWasmPacker } from '../../../electron/cli/kernel';
import { buildLevel } from './build-level';

describe('failure-domain headroom', () => {
  // Two racks of two hosts (capacity 10); three items of 6, one per host on h0, h1, h2; h3 is spare.
  const cap: [number, number, number, number] = [10, 0, 0, 0];
  const hosts = [
    { allocatable: cap, rackId: 'r1', groupId: 'a' }, { allocatable: cap, rackId: 'r1', groupId: 'b' },
    { allocatable: cap, rackId: 'r2', groupId: 'c' }, { allocatable: cap, rackId: 'r2', groupId: 'd' },
  ];
  const six = { demand: [6, 0, 0, 0] as [number, number, number, number] };
  const level = buildLevel(hosts, [six, six, six], [0, 1, 2]);
  const packer = new ReferencePacker();

  it('host: any one loss moves one item of 6, which no survivor (4 free) takes, onto the one spare', () => {
    const h = failureHeadroom(level, packer, 'l2', 'host');
    expect(h.domains).toBe(3);
    expect(h.unabsorbed).toBe(0);
    expect(h.extraHosts).toBe(1);
    expect(h.hostsNeeded).toBe(4);
    expect(h.worst).toEqual({ id: 'a#1', displaced: 1, spares: 1, absorbed: true });
  });

  it('rack: losing r1 displaces two items and only one spare is outside it; losing r2 leaves no spare at all', () => {
    const h = failureHeadroom(level, packer, 'l2', 'rack');
    expect(h.domains).toBe(2);
    expect(h.unabsorbed).toBe(2);
    expect(h.worst).toEqual({ id: 's/r1', displaced: 2, spares: 1, absorbed: false });
  });

  it('site: losing the only site cannot be absorbed', () => {
    const h = failureHeadroom(level, packer, 'l2', 'site');
    expect(h).toMatchObject({ domains: 1, unabsorbed: 1, extraHosts: 0, hostsNeeded: 3 });
  });

  it('uses survivors\' residual capacity first', () => {
    // items of 4: h0 holds 4 + 4 (2 free), h1 holds 4 (6 free): losing h0 moves two 4s → h1 takes one, a spare the other
    const four = { demand: [4, 0, 0, 0] as [number, number, number, number] };
    const packed = buildLevel(hosts, [four, four, four], [0, 0, 1]);
    const h = failureHeadroom(packed, packer, 'l2', 'host');
    expect(h.worst).toEqual({ id: 'a#1', displaced: 2, spares: 1, absorbed: true });
    // losing h1 moves one 4, which h0's 2 free cannot take, onto a spare: h2 again, so the union is one host
    expect(h.extraHosts).toBe(1);
    expect(h.hostsNeeded).toBe(3);
  });

  it('keeps no spare where the survivors\' free room takes every loss (the free room comes before the spares)', () => {
    // h0 and h1 hold a 4 each (6 free): losing either moves its 4 onto the other; the spares h2, h3 stay empty.
    // (Ranked by what each host carries, as the plan's First Fit ranks them, the empty spares came first.)
    const four = { demand: [4, 0, 0, 0] as [number, number, number, number] };
    const level2 = buildLevel(hosts, [four, four], [0, 1]);
    for (const p of [packer, createWasmPacker()]) {
      const h = failureHeadroom(level2, p, 'l2', 'host');
      expect(h).toMatchObject({ domains: 2, unabsorbed: 0, extraHosts: 0, hostsNeeded: 2 });
      expect(h.worst).toEqual({ id: 'a#1', displaced: 1, spares: 0, absorbed: true });
    }
  });
});
