// VM model (hardware virtualisation). Each replica becomes one VM:
//   guest needs   = workload + guest OS (CPU, memory, disk)
//   flavour       = the smallest catalogue flavour (by vCPUs, then memory, then disk) that holds the guest
//   packed demand = CPU:     flavour vCPUs + CPU virtualisation overhead
//                   memory:  flavour memory + per-VM hypervisor overhead (deployment.vm.platform's profile,
//                            by the flavour's vCPUs and memory; "generic-vm": perVmOverheadMiB)
//                   disk:    flavour disk
//                   network: workload bandwidth + I/O virtualisation overhead
// Each host offers (logical CPUs − hypervisor reservation) × vCPU overcommit and
// (memory − hypervisor reservation) × memory overcommit; disk and network are not overcommitted.
//
// Virtualisation overheads are shares of what the VM *uses* (its workload plus guest OS CPU; its workload
// bandwidth), not of its flavour. Like every vCPU demand they are counted in the (possibly overcommitted)
// vCPU space the host offers: overcommit assumes not every VM is busy at once, for the hypervisor's share too.
import type { Flavour, Scenario, VmModelParams } from '../scenario/schema';
import { addVectors, mbFromGB, mibFromGiB, millicores, type Vector } from './dimensions';
import type { Expansion, ItemGroup, ItemParts, Rejection } from './expansion';
import { hostPool } from './hosts';
import { HYPERVISOR_PROFILES, vmOverheadMiB } from './platforms/hypervisors';
import { workloadVector } from './workload';

export function flavourOrder(flavours: readonly Flavour[]): Flavour[] {
  return [...flavours].sort((a, b) => a.vcpus - b.vcpus || a.memoryGiB - b.memoryGiB || a.diskGB - b.diskGB || (a.id < b.id ? -1 : 1));
}

/** Guest OS of one VM in kernel units (no network). */
export function guestOsVector(p: VmModelParams): Vector {
  return [millicores(p.guestOs.cpuCores), mibFromGiB(p.guestOs.memoryGiB), mbFromGB(p.guestOs.diskGB), 0];
}

/** A flavour's size in kernel units (no network: a flavour does not cap bandwidth here). */
export function flavourVector(f: Flavour): Vector {
  return [millicores(f.vcpus), mibFromGiB(f.memoryGiB), mbFromGB(f.diskGB), 0];
}

/** The smallest flavour holding `needs` (workload + guest OS, kernel units) in CPU, memory and disk. */
export function chooseFlavour(needs: Vector, ordered: readonly Flavour[]): Flavour | undefined {
  return ordered.find((f) => {
    const v = flavourVector(f);
    return v[0] >= needs[0] && v[1] >= needs[1] && v[2] >= needs[2];
  });
}

/** Host CPU (millicores) the hypervisor spends for a VM using `usedCpu` millicores. */
export function cpuVirtualisationMillicores(usedCpu: number, p: VmModelParams): number {
  return Math.round(usedCpu * p.cpuVirtualisationOverhead);
}

/** Extra host bandwidth (Mbps) provisioned for a VM using `usedMbps`. */
export function ioVirtualisationMbps(usedMbps: number, p: VmModelParams): number {
  return Math.round(usedMbps * p.ioVirtualisationOverhead);
}

/** Packed demand and its parts for one VM of `flavour` holding `workload` (kernel units). */
export function vmItem(workload: Vector, flavour: Flavour, p: VmModelParams): { demand: Vector; parts: ItemParts } {
  const guestOs = guestOsVector(p);
  const size = flavourVector(flavour);
  const needs = addVectors(workload, guestOs);
  const flavourRounding: Vector = [size[0] - needs[0], size[1] - needs[1], size[2] - needs[2], 0];
  const hypervisor: Vector = [cpuVirtualisationMillicores(needs[0], p), vmOverheadMiB(p, flavour.vcpus, flavour.memoryGiB), 0, ioVirtualisationMbps(workload[3], p)];
  const demand: Vector = [size[0] + hypervisor[0], size[1] + hypervisor[1], size[2], workload[3] + hypervisor[3]];
  return { demand, parts: { workload, guestOs, flavourRounding, hypervisor } };
}

/** Per-host capacity under the VM model, with what the reservation holds back and what overcommit adds. */
export function vmHostCapacity(physical: Vector, p: VmModelParams): { allocatable: Vector; reserved: Vector; overcommit: Vector } {
  const extra = HYPERVISOR_PROFILES[p.platform].hostReserved;
  const reserved: Vector = [
    Math.min(physical[0], millicores(p.hypervisorReserved.cpuCores + (extra?.cpuCores ?? 0))),
    Math.min(physical[1], mibFromGiB(p.hypervisorReserved.memoryGiB) + (extra?.memoryMiB ?? 0)), 0, 0,
  ];
  const cpu = physical[0] - reserved[0];
  const mem = physical[1] - reserved[1];
  const allocatable: Vector = [Math.floor(cpu * p.cpuOvercommit), Math.floor(mem * p.memoryOvercommit), physical[2], physical[3]];
  return { allocatable, reserved, overcommit: [allocatable[0] - cpu, allocatable[1] - mem, 0, 0] };
}

export function vmAllocatable(physical: Vector, p: VmModelParams): Vector {
  return vmHostCapacity(physical, p).allocatable;
}

export function expandVm(scenario: Scenario): Expansion {
  const p = scenario.deployment.vm;
  const ordered = flavourOrder(p.flavours);
  const guestOs = guestOsVector(p);
  const items: ItemGroup[] = [];
  const rejected: Rejection[] = [];
  for (const s of scenario.services) {
    if (s.replicas === 0) continue;
    const workload = workloadVector(s);
    const f = chooseFlavour(addVectors(workload, guestOs), ordered);
    if (!f) {
      // The schema rejects such scenarios; this guards scenarios built in code without parsing.
      rejected.push({ serviceId: s.id, count: s.replicas, reason: 'no-flavour',
        detail: `needs ${s.demand.cpuCores + p.guestOs.cpuCores} vCPU, ${s.demand.memoryGiB + p.guestOs.memoryGiB} GiB `
          + `and ${s.demand.diskGB + p.guestOs.diskGB} GB with the guest OS; the largest flavour is too small` });
      continue;
    }
    const { demand, parts } = vmItem(workload, f, p);
    items.push({ serviceId: s.id, tenant: s.tenant, count: s.replicas, demand, workload, flavour: f.id, parts });
  }
  const hosts = hostPool(scenario, (_m, physical) => ({ ...vmHostCapacity(physical, p), maxItems: 0 }));
  return { model: 'vm', items, hosts, rejected };
}
