// The built command line (scripts/build-cli.mjs): built into a temp folder and run as a separate process, it
// answers as the sources do, finds its WASM beside itself, starts worker threads from itself, and keeps the exit
// codes. The other CLI tests exercise the sources (electron/cli/main.ts) in-process.
import { spawnSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { main } from '../../../electron/cli/main';
import { BUNDLE_TIMEOUT_MS, cliBundle, repoRoot as root, runCli } from '../../support/cli-bundle';

const example = (id: string) => join(root, 'examples', `${id}.hostfit.json`);
let dir: string;

const run = (args: string[], cwd = root) => runCli(args, { cwd });

async function sources(args: string[]) {
  let out = '', err = '';
  const code = await main(args, (s) => { out += s; }, (s) => { err += s; });
  return { code, out, err };
}

describe('the built command line', { timeout: 60_000 }, () => {
  beforeAll(() => { dir = cliBundle(); }, BUNDLE_TIMEOUT_MS);

  it('is an ESM entry with the chunks its commands load and the WASM beside it', () => {
    for (const f of ['hostfit.mjs', 'kernel.release.wasm', 'kernel.plain.wasm', 'kernel.debug.wasm', 'highs.wasm']) expect(existsSync(join(dir, f))).toBe(true);
    expect(readdirSync(dir).filter((f) => /^chunk-.+\.mjs$/.test(f)).length).toBeGreaterThan(0);
  });

  it('prints the usage of every command without loading any, and one command\'s usage', async () => {
    const help = run(['--help']);
    expect(help.code).toBe(0);
    expect(help.out).toBe((await sources(['--help'])).out);
    for (const c of ['plan', 'pack', 'compare', 'sweep', 'simulate']) expect(help.out).toContain(`hostfit ${c} `);
    const one = run(['plan', '--help']);
    expect(one.code).toBe(0);
    expect(one.out).toMatch(/^Usage:\n {2}hostfit plan </);
  });

  it('plans an example to the same JSON as the sources, from any working directory', async () => {
    const built = run(['plan', example('web-tier'), '--json'], tmpdir());
    expect(built.code).toBe(0);
    expect(built.out).toBe((await sources(['plan', example('web-tier'), '--json'])).out);
  });

  it('starts sweep workers from the bundle itself', async () => {
    const args = ['sweep', example('web-tier'), '--param', 'deployment.vm.cpuOvercommit', '--values', '1,2', '--json', '--threads', '2'];
    const built = run(args);
    expect(built.code).toBe(0);
    expect(JSON.parse(built.out)).toEqual(JSON.parse((await sources(args)).out));
  });

  it('simulates from the chunks it loads: a preset day on the kernel and on the reference, and a scenario', async () => {
    const traces = mkdtempSync(join(tmpdir(), 'hostfit-traces-'));
    const day = (f: (k: number) => number) => Array.from({ length: 288 }, (_, k) => String(f(k))).join('\n') + '\n';
    writeFileSync(join(traces, 'a'), day((k) => 50 + (k % 40)));
    writeFileSync(join(traces, 'b'), day((k) => 20 + (k % 30)));
    const noSeconds = (text: string) => ({ ...JSON.parse(text), seconds: 0 });
    for (const extra of [[], ['--reference']]) {
      const args = ['simulate', '--preset', 'beloglazov2012', '--traces', traces, '--policy', 'lr-mmt-1.2', '--json', ...extra];
      const built = run(args);
      expect(built.code).toBe(0);
      expect(noSeconds(built.out)).toEqual(noSeconds((await sources(args)).out));
    }
    const scenario = run(['simulate', example('diurnal'), '--json']);
    expect(scenario.code).toBe(0);
    expect(JSON.parse(scenario.out)).toHaveProperty('models');
  });

  it('loads HiGHS from beside the bundle for the LP bound', () => {
    const file = join(dir, 'six.txt');
    writeFileSync(file, '3\n10\n6\n6\n6\n');
    const r = run(['pack', file, '--lp', '--json']);
    expect(r.code).toBe(0);
    expect(JSON.parse(r.out)).toMatchObject({ bins: 3, bounds: { lp: 3 } });
  });

  it('keeps the exit codes: 1 for bad input naming the field, 2 for bad usage', () => {
    const bad = join(dir, 'bad.hostfit.json');
    writeFileSync(bad, '{"format":"hostfit-scenario","version":2,"name":"x","hostModels":"nope"}');
    const invalid = run(['plan', bad]);
    expect(invalid.code).toBe(1);
    expect(invalid.err).toMatch(/\$\.hostModels/);
    expect(run(['plan', join(dir, 'missing.json')]).code).toBe(1);
    const unknown = run(['nope']);
    expect(unknown.code).toBe(2);
    expect(unknown.err).toMatch(/unknown command "nope"[\s\S]*Usage:/);
    expect(run(['plan']).code).toBe(2);
    expect(run(['plan', example('web-tier'), '--bogus']).code).toBe(2);
  });

  it('bin/hostfit.mjs runs the bundle, and says how to build it when it is missing', () => {
    const checkout = mkdtempSync(join(tmpdir(), 'hostfit-bin-'));
    mkdirSync(join(checkout, 'bin'));
    copyFileSync(join(root, 'bin', 'hostfit.mjs'), join(checkout, 'bin', 'hostfit.mjs'));
    const missing = spawnSync(process.execPath, [join(checkout, 'bin', 'hostfit.mjs'), '--help'], { encoding: 'utf8' });
    expect(missing.status).toBe(1);
    expect(missing.stderr).toMatch(/not built .*out\/cli\/hostfit\.mjs is missing[\s\S]*npm run build:cli/);
    mkdirSync(join(checkout, 'out', 'cli'), { recursive: true });
    for (const f of readdirSync(dir).filter((n) => /\.(mjs|wasm)$/.test(n))) copyFileSync(join(dir, f), join(checkout, 'out', 'cli', f));
    const ok = spawnSync(process.execPath, [join(checkout, 'bin', 'hostfit.mjs'), 'plan', example('web-tier')], { encoding: 'utf8' });
    expect(ok.status).toBe(0);
    expect(ok.stdout).toMatch(/hosts used/);
  });
});
