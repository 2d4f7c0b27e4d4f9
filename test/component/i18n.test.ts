// Every user-visible key exists in both languages, including one label per bundled example.
import { describe, expect, it } from 'vitest';
import { EXAMPLES } from '../../core/examples/index';
import en from '../../renderer/src/i18n/en';
import zhCN from '../../renderer/src/i18n/zh-CN';

function keys(node: unknown, prefix = ''): string[] {
  if (node === null || typeof node !== 'object') return [prefix];
  return Object.entries(node).flatMap(([k, v]) => keys(v, prefix ? `${prefix}.${k}` : k));
}

describe('messages', () => {
  it('has a label for every bundled example in English and Chinese', () => {
    for (const e of EXAMPLES) {
      expect((en.examples as Record<string, string>)[e.id], e.id).toBeTruthy();
      expect((zhCN.examples as Record<string, string>)[e.id], e.id).toBeTruthy();
    }
  });

  it('has the same keys in both languages', () => {
    expect(keys(zhCN).sort()).toEqual(keys(en).sort());
  });
});
