// Layer rule for the kernel: every import in assembly/ resolves inside assembly/ (ESLint cannot parse
// AssemblyScript's function decorators, so this small check enforces the boundary instead).
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';

const root = resolve(import.meta.dirname, '../assembly');
const violations = [];
function walk(dir) {
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) { if (entry.name !== 'build') walk(path); continue; }
    if (!entry.name.endsWith('.ts')) continue;
    const source = readFileSync(path, 'utf8');
    for (const m of source.matchAll(/^\s*(?:import|export)[^'"]*from\s+['"]([^'"]+)['"]/gm)) {
      const target = resolve(dirname(path), m[1]);
      if (!m[1].startsWith('.') || relative(root, target).startsWith('..')) violations.push(`${relative(process.cwd(), path)}: ${m[1]}`);
    }
  }
}
walk(root);
if (violations.length > 0) {
  console.error(`The kernel (assembly/) may import only its own files:\n  ${violations.join('\n  ')}`);
  process.exit(1);
}
