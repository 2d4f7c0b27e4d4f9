// Host power at a utilisation, linear between the 11 SPECpower points, with the exact arithmetic of
// CloudSim's PowerModelSpecPower. Mirrors core/sim/reference/power.ts: the reference divides (p2 − p1) / 10
// and u1 / 10 at every call; here both quotients come from tables filled once per run with the same divisions
// (so the same values), and powerAt does no division.
import { modelPower } from './arena';
import { f64At, setF64 } from './mem';

let pDelta: usize = 0; // f64[models × 11]: (p[k + 1] − p[k]) / 10, the slope between points k and k + 1 (k < 10)
let pTenth: usize = 0; // f64[11]: k / 10

/** Lays the tables out from `at`; returns the end. */
export function layoutPower(at: usize, models: i32): usize {
  pDelta = at; at += <usize>models * 11 * 8;
  pTenth = at; at += 11 * 8;
  return at;
}

export function preparePower(models: i32): void {
  for (let m = 0; m < models; m++) {
    for (let k = 0; k < 10; k++) setF64(pDelta, m * 11 + k, (f64At(modelPower, m * 11 + k + 1) - f64At(modelPower, m * 11 + k)) / 10);
    setF64(pDelta, m * 11 + 10, 0);
  }
  for (let k = 0; k <= 10; k++) setF64(pTenth, k, <f64>k / 10);
}

export function powerAt(model: i32, u: f64): f64 {
  const base = model * 11;
  const x = u * 10;
  // ⌊x⌋ by truncation where x ≥ 0 (the same integer below 2³¹, where the table is read; no rounding instruction on
  // the path every price takes), by floor elsewhere (negative or NaN).
  let u1: i32, lower: f64;
  if (x >= 0) { u1 = <i32>x; lower = <f64>u1; } else { lower = floor(x); u1 = <i32>lower; }
  const p1 = f64At(modelPower, base + u1);
  // The reference's u2 = ⌈u·10⌉ is u1 + 1, or u1 where u·10 is whole (⌈x⌉ = ⌊x⌋ exactly when ⌊x⌋ = x: one
  // rounding and one conversion instead of two each); where equal its delta is (p1 − p1) / 10 = 0.
  const delta: f64 = lower == x ? 0 : f64At(pDelta, base + u1);
  return p1 + delta * (u - f64At(pTenth, u1)) * 100;
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
  return intervalEnergyOf(fromPower, toPower, seconds);
}

@inline export function intervalEnergyOf(fromPower: f64, toPower: f64, seconds: f64): f64 {
  return (fromPower + (toPower - fromPower) / 2) * seconds;
}
