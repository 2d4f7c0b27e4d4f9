import { createPinia, setActivePinia } from 'pinia';
import { beforeEach, describe, expect, it } from 'vitest';
import { EXAMPLES, exampleText } from '../../core/examples/index';
import { useFileStore } from '../../renderer/src/stores/file';
import { useScenarioStore } from '../../renderer/src/stores/scenario';

describe('file store', () => {
  beforeEach(() => setActivePinia(createPinia()));

  it('starts on the bundled example, clean', () => {
    const file = useFileStore();
    expect(useScenarioStore().scenario.name).toBe('Small web tier');
    expect(file.dirty).toBe(false);
    expect(file.exampleId).toBe('web-tier');
  });

  it('keeps the current scenario and lists errors with paths when a file is invalid', () => {
    const file = useFileStore();
    const doc = useScenarioStore();
    const before = doc.scenario;
    expect(file.loadText('{"format":"hostfit-scenario","version":1}', 'bad.json', null)).toBe(false);
    expect(doc.scenario).toBe(before);
    expect(file.loadErrors.map((e) => e.where)).toContain('$.name');
  });

  it('loads a valid file, is dirty after an edit and opens newer versions read-only', () => {
    const file = useFileStore();
    const doc = useScenarioStore();
    const fleet = EXAMPLES.find((e) => e.id === 'fleet')!;
    expect(file.loadText(exampleText(fleet), 'fleet.hostfit.json', null)).toBe(true);
    expect(doc.scenario.name).toBe('Enterprise fleet');
    expect(file.dirty).toBe(false);
    doc.replace({ ...doc.scenario, name: 'Changed' });
    expect(file.dirty).toBe(true);
    const newer = JSON.stringify({ ...JSON.parse(exampleText(fleet)), version: 99 });
    expect(file.loadText(newer, 'newer.hostfit.json', null)).toBe(true);
    expect(file.readOnly).toBe(true);
    expect(file.notices[0]).toMatch(/read-only/);
  });
});
