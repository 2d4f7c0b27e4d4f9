import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { main } from '../../../electron/cli/main';

async function cli(args: string[]) {
  let out = '', err = '';
  const code = await main(args, (s) => { out += s; }, (s) => { err += s; });
  return { code, out, err };
}

const data = (path: string) => fileURLToPath(new URL(`../../../../shared/data/binpacking/${path}`, import.meta.url));
const temp = (name: string, text: string) => {
  const file = join(mkdtempSync(join(tmpdir(), 'hostfit-pack-')), name);
  writeFileSync(file, text);
  return file;
};

describe('hostfit pack', () => {
  it('packs a BPPLIB instance to its optimum and reports a verified answer as JSON', async () => {
    const r = await cli(['pack', data('falkenauer/Falkenauer_U/Falkenauer_u120_00.txt'), '--iterations', '20000', '--json']);
    expect(r.code).toBe(0);
    const j = JSON.parse(r.out);
    expect(j).toMatchObject({ instance: 'Falkenauer_u120_00', items: 120, dims: 1, algorithm: 'best', feasible: true, violations: [] });
    expect(j.bins).toBe(j.lowerBound); // 48 bins, the optimum, proven by the bound
    expect(j.bins).toBe(48);
    expect(typeof j.seconds).toBe('number');
  });

  it('packs a VPSolver instance with a named algorithm, deterministically for an iteration budget', async () => {
    const run = () => cli(['pack', data('vbp_triplet/Caprara/classC_120_10_0.vbp'), '--algorithm', 'ffd+cns', '--iterations', '3000', '--seed', '3', '--json', '--assignment']);
    const a = JSON.parse((await run()).out), b = JSON.parse((await run()).out);
    expect(a.feasible).toBe(true);
    expect(a.bins).toBeLessThan(a.constructiveBins);
    expect(a.assignment).toHaveLength(120);
    expect(new Set(a.assignment).size).toBe(a.bins);
    expect({ ...a, seconds: 0 }).toEqual({ ...b, seconds: 0 });
  });

  it('adds the LP bound on request and prints a readable summary without --json', async () => {
    const lp = JSON.parse((await cli(['pack', temp('six.txt', '3\n10\n6\n6\n6\n'), '--lp', '--json'])).out);
    expect(lp).toMatchObject({ bins: 3, lowerBound: 3, bounds: { volumeL2: 3, lp: 3 } });
    const text = await cli(['pack', temp('small.txt', '3\n10\n6\n5\n4\n'), '--time-limit', '0.2']);
    expect(text.out).toMatch(/bins 2 +lower bound 2 \(volume\) +gap 0 +feasible/);
  });

  it('rejects bad files (exit 1, naming the line) and bad arguments (exit 2)', async () => {
    const bad = await cli(['pack', temp('bad.txt', '2\n10\n4\nfive\n')]);
    expect(bad.code).toBe(1);
    expect(bad.err).toMatch(/line 4: expected weight 2 of 2 \(an integer\), got "five"/);
    expect((await cli(['pack', temp('big.txt', '1\n10\n11\n')])).err).toMatch(/larger than the bin capacity/);
    expect((await cli(['pack', '/no/such/file.txt'])).code).toBe(1);
    expect((await cli(['pack'])).code).toBe(2);
    expect((await cli(['pack', 'x.txt', '--algorithm', 'nope'])).code).toBe(2);
    expect((await cli(['pack', 'x.txt', '--seed', '-1'])).code).toBe(2);
  });
});
