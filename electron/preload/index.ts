// The whole preload: the desktop API (one function per IPC channel) exposed as `window.hostfit`.
import { contextBridge, ipcRenderer } from 'electron';
import { createDesktopApi } from './api';

contextBridge.exposeInMainWorld('hostfit', createDesktopApi(ipcRenderer));
