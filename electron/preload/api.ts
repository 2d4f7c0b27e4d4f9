// The desktop API over IPC: one function per channel and one listener for host commands, nothing else.
// Written against a minimal IPC interface so it is tested without Electron; index.ts passes ipcRenderer.
import { COMMAND_CHANNEL, IPC, type DesktopApi, type ShellCommand } from '../../core/desktop/api';

export interface IpcLike {
  invoke(channel: string, ...args: unknown[]): Promise<unknown>;
  on(channel: string, listener: (event: unknown, ...args: unknown[]) => void): unknown;
  removeListener(channel: string, listener: (event: unknown, ...args: unknown[]) => void): unknown;
}

export function createDesktopApi(ipc: IpcLike): DesktopApi {
  const call = <T>(channel: string, ...args: unknown[]) => ipc.invoke(channel, ...args) as Promise<T>;
  return {
    kind: 'electron',
    startup: () => call(IPC.startup),
    openScenario: () => call(IPC.openScenario),
    readScenario: (handle) => call(IPC.readScenario, handle),
    saveScenario: (handle, text, mode) => call(IPC.saveScenario, handle, text, mode),
    saveScenarioAs: (suggestedName, text) => call(IPC.saveScenarioAs, suggestedName, text),
    recentFiles: () => call(IPC.recentFiles),
    confirmDiscard: (name, reason) => call(IPC.confirmDiscard, name, reason),
    setDocumentState: (state) => call(IPC.setDocumentState, state),
    backupUnsaved: (backup) => call(IPC.backupUnsaved, backup),
    discardBackup: () => call(IPC.discardBackup),
    restoreBackup: (id) => call(IPC.restoreBackup, id),
    discardRecovery: (id) => call(IPC.discardRecovery, id),
    exportFile: (suggestedName, kind, data) => call(IPC.exportFile, suggestedName, kind, data),
    chooseImportFiles: (pick) => call(IPC.chooseImportFiles, pick),
    saveBatchFile: (suggestedName, text) => call(IPC.saveBatchFile, suggestedName, text),
    openBatchResult: () => call(IPC.openBatchResult),
    closeWindow: () => call(IPC.closeWindow),
    onCommand(listener) {
      // The page gets the command only, never the IPC event (which would expose the sender object).
      const forward = (_event: unknown, command: unknown) => listener(command as ShellCommand);
      ipc.on(COMMAND_CHANNEL, forward);
      return () => void ipc.removeListener(COMMAND_CHANNEL, forward);
    },
  };
}
