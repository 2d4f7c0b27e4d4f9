// `npm run bench [-- <suite> …]`: runs every benchmark suite in bench/suites (or the named ones) and prints
// their tables. Each suite module exports `name`, `description` and `run(args)`. Benchmarks measure speed;
// unit tests never time anything.
import { readdirSync } from 'node:fs';

interface Suite {
  name: string;
  description: string;
  run(args: string[]): Promise<void>;
}

const dir = new URL('./suites/', import.meta.url);
const files = readdirSync(dir).filter((f) => f.endsWith('.ts')).sort();
const wanted = process.argv.slice(2).filter((a) => !a.startsWith('-'));
const flags = process.argv.slice(2).filter((a) => a.startsWith('-'));

for (const file of files) {
  const suite = (await import(new URL(file, dir).href)) as Suite;
  if (wanted.length > 0 && !wanted.includes(suite.name)) continue;
  console.log(`\n## ${suite.name}: ${suite.description}\n`);
  await suite.run(flags);
}
