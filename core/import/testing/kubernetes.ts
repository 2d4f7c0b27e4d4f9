// Generated Kubernetes dumps (never real data): the objects `kubectl get nodes,pods,replicasets,deployments,
// statefulsets,daemonsets -A -o json` returns, built from the documented fields (imports.md §2.2–2.5), with
// every feature the importer handles: instance types and zones, Deployments through ReplicaSets,
// StatefulSets, DaemonSets, Jobs, bare pods, init containers and sidecars, overhead, finished pods,
// spread constraints and anti-affinity, node selectors. Deterministic for a seed.
import { mulberry32, pick } from '../../examples/random';

type Obj = Record<string, unknown>;

export interface KubernetesOptions {
  nodes?: number;
  deployments?: number;
  /** Replicas per Deployment. */
  replicas?: number;
  statefulSets?: number;
  daemonSets?: number;
  /** Finished Job pods per namespace (Succeeded / Failed). */
  finishedJobs?: number;
  barePods?: number;
  namespaces?: number;
  seed?: number;
  /** Leave the ReplicaSet objects out (a dump of pods and Deployments only). */
  withoutReplicaSets?: boolean;
  /** managedFields on every object, as the API server returns them. */
  managedFields?: boolean;
}

const ZONES = ['eu-west-1a', 'eu-west-1b', 'eu-west-1c'];
const NODE_TYPES = [
  { type: 'm5.2xlarge', cpu: '8', memory: '32327508Ki', allocCpu: '7910m', allocMemory: '31311700Ki', pods: '58' },
  { type: 'r5.4xlarge', cpu: '16', memory: '130045892Ki', allocCpu: '15890m', allocMemory: '127228868Ki', pods: '234' },
];
const CPU = ['100m', '250m', '500m', '1', '1500m', '2'];
const MEMORY = ['128Mi', '256Mi', '512Mi', '1Gi', '1.5Gi', '2Gi', '4G'];

const hash = (rand: () => number, n: number) => Array.from({ length: n }, () => 'bcdfghjklmnpqrstvwxz2456789'[Math.floor(rand() * 27)]).join('');

function managed(): Obj[] {
  return [{ manager: 'kube-controller-manager', operation: 'Update', apiVersion: 'v1', fieldsType: 'FieldsV1',
    fieldsV1: { 'f:metadata': { 'f:labels': { '.': {}, 'f:app': {} } }, 'f:spec': { 'f:containers': { 'k:{"name":"app"}': { '.': {}, 'f:image': {}, 'f:resources': { '.': {}, 'f:requests': {} } } } } } }];
}

