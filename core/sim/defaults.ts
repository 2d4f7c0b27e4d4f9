// Defaults of the dynamic simulation (scenario `simulation` section), with their sources. Kept beside
// defaults.ts (which the deployment models own) and listed in the same DocumentedDefault form.
import type { DocumentedDefault } from '../model/defaults';

export const SIMULATION_DEFAULTS = {
  policy: 'thr-mmt-0.8',
  intervalSeconds: 300,
  initialPlacement: 'pabfd' as const,
  hostBootSeconds: 0,
  fallbackThreshold: 0.7,
  historyLength: 30,
  regressionWindow: 10,
  minHistory: 12,
  autoscaling: { targetUtilisation: 0.7, tolerance: 0.1, stabilisationSeconds: 300, maxReplicasFactor: 3 },
};

export const SIMULATION_DOCUMENTED_DEFAULTS: readonly DocumentedDefault[] = [
  { path: 'simulation.policy', value: SIMULATION_DEFAULTS.policy, unit: 'policy',
    source: 'Beloglazov & Buyya, CCPE 2012: THR-MMT-0.8, the static-threshold benchmark policy of the paper' },
  { path: 'simulation.intervalSeconds', value: 300, unit: 'seconds',
    source: 'Beloglazov & Buyya, CCPE 2012 and CloudSim: 5-minute scheduling interval, the PlanetLab sampling period' },
  { path: 'simulation.initialPlacement', value: 'pabfd', unit: 'algorithm',
    source: 'Power-aware best fit decreasing (Beloglazov & Buyya 2012, Algorithm 1)' },
  { path: 'simulation.hostBootSeconds', value: 0, unit: 'seconds', source: 'CloudSim 4.0: hosts switch on and off instantly' },
  { path: 'simulation (fallback threshold)', value: 0.7, unit: 'utilisation',
    source: 'CloudSim 4.0 RunnerAbstract: THR 0.7 while IQR/MAD/LR lack history' },
  { path: 'simulation (history length)', value: 30, unit: 'intervals', source: 'CloudSim 4.0 PowerVm.HISTORY_LENGTH' },
  { path: 'simulation (regression window)', value: 10, unit: 'intervals',
    source: 'CloudSim 4.0 PowerVmAllocationPolicyMigrationLocalRegression: last 10 points' },
  { path: 'simulation.autoscaling.targetUtilisation', value: 0.7, unit: 'share of a replica', source: 'Planning assumption: a common HPA CPU target (Kubernetes examples use 50 %)' },
  { path: 'simulation.autoscaling.tolerance', value: 0.1, unit: 'ratio', source: 'Kubernetes HPA --horizontal-pod-autoscaler-tolerance default 0.1' },
  { path: 'simulation.autoscaling.stabilisationSeconds', value: 300, unit: 'seconds',
    source: 'Kubernetes HPA behavior.scaleDown.stabilizationWindowSeconds default 300' },
  { path: 'simulation.autoscaling.maxReplicasFactor', value: 3, unit: 'multiple of planned replicas', source: 'Planning assumption' },
  { path: 'simulation (IQR/MAD minimum history)', value: 12, unit: 'intervals',
    source: 'CloudSim 4.0: "12 has been suggested as a safe value"' },
];
