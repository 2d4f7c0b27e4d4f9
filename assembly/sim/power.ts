// Host power at a utilisation, linear between the 11 SPECpower points, with the exact arithmetic of
// CloudSim's PowerModelSpecPower. Mirrors core/sim/reference/power.ts.
import { modelPower } from './arena';
import { f64At } from './mem';

export function powerAt(model: i32, u: f64): f64 {
  const base = model * 11;
  const u1 = <i32>floor(u * 10);
  const u2 = <i32>ceil(u * 10);
  const p1 = f64At(modelPower, base + u1);
  const p2 = f64At(modelPower, base + u2);
  const delta = (p2 - p1) / 10;
  return p1 + delta * (u - <f64>u1 / 10) * 100;
}

/** Utilisation with (1, 1.01) rounded down to 1, as HostDynamicWorkload.getUtilizationOfCpu does. */
@inline export function clampUtilisation(mips: f64, total: f64): f64 {
  const u = mips / total;
  return u > 1 && u < 1.01 ? 1 : u;
}

/** PowerHost.getEnergyLinearInterpolation over one interval, W·s. */
export function intervalEnergy(model: i32, from: f64, to: f64, seconds: f64, idleDrawsNothing: bool): f64 {
  if (idleDrawsNothing && from == 0) return 0;
  const fromPower = powerAt(model, from > 1 ? 1 : from);
  const toPower = powerAt(model, to > 1 ? 1 : to);
  return (fromPower + (toPower - fromPower) / 2) * seconds;
}
