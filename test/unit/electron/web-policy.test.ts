// The Electron security checklist, on stand-ins for a web contents and a session that record what the policy
// registers and let the test fire the events Electron would.
import { EventEmitter } from 'node:events';
import { describe, expect, it } from 'vitest';
import { isAllowedExternalUrl } from '../../../electron/main/external-links';
import { hardenContents, lockSession, type GuardedContents, type GuardedSession } from '../../../electron/main/web-policy';
import { secureWindowOptions } from '../../../electron/main/window-options';

class FakeContents extends EventEmitter {
  openHandler: ((d: { url: string }) => { action: 'deny' }) | null = null;
  setWindowOpenHandler(h: (d: { url: string }) => { action: 'deny' }) { this.openHandler = h; }
  /** Fires an event the way Electron does; true if the policy prevented it. */
  fire(name: string, url?: string): boolean {
    let prevented = false;
    const event = { url, preventDefault: () => { prevented = true; } };
    this.emit(name, event, url);
    return prevented;
  }
}

function hardened(dev?: string) {
  const contents = new FakeContents();
  const opened: string[] = [];
  hardenContents(contents as unknown as GuardedContents, (u) => void opened.push(u), dev);
  return { contents, opened };
}

describe('navigation, new windows and webviews', () => {
  it('allows navigation within the app only', () => {
    const { contents } = hardened();
    for (const event of ['will-navigate', 'will-redirect', 'will-frame-navigate']) {
      expect(contents.fire(event, 'app://hostfit/index.html#results')).toBe(false);
      for (const url of ['https://evil.example/', 'file:///etc/passwd', 'app://other/index.html', 'http://localhost:5173/', 'javascript:alert(1)', 'data:text/html,x', '']) {
        expect(contents.fire(event, url), `${event} ${url}`).toBe(true);
      }
    }
  });

  it('reads the URL from the event object too (the newer Electron event shape)', () => {
    const { contents } = hardened();
    let prevented = false;
    contents.emit('will-frame-navigate', { url: 'https://evil.example/', preventDefault: () => { prevented = true; } });
    expect(prevented).toBe(true);
  });

  it('allows the dev server only when one is configured, by exact origin', () => {
    const { contents } = hardened('http://localhost:5173');
    expect(contents.fire('will-navigate', 'http://localhost:5173/index.html')).toBe(false);
    expect(contents.fire('will-navigate', 'http://localhost:5173.evil.example/')).toBe(true);
  });

  it('denies every new window; allow-listed documentation opens in the system browser', () => {
    const { contents, opened } = hardened();
    for (const url of ['https://kubernetes.io/docs/concepts/scheduling-eviction/pod-overhead/', 'https://evil.example/', 'http://kubernetes.io/',
      'app://hostfit/index.html', 'file:///etc/passwd', 'https://user:pw@kubernetes.io/', 'https://kubernetes.io.evil.example/']) {
      expect(contents.openHandler!({ url })).toEqual({ action: 'deny' });
    }
    expect(opened).toEqual(['https://kubernetes.io/docs/concepts/scheduling-eviction/pod-overhead/']);
  });

  it('prevents webviews from attaching', () => {
    expect(hardened().contents.fire('will-attach-webview')).toBe(true);
  });

  it('allows only https documentation hosts for shell.openExternal', () => {
    expect(isAllowedExternalUrl('https://docs.openstack.org/nova/latest/')).toBe(true);
    for (const url of ['http://docs.openstack.org/', 'ftp://github.com/', 'https://github.com.evil/', 'file:///x', 'not a url', 'javascript:1']) {
      expect(isAllowedExternalUrl(url), url).toBe(false);
    }
  });
});

describe('session', () => {
  it('denies every permission request and check, devices, screen capture and downloads', () => {
    const registered: Record<string, (...a: never[]) => unknown> = {};
    const downloads = new EventEmitter();
    const session = {
      setPermissionRequestHandler: (h: never) => { registered.request = h; },
      setPermissionCheckHandler: (h: never) => { registered.check = h; },
      setDevicePermissionHandler: (h: never) => { registered.device = h; },
      setDisplayMediaRequestHandler: (h: never) => { registered.display = h; },
      on: (e: string, l: (...a: unknown[]) => void) => downloads.on(e, l),
    };
    lockSession(session as unknown as GuardedSession);
    for (const permission of ['media', 'geolocation', 'notifications', 'clipboard-read', 'openExternal', 'fileSystem']) {
      let granted: boolean | undefined;
      (registered.request as (c: unknown, p: string, cb: (g: boolean) => void) => void)(null, permission, (g) => { granted = g; });
      expect(granted, permission).toBe(false);
    }
    expect((registered.check as () => boolean)()).toBe(false);
    expect((registered.device as () => boolean)()).toBe(false);
    let streams: unknown = 'unanswered';
    (registered.display as (r: unknown, cb: (s: unknown) => void) => void)({}, (s) => { streams = s; });
    expect(streams).toEqual({});
    let prevented = false;
    downloads.emit('will-download', { preventDefault: () => { prevented = true; } });
    expect(prevented).toBe(true);
  });
});

describe('window preferences', () => {
  it('isolate the page: context isolation, sandbox, no Node, web security, no webviews, no drag-and-drop navigation', () => {
    const prefs = secureWindowOptions('/app/preload/index.cjs').webPreferences!;
    expect(prefs).toMatchObject({
      preload: '/app/preload/index.cjs', contextIsolation: true, sandbox: true, nodeIntegration: false, nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false, webSecurity: true, allowRunningInsecureContent: false, webviewTag: false, navigateOnDragDrop: false,
      experimentalFeatures: false,
    });
  });
});
