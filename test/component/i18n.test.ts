// Every user-visible key exists in both languages, including one label per bundled example.
import { describe, expect, it } from 'vitest';
import { EXAMPLES } from '../../core/examples/index';
import en from '../../renderer/src/i18n/en';
import zhCN from '../../renderer/src/i18n/zh-CN';
import { i18n } from '../../renderer/src/i18n';

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

  it('says a count of one in the singular and the rest in the plural (English), one form in Chinese', () => {
    const t = i18n.global.t as (key: string, named: Record<string, unknown>, plural: number) => string;
    i18n.global.locale.value = 'en';
    const cases: [string, Record<string, unknown>, string, string][] = [
      ['results.rackCount', { n: '1' }, '1 rack', '2 racks'],
      ['topology.hosts', { count: '1' }, '1 host', '2 hosts'],
      ['hostMap.items', { count: 1 }, '1 item', '2 items'],
      ['hostMap.nodeVms', { count: 1, shape: '4 vCPU' }, '1 node VM of 4 vCPU on this host', '2 node VMs of 4 vCPU on this host'],
      ['services.copied', { rows: 1 }, 'copied 1 row', 'copied 2 rows'],
      ['services.pasted', { cells: 1 }, 'pasted 1 cell', 'pasted 2 cells'],
      ['bulk.title', { count: 1 }, 'Edit 1 service', 'Edit 2 services'],
      ['import.apply', { count: 1 }, 'Import 1 line', 'Import 2 lines'],
      ['explain.atDecision', { fit: '1' }, 'At that moment 1 host could take it.', 'At that moment 2 hosts could take it.'],
    ];
    for (const [key, named, one, two] of cases) {
      expect(t(key, named, 1), key).toBe(one);
      const plural = Object.fromEntries(Object.entries(named).map(([k, v]) => [k, v === 1 || v === '1' ? (typeof v === 'number' ? 2 : '2') : v]));
      expect(t(key, plural, 2), key).toBe(two);
    }
    i18n.global.locale.value = 'zh-CN';
    expect(t('services.copied', { rows: 1 }, 1)).toBe(t('services.copied', { rows: 1 }, 2));
    i18n.global.locale.value = 'en';
  });
});
