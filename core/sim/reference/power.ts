// Host power at a utilisation, linear between the 11 SPECpower points (0, 10, …, 100 %), with the exact
// arithmetic of CloudSim's PowerModelSpecPower so energies agree bit for bit. The kernel mirrors it in
// assembly/sim/power.ts. u > 1 never reaches here: callers clamp or skip such hosts.
export function powerAt(table: Float64Array, model: number, u: number): number {
  const base = model * 11;
  // CloudSim first tests u % 0.1 == 0 and then reads the table directly; that only happens for u in
  // {0, 0.1, 0.2, 0.4, 0.8}, where u·10 is an integer and the interpolation below gives the same value.
  const u1 = Math.floor(u * 10) | 0;
  const u2 = Math.ceil(u * 10) | 0;
  const p1 = table[base + u1];
  const p2 = table[base + u2];
  const delta = (p2 - p1) / 10;
  return p1 + delta * (u - u1 / 10) * 100;
}

/** CloudSim HostDynamicWorkload.getUtilizationOfCpu: utilisation with (1, 1.01) rounded down to 1. */
export function clampUtilisation(mips: number, total: number): number {
  const u = mips / total;
  return u > 1 && u < 1.01 ? 1 : u;
}

/** CloudSim PowerHost.getEnergyLinearInterpolation over one interval, W·s. */
export function intervalEnergy(table: Float64Array, model: number, from: number, to: number, seconds: number,
  idleDrawsNothing: boolean): number {
  if (idleDrawsNothing && from === 0) return 0;
  const fromPower = powerAt(table, model, from > 1 ? 1 : from);
  const toPower = powerAt(table, model, to > 1 ? 1 : to);
  return (fromPower + (toPower - fromPower) / 2) * seconds;
}
