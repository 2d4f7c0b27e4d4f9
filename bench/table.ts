// Markdown tables for benchmark output (pasteable into notes), and a monotonic timer.
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
