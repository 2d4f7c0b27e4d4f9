// Schemas of every IPC payload; the main process validates each call against them before doing anything.
import { z } from 'zod';
import { IPC, MAX_SCENARIO_BYTES } from './api';

const handle = z.strictObject({ id: z.string().regex(/^[0-9a-f]{32}$/) });
const scenarioText = z.string().max(MAX_SCENARIO_BYTES);
/** A bare file name: no directory separators, no NUL, no leading dot-dot. */
const fileName = z.string().min(1).max(255).regex(/^(?!\.\.?$)[^/\\\0]+$/);

export const IPC_PAYLOADS = {
  [IPC.openScenario]: z.tuple([]),
  [IPC.saveScenario]: z.tuple([handle, scenarioText]),
  [IPC.saveScenarioAs]: z.tuple([fileName, scenarioText]),
} as const;

export type IpcChannel = keyof typeof IPC_PAYLOADS;
