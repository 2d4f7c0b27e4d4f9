// The resource dimensions the kernel packs, in the kernel's integer units. Scenario values (cores, GiB, GB,
// Mbps) are converted once, here, so sums in the kernel are exact integers.
export const DIMENSIONS = ['cpu', 'memory', 'disk', 'network'] as const;
export type Dimension = (typeof DIMENSIONS)[number];
export const DIMS = DIMENSIONS.length;

export const DIMENSION_UNIT: Record<Dimension, string> = {
  cpu: 'millicores',
  memory: 'MiB',
  disk: 'MB',
  network: 'Mbps',
};

export const millicores = (cores: number): number => Math.round(cores * 1000);
export const mibFromGiB = (gib: number): number => Math.round(gib * 1024);
export const mbFromGB = (gb: number): number => Math.round(gb * 1000);
export const mbpsFromGbps = (gbps: number): number => Math.round(gbps * 1000);

/** A demand or capacity vector in kernel units, indexed like DIMENSIONS. */
export type Vector = [cpu: number, memory: number, disk: number, network: number];

export const zeroVector = (): Vector => [0, 0, 0, 0];
export const addVectors = (a: Vector, b: Vector): Vector => [a[0] + b[0], a[1] + b[1], a[2] + b[2], a[3] + b[3]];
