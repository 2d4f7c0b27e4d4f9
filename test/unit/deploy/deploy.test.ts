// The deployment files: the Kubernetes manifest validated against the batch/v1 Job and v1 PersistentVolumeClaim
// schemas (kubernetes-models, the Kubernetes OpenAPI schemas compiled for ajv), then "run": each completion
// index's container arguments, with $(VAR) expanded as the kubelet does and the volumes mapped to folders, are
// run by the built command line, and so is the merge Job — the table must be the unsharded one. The Slurm
// script is run by bash once per task of its #SBATCH --array range. The Dockerfile must build with the commands
// CI runs. (Docker itself cannot build or run here: no daemon, no registry for node:22-slim.)
import { spawn } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Job } from 'kubernetes-models/batch/v1/Job';
import { PersistentVolumeClaim } from 'kubernetes-models/v1/PersistentVolumeClaim';
import { beforeAll, describe, expect, it } from 'vitest';
import { parseAllDocuments } from 'yaml';
import { BUNDLE_TIMEOUT_MS, cliBundle, repoRoot, runCli } from '../../support/cli-bundle';
import { minimalInput, parsed } from '../../support/scenarios';

const read = (path: string) => readFileSync(join(repoRoot, path), 'utf8');
const dir = mkdtempSync(join(tmpdir(), 'hostfit-deploy-'));
// A batch as the app saves it: the scenario inline, so the batch file is all a cluster needs.
const batchText = JSON.stringify({
  format: 'hostfit-batch', version: 1, name: 'deploy test',
  scenarios: [{ name: 'Minimal', scenario: { ...parsed({ ...minimalInput(), policy: { algorithm: 'ffd', improveIterations: 0, sizing: { runs: 0 } } }) } }],
  grid: [{ param: 'services[svc].replicas', values: '1..6' }], seeds: '1..3',
});
let unsharded: string;

function exec(cmd: string, args: string[], env: Record<string, string>, cwd: string) {
  return new Promise<{ code: number | null; err: string }>((resolve) => {
    const child = spawn(cmd, args, { cwd, env: { ...process.env, NODE_OPTIONS: '', ...env } });
    let err = '';
    child.stderr.on('data', (d) => { err += d; });
    child.on('exit', (code) => resolve({ code, err }));
  });
}

interface Container { args: string[]; env?: { name: string; value: string }[]; volumeMounts: { name: string; mountPath: string; readOnly?: boolean }[] }
interface PodSpec { restartPolicy: string; securityContext: { runAsNonRoot: boolean; runAsUser: number }; containers: Container[]; volumes: { name: string }[] }
interface JobDoc { kind: 'Job'; metadata: { name: string }; spec: { completionMode?: string; completions?: number; parallelism?: number; template: { spec: PodSpec } } }

