// The two-level simulator's raw totals and series as the planner's metrics, named after the columns
// ContainerCloudSim's HelperEx.printResultsNew writes (containercloudsim.md, "Metrics").
import * as abi from '../../../assembly/cis/abi';
import type { CisRaw } from './spec';

export interface CisTotals {
  readonly energyKWh: number;
  /** Container moves started (ContainerCloudSim's totalContainerMigration) or pod restarts (Kubernetes). */
  readonly containerMigrations: number;
  /** Node VMs are never live-migrated in either model. */
  readonly vmMigrations: number;
  /** Node VMs created after start-up (totalVmCreated). */
  readonly vmsCreated: number;
  readonly vmsRemoved: number;
  /** (Σ requested − Σ allocated) ÷ Σ requested over VM state records. */
  readonly slaOverall: number;
  /** Mean shortfall fraction over VM intervals that had one. */
  readonly slaAverage: number;
  /** SLATAH: share of active host time with allocated < requested. */
  readonly slaTimePerActiveHost: number;
  /** Host-ticks with measured utilisation above the overload threshold (numberOfOverUtilization). */
  readonly overUtilizedHostTicks: number;
  readonly hostShutdowns: number;
  readonly meanTimeBeforeHostShutdown: number | null;
  readonly meanActiveHosts: number;
  readonly stdActiveHosts: number;
  readonly meanActiveVms: number;
  readonly stdActiveVms: number;
  /** Mean per-tick energy, W·s (meanDatacenterEnergy). */
  readonly meanTickEnergyWs: number;
  /** Container-seconds without service: moves and restarts under way, pods pending or starting. */
  readonly unavailableContainerSeconds: number;
  readonly pendingPodTicks: number;
  /** Kubernetes: node VMs the autoscaler added for pending pods. */
  readonly scaleUps: number;
  readonly failedPlacements: number;
  readonly ticks: number;
  readonly simulatedSeconds: number;
}

export interface CisSeries {
  readonly time: number[];
  readonly activeHosts: number[];
  readonly activeVms: number[];
  readonly powerW: number[];
  readonly energyKWh: number[];
  readonly moves: number[];
  readonly vmsCreated: number[];
  readonly overloadedHosts: number[];
  readonly requested: number[];
  readonly allocated: number[];
  readonly containers: number[];
  readonly pending: number[];
  readonly hostShutdowns: number[];
}

const ratio = (a: number, b: number): number => (b > 0 ? a / b : 0);
/** Sample standard deviation (n − 1) from Σx and Σx², as commons-math's StandardDeviation. */
const sampleStd = (sum: number, sq: number, n: number): number => (n > 1 ? Math.sqrt(Math.max(0, (sq - sum * sum / n) / (n - 1))) : 0);

export function cisTotals(raw: CisRaw): CisTotals {
  const T = raw.totals, n = T[abi.CT_STEPS];
  const shutdowns = T[abi.CT_SHUTDOWNS];
  return {
    energyKWh: T[abi.CT_ENERGY_WS] / 3.6e6,
    containerMigrations: T[abi.CT_CONTAINER_MIGRATIONS],
    vmMigrations: T[abi.CT_VM_MIGRATIONS],
    vmsCreated: T[abi.CT_VMS_CREATED],
    vmsRemoved: T[abi.CT_VMS_REMOVED],
    slaOverall: ratio(T[abi.CT_REQUESTED_TIME] - T[abi.CT_ALLOCATED_TIME], T[abi.CT_REQUESTED_TIME]),
    slaAverage: ratio(T[abi.CT_SHORTFALL_SUM], T[abi.CT_SHORTFALL_COUNT]),
    slaTimePerActiveHost: ratio(T[abi.CT_VIOLATION_TIME], T[abi.CT_ACTIVE_TIME]),
    overUtilizedHostTicks: T[abi.CT_OVERLOADED_TICKS],
    hostShutdowns: shutdowns,
    meanTimeBeforeHostShutdown: shutdowns > 0 ? T[abi.CT_SHUTDOWN_PERIOD_SUM] / shutdowns : null,
    meanActiveHosts: ratio(T[abi.CT_ACTIVE_HOSTS_SUM], n),
    stdActiveHosts: sampleStd(T[abi.CT_ACTIVE_HOSTS_SUM], T[abi.CT_ACTIVE_HOSTS_SQ], n),
    meanActiveVms: ratio(T[abi.CT_ACTIVE_VMS_SUM], n),
    stdActiveVms: sampleStd(T[abi.CT_ACTIVE_VMS_SUM], T[abi.CT_ACTIVE_VMS_SQ], n),
    meanTickEnergyWs: ratio(T[abi.CT_ENERGY_WS], n),
    unavailableContainerSeconds: T[abi.CT_UNAVAILABLE],
    pendingPodTicks: T[abi.CT_PENDING_TICKS],
    scaleUps: T[abi.CT_SCALE_UPS],
    failedPlacements: T[abi.CT_FAILED_PLACEMENTS],
    ticks: n,
    simulatedSeconds: T[abi.CT_LAST_TIME],
  };
}

export function cisSeries(raw: CisRaw): CisSeries {
  const steps = raw.totals[abi.CT_STEPS];
  const col = (c: number, scale = 1) => Array.from({ length: steps }, (_, k) => raw.series[k * abi.CSERIES_COLS + c] * scale);
  return {
    time: col(abi.CS_TIME),
    activeHosts: col(abi.CS_ACTIVE_HOSTS),
    activeVms: col(abi.CS_ACTIVE_VMS),
    powerW: col(abi.CS_POWER_W),
    energyKWh: col(abi.CS_ENERGY_WS, 1 / 3.6e6),
    moves: col(abi.CS_MOVES),
    vmsCreated: col(abi.CS_VMS_CREATED),
    overloadedHosts: col(abi.CS_OVERLOADED),
    requested: col(abi.CS_REQUESTED),
    allocated: col(abi.CS_ALLOCATED),
    containers: col(abi.CS_CONTAINERS),
    pending: col(abi.CS_PENDING),
    hostShutdowns: col(abi.CS_SHUTDOWNS),
  };
}
