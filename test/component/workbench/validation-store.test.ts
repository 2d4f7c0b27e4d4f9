// Inline validation gives exactly the file validator's messages at the edited field's JSON path.
import { beforeEach, describe, expect, it } from 'vitest';
import { setServiceCell } from '../../../core/edit/services';
import { columnByKey } from '../../../core/edit/service-columns';
import { parseScenarioValue } from '../../../core/scenario/parse';
import { useScenarioStore } from '../../../renderer/src/stores/scenario';
import { LARGE_SCENARIO_SERVICES, useValidationStore } from '../../../renderer/src/stores/validation';
import { freshPinia, settle } from './support';

describe('validation store', () => {
  beforeEach(() => { freshPinia(); });

  it('reports an invalid cell at its path with the message opening the file would give', async () => {
    const doc = useScenarioStore();
    const validation = useValidationStore();
    await settle();
    expect(validation.count).toBe(0);
    doc.edit((s) => setServiceCell(s, 3, columnByKey('memoryGiB')!, 'lots'), { key: 'edit.field' });
    const issues = await validation.current();
    expect(issues.map((i) => i.where)).toEqual(['$.services[3].demand.memoryGiB']);
    const fromFile = parseScenarioValue(JSON.parse(JSON.stringify(doc.scenario)));
    expect(fromFile.ok ? [] : fromFile.errors.map((e) => e.message)).toEqual(issues.map((i) => i.message));
    expect(validation.messagesAt(['services', 3, 'demand', 'memoryGiB'])).toEqual([issues[0].message]);
    expect(validation.messagesAt(['services', 2, 'demand', 'memoryGiB'])).toEqual([]);
    doc.undo();
    expect(await validation.current()).toEqual([]);
  });

  it('catches up with a large scenario after the last edit (debounced)', async () => {
    const doc = useScenarioStore();
    const validation = useValidationStore();
    const base = doc.scenario;
    const services = Array.from({ length: LARGE_SCENARIO_SERVICES + 10 }, (_, k) => ({ ...base.services[k % base.services.length], id: `svc-${k}` }));
    doc.replace({ ...base, services });
    doc.edit((s) => setServiceCell(s, 1200, columnByKey('tenant')!, 'nobody'), { key: 'edit.field' });
    expect(validation.pending).toBe(true);
    const issues = await validation.current();
    expect(issues).toEqual([{ path: ['services', 1200, 'tenant'], where: '$.services[1200].tenant', message: 'unknown tenant "nobody"' }]);
  });
});
