// The browser implementation of the desktop API (what the browser build and its end-to-end tests use), and the
// export helper for chart images.
import { describe, expect, it, vi } from 'vitest';
import { createBrowserApi } from '../../renderer/src/platform/browser-api';
import { bytesFromDataUrl } from '../../renderer/src/platform/export';

function capturedDownloads() {
  const downloads: { name: string; type: string }[] = [];
  vi.spyOn(URL, 'createObjectURL').mockImplementation((blob) => {
    downloads.push({ name: '', type: (blob as Blob).type });
    return 'blob:test';
  });
  vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(function (this: HTMLAnchorElement) {
    downloads[downloads.length - 1].name = this.download;
  });
  return downloads;
}

describe('browser desktop API', () => {
  it('saves and exports as downloads named for their kind', async () => {
    const downloads = capturedDownloads();
    const api = createBrowserApi();
    const saved = await api.saveScenarioAs('plan.hostfit.json', '{}');
    expect(saved).toMatchObject({ ok: true, name: 'plan.hostfit.json' });
    expect(saved.ok && saved.handle.id).toMatch(/^[0-9a-f]{32}$/);
    expect(await api.exportFile('results', 'csv', 'a,b\n')).toEqual({ ok: true, name: 'results.csv' });
    expect(await api.exportFile('chart.png', 'png', new Uint8Array([0x89, 0x50]))).toEqual({ ok: true, name: 'chart.png' });
    expect(downloads).toEqual([
      { name: 'plan.hostfit.json', type: 'application/json' },
      { name: 'results.csv', type: 'text/csv;charset=utf-8' },
      { name: 'chart.png', type: 'image/png' },
    ]);
    vi.restoreAllMocks();
  });

  it('cannot read back a file it only downloaded, and says so; unknown handles are refused', async () => {
    capturedDownloads();
    const api = createBrowserApi();
    const saved = await api.saveScenarioAs('plan.hostfit.json', '{}');
    if (!saved.ok) throw new Error('not saved');
    expect(await api.readScenario(saved.handle)).toMatchObject({ ok: false, reason: 'error', message: expect.stringContaining('Open') });
    expect(await api.readScenario({ id: 'f'.repeat(32) })).toEqual({ ok: false, reason: 'error', message: 'unknown file handle' });
    expect(await api.saveScenario({ id: 'f'.repeat(32) }, '{}', 'checked')).toEqual({ ok: false, reason: 'error', message: 'unknown file handle' });
    expect(await api.recentFiles()).toEqual([]);
    vi.restoreAllMocks();
  });

  it('asks the page before discarding, and titles the page with the document', async () => {
    const api = createBrowserApi();
    const confirm = vi.fn().mockReturnValueOnce(false).mockReturnValueOnce(true);
    vi.stubGlobal('confirm', confirm);
    window.confirm = confirm;
    expect(await api.confirmDiscard('a.json', 'open')).toBe('cancel');
    expect(await api.confirmDiscard('a.json', 'revert')).toBe('discard');
    expect(confirm.mock.calls[0][0]).toContain('a.json');
    await api.setDocumentState({ handle: null, name: 'a.json', dirty: true, readOnly: false });
    expect(document.title).toBe('a.json • — Hostfit');
    vi.unstubAllGlobals();
  });
});

describe('chart export helper', () => {
  it('turns a PNG data URL into its bytes', () => {
    const png = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];
    expect(Array.from(bytesFromDataUrl(`data:image/png;base64,${btoa(String.fromCharCode(...png))}`))).toEqual(png);
    expect(new TextDecoder().decode(bytesFromDataUrl('data:text/csv,a%2Cb'))).toBe('a,b');
    expect(() => bytesFromDataUrl('https://example.com/x.png')).toThrow();
  });
});
