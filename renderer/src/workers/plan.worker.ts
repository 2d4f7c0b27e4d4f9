// Runs the planner off the UI thread: instantiates the WASM kernel from bytes inlined in the bundle (no fetch,
// so it works from file:// and custom protocols), checks the scenario with the file validator, and answers
// with progress messages and the result: the plan (what `hostfit plan` prints), the placement behind it
// (for the host map) and the one-run comparison of the deployment models (what `hostfit compare` prints),
// all from one plan of every model; or a dynamic simulation (what `hostfit simulate` prints); or the dual problem
// of the last plan (what `hostfit plan --lp` prints), or its best bounds with the LP relaxation in them (what
// `hostfit plan` prints), with HiGHS loaded on first use.
import { compareAnswers } from '../../../core/compare/compare';
import type { Comparison } from '../../../core/compare/result';
import { validateScenario } from '../../../core/edit/validate';
import type { ComparedModel } from '../../../core/model/isolation';
import { answersDual, lpBestBounds, planModels, type ModelAnswer, type PlanProgress, type PlanResult } from '../../../core/plan/plan';
import { WasmSimulator } from '../../../core/sim/kernel/wasm-simulator';
import { simulateScenario } from '../../../core/sim/scenario/run';
import type { Scenario } from '../../../core/scenario/schema';
import { placementDetail, transferables } from '../results/placement';
import type { Highs } from 'highs';
import { loadHighs } from './highs';
import { kernelBytes, workerPacker as kernel } from './worker-kernel';
import type { ModelsResponse, PlanDual, PlanOptions, WorkerRequest, WorkerResponse } from './protocol';

const post = (message: WorkerResponse, transfer: Transferable[] = []) => (self as unknown as Worker).postMessage(message, transfer);

let simulator: WasmSimulator | undefined;
const simKernel = (): WasmSimulator => (simulator ??= WasmSimulator.fromBytes(kernelBytes()));

/** The answers of the last plan run, kept for its dual and LP bounds (only the latest: a new run replaces them). */
let lastPlan: { id: number; answers: ModelAnswer[] } | undefined;

/** The answers of plan run `planId`: the kept ones, or a new plan of `scenario` where a newer run replaced them. */
const answersOfRun = (planId: number, scenario: Scenario, highs: Highs): ModelAnswer[] =>
  (lastPlan?.id === planId ? lastPlan.answers : planModels(scenario, kernel(), undefined, undefined, { highs, lpBounds: false }).answers);

// Container-in-VM (two levels of packing, the longest of the three) is planned in a second worker, on another core,
// while this one plans VMs and pods; where workers cannot start workers, all three are planned here in turn.
const FAR_MODELS: readonly ComparedModel[] = ['container-in-vm'];
const NEAR_MODELS: readonly ComparedModel[] = ['vm', 'container'];
let modelsWorker: Worker | null | undefined;
const helper = (): Worker | null => {
  if (modelsWorker === undefined) {
    try {
      modelsWorker = typeof Worker === 'undefined' ? null : new Worker(new URL('./models.worker.ts', import.meta.url), { type: 'module' });
    } catch {
      modelsWorker = null;
    }
  }
  return modelsWorker;
};

/**
 * Every model's answers, in the plan's model order, and the plan's result; progress counted over both workers. VMs and
 * pods are planned with HiGHS (the LP's split over host classes, as `hostfit plan`); its bounds come after
 * (`bounds`), so the plan shows first.
 */
