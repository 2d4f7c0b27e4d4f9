// Schemas of every IPC payload; the main process validates each call against them before doing anything.
// Objects are strict (an extra key such as `path` is refused, not ignored).
import { z } from 'zod';
import { DISCARD_REASONS, IPC, MAX_EXPORT_BYTES, MAX_SCENARIO_BYTES, type DesktopApi, type DiscardReason } from './api';

const token = z.string().regex(/^[0-9a-f]{32}$/);
const handle = z.strictObject({ id: token });
const scenarioText = z.string().max(MAX_SCENARIO_BYTES);
/** A bare file name: no directory separators, no NUL or control characters, not "." or "..". */
export const fileName = z.string().min(1).max(255).regex(/^(?!\.\.?$)[^/\\\0-\x1f]+$/);

const documentState = z.strictObject({
  handle: handle.nullable(),
  name: fileName,
  dirty: z.boolean(),
  readOnly: z.boolean(),
});

const backup = z.strictObject({ handle: handle.nullable(), name: fileName, text: scenarioText });

const exportData = z.union([
  z.string().max(MAX_EXPORT_BYTES),
  z.instanceof(Uint8Array).refine((b) => b.byteLength <= MAX_EXPORT_BYTES, 'export too large'),
]);

export const IPC_PAYLOADS = {
  [IPC.startup]: z.tuple([]),
  [IPC.openScenario]: z.tuple([]),
  [IPC.readScenario]: z.tuple([handle]),
  [IPC.saveScenario]: z.tuple([handle, scenarioText, z.enum(['checked', 'overwrite'])]),
  [IPC.saveScenarioAs]: z.tuple([fileName, scenarioText]),
  [IPC.recentFiles]: z.tuple([]),
  [IPC.confirmDiscard]: z.tuple([fileName, z.enum(DISCARD_REASONS as [DiscardReason, ...DiscardReason[]])]),
  [IPC.setDocumentState]: z.tuple([documentState]),
  [IPC.backupUnsaved]: z.tuple([backup]),
  [IPC.discardBackup]: z.tuple([]),
  [IPC.restoreBackup]: z.tuple([token]),
  [IPC.discardRecovery]: z.tuple([token]),
  [IPC.exportFile]: z.tuple([fileName, z.enum(['csv', 'json', 'png']), exportData]),
  [IPC.chooseImportFiles]: z.tuple([z.enum(['files', 'folder'])]),
  [IPC.saveBatchFile]: z.tuple([fileName, z.string().max(MAX_SCENARIO_BYTES)]),
  [IPC.openBatchResult]: z.tuple([]),
  [IPC.closeWindow]: z.tuple([]),
} as const;

export type IpcChannel = keyof typeof IPC_PAYLOADS;
/** The validated arguments of a channel. */
export type IpcArgs<C extends IpcChannel> = z.output<(typeof IPC_PAYLOADS)[C]>;
/** The DesktopApi function a channel carries. */
type FunctionOf<C extends IpcChannel> = { [K in keyof typeof IPC]: (typeof IPC)[K] extends C ? K : never }[keyof typeof IPC];
/** What the main process answers on a channel: the DesktopApi function's result (or its promise). */
export type IpcResult<C extends IpcChannel> = Awaited<ReturnType<DesktopApi[FunctionOf<C>]>> | ReturnType<DesktopApi[FunctionOf<C>]>;
