// Writes the bundled examples to examples/*.hostfit.json and the JSON Schema to schema/, from our own generators.
import { mkdirSync, writeFileSync } from 'node:fs';
import { EXAMPLES, exampleText } from '../core/examples/index';
import { scenarioJsonSchemaText } from '../core/scenario/json-schema';

const root = new URL('../', import.meta.url);
mkdirSync(new URL('examples/', root), { recursive: true });
mkdirSync(new URL('schema/', root), { recursive: true });
for (const example of EXAMPLES) {
  writeFileSync(new URL(`examples/${example.file}`, root), exampleText(example));
  console.log(`examples/${example.file}`);
}
writeFileSync(new URL('schema/hostfit-scenario.schema.json', root), scenarioJsonSchemaText());
console.log('schema/hostfit-scenario.schema.json');
