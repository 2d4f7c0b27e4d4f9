// Which runs a shard runs: shard i of n (i from 1) takes the runs whose index ≡ i−1 (mod n), so every shard gets
// an even mix of the grid. i and n come from `--shard i/n` or from the batch engine's environment:
//   Kubernetes Indexed Job   JOB_COMPLETION_INDEX (0-based), with HOSTFIT_SHARD_COUNT = spec.completions (the
//                            manifest passes it: Kubernetes does not tell a pod the completion count)
//   Slurm job array          SLURM_ARRAY_TASK_ID, SLURM_ARRAY_TASK_COUNT, SLURM_ARRAY_TASK_MIN (and _STEP):
//                            --array=0-9 and --array=1-10 both give shards 1..10
//   AWS Batch array job      AWS_BATCH_JOB_ARRAY_INDEX (0-based), with AWS_BATCH_JOB_ARRAY_SIZE or
//                            HOSTFIT_SHARD_COUNT (the job definition passes the array size)
// `--shards n` may give the count instead of HOSTFIT_SHARD_COUNT. Pure: the caller passes the environment.

export interface Shard {
  /** 1-based. */
  readonly index: number;
  readonly count: number;
  /** Where i and n came from, for the progress line. */
  readonly source: string;
}

export class ShardError extends Error {}

export const WHOLE_BATCH: Shard = { index: 1, count: 1, source: 'the whole batch' };

function whole(text: string | undefined, name: string, min: number): number {
  const v = Number(text);
  if (text === undefined || text.trim() === '' || !Number.isInteger(v) || v < min) throw new ShardError(`${name} must be a whole number >= ${min}, not "${text ?? ''}"`);
  return v;
}

function checked(index: number, count: number, source: string): Shard {
  if (index < 1 || index > count) throw new ShardError(`${source}: shard ${index} of ${count} does not exist (1..${count})`);
  return { index, count, source };
}

/** `2/3` → shard 2 of 3. */
export function parseShard(text: string): Shard {
  const m = /^\s*(\d+)\s*\/\s*(\d+)\s*$/.exec(text);
  if (!m) throw new ShardError(`--shard takes i/n (e.g. 2/3, i from 1), not "${text}"`);
  return checked(Number(m[1]), Number(m[2]), `--shard ${m[1]}/${m[2]}`);
}

export type Env = Readonly<Record<string, string | undefined>>;

/** The shard the batch engine's environment names, or null when none is set. `count` is `--shards`. */
export function shardFromEnv(env: Env, count?: number): Shard | null {
  const given = (name: string) => env[name] !== undefined && env[name] !== '';
  const total = (names: string[], what: string): number => {
    if (count !== undefined) return count;
    const name = names.find(given);
    if (!name) throw new ShardError(`${what}: set ${names.join(' or ')} (or pass --shards N) to the number of shards`);
    return whole(env[name], name, 1);
  };
  if (given('JOB_COMPLETION_INDEX')) {
    const n = total(['HOSTFIT_SHARD_COUNT'], 'Kubernetes Indexed Job (JOB_COMPLETION_INDEX)');
    return checked(whole(env.JOB_COMPLETION_INDEX, 'JOB_COMPLETION_INDEX', 0) + 1, n, `Kubernetes completion index ${env.JOB_COMPLETION_INDEX}`);
  }
  if (given('SLURM_ARRAY_TASK_ID')) {
    const id = whole(env.SLURM_ARRAY_TASK_ID, 'SLURM_ARRAY_TASK_ID', 0);
    const min = given('SLURM_ARRAY_TASK_MIN') ? whole(env.SLURM_ARRAY_TASK_MIN, 'SLURM_ARRAY_TASK_MIN', 0) : 0;
    const step = given('SLURM_ARRAY_TASK_STEP') ? whole(env.SLURM_ARRAY_TASK_STEP, 'SLURM_ARRAY_TASK_STEP', 1) : 1;
    const n = total(['SLURM_ARRAY_TASK_COUNT'], 'Slurm array task');
    if ((id - min) % step !== 0) throw new ShardError(`Slurm array task ${id} is not on the array's range ${min}-…:${step}; use --array=0-${n - 1}`);
    return checked((id - min) / step + 1, n, `Slurm array task ${id} (tasks from ${min})`);
  }
  if (given('AWS_BATCH_JOB_ARRAY_INDEX')) {
    const n = total(['AWS_BATCH_JOB_ARRAY_SIZE', 'HOSTFIT_SHARD_COUNT'], 'AWS Batch array job (AWS_BATCH_JOB_ARRAY_INDEX)');
    return checked(whole(env.AWS_BATCH_JOB_ARRAY_INDEX, 'AWS_BATCH_JOB_ARRAY_INDEX', 0) + 1, n, `AWS Batch array index ${env.AWS_BATCH_JOB_ARRAY_INDEX}`);
  }
  return null;
}

/** `--shard` wins over the environment; neither means the whole batch. */
export function resolveShard(flag: string | undefined, env: Env, count?: number): Shard {
  if (flag !== undefined) return parseShard(flag);
  const fromEnv = shardFromEnv(env, count);
  if (fromEnv) return fromEnv;
  if (count !== undefined && count !== 1) {
    throw new ShardError('--shards needs a shard index from the environment (JOB_COMPLETION_INDEX, SLURM_ARRAY_TASK_ID or AWS_BATCH_JOB_ARRAY_INDEX)');
  }
  return WHOLE_BATCH;
}

/** Indices of the runs of shard `s` in a batch of `runs` runs, in run order. */
export function shardRuns(runs: number, s: Shard): number[] {
  const out: number[] = [];
  for (let i = s.index - 1; i < runs; i += s.count) out.push(i);
  return out;
}
