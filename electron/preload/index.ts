// The whole preload: one named function per IPC channel, exposed as `window.hostfit`. Nothing else crosses.
import { contextBridge, ipcRenderer } from 'electron';
import { IPC, type DesktopApi } from '../../core/desktop/api';

const api: DesktopApi = {
  kind: 'electron',
  openScenario: () => ipcRenderer.invoke(IPC.openScenario),
  saveScenario: (handle, text) => ipcRenderer.invoke(IPC.saveScenario, handle, text),
  saveScenarioAs: (suggestedName, text) => ipcRenderer.invoke(IPC.saveScenarioAs, suggestedName, text),
};

contextBridge.exposeInMainWorld('hostfit', api);
