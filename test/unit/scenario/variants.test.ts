// Variants in the file: the changes from the scenario to each variant (diff), applied back exactly (apply),
// validated where they stand in the file, kept as snapshots while the scenario changes (rebase), and written
// canonically so a variant that changes one parameter adds a handful of lines.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { EXAMPLES, exampleScenario } from '../../../core/examples/index';
import { serialiseScenario } from '../../../core/scenario/canonical';
import { parseScenarioText, parseScenarioValue } from '../../../core/scenario/parse';
import type { Scenario, Service } from '../../../core/scenario/schema';
import { applyChanges, diffScenario, VariantSnapshots, type VariantChange } from '../../../core/scenario/variants';

const example = (id: string) => exampleScenario(EXAMPLES.find((e) => e.id === id)!);
const webTier = example('web-tier');

function applied(base: Scenario, changes: readonly VariantChange[]): Scenario {
  const out = applyChanges(base, changes);
  if (!out.ok) throw new Error(out.message);
  return out.value;
}

describe('variant changes', () => {
  it('name what changed by id and give the target back exactly', () => {
    const [first, second, ...rest] = webTier.services;
    const added: Service = { ...first, id: 'reports', name: 'Reports', replicas: 2 };
    const target: Scenario = {
      ...webTier,
      deployment: { ...webTier.deployment, vm: { ...webTier.deployment.vm, cpuOvercommit: 4 } },
      services: [{ ...second, replicas: second.replicas + 3 }, ...rest.slice(1), added],
      hostModels: webTier.hostModels.map((m, i) => (i === 0 ? { ...m, labels: ['ssd', 'gpu'] } : m)),
    };
    const changes = diffScenario(webTier, target);
    expect(changes).toEqual([
      { op: 'set', path: `/deployment/vm/cpuOvercommit`, value: 4 },
      { op: 'set', path: `/hostModels/${webTier.hostModels[0].id}/labels`, value: ['ssd', 'gpu'] },
      { op: 'remove', path: `/services/${first.id}` },
      { op: 'remove', path: `/services/${rest[0].id}` },
      { op: 'set', path: `/services/${second.id}/replicas`, value: second.replicas + 3 },
      { op: 'set', path: '/services/reports', value: added },
    ]);
    expect(applied(webTier, changes)).toEqual(target);
    expect(webTier.deployment.vm.cpuOvercommit).not.toBe(4); // the base is never changed
  });

  it('record a new order only when removing and appending would not give it', () => {
    const reversed = { ...webTier, services: [...webTier.services].reverse() };
    const changes = diffScenario(webTier, reversed);
    expect(changes).toEqual([{ op: 'order', path: '/services', value: reversed.services.map((x) => x.id) }]);
    expect(applied(webTier, changes).services.map((x) => x.id)).toEqual(reversed.services.map((x) => x.id));
    expect(diffScenario(webTier, webTier)).toEqual([]);
  });

  it('escape "/" and "~" in keys as JSON Pointer does', () => {
    const odd = { ...webTier, 'x/y~z': 1 } as Scenario;
    const changes = diffScenario(webTier, odd);
    expect(changes).toEqual([{ op: 'set', path: '/x~1y~0z', value: 1 }]);
    expect(applied(webTier, changes)).toEqual(odd);
  });

  it('apply(diff(a, b)) = b for random edits of a real scenario', () => {
    const fleet = example('fleet');
    const ids = fleet.services.map((x) => x.id);
    const edit = fc.record({
      replicas: fc.array(fc.tuple(fc.integer({ min: 0, max: ids.length - 1 }), fc.integer({ min: 0, max: 50 })), { maxLength: 8 }),
      removed: fc.uniqueArray(fc.integer({ min: 0, max: ids.length - 1 }), { maxLength: 5 }),
      added: fc.integer({ min: 0, max: 3 }),
      shuffle: fc.boolean(),
      overcommit: fc.option(fc.double({ min: 1, max: 8, noNaN: true })),
      tenantDropped: fc.boolean(),
    });
    fc.assert(fc.property(edit, (e) => {
      let services = fleet.services.map((x, i) => {
        const r = e.replicas.find(([k]) => k === i);
        return r ? { ...x, replicas: r[1] } : x;
      }).filter((_, i) => !e.removed.includes(i));
      services = [...services, ...Array.from({ length: e.added }, (_, k) => ({ ...fleet.services[k], id: `new-${k}` }))];
      if (e.shuffle) services = [...services.slice(3), ...services.slice(0, 3)];
      const target: Scenario = {
        ...fleet, services,
        tenants: e.tenantDropped ? fleet.tenants.slice(1) : fleet.tenants,
        deployment: e.overcommit === null ? fleet.deployment : { ...fleet.deployment, vm: { ...fleet.deployment.vm, cpuOvercommit: e.overcommit } },
      };
      const changes = diffScenario(fleet, target);
      expect(applied(fleet, changes)).toEqual(target);
      // Small: never more changes than edits (plus one order).
      expect(changes.length).toBeLessThanOrEqual(e.replicas.length + e.removed.length + e.added + 3);
    }), { numRuns: 60 });
  });

  it('say which change cannot apply and why', () => {
    const bad = (changes: VariantChange[]) => applyChanges(webTier, changes);
    expect(bad([{ op: 'set', path: '/deployment/vm/cpuOvercommit', value: 2 }, { op: 'set', path: '/services/nope/replicas', value: 1 }]))
      .toEqual({ ok: false, change: 1, message: 'no element with id "nope" at /services' });
    expect(bad([{ op: 'remove', path: '/services/nope' }])).toMatchObject({ ok: false, change: 0, message: expect.stringContaining('no element') });
    expect(bad([{ op: 'order', path: '/services', value: ['x'] }])).toMatchObject({ ok: false, message: expect.stringContaining('each id') });
    expect(bad([{ op: 'set', path: '/services/x', value: { id: 'y' } }])).toMatchObject({ ok: false, message: expect.stringContaining('id "x"') });
    expect(bad([{ op: 'set', path: '/name/x', value: 1 }])).toMatchObject({ ok: false, message: expect.stringContaining('nothing to change inside /name') });
  });
});

