import { describe, expect, it } from 'vitest';
import { applyParam, checkPathInSchema, parseParamPath, parseSweepValues, SweepError } from '../../../core/compare/sweep';

describe('sweep parameters', () => {
  it('parses dotted, indexed and by-id paths', () => {
    expect(parseParamPath('deployment.vm.cpuOvercommit')).toEqual([{ key: 'deployment' }, { key: 'vm' }, { key: 'cpuOvercommit' }]);
    expect(parseParamPath('sites[0].pue')).toEqual([{ key: 'sites' }, { index: 0 }, { key: 'pue' }]);
    expect(parseParamPath('sites.1.pue')).toEqual([{ key: 'sites' }, { index: 1 }, { key: 'pue' }]);
    expect(parseParamPath('services[api-1].replicas')).toEqual([{ key: 'services' }, { id: 'api-1' }, { key: 'replicas' }]);
    expect(() => parseParamPath('deployment..vm')).toThrow(SweepError);
    expect(() => parseParamPath('')).toThrow(SweepError);
  });

  it('accepts only paths the scenario format defines', () => {
    expect(() => checkPathInSchema(parseParamPath('deployment.vm.cpuOvercommit'))).not.toThrow();
    expect(() => checkPathInSchema(parseParamPath('economics.load'))).not.toThrow();
    expect(() => checkPathInSchema(parseParamPath('deployment.containerInVm.nodeShape.vcpus'))).not.toThrow();
    expect(() => checkPathInSchema(parseParamPath('sites[0].racks[0].powerBudgetKW'))).not.toThrow();
    expect(() => checkPathInSchema(parseParamPath('deployment.vm.cpuOvercomit'))).toThrow(/no parameter deployment\.vm\.cpuOvercomit/);
    expect(() => checkPathInSchema(parseParamPath('services[0].demand.gpus'))).toThrow(/services\[0\]\.demand\.gpus/);
  });

  it('sets a value in a copy, creating missing blocks and finding elements by id', () => {
    const doc = { services: [{ id: 'a', replicas: 1 }, { id: 'b', replicas: 2 }] };
    expect(applyParam(doc, parseParamPath('deployment.vm.cpuOvercommit'), 4)).toEqual({ ...doc, deployment: { vm: { cpuOvercommit: 4 } } });
    expect(applyParam(doc, parseParamPath('services[b].replicas'), 7)).toEqual({ services: [{ id: 'a', replicas: 1 }, { id: 'b', replicas: 7 }] });
    expect(doc.services[1].replicas).toBe(2);
    expect(() => applyParam(doc, parseParamPath('services[c].replicas'), 1)).toThrow(/services\[c\]: no such element/);
    expect(() => applyParam(doc, parseParamPath('services[5].replicas'), 1)).toThrow(SweepError);
  });

  it('parses lists, ranges and steps', () => {
    expect(parseSweepValues('1,2,4')).toEqual([1, 2, 4]);
    expect(parseSweepValues('1..8')).toEqual([1, 2, 3, 4, 5, 6, 7, 8]);
    expect(parseSweepValues('0.5..2:0.5')).toEqual([0.5, 1, 1.5, 2]);
    expect(parseSweepValues('1..1.3:0.1')).toEqual([1, 1.1, 1.2, 1.3]);
    expect(parseSweepValues('runc,kata')).toEqual(['runc', 'kata']);
    expect(parseSweepValues('true,false')).toEqual([true, false]);
    expect(() => parseSweepValues('3..1')).toThrow(SweepError);
    expect(() => parseSweepValues('1,,2')).toThrow(SweepError);
  });
});
