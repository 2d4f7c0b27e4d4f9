// The README's "Batches on a cluster" walk-through matches the files and the command it names: linked files
// exist, the ConfigMap key is the path the Indexed Job reads, the Job, claim and table names are the manifest's,
// the Slurm array range is the script's, and every option given to `hostfit batch` is one the command takes.
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseAllDocuments } from 'yaml';
import { command } from '../../../electron/cli/commands/batch';
import { repoRoot } from '../../support/cli-bundle';

const read = (path: string) => readFileSync(join(repoRoot, path), 'utf8');
const readme = read('README.md');
const start = readme.indexOf('## Batches on a cluster');
const section = readme.slice(start, readme.indexOf('\n## ', start + 1));

interface Doc { kind: string; metadata: { name: string }; spec: Record<string, unknown> }
const manifest = parseAllDocuments(read('deploy/kubernetes/indexed-job.yaml')).map((d) => d.toJS() as Doc);
const job = (name: string) => manifest.find((d) => d.kind === 'Job' && d.metadata.name === name)!;
type Pod = { containers: { args: string[] }[]; volumes: { name: string; configMap?: { name: string }; persistentVolumeClaim?: { claimName: string } }[] };
const pod = (name: string) => (job(name).spec.template as { spec: Pod }).spec;

describe('README: Batches on a cluster', () => {
  it('exists and links only files that exist', () => {
    expect(start).toBeGreaterThan(0);
    const links = [...section.matchAll(/\]\(([^)]+)\)/g)].map((m) => m[1]);
    expect(links).toEqual(expect.arrayContaining(['deploy/kubernetes/indexed-job.yaml', 'deploy/slurm/array.sbatch']));
    for (const l of links) expect(existsSync(join(repoRoot, l)), l).toBe(true);
    expect(section).toContain('docker build');
    expect(existsSync(join(repoRoot, 'Dockerfile'))).toBe(true);
  });

  it('names the Kubernetes objects and paths the manifest has', () => {
    const [, configMap, key] = /kubectl create configmap (\S+) --from-file=([^=\s]+)=/.exec(section)!;
    const batchPod = pod('hostfit-batch');
    expect(batchPod.volumes.find((v) => v.configMap)!.configMap!.name).toBe(configMap);
    expect(batchPod.containers[0].args[1]).toBe(`/batch/${key}`);
    expect(section).toContain('kubectl apply -f deploy/kubernetes/indexed-job.yaml');
    expect(section).toMatch(/job\/hostfit-merge/);
    const mergeArgs = pod('hostfit-merge').containers[0].args;
    const table = mergeArgs[mergeArgs.indexOf('--out') + 1];
    expect(section).toContain(`hostfit-fetch:${table}`);
    const claim = manifest.find((d) => d.kind === 'PersistentVolumeClaim')!.metadata.name;
    expect(section).toContain(`"claimName":"${claim}"`);
    expect(section).toContain('HOSTFIT_SHARD_COUNT');
    expect(read('deploy/kubernetes/indexed-job.yaml')).toContain('HOSTFIT_SHARD_COUNT');
  });

  it('gives the Slurm script\'s array range and variables', () => {
    const script = read('deploy/slurm/array.sbatch');
    const range = /#SBATCH --array=(\S+)/.exec(script)![1];
    expect(section).toContain(`--array=${range}`);
    expect(section).toContain('sbatch --parsable --export=ALL,BATCH=');
    expect(script).toMatch(/BATCH="\$\{BATCH:-/);
    expect(script).toContain('RESULTS:-results}');
    expect(section).toContain('batch merge results --out table.csv');
  });

  it('passes hostfit batch only options it takes', () => {
    const usage = command.usage!;
    const calls = [...section.matchAll(/hostfit(?:\.mjs)?(?::\S+)? batch( merge)?([^\n`"]*)/g)];
    expect(calls.length).toBeGreaterThan(5);
    for (const [call, , tail] of calls) {
      for (const flag of (tail.match(/--[a-z][a-z-]*/g) ?? []).filter((f) => f !== '--help')) expect(usage, `${call}: ${flag}`).toMatch(new RegExp(`\\[${flag}[ \\]|]|\\| ${flag}[ \\]]`));
    }
  });
});