describe('deployment files', { timeout: 120_000 }, () => {
  beforeAll(() => {
    cliBundle();
    const file = join(dir, 'batch.json');
    writeFileSync(file, batchText);
    expect(runCli(['batch', file, '--out', join(dir, 'all.jsonl')]).code).toBe(0);
    expect(runCli(['batch', 'merge', join(dir, 'all.jsonl'), '--out', join(dir, 'all.csv')]).code).toBe(0);
    unsharded = readFileSync(join(dir, 'all.csv'), 'utf8');
  }, BUNDLE_TIMEOUT_MS);

  it('the Kubernetes manifest is a valid PersistentVolumeClaim, Indexed Job and merge Job', () => {
    const docs = parseAllDocuments(read('deploy/kubernetes/indexed-job.yaml')).map((d) => d.toJS());
    expect(docs.map((d) => `${d.apiVersion} ${d.kind} ${d.metadata.name}`)).toEqual([
      'v1 PersistentVolumeClaim hostfit-results', 'batch/v1 Job hostfit-batch', 'batch/v1 Job hostfit-merge']);
    for (const d of docs) (d.kind === 'Job' ? new Job(d) : new PersistentVolumeClaim(d)).validate();
    // The schema check is real: a wrong enum or type is refused.
    expect(() => new Job({ ...docs[1], spec: { ...docs[1].spec, completionMode: 'Indexd' } }).validate()).toThrow(/completionMode/);
    const [claim, batch, merge] = docs as [{ spec: { accessModes: string[] } }, JobDoc, JobDoc];
    expect(claim.spec.accessModes).toEqual(['ReadWriteMany']);
    expect(batch.spec.completionMode).toBe('Indexed');
    const shard = batch.spec.template.spec.containers[0];
    expect(shard.env?.find((e) => e.name === 'HOSTFIT_SHARD_COUNT')?.value).toBe(String(batch.spec.completions));
    for (const job of [batch, merge]) {
      expect(job.spec.template.spec.securityContext).toMatchObject({ runAsNonRoot: true });
      expect(job.spec.template.spec.securityContext.runAsUser).toBeGreaterThan(0);
      const c = job.spec.template.spec.containers[0];
      for (const m of c.volumeMounts) expect(job.spec.template.spec.volumes.map((v) => v.name)).toContain(m.name);
    }
  });

  it('its pods, run as the kubelet would, and its merge Job give the unsharded table', async () => {
    const [, batch, merge] = parseAllDocuments(read('deploy/kubernetes/indexed-job.yaml')).map((d) => d.toJS()) as [unknown, JobDoc, JobDoc];
    const root = join(dir, 'k8s');
    const mounts: Record<string, string> = { '/batch': join(root, 'batch'), '/results': join(root, 'results') };
    for (const m of Object.values(mounts)) mkdirSync(m, { recursive: true });
    writeFileSync(join(mounts['/batch'], 'sweep.hostfit-batch.json'), batchText); // the ConfigMap's key
    const local = (arg: string) => Object.entries(mounts).reduce((a, [from, to]) => a.replace(new RegExp(`^${from}(?=/|$)`), to), arg);
    const pod = (c: Container, env: Record<string, string>) => {
      const all = { ...Object.fromEntries((c.env ?? []).map((e) => [e.name, e.value])), ...env };
      const args = c.args.map((a) => local(a.replace(/\$\(([A-Z_]+)\)/g, (_, v: string) => all[v])));
      return exec(process.execPath, [join(cliBundle(), 'hostfit.mjs'), ...args], all, root);
    };
    const shards = await Promise.all(Array.from({ length: batch.spec.completions! }, (_, i) => pod(batch.spec.template.spec.containers[0], { JOB_COMPLETION_INDEX: String(i) })));
    shards.forEach((s) => expect(s.code, s.err).toBe(0));
    expect(shards[3].err).toMatch(/Kubernetes completion index 3: shard 4\/8/);
    const merged = await pod(merge.spec.template.spec.containers[0], {});
    expect(merged.code, merged.err).toBe(0);
    expect(readFileSync(join(mounts['/results'], 'table.csv'), 'utf8')).toBe(unsharded);
  });

  it('the Slurm array script, run once per task of its --array range, gives the unsharded table', async () => {
    const script = read('deploy/slurm/array.sbatch');
    const range = /^#SBATCH --array=(\d+)-(\d+)$/m.exec(script)!;
    const [min, max] = [Number(range[1]), Number(range[2])];
    const root = join(dir, 'slurm');
    mkdirSync(root);
    writeFileSync(join(root, 'sweep.hostfit-batch.json'), batchText);
    const env = (id: number) => ({
      SLURM_ARRAY_TASK_ID: String(id), SLURM_ARRAY_TASK_MIN: String(min), SLURM_ARRAY_TASK_MAX: String(max), SLURM_ARRAY_TASK_COUNT: String(max - min + 1),
      SLURM_CPUS_PER_TASK: '1', HOSTFIT: `${process.execPath} ${join(cliBundle(), 'hostfit.mjs')}`,
    });
    const tasks = await Promise.all(Array.from({ length: max - min + 1 }, (_, k) => exec('bash', [join(repoRoot, 'deploy/slurm/array.sbatch')], env(min + k), root)));
    tasks.forEach((t) => expect(t.code, t.err).toBe(0));
    // The merge the script's header submits with --dependency=afterok.
    const mergeLine = /--wrap "node out\/cli\/hostfit\.mjs (batch merge results --out table\.csv)"/.exec(script)!;
    expect(runCli(mergeLine[1].split(' '), { cwd: root }).code).toBe(0);
    expect(readFileSync(join(root, 'table.csv'), 'utf8')).toBe(unsharded);
  });

  it('the Dockerfile builds with the commands CI runs and runs the bundle as a non-root user, offline', () => {
    const lines = read('Dockerfile').split('\n').filter((l) => l.trim() !== '' && !l.startsWith('#'));
    const stages = lines.join('\n').split(/^(?=FROM )/m);
    expect(stages).toHaveLength(2);
    for (const s of stages) expect(s).toMatch(/^FROM node:22-slim\b/);
    const runs = lines.filter((l) => l.startsWith('RUN ')).map((l) => l.slice(4).trim());
    const ci = read('.ci/run');
    // Every build command of the image is a command of CI's, and the image builds what CI's install builds.
    for (const r of runs) expect(ci).toContain(r);
    expect(runs).toEqual(['npm ci --no-audit --no-fund']);
    const scripts = JSON.parse(read('package.json')).scripts as Record<string, string>;
    expect(scripts.prepare).toBe('npm run build:kernel && npm run build:cli');
    expect(scripts.build).toContain('npm run build:cli');
    expect(scripts['build:cli']).toBe('node scripts/build-cli.mjs');
    expect(read('scripts/build-cli.mjs')).toMatch(/join\(root, 'out', 'cli'\)/);
    // The run stage: only the bundle, no package manager, an unprivileged user, the bundle as entry point.
    const run = stages[1];
    expect(run).toMatch(/^COPY --from=build \/src\/out\/cli \/opt\/hostfit$/m);
    expect(run).not.toMatch(/^RUN /m);
    expect(run).toMatch(/^USER node$/m);
    expect(run).toMatch(/^ENTRYPOINT \["node", "\/opt\/hostfit\/hostfit\.mjs"\]$/m);
    const ignore = read('.dockerignore').split('\n');
    for (const p of ['node_modules', 'out', 'assembly/build']) expect(ignore).toContain(p);
  });
});
