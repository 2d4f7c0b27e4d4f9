// The services-by-id index the plan shares: every service under its id, built once per services array, and built
// again for another array (an edit copies it) or for one that grew in place.
import { describe, expect, it } from 'vitest';
import { columnByKey } from '../../../core/edit/service-columns';
import { setServiceCell } from '../../../core/edit/services';
import { servicesById } from '../../../core/scenario/services-by-id';
import { minimalInput, parsed } from '../../support/scenarios';

function twoServices() {
  const input = minimalInput();
  input.services = [
    { id: 'web', name: 'Web', tenant: 't', replicas: 3, demand: { cpuCores: 1, memoryGiB: 2 } },
    { id: 'db', name: 'DB', tenant: 't', replicas: 2, demand: { cpuCores: 2, memoryGiB: 4 } },
  ];
  return parsed(input);
}

describe('servicesById', () => {
  it('maps every service by id, and the same services array gives the same map', () => {
    const s = twoServices();
    const byId = servicesById(s);
    expect([...byId.keys()]).toEqual(['web', 'db']);
    expect(byId.get('db')).toBe(s.services[1]);
    expect(servicesById({ ...s })).toBe(byId); // another scenario object, the same array
  });

  it('follows an edit, which copies the array, and an array that grew in place', () => {
    const s = twoServices();
    const before = servicesById(s);
    const edited = setServiceCell(s, 0, columnByKey('replicas')!, 5);
    expect(edited.services).not.toBe(s.services);
    expect(servicesById(edited).get('web')?.replicas).toBe(5);
    expect(servicesById(s).get('web')?.replicas).toBe(3);
    s.services.push({ ...s.services[0], id: 'cache' });
    expect(servicesById(s)).not.toBe(before);
    expect(servicesById(s).get('cache')?.id).toBe('cache');
  });
});
