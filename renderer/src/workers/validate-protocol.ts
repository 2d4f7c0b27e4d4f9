import type { Issue } from '../../../core/edit/validate';

export interface ValidateRequest {
  readonly id: number;
  readonly scenario: unknown;
}

export interface ValidateResponse {
  readonly id: number;
  readonly issues: readonly Issue[];
}
