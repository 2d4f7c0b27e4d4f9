// Issue 13's quality table for `npm run bench -- models`: per bundled example and per deployment model, the hosts the
// plan uses, its best rule-aware bound (with the LP relaxation, as `hostfit plan` computes it) and what made it, the
// gap, the verifier's verdict and the seconds the model took; where the gap is over one host and the instance is
// small enough, an exact HiGHS MIP (core/plan/exact.ts, benchmarks and tests only) says whether the hosts used are
// optimal; where the gap is open and the plan ran an improvement phase, the same plan with LONGER times
// that budget says which side is loose: reaching the bound proves the bound tight (the packing stopped early), staying
// put leaves the question open. `algorithm` plans every example with that policy algorithm instead of its own.
import highsLoader from 'highs';
import { fleetScenario } from '../core/examples/fleet';
import { EXAMPLES, exampleScenario } from '../core/examples/index';
import { exactOneLevel, exactTwoLevel } from '../core/plan/exact';
import { planModels, PLANNED_MODELS, type ModelAnswer } from '../core/plan/plan';
import { parseScenarioValue } from '../core/scenario/parse';
import type { Scenario } from '../core/scenario/schema';
import { createWasmPacker } from '../electron/cli/kernel';
import { markdownTable } from './table';

/** Largest exact MIP tried: binaries (items × hosts, or pods × node VM slots) it may need. */
const EXACT_MAX = 40_000;
const EXACT_SECONDS = 60;
/** Improvement budget of the longer search, as a multiple of the policy's. */
const LONGER = 8;

function exactVerdict(highs: Awaited<ReturnType<typeof highsLoader>>, s: Scenario, a: ModelAnswer): string {
  const p = a.plan;
  if (p.gapToBest === null || p.gapToBest <= 1) return '-';
  const two = a.twoLevel;
  const items = two ? two.podHost.length : a.hosts.itemHost.length;
  const hosts = two ? two.nodes.hosts.reduce((n, g) => n + g.count, 0) : a.hosts.expansion.hosts.reduce((n, g) => n + g.count, 0);
  if (items * hosts > EXACT_MAX) return `too large (${items} × ${hosts})`;
  const t0 = performance.now();
  const exact = two
    ? exactTwoLevel(highs, s, two.pods, two.nodes.hosts, two.podHost, EXACT_SECONDS)
    : exactOneLevel(highs, s, p.model as 'vm' | 'container', a.hosts.expansion, a.hosts.itemHost, EXACT_SECONDS);
  const took = ((performance.now() - t0) / 1000).toFixed(1);
  if (exact.status !== 'optimal') return `not solved in ${EXACT_SECONDS} s`;
  return exact.optimum === p.hostsUsed ? `optimal (MIP ${exact.optimum}, ${took} s)` : `MIP optimum ${exact.optimum} (${took} s)`;
}

/** Hosts the plan uses with LONGER times the improvement budget, where the gap is open after an improvement phase. */
function longerSearch(s: Scenario, packer: ReturnType<typeof createWasmPacker>, a: ModelAnswer): string {
  const p = a.plan;
  if (p.gapToBest === null || p.gapToBest < 1) return '-';
  if (p.improvement.iterations === 0) return 'no improvement phase';
  const iterations = s.policy.improveIterations * LONGER;
  const t0 = performance.now();
  const longer = planModels({ ...s, policy: { ...s.policy, improveIterations: iterations } }, packer, [p.model]).answers.find((x) => x.plan.id === p.id);
  const took = ((performance.now() - t0) / 1000).toFixed(1);
  if (!longer) return '-';
  const q = longer.plan;
  return `${q.hostsUsed}${q.verified ? '' : ' (NOT verified)'} with ${iterations} iterations (${took} s)`;
}

export async function qualityTable(algorithm?: Scenario['policy']['algorithm']): Promise<string> {
  const highs = await highsLoader();
  const packer = createWasmPacker();
  const rows: (string | number)[][] = [];
  for (const example of EXAMPLES) {
    const base = exampleScenario(example);
    const s: Scenario = algorithm ? { ...base, policy: { ...base.policy, algorithm } } : base;
    for (const model of PLANNED_MODELS) {
      const t0 = performance.now();
      const { answers } = planModels(s, packer, [model], undefined, { highs });
      const seconds = ((performance.now() - t0) / 1000).toFixed(2);
      for (const a of answers) {
        const p = a.plan, b = p.bestLowerBound;
        rows.push([example.id, p.id, p.algorithm, p.hostsUsed, b.hosts ?? '-', b.by ? `${b.method ?? 'volume'} (${b.by})` : b.method ?? '-',
          p.gapToBest ?? '-', p.verified ? 'yes' : 'NO', seconds, exactVerdict(highs, s, a), longerSearch(s, packer, a)]);
      }
    }
  }
  return markdownTable(['example', 'model', 'algorithm', 'hosts', 'best bound', 'bound by', 'gap', 'verified', 'seconds', 'exact (gap > 1)', `longer search (${LONGER}× budget, gap > 0)`], rows);
}

