// Pins the beloglazov2012 preset on PlanetLab day 20110303 bit for bit: every total the kernel writes, and
// checksums of the per-step series and of the final placement, for each of the paper's policies and a few
// variants (random selection, the corrected model's quirks switched off one by one, boot delays). The figures
// were produced by the TypeScript reference and the WASM kernel alike before the kernel was made incremental
// (issue 14); a speed-up that changes any floating-point operation order shows here as a changed last digit.
import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import * as abi from '../../../assembly/sim/abi';
import { WasmSimulator } from '../../../core/sim/kernel/wasm-simulator';
import { parsePolicy, type Policy } from '../../../core/sim/policy';
import { beloglazovSizes, fillBeloglazov, type PresetOptions } from '../../../core/sim/presets/beloglazov2012';
import { byteOrder, parsePlanetLabTrace } from '../../../core/traces/planetlab';
import { loadKernelBytes } from '../../../electron/cli/kernel';

interface Pin {
  readonly policy: string;
  readonly options: PresetOptions;
  /** Every T_* slot (abi.ts), as the kernel writes it. */
  readonly totals: readonly number[];
  /** FNV-1a of the series rows' bytes and of the final item → host array's bytes. */
  readonly series: string;
  readonly hosts: string;
}

const PINS: readonly Pin[] = [
  { policy: 'npa', options: {}, totals: [8678890080, 0, 30767700, 0, 13535514084.5, 13535514084.5, 0, 0, 0, 455, 1303245.500000036, 0, 0, 532, 287, 86100.1, 0, 0, 0, 0, 0, 0, 0, 0], series: '34be2c2e', hosts: '0b189e76' },
  { policy: 'dvfs', options: {}, totals: [2889916170.8000913, 0, 30767700, 0, 13535514084.5, 13535514084.5, 0, 0, 0, 455, 1303245.500000036, 0, 0, 532, 287, 86100.1, 0, 0, 0, 0, 0, 0, 0, 0], series: '467734cb', hosts: '0b189e76' },
  { policy: 'thr-mmt-0.8', options: {}, totals: [693443052.7575483, 26711, 6233901.184002887, 306289.18399990554, 13538268570.827162, 13528656248.060936, 8750686.863919863, 4262.2601492463, 41988, 5885, 5588294.103999975, 326718.3839999081, 23535, 532, 287, 86127.94, 0, 0, 0, 0, 0, 0, 0, 0], series: 'b0988926', hosts: 'bb98690b' },
  { policy: 'iqr-mmt-1.5', options: {}, totals: [683928261.8304175, 26282, 6134952.432002881, 295861.1679999244, 13538417078.741396, 13528854381.306868, 8441496.119014781, 4239.079129738922, 42267, 5868, 5585883.631999976, 314304.8319999217, 23180, 532, 287, 86127.94, 0, 0, 0, 0, 0, 0, 0, 0], series: '622f4122', hosts: '3118723b' },
  { policy: 'mad-mmt-2.5', options: {}, totals: [668850023.9223627, 26556, 5976476.352002902, 301741.423999912, 13538046187.802536, 13527362782.417871, 8960190.883552058, 4646.286712481162, 46340, 5828, 5634197.311999986, 325775.3919999134, 23376, 532, 287, 86127.94, 0, 0, 0, 0, 0, 0, 0, 0], series: '21dcfc5f', hosts: '6c2929e7' },
  { policy: 'lr-mmt-1.2', options: {}, totals: [588517981.5541208, 27859, 5110989.632002857, 299399.10399991367, 13538259794.211452, 13518326666.766834, 10732409.06676698, 5882.861835179323, 61549, 5053, 5198861.152000085, 389443.42399990826, 25100, 532, 287, 86127.94, 0, 0, 0, 0, 0, 0, 0, 0], series: '7feb942c', hosts: 'a1f0f7e5' },
  { policy: 'lrr-mmt-1.2', options: {}, totals: [588517981.5541208, 27859, 5110989.632002857, 299399.10399991367, 13538259794.211452, 13518326666.766834, 10732409.06676698, 5882.861835179323, 61549, 5053, 5198861.152000085, 389443.42399990826, 25100, 532, 287, 86127.94, 0, 0, 0, 0, 0, 0, 0, 0], series: '7feb942c', hosts: 'a1f0f7e5' },
  { policy: 'thr-mu-0.8', options: {}, totals: [748059474.7851466, 30653, 6816042.368002601, 503184.3999999844, 13538212754.077099, 13528572640.620583, 9065856.562021108, 6259.842838713324, 61583, 6523, 6335979.807999612, 522558.73599972704, 26772, 532, 287, 86127.94, 0, 0, 0, 0, 0, 0, 0, 0], series: '870812e3', hosts: 'dc6e993f' },
  { policy: 'lr-mc-1.2', options: {}, totals: [543841893.9531013, 23380, 4631543.856002748, 324479.1359998186, 13538212754.077099, 13516101365.13335, 13203559.946765102, 6977.96196272786, 72560, 4078, 4734854.57599982, 421855.6639998114, 21593, 532, 287, 86127.94, 0, 0, 0, 0, 0, 0, 0, 0], series: '83bb37cf', hosts: '99cb83eb' },
  { policy: 'thr-rs-0.8', options: { seed: 7 }, totals: [663572499.9905728, 24670, 5914675.9680026835, 407857.08799987123, 13538212754.077099, 13523129727.431946, 13961075.382441375, 5664.269432528711, 57240, 5595, 5820308.287999666, 439252.39999979606, 22194, 532, 287, 86127.94, 0, 0, 0, 0, 0, 0, 0, 0], series: 'acbda5f3', hosts: 'e724dd69' },
  // Hosts that received VMs from overloaded hosts are not evacuated in the same step (quirk off).
  { policy: 'mad-mu-2.5', options: { quirks: 31 }, totals: [753023099.1886487, 26750, 6886008.0640025055, 443533.95199991774, 13538212754.077099, 13527104267.33135, 9764366.962139657, 6598.217511134686, 65372, 4650, 6083732.623999762, 523797.0879997248, 26750, 532, 287, 86127.94, 0, 0, 0, 0, 0, 0, 0, 0], series: 'b2a6015a', hosts: '23660c51' },
  // Idle hosts draw idle power, no sticky migrating-out set, 60 s host boots.
  { policy: 'lr-mc-1.2', options: { quirks: 45, bootSeconds: 60 }, totals: [566057905.5307472, 23380, 4634063.856002771, 544334.1119999605, 13543000306.888382, 13507181904.823189, 21916364.23144081, 9125.939056853937, 98453, 4078, 4734854.57599982, 621235.663999781, 21593, 532, 287, 86187.94, 0, 0, 0, 0, 0, 0, 0, 0], series: '78e888ef', hosts: '99cb83eb' },
  // Memory reserved for the whole day (creation-only quirk off): hosts fill by memory.
  { policy: 'iqr-rs-1.5', options: { quirks: abi.QUIRK_VANISH_AT_ZERO | abi.QUIRK_STICKY_MIGRATING_OUT, seed: 3 }, totals: [1654762989.7446854, 1085, 16605677.296000157, 19460.01600000041, 13535942870.365633, 13535797826.525497, 145043.84012607872, 225.5205402924579, 2255, 631, 2217140.3960000006, 20855.92000000003, 1085, 532, 287, 86100.1, 0, 0, 0, 0, 0, 0, 0, 0], series: 'c7c8270a', hosts: '0b876019' },
];

