// Scenario files off the UI thread, both ways: decodes, checks and validates bytes being opened, and writes the
// canonical text of a scenario being saved or backed up, so neither freezes the window on a large scenario.
import { serialiseScenario } from '../../../core/scenario/canonical';
import { parseScenarioBytes } from '../../../core/scenario/bytes';
import type { ParseRequest, ParseResponse } from './parse-protocol';

const post = (response: ParseResponse) => (self as unknown as Worker).postMessage(response);

// Attached synchronously at start-up so the first request is never lost.
self.onmessage = (event: MessageEvent<ParseRequest>) => {
  const request = event.data;
  if (request.type === 'parse') post({ type: 'parsed', id: request.id, outcome: parseScenarioBytes(new Uint8Array(request.buffer)) });
  else post({ type: 'serialised', id: request.id, text: serialiseScenario(request.scenario) });
};
