// The overheads calculator: one VM's overhead memory, one Kubernetes node's reservations and allocatable
// capacity, and one pod's overhead, each with the rule and the sources behind it. `hostfit overheads` prints
// it; the app's "where does this number come from" view shows it for the scenario's platforms and flavours.
// Figures are the profiles' exact values; the deployment models round a VM's overhead and a node's reservation
// up to whole MiB and millicores.
import type { ContainerModelParams, Scenario, VmModelParams } from '../../scenario/schema';
import { containerModelSchema, vmModelSchema } from '../../scenario/schema';
import { EC2_NETWORK_SOURCE, eniMaxPods, instanceType, MAX_PODS_SOURCE, type InstanceType } from './eks-instances';
import { HYPERVISOR_PROFILES, vmOverheadMiB, type HypervisorPlatformId } from './hypervisors';
import { KUBERNETES_PROFILES, type KubernetesPlatformId } from './kubernetes';
import { podFixedOverhead, RUNTIME_PROFILE_TABLE, type Measured, type RuntimeClassId } from './runtimes';
import type { PlatformSource } from './source';

export interface Size {
  readonly vcpus: number;
  readonly memoryGiB: number;
}

export interface CalculatorInput {
  readonly hypervisor?: HypervisorPlatformId;
  readonly kubernetes?: KubernetesPlatformId;
  readonly vm?: Size;
  readonly node?: Size;
  /** EC2 instance type: the node's size and (for EKS) its max pods from its network interfaces. */
  readonly instance?: string;
  readonly maxPods?: number;
  readonly runtime?: RuntimeClassId;
  /** The scenario's parameters (generic profiles, gVisor and kata overheads); the defaults when absent. */
  readonly vmParams?: VmModelParams;
  readonly containerParams?: ContainerModelParams;
}

export interface VmReport {
  readonly platform: HypervisorPlatformId;
  readonly name: string;
  readonly vcpus: number;
  readonly memoryGiB: number;
  readonly overheadMiB: number;
  /** What the VM model charges per VM (whole MiB). */
  readonly modelMiB: number;
  readonly how: string;
  readonly rule: string;
  readonly sources: readonly PlatformSource[];
}

export interface NodeReport {
  readonly platform: KubernetesPlatformId;
  readonly name: string;
  readonly vcpus: number;
  readonly memoryGiB: number;
  readonly instance?: string;
  readonly maxPods: number;
  readonly maxPodsHow: string;
  readonly reserved: { readonly cpuCores: number; readonly memoryGiB: number; readonly memoryMiB: number; readonly cpuHow: string; readonly memoryHow: string };
  readonly eviction: { readonly memoryMiB: number; readonly how: string };
  /** capacity − reserved − eviction threshold. */
  readonly allocatable: { readonly cpuCores: number; readonly memoryGiB: number };
  readonly rule: string;
  readonly sources: readonly PlatformSource[];
}

export interface PodReport {
  readonly runtime: RuntimeClassId;
  readonly name: string;
  readonly overhead: { readonly cpuCores: number; readonly memoryMiB: number };
  /** True: upstream's RuntimeClass overhead; false: the scenario's podOverhead parameter. */
  readonly published: boolean;
  readonly measured: Measured;
  readonly sources: readonly PlatformSource[];
}

export interface OverheadReport {
  readonly vm?: VmReport;
  readonly node?: NodeReport;
  readonly pod?: PodReport;
}

export class CalculatorError extends Error {}

const round = (x: number, digits = 6) => Number(x.toFixed(digits));

export function vmReport(platform: HypervisorPlatformId, size: Size, params?: VmModelParams): VmReport {
  const p = { ...(params ?? vmModelSchema.parse({})), platform };
  const profile = HYPERVISOR_PROFILES[platform];
  const o = profile.vmOverhead(size.vcpus, size.memoryGiB, p);
  return {
    platform, name: profile.name, vcpus: size.vcpus, memoryGiB: size.memoryGiB, overheadMiB: round(o.overheadMiB, 4),
    modelMiB: vmOverheadMiB(p, size.vcpus, size.memoryGiB), how: o.how, rule: profile.rule, sources: profile.sources,
  };
}

