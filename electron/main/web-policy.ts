// The Electron security checklist as plain code over the few methods it needs from a web contents and a session
// (structural types, so it is tested with stand-ins, no Electron): no navigation away from the app, no new
// windows, no webviews, no downloads, no permission grants; external links only to allow-listed documentation.
import { isTrustedPageUrl } from './app-protocol';
import { isAllowedExternalUrl } from './external-links';

export interface PolicyEvent {
  preventDefault(): void;
}

export interface GuardedContents {
  on(event: 'will-navigate' | 'will-redirect' | 'will-frame-navigate', listener: (event: PolicyEvent & { url?: string }, url?: string) => void): unknown;
  on(event: 'will-attach-webview', listener: (event: PolicyEvent) => void): unknown;
  setWindowOpenHandler(handler: (details: { url: string }) => { action: 'deny' }): void;
}

export interface GuardedSession {
  setPermissionRequestHandler(handler: (contents: unknown, permission: string, callback: (granted: boolean) => void) => void): void;
  setPermissionCheckHandler(handler: () => boolean): void;
  setDevicePermissionHandler(handler: () => boolean): void;
  setDisplayMediaRequestHandler(handler: (request: unknown, callback: (streams: Record<string, never>) => void) => void): void;
  on(event: 'will-download', listener: (event: PolicyEvent) => void): unknown;
}

export function hardenContents(contents: GuardedContents, openExternal: (url: string) => void, devServerUrl?: string): void {
  const stayInApp = (event: PolicyEvent & { url?: string }, url?: string) => {
    // Electron passes the URL as the second argument (older API) and on the event (newer API).
    const target = url ?? event.url ?? '';
    if (!isTrustedPageUrl(target, devServerUrl)) event.preventDefault();
  };
  contents.on('will-navigate', stayInApp);
  contents.on('will-redirect', stayInApp);
  contents.on('will-frame-navigate', stayInApp);
  contents.on('will-attach-webview', (event) => event.preventDefault());
  contents.setWindowOpenHandler(({ url }) => {
    if (isAllowedExternalUrl(url)) openExternal(url);
    return { action: 'deny' };
  });
}

export function lockSession(session: GuardedSession): void {
  session.setPermissionRequestHandler((_contents, _permission, callback) => callback(false));
  session.setPermissionCheckHandler(() => false);
  session.setDevicePermissionHandler(() => false);
  // Screen capture: answering with no streams refuses the request.
  session.setDisplayMediaRequestHandler((_request, callback) => callback({}));
  // Exports go through the main process's save dialog; the page itself never downloads.
  session.on('will-download', (event) => event.preventDefault());
}
