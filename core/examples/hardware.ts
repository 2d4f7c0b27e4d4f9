// Host models used by the bundled examples. Generic server classes, not vendor measurements: the power curves
// have the shape of published SPECpower_ssj2008 results for servers of that class (idle ≈ 20–30 % of peak).
import type { ScenarioInput } from '../scenario/schema';

type HostModelInput = ScenarioInput['hostModels'][number];

export const GENERAL_2S: HostModelInput = {
  id: 'gp-2s-64c', name: 'General purpose 2-socket, 64 cores', cores: 64, threadsPerCore: 2, memoryGiB: 512,
  diskGB: 7680, networkGbps: 25, powerWatts: [128, 196, 232, 266, 301, 338, 378, 421, 470, 525, 590], priceUSD: 21000,
};

export const COMPACT_1S: HostModelInput = {
  id: 'cp-1s-16c', name: 'Compact 1-socket, 16 cores', cores: 16, threadsPerCore: 2, memoryGiB: 128,
  diskGB: 1920, networkGbps: 10, powerWatts: [42, 61, 72, 82, 92, 103, 115, 128, 142, 158, 176], priceUSD: 6200,
};

export const MEMORY_2S: HostModelInput = {
  id: 'mem-2s-48c', name: 'Memory optimised 2-socket, 48 cores', cores: 48, threadsPerCore: 2, memoryGiB: 1536,
  diskGB: 3840, networkGbps: 25, powerWatts: [165, 231, 266, 298, 331, 366, 404, 445, 490, 540, 598], priceUSD: 34000,
};

export const EDGE_1U: HostModelInput = {
  id: 'edge-8c', name: 'Edge 1U, 8 cores', cores: 8, threadsPerCore: 2, memoryGiB: 64,
  diskGB: 960, networkGbps: 10, powerWatts: [28, 38, 44, 50, 56, 62, 69, 76, 84, 93, 103], priceUSD: 3100,
};

/** A flavour catalogue in the style of public clouds: 1–32 vCPUs at 2, 4 and 8 GiB per vCPU. */
export function cloudStyleFlavours(): { id: string; vcpus: number; memoryGiB: number; diskGB: number }[] {
  const families = [['c', 2], ['g', 4], ['m', 8]] as const;
  return families.flatMap(([family, gibPerVcpu]) => [1, 2, 4, 8, 16, 32].map((vcpus) =>
    ({ id: `${family}.${vcpus}x${vcpus * gibPerVcpu}`, vcpus, memoryGiB: vcpus * gibPerVcpu, diskGB: Math.max(20, vcpus * 40) })));
}
