// CloudSim 4.0 behaviours the beloglazov2012 preset keeps (they change the published numbers), by name, so
// a planner can switch each off and run the corrected model. Descriptions are shown in the CLI and UI.
import * as abi from '../../assembly/sim/abi';

export interface Quirk {
  readonly name: string;
  readonly flag: number;
  readonly description: string;
}

export const QUIRKS: readonly Quirk[] = [
  { name: 'vanish-at-zero', flag: abi.QUIRK_VANISH_AT_ZERO,
    description: 'a VM whose CPU demand is exactly 0 is treated as finished and removed for the rest of the run (CloudSim getCompletedVms); corrected: VMs live until the trace ends' },
  { name: 'idle-draws-nothing', flag: abi.QUIRK_IDLE_DRAWS_NOTHING,
    description: 'energy is 0 over an interval that starts at 0 % utilisation, so an idle host counts as off and free to switch (PowerHost.getEnergyLinearInterpolation); corrected: a host with VMs draws its idle power' },
  { name: 'lr-unweighted', flag: abi.QUIRK_LR_UNWEIGHTED,
    description: 'LR and LRR never apply their loess weights (a condition in MathUtil.createWeigthedLinearRegression), so both are plain least squares and identical; corrected: tricube and bisquare weights' },
  { name: 'memory-at-creation-only', flag: abi.QUIRK_MEMORY_AT_CREATION_ONLY,
    description: 'VM memory and bandwidth are reserved only while VMs are created at t = 0 (the traces give no memory demand, so requests drop to 0 afterwards); corrected: memory is reserved and checked on every placement' },
  { name: 'sticky-migrating-out', flag: abi.QUIRK_STICKY_MIGRATING_OUT,
    description: "a host keeps a VM in its migrating-out set after the VM left (VmSchedulerTimeShared), which would give a VM migrating back 90 % instead of 10 % there; in CloudSim's own flow the placement's trial creation clears the entry first, so the published runs do not change; corrected: the set is cleared when the VM leaves" },
  { name: 'underload-keeps-targets', flag: abi.QUIRK_UNDERLOAD_KEEPS_TARGETS,
    description: 'hosts that just received VMs from overloaded hosts may still be evacuated as underloaded (an empty list is passed where those hosts were meant); corrected: they are excluded' },
];

export const ALL_QUIRK_FLAGS = QUIRKS.reduce((m, q) => m | q.flag, 0);

/** Parses a comma-separated list of quirk names ("all" for every one) into a flag mask, or an error text. */
export function parseQuirkNames(text: string): number | string {
  let mask = 0;
  for (const raw of text.split(',').map((s) => s.trim()).filter(Boolean)) {
    if (raw === 'all') { mask |= ALL_QUIRK_FLAGS; continue; }
    const q = QUIRKS.find((x) => x.name === raw);
    if (!q) return `unknown quirk "${raw}"; known: ${QUIRKS.map((x) => x.name).join(', ')}, all`;
    mask |= q.flag;
  }
  return mask;
}

export function quirkNames(mask: number): string[] {
  return QUIRKS.filter((q) => (mask & q.flag) !== 0).map((q) => q.name);
}
