// Readers for the two public bin-packing benchmark formats (../shared/data/binpacking/README.md):
//   BPPLIB 1-D (.txt):  n, capacity, then n weights (one per line)
//   VPSolver (.vbp):    d, d capacities, m, then m lines of d sizes and a count (copies of that item)
// Whitespace-separated integers; any line ending. Bad input throws BenchmarkFormatError naming the line.

export interface BenchmarkInstance {
  readonly name: string;
  readonly format: 'bpp' | 'vbp';
  readonly dims: number;
  /** Capacity of every bin, per dimension. */
  readonly capacity: readonly number[];
  readonly items: number;
  /** Item-major sizes, items × dims. */
  readonly demands: Float64Array;
}

export class BenchmarkFormatError extends Error {}

interface Token { readonly text: string; readonly line: number }

function tokens(text: string): Token[] {
  const out: Token[] = [];
  text.split(/\r\n|\r|\n/).forEach((line, k) => {
    for (const t of line.trim().split(/\s+/)) if (t) out.push({ text: t, line: k + 1 });
  });
  return out;
}

class Reader {
  private at = 0;
  constructor(private readonly toks: Token[], private readonly file: string) {}

  int(what: string, min: number, max = Number.MAX_SAFE_INTEGER): number {
    const t = this.toks[this.at];
    if (!t) throw new BenchmarkFormatError(`${this.file}: ended early: expected ${what}`);
    this.at++;
    if (!/^[+-]?\d+$/.test(t.text)) throw new BenchmarkFormatError(`${this.file}, line ${t.line}: expected ${what} (an integer), got "${t.text}"`);
    const v = Number(t.text);
    if (v < min || v > max) throw new BenchmarkFormatError(`${this.file}, line ${t.line}: ${what} must be between ${min} and ${max}, got ${v}`);
    return v;
  }

  end(): void {
    const t = this.toks[this.at];
    if (t) throw new BenchmarkFormatError(`${this.file}, line ${t.line}: unexpected extra value "${t.text}"`);
  }
}

const MAX_ITEMS = 10_000_000;

export function parseBpp(text: string, name = 'instance'): BenchmarkInstance {
  const r = new Reader(tokens(text), name);
  const n = r.int('the number of items', 0, MAX_ITEMS);
  const capacity = r.int('the bin capacity', 1);
  const demands = new Float64Array(n);
  for (let i = 0; i < n; i++) demands[i] = r.int(`weight ${i + 1} of ${n}`, 0);
  r.end();
  return { name, format: 'bpp', dims: 1, capacity: [capacity], items: n, demands };
}

export function parseVbp(text: string, name = 'instance'): BenchmarkInstance {
  const r = new Reader(tokens(text), name);
  const d = r.int('the number of dimensions', 1, 1000);
  const capacity = Array.from({ length: d }, (_, k) => r.int(`capacity ${k + 1} of ${d}`, 0));
  const m = r.int('the number of item types', 0, MAX_ITEMS);
  const sizes: number[][] = [];
  const counts: number[] = [];
  let n = 0;
  for (let t = 0; t < m; t++) {
    // Some published .vbp files (the multi-dimensional Caprara triplets) contain small negative sizes; they are
    // kept as written, because the instances' known optima count on them.
    sizes.push(Array.from({ length: d }, (_, k) => r.int(`size ${k + 1} of item type ${t + 1}`, -Number.MAX_SAFE_INTEGER)));
    counts.push(r.int(`the count of item type ${t + 1}`, 0, MAX_ITEMS));
    n += counts[t];
    if (n > MAX_ITEMS) throw new BenchmarkFormatError(`${name}: more than ${MAX_ITEMS} items`);
  }
  r.end();
  const demands = new Float64Array(n * d);
  let i = 0;
  sizes.forEach((s, t) => { for (let c = 0; c < counts[t]; c++, i++) demands.set(s, i * d); });
  return { name, format: 'vbp', dims: d, capacity, items: n, demands };
}

/** Picks the reader by extension: `.vbp` is VPSolver, anything else BPPLIB. */
export function parseBenchmark(text: string, fileName: string): BenchmarkInstance {
  const base = fileName.replace(/^.*[\\/]/, '');
  const name = base.replace(/\.[^.]*$/, '');
  return /\.vbp$/i.test(base) ? parseVbp(text, name) : parseBpp(text, name);
}
