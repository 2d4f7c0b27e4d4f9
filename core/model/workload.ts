import type { Service } from '../scenario/schema';
import { mbFromGB, mibFromGiB, millicores, type Vector } from './dimensions';

/** What one replica of the service itself requests, in kernel units, before any model overhead. */
export function workloadVector(s: Service): Vector {
  return [millicores(s.demand.cpuCores), mibFromGiB(s.demand.memoryGiB), mbFromGB(s.demand.diskGB), Math.round(s.demand.networkMbps)];
}
