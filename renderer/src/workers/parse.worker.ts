// Decodes, checks and validates scenario files off the UI thread, so opening a large file never freezes the window.
import { parseScenarioBytes } from './parse-task';
import type { ParseRequest, ParseResponse } from './parse-protocol';

// Attached synchronously at start-up so the first request is never lost.
self.onmessage = (event: MessageEvent<ParseRequest>) => {
  const { id, buffer } = event.data;
  const response: ParseResponse = { id, outcome: parseScenarioBytes(new Uint8Array(buffer)) };
  (self as unknown as Worker).postMessage(response);
};
