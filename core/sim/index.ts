// The dynamic simulation's public surface, for the CLI, the renderer's worker and benchmarks.
//
//   simulateScenario(scenario, simulator, { policy?, models?, packer? })  → ScenarioSimOutcome
//     { ok: true, result: { scenario, policy, simulator, intervalSeconds,
//                           models: [{ model: 'vm' | 'container' | 'container-in-vm', items, hosts, totals: ModelTotals,
//                                      series: ModelSeries, nodeVms? }] } }
//     (the container-in-VM column runs the two-level simulator, simulator.twoLevel(); PDM, SLAV and ESV are null there)
//     | { ok: false, errors: [{ where: '$.json.path', message }] }
//   runBeloglazov(simulator, traces, policy, { quirks?, hosts?, seed? })    → { result: PresetResult, series: SimSeries }
//
// SimTotals are plain numbers (energyKWh, slatah, pdm, slav, esv, migrations, restarts, hostShutdowns, …);
// SimSeries are plain number arrays, one entry per scheduling tick (time, activeHosts, powerW, energyKWh,
// migrations, overloadedHosts, requested, allocated, items, hostShutdowns): ready to chart and to serialise.
// A Simulator is either WasmSimulator.fromBytes(kernelBytes) or new ReferenceSimulator().
export { simSeries, simTotals, type SimSeries, type SimTotals } from './metrics';
export { parsePolicy, PAPER_POLICIES, type Policy } from './policy';
export { QUIRKS, parseQuirkNames, quirkNames, ALL_QUIRK_FLAGS } from './quirks';
export { runBeloglazov, type PresetResult } from './presets/run-preset';
export {
  simulateScenario, simulationInputs, describeNodeVms, SIMULATED_MODELS, type ModelSimulation, type ModelSeries, type ModelTotals,
  type NodeVmSimulation, type ScenarioSimulation, type ScenarioSimOutcome, type SimulatedModel,
} from './scenario/run';
export { WasmSimulator, SimKernelError } from './kernel/wasm-simulator';
export { ReferenceSimulator } from './reference/reference-simulator';
export { SIMULATION_DEFAULTS, SIMULATION_DOCUMENTED_DEFAULTS } from './defaults';
export type { Simulator, SimRaw, SimArena, SimSizes } from './spec';
