// `hostfit simulate`: JSON shape, usage errors (exit 2) and bad trace files (exit 1, naming file and line).
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { diurnalScenario } from '../../../core/examples/diurnal';
import { parseScenarioValue } from '../../../core/scenario/parse';
import { WasmSimulator } from '../../../core/sim/kernel/wasm-simulator';
import { ReferenceSimulator } from '../../../core/sim/reference/reference-simulator';
import { simulateScenario } from '../../../core/sim/scenario/run';
import { createWasmPacker, loadKernelBytes } from '../../../electron/cli/kernel';
import { readTraceFolder } from '../../../electron/cli/commands/simulate';
import { main } from '../../../electron/cli/main';

async function cli(args: string[]) {
  let out = '', err = '';
  const code = await main(args, (s) => { out += s; }, (s) => { err += s; });
  return { code, out, err };
}

function traceFolder(files: Record<string, string>): string {
  const dir = mkdtempSync(join(tmpdir(), 'hostfit-traces-'));
  for (const [name, text] of Object.entries(files)) writeFileSync(join(dir, name), text);
  return dir;
}

const day = (f: (k: number) => number) => Array.from({ length: 288 }, (_, k) => String(f(k))).join('\n') + '\n';

describe('hostfit simulate', () => {
  it('prints the metrics as one JSON object', async () => {
    const dir = traceFolder({ 'b vm': day((k) => 20 + (k % 30)), a_vm: day((k) => 50 + (k % 40)), c_vm: day(() => 5) });
    const r = await cli(['simulate', '--preset', 'beloglazov2012', '--traces', dir, '--policy', 'thr-mmt-0.8', '--json']);
    expect(r.code).toBe(0);
    const json = JSON.parse(r.out);
    for (const key of ['energyKWh', 'slatah', 'pdm', 'slav', 'esv', 'migrations', 'hostShutdowns', 'seconds']) {
      expect(typeof json[key]).toBe('number');
    }
    expect(json.vms).toBe(3);
    expect(json.energyKWh).toBeGreaterThan(0);
    const text = await cli(['simulate', '--preset', 'beloglazov2012', '--traces', dir, '--policy', 'dvfs']);
    expect(text.out).toMatch(/energy/);
  });

  it('rejects an unknown policy with the usage text (exit 2)', async () => {
    const r = await cli(['simulate', '--preset', 'beloglazov2012', '--traces', '/nonexistent', '--policy', 'thr-xyz-1']);
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/unknown policy "thr-xyz-1"/);
  });

  it('names the file and line of a bad sample (exit 1)', async () => {
    const dir = traceFolder({ good: day(() => 10), bad: day(() => 10).replace(/^10\n10\n10\n/, '10\n10\nabc\n') });
    const r = await cli(['simulate', '--preset', 'beloglazov2012', '--traces', dir, '--policy', 'dvfs']);
    expect(r.code).toBe(1);
    expect(r.err).toMatch(/bad: line 3: expected an integer percentage/);
  });

  it('reads each file whole through one reused buffer: files larger than it, and files after them, parse right', () => {
    // 288 samples padded to 100 bytes a line (the line parser trims them): 29 kB, more than the buffer starts with
    const big = Array.from({ length: 288 }, (_, k) => `${' '.repeat(96)}${k % 101}`.padEnd(99)).join('\n') + '\n';
    const dir = traceFolder({ a: day(() => 3), b: big, c: day((k) => 100 - (k % 101)) });
    const { names, traces } = readTraceFolder(dir);
    expect(names).toEqual(['a', 'b', 'c']);
    expect(Array.from(traces[0])).toEqual(Array(288).fill(0.03));
    expect(Array.from(traces[1])).toEqual(Array.from({ length: 288 }, (_, k) => (k % 101) / 100));
    expect(Array.from(traces[2])).toEqual(Array.from({ length: 288 }, (_, k) => (100 - (k % 101)) / 100));
    const bad = traceFolder({ a: big, b: day(() => 10).replace(/^10\n10\n/, '10\nx\n') });
    expect(() => readTraceFolder(bad)).toThrow(/b: line 2: expected an integer percentage/);
  });

  it('simulates a scenario file under the three models: VMs, pods on bare metal, pods in node VMs', async () => {
    const file = new URL('../../../examples/web-tier.hostfit.json', import.meta.url);
    const r = await cli(['simulate', file.pathname, '--json']);
    expect(r.code).toBe(0);
    const json = JSON.parse(r.out);
    expect(json.models.map((m: { model: string }) => m.model)).toEqual(['vm', 'container', 'container-in-vm']);
    expect(json.models[0].energyKWh).toBeGreaterThan(0);
    expect(json.models[2].semantics).toBe('kubernetes');
    expect(json.models[2].peakNodes).toBeGreaterThan(0);
  });
});

