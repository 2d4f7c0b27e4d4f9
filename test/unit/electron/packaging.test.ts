// The packaging configuration cannot be exercised here (electron-builder needs the Electron binary); this
// checks what it must keep saying: the file association, the fuses, and the resources it names exist.
import { existsSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { SCENARIO_EXTENSION } from '../../../electron/main/files/scenario-files';

const root = new URL('../../../', import.meta.url);
const config = readFileSync(new URL('electron-builder.yml', root), 'utf8');

describe('packaging configuration', () => {
  it('associates .hostfit.json on Linux and ships only the built app', () => {
    expect(config).toContain(`- ext: ${SCENARIO_EXTENSION.slice(1)}`);
    expect(config).toMatch(/mimeType: application\/x-hostfit-scenario\+json/);
    expect(config).toMatch(/files:\n\s+- out\/\*\*\n\s+- package\.json/);
    expect(config).toMatch(/target: \[AppImage, deb\]/);
  });

  it('turns off the fuses that would let the binary run as Node or load code from elsewhere', () => {
    for (const fuse of ['runAsNode: false', 'enableNodeOptionsEnvironmentVariable: false', 'enableNodeCliInspectArguments: false',
      'onlyLoadAppFromAsar: true', 'enableEmbeddedAsarIntegrityValidation: true']) expect(config).toContain(fuse);
  });

  it('names resources that exist', () => {
    const include = /include: (\S+)/.exec(config)?.[1];
    expect(include && existsSync(new URL(include, root))).toBe(true);
    expect(existsSync(new URL('build/icon.png', root))).toBe(true);
  });
});