async function planAll(id: number, scenario: Scenario): Promise<{ result: PlanResult; answers: ModelAnswer[] }> {
  const report = (progress: PlanProgress) => post({ type: 'progress', id, progress });
  // A solver that cannot load leaves the plan without the split (the bounds request then reports the error).
  const withHighs = { highs: await loadHighs().catch(() => undefined), lpBounds: false };
  const far = helper();
  if (!far) return planModels(scenario, kernel(), undefined, report, withHighs);
  const total = 3 * (NEAR_MODELS.length + FAR_MODELS.length);
  const done = { near: 0, far: 0 };
  const count = (side: 'near' | 'far') => (p: PlanProgress) => {
    done[side] = Math.min(p.done + 1, 3 * (side === 'near' ? NEAR_MODELS : FAR_MODELS).length);
    report({ ...p, done: Math.min(done.near + done.far, total - 1), total });
  };
  // null: the models worker could not run (it failed to load, or died); those models are then planned here.
  const farAnswers = new Promise<ModelAnswer[] | null>((resolve, reject) => {
    far.onmessage = (event: MessageEvent<ModelsResponse>) => {
      const msg = event.data;
      if (msg.id !== id) return;
      if (msg.type === 'progress') count('far')(msg.progress);
      else if (msg.type === 'answers') resolve(msg.answers);
      else reject(new Error(msg.message));
    };
    far.onerror = (event) => {
      event.preventDefault();
      modelsWorker = null;
      resolve(null);
    };
  });
  far.postMessage({ id, scenario, models: FAR_MODELS });
  const near = planModels(scenario, kernel(), NEAR_MODELS, count('near'), withHighs);
  const farPlanned = (await farAnswers) ?? planModels(scenario, kernel(), FAR_MODELS, count('far')).answers;
  const answers = [...near.answers, ...farPlanned];
  report({ model: FAR_MODELS[FAR_MODELS.length - 1], stage: 'summarise', done: total, total });
  return { result: { ...near.result, models: answers.map((a) => a.plan) }, answers };
}

async function plan(id: number, scenario: Scenario, options: PlanOptions): Promise<void> {
  // One plan of every model; the comparison and the host map read its answers (no second packing).
  const { result, answers } = await planAll(id, scenario);
  lastPlan = { id, answers };
  const placement = options.detail ? placementDetail(answers) : null;
  let comparison: Comparison | null = null;
  let compareError = '';
  if (options.compare) {
    post({ type: 'progress', id, progress: { model: null, stage: 'compare', done: 1, total: 2 } });
    try {
      comparison = compareAnswers(scenario, kernel(), result, answers, { headroom: options.headroom ?? false });
    } catch (e) {
      compareError = e instanceof Error ? e.message : String(e);
    }
  }
  post({ type: 'result', id, result, detail: placement, comparison, compareError }, placement ? transferables(placement) : []);
}

/** The dual of each model: its LP relaxation (prices, host models) and each rule's cost, LP and re-planned. */
async function dual(id: number, planId: number, scenario: Scenario): Promise<void> {
  const started = performance.now();
  const highs = await loadHighs();
  const answers = answersOfRun(planId, scenario, highs);
  const models: PlanDual['models'][number][] = [];
  for (const [k, a] of answers.entries()) {
    post({ type: 'progress', id, progress: { model: a.plan.model, stage: 'dual', done: k, total: answers.length } });
    models.push({ id: a.plan.id, model: a.plan.model, dual: answersDual(highs, scenario, kernel(), [a])[0] });
  }
  post({ type: 'dual', id, dual: { models, seconds: (performance.now() - started) / 1000 } });
}

/** Each model's best bound with the LP relaxation in it: the plan is shown first, the LP tightens its bound after. */
async function bounds(id: number, planId: number, scenario: Scenario): Promise<void> {
  const highs = await loadHighs();
  const answers = answersOfRun(planId, scenario, highs);
  post({ type: 'bounds', id, bounds: lpBestBounds(highs, scenario, answers) });
}

function simulate(id: number, scenario: Scenario): void {
  post({ type: 'progress', id, progress: { model: null, stage: 'simulate', done: 0, total: 1 } });
  const out = simulateScenario(scenario, simKernel(), { packer: kernel() });
  if (out.ok) post({ type: 'simulation', id, simulation: out.result });
  else post({ type: 'invalid', id, issues: out.errors.map((e) => ({ where: e.where, message: e.message })) });
}

// Attached synchronously at start-up so the first request is never lost.
self.onmessage = (event: MessageEvent<WorkerRequest>) => {
  const request = event.data;
  const { id, scenario } = request;
  try {
    const issues = validateScenario(scenario);
    if (issues.length > 0) {
      post({ type: 'invalid', id, issues: issues.map((i) => ({ where: i.where, message: i.message })) });
      return;
    }
    if (request.kind === 'simulate') simulate(id, scenario);
    else if (request.kind === 'dual') dual(id, request.planId, scenario).catch(fail(id));
    else if (request.kind === 'bounds') bounds(id, request.planId, scenario).catch(fail(id));
    else plan(id, scenario, request.options).catch(fail(id));
  } catch (e) {
    fail(id)(e);
  }
};

function fail(id: number): (e: unknown) => void {
  return (e) => post({ type: 'error', id, message: e instanceof Error ? e.message : String(e) });
}
