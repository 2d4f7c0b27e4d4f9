// The preload's API: one IPC channel per function, the page never sees an IPC event.
import { describe, expect, it } from 'vitest';
import { COMMAND_CHANNEL, IPC, type DesktopApi } from '../../../core/desktop/api';
import { createDesktopApi, type IpcLike } from '../../../electron/preload/api';

function fakeIpc() {
  const invoked: { channel: string; args: unknown[] }[] = [];
  const listeners = new Map<string, Set<(event: unknown, ...args: unknown[]) => void>>();
  const ipc: IpcLike = {
    invoke: async (channel, ...args) => { invoked.push({ channel, args }); return null; },
    on: (channel, l) => { if (!listeners.has(channel)) listeners.set(channel, new Set()); listeners.get(channel)!.add(l); },
    removeListener: (channel, l) => { listeners.get(channel)?.delete(l); },
  };
  return { ipc, invoked, listeners };
}

const handle = { id: 'a'.repeat(32) };
const CALLS: Record<keyof typeof IPC, (api: DesktopApi) => Promise<unknown>> = {
  startup: (a) => a.startup(),
  openScenario: (a) => a.openScenario(),
  readScenario: (a) => a.readScenario(handle),
  saveScenario: (a) => a.saveScenario(handle, 't', 'checked'),
  saveScenarioAs: (a) => a.saveScenarioAs('n.json', 't'),
  recentFiles: (a) => a.recentFiles(),
  confirmDiscard: (a) => a.confirmDiscard('n.json', 'open'),
  setDocumentState: (a) => a.setDocumentState({ handle, name: 'n.json', dirty: true, readOnly: false }),
  backupUnsaved: (a) => a.backupUnsaved({ handle, name: 'n.json', text: 't' }),
  discardBackup: (a) => a.discardBackup(),
  restoreBackup: (a) => a.restoreBackup('b'.repeat(32)),
  discardRecovery: (a) => a.discardRecovery('b'.repeat(32)),
  exportFile: (a) => a.exportFile('r.csv', 'csv', 'a,b'),
  chooseImportFiles: (a) => a.chooseImportFiles('files'),
  saveBatchFile: (a) => a.saveBatchFile('b.hostfit-batch.json', '{}'),
  openBatchResult: (a) => a.openBatchResult(),
  closeWindow: (a) => a.closeWindow(),
};

describe('preload API', () => {
  it('maps each function to its own channel, passing the arguments through unchanged', async () => {
    const { ipc, invoked } = fakeIpc();
    const api = createDesktopApi(ipc);
    for (const [name, call] of Object.entries(CALLS)) {
      await call(api);
      expect(invoked.at(-1)!.channel, name).toBe(IPC[name as keyof typeof IPC]);
    }
    expect(new Set(invoked.map((i) => i.channel)).size).toBe(Object.keys(IPC).length);
    expect(invoked.find((i) => i.channel === IPC.saveScenario)!.args).toEqual([handle, 't', 'checked']);
    // Nothing but the contract: the API's functions are exactly the channels plus the command listener.
    expect(Object.keys(api).sort()).toEqual(['kind', 'onCommand', ...Object.keys(IPC)].sort());
  });

  it('hands the page the command only, never the IPC event, and unsubscribes', () => {
    const { ipc, listeners } = fakeIpc();
    const api = createDesktopApi(ipc);
    const got: unknown[][] = [];
    const off = api.onCommand((...args) => void got.push(args));
    const event = { sender: { send: () => 'would let the page message the main process' } };
    for (const l of listeners.get(COMMAND_CHANNEL)!) l(event, { type: 'save' });
    expect(got).toEqual([[{ type: 'save' }]]);
    off();
    expect(listeners.get(COMMAND_CHANNEL)!.size).toBe(0);
  });
});