function fnv1a(bytes: Uint8Array): string {
  let h = 0x811c9dc5;
  for (const b of bytes) { h ^= b; h = Math.imul(h, 0x01000193) >>> 0; }
  return h.toString(16).padStart(8, '0');
}

const dir = new URL('../../../../shared/data/planetlab/20110303/', import.meta.url);
const traces = byteOrder(readdirSync(dir).filter((n) => n !== 'README.md'))
  .map((n) => parsePlanetLabTrace(n, readFileSync(new URL(encodeURIComponent(n), dir), 'utf8')));
const wasm = WasmSimulator.fromBytes(loadKernelBytes('release'));

describe('beloglazov2012 on 20110303, bit for bit', () => {
  it.each(PINS.map((p) => [`${p.policy} ${JSON.stringify(p.options)}`, p] as const))('%s', (_, pin) => {
    const a = wasm.reserve(beloglazovSizes(traces.length, 288, pin.options));
    fillBeloglazov(a, traces, parsePolicy(pin.policy) as Policy, pin.options);
    const r = wasm.run();
    expect(r.status).toBe(abi.SIM_OK);
    expect(Array.from(r.totals)).toEqual(pin.totals);
    const steps = r.totals[abi.T_STEPS];
    expect(fnv1a(new Uint8Array(r.series.slice(0, steps * abi.SERIES_COLS).buffer))).toBe(pin.series);
    expect(fnv1a(new Uint8Array(r.itemHost.slice().buffer))).toBe(pin.hosts);
  });
});
