// The result views, in the order they are shown, each in a tab and shown when its data is there. A new result
// block is one entry here and one component; the pane needs no change.
import type { Component } from 'vue';
import type { Comparison } from '../../../core/compare/result';
import type { PlanResult } from '../../../core/plan/plan';
import type { Scenario } from '../../../core/scenario/schema';
import CapacityDetails from '../components/results/CapacityDetails.vue';
import DynamicPanel from '../components/results/DynamicPanel.vue';
import EnergyCost from '../components/results/EnergyCost.vue';
import HostMap from '../components/results/HostMap.vue';
import HostsSummary from '../components/results/HostsSummary.vue';
import ModelCards from '../components/results/ModelCards.vue';
import ModelStatement from '../components/results/ModelStatement.vue';
import RiskPanel from '../components/results/RiskPanel.vue';
import SweepPanel from '../components/results/SweepPanel.vue';
import UtilisationCharts from '../components/results/UtilisationCharts.vue';
import VariantsPanel from '../components/results/VariantsPanel.vue';
import type { ResultsTab } from '../stores/ui';
import type { ShownModel } from './models';
import type { PlacementDetail } from './placement';

export interface SectionContext {
  readonly result: PlanResult | null;
  readonly comparison: Comparison | null;
  readonly models: readonly ShownModel[];
  readonly detail: PlacementDetail | null;
  /** The scenario the result was computed from. */
  readonly scenario: Scenario;
  /** "FFD by l2 · wasm kernel", in the UI language. */
  readonly method: string;
}

export interface ResultSection {
  readonly id: string;
  readonly tab: ResultsTab;
  /** i18n key of the section heading; none for the headline cards. */
  readonly title?: string;
  readonly component: Component;
  /** Shown only when this holds (e.g. the run carries the block's data). */
  readonly available: (c: SectionContext) => boolean;
  readonly props: (c: SectionContext) => Record<string, unknown>;
}

const withResult = (c: SectionContext) => c.models.length > 0;
const withComparison = (c: SectionContext) => c.comparison !== null;
const always = () => true;
const models = (c: SectionContext) => ({ models: c.models, scenarioName: c.scenario.name });

export const RESULT_SECTIONS: readonly ResultSection[] = [
  { id: 'headline', tab: 'overview', component: ModelCards, available: withResult, props: (c) => ({ models: c.models }) },
  { id: 'hosts', tab: 'overview', title: 'sections.hosts', component: HostsSummary, available: withResult, props: (c) => ({ ...models(c), method: c.method }) },
  { id: 'utilisation', tab: 'overview', title: 'sections.utilisation', component: UtilisationCharts, available: withResult, props: models },
  { id: 'capacity', tab: 'capacity', component: CapacityDetails, available: withComparison, props: models },
  { id: 'energy', tab: 'cost', component: EnergyCost, available: withComparison, props: (c) => ({ ...models(c), comparison: c.comparison }) },
  { id: 'risk', tab: 'risk', component: RiskPanel, available: withComparison, props: (c) => ({ models: c.models, comparison: c.comparison }) },
  { id: 'hostmap', tab: 'hostmap', component: HostMap, available: (c) => (c.detail?.models.length ?? 0) > 0,
    props: (c) => ({ detail: c.detail, models: c.models }) },
  { id: 'dynamic', tab: 'dynamic', component: DynamicPanel, available: always, props: () => ({}) },
  { id: 'model', tab: 'model', component: ModelStatement, available: withResult,
    props: (c) => ({ result: c.result, models: c.models, detail: c.detail, scenario: c.scenario }) },
  { id: 'variants', tab: 'variants', component: VariantsPanel, available: always, props: () => ({}) },
  { id: 'sweep', tab: 'sweep', component: SweepPanel, available: always, props: () => ({}) },
];

export const RESULT_TABS: readonly ResultsTab[] = ['overview', 'capacity', 'cost', 'risk', 'hostmap', 'dynamic', 'model', 'variants', 'sweep'];
