// Which services have replicas left without a host, and the first such replica of each: what the one-level plan
// (plan.ts) and pods in node VMs (container-in-vm.ts) explain, each at its own levels.
import { groupStarts } from './encode';

export interface ServiceUnplaced {
  readonly serviceId: string;
  /** Its replicas without a host. */
  readonly count: number;
  /** Global position of the first of them. */
  readonly first: number;
}

/** Per item group with some position whose host is negative, in group order. */
export function unplacedByService(groups: readonly { serviceId: string; count: number }[], hostOf: ArrayLike<number>): ServiceUnplaced[] {
  const starts = groupStarts(groups);
  const found: ServiceUnplaced[] = [];
  groups.forEach((g, k) => {
    let count = 0, first = -1;
    for (let i = starts[k]; i < starts[k + 1]; i++) if (hostOf[i] < 0) { count++; if (first < 0) first = i; }
    if (count > 0) found.push({ serviceId: g.serviceId, count, first });
  });
  return found;
}
