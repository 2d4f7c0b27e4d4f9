// Electron security checklist, applied to every web contents the app creates: no navigation away from the app,
// no new windows, no webviews, no permission grants; external links only to allow-listed documentation.
import { app, shell, session, type WebContents } from 'electron';
import { isAppUrl } from './app-protocol';
import { isAllowedExternalUrl } from './external-links';

export function hardenWebContents(contents: WebContents, devServerUrl?: string): void {
  const internal = (url: string) => isAppUrl(url) || (devServerUrl !== undefined && url.startsWith(devServerUrl));
  contents.on('will-navigate', (event, url) => {
    if (!internal(url)) event.preventDefault();
  });
  contents.on('will-redirect', (event, url) => {
    if (!internal(url)) event.preventDefault();
  });
  contents.on('will-attach-webview', (event) => event.preventDefault());
  contents.setWindowOpenHandler(({ url }) => {
    if (isAllowedExternalUrl(url)) void shell.openExternal(url);
    return { action: 'deny' };
  });
}

export function applySessionPolicy(): void {
  session.defaultSession.setPermissionRequestHandler((_contents, _permission, callback) => callback(false));
  session.defaultSession.setPermissionCheckHandler(() => false);
  app.on('web-contents-created', (_event, contents) => hardenWebContents(contents, process.env.ELECTRON_RENDERER_URL));
}
