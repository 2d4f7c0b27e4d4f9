// Validates large scenarios off the UI thread with the file validator (a 10^4-service scenario takes tens of
// milliseconds, long enough to stutter typing); answers with the issues at their JSON paths.
import { validateScenario } from '../../../core/edit/validate';
import type { ValidateRequest, ValidateResponse } from './validate-protocol';

self.onmessage = (event: MessageEvent<ValidateRequest>) => {
  const { id, scenario } = event.data;
  const response: ValidateResponse = { id, issues: validateScenario(scenario) };
  (self as unknown as Worker).postMessage(response);
};
