import { describe, expect, it } from 'vitest';
import { DOCUMENTED_DEFAULTS } from '../../../core/model/defaults';
import { SIMULATION_DEFAULTS, SIMULATION_DOCUMENTED_DEFAULTS } from '../../../core/sim/defaults';
import { minimalInput, parsed } from '../../support/scenarios';

function valueAt(root: unknown, path: string): unknown {
  return path.split('.').reduce<unknown>((node, key) => {
    if (key.endsWith('[]')) return (node as Record<string, unknown[]>)[key.slice(0, -2)][0];
    return (node as Record<string, unknown>)[key];
  }, root);
}

describe('documented defaults', () => {
  const scenario = parsed(minimalInput()); // sets none of the documented fields

  it.each(DOCUMENTED_DEFAULTS.map((d) => [d.path, d] as const))('%s is the value actually used', (_path, d) => {
    expect(valueAt(scenario, d.path)).toEqual(d.value);
    expect(d.source.length).toBeGreaterThan(10);
    expect(d.unit.length).toBeGreaterThan(0);
  });

  it('names the documented defaults the planning code reads, with the values it reads', () => {
    // A scenario that sets a parameter to its documented default plans exactly like one that leaves it out.
    const withDefaults = minimalInput();
    withDefaults.deployment = { vm: { cpuVirtualisationOverhead: 0.03, bootSeconds: 40, liveMigration: { bandwidthShare: 0.5 } },
      container: { startSeconds: { runc: 2 }, stopSeconds: 30 }, isolation: { ranking: ['dedicated-host', 'vm', 'sandbox', 'shared-kernel'] } };
    withDefaults.economics = { amortisationMonths: 60, load: 'packed' };
    expect(parsed(withDefaults)).toEqual(scenario);
  });

  it('covers every deployment parameter of the scenario', () => {
    const leaves: string[] = [];
    const walk = (node: unknown, path: string) => {
      if (node && typeof node === 'object' && !Array.isArray(node)) {
        for (const [k, v] of Object.entries(node)) walk(v, path ? `${path}.${k}` : k);
      } else leaves.push(path);
    };
    walk({ deployment: scenario.deployment, economics: scenario.economics, policy: scenario.policy }, '');
    expect(leaves).toContain('economics.load');
    expect(leaves).toContain('deployment.isolation.ranking');
    const documented = DOCUMENTED_DEFAULTS.map((d) => d.path);
    for (const leaf of leaves) {
      expect(documented.some((p) => leaf === p || leaf.startsWith(p + '.')), `${leaf} has no documented default`).toBe(true);
    }
  });
});

describe('documented simulation defaults', () => {
  // The `simulation` section is optional; when present but empty, every field takes its documented default.
  const simulation = parsed({ ...minimalInput(), simulation: {} });
  const settable = SIMULATION_DOCUMENTED_DEFAULTS.filter((d) => !d.path.includes('('));

  it.each(settable.map((d) => [d.path, d] as const))('%s is the value actually used', (_path, d) => {
    expect(valueAt(simulation, d.path)).toEqual(d.value);
    expect(d.source.length).toBeGreaterThan(10);
  });

  it('documents the engine constants that are not scenario fields with the values the engine uses', () => {
    const fixed = Object.fromEntries(SIMULATION_DOCUMENTED_DEFAULTS.filter((d) => d.path.includes('(')).map((d) => [d.path, d.value]));
    expect(fixed).toEqual({
      'simulation (fallback threshold)': SIMULATION_DEFAULTS.fallbackThreshold,
      'simulation (history length)': SIMULATION_DEFAULTS.historyLength,
      'simulation (regression window)': SIMULATION_DEFAULTS.regressionWindow,
      'simulation (IQR/MAD minimum history)': SIMULATION_DEFAULTS.minHistory,
    });
  });
});
