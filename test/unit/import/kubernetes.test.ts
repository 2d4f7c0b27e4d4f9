// Kubernetes dumps → scenario: grouping by controller, DaemonSets as reservation, finished pods, nodes → host
// models and topology, placement rules, tenants, the other input shapes (KSS export, YAML) and bad input.
import { describe, expect, it } from 'vitest';
import { kubernetesList } from '../../../core/import/testing/kubernetes';
import { importFails, importOk, json, text } from './support';

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- generated objects are edited freely here
type K8sItem = Record<string, any>;

const Gi = 2 ** 30;

describe('import kubernetes', () => {
  it('groups pods into services through ReplicaSet → Deployment, StatefulSet, bare pods; drops finished pods', async () => {
    const list = kubernetesList({ nodes: 3, deployments: 4, replicas: 3, statefulSets: 1, daemonSets: 1, finishedJobs: 2, barePods: 1, namespaces: 2 });
    const { scenario, report } = await importOk('kubernetes', [json('cluster.json', list)]);
    const ids = scenario.services.map((s) => s.id).sort();
    expect(ids).toEqual(['payments.api', 'payments.frontend', 'shop.debug-0', 'shop.postgres', 'shop.web', 'shop.worker']);
    expect(scenario.services.find((s) => s.id === 'shop.web')!.replicas).toBe(3);
    expect(report.skippedByReason['finished-pod']).toBe(2);
    expect(report.skipped.find((s) => s.reason === 'finished-pod')!.at.where).toMatch(/^\$\.items\[\d+\]\.status\.phase$/);
    expect(scenario.tenants.map((t) => t.id).sort()).toEqual(['payments', 'shop']);
    // Every service traces back to its pods' JSON paths.
    const origin = report.origins.find((o) => o.id === 'shop.web')!;
    expect(origin.rows).toBe(4); // Deployment.spec.replicas + 3 pods
    expect(origin.from.every((f) => f.file === 'cluster.json' && /^\$\.items\[\d+\]/.test(f.where))).toBe(true);
  });

  it('without ReplicaSet objects, the Deployment is the ReplicaSet name minus pod-template-hash', async () => {
    const { scenario } = await importOk('kubernetes', [json('c.json', kubernetesList({ withoutReplicaSets: true, deployments: 2, statefulSets: 0 }))]);
    expect(scenario.services.map((s) => s.id).sort()).toEqual(['payments.api', 'shop.debug-0', 'shop.web']);
  });

  it('uses the effective request (init containers, sidecars, overhead) as the demand', async () => {
    const { scenario } = await importOk('kubernetes', [json('c.json', kubernetesList({ deployments: 8, statefulSets: 0, barePods: 0, namespaces: 1 }))]);
    // Deployment 1 (api) has init containers migrate (2 CPU) and a 100m sidecar: the init phase (2 cores, the sidecar starts after it) sets at least 2 cores.
    expect(scenario.services.find((s) => s.id === 'shop.api')!.demand.cpuCores).toBeGreaterThanOrEqual(2);
  });

  it('DaemonSet pods become a per-node reservation; nodes become host models with the cluster\'s own reservation', async () => {
    const { scenario, report } = await importOk('kubernetes', [json('c.json', kubernetesList({ nodes: 4, daemonSets: 2 }))]);
    expect(scenario.services.some((s) => /node-exporter|fluent-bit/.test(s.id))).toBe(false);
    const c = scenario.deployment.container;
    expect(c.reservationFormula).toBe('none');
    // m5.2xlarge: capacity 8 − allocatable 7.91 = 90m, + 2 DaemonSets × 100m
    expect(c.systemReserved.cpuCores).toBeCloseTo(0.29, 6);
    expect(c.maxPodsPerNode).toBe(58);
    const m5 = scenario.hostModels.find((m) => m.id.startsWith('m5.2xlarge'))!;
    expect(m5.cores * m5.threadsPerCore).toBe(8);
    expect(m5.memoryGiB).toBeCloseTo((32327508 * 1024) / Gi, 2);
    expect(report.notes.join(' ')).toMatch(/DaemonSet kube-system\/node-exporter/);
  });

  it('a DaemonSet whose pods request more than any node has is refused at that pod, not at the file', async () => {
    const list = kubernetesList({ nodes: 2, daemonSets: 2 }) as { items: K8sItem[] };
    const k = list.items.findIndex((o) => o.kind === 'Pod' && o.metadata.ownerReferences?.[0]?.kind === 'DaemonSet');
    list.items[k].spec.containers[0].resources.requests.cpu = '20000';
    await importFails('kubernetes', [json('c.json', list)], 'c.json', `$.items[${k}]`, /more than any node has/);
  });

  it('zones become racks, regions sites; spread constraints and anti-affinity become spread rules; nodeSelector labels', async () => {
    const { scenario } = await importOk('kubernetes', [json('c.json', kubernetesList({ nodes: 6, deployments: 5, namespaces: 1, statefulSets: 1 }))]);
    expect(scenario.sites).toHaveLength(1);
    expect(scenario.sites[0].kind).toBe('cloud-region');
    expect(scenario.sites[0].racks.map((r) => r.id).sort()).toEqual(['eu-west-1a', 'eu-west-1b', 'eu-west-1c']);
    const byId = new Map(scenario.services.map((s) => [s.id, s]));
    expect(byId.get('shop.frontend')!.spread).toEqual({ domain: 'host', maxPerDomain: 1 }); // required anti-affinity on hostname
    expect(byId.get('shop.worker')!.spread).toEqual({ domain: 'rack', maxPerDomain: 1 }); // maxSkew 1 over 3 zones, 3 replicas
    expect(byId.get('shop.postgres')!.spread).toEqual({ domain: 'rack', maxPerDomain: 1 });
    expect(byId.get('shop.checkout')!.requiredHostLabels).toEqual(['pool=memory']);
    expect(scenario.hostModels.filter((m) => m.labels?.includes('pool=memory')).length).toBeGreaterThan(0);
  });

  it('skips cordoned, NotReady and control-plane nodes with their paths', async () => {
    const list = kubernetesList({ nodes: 4 }) as { items: K8sItem[] };
    const nodes = list.items.filter((i) => i.kind === 'Node');
    nodes[0].spec.unschedulable = true;
    nodes[1].status.conditions = [{ type: 'Ready', status: 'False' }];
    nodes[2].spec.taints = [{ key: 'node-role.kubernetes.io/control-plane', effect: 'NoSchedule' }];
    const { scenario, report } = await importOk('kubernetes', [json('c.json', list)]);
    expect(report.counts.hosts).toBe(1);
    expect(report.skippedByReason).toMatchObject({ 'cordoned-node': 1, 'not-ready-node': 1, 'control-plane-node': 1 });
    expect(scenario.hostModels).toHaveLength(1);
  });

  it('names tenants by a label when asked, falling back to the namespace', async () => {
    const list = kubernetesList({ deployments: 2, statefulSets: 0, barePods: 0 }) as { items: K8sItem[] };
    for (const i of list.items) if (i.kind === 'Pod' && i.metadata.namespace === 'shop') i.metadata.labels.team = 'storefront';
    const { scenario, report } = await importOk('kubernetes', [json('c.json', list)], { tenantFrom: 'label:team' });
    expect(scenario.tenants.map((t) => t.id).sort()).toEqual(['payments', 'storefront']);
    expect(report.warnings.join(' ')).toMatch(/lack the label:team/);
  });

  it('reads a kube-scheduler-simulator export and multi-document YAML', async () => {
    const list = kubernetesList({ nodes: 2, deployments: 1, statefulSets: 0, daemonSets: 0, finishedJobs: 0, barePods: 0 }) as { items: K8sItem[] };
    const kss = { pods: list.items.filter((i) => i.kind === 'Pod').map(({ kind: _k, ...p }) => p), nodes: list.items.filter((i) => i.kind === 'Node'), pvs: [], schedulerConfig: {} };
    const a = await importOk('kubernetes', [json('export.json', kss)]);
    expect(a.report.counts).toMatchObject({ hosts: 2, services: 1 });
    const yaml = [
      'apiVersion: v1\nkind: Node\nmetadata:\n  name: n1\n  labels: {node.kubernetes.io/instance-type: m5.large}\nstatus:\n  capacity: {cpu: 2, memory: 8Gi}\n  allocatable: {cpu: 1930m, memory: 7Gi, pods: 29}',
      'apiVersion: v1\nkind: Pod\nmetadata: {name: solo, namespace: tools}\nspec:\n  containers:\n  - name: a\n    resources: {requests: {cpu: 0.5, memory: 256Mi}}\nstatus: {phase: Running}',
      '',
    ].join('\n---\n');
    const b = await importOk('kubernetes', [text('cluster.yaml', yaml)]);
    expect(b.scenario.services[0]).toMatchObject({ id: 'tools.solo', demand: { cpuCores: 0.5, memoryGiB: 0.25 } });
    expect(b.scenario.hostModels[0]).toMatchObject({ cores: 2, memoryGiB: 8 });
  });

  it('warns about milli-byte memory and BestEffort pods', async () => {
    const list = { kind: 'List', items: [{ kind: 'Pod', metadata: { name: 'p', namespace: 'x' }, spec: { containers: [{ resources: { requests: { memory: '512m', cpu: '1' } } }, { name: 'b' }] } },
      { kind: 'Pod', metadata: { name: 'q', namespace: 'x' }, spec: { containers: [{ name: 'c' }] } }] };
    const { report } = await importOk('kubernetes', [json('c.json', list)]);
    expect(report.warnings.join(' ')).toMatch(/milli-bytes.*\$\.items\[0\]\.spec\.containers\[0\]\.resources\.requests\.memory/);
    expect(report.warnings.join(' ')).toMatch(/BestEffort/);
    expect(report.notes.join(' ')).toMatch(/default host pool/);
  });

  it('bad input: not a List, malformed quantity, broken JSON and YAML — each located', async () => {
    await importFails('kubernetes', [json('x.json', { hello: 1 })], 'x.json', '$', /Kubernetes List/);
    await importFails('kubernetes', [json('x.json', [1])], 'x.json', '$[0]');
    await importFails('kubernetes', [json('x.json', { kind: 'List', items: [{ kind: 'Node', metadata: { name: 'n' }, status: { capacity: { cpu: '4', memory: '12 Gi' } } }] })],
      'x.json', '$.items[0].status.capacity.memory', /not a Kubernetes quantity/);
    await importFails('kubernetes', [text('x.json', '{"kind": "List", "items": [\n  {"kind": "Pod",\n')], 'x.json', /^line 3, column \d+$/, /not valid JSON/);
    await importFails('kubernetes', [text('x.yaml', 'kind: List\nitems:\n  - kind: Pod\n   bad: [\n')], 'x.yaml', /^line \d+, column \d+$/, /not valid YAML/);
  });
});
