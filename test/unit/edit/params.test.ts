import { describe, expect, it } from 'vitest';
import { changedParameters, parameterGroupOf, parameterGroups, parameterRows, resetGroup, resetParameter } from '../../../core/edit/params';
import { setIn } from '../../../core/edit/json-path';
import { parseValueList, sweepValues } from '../../../core/edit/sweep';
import { EXAMPLES, exampleScenario } from '../../../core/examples/index';
import { DOCUMENTED_DEFAULTS } from '../../../core/model/defaults';
import { SIMULATION_DOCUMENTED_DEFAULTS } from '../../../core/sim/defaults';

describe('deployment and policy parameters', () => {
  it('lists every documented parameter of a group with its value, default, unit and source', () => {
    const s = exampleScenario(EXAMPLES[0]);
    const vm = parameterRows(s, 'deployment.vm');
    expect(vm.map((r) => r.doc.path)).toEqual(DOCUMENTED_DEFAULTS.filter((d) => d.path.startsWith('deployment.vm.')).map((d) => d.path));
    const overcommit = vm.find((r) => r.doc.path === 'deployment.vm.cpuOvercommit')!;
    expect(overcommit).toMatchObject({ value: 1, isDefault: true });
    // The example brings its own flavour catalogue: not the default.
    expect(vm.find((r) => r.doc.path === 'deployment.vm.flavours')!.isDefault).toBe(false);
    expect(parameterRows(s, 'policy').every((r) => r.doc.source.length > 0)).toBe(true);
  });

  it('groups every documented parameter by model or block, leaving per-site values to the topology', () => {
    const groups = parameterGroups();
    expect(groups.slice(0, 2)).toEqual(['deployment.vm', 'deployment.container']);
    expect(groups).toContain('policy');
    expect(parameterGroupOf('sites[].pue')).toBeNull();
    const all = groups.flatMap((g) => parameterRows(exampleScenario(EXAMPLES[0]), g).map((r) => r.doc.path));
    expect(groups.at(-1)).toBe('simulation');
    const documented = [...DOCUMENTED_DEFAULTS, ...SIMULATION_DOCUMENTED_DEFAULTS].map((d) => d.path).filter((p) => parameterGroupOf(p) !== null);
    expect(all).toEqual(documented.sort((a, b) => groups.indexOf(parameterGroupOf(a)!) - groups.indexOf(parameterGroupOf(b)!)));
  });

  it('shows the dynamic simulation settings of a scenario without a simulation section as defaults', () => {
    const s = exampleScenario(EXAMPLES[0]);
    const bare = { ...s, simulation: undefined } as typeof s;
    expect(parameterRows(bare, 'simulation').map((r) => r.doc.path)).toContain('simulation.policy');
    expect(changedParameters(bare, 'simulation')).toBe(0);
    expect(resetGroup(bare, 'simulation')).toBe(bare); // nothing to reset: the section is not created
    const lr = setIn(bare, ['simulation', 'policy'], 'lr-mmt-1.2');
    expect(changedParameters(lr, 'simulation')).toBe(1);
    expect((resetGroup(lr, 'simulation') as { simulation?: { policy?: string } }).simulation?.policy).toBe('thr-mmt-0.8');
  });

  it('resets one parameter or a whole group to the documented default', () => {
    const s = exampleScenario(EXAMPLES[0]);
    const changed = setIn(setIn(s, ['deployment', 'container', 'maxPodsPerNode'], 250), ['deployment', 'container', 'sidecar', 'enabled'], true);
    // The example names its Kubernetes platform (gke, issue 17): one parameter off its default before the two edits.
    expect(changedParameters(s, 'deployment.container')).toBe(1);
    expect(changedParameters(changed, 'deployment.container')).toBe(3);
    const doc = DOCUMENTED_DEFAULTS.find((d) => d.path === 'deployment.container.maxPodsPerNode')!;
    expect(resetParameter(changed, doc).deployment.container.maxPodsPerNode).toBe(110);
    const reset = resetGroup(changed, 'deployment.container');
    expect(changedParameters(reset, 'deployment.container')).toBe(0);
    expect(reset.deployment.vm).toBe(s.deployment.vm);
    expect(resetParameter(s, doc)).toBe(s);
  });
});

describe('sweeps', () => {
  it('spaces values evenly and reads typed lists', () => {
    expect(sweepValues(1, 4, 4)).toEqual([1, 2, 3, 4]);
    expect(sweepValues(1, 2, 3)).toEqual([1, 1.5, 2]);
    expect(sweepValues(5, 5, 10)).toEqual([5]);
    expect(parseValueList('1, 2;4 8')).toEqual([1, 2, 4, 8]);
    expect(parseValueList('1, x')).toBeNull();
  });
});
