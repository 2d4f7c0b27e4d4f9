// Helpers for the workbench's component and store tests: a fresh Pinia, the app's i18n, and a planner that
// answers from the real pipeline (TypeScript reference packer) without a worker, recording what it was asked.
import { createPinia, setActivePinia, type Pinia } from 'pinia';
import type { PlanOptions, RunProgress } from '../../../renderer/src/workers/protocol';
import type { Planner, PlanRun } from '../../../renderer/src/workers/plan-client';
import { RunCancelled } from '../../../renderer/src/workers/plan-client';
import { compareAnswers } from '../../../core/compare/compare';
import type { ComparedModel } from '../../../core/model/isolation';
import { planModels } from '../../../core/plan/plan';
import { ReferencePacker } from '../../../core/reference/reference-packer';
import type { Scenario } from '../../../core/scenario/schema';
import { placementDetail } from '../../../renderer/src/results/placement';
import { onFfd } from '../../support/scenarios';

export function freshPinia(): Pinia {
  const pinia = createPinia();
  setActivePinia(pinia);
  return pinia;
}

export interface FakePlanner extends Planner {
  readonly asked: { scenario: Scenario; options: PlanOptions }[];
  /** Resolves the oldest pending run. */
  release(): Promise<void>;
  pending(): number;
}

/** Runs are held until `release()`, so tests can look at the state while a run is in flight. */
/** `models`: what the fake plans (the reference packer on a large scenario: one model keeps the test fast). */
export function fakePlanner(options: { compare?: boolean; models?: readonly ComparedModel[] } = {}): FakePlanner {
  const asked: { scenario: Scenario; options: PlanOptions }[] = [];
  const queue: { scenario: Scenario; options: PlanOptions; resolve: (r: PlanRun) => void; reject: (e: Error) => void }[] = [];
  return {
    asked,
    run(scenario: Scenario, _onProgress: (p: RunProgress) => void, options: PlanOptions = {}) {
      asked.push({ scenario, options });
      return new Promise<PlanRun>((resolve, reject) => queue.push({ scenario, options, resolve, reject }));
    },
    simulate: () => Promise.reject(new Error('not in this test')),
    cancel() {
      for (const q of queue.splice(0)) q.reject(new RunCancelled());
    },
    async release() {
      const q = queue.shift();
      if (!q) return;
      // The reference packer on FFD plans the bundled examples in milliseconds ("best" takes it seconds to minutes);
      // these tests are about the stores, not the algorithm.
      const packer = new ReferencePacker();
      const scenario = onFfd(q.scenario);
      const { result, answers } = planModels(scenario, packer, options.models);
      q.resolve({
        result,
        detail: q.options.detail ? placementDetail(answers) : null,
        comparison: q.options.compare && options.compare !== false ? compareAnswers(scenario, packer, result, answers, { headroom: false }) : null,
        compareError: '',
      });
      for (let i = 0; i < 5; i++) await Promise.resolve();
    },
    pending: () => queue.length,
  };
}

export async function settle(): Promise<void> {
  for (let i = 0; i < 10; i++) await Promise.resolve();
}