export function nodeReport(platform: KubernetesPlatformId, size: Size, maxPods: { value: number; how: string; instance?: InstanceType }, params?: ContainerModelParams): NodeReport {
  const p = { ...(params ?? containerModelSchema.parse({})), platform };
  const profile = KUBERNETES_PROFILES[platform];
  const cpu = size.vcpus * 1000, mem = size.memoryGiB * 1024;
  const r = profile.reserve(cpu, mem, maxPods.value, p);
  const extra = maxPods.instance ? [EC2_NETWORK_SOURCE, MAX_PODS_SOURCE] : [];
  return {
    platform, name: profile.name, vcpus: size.vcpus, memoryGiB: size.memoryGiB, instance: maxPods.instance?.id,
    maxPods: maxPods.value, maxPodsHow: maxPods.how,
    reserved: { cpuCores: round(r.cpuMillicores / 1000), memoryGiB: round(r.memoryMiB / 1024), memoryMiB: round(r.memoryMiB, 4), cpuHow: r.how.cpu, memoryHow: r.how.memory },
    eviction: { memoryMiB: r.evictionMiB, how: r.how.eviction },
    allocatable: { cpuCores: round(Math.max(0, cpu - r.cpuMillicores) / 1000), memoryGiB: round(Math.max(0, mem - r.memoryMiB - r.evictionMiB) / 1024) },
    rule: profile.rule, sources: [...profile.sources, ...extra],
  };
}

export function podReport(runtime: RuntimeClassId, params?: ContainerModelParams): PodReport {
  const p = { ...(params ?? containerModelSchema.parse({})), runtimeClass: runtime };
  const profile = RUNTIME_PROFILE_TABLE[runtime];
  const o = podFixedOverhead(p);
  return {
    runtime, name: profile.name, overhead: { cpuCores: o.cpuCores, memoryMiB: o.memoryMiB }, published: o.published,
    measured: profile.measured, sources: profile.sources,
  };
}

/** The pods per node a formula uses: --max-pods, else the instance's ENI figure, else the scenario's (kubelet's 110). */
export function resolveMaxPods(input: Pick<CalculatorInput, 'maxPods' | 'instance' | 'containerParams'>): { value: number; how: string; instance?: InstanceType } {
  const t = input.instance === undefined ? undefined : instanceType(input.instance);
  if (input.instance !== undefined && !t) throw new CalculatorError(`unknown instance type "${input.instance}"`);
  if (input.maxPods !== undefined) return { value: input.maxPods, how: 'given', instance: t };
  if (t) return { value: eniMaxPods(t), how: `${t.id}: ${t.enis} ENIs × (${t.ipv4PerEni} IPv4 − 1) + 2`, instance: t };
  const limit = input.containerParams?.maxPodsPerNode ?? containerModelSchema.parse({}).maxPodsPerNode;
  return { value: limit, how: input.containerParams ? 'deployment.container.maxPodsPerNode' : 'kubelet --max-pods default' };
}

export function overheadReport(input: CalculatorInput): OverheadReport {
  let report: { vm?: VmReport; node?: NodeReport; pod?: PodReport } = {};
  if (input.vm) {
    if (!input.hypervisor) throw new CalculatorError('a VM size needs a hypervisor platform');
    report = { ...report, vm: vmReport(input.hypervisor, input.vm, input.vmParams) };
  }
  if (input.node || input.instance !== undefined) {
    if (!input.kubernetes) throw new CalculatorError('a node needs a Kubernetes platform');
    const pods = resolveMaxPods(input);
    const size = input.node ?? { vcpus: pods.instance!.vcpus, memoryGiB: pods.instance!.memoryGiB };
    report = { ...report, node: nodeReport(input.kubernetes, size, pods, input.containerParams) };
  }
  if (input.runtime) report = { ...report, pod: podReport(input.runtime, input.containerParams) };
  return report;
}

/** What the app's "where does this number come from" view shows for a scenario. */
export interface ScenarioPlatformReport {
  /** One VM per flavour of the catalogue (their overhead under deployment.vm.platform). */
  readonly flavours: readonly (VmReport & { readonly flavour: string })[];
  /** Kubernetes nodes: each host model as a bare-metal node, then the configured node VM shape (if any). */
  readonly nodes: readonly (NodeReport & { readonly label: string })[];
  readonly pod: PodReport;
}

export function scenarioPlatformReport(s: Scenario): ScenarioPlatformReport {
  const vm = s.deployment.vm, c = s.deployment.container;
  const pods = { value: c.maxPodsPerNode, how: 'deployment.container.maxPodsPerNode' };
  const shape = s.deployment.containerInVm.nodeShape;
  return {
    flavours: vm.flavours.map((f) => ({ ...vmReport(vm.platform, { vcpus: f.vcpus, memoryGiB: f.memoryGiB }, vm), flavour: f.id })),
    nodes: [
      ...s.hostModels.map((m) => ({ ...nodeReport(c.platform, { vcpus: m.cores * m.threadsPerCore, memoryGiB: m.memoryGiB }, pods, c), label: m.id })),
      ...(shape ? [{ ...nodeReport(c.platform, { vcpus: shape.vcpus, memoryGiB: shape.memoryGiB }, pods, c), label: 'node VM' }] : []),
    ],
    pod: podReport(c.runtimeClass, c),
  };
}
