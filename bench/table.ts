// Markdown tables for benchmark output (pasteable into notes), and timing helpers.
import { performance } from 'node:perf_hooks';

export function markdownTable(header: readonly string[], rows: readonly (readonly (string | number)[])[]): string {
  const cells = rows.map((r) => r.map(String));
  const widths = header.map((h, c) => Math.max(h.length, ...cells.map((r) => r[c].length)));
  const line = (r: readonly string[]) => `| ${r.map((x, c) => x.padEnd(widths[c])).join(' | ')} |`;
  return [line(header), `|${widths.map((w) => '-'.repeat(w + 2)).join('|')}|`, ...cells.map(line)].join('\n');
}

/** Best-of-`repeat` wall time of `fn` in seconds (after one warm-up run), and its last result. */
export function timeBest<T>(fn: () => T, repeat = 3): { seconds: number; result: T } {
  let result = fn();
  let best = Infinity;
  for (let k = 0; k < repeat; k++) {
    const t0 = performance.now();
    result = fn();
    best = Math.min(best, (performance.now() - t0) / 1000);
  }
  return { seconds: best, result };
}

/**
 * Each key's fastest of `runs` measurements, taken in rounds over all keys (round 1: every key once, then round 2, …)
 * rather than each key's runs back to back: a spell of a busy machine then slows one run of several keys, which the
 * other rounds outvote, instead of every run of one key.
 */
export function fastestInRounds<K, T>(keys: readonly K[], runs: number, measure: (key: K) => T, seconds: (t: T) => number,
  all?: Map<K, number[]>): Map<K, T> {
  const out = new Map<K, T>();
  for (let k = 0; k < runs; k++) {
    for (const key of keys) {
      const t = measure(key);
      const seen = out.get(key);
      if (seen === undefined || seconds(t) < seconds(seen)) out.set(key, t);
      if (all) all.set(key, [...(all.get(key) ?? []), seconds(t)]);
    }
  }
  return out;
}
