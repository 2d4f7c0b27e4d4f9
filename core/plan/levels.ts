// The packed levels of a plan as the metrics read them (core/metrics/level.ts): copied out of the packer's
// answer, with each used host's isolation partition. The plan (`hostfit plan`), the comparison (`hostfit
// compare`) and the app's host map all read these, so they show one answer.
import type { PackOutcome } from '../kernel/packer';
import type { Expansion } from '../model/expansion';
import type { PartitionedLevel } from '../metrics/level';
import { groupStarts, totalCount } from './encode';

/**
 * A level from a packing that enforced isolation itself. `groupKeys` per item group: the tenant whose items
 * need hosts of their own, or '' (shares hosts); a used host's partition is the key of an exclusive item on it,
 * else ''. Only the expansion's own items count (a two-level plan's spread members, after them in the arena,
 * are left out).
 */
export function packedLevel(e: Expansion, groupKeys: readonly string[], out: PackOutcome): PartitionedLevel {
  const items = totalCount(e.items);
  const itemStarts = groupStarts(e.items);
  const itemHost = out.itemHost.slice(0, items);
  const hostItems = new Int32Array(out.hostItems.length);
  for (const h of itemHost) if (h >= 0) hostItems[h]++;
  const hostPartition: (string | null)[] = Array.from(hostItems, (n) => (n > 0 ? '' : null));
  groupKeys.forEach((key, k) => {
    if (key === '') return;
    for (let i = itemStarts[k]; i < itemStarts[k + 1]; i++) if (itemHost[i] >= 0) hostPartition[itemHost[i]] = key;
  });
  return {
    expansion: e, itemHost, itemReason: out.itemReason.slice(0, items), hostResidual: out.hostResidual.slice(), hostItems,
    hostsUsed: out.hostsUsed, groupKeys, hostPartition,
  };
}
