import { describe, expect, it } from 'vitest';
import { serialiseScenario } from '../../../core/scenario/canonical';
import { parseScenarioText, parseScenarioValue } from '../../../core/scenario/parse';
import { minimalInput, parsed } from '../../support/scenarios';

function errorsOf(input: unknown) {
  const r = typeof input === 'string' ? parseScenarioText(input) : parseScenarioValue(input);
  if (r.ok) throw new Error('expected the scenario to be rejected');
  return r.errors;
}

describe('scenario parsing', () => {
  it('accepts a minimal scenario and fills documented defaults', () => {
    const s = parsed(minimalInput());
    expect(s.services[0].isolation).toBe('shared-kernel');
    expect(s.services[0].demand.diskGB).toBe(0);
    expect(s.deployment.container.maxPodsPerNode).toBe(110);
    expect(s.sites[0].pue).toBe(1.58);
  });

  it('names the JSON path and the expected type of a wrong field', () => {
    const input = minimalInput();
    (input.services[0].demand as Record<string, unknown>).cpuCores = 'two';
    const errors = errorsOf(input);
    expect(errors).toHaveLength(1);
    expect(errors[0].where).toBe('$.services[0].demand.cpuCores');
    expect(errors[0].message).toMatch(/expected number/);
  });

  it('reports a missing required field', () => {
    const input = minimalInput() as Record<string, unknown>;
    delete input.hostModels;
    expect(errorsOf(input)[0].where).toBe('$.hostModels');
  });

  it('reports duplicate ids and dangling references at the offending path', () => {
    const input = minimalInput();
    input.services.push({ ...input.services[0] });
    input.sites[0].racks[0].hosts[0].model = 'nope';
    input.services[0].tenant = 'ghost';
    const errors = errorsOf(input);
    const where = errors.map((e) => e.where);
    expect(where).toContain('$.services[1].id');
    expect(where).toContain('$.sites[0].racks[0].hosts[0].model');
    expect(where).toContain('$.services[0].tenant');
    expect(errors.find((e) => e.where === '$.services[1].id')?.message).toMatch(/duplicate service id "svc"/);
  });

  it('rejects negative, fractional and huge numbers where they make no sense', () => {
    const input = minimalInput();
    input.services[0].replicas = 2.5;
    input.hostModels[0].cores = -1;
    input.services[0].demand.memoryGiB = 1e300;
    const where = errorsOf(input).map((e) => e.where);
    expect(where).toEqual(expect.arrayContaining(['$.services[0].replicas', '$.hostModels[0].cores', '$.services[0].demand.memoryGiB']));
  });

  it('gives line and column for malformed JSON', () => {
    const text = '{\n  "format": "hostfit-scenario",\n  "version": 1,\n  oops\n}';
    const [e] = errorsOf(text);
    expect(e.where).toMatch(/^line 4, column \d+$/);
    expect(e.message).toMatch(/not valid JSON/);
  });

  it('names where a truncated file breaks off, and refuses absurd nesting before parsing', () => {
    const text = serialiseScenario(parsed(minimalInput()));
    const cut = text.slice(0, 120);
    const [e] = errorsOf(cut);
    expect(e.where).toBe(`line ${cut.split('\n').length}, column ${cut.length - cut.lastIndexOf('\n')}`);
    expect(errorsOf('['.repeat(100_000))[0].message).toMatch(/nested more than 64 levels/);
  });

  it('accepts a genuine U+FFFD character in a name (decoding is strict upstream, not here)', () => {
    expect(parsed({ ...minimalInput(), name: 'Replacement \uFFFD sign' }).name).toBe('Replacement \uFFFD sign');
    const r = parseScenarioText(JSON.stringify({ ...minimalInput(), name: 'x\uFFFDy' }));
    expect(r.ok).toBe(true);
  });

  it('rejects files that are not scenarios, with the field that says so', () => {
    expect(errorsOf('[1,2]')[0].where).toBe('$');
    expect(errorsOf({ format: 'other', version: 1 })[0].where).toBe('$.format');
    expect(errorsOf({ format: 'hostfit-scenario', version: 'one' })[0].where).toBe('$.version');
    expect(errorsOf('')[0].message).toMatch(/not valid JSON/);
  });

  it('opens a file from a newer version read-only and says so', () => {
    const r = parseScenarioValue({ ...minimalInput(), version: 7, futureField: { x: 1 } });
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.readOnly).toBe(true);
    expect(r.fileVersion).toBe(7);
    expect(r.notices[0]).toMatch(/newer Hostfit/);
  });

  it('keeps unknown fields at every level through a round trip', () => {
    const input = minimalInput() as Record<string, unknown> & ReturnType<typeof minimalInput>;
    (input as Record<string, unknown>).addedLater = { nested: [1, 2] };
    (input.services[0] as Record<string, unknown>).slo = '99.9';
    (input.sites[0].racks[0] as Record<string, unknown>).row = 'B';
    const text = serialiseScenario(parsed(input));
    const again = JSON.parse(text);
    expect(again.addedLater).toEqual({ nested: [1, 2] });
    expect(again.services[0].slo).toBe('99.9');
    expect(again.sites[0].racks[0].row).toBe('B');
  });

  it('serialises canonically: same bytes after parse and save, whatever the key order', () => {
    const a = serialiseScenario(parsed(minimalInput()));
    const shuffled = JSON.parse(a, (_k, v) => (v && typeof v === 'object' && !Array.isArray(v)
      ? Object.fromEntries(Object.entries(v).reverse()) : v));
    const b = serialiseScenario(parsed(shuffled));
    expect(b).toBe(a);
    expect(serialiseScenario(parsed(JSON.parse(b)))).toBe(b);
    expect(a.startsWith('{\n  "format": "hostfit-scenario",\n  "version": 2,\n  "name": "Minimal",')).toBe(true);
    expect(a.endsWith('}\n')).toBe(true);
  });
});
