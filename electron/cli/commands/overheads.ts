// `hostfit overheads --platform <id> [--platform <k8s-id>] [--vm <vcpus>x<GiB>] [--node <vcpus>x<GiB>]
// [--instance <type>] [--max-pods N] [--runtime <class>] [--json]`: the platform profiles' overheads on their
// own (core/model/platforms): one VM's overhead memory, one node's reservations and allocatable CPU and memory,
// one pod's overhead, each with its rule and sources.
import { parseArgs } from 'node:util';
import {
  CalculatorError, describeSource, EC2_INSTANCES, HYPERVISOR_PLATFORMS, KUBERNETES_PLATFORMS, overheadReport, RUNTIME_PROFILES,
  type HypervisorPlatformId, type KubernetesPlatformId, type OverheadReport, type PlatformSource, type RuntimeClassId, type Size,
} from '../../../core/model/platforms';
import { InputError, UsageError, type Command } from '../command';

const USAGE = 'hostfit overheads --platform <id> [--platform <k8s-id>] [--vm <vcpus>x<GiB>] [--node <vcpus>x<GiB>] [--instance <type>] '
  + '[--max-pods N] [--runtime <class>] [--json]   a platform\'s VM overhead, node reservations and pod overhead, with sources\n'
  + `    hypervisors: ${HYPERVISOR_PLATFORMS.join(', ')}\n`
  + `    Kubernetes:  ${KUBERNETES_PLATFORMS.join(', ')}\n`
  + `    runtimes:    ${RUNTIME_PROFILES.join(', ')}\n`
  + `    instances:   ${EC2_INSTANCES.map((t) => t.id).join(', ')} (node size, and max pods from the network interfaces)`;

function size(option: string, text: string | undefined): Size | undefined {
  if (text === undefined) return undefined;
  const m = /^\s*(\d+)\s*[xX×]\s*(\d+(?:\.\d+)?)\s*$/.exec(text);
  if (!m) throw new UsageError(`--${option} "${text}": expected <vcpus>x<GiB>, e.g. 4x16`);
  const vcpus = Number(m[1]), memoryGiB = Number(m[2]);
  if (vcpus < 1 || vcpus > 4096) throw new InputError(`--${option} "${text}": vCPUs must be 1–4096`);
  if (memoryGiB <= 0 || memoryGiB > 1e5) throw new InputError(`--${option} "${text}": memory must be more than 0 and at most 100000 GiB`);
  return { vcpus, memoryGiB };
}

function platforms(ids: readonly string[]): { hypervisor?: HypervisorPlatformId; kubernetes?: KubernetesPlatformId } {
  const out: { hypervisor?: HypervisorPlatformId; kubernetes?: KubernetesPlatformId } = {};
  for (const id of ids) {
    if ((HYPERVISOR_PLATFORMS as readonly string[]).includes(id)) {
      if (out.hypervisor) throw new UsageError(`--platform given two hypervisors (${out.hypervisor}, ${id}); give one hypervisor and one Kubernetes platform`);
      out.hypervisor = id as HypervisorPlatformId;
    } else if ((KUBERNETES_PLATFORMS as readonly string[]).includes(id)) {
      if (out.kubernetes) throw new UsageError(`--platform given two Kubernetes platforms (${out.kubernetes}, ${id}); give one hypervisor and one Kubernetes platform`);
      out.kubernetes = id as KubernetesPlatformId;
    } else {
      throw new UsageError(`unknown platform "${id}"; hypervisors: ${HYPERVISOR_PLATFORMS.join(', ')}; Kubernetes: ${KUBERNETES_PLATFORMS.join(', ')}`);
    }
  }
  return out;
}

const fmt = (x: number, digits = 2) => (Number.isInteger(x) ? String(x) : x.toFixed(digits));
const sourceLines = (sources: readonly PlatformSource[]) => sources.map((s) => `  source: ${describeSource(s)}`);

