// Result files: JSON Lines, one line per run, in run order, each line whole (written with one write and ended by
// "\n"). A line carries the batch's fingerprint and size, the run's index and axes, and either the single
// command's --json answer (`result`) or the error that stopped the run. Reading tolerates a torn last line (a
// shard killed mid-write): it is reported so the shard can cut it off and run that run again.
import type { SweepValue } from '../compare/sweep';
import type { BatchCommand, BatchPlan, BatchRun } from './expand';

export interface ResultLine {
  readonly batch: string;
  readonly runs: number;
  readonly index: number;
  readonly command: BatchCommand;
  readonly scenario: string;
  readonly params: Readonly<Record<string, SweepValue>>;
  readonly day: number | null;
  readonly policy: string | null;
  readonly seed: number | null;
  readonly status: 'ok' | 'failed';
  /** Wall time of the run (not part of the merged table, which must not depend on the machine). */
  readonly seconds: number;
  /** `hostfit compare --json` or `hostfit simulate --json` of this run's scenario. */
  readonly result?: unknown;
  readonly error?: string;
}

export type RunOutcome = { readonly ok: true; readonly result: unknown } | { readonly ok: false; readonly error: string };

export function resultLine(plan: BatchPlan, run: BatchRun, outcome: RunOutcome, seconds: number): string {
  const line: ResultLine = {
    batch: plan.id, runs: plan.runs, index: run.index, command: plan.command, scenario: run.scenario, params: run.params,
    day: run.day, policy: run.policy, seed: run.seed, status: outcome.ok ? 'ok' : 'failed', seconds: Math.round(seconds * 1e6) / 1e6,
    ...(outcome.ok ? { result: outcome.result } : { error: outcome.error }),
  };
  return `${JSON.stringify(line)}\n`;
}

export class ResultsError extends Error {}

export interface ReadResults {
  readonly lines: readonly ResultLine[];
  /** Bytes up to the end of the last whole, valid line: what a resuming shard keeps. */
  readonly validBytes: number;
  /** A last line without its "\n", or not valid JSON: written by a shard that was killed. */
  readonly torn: boolean;
}

function isResultLine(v: unknown): v is ResultLine {
  const l = v as Partial<ResultLine>;
  return typeof v === 'object' && v !== null && typeof l.batch === 'string' && Number.isInteger(l.runs) && Number.isInteger(l.index)
    && (l.status === 'ok' || l.status === 'failed') && typeof l.scenario === 'string' && typeof l.params === 'object' && l.params !== null;
}

const NEWLINE = 0x0a;

/** Parses a result file. A damaged line before the last one is an error naming the file and line. */
export function readResults(bytes: Uint8Array, file: string): ReadResults {
  const decoder = new TextDecoder('utf-8', { fatal: false });
  const lines: ResultLine[] = [];
  let start = 0, lineNo = 0, validBytes = 0;
  while (start < bytes.length) {
    const end = bytes.indexOf(NEWLINE, start);
    lineNo++;
    if (end < 0) return { lines, validBytes, torn: true }; // no "\n": the last write did not finish
    const text = decoder.decode(bytes.subarray(start, end)).trim();
    const next = end + 1;
    if (text !== '') {
      let value: unknown;
      try {
        value = JSON.parse(text);
      } catch {
        value = undefined;
      }
      if (!isResultLine(value)) {
        if (next >= bytes.length) return { lines, validBytes, torn: true };
        throw new ResultsError(`${file} line ${lineNo}: not a batch result line`);
      }
      lines.push(value);
    }
    validBytes = next;
    start = next;
  }
  return { lines, validBytes, torn: false };
}
