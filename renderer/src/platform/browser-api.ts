// The desktop API for a plain browser: open through a file input, save through a download (the browser decides
// where it lands). Handles are random tokens mapped to file names, mirroring the desktop's opaque handles.
import type { DesktopApi, FileHandle, OpenedScenario, SaveResult } from '../../../core/desktop/api';

function newHandle(): FileHandle {
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  return { id: Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('') };
}

function pickFile(): Promise<File | null> {
  return new Promise((resolve) => {
    const input = document.createElement('input');
    input.type = 'file';
    input.accept = '.json,application/json';
    input.addEventListener('change', () => resolve(input.files?.[0] ?? null), { once: true });
    input.addEventListener('cancel', () => resolve(null), { once: true });
    input.click();
  });
}

function download(name: string, text: string): void {
  const url = URL.createObjectURL(new Blob([text], { type: 'application/json' }));
  const a = document.createElement('a');
  a.href = url;
  a.download = name;
  a.click();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

export function createBrowserApi(): DesktopApi {
  const names = new Map<string, string>();
  const remember = (name: string) => {
    const handle = newHandle();
    names.set(handle.id, name);
    return handle;
  };
  return {
    kind: 'browser',
    async openScenario(): Promise<OpenedScenario | null> {
      const file = await pickFile();
      if (!file) return null;
      // Decode strictly so a non-UTF-8 file is reported instead of silently mangled.
      let text: string;
      try {
        text = new TextDecoder('utf-8', { fatal: true }).decode(await file.arrayBuffer());
      } catch {
        text = '\uFFFD';
      }
      return { handle: remember(file.name), name: file.name, text };
    },
    async saveScenario(handle: FileHandle, text: string): Promise<SaveResult> {
      const name = names.get(handle.id);
      if (!name) return { ok: false, reason: 'error', message: 'unknown file handle' };
      download(name, text);
      return { ok: true, handle, name };
    },
    async saveScenarioAs(suggestedName: string, text: string): Promise<SaveResult> {
      download(suggestedName, text);
      return { ok: true, handle: remember(suggestedName), name: suggestedName };
    },
  };
}