export function overheadsText(r: OverheadReport): string {
  const lines: string[] = [];
  if (r.vm) {
    const v = r.vm;
    lines.push(`VM ${v.vcpus} vCPU / ${v.memoryGiB} GiB on ${v.name}: overhead memory ${fmt(v.overheadMiB)} MiB (the VM model reserves ${v.modelMiB} MiB)`,
      `  how: ${v.how}`, `  rule: ${v.rule}`, ...sourceLines(v.sources), '');
  }
  if (r.node) {
    const n = r.node;
    lines.push(`Node ${n.vcpus} vCPU / ${n.memoryGiB} GiB${n.instance ? ` (${n.instance})` : ''} on ${n.name}, ${n.maxPods} pods (${n.maxPodsHow}):`,
      `  reserved:    ${fmt(n.reserved.cpuCores, 3)} cores (${n.reserved.cpuHow}), ${fmt(n.reserved.memoryMiB)} MiB = ${fmt(n.reserved.memoryGiB, 3)} GiB (${n.reserved.memoryHow})`,
      `  eviction:    ${n.eviction.memoryMiB} MiB (${n.eviction.how})`,
      `  allocatable: ${fmt(n.allocatable.cpuCores, 3)} cores, ${fmt(n.allocatable.memoryGiB, 2)} GiB`,
      `  rule: ${n.rule}`, ...sourceLines(n.sources), '');
  }
  if (r.pod) {
    const p = r.pod;
    const m = p.measured;
    lines.push(`Pod overhead, runtime class ${p.runtime} (${p.name}): ${fmt(p.overhead.cpuCores, 3)} cores, ${fmt(p.overhead.memoryMiB)} MiB `
      + `(${p.published ? 'upstream RuntimeClass overhead.podFixed' : 'the scenario parameter deployment.container.podOverhead'})`,
    `  measured: ${m.memoryMB === null ? 'no memory figure' : `${m.memoryMB} MB per container`}, ${m.startSeconds === null ? 'no start time' : `start ${m.startSeconds} s`} (${m.what})`,
    ...sourceLines(p.sources), '');
  }
  return lines.join('\n');
}

export const command: Command = {
  usage: USAGE,
  async run(args) {
    const { values, positionals } = parseArgs({
      args,
      options: {
        platform: { type: 'string', multiple: true, default: [] }, vm: { type: 'string' }, node: { type: 'string' },
        instance: { type: 'string' }, 'max-pods': { type: 'string' }, runtime: { type: 'string' }, json: { type: 'boolean', default: false },
      },
      allowPositionals: false,
    });
    if (positionals.length > 0) throw new UsageError('overheads takes no file');
    const chosen = platforms(values.platform ?? []);
    const vm = size('vm', values.vm), node = size('node', values.node);
    if (!vm && !node && values.instance === undefined && values.runtime === undefined) {
      throw new UsageError('nothing to compute: give --vm, --node, --instance or --runtime');
    }
    if (vm && !chosen.hypervisor) throw new UsageError(`--vm needs a hypervisor --platform (${HYPERVISOR_PLATFORMS.join(', ')})`);
    if ((node || values.instance !== undefined) && !chosen.kubernetes) {
      throw new UsageError(`--node and --instance need a Kubernetes --platform (${KUBERNETES_PLATFORMS.join(', ')})`);
    }
    if (node && values.instance !== undefined) throw new UsageError('give --node or --instance, not both');
    if (values['max-pods'] !== undefined && !node && values.instance === undefined) throw new UsageError('--max-pods needs --node or --instance');
    let maxPods: number | undefined;
    if (values['max-pods'] !== undefined) {
      maxPods = Number(values['max-pods']);
      if (!Number.isInteger(maxPods) || maxPods < 1 || maxPods > 10000) throw new InputError(`--max-pods "${values['max-pods']}": expected a whole number 1–10000`);
    }
    const runtime = values.runtime;
    if (runtime !== undefined && !(RUNTIME_PROFILES as readonly string[]).includes(runtime)) {
      throw new UsageError(`unknown runtime class "${runtime}"; one of ${RUNTIME_PROFILES.join(', ')}`);
    }
    let report: OverheadReport;
    try {
      report = overheadReport({ ...chosen, vm, node, instance: values.instance, maxPods, runtime: runtime as RuntimeClassId | undefined });
    } catch (e) {
      if (e instanceof CalculatorError) throw new InputError(`${e.message}${values.instance !== undefined ? `; known instance types: ${EC2_INSTANCES.map((t) => t.id).join(', ')}` : ''}`);
      throw e;
    }
    return values.json ? `${JSON.stringify(report, null, 2)}\n` : overheadsText(report);
  },
};
