// The platforms a scenario compares, in the planner's words: "VMs on VMware vSphere 6.5 and later vs pods on
// Amazon EKS with runc". Shown by `hostfit compare`, the comparison result and the app's results header.
import type { Scenario } from '../../scenario/schema';
import { HYPERVISOR_PROFILES } from './hypervisors';
import { KUBERNETES_PROFILES } from './kubernetes';
import { RUNTIME_PROFILE_TABLE } from './runtimes';

export interface ComparedPlatforms {
  readonly vm: string;
  readonly container: string;
  readonly runtimeClass: string;
  /** One line: what the comparison compared. */
  readonly text: string;
}

export function comparedPlatforms(s: Scenario): ComparedPlatforms {
  const vm = s.deployment.vm.platform, k8s = s.deployment.container.platform, rt = s.deployment.container.runtimeClass;
  const hv = HYPERVISOR_PROFILES[vm].name, kube = KUBERNETES_PROFILES[k8s].name;
  const text = `VMs on ${hv} vs pods on ${kube} with ${RUNTIME_PROFILE_TABLE[rt].name}; pods in node VMs: ${kube} nodes as VMs on ${hv}`;
  return { vm, container: k8s, runtimeClass: rt, text };
}
