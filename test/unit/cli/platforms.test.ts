// The comparison names the platforms it compared, and a sweep varies the platform like any other parameter.
import { describe, expect, it } from 'vitest';
import { compareScenario } from '../../../core/compare/compare';
import { EXAMPLES, exampleScenario } from '../../../core/examples/index';
import { ReferencePacker } from '../../../core/reference/reference-packer';
import { main } from '../../../electron/cli/main';

async function cli(args: string[]) {
  let out = '', err = '';
  const code = await main(args, (s) => { out += s; }, (s) => { err += s; });
  return { code, out, err };
}

const webTier = new URL('../../../examples/web-tier.hostfit.json', import.meta.url).pathname;

describe('platforms in the comparison', { timeout: 60_000 }, () => {
  it('the result and `hostfit compare` say which platforms were compared', async () => {
    const base = exampleScenario(EXAMPLES.find((e) => e.id === 'web-tier')!);
    const eks = { ...base, deployment: { ...base.deployment, container: { ...base.deployment.container, platform: 'eks' as const, runtimeClass: 'kata-qemu' as const } } };
    const c = compareScenario(eks, new ReferencePacker(), { headroom: false, models: ['vm', 'container'] });
    expect(c.platforms).toMatchObject({ vm: 'vsphere', container: 'eks', runtimeClass: 'kata-qemu' });
    expect(c.platforms.text).toBe('VMs on VMware vSphere 6.5 and later vs pods on Amazon EKS (Amazon Linux 2 AMI) with Kata Containers with QEMU; '
      + 'pods in node VMs: Amazon EKS (Amazon Linux 2 AMI) nodes as VMs on VMware vSphere 6.5 and later');
    const r = await cli(['compare', webTier, '--no-headroom']);
    expect(r.code).toBe(0);
    expect(r.out).toMatch(/^Platforms compared: VMs on VMware vSphere 6\.5 and later vs pods on Google Kubernetes Engine \(Standard\) with runc;/m);
  });

  it('`hostfit sweep --param deployment.vm.platform --values vsphere,kubevirt,vsphere-4` runs one comparison per platform', async () => {
    const r = await cli(['sweep', webTier, '--param', 'deployment.vm.platform', '--values', 'vsphere,kubevirt,vsphere-4', '--json', '--threads', '1']);
    expect(r.code).toBe(0);
    const json = JSON.parse(r.out);
    expect(json.rows.map((row: { value: string }) => row.value)).toEqual(['vsphere', 'kubevirt', 'vsphere-4']);
    for (const row of json.rows) expect(row.models.map((m: { id: string }) => m.id)).toEqual(['vm', 'container', 'container-in-vm']);
    const bad = await cli(['sweep', webTier, '--param', 'deployment.vm.platform', '--values', 'vsphere,hyperv']);
    expect(bad.code).toBe(2);
    expect(bad.err).toMatch(/\$\.deployment\.vm\.platform/);
  });
});
