// VM model (hardware virtualisation). Each replica becomes one VM:
//   guest needs   = workload + guest OS (CPU, memory, disk)
//   flavour       = the smallest catalogue flavour (by vCPUs, then memory, then disk) that holds the guest
//   packed demand = flavour vCPUs, flavour memory + per-VM hypervisor overhead, flavour disk, workload network
// Each host offers (logical CPUs − hypervisor reservation) × vCPU overcommit and
// (memory − hypervisor reservation) × memory overcommit; disk and network are not overcommitted.
import type { Flavour, Scenario, Service, VmModelParams } from '../scenario/schema';
import { mbFromGB, mibFromGiB, millicores, type Vector } from './dimensions';
import type { Expansion, ItemGroup, Rejection } from './expansion';
import { hostPool } from './hosts';
import { workloadVector } from './workload';

export function flavourOrder(flavours: readonly Flavour[]): Flavour[] {
  return [...flavours].sort((a, b) => a.vcpus - b.vcpus || a.memoryGiB - b.memoryGiB || a.diskGB - b.diskGB || (a.id < b.id ? -1 : 1));
}

export function chooseFlavour(service: Service, p: VmModelParams, ordered: readonly Flavour[]): Flavour | undefined {
  const cpu = millicores(service.demand.cpuCores + p.guestOs.cpuCores);
  const mem = mibFromGiB(service.demand.memoryGiB + p.guestOs.memoryGiB);
  const disk = mbFromGB(service.demand.diskGB + p.guestOs.diskGB);
  return ordered.find((f) => millicores(f.vcpus) >= cpu && mibFromGiB(f.memoryGiB) >= mem && mbFromGB(f.diskGB) >= disk);
}

export function vmAllocatable(physical: Vector, p: VmModelParams): Vector {
  const cpu = Math.max(0, physical[0] - millicores(p.hypervisorReserved.cpuCores));
  const mem = Math.max(0, physical[1] - mibFromGiB(p.hypervisorReserved.memoryGiB));
  return [Math.floor(cpu * p.cpuOvercommit), Math.floor(mem * p.memoryOvercommit), physical[2], physical[3]];
}

export function expandVm(scenario: Scenario): Expansion {
  const p = scenario.deployment.vm;
  const ordered = flavourOrder(p.flavours);
  const items: ItemGroup[] = [];
  const rejected: Rejection[] = [];
  for (const s of scenario.services) {
    if (s.replicas === 0) continue;
    const workload = workloadVector(s);
    const f = chooseFlavour(s, p, ordered);
    if (!f) {
      rejected.push({ serviceId: s.id, count: s.replicas, reason: 'no-flavour',
        detail: `needs ${s.demand.cpuCores + p.guestOs.cpuCores} vCPU, ${s.demand.memoryGiB + p.guestOs.memoryGiB} GiB `
          + `and ${s.demand.diskGB + p.guestOs.diskGB} GB with the guest OS; the largest flavour is too small` });
      continue;
    }
    const demand: Vector = [millicores(f.vcpus), mibFromGiB(f.memoryGiB) + Math.round(p.perVmOverheadMiB), mbFromGB(f.diskGB), workload[3]];
    items.push({ serviceId: s.id, tenant: s.tenant, count: s.replicas, demand, workload, flavour: f.id });
  }
  const hosts = hostPool(scenario, (_m, physical) => ({ allocatable: vmAllocatable(physical, p), maxItems: 0 }));
  return { model: 'vm', items, hosts, rejected };
}
