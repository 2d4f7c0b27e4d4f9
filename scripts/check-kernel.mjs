// Rules for the kernel that ESLint cannot check (it cannot parse AssemblyScript's function decorators):
//  - layers: every import in assembly/ resolves inside assembly/;
//  - no allocation: the kernel is built with the stub runtime and its arenas start at __heap_base, so an object
//    made with `new` would be placed over an arena. Scratch space belongs in an arena region.
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';

const root = resolve(import.meta.dirname, '../assembly');
const violations = [];
const allocations = [];

/** The source with comments and string literals blanked (newlines kept, so line numbers stay). */
function codeOnly(source) {
  const blank = (m) => m.replace(/[^\n]/g, ' ');
  return source.replace(/\/\*[\s\S]*?\*\/|\/\/[^\n]*|'(?:\\.|[^'\\\n])*'|"(?:\\.|[^"\\\n])*"|`(?:\\.|[^`\\])*`/g, blank);
}
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
    codeOnly(source).split('\n').forEach((line, k) => {
      if (/\bnew\s+[A-Za-z_$]/.test(line)) allocations.push(`${relative(process.cwd(), path)}:${k + 1}: ${line.trim()}`);
    });
  }
}
walk(root);
if (violations.length > 0) console.error(`The kernel (assembly/) may import only its own files:\n  ${violations.join('\n  ')}`);
if (allocations.length > 0) {
  console.error(`The kernel (assembly/) allocates no objects (stub runtime: they would overlap its arenas):\n  ${allocations.join('\n  ')}`);
}
if (violations.length > 0 || allocations.length > 0) process.exit(1);
