// One run of a batch: its scenario document (expand.ts) parsed and compared or simulated with the engines the
// caller loaded once (the WASM packer and simulator of a worker). A run that cannot be done — an invalid
// combination of grid values, a scenario the simulator refuses, an exception — is an outcome, not a crash:
// it is written as a failed line with its error, and the batch goes on.
import type { Highs } from 'highs';
import { compareScenario } from '../compare/compare';
import type { Packer } from '../kernel/packer';
import { describeErrors, parseScenarioValue } from '../scenario/parse';
import { simulationJson } from '../sim/scenario/json';
import { simulateScenario } from '../sim/scenario/run';
import type { Simulator } from '../sim/spec';
import { runDocument, type BatchPlan, type BatchRun } from './expand';
import type { RunOutcome } from './results';

export interface BatchEngines {
  readonly packer: Packer;
  /** Made on first use: compare batches never load the simulator. */
  readonly simulator: () => Simulator;
  /** A loaded HiGHS, so a compare run plans as `hostfit compare` does (null: it could not load). */
  readonly highs: Highs | null;
}

export function executeRun(plan: BatchPlan, run: BatchRun, engines: BatchEngines): RunOutcome {
  try {
    const parsed = parseScenarioValue(runDocument(plan, run));
    if (!parsed.ok) return { ok: false, error: describeErrors(parsed.errors) };
    if (plan.command === 'compare') return { ok: true, result: compareScenario(parsed.scenario, engines.packer, { headroom: plan.headroom, highs: engines.highs ?? undefined }) };
    const out = simulateScenario(parsed.scenario, engines.simulator(), { packer: engines.packer });
    if (!out.ok) return { ok: false, error: out.errors.map((e) => `${e.where}: ${e.message}`).join('\n') };
    return { ok: true, result: simulationJson(out.result, plan.series) };
  } catch (e) {
    return { ok: false, error: e instanceof Error ? e.message : String(e) };
  }
}