describe('scenario simulation', () => {
  it('runs a scenario with traces and autoscaling: VMs migrate, pods restart and scale', () => {
    const parsed = parseScenarioValue(diurnalScenario());
    if (!parsed.ok) throw new Error(JSON.stringify(parsed.errors));
    const wasm = simulateScenario(parsed.scenario, WasmSimulator.fromBytes(loadKernelBytes('release')), { packer: createWasmPacker() });
    const ref = simulateScenario(parsed.scenario, new ReferenceSimulator(), { packer: createWasmPacker() });
    if (!wasm.ok || !ref.ok) throw new Error('simulation failed');
    expect(wasm.result.models.map((m) => m.totals)).toEqual(ref.result.models.map((m) => m.totals));
    const [vm, pod] = wasm.result.models;
    expect(vm.totals.energyKWh).toBeGreaterThan(0);
    expect(vm.totals.restarts).toBe(0);
    expect(pod.totals.scaleEvents).toBeGreaterThan(0);
    expect(Math.max(...pod.series.activeHosts)).toBeLessThanOrEqual(pod.hosts);
  });

  it('starts a service at its arrival and removes it at its departure, in every model', () => {
    const input = diurnalScenario() as unknown as { services: { replicas: number; arrivesAtSeconds?: number; departsAtSeconds?: number }[];
      simulation: { autoscaling: { enabled: boolean } } };
    input.simulation.autoscaling.enabled = false; // replica counts as planned, so the item counts are exact
    const batch = input.services[0];
    batch.arrivesAtSeconds = 3600;
    batch.departsAtSeconds = 3 * 3600;
    const parsed = parseScenarioValue(input);
    if (!parsed.ok) throw new Error(JSON.stringify(parsed.errors));
    const total = input.services.reduce((n, s) => n + s.replicas, 0);
    const wasm = simulateScenario(parsed.scenario, WasmSimulator.fromBytes(loadKernelBytes('release')), { packer: createWasmPacker() });
    const ref = simulateScenario(parsed.scenario, new ReferenceSimulator(), { packer: createWasmPacker() });
    if (!wasm.ok || !ref.ok) throw new Error('simulation failed');
    expect(wasm.result.models.map((m) => m.totals)).toEqual(ref.result.models.map((m) => m.totals));
    for (const m of wasm.result.models) {
      const itemsAt = (seconds: number) => m.series.items[m.series.time.findIndex((t) => t >= seconds)];
      expect(itemsAt(1800)).toBe(total - batch.replicas); //   not arrived yet
      expect(itemsAt(7200)).toBe(total); //                    arrived
      expect(itemsAt(4 * 3600)).toBe(total - batch.replicas); // left
    }
    // Leaving before arriving is refused with the field's path.
    batch.departsAtSeconds = 1800;
    const bad = parseScenarioValue(input);
    expect(bad.ok).toBe(false);
    if (!bad.ok) expect(bad.errors.map((e) => e.where)).toContain('$.services[0].departsAtSeconds');
  });

  it('copies only the memory in use when a service has a memory trace', () => {
    const wasm = WasmSimulator.fromBytes(loadKernelBytes('release'));
    const input = diurnalScenario() as unknown as { services: { memoryTrace?: string }[]; traces: { id: string }[] };
    const run = (value: unknown) => {
      const parsed = parseScenarioValue(value);
      if (!parsed.ok) throw new Error(JSON.stringify(parsed.errors));
      const got = simulateScenario(parsed.scenario, wasm, { models: ['vm'] });
      const ref = simulateScenario(parsed.scenario, new ReferenceSimulator(), { models: ['vm'] });
      if (!got.ok || !ref.ok) throw new Error('simulation failed');
      expect(got.result.models[0].totals).toEqual(ref.result.models[0].totals);
      return got.result.models[0].totals;
    };
    const full = run(input);
    for (const s of input.services) s.memoryTrace = input.traces[0].id; // a trace below 1 most of the day
    const inUse = run(input);
    expect(full.migrations).toBeGreaterThan(0);
    expect(inUse.meanMigrationSeconds as number).toBeLessThan(full.meanMigrationSeconds as number);
    input.services[0].memoryTrace = 'nope';
    const bad = parseScenarioValue(input);
    expect(bad.ok).toBe(false);
    if (!bad.ok) expect(bad.errors).toContainEqual({ where: '$.services[0].memoryTrace', message: 'unknown trace "nope"' });
  });

  it('rejects a bad trace reference or sample with its JSON path', () => {
    const input = diurnalScenario() as unknown as { services: { trace?: string }[]; traces: { samples: number[] }[] };
    input.services[1].trace = 'nope';
    const parsed = parseScenarioValue(input);
    expect(parsed.ok).toBe(false);
    if (!parsed.ok) expect(parsed.errors).toContainEqual({ where: '$.services[1].trace', message: 'unknown trace "nope"' });
    input.services[1].trace = 'daytime';
    input.traces[0].samples[3] = 1.5;
    const bad = parseScenarioValue(input);
    expect(bad.ok).toBe(false);
    if (!bad.ok) expect(bad.errors[0].where).toBe('$.traces[0].samples[3]');
  });
});
