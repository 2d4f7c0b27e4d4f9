// EC2 instance types for EKS node sizing: vCPUs, memory and the network interfaces that bound the pods per
// node under the Amazon VPC CNI (one IPv4 per pod, the primary address of each ENI excluded, plus 2 for
// host-network pods):   max pods = ENIs × (IPv4 addresses per ENI − 1) + 2
// The types are those whose max pods the reference quotes from eni-max-pods.txt, and the test checks the
// formula against those figures.
import { CHECKED, type PlatformSource } from './source';

export interface InstanceType {
  readonly id: string;
  readonly vcpus: number;
  readonly memoryGiB: number;
  readonly enis: number;
  readonly ipv4PerEni: number;
}

export const EC2_NETWORK_SOURCE: PlatformSource = {
  title: 'Amazon EC2 User Guide, "Maximum IP addresses per network interface" (network interfaces and IPv4 addresses per interface, by instance type)',
  url: 'https://docs.aws.amazon.com/AWSEC2/latest/UserGuide/AvailableIpPerENI.html', version: 'EC2, 2026', checked: CHECKED,
};
export const MAX_PODS_SOURCE: PlatformSource = {
  title: 'Amazon EKS AMI max-pods-calculator.sh (ENIs × (IPs per ENI − 1) + 2) and eni-max-pods.txt',
  url: 'awslabs/amazon-eks-ami files/max-pods-calculator.sh, files/eni-max-pods.txt', version: 'Amazon Linux 2 EKS AMI', checked: CHECKED,
};

export const EC2_INSTANCES: readonly InstanceType[] = [
  { id: 'm5.large', vcpus: 2, memoryGiB: 8, enis: 3, ipv4PerEni: 10 },
  { id: 'm5.xlarge', vcpus: 4, memoryGiB: 16, enis: 4, ipv4PerEni: 15 },
  { id: 'm5.2xlarge', vcpus: 8, memoryGiB: 32, enis: 4, ipv4PerEni: 15 },
  { id: 'm5.4xlarge', vcpus: 16, memoryGiB: 64, enis: 8, ipv4PerEni: 30 },
  { id: 'm5.16xlarge', vcpus: 64, memoryGiB: 256, enis: 15, ipv4PerEni: 50 },
];

export function instanceType(id: string): InstanceType | undefined {
  return EC2_INSTANCES.find((t) => t.id === id);
}

/** Pods per node under the VPC CNI without prefix delegation. */
export function eniMaxPods(t: InstanceType): number {
  return t.enis * (t.ipv4PerEni - 1) + 2;
}
