import type { ParseOutcome } from '../../../core/scenario/parse';
import type { Scenario } from '../../../core/scenario/schema';

export type ParseRequest =
  /** The file's bytes, transferred (not copied) to the worker. */
  | { readonly type: 'parse'; readonly id: number; readonly buffer: ArrayBuffer }
  /** A scenario to write as canonical text (saves and crash-recovery backups of large scenarios). */
  | { readonly type: 'serialise'; readonly id: number; readonly scenario: Scenario };

export type ParseResponse =
  | { readonly type: 'parsed'; readonly id: number; readonly outcome: ParseOutcome }
  | { readonly type: 'serialised'; readonly id: number; readonly text: string };
