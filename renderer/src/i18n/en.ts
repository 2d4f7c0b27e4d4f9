export default {
  app: { title: 'Hostfit', tagline: 'What your services need — as VMs, as containers' },
  toolbar: {
    open: 'Open…', save: 'Save', saveAs: 'Save as…', examples: 'Examples', run: 'Run', cancel: 'Cancel',
    language: 'Language', unsaved: 'unsaved changes', readOnly: 'read-only',
  },
  examples: { 'web-tier': 'Small web tier', 'multi-tenant': 'Multi-tenant platform', fleet: 'Enterprise fleet' },
  scenario: {
    heading: 'Scenario', hostModels: 'Host models', sites: 'Sites', racks: 'Racks', hosts: 'Hosts', tenants: 'Tenants',
    services: 'Services', replicas: 'Replicas', policy: 'Placement', sizeKey: 'size key {key}',
    algorithm: { ffd: 'First Fit Decreasing' },
  },
  run: { running: 'Packing {model}…', stage: { expand: 'expanding {model}', pack: 'packing {model}', summarise: 'summarising {model}' }, cancelled: 'Run cancelled.', failed: 'The run failed: {message}', idle: 'Not run yet.' },
  model: { vm: 'Virtual machines', container: 'Containers' },
  instance: { vm: 'VMs', container: 'pods' },
  results: {
    heading: 'Result', hostsUsed: 'Hosts used', ofPool: 'of {pool} in the pool', lowerBound: 'Lower bound', by: 'by {dimension}',
    gap: 'Gap to bound', unplaced: 'Unplaced', instances: 'Instances', placed: 'Placed', utilisation: '{dimension} utilisation',
    chartTitle: 'Hosts used vs lower bound', noBound: 'none', table: 'Summary', packer: '{algorithm} by {sizeKey} · {packer} kernel',
    unplacedBy: { tooLarge: 'too large for any host', noRoom: 'no room left', maxItems: 'pod limit reached', noFlavour: 'no VM flavour fits' },
  },
  dimension: { cpu: 'CPU', memory: 'Memory', disk: 'Disk', network: 'Network', items: 'pod slots' },
  errors: { heading: 'This file cannot be opened', more: 'and {count} more', dismiss: 'Dismiss', saveFailed: 'Saving failed: {message}' },
  notices: { dismiss: 'Dismiss' },
};
