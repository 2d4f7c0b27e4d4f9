// `hostfit overheads`: the platform profiles on their own, as JSON in the shape and as text with sources.
import { describe, expect, it } from 'vitest';
import { main } from '../../../electron/cli/main';

async function cli(args: string[]) {
  let out = '', err = '';
  const code = await main(args, (s) => { out += s; }, (s) => { err += s; });
  return { code, out, err };
}

describe('hostfit overheads', () => {
  it('--json: VM overhead, node reservations and allocatable, pod overhead, each with its source', async () => {
    const r = await cli(['overheads', '--platform', 'vsphere', '--platform', 'gke', '--vm', '4x16', '--node', '4x16', '--runtime', 'kata-qemu', '--json']);
    expect(r.code).toBe(0);
    const j = JSON.parse(r.out);
    expect(j.vm).toMatchObject({ overheadMiB: 151.93, modelMiB: 152, platform: 'vsphere' });
    expect(j.vm.sources[0].url).toMatch(/docs\.vmware\.com/);
    // GKE 4 vCPU / 16 GiB: 80 m; 25 % of 4 GiB + 20 % of 4 GiB + 10 % of 8 GiB = 2662.4 MiB; 100 MiB eviction.
    expect(j.node.reserved.cpuCores).toBeCloseTo(0.08, 10);
    expect(j.node.reserved.memoryGiB).toBeCloseTo(2662.4 / 1024, 6);
    expect(j.node.allocatable.cpuCores).toBeCloseTo(3.92, 10);
    expect(j.node.allocatable.memoryGiB).toBeCloseTo((16384 - 2662.4 - 100) / 1024, 6);
    expect(j.node.sources[0].url).toMatch(/cloud\.google\.com/);
    expect(j.pod.overhead).toEqual({ cpuCores: 0.25, memoryMiB: 160 });
    expect(j.pod.sources[0].url).toMatch(/kata-runtimeClasses\.yaml/);
    for (const part of [j.vm, j.node, j.pod]) for (const s of part.sources) expect(s.checked).toMatch(/^\d{4}-\d\d-\d\d$/);
  });

  it('EKS with an instance type: max pods from its network interfaces (m5.xlarge → 58 → 893 MiB)', async () => {
    const r = await cli(['overheads', '--platform', 'eks', '--instance', 'm5.xlarge', '--json']);
    expect(r.code).toBe(0);
    const j = JSON.parse(r.out);
    expect(j.vm).toBeUndefined();
    expect(j.pod).toBeUndefined();
    expect(j.node).toMatchObject({ vcpus: 4, memoryGiB: 16, maxPods: 58, instance: 'm5.xlarge' });
    expect(j.node.reserved.memoryMiB).toBe(893);
    expect(j.node.allocatable.memoryGiB).toBeCloseTo((16384 - 893 - 100) / 1024, 6);
    const given = JSON.parse((await cli(['overheads', '--platform', 'eks', '--instance', 'm5.xlarge', '--max-pods', '110', '--json'])).out);
    expect(given.node.reserved.memoryMiB).toBe(1465);
  });

  it('AKS before and after 1.29 differ in memory and eviction; the text names rule and source', async () => {
    const after = JSON.parse((await cli(['overheads', '--platform', 'aks', '--node', '8x32', '--max-pods', '30', '--json'])).out);
    const before = JSON.parse((await cli(['overheads', '--platform', 'aks-pre-1.29', '--node', '8x32', '--json'])).out);
    expect(after.node.reserved.cpuCores).toBeCloseTo(0.18, 10);
    expect(after.node.reserved.memoryMiB).toBe(650);
    expect(after.node.eviction.memoryMiB).toBe(100);
    expect(before.node.eviction.memoryMiB).toBe(750);
    const text = await cli(['overheads', '--platform', 'kubevirt', '--vm', '4x16']);
    expect(text.code).toBe(0);
    expect(text.out).toMatch(/overhead memory 324 MiB/);
    expect(text.out).toMatch(/source: KubeVirt GetMemoryOverhead/);
  });

  it('usage errors exit 2, bad values exit 1, each naming the option', async () => {
    const bad = async (args: string[], code: number, message: RegExp) => {
      const r = await cli(['overheads', ...args]);
      expect(r.code).toBe(code);
      expect(r.err).toMatch(message);
    };
    await bad(['--platform', 'hyperv', '--vm', '2x4'], 2, /unknown platform "hyperv"/);
    await bad(['--platform', 'vsphere', '--platform', 'kubevirt', '--vm', '2x4'], 2, /two hypervisors/);
    await bad(['--platform', 'gke', '--vm', '2x4'], 2, /--vm needs a hypervisor --platform/);
    await bad(['--platform', 'vsphere', '--vm', 'four'], 2, /--vm "four": expected <vcpus>x<GiB>/);
    await bad(['--platform', 'vsphere'], 2, /nothing to compute/);
    await bad(['--runtime', 'kata-xen'], 2, /unknown runtime class "kata-xen"/);
    await bad(['--platform', 'vsphere', '--vm', '0x4'], 1, /--vm "0x4": vCPUs must be 1–4096/);
    await bad(['--platform', 'eks', '--instance', 'z9.huge'], 1, /unknown instance type "z9\.huge"; known instance types: m5\.large/);
    await bad(['--platform', 'eks', '--node', '4x16', '--max-pods', '0'], 1, /--max-pods "0"/);
  });

  it('is listed in the usage', async () => {
    const r = await cli(['--help']);
    expect(r.out).toMatch(/hostfit overheads --platform <id>/);
    expect((await cli(['overheads', '--help'])).out).toMatch(/hypervisors: generic-vm, vsphere, vsphere-4, kubevirt/);
  });
});
