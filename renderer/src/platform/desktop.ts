// The desktop API in use: the Electron preload's `window.hostfit` when present, else the browser implementation.
import type { DesktopApi } from '../../../core/desktop/api';
import { createBrowserApi } from './browser-api';

declare global {
  interface Window {
    hostfit?: DesktopApi;
  }
}

export const desktop: DesktopApi = window.hostfit ?? createBrowserApi();
