// Deployment-model checks the field-level schema cannot express, each reported at the JSON path of the
// parameter to fix: an isolation ranking that is not an order of the four boundaries (with dedicated-host
// strongest), a flavour catalogue with no flavour for some service, a node VM shape too small for some pod.
import type { Scenario } from '../scenario/schema';
import { podItem } from './container';
import { describeShape, nodePool, podFitsNode } from './container-in-vm';
import { ISOLATION_DEFAULTS } from './defaults';
import { addVectors } from './dimensions';
import { chooseFlavour, flavourOrder, guestOsVector } from './vm';
import { workloadVector } from './workload';

export interface ParameterIssue {
  readonly path: (string | number)[];
  readonly message: string;
}

export function modelParameterIssues(s: Scenario): ParameterIssue[] {
  const issues: ParameterIssue[] = [];
  const ranking = s.deployment.isolation.ranking;
  ranking.forEach((b, i) => {
    if (ranking.indexOf(b) !== i) issues.push({ path: ['deployment', 'isolation', 'ranking', i], message: `"${b}" appears twice; list each of ${ISOLATION_DEFAULTS.ranking.join(', ')} once` });
  });
  if (ranking[0] !== 'dedicated-host') {
    issues.push({ path: ['deployment', 'isolation', 'ranking', 0], message: 'a host of one\'s own is the strongest boundary: "dedicated-host" must come first' });
  }

  const vm = s.deployment.vm;
  const ordered = flavourOrder(vm.flavours);
  const guest = guestOsVector(vm);
  const shape = s.deployment.containerInVm.nodeShape;
  const node = shape ? nodePool(s, shape, 1) : undefined;
  s.services.forEach((svc, i) => {
    const workload = workloadVector(svc);
    if (!chooseFlavour(addVectors(workload, guest), ordered)) {
      issues.push({ path: ['deployment', 'vm', 'flavours'], message: `no flavour holds service "${svc.id}" ($.services[${i}]) with its guest OS: `
        + `it needs ${svc.demand.cpuCores + vm.guestOs.cpuCores} vCPU, ${svc.demand.memoryGiB + vm.guestOs.memoryGiB} GiB and `
        + `${svc.demand.diskGB + vm.guestOs.diskGB} GB; add a larger flavour` });
    }
    if (shape && node && !podFitsNode(podItem(workload, s.deployment.container).demand, node)) {
      issues.push({ path: ['deployment', 'containerInVm', 'nodeShape'], message: `a node VM of ${describeShape(shape)} `
        + `cannot hold one pod of service "${svc.id}" ($.services[${i}]) after node reservations and pod overhead; choose a larger shape` });
    }
  });
  return issues;
}
