// The acceptance test: a batch of 210 runs run by the built command line as 1, 3 and 7 shards —
// separate processes that take their shard from the batch engines' environment variables (AWS Batch, Slurm,
// Kubernetes), one of them with two worker threads — and one shard killed midway and run again. Every merge
// must be byte for byte the table of the unsharded run. Runs are cheap (a tiny scenario, FFD, no improvement).
import { existsSync, mkdtempSync, readFileSync, writeFileSync, appendFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { minimalInput } from '../../support/scenarios';
import { BUNDLE_TIMEOUT_MS, cliBundle, runCli, startCli } from '../../support/cli-bundle';

const dir = mkdtempSync(join(tmpdir(), 'hostfit-shards-'));
const RUNS = 10 * 3 * 7;
writeFileSync(join(dir, 'tiny.hostfit.json'), JSON.stringify({ ...minimalInput(), policy: { algorithm: 'ffd', improveIterations: 0, sizing: { runs: 0 } } }));
const batch = join(dir, 'grid.hostfit-batch.json');
writeFileSync(batch, JSON.stringify({
  format: 'hostfit-batch', version: 1, name: 'shard test', scenarios: ['tiny.hostfit.json'],
  grid: [{ param: 'services[svc].replicas', values: '1..10' }, { param: 'deployment.vm.cpuOvercommit', values: [1, 2, 3] }], seeds: '1..7',
}));
const shardFile = (n: number, i: number) => join(dir, `shard-${n}-${i}.jsonl`);
const lineCount = (file: string) => (existsSync(file) ? readFileSync(file, 'utf8').split('\n').length - 1 : 0);
const withoutTimes = (files: string[]) => files.flatMap((f) => readFileSync(f, 'utf8').trim().split('\n'))
  .map((l) => JSON.parse(l)).map((l) => ({ ...l, seconds: 0 })).sort((a, b) => a.index - b.index);

function merge(files: string[], out: string) {
  return runCli(['batch', 'merge', ...files, '--out', out]);
}

/** Runs shards 1..n of n at once (but `skip`), each a process of its own with the engine's environment. */
async function shards(n: number, env: (i: number) => Record<string, string>, extra: (i: number) => string[] = () => [], skip?: number) {
  const which = Array.from({ length: n }, (_, k) => k + 1).filter((i) => i !== skip);
  const runs = which.map((i) => startCli(['batch', batch, '--out', shardFile(n, i), ...extra(i)], { env: env(i) }).done);
  const done = await Promise.all(runs);
  done.forEach((r) => expect(r.code, r.err).toBe(0));
  return done;
}

describe('a batch as 1, 3 and 7 shards', { timeout: 120_000 }, () => {
  let table: string;
  beforeAll(async () => {
    cliBundle();
    // 1 shard: an AWS Batch array job of size 1 is the whole, unsharded batch.
    const [one] = await shards(1, () => ({ AWS_BATCH_JOB_ARRAY_INDEX: '0', AWS_BATCH_JOB_ARRAY_SIZE: '1' }));
    expect(one.err).toMatch(new RegExp(`${RUNS} compare runs .*AWS Batch array index 0: shard 1/1, ${RUNS} runs`));
    expect(lineCount(shardFile(1, 1))).toBe(RUNS);
    expect(merge([shardFile(1, 1)], join(dir, 'unsharded.csv')).code).toBe(0);
    table = readFileSync(join(dir, 'unsharded.csv'), 'utf8');
  }, BUNDLE_TIMEOUT_MS);

  it('has one row per run, in run order', () => {
    const rows = table.trim().split('\n');
    expect(rows).toHaveLength(RUNS + 1);
    expect(rows[0]).toMatch(/^index,scenario,services\[svc\]\.replicas,deployment\.vm\.cpuOvercommit,seed,status,error,vm\.hostsUsed/);
    expect(rows.slice(1).map((r) => Number(r.split(',')[0]))).toEqual(Array.from({ length: RUNS }, (_, i) => i));
    expect(rows.slice(1).every((r) => r.split(',')[5] === 'ok')).toBe(true);
  });

  it('3 shards of a Slurm array (--array=1-3), one on two worker threads, merge to the same table', async () => {
    const done = await shards(3, (i) => ({ SLURM_ARRAY_TASK_ID: String(i), SLURM_ARRAY_TASK_MIN: '1', SLURM_ARRAY_TASK_COUNT: '3' }), (i) => (i === 2 ? ['--workers', '2'] : []));
    expect(done[1].err).toMatch(/Slurm array task 2 \(tasks from 1\): shard 2\/3, 70 runs, 70 to run on 2 thread/);
    const files = [1, 2, 3].map((i) => shardFile(3, i));
    expect(merge([files[2], files[0], files[1]], join(dir, 'three.csv')).code).toBe(0);
    expect(readFileSync(join(dir, 'three.csv'), 'utf8')).toBe(table);
    expect(withoutTimes(files)).toEqual(withoutTimes([shardFile(1, 1)]));
  });

  it('7 shards of a Kubernetes Indexed Job, one killed midway and run again, merge to the same table', async () => {
    const env = (i: number) => ({ JOB_COMPLETION_INDEX: String(i - 1), HOSTFIT_SHARD_COUNT: '7' });
    const victim = 5, file = shardFile(7, victim);
    const others = shards(7, env, () => [], victim);
    // The victim: killed as soon as it has written two lines.
    const killed = startCli(['batch', batch, '--out', file], { env: env(victim) });
    await new Promise<void>((resolve) => {
      const poll = setInterval(() => { if (lineCount(file) >= 2) { clearInterval(poll); killed.child.kill('SIGKILL'); resolve(); } }, 2);
    });
    const k = await killed.done;
    expect(k.signal).toBe('SIGKILL');
    await others;
    // A pod can also die in the middle of a write: leave half a line at the end.
    const written = lineCount(file);
    expect(written).toBeLessThan(30);
    appendFileSync(file, '{"batch":"');
    const files = Array.from({ length: 7 }, (_, i) => shardFile(7, i + 1));
    const partial = merge(files, join(dir, 'seven.csv'));
    expect(partial.code).toBe(1);
    expect(partial.err).toMatch(/runs have no result/);
    expect(existsSync(join(dir, 'seven.csv'))).toBe(false);

    const again = runCli(['batch', batch, '--out', file], { env: env(victim) });
    expect(again.code).toBe(0);
    expect(again.err).toMatch(/half-written line/);
    expect(again.err).toMatch(new RegExp(`shard 5/7, 30 runs, ${written} already in .*, ${30 - written} to run`));
    expect(lineCount(file)).toBe(30);
    expect(merge(files, join(dir, 'seven.csv')).code).toBe(0);
    expect(readFileSync(join(dir, 'seven.csv'), 'utf8')).toBe(table);
  });
});
