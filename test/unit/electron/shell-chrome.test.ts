// Menu, prompts, window title and launch arguments: the plain data the Electron glue shows.
import { describe, expect, it } from 'vitest';
import type { MenuItemConstructorOptions } from 'electron';
import type { ShellCommand } from '../../../core/desktop/api';
import { scenarioPathsFromArgv } from '../../../electron/main/launch-args';
import { menuTemplate } from '../../../electron/main/menu';
import { choiceAt, closePrompt, discardPrompt, windowTitle } from '../../../electron/main/prompts';

function fileMenu(document: Parameters<typeof menuTemplate>[0]['document'], recent = [{ name: 'a.hostfit.json', path: '/docs/a.hostfit.json' }]) {
  const sent: ShellCommand[] = [];
  const opened: string[] = [];
  const template = menuTemplate({ isMac: false, devTools: false, recent, document, command: (c) => void sent.push(c), openRecent: (p) => void opened.push(p), clearRecent: () => undefined });
  const file = template.find((m) => m.label === '&File')!.submenu as MenuItemConstructorOptions[];
  const item = (label: string) => file.find((i) => i.label === label)!;
  const click = (i: MenuItemConstructorOptions) => (i.click as unknown as () => void)();
  return { template, file, item, click, sent, opened };
}

describe('application menu', () => {
  it('sends file commands to the renderer and opens recent files by path in the main process', () => {
    const m = fileMenu({ handle: { id: 'a'.repeat(32) }, name: 'a.hostfit.json', dirty: true, readOnly: false });
    for (const label of ['&Open…', '&Import…', '&Save', 'Save &As…', 'Re&vert to Saved']) m.click(m.item(label));
    expect(m.sent.map((c) => c.type)).toEqual(['open', 'import', 'save', 'save-as', 'revert']);
    // Shown, not registered: the workbench's own shortcut handles the key (no double save).
    expect([m.item('&Save').accelerator, m.item('&Save').registerAccelerator]).toEqual(['CmdOrCtrl+S', false]);
    const recent = m.item('Open &Recent').submenu as MenuItemConstructorOptions[];
    m.click(recent[0]);
    expect(m.opened).toEqual(['/docs/a.hostfit.json']);
  });

  it('disables Save for read-only documents and Revert when there is nothing to revert', () => {
    const readOnly = fileMenu({ handle: { id: 'a'.repeat(32) }, name: 'new.hostfit.json', dirty: false, readOnly: true });
    expect(readOnly.item('&Save').enabled).toBe(false);
    expect(readOnly.item('Save &As…').enabled).toBe(false);
    expect(readOnly.item('Re&vert to Saved').enabled).toBe(false);
    const untitled = fileMenu({ handle: null, name: 'web-tier.hostfit.json', dirty: true, readOnly: false }, []);
    expect(untitled.item('Re&vert to Saved').enabled).toBe(false);
    expect((untitled.item('Open &Recent').submenu as MenuItemConstructorOptions[])[0]).toMatchObject({ label: 'No Recent Files', enabled: false });
  });

  it('offers developer tools only in unpackaged runs, and never a reload that would drop unsaved work', () => {
    const roles = (devTools: boolean) => JSON.stringify(menuTemplate({ isMac: true, devTools, recent: [], document: null, command: () => undefined, openRecent: () => undefined, clearRecent: () => undefined }));
    expect(roles(false)).not.toContain('toggleDevTools');
    expect(roles(true)).toContain('toggleDevTools');
    expect(roles(true)).not.toMatch(/"role":"(force)?[rR]eload"/);
  });
});

describe('prompts', () => {
  it('asks to save, discard or cancel on close, and maps buttons back to choices', () => {
    const p = closePrompt('plan.hostfit.json', false);
    expect(p.message).toContain('plan.hostfit.json');
    expect(p.buttons.map((_, i) => choiceAt(p, i))).toEqual(['save', 'discard', 'cancel']);
    expect(choiceAt(p, p.cancelId)).toBe('cancel');
    expect(choiceAt(p, 99)).toBe('cancel'); // Escape or an unexpected index never discards
  });

  it('offers no Save for read-only documents and for revert', () => {
    expect(closePrompt('new.hostfit.json', true).choices).toEqual(['discard', 'cancel']);
    expect(discardPrompt('a.json', 'revert').choices).toEqual(['discard', 'cancel']);
    expect(discardPrompt('a.json', 'open').choices).toEqual(['save', 'discard', 'cancel']);
  });

  it('titles the window with the file, an unsaved mark and read-only', () => {
    expect(windowTitle(null)).toBe('Hostfit');
    expect(windowTitle({ handle: null, name: 'a.json', dirty: true, readOnly: false })).toBe('a.json • — Hostfit');
    expect(windowTitle({ handle: null, name: 'a.json', dirty: false, readOnly: true })).toBe('a.json (read-only) — Hostfit');
  });
});

describe('launch arguments', () => {
  it('finds scenario files passed by the user or a file association, resolved against the working directory', () => {
    expect(scenarioPathsFromArgv(['/opt/Hostfit/hostfit', 'plan.hostfit.json', '--flag', '/abs/b.json', 'notes.txt'], '/home/u', true))
      .toEqual(['/home/u/plan.hostfit.json', '/abs/b.json']);
    expect(scenarioPathsFromArgv(['/usr/bin/electron', '.', 'x.json'], '/repo', false)).toEqual(['/repo/x.json']);
    expect(scenarioPathsFromArgv(['hostfit', '--', '-dash.json'], '/d', true)).toEqual(['/d/-dash.json']);
    expect(scenarioPathsFromArgv(['hostfit', '--inspect=9229', '--allow-file-access-from-files'], '/d', true)).toEqual([]);
  });
});
