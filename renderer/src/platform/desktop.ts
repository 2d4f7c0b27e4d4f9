// The desktop API in use: the Electron preload's `window.hostfit` when present, else the browser implementation
// (created on first use). `provideDesktopApi` swaps in another implementation (tests, embedding).
import type { DesktopApi } from '../../../core/desktop/api';
import { createBrowserApi } from './browser-api';

declare global {
  interface Window {
    hostfit?: DesktopApi;
  }
}

let current: DesktopApi | undefined;

export function desktopApi(): DesktopApi {
  current ??= window.hostfit ?? createBrowserApi();
  return current;
}

export function provideDesktopApi(api: DesktopApi): void {
  current = api;
}
