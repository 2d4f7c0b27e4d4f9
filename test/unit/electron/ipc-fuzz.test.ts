// Fuzzed IPC payloads and forged senders against the real main-process service (files in temporary folders,
// dialogs recorded): a refused call never reaches a handler, a dialog or the file system; an accepted one has
// exactly the schema's shape; and no renderer-supplied value ever makes the service touch a user's file.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { IPC_PAYLOADS, type IpcChannel } from '../../../core/desktop/ipc-payloads';
import { DesktopService } from '../../../electron/main/desktop-service';
import { createIpcDispatcher, IpcRefused, type IpcHandlers, type SenderInfo } from '../../../electron/main/ipc-guard';
import { snapshot, tempDir } from './support/temp';

const CHANNELS = Object.keys(IPC_PAYLOADS) as IpcChannel[];
const app: SenderInfo = { url: 'app://hostfit/index.html', isMainFrame: true };
const hex32 = '0123456789abcdef0123456789abcdef';

/** A valid argument list per channel (handles are well-formed but were never issued). */
const VALID: Record<IpcChannel, unknown[]> = {
  'hostfit:startup': [],
  'hostfit:open-scenario': [],
  'hostfit:read-scenario': [{ id: hex32 }],
  'hostfit:save-scenario': [{ id: hex32 }, '{}', 'overwrite'],
  'hostfit:save-scenario-as': ['plan.hostfit.json', '{}'],
  'hostfit:recent-files': [],
  'hostfit:confirm-discard': ['plan.hostfit.json', 'open'],
  'hostfit:set-document-state': [{ handle: { id: hex32 }, name: 'plan.hostfit.json', dirty: true, readOnly: false }],
  'hostfit:backup-unsaved': [{ handle: { id: hex32 }, name: 'plan.hostfit.json', text: '{}' }],
  'hostfit:discard-backup': [],
  'hostfit:restore-backup': [hex32],
  'hostfit:discard-recovery': [hex32],
  'hostfit:export-file': ['hosts.png', 'png', new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0])],
  'hostfit:choose-import-files': ['folder'],
  'hostfit:save-batch-file': ['sweep.hostfit-batch.json', '{"format":"hostfit-batch","version":1,"scenarios":["a.json"]}'],
  'hostfit:open-batch-result': [],
  'hostfit:close-window': [],
};

function setup() {
  const userData = tempDir('hostfit-userdata-');
  const documents = tempDir('hostfit-docs-');
  writeFileSync(join(documents, 'plan.hostfit.json'), '{"precious":true}');
  const dialogs: string[] = [];
  const service = new DesktopService({
    userDataDir: userData,
    session: 'f'.repeat(32),
    send: () => undefined,
    closeWindow: () => void dialogs.push('close'),
    dialogs: {
      chooseOpenPath: async () => { dialogs.push('open'); return null; },
      chooseSavePath: async () => { dialogs.push('save'); return null; },
      chooseExportPath: async () => { dialogs.push('export'); return null; },
      chooseImportPaths: async () => { dialogs.push('import'); return null; },
      chooseTablePath: async () => { dialogs.push('table'); return null; },
      confirmDiscard: async () => { dialogs.push('confirm'); return 'cancel'; },
    },
  });
  const calls: { channel: IpcChannel; args: unknown[] }[] = [];
  const handlers = Object.fromEntries(CHANNELS.map((channel) => [channel, (...args: unknown[]) => {
    calls.push({ channel, args });
    return (service.handlers[channel] as (...a: unknown[]) => unknown)(...args);
  }])) as unknown as IpcHandlers;
  return { userData, documents, dialogs, calls, dispatch: createIpcDispatcher(handlers) };
}

/** Near misses of a valid call: one argument dropped, added, replaced, or an object given an extra key. */
function nearMiss(channel: IpcChannel): fc.Arbitrary<unknown[]> {
  const valid = VALID[channel];
  const hostile = fc.constantFrom<unknown>('/etc/passwd', '../../../x.json', 'C:\\Windows\\win.ini', '\0', '', { id: '../..' },
    { id: hex32, path: '/etc/passwd' }, { toString: () => hex32 }, null, 1e400, -1, [], { __proto__: { id: hex32 } }, 'x'.repeat(300));
  return fc.oneof(
    fc.constant(valid.slice(0, -1)),
    fc.tuple(hostile).map(([h]) => [...valid, h]),
    fc.tuple(fc.nat(Math.max(0, valid.length - 1)), fc.oneof(hostile, fc.anything())).map(([i, v]) => valid.map((a, j) => (j === i ? v : a))),
    fc.nat(Math.max(0, valid.length - 1)).map((i) => valid.map((a, j) => (j === i && a && typeof a === 'object' && !(a instanceof Uint8Array) ? { ...a, path: '/etc/passwd' } : a))),
  );
}

describe('fuzzed IPC against the real service', () => {
  it('forged senders are refused on every channel before anything happens', async () => {
    const { userData, documents, dialogs, calls, dispatch } = setup();
    const before = [snapshot(userData), snapshot(documents)];
    const forged: (SenderInfo | null)[] = [null, { ...app, isMainFrame: false }, { url: 'https://evil.example/', isMainFrame: true },
      { url: 'file:///home/user/evil.html', isMainFrame: true }, { url: 'app://hostfit.evil/', isMainFrame: true }, { url: 'devtools://devtools/', isMainFrame: true }];
    for (const channel of CHANNELS) {
      for (const sender of forged) await expect(dispatch(channel, sender, VALID[channel])).rejects.toBeInstanceOf(IpcRefused);
    }
    expect(calls).toEqual([]);
    expect(dialogs).toEqual([]);
    expect([snapshot(userData), snapshot(documents)]).toEqual(before);
  });

  it('fuzzed payloads: refused ones reach nothing, accepted ones match the schema, user files are never touched', async () => {
    const { userData, documents, dialogs, calls, dispatch } = setup();
    const documentsBefore = snapshot(documents);
    let refused = 0;
    let accepted = 0;
    await fc.assert(fc.asyncProperty(
      fc.constantFrom(...CHANNELS).chain((channel) => fc.tuple(fc.constant(channel),
        fc.oneof(nearMiss(channel), fc.array(fc.anything({ withTypedArray: true, withNullPrototype: true }), { maxLength: 4 })))),
      async ([channel, args]) => {
        const userDataBefore = snapshot(userData);
        const [callsBefore, dialogsBefore] = [calls.length, dialogs.length];
        let result: unknown;
        try {
          result = await dispatch(channel, app, args);
        } catch (e) {
          expect(e).toBeInstanceOf(IpcRefused); // handlers never throw on input the schema accepted
          refused++;
          expect(calls.length).toBe(callsBefore);
          expect(dialogs.length).toBe(dialogsBefore);
          expect(snapshot(userData)).toEqual(userDataBefore);
          return;
        }
        accepted++;
        expect(calls.length).toBe(callsBefore + 1);
        expect(IPC_PAYLOADS[channel].safeParse(calls[calls.length - 1].args).success).toBe(true);
        expect(JSON.stringify(result ?? null)).not.toContain(documents);
      }), { numRuns: 1500 });
    expect(refused).toBeGreaterThan(500);
    expect(accepted).toBeGreaterThan(20);
    expect(snapshot(documents)).toEqual(documentsBefore);
  }, 60_000);
});
