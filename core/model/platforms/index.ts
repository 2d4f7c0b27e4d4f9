// Platform profiles (issue 17): hypervisors, Kubernetes node reservations and runtime classes, each a named,
// dated and sourced set of numbers and formulas. The scenario chooses them with deployment.vm.platform,
// deployment.container.platform and deployment.container.runtimeClass; the defaults ("generic-vm",
// "generic-k8s", "runc") are the scenario's own parameters, i.e. Hostfit's behaviour before profiles.
export * from './source';
export * from './interpolate';
export * from './hypervisors';
export * from './kubernetes';
export * from './eks-instances';
export * from './runtimes';
export * from './describe';
export * from './calculator';
