// Optional scenario sections the simulator reads: utilisation traces, a trace per service, and the
// simulation settings. Defined here with zod like the rest of the format (loose objects, JSON-path errors);
// core/scenario/schema.ts carries them as optional root sections.
import { z } from 'zod';
import { SIMULATION_DEFAULTS } from '../defaults';

const id = z.string().regex(/^[A-Za-z0-9][A-Za-z0-9._:-]{0,127}$/,
  'expected an id: 1–128 letters, digits, ".", "_", ":" or "-", starting with a letter or digit');

export const traceSchema = z.looseObject({
  id,
  name: z.string().min(1).max(200).optional(),
  intervalSeconds: z.int().min(1).max(86400).describe('seconds between samples'),
  samples: z.array(z.number().min(0).max(1)).min(1).max(100000)
    .describe('utilisation as a fraction (0–1) of the service demand, one value per interval'),
  source: z.string().max(500).optional(),
});

const D = SIMULATION_DEFAULTS.containerInVm;

/** Pods in node VMs, node VMs on hosts: the two-level simulator's settings for a scenario. */
export const nodeVmSimulationSchema = z.looseObject({
  enabled: z.boolean().default(true).describe('simulate pods in node VMs beside VMs and pods on bare metal'),
  semantics: z.enum(['kubernetes', 'containercloudsim']).default(D.semantics)
    .describe('kubernetes: pods restart elsewhere, a cluster autoscaler adds and removes node VMs, requests decide fit; '
      + 'containercloudsim: containers migrate between node VMs (ContainerCloudSim 4.0 consolidation)'),
  nodeShape: z.looseObject({
    vcpus: z.int().min(1).max(4096),
    memoryGiB: z.number().positive().max(1e5),
    diskGB: z.number().min(0).max(1e6).default(0),
  }).optional().describe('one node VM; unset: deployment.containerInVm.nodeShape, else the static comparison\'s node-shape search'),
  minNodes: z.int().min(0).max(1e6).default(0).describe('node VMs the pool never goes below'),
  maxNodes: z.int().min(0).max(1e6).default(0).describe('most node VMs at once; 0 = as many as the hosts hold'),
  nodeProvisionSeconds: z.number().min(0).max(86400).optional()
    .describe('from a scale-up to a node ready for pods; unset: deployment.vm.provisionSeconds + bootSeconds + deployment.containerInVm.nodeJoinSeconds'),
  autoscaler: z.looseObject({
    scaleDownUtilisation: z.number().min(0).max(1).default(D.autoscaler.scaleDownUtilisation)
      .describe('a node whose requested CPU and memory are both below this share of its allocatable is unneeded'),
    scaleDownUnneededSeconds: z.number().min(0).max(86400).default(D.autoscaler.scaleDownUnneededSeconds)
      .describe('an unneeded node is drained (its pods restarted elsewhere) and removed after this long'),
    scoring: z.enum(['most-allocated', 'least-allocated']).default(D.autoscaler.scoring)
      .describe('kube-scheduler NodeResourcesFit: bin-pack onto the fullest node, or spread onto the emptiest'),
  }).prefault({}),
  containercloudsim: z.looseObject({
    overloadThreshold: z.number().gt(0).max(1).default(D.containercloudsim.overloadThreshold),
    underloadThreshold: z.number().min(0).max(1).default(D.containercloudsim.underloadThreshold),
    overbookingPercentile: z.number().min(0).max(100).default(D.containercloudsim.overbookingPercentile)
      .describe('a container fits a node VM when this percentile of its demand fits (0 = its full size)'),
    quirks: z.array(z.string().min(1).max(64)).default([]).describe('ContainerCloudSim 4.0 behaviours to keep (core/sim/cis/quirks.ts)'),
  }).prefault({}),
});

export const simulationSchema = z.looseObject({
  policy: z.string().min(1).max(40).default(SIMULATION_DEFAULTS.policy)
    .describe('npa, dvfs or <thr|iqr|mad|lr|lrr>-<mmt|mc|mu|rs>-<parameter>'),
  intervalSeconds: z.int().min(1).max(86400).default(SIMULATION_DEFAULTS.intervalSeconds),
  durationSeconds: z.number().min(1).max(31 * 86400).optional().describe('defaults to the length of the traces'),
  quirks: z.array(z.string().min(1).max(64)).default([]).describe('CloudSim 4.0 behaviours to keep (core/sim/quirks.ts)'),
  initialPlacement: z.enum(['pabfd', 'first-fit', 'static-plan']).default(SIMULATION_DEFAULTS.initialPlacement)
    .describe('static-plan starts from the placement engine\'s plan (hybrid)'),
  reoptimiseEverySeconds: z.number().min(0).max(31 * 86400).default(0)
    .describe('hybrid: consolidate (evacuate underloaded hosts) only this often; 0 = every interval'),
  migrationBudget: z.int().min(0).max(1e7).default(0).describe('hybrid: moves allowed per re-optimisation; 0 = unlimited'),
  hostBootSeconds: z.number().min(0).max(3600).default(SIMULATION_DEFAULTS.hostBootSeconds)
    .describe('a move to a switched-off host waits this long for it to boot'),
  hostShutdownSeconds: z.number().min(0).max(86400).default(SIMULATION_DEFAULTS.hostShutdownSeconds)
    .describe('an emptied host idles (at idle power, ready without boot) this long before it switches off'),
  autoscaling: z.looseObject({
    enabled: z.boolean().default(false).describe('scale replicas of services with a trace from their utilisation (HPA)'),
    targetUtilisation: z.number().gt(0).max(1).default(SIMULATION_DEFAULTS.autoscaling.targetUtilisation),
    tolerance: z.number().min(0).max(1).default(SIMULATION_DEFAULTS.autoscaling.tolerance),
    stabilisationSeconds: z.number().min(0).max(86400).default(SIMULATION_DEFAULTS.autoscaling.stabilisationSeconds),
    minReplicas: z.int().min(1).max(1e6).default(1),
    maxReplicasFactor: z.number().min(1).max(100).default(SIMULATION_DEFAULTS.autoscaling.maxReplicasFactor)
      .describe('most replicas a service may reach, as a multiple of its planned replicas'),
  }).prefault({}),
  seed: z.int().min(0).max(2 ** 31 - 1).default(1),
  containerInVm: nodeVmSimulationSchema.prefault({}).describe('the third column: pods in node VMs on hosts (core/sim/cis)'),
});

export type Trace = z.output<typeof traceSchema>;
export type SimulationSettings = z.output<typeof simulationSchema>;

export const tracesSchema = z.array(traceSchema);
