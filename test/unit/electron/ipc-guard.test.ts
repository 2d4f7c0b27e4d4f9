import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { IPC } from '../../../core/desktop/api';
import { IPC_PAYLOADS } from '../../../core/desktop/ipc-payloads';
import { isTrustedPageUrl } from '../../../electron/main/app-protocol';
import { checkIpcCall, IpcRefused } from '../../../electron/main/ipc-guard';

const app = { url: 'app://hostfit/index.html', isMainFrame: true };
const handle = { id: '0123456789abcdef0123456789abcdef' };

describe('IPC guard', () => {
  it('passes well-formed calls from the app', () => {
    expect(checkIpcCall(IPC.openScenario, app, [])).toEqual([]);
    expect(checkIpcCall(IPC.saveScenario, app, [handle, '{}', 'checked'])).toEqual([handle, '{}', 'checked']);
    expect(checkIpcCall(IPC.saveScenarioAs, app, ['plan.hostfit.json', '{}'])).toEqual(['plan.hostfit.json', '{}']);
    expect(checkIpcCall(IPC.exportFile, app, ['hosts.png', 'png', new Uint8Array([1])])).toHaveLength(3);
    expect(checkIpcCall(IPC.setDocumentState, app, [{ handle: null, name: 'x.json', dirty: true, readOnly: false }])).toHaveLength(1);
  });

  it('has a schema for every channel of the contract', () => {
    expect(Object.keys(IPC_PAYLOADS).sort()).toEqual(Object.values(IPC).sort());
  });

  it('refuses forged senders', () => {
    for (const sender of [null, { url: 'https://evil.example/', isMainFrame: true }, { url: 'app://hostfit/index.html', isMainFrame: false },
      { url: 'file:///tmp/x.html', isMainFrame: true }, { url: 'app://hostfit.evil/index.html', isMainFrame: true },
      { url: 'app://hostfit@evil/index.html', isMainFrame: true }, { url: 'about:blank', isMainFrame: true }]) {
      expect(() => checkIpcCall(IPC.openScenario, sender, [])).toThrow(IpcRefused);
    }
  });

  it('trusts the dev server by origin only, and only when one is configured', () => {
    const dev = 'http://localhost:5173';
    expect(isTrustedPageUrl('http://localhost:5173/index.html', dev)).toBe(true);
    expect(isTrustedPageUrl('http://localhost:5173.evil.example/', dev)).toBe(false);
    expect(isTrustedPageUrl('http://localhost:51730/', dev)).toBe(false);
    expect(isTrustedPageUrl('https://localhost:5173/', dev)).toBe(false);
    expect(isTrustedPageUrl('http://localhost:5173/index.html')).toBe(false);
    expect(() => checkIpcCall(IPC.openScenario, { url: 'http://localhost:5173.evil.example/', isMainFrame: true }, [], dev)).toThrow(IpcRefused);
  });

  it('refuses path-like names, malformed handles, extra keys and unknown modes', () => {
    for (const name of ['../x.json', '/etc/passwd', 'a\\b.json', '..', '.', '', 'x\0.json', 'a\nb.json', 'x'.repeat(256)]) {
      expect(() => checkIpcCall(IPC.saveScenarioAs, app, [name, '{}'])).toThrow(IpcRefused);
      expect(() => checkIpcCall(IPC.exportFile, app, [name, 'csv', 'a,b'])).toThrow(IpcRefused);
    }
    expect(() => checkIpcCall(IPC.saveScenario, app, [{ id: '../../etc' }, '{}', 'checked'])).toThrow(IpcRefused);
    expect(() => checkIpcCall(IPC.saveScenario, app, [{ ...handle, path: '/etc/passwd' }, '{}', 'checked'])).toThrow(IpcRefused);
    expect(() => checkIpcCall(IPC.saveScenario, app, [handle, '{}', 'force'])).toThrow(IpcRefused);
    expect(() => checkIpcCall(IPC.saveScenario, app, [handle, '{}'])).toThrow(IpcRefused);
    expect(() => checkIpcCall(IPC.openScenario, app, ['/etc/passwd'])).toThrow(IpcRefused);
    expect(() => checkIpcCall(IPC.exportFile, app, ['x.exe', 'exe', 'MZ'])).toThrow(IpcRefused);
    expect(() => checkIpcCall(IPC.setDocumentState, app, [{ handle: null, name: 'x', dirty: true, readOnly: false, path: '/x' }])).toThrow(IpcRefused);
    expect(() => checkIpcCall(IPC.restoreBackup, app, ['../../x'])).toThrow(IpcRefused);
  });

  it('never lets a fuzzed payload through unless it matches the schema exactly', () => {
    fc.assert(fc.property(fc.array(fc.anything(), { maxLength: 4 }), (args) => {
      let passed: unknown[] | undefined;
      try { passed = checkIpcCall(IPC.saveScenario, app, args); } catch (e) { expect(e).toBeInstanceOf(IpcRefused); }
      if (passed) {
        expect(passed).toHaveLength(3);
        expect(Object.keys(passed[0] as object)).toEqual(['id']);
        expect(typeof passed[1]).toBe('string');
      }
    }), { numRuns: 500 });
  });
});
