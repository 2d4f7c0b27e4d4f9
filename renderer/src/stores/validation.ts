// Inline validation of the scenario being edited, with the file validator's own messages at JSON paths.
// Small scenarios are checked at once; large ones a moment after the last edit, in a worker, so typing
// never waits for a 10^4-service check.
import { defineStore } from 'pinia';
import { computed, ref, shallowRef, watch } from 'vue';
import { issuesByWhere, type Issue } from '../../../core/edit/validate';
import type { Path } from '../../../core/edit/json-path';
import { formatPath, type Scenario } from '../../../core/scenario/schema';
import { ValidateClient } from '../workers/validate-client';
import { useScenarioStore } from './scenario';

/** Above this many services validation runs in the worker, debounced. */
export const LARGE_SCENARIO_SERVICES = 1500;
const DEBOUNCE_MS = 200;

export const useValidationStore = defineStore('validation', () => {
  const doc = useScenarioStore();
  const client = new ValidateClient();
  const issues = shallowRef<readonly Issue[]>([]);
  /** The scenario `issues` belong to. */
  const checked = shallowRef<Scenario | null>(null);
  const pending = ref(false);
  let timer: ReturnType<typeof setTimeout> | undefined;
  let settled: Promise<readonly Issue[]> = Promise.resolve([]);
  let latest = 0;

  const byWhere = computed(() => issuesByWhere(issues.value));

  function check(s: Scenario): Promise<readonly Issue[]> {
    const token = ++latest;
    const large = s.services.length > LARGE_SCENARIO_SERVICES;
    return client.validate(s, large).then((found) => {
      if (token === latest) {
        issues.value = found;
        checked.value = s;
        pending.value = false;
      }
      return found;
    });
  }

  function schedule(s: Scenario): void {
    clearTimeout(timer);
    pending.value = true;
    if (s.services.length <= LARGE_SCENARIO_SERVICES) {
      settled = check(s);
      return;
    }
    settled = new Promise((resolve) => {
      timer = setTimeout(() => { check(s).then(resolve); }, DEBOUNCE_MS);
    });
  }

  watch(() => doc.scenario, schedule, { immediate: true });

  /** Issues of the current scenario, once validation has caught up with the last edit. */
  async function current(): Promise<readonly Issue[]> {
    for (;;) {
      const s = doc.scenario;
      if (checked.value === s && !pending.value) return issues.value;
      await settled;
      if (checked.value === s) return issues.value;
      schedule(s);
    }
  }

  return {
    issues, pending, byWhere, current,
    /** Messages for the field at `path` (e.g. ['services', 3, 'replicas']). */
    messagesAt: (path: Path): readonly string[] => byWhere.value.get(formatPath(path)) ?? [],
    count: computed(() => issues.value.length),
  };
});