/** Seeds of the fleet generator other than the bundled example's: fleets of the same families, not tuned on. */
export const FLEET_VARIANT_SEEDS = [1, 2, 3, 4, 5, 6, 7, 8];

/**
 * The bundled fleet's generator with other seeds (core/examples/fleet.ts): per seed and model, hosts against the best
 * rule-aware bound and the gap in per cent — how the plan fares on estates it was not developed on.
 */
export async function fleetVariantsTable(seeds: readonly number[] = FLEET_VARIANT_SEEDS): Promise<string> {
  const highs = await highsLoader();
  const packer = createWasmPacker();
  const rows: (string | number)[][] = [];
  const gaps = new Map<string, number[]>();
  for (const seed of seeds) {
    const parsed = parseScenarioValue(fleetScenario(seed));
    if (!parsed.ok) throw new Error(`fleet seed ${seed}: ${parsed.errors.map((e) => `${e.where}: ${e.message}`).join('; ')}`);
    const s = parsed.scenario;
    const row: (string | number)[] = [seed, s.services.reduce((n, x) => n + x.replicas, 0)];
    for (const model of PLANNED_MODELS) {
      const t0 = performance.now();
      const a = planModels(s, packer, [model], undefined, { highs }).answers[0];
      const seconds = (performance.now() - t0) / 1000;
      const p = a.plan, bound = p.bestLowerBound.hosts;
      const gap = bound ? (p.hostsUsed - bound) / bound * 100 : 0;
      gaps.set(model, [...(gaps.get(model) ?? []), gap]);
      row.push(`${p.hostsUsed} / ${bound ?? '-'}${p.verified ? '' : ' (NOT verified)'}`, `${gap.toFixed(1)} %`, seconds.toFixed(2));
    }
    rows.push(row);
  }
  const mean = (v: number[]) => v.reduce((x, y) => x + y, 0) / v.length;
  rows.push(['mean', '', ...PLANNED_MODELS.flatMap((m) => ['', `${mean(gaps.get(m)!).toFixed(1)} %`, ''])]);
  rows.push(['worst', '', ...PLANNED_MODELS.flatMap((m) => ['', `${Math.max(...gaps.get(m)!).toFixed(1)} %`, ''])]);
  return markdownTable(['seed', 'replicas', ...PLANNED_MODELS.flatMap((m) => [`${m}: hosts / bound`, 'gap', 's'])], rows);
}

/** Seeds and size of the fleet generator at ten times the bundled fleet: 2 400 services, about 29 000 replicas. */
export const LARGE_FLEET = { seeds: [4, 7], services: 2400 } as const;

/**
 * The fleet generator at ten times the size: per seed and model, hosts against the best bound, with HiGHS (the LP's
 * split over host models, core/plan/lp-guide.ts) and, for VMs and pods, with the rules alone (no HiGHS).
 */
export async function largeFleetTable(seeds: readonly number[] = LARGE_FLEET.seeds, services = LARGE_FLEET.services): Promise<string> {
  const highs = await highsLoader();
  const packer = createWasmPacker();
  const rows: (string | number)[][] = [];
  for (const seed of seeds) {
    const parsed = parseScenarioValue(fleetScenario(seed, services));
    if (!parsed.ok) throw new Error(`fleet seed ${seed}: ${parsed.errors.map((e) => `${e.where}: ${e.message}`).join('; ')}`);
    const s = parsed.scenario;
    for (const model of PLANNED_MODELS) {
      const t0 = performance.now();
      const a = planModels(s, packer, [model], undefined, { highs }).answers[0];
      const seconds = (performance.now() - t0) / 1000;
      const alone = model === 'container-in-vm' ? null : planModels(s, packer, [model]).answers[0].plan.hostsUsed;
      const p = a.plan, bound = p.bestLowerBound.hosts;
      const gap = bound ? (p.hostsUsed - bound) / bound * 100 : 0;
      rows.push([seed, s.services.reduce((n, x) => n + x.replicas, 0), model, `${p.hostsUsed}${p.verified ? '' : ' (NOT verified)'}`, bound ?? '-',
        p.bestLowerBound.method ?? '-', `${gap.toFixed(1)} %`, seconds.toFixed(1), alone ?? '-', p.algorithm]);
    }
  }
  return markdownTable(['seed', 'replicas', 'model', 'hosts', 'best bound', 'bound by', 'gap', 's', 'hosts without HiGHS', 'algorithm'], rows);
}