export function kubernetesList(o: KubernetesOptions = {}): Obj {
  const rand = mulberry32(o.seed ?? 1);
  const items: Obj[] = [];
  const meta = (m: Obj): Obj => (o.managedFields ? { ...m, managedFields: managed() } : m);
  const nodeNames: string[] = [];
  for (let k = 0; k < (o.nodes ?? 6); k++) {
    const t = NODE_TYPES[k % NODE_TYPES.length];
    const name = `ip-10-0-${Math.floor(k / 250)}-${k % 250}.eu-west-1.compute.internal`;
    nodeNames.push(name);
    items.push({ apiVersion: 'v1', kind: 'Node',
      metadata: meta({ name, labels: { 'node.kubernetes.io/instance-type': t.type, 'topology.kubernetes.io/zone': ZONES[k % ZONES.length],
        'topology.kubernetes.io/region': 'eu-west-1', 'kubernetes.io/hostname': name, 'kubernetes.io/arch': 'amd64', ...(k % 2 === 1 ? { 'pool': 'memory' } : { 'pool': 'general' }) } }),
      spec: { providerID: `aws:///eu-west-1a/i-${hash(rand, 12)}` },
      status: { capacity: { cpu: t.cpu, memory: t.memory, pods: t.pods, 'ephemeral-storage': '83873772Ki' },
        allocatable: { cpu: t.allocCpu, memory: t.allocMemory, pods: t.pods, 'ephemeral-storage': '76224326324' },
        conditions: [{ type: 'Ready', status: 'True' }], nodeInfo: { architecture: 'amd64', kubeletVersion: 'v1.31.2' } } });
  }
  const namespaces = Array.from({ length: o.namespaces ?? 3 }, (_, k) => ['shop', 'payments', 'search', 'ml', 'ops'][k] ?? `team-${k}`);
  const podFor = (ns: string, name: string, labels: Record<string, string>, owner: Obj | null, spec: Obj, phase = 'Running'): Obj => ({
    apiVersion: 'v1', kind: 'Pod',
    metadata: meta({ namespace: ns, name, labels, ...(owner ? { ownerReferences: [{ apiVersion: 'apps/v1', controller: true, blockOwnerDeletion: true, ...owner }] } : {}) }),
    spec: { ...spec, nodeName: pick(rand, nodeNames) },
    status: { phase, qosClass: 'Burstable' },
  });
  const container = (name: string) => ({ name, image: `registry.example.net/${name}:1.0`, resources: { requests: { cpu: pick(rand, CPU), memory: pick(rand, MEMORY) }, limits: { memory: '8Gi' } } });

  for (let d = 0; d < (o.deployments ?? 4); d++) {
    const ns = namespaces[d % namespaces.length];
    const name = `${['web', 'api', 'worker', 'frontend', 'checkout', 'catalog'][d % 6]}${d >= 6 ? `-${d}` : ''}`;
    const replicas = o.replicas ?? 3;
    const podTemplateHash = hash(rand, 10);
    const rsName = `${name}-${podTemplateHash}`;
    const spec: Obj = { containers: [container('app'), ...(d % 3 === 0 ? [container('log-shipper')] : [])] };
    if (d % 4 === 1) spec.initContainers = [{ name: 'migrate', resources: { requests: { cpu: '2', memory: '64Mi' } } }, { name: 'mesh', restartPolicy: 'Always', resources: { requests: { cpu: '100m', memory: '128Mi' } } }];
    if (d % 4 === 2) spec.topologySpreadConstraints = [{ maxSkew: 1, topologyKey: 'topology.kubernetes.io/zone', whenUnsatisfiable: 'DoNotSchedule', labelSelector: { matchLabels: { app: name } } }];
    if (d % 4 === 3) spec.affinity = { podAntiAffinity: { requiredDuringSchedulingIgnoredDuringExecution: [{ topologyKey: 'kubernetes.io/hostname', labelSelector: { matchLabels: { app: name } } }] } };
    if (d % 5 === 4) spec.nodeSelector = { pool: 'memory' };
    if (d % 7 === 6) spec.overhead = { cpu: '250m', memory: '120Mi' };
    const labels = { app: name, 'pod-template-hash': podTemplateHash };
    items.push({ apiVersion: 'apps/v1', kind: 'Deployment', metadata: meta({ namespace: ns, name, uid: `d-${d}` }),
      spec: { replicas, selector: { matchLabels: { app: name } }, template: { metadata: { labels: { app: name } }, spec } } });
    if (!o.withoutReplicaSets) {
      items.push({ apiVersion: 'apps/v1', kind: 'ReplicaSet', metadata: meta({ namespace: ns, name: rsName, labels, ownerReferences: [{ apiVersion: 'apps/v1', kind: 'Deployment', name, controller: true }] }),
        spec: { replicas, template: { metadata: { labels }, spec } } });
    }
    for (let r = 0; r < replicas; r++) items.push(podFor(ns, `${rsName}-${hash(rand, 5)}`, labels, { kind: 'ReplicaSet', name: rsName }, spec));
  }
  for (let s = 0; s < (o.statefulSets ?? 1); s++) {
    const ns = namespaces[s % namespaces.length];
    const name = `${['postgres', 'kafka', 'redis'][s % 3]}${s >= 3 ? `-${s}` : ''}`;
    const spec: Obj = { containers: [container('db')], affinity: { podAntiAffinity: { requiredDuringSchedulingIgnoredDuringExecution: [{ topologyKey: 'topology.kubernetes.io/zone', labelSelector: { matchLabels: { app: name } } }] } } };
    items.push({ apiVersion: 'apps/v1', kind: 'StatefulSet', metadata: meta({ namespace: ns, name }), spec: { replicas: 3, template: { metadata: { labels: { app: name } }, spec } } });
    for (let r = 0; r < 3; r++) items.push(podFor(ns, `${name}-${r}`, { app: name }, { kind: 'StatefulSet', name }, spec));
  }
  for (let d = 0; d < (o.daemonSets ?? 2); d++) {
    const name = ['node-exporter', 'fluent-bit', 'kube-proxy'][d % 3];
    const spec: Obj = { containers: [{ name, resources: { requests: { cpu: '100m', memory: '200Mi' } } }] };
    items.push({ apiVersion: 'apps/v1', kind: 'DaemonSet', metadata: meta({ namespace: 'kube-system', name }), spec: { template: { spec } } });
    for (const node of nodeNames) items.push({ ...podFor('kube-system', `${name}-${hash(rand, 5)}`, { app: name }, { kind: 'DaemonSet', name }, spec), spec: { ...spec, nodeName: node } });
  }
  for (let j = 0; j < (o.finishedJobs ?? 2); j++) {
    const ns = namespaces[j % namespaces.length];
    const job = `report-${29000000 + j}`;
    items.push(podFor(ns, `${job}-${hash(rand, 5)}`, { 'job-name': job }, { kind: 'Job', name: job }, { containers: [container('report')] }, j % 2 === 0 ? 'Succeeded' : 'Failed'));
  }
  for (let b = 0; b < (o.barePods ?? 1); b++) {
    items.push(podFor(namespaces[0], `debug-${b}`, { run: `debug-${b}` }, null, { containers: [{ name: 'sh', image: 'busybox' }] }));
  }
  return { apiVersion: 'v1', kind: 'List', metadata: { resourceVersion: '' }, items };
}
