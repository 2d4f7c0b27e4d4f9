// ContainerCloudSim 4.0 behaviours the containercloudsim2017 preset keeps (../shared/reference/containercloudsim.md,
// "Quirks"), by the names the reference gives them, so `--correct` can switch each off as for the VM preset
// (core/sim/quirks.ts). Descriptions are shown in the CLI and the app.
import * as abi from '../../../assembly/cis/abi';
import type { Quirk } from '../quirks';

export const CIS_QUIRKS: readonly Quirk[] = [
  { name: 'vm_demand_replicated_per_pe', flag: abi.CQ_VM_DEMAND_REPLICATED_PER_PE,
    description: 'a VM requests n · S: each of its n PEs asks for the whole sum S of its containers\' requests (capped per PE at the host PE); corrected: the VM requests S, capped at its n PEs' },
  { name: 'most_full_is_most_free', flag: abi.CQ_MOST_FULL_IS_MOST_FREE,
    description: '"MostFull" start-up placement picks the VM with the most free MIPS; corrected: the least free VM that fits' },
  { name: 'future_percentile_overbooking', flag: abi.CQ_FUTURE_PERCENTILE_OVERBOOKING,
    description: 'the fit test reserves the 80th percentile of the container\'s whole-day trace, known at t = 0; corrected: the percentile of the samples seen so far' },
  { name: 'stale_vm_free_mips', flag: abi.CQ_STALE_VM_FREE_MIPS,
    description: 'a VM\'s free MIPS subtract its containers\' requests of the previous tick (full sizes before the first pass); corrected: their current requests' },
  { name: 'empty_vms_destroyed', flag: abi.CQ_EMPTY_VMS_DESTROYED,
    description: 'VMs without containers vanish at the tick they are seen empty; corrected: an empty VM is shut down after the scale-down delay' },
  { name: 'idle_host_free', flag: abi.CQ_IDLE_HOST_FREE,
    description: 'an interval that starts at 0 % utilisation costs 0 W even for a host holding VMs; corrected: a host draws its idle power while it holds a VM' },
  { name: 'ram_bw_unenforced', flag: abi.CQ_RAM_BW_UNENFORCED,
    description: 'container RAM and bandwidth never constrain after start-up (their models read 0 once placed); corrected: nominal sizes are reserved and checked' },
  { name: 'delays_invisible', flag: abi.CQ_DELAYS_INVISIBLE,
    description: 'the 100 s VM and 0.4 s container start-up end before the next tick and cost nothing; corrected: they count as container-seconds without service' },
  { name: 'random_new_vm_host', flag: abi.CQ_RANDOM_NEW_VM_HOST,
    description: 'a new VM wakes a randomly drawn switched-off host (CloudSim: unseeded; here: the run\'s seed); corrected: the lowest-id switched-off host' },
  { name: 'new_vms_on_underloaded_hosts', flag: abi.CQ_NEW_VMS_ON_UNDERLOADED_HOSTS,
    description: 'containers no VM can take first go to new VMs packed onto underloaded hosts; corrected: straight to a new VM on a switched-off host' },
  { name: 'underload_least_first', flag: abi.CQ_UNDERLOAD_LEAST_FIRST,
    description: 'the least-utilised underloaded host is evacuated first (the code sorts "descending" and reverses it); corrected: the most utilised first, as named' },
  { name: 'vm_order_by_fraction_sum', flag: abi.CQ_VM_ORDER_BY_FRACTION_SUM,
    description: 'a host\'s VMs are tried in ascending sum of their containers\' utilisation fractions (a Java float); corrected: by the sum of their requests in MIPS' },
  { name: 'evacuation_phantoms', flag: abi.CQ_EVACUATION_PHANTOMS,
    description: 'a failed all-or-nothing evacuation leaves its tentative placements in the planning state until the end of the pass; corrected: they are rolled back' },
  { name: 'overload_requested_underload_measured', flag: abi.CQ_OVERLOAD_REQUESTED_UNDERLOAD_MEASURED,
    description: 'overload is judged on the requested utilisation of the tentative state, underload (and its order) on the measured one; corrected: requested for both' },
  { name: 'first_tick_phantom_shutdowns', flag: abi.CQ_FIRST_TICK_PHANTOM_SHUTDOWNS,
    description: 'the shutdown scan starts as if every host were active, so each host idle at the first tick counts one 300.2 s shutdown; corrected: it starts from the real initial state' },
];

export const ALL_CIS_QUIRK_FLAGS = CIS_QUIRKS.reduce((m, q) => m | q.flag, 0);

/** Comma-separated quirk names ("all" for every one) to a flag mask, or an error text. */
export function parseCisQuirkNames(text: string): number | string {
  let mask = 0;
  for (const raw of text.split(',').map((s) => s.trim()).filter(Boolean)) {
    if (raw === 'all') { mask |= ALL_CIS_QUIRK_FLAGS; continue; }
    const q = CIS_QUIRKS.find((x) => x.name === raw);
    if (!q) return `unknown quirk "${raw}"; known: ${CIS_QUIRKS.map((x) => x.name).join(', ')}, all`;
    mask |= q.flag;
  }
  return mask;
}

export function cisQuirkNames(mask: number): string[] {
  return CIS_QUIRKS.filter((q) => (mask & q.flag) !== 0).map((q) => q.name);
}
