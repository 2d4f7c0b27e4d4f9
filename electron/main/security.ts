// Electron glue of web-policy.ts: applied to the default session and to every web contents the app creates.
import { app, session, shell } from 'electron';
import { hardenContents, lockSession, type GuardedContents, type GuardedSession } from './web-policy';

export function applySecurityPolicy(devServerUrl?: string): void {
  lockSession(session.defaultSession as unknown as GuardedSession);
  app.on('web-contents-created', (_event, contents) => {
    hardenContents(contents as unknown as GuardedContents, (url) => void shell.openExternal(url), devServerUrl);
  });
}
