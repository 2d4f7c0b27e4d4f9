import type { ParseOutcome } from '../../../core/scenario/parse';

export interface ParseRequest {
  readonly id: number;
  /** The file's bytes, transferred (not copied) to the worker. */
  readonly buffer: ArrayBuffer;
}

export interface ParseResponse {
  readonly id: number;
  readonly outcome: ParseOutcome;
}
