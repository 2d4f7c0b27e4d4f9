import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { IPC } from '../../../core/desktop/api';
import { checkIpcCall, IpcRefused } from '../../../electron/main/ipc-guard';

const app = { url: 'app://hostfit/index.html', isMainFrame: true };
const handle = { id: '0123456789abcdef0123456789abcdef' };

describe('IPC guard', () => {
  it('passes well-formed calls from the app', () => {
    expect(checkIpcCall(IPC.openScenario, app, [])).toEqual([]);
    expect(checkIpcCall(IPC.saveScenario, app, [handle, '{}'])).toEqual([handle, '{}']);
    expect(checkIpcCall(IPC.saveScenarioAs, app, ['plan.hostfit.json', '{}'])).toEqual(['plan.hostfit.json', '{}']);
  });

  it('refuses forged senders', () => {
    for (const sender of [null, { url: 'https://evil.example/', isMainFrame: true }, { url: 'app://hostfit/index.html', isMainFrame: false },
      { url: 'file:///tmp/x.html', isMainFrame: true }, { url: 'app://hostfit.evil/index.html', isMainFrame: true }]) {
      expect(() => checkIpcCall(IPC.openScenario, sender, [])).toThrow(IpcRefused);
    }
  });

  it('refuses path-like names and malformed handles', () => {
    for (const name of ['../x.json', '/etc/passwd', 'a\\b.json', '..', '', 'x\0.json']) {
      expect(() => checkIpcCall(IPC.saveScenarioAs, app, [name, '{}'])).toThrow(IpcRefused);
    }
    expect(() => checkIpcCall(IPC.saveScenario, app, [{ id: '../../etc' }, '{}'])).toThrow(IpcRefused);
    expect(() => checkIpcCall(IPC.saveScenario, app, [{ ...handle, path: '/etc/passwd' }, '{}'])).toThrow(IpcRefused);
  });

  it('never lets a fuzzed payload through unless it matches the schema exactly', () => {
    fc.assert(fc.property(fc.array(fc.anything(), { maxLength: 4 }), (args) => {
      let passed: unknown[] | undefined;
      try { passed = checkIpcCall(IPC.saveScenario, app, args); } catch (e) { expect(e).toBeInstanceOf(IpcRefused); }
      if (passed) {
        expect(passed).toHaveLength(2);
        expect(Object.keys(passed[0] as object)).toEqual(['id']);
        expect(typeof passed[1]).toBe('string');
      }
    }), { numRuns: 500 });
  });
});