describe('variants in the scenario file', () => {
  const withVariants = (variants: unknown) => ({ ...JSON.parse(serialiseScenario(webTier)), variants });

  it('open with defaults filled into their values, and save canonically with a few lines per change', () => {
    const service = { id: 'search', name: 'Search', tenant: webTier.tenants[0].id, replicas: 2, demand: { cpuCores: 1, memoryGiB: 2 } };
    const r = parseScenarioValue(withVariants([
      { id: 'oc4', name: 'Overcommit 4:1', changes: [{ op: 'set', path: '/deployment/vm/cpuOvercommit', value: 4 }] },
      { id: 'search', name: 'With search', changes: [{ op: 'set', path: '/services/search', value: service }] },
    ]));
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    const added = r.scenario.variants![1].changes[0].value as Service;
    expect(added.isolation).toBe('shared-kernel'); // the service schema's default
    expect(added.demand.diskGB).toBe(0);
    const text = serialiseScenario(r.scenario);
    expect(parseScenarioText(text)).toMatchObject({ ok: true });
    expect(serialiseScenario((parseScenarioText(text) as { scenario: Scenario }).scenario)).toBe(text);
    const plain = serialiseScenario(webTier).split('\n').length;
    const oneVariant = serialiseScenario({ ...webTier, variants: [r.scenario.variants![0]] }).split('\n').length;
    expect(oneVariant - plain).toBeLessThanOrEqual(14);
  });

  it('name the variant, the change and the field of every mistake', () => {
    const errors = (variants: unknown) => {
      const r = parseScenarioValue(withVariants(variants));
      return r.ok ? [] : r.errors.map((e) => `${e.where}: ${e.message}`);
    };
    expect(errors([{ id: 'a', name: 'A', changes: [{ op: 'set', path: '/services/api/replicas', value: -1 }] }]))
      .toEqual([expect.stringMatching(/^\$\.variants\[0\]\.changes\[0\]\.value: .*>=0/)]);
    expect(errors([{ id: 'a', name: 'A', changes: [{ op: 'set', path: '/services/nope/replicas', value: 1 }] }]))
      .toEqual(['$.variants[0].changes[0].path: no element with id "nope" at /services']);
    expect(errors([{ id: 'a', name: 'A', changes: [{ op: 'set', path: '/version', value: 3 }] }]))
      .toEqual([expect.stringMatching(/^\$\.variants\[0\]\.changes\[0\]\.path: a variant cannot change "version"/)]);
    expect(errors([{ id: 'a', name: 'A', changes: [{ op: 'set', path: 'deployment', value: 3 }] }]))
      .toEqual([expect.stringMatching(/^\$\.variants\[0\]\.changes\[0\]\.path: expected a JSON Pointer/)]);
    expect(errors([{ id: 'a', name: 'A', changes: [] }, { id: 'a', name: 'B', changes: [] }]))
      .toEqual([expect.stringMatching(/^\$\.variants\[1\]\.id: duplicate variant id "a"/)]);
    const models = webTier.hostModels.map((m) => ({ op: 'remove', path: `/hostModels/${m.id}` }));
    expect(errors([{ id: 'a', name: 'A', changes: models }]).join('\n')).toMatch(/\$\.variants\[0\]\.changes\[\d\]\.path: the variant would leave \/hostModels empty/);
  });
});

describe('variant snapshots', () => {
  it('stay what they were when kept while the scenario is edited, and resolve to the same object', () => {
    const snaps = new VariantSnapshots<Scenario>();
    const oc4: Scenario = { ...webTier, deployment: { ...webTier.deployment, vm: { ...webTier.deployment.vm, cpuOvercommit: 4 } } };
    const variants = [snaps.make(webTier, '1', 'as is', webTier), snaps.make(webTier, '2', 'oc 4', oc4)];
    expect(variants.map((v) => v.changes.length)).toEqual([0, 1]);
    expect(snaps.of(webTier, variants[0])).toBe(webTier);

    // Edit the scenario: both variants keep their scenario (same objects), expressed against the new one.
    const edited: Scenario = { ...webTier, services: webTier.services.map((x, i) => (i === 0 ? { ...x, replicas: 40 } : x)) };
    const rebased = snaps.rebase(webTier, edited, variants);
    expect(snaps.of(edited, rebased[0])).toBe(webTier);
    expect(snaps.of(edited, rebased[1])).toBe(snaps.of(webTier, variants[1]));
    expect(rebased[1].changes.map((c) => c.path)).toEqual(['/deployment/vm/cpuOvercommit', `/services/${webTier.services[0].id}/replicas`]);
    // A variant resolved afresh from its changes (a reopened file) is the same scenario.
    expect(applied(edited, rebased[1].changes)).toEqual(oc4);
    // A rename keeps the snapshot.
    const renamed = snaps.with(edited, rebased[1], { name: 'four to one' });
    expect(snaps.of(edited, renamed)).toBe(snaps.of(edited, rebased[1]));
  });
});
