import { describe, expect, it } from 'vitest';
import { deleteIn, getIn, jsonEqual, parsePath, setIn } from '../../../core/edit/json-path';

describe('paths in immutable values', () => {
  const root = { a: { b: [1, 2, { c: 3 }] }, d: { e: 4 } };

  it('reads nested fields and array elements', () => {
    expect(getIn(root, ['a', 'b', 2, 'c'])).toBe(3);
    expect(getIn(root, ['x', 'y'])).toBeUndefined();
  });

  it('writes by copying only the way down (structural sharing)', () => {
    const next = setIn(root, ['a', 'b', 2, 'c'], 9);
    expect(getIn(next, ['a', 'b', 2, 'c'])).toBe(9);
    expect(root.a.b[2]).toEqual({ c: 3 }); // the original is untouched
    expect(next.d).toBe(root.d); // untouched branches keep their identity
    expect(next.a.b[0]).toBe(1);
    expect(setIn(root, ['d', 'e'], 4)).toBe(root); // an unchanged value gives the same root
  });

  it('creates missing objects and deletes optional fields', () => {
    const created = setIn({} as Record<string, unknown>, ['spread', 'domain'], 'host');
    expect(created).toEqual({ spread: { domain: 'host' } });
    const removed = deleteIn(root, ['d', 'e']);
    expect(removed.d).toEqual({});
    expect(removed.a).toBe(root.a);
    expect(deleteIn(root, ['nope'])).toBe(root);
  });

  it('parses dotted paths with indices', () => {
    expect(parsePath('deployment.vm.cpuOvercommit')).toEqual(['deployment', 'vm', 'cpuOvercommit']);
    expect(parsePath('services[3].demand.cpuCores')).toEqual(['services', 3, 'demand', 'cpuCores']);
  });

  it('compares JSON values regardless of key order', () => {
    expect(jsonEqual({ a: 1, b: [1, { c: 2 }] }, { b: [1, { c: 2 }], a: 1 })).toBe(true);
    expect(jsonEqual({ a: 1 }, { a: 1, b: 2 })).toBe(false);
    expect(jsonEqual([1, 2], [2, 1])).toBe(false);
  });
});
