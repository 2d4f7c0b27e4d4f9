import { describe, expect, it } from 'vitest';
import { parseShard, resolveShard, shardFromEnv, shardRuns, ShardError } from '../../../core/batch/shard';

describe('batch shards', () => {
  it('shard i of n takes the runs ≡ i−1 (mod n): every run exactly once over the shards', () => {
    expect(shardRuns(10, parseShard('2/3'))).toEqual([1, 4, 7]);
    for (const n of [1, 3, 7, 250]) {
      const all = Array.from({ length: n }, (_, k) => shardRuns(201, { index: k + 1, count: n, source: '' })).flat().sort((a, b) => a - b);
      expect(all).toEqual(Array.from({ length: 201 }, (_, i) => i));
    }
    expect(() => parseShard('0/3')).toThrow(ShardError);
    expect(() => parseShard('4/3')).toThrow(/shard 4 of 3 does not exist/);
    expect(() => parseShard('2-3')).toThrow(/takes i\/n/);
  });

  it('reads the batch engines\' environments', () => {
    expect(shardFromEnv({ JOB_COMPLETION_INDEX: '0', HOSTFIT_SHARD_COUNT: '7' })).toMatchObject({ index: 1, count: 7 });
    expect(shardFromEnv({ JOB_COMPLETION_INDEX: '6' }, 7)).toMatchObject({ index: 7, count: 7 });
    expect(() => shardFromEnv({ JOB_COMPLETION_INDEX: '1' })).toThrow(/HOSTFIT_SHARD_COUNT/);
    // --array=0-6 and --array=1-7 both number the shards 1..7.
    expect(shardFromEnv({ SLURM_ARRAY_TASK_ID: '0', SLURM_ARRAY_TASK_COUNT: '7', SLURM_ARRAY_TASK_MIN: '0' })).toMatchObject({ index: 1, count: 7 });
    expect(shardFromEnv({ SLURM_ARRAY_TASK_ID: '7', SLURM_ARRAY_TASK_COUNT: '7', SLURM_ARRAY_TASK_MIN: '1' })).toMatchObject({ index: 7, count: 7 });
    expect(shardFromEnv({ SLURM_ARRAY_TASK_ID: '4', SLURM_ARRAY_TASK_COUNT: '3', SLURM_ARRAY_TASK_MIN: '0', SLURM_ARRAY_TASK_STEP: '2' })).toMatchObject({ index: 3, count: 3 });
    expect(() => shardFromEnv({ SLURM_ARRAY_TASK_ID: '9', SLURM_ARRAY_TASK_COUNT: '3', SLURM_ARRAY_TASK_MIN: '0' })).toThrow(/shard 10 of 3 does not exist/);
    expect(shardFromEnv({ AWS_BATCH_JOB_ARRAY_INDEX: '2', AWS_BATCH_JOB_ARRAY_SIZE: '3' })).toMatchObject({ index: 3, count: 3 });
    expect(shardFromEnv({ AWS_BATCH_JOB_ARRAY_INDEX: '2', HOSTFIT_SHARD_COUNT: '4' })).toMatchObject({ index: 3, count: 4 });
    expect(shardFromEnv({})).toBeNull();
  });

  it('--shard wins over the environment; nothing means the whole batch', () => {
    expect(resolveShard('2/3', { JOB_COMPLETION_INDEX: '0', HOSTFIT_SHARD_COUNT: '7' })).toMatchObject({ index: 2, count: 3 });
    expect(resolveShard(undefined, {})).toMatchObject({ index: 1, count: 1 });
    expect(() => resolveShard(undefined, {}, 4)).toThrow(/--shards needs a shard index/);
  });
});
