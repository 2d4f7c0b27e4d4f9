// The JSON Schema of the scenario format, generated from the zod definition, so editors (VS Code's
// "json.schemas", "$schema") validate files the way Hostfit does (cross-references excepted).
import { z } from 'zod';
import { canonicalise } from './canonical';
import { SCENARIO_VERSION, scenarioSchema } from './schema';

export const SCENARIO_SCHEMA_ID = `https://hostfit.dev/schema/hostfit-scenario-v${SCENARIO_VERSION}.json`;

export function scenarioJsonSchema(): Record<string, unknown> {
  const schema = z.toJSONSchema(scenarioSchema, { io: 'input', unrepresentable: 'any' }) as Record<string, unknown>;
  return { ...schema, $id: SCENARIO_SCHEMA_ID, title: `Hostfit scenario, format version ${SCENARIO_VERSION}` };
}

export function scenarioJsonSchemaText(): string {
  return JSON.stringify(canonicalise(scenarioJsonSchema()), null, 2) + '\n';
}
