// Parameters that are wrong together are reported at the path of the parameter to fix.
import { describe, expect, it } from 'vitest';
import { parseScenarioValue } from '../../../core/scenario/parse';
import { minimalInput } from '../../support/scenarios';

function errors(input: unknown) {
  const r = parseScenarioValue(input);
  if (r.ok) throw new Error('expected the scenario to be rejected');
  return r.errors;
}

describe('deployment parameter checks', () => {
  it('a flavour catalogue with no flavour for a service names the catalogue and the service', () => {
    const input = minimalInput();
    input.services[0].demand = { cpuCores: 12, memoryGiB: 8 }; // m1.xlarge has 8 vCPUs
    const [e] = errors(input);
    expect(e.where).toBe('$.deployment.vm.flavours');
    expect(e.message).toMatch(/no flavour holds service "svc" \(\$\.services\[0\]\).*12\.1 vCPU/);
  });

  it('a node VM shape too small for a pod names the shape', () => {
    const input = minimalInput();
    input.deployment = { containerInVm: { nodeShape: { vcpus: 1, memoryGiB: 2 } } };
    // GKE reservation on 1 vCPU / 2 GiB leaves 940 m and 1436 MiB: a 1-core, 2 GiB pod does not fit
    const [e] = errors(input);
    expect(e.where).toBe('$.deployment.containerInVm.nodeShape');
    expect(e.message).toMatch(/cannot hold one pod of service "svc"/);
  });

  it('an isolation ranking must list each boundary once, dedicated-host first', () => {
    const dup = minimalInput();
    dup.deployment = { isolation: { ranking: ['dedicated-host', 'vm', 'vm', 'shared-kernel'] } };
    expect(errors(dup).map((e) => e.where)).toEqual(['$.deployment.isolation.ranking[2]']);
    const weak = minimalInput();
    weak.deployment = { isolation: { ranking: ['vm', 'dedicated-host', 'sandbox', 'shared-kernel'] } };
    expect(errors(weak).map((e) => e.where)).toEqual(['$.deployment.isolation.ranking[0]']);
    const short = minimalInput();
    short.deployment = { isolation: { ranking: ['dedicated-host', 'vm'] } };
    expect(errors(short)[0].where).toBe('$.deployment.isolation.ranking');
  });

  it('shares, ratios and the energy load stay in range', () => {
    const input = minimalInput();
    input.deployment = { vm: { liveMigration: { bandwidthShare: 0 }, ioVirtualisationOverhead: 1.5, memoryOvercommit: 0.9 } };
    input.economics = { load: 2 as unknown as number, amortisationMonths: 0 };
    expect(errors(input).map((e) => e.where).sort()).toEqual([
      '$.deployment.vm.ioVirtualisationOverhead', '$.deployment.vm.liveMigration.bandwidthShare', '$.deployment.vm.memoryOvercommit',
      '$.economics.amortisationMonths', '$.economics.load',
    ]);
  });
});
