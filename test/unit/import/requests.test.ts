// The effective pod request, as the scheduler computes it (imports.md §2.3; component-helpers PodRequests).
import { describe, expect, it } from 'vitest';
import { ImportError } from '../../../core/import/types';
import { effectiveRequest } from '../../../core/import/kubernetes/requests';

const pod = (spec: unknown) => ({ kind: 'Pod', obj: { spec } as Record<string, unknown>, file: 'c.json', path: '$.items[0]' });
const req = (cpu: string, memory: string) => ({ resources: { requests: { cpu, memory } } });
const Mi = 2 ** 20, Gi = 2 ** 30;

describe('effective pod request', () => {
  it('is max(init phase, run phase): the worked example gives 750m / 2Gi', () => {
    const spec = { initContainers: [req('250m', '256Mi'), req('500m', '1Gi')], containers: [req('500m', '1Gi'), req('250m', '1Gi')] };
    expect(effectiveRequest(pod(spec), spec, '.spec')).toEqual({ cpu: 750, memory: 2 * Gi, storage: 0 });
  });

  it('an init container larger than the app containers sets the request', () => {
    const spec = { initContainers: [req('2', '64Mi')], containers: [req('500m', '1Gi')] };
    expect(effectiveRequest(pod(spec), spec, '.spec')).toEqual({ cpu: 2000, memory: Gi, storage: 0 });
  });

  it('restartable (sidecar) init containers run beside the app and add to later init containers', () => {
    const spec = {
      initContainers: [{ ...req('100m', '128Mi'), restartPolicy: 'Always' }, req('1', '64Mi')],
      containers: [req('500m', '1Gi')],
    };
    // run: 500m + 100m, 1Gi + 128Mi; init: the plain init container runs with the sidecar: 1100m, 192Mi
    expect(effectiveRequest(pod(spec), spec, '.spec')).toEqual({ cpu: 1100, memory: Gi + 128 * Mi, storage: 0 });
  });

  it('adds spec.overhead and lets pod-level resources replace the container sums', () => {
    const spec = { containers: [req('500m', '1Gi')], overhead: { cpu: '250m', memory: '120Mi' } };
    expect(effectiveRequest(pod(spec), spec, '.spec')).toEqual({ cpu: 750, memory: Gi + 120 * Mi, storage: 0 });
    const podLevel = { containers: [req('500m', '1Gi'), req('500m', '1Gi')], resources: { requests: { cpu: '3' } } };
    expect(effectiveRequest(pod(podLevel), podLevel, '.spec')).toEqual({ cpu: 3000, memory: 2 * Gi, storage: 0 });
  });

  it('a limit without a request is the request (API server defaulting); no resources is zero (BestEffort)', () => {
    const spec = { containers: [{ resources: { limits: { cpu: '1', memory: '2Gi' } } }, { name: 'besteffort' }] };
    expect(effectiveRequest(pod(spec), spec, '.spec')).toEqual({ cpu: 1000, memory: 2 * Gi, storage: 0 });
  });

  it('a malformed quantity is an ImportError at its JSON path', () => {
    const spec = { containers: [req('250m', '256Mi'), req('1K', '1Gi')] };
    expect(() => effectiveRequest(pod(spec), spec, '.spec')).toThrow(ImportError);
    try { effectiveRequest(pod(spec), spec, '.spec'); } catch (e) {
      expect((e as ImportError).at).toEqual({ file: 'c.json', where: '$.items[0].spec.containers[1].resources.requests.cpu' });
    }
  });
});
