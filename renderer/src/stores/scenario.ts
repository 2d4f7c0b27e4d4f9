// The scenario being planned. It is immutable data in a shallowRef: every change replaces the whole value
// (large scenarios stay out of deep reactivity, and "changed since saved" is an identity check).
import { defineStore } from 'pinia';
import { computed, shallowRef } from 'vue';
import { DEFAULT_EXAMPLE, exampleScenario } from '../../../core/examples/index';
import type { Scenario } from '../../../core/scenario/schema';

export const useScenarioStore = defineStore('scenario', () => {
  const scenario = shallowRef<Scenario>(exampleScenario(DEFAULT_EXAMPLE));

  const summary = computed(() => {
    const s = scenario.value;
    const racks = s.sites.flatMap((site) => site.racks);
    return {
      hostModels: s.hostModels.length,
      sites: s.sites.length,
      racks: racks.length,
      hosts: racks.flatMap((r) => r.hosts).reduce((n, g) => n + g.count, 0),
      tenants: s.tenants.length,
      services: s.services.length,
      replicas: s.services.reduce((n, x) => n + x.replicas, 0),
    };
  });

  function replace(next: Scenario): void {
    scenario.value = next;
  }

  return { scenario, summary, replace };
});
