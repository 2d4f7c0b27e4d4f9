import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { EXAMPLES, exampleText } from '../../../core/examples/index';
import { serialiseScenario } from '../../../core/scenario/canonical';
import { scenarioJsonSchemaText } from '../../../core/scenario/json-schema';
import { parseScenarioText } from '../../../core/scenario/parse';

const root = new URL('../../../', import.meta.url);

describe('bundled examples', () => {
  it.each(EXAMPLES.map((e) => [e.id, e] as const))('examples/%s file equals what the generator produces', (_id, example) => {
    const onDisk = readFileSync(new URL(`examples/${example.file}`, root), 'utf8');
    expect(onDisk).toBe(exampleText(example));
  });

  it.each(EXAMPLES.map((e) => [e.id, e] as const))('%s opens and saves back byte-identical', (_id, example) => {
    const text = exampleText(example);
    const r = parseScenarioText(text);
    expect(r.ok).toBe(true);
    if (r.ok) expect(serialiseScenario(r.scenario)).toBe(text);
  });

  it('includes a fleet of a few thousand replicas and a multi-tenant mix with isolation needs', () => {
    const fleet = parseScenarioText(exampleText(EXAMPLES.find((e) => e.id === 'fleet')!));
    const multi = parseScenarioText(exampleText(EXAMPLES.find((e) => e.id === 'multi-tenant')!));
    if (!fleet.ok || !multi.ok) throw new Error('examples must parse');
    expect(fleet.scenario.services.reduce((n, s) => n + s.replicas, 0)).toBeGreaterThan(2000);
    expect(new Set(multi.scenario.services.map((s) => s.isolation)).size).toBe(4);
  });

  it('schema/hostfit-scenario.schema.json is the schema generated from the definition', () => {
    const onDisk = readFileSync(new URL('schema/hostfit-scenario.schema.json', root), 'utf8');
    expect(onDisk).toBe(scenarioJsonSchemaText());
    const schema = JSON.parse(onDisk);
    expect(schema.required).toEqual(expect.arrayContaining(['format', 'version', 'hostModels', 'services']));
  });
});
