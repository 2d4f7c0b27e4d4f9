// Turns the kernel's raw totals and series into the planner's metrics (Beloglazov & Buyya 2012, §6;
// definitions as CloudSim's Helper.printResults computes them — see cloudsim-planetlab.md "Metrics").
import * as abi from '../../assembly/sim/abi';
import type { SimRaw } from './spec';

export interface SimTotals {
  /** Energy over the run, kWh. */
  readonly energyKWh: number;
  /** Share of active host time with allocated < requested CPU. */
  readonly slatah: number;
  /** Performance degradation due to migration: CPU shortfall while moving ÷ CPU requested. */
  readonly pdm: number;
  /** SLATAH × PDM. */
  readonly slav: number;
  /** Energy × SLAV. */
  readonly esv: number;
  /** (requested − allocated) ÷ requested over all item time. */
  readonly overallSlaViolation: number;
  /** Mean shortfall fraction over item intervals that had one. */
  readonly averageSlaViolation: number;
  /** Live migrations and container restarts started. */
  readonly migrations: number;
  readonly restarts: number;
  /** Host active → idle transitions. */
  readonly hostShutdowns: number;
  /** Mean length of a host's active period before it shuts down, s (CloudSim's "time before a host shutdown"). */
  readonly meanActivePeriodSeconds: number | null;
  /** Mean migration / restart duration, s (CloudSim prints it as "time before a VM migration"). */
  readonly meanMigrationSeconds: number | null;
  /** Items removed because their demand fell to exactly 0 (CloudSim quirk). */
  readonly itemsRemoved: number;
  readonly failedPlacements: number;
  /** Replica-seconds without service (moves of containers, starting replicas). */
  readonly unavailableReplicaSeconds: number;
  readonly scaleEvents: number;
  /** Simulated time covered, s. */
  readonly simulatedSeconds: number;
}

/** One row per scheduling tick, as plain number arrays (easy to chart and to serialise). */
export interface SimSeries {
  readonly time: number[];
  readonly activeHosts: number[];
  readonly powerW: number[];
  readonly energyKWh: number[];
  readonly migrations: number[];
  readonly overloadedHosts: number[];
  readonly requested: number[];
  readonly allocated: number[];
  readonly items: number[];
  readonly hostShutdowns: number[];
}

const ratio = (a: number, b: number): number => (b > 0 ? a / b : 0);

export function simTotals(raw: SimRaw): SimTotals {
  const T = raw.totals;
  const energyKWh = T[abi.T_ENERGY_WS] / (3600 * 1000);
  const slatah = ratio(T[abi.T_VIOLATION_TIME], T[abi.T_ACTIVE_TIME]);
  const pdm = ratio(T[abi.T_UNDER_MIGRATION], T[abi.T_REQUESTED]);
  const slav = slatah * pdm;
  const shutdowns = T[abi.T_SHUTDOWNS];
  return {
    energyKWh, slatah, pdm, slav, esv: energyKWh * slav,
    overallSlaViolation: ratio(T[abi.T_REQUESTED] - T[abi.T_ALLOCATED], T[abi.T_REQUESTED]),
    averageSlaViolation: ratio(T[abi.T_SHORTFALL_SUM], T[abi.T_SHORTFALL_COUNT]),
    migrations: T[abi.T_MIGRATIONS],
    restarts: T[abi.T_RESTARTS],
    hostShutdowns: shutdowns,
    meanActivePeriodSeconds: shutdowns > 0 ? T[abi.T_ACTIVE_PERIOD_SUM] / shutdowns : null,
    meanMigrationSeconds: T[abi.T_MOVE_DURATION_COUNT] > 0 ? T[abi.T_MOVE_DURATION_SUM] / T[abi.T_MOVE_DURATION_COUNT] : null,
    itemsRemoved: T[abi.T_REMOVED],
    failedPlacements: T[abi.T_FAILED_PLACEMENTS],
    unavailableReplicaSeconds: T[abi.T_UNAVAILABLE],
    scaleEvents: T[abi.T_SCALE_EVENTS],
    simulatedSeconds: T[abi.T_LAST_TIME],
  };
}

export function simSeries(raw: SimRaw): SimSeries {
  const steps = raw.totals[abi.T_STEPS];
  const col = (c: number, scale = 1) => Array.from({ length: steps }, (_, k) => raw.series[k * abi.SERIES_COLS + c] * scale);
  return {
    time: col(abi.S_TIME),
    activeHosts: col(abi.S_ACTIVE_HOSTS),
    powerW: col(abi.S_POWER_W),
    energyKWh: col(abi.S_ENERGY_WS, 1 / 3.6e6),
    migrations: col(abi.S_MIGRATIONS),
    overloadedHosts: col(abi.S_OVERLOADED),
    requested: col(abi.S_REQUESTED),
    allocated: col(abi.S_ALLOCATED),
    items: col(abi.S_ITEMS),
    hostShutdowns: col(abi.S_SHUTDOWNS),
  };
}
