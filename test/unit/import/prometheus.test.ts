// Prometheus query_range → traces: string values, NaN, gaps, any step; into a scenario (CPU as a share of
// the request, memory working set as a memory trace) or alone (services sized from the data, default pool).
import { describe, expect, it } from 'vitest';
import { kubernetesList } from '../../../core/import/testing/kubernetes';
import { prometheusMatrix } from '../../../core/import/testing/metrics';
import { podController } from '../../../core/import/prometheus/import';
import { importFails, importOk, json } from './support';

const matrix = (result: unknown[]) => ({ status: 'success', data: { resultType: 'matrix', result } });

describe('import prometheus', () => {
  it('maps pods to their controller', () => {
    expect(podController('web-7c9d8f6b5-x2k4q')).toBe('web');
    expect(podController('postgres-0')).toBe('postgres');
    expect(podController('node-exporter-x2k4q')).toBe('node-exporter');
  });

  it('into a Kubernetes scenario: CPU cores per replica become a share of the request, memory a memory trace', async () => {
    const cluster = await importOk('kubernetes', [json('c.json', kubernetesList({ deployments: 1, replicas: 2, statefulSets: 0, barePods: 0, namespaces: 1 }))]);
    const web = cluster.scenario.services.find((s) => s.id === 'shop.web')!;
    const t0 = 1764547200;
    const cpu = matrix([
      { metric: { namespace: 'shop', pod: 'web-7c9d8f6b5-ccccc', container: 'app' }, values: [[t0, '0.1'], [t0 + 60, '0.2'], [t0 + 120, 'NaN'], [t0 + 180, '0.3']] },
      { metric: { namespace: 'shop', pod: 'web-7c9d8f6b5-ccccc', container: 'log-shipper' }, values: [[t0, '0.1'], [t0 + 60, '0.1'], [t0 + 180, '0.1']] },
      { metric: { namespace: 'shop', pod: 'web-7c9d8f6b5-ddddd', container: 'app' }, values: [[t0 + 60, '0.4'], [t0 + 120, '0.4'], [t0 + 180, '0.4']] },
      { metric: { namespace: 'other', pod: 'mystery-0' }, values: [[t0, '1']] },
    ]);
    const mem = matrix([{ metric: { __name__: 'container_memory_working_set_bytes', namespace: 'shop', pod: 'web-7c9d8f6b5-ccccc' }, values: [[t0, String(2 ** 27)], [t0 + 180, String(2 ** 28)]] }]);
    const { scenario, report } = await importOk('prometheus', [json('cpu.json', cpu), json('mem.json', mem)], { into: cluster.scenario });
    const svc = scenario.services.find((s) => s.id === 'shop.web')!;
    const trace = scenario.traces!.find((t) => t.id === svc.trace)!;
    expect(trace.intervalSeconds).toBe(60);
    // step k: pod a = app + log-shipper (gaps filled), pod b from t0+60 (leading gap filled); mean of the two pods / request
    const a = [0.2, 0.3, 0.3, 0.4], b = [0.4, 0.4, 0.4, 0.4];
    expect(trace.samples).toEqual(a.map((x, k) => Math.round(Math.min(1, ((x + b[k]) / 2) / web.demand.cpuCores) * 10000) / 10000));
    expect(scenario.traces!.find((t) => t.id === svc.memoryTrace)!.samples[0]).toBeCloseTo(2 ** 27 / (web.demand.memoryGiB * 2 ** 30), 3);
    expect(report.skippedByReason['unmatched-series']).toBe(1);
    expect(report.skipped[0].at).toEqual({ file: 'cpu.json', where: '$.data.result[3]' });
    expect(report.notes.join(' ')).toMatch(/NaN.*gaps/);
    expect(report.origins.find((o) => o.id === svc.trace)!.from.map((f) => f.where)).toEqual(['$.data.result[0]', '$.data.result[1]', '$.data.result[2]']);
  });

  it('alone: one service per controller sized from its peak, on a default pool the report names; any step', async () => {
    const { scenario, report } = await importOk('prometheus', [json('q.json', prometheusMatrix({ series: 4, points: 96, step: 900, podsPerController: 2 }))]);
    expect(scenario.services.map((s) => [s.id, s.replicas])).toEqual([['shop.web', 2], ['shop.api', 2]]);
    expect(scenario.traces!.every((t) => t.intervalSeconds === 900 && t.samples.length === 96)).toBe(true);
    expect(Math.max(...scenario.traces![0].samples)).toBeGreaterThan(0.99); // the demand is the peak, rounded up to a millicore
    expect(report.notes.join(' ')).toMatch(/default host pool of \d+ × "Compact 1-socket, 16 cores"/);
  });

  it('--service-label and --metric pick the mapping and the unit', async () => {
    const q = matrix([{ metric: { job: 'batch', team: 'data' }, values: [[0, '3'], [30, '5']] }]);
    const { scenario } = await importOk('prometheus', [json('q.json', q)], { serviceLabel: 'team', metric: 'memory' });
    expect(scenario.services[0]).toMatchObject({ id: 'data', demand: { memoryGiB: 0.001 } });
    expect(scenario.services[0].memoryTrace).toBeDefined();
    expect(scenario.services[0].trace).toBeUndefined();
  });

  it('bad input: not a matrix, an error answer, a series without a numeric value, a bad value — each located', async () => {
    await importFails('prometheus', [json('q.json', { status: 'success', data: { resultType: 'vector', result: [] } })], 'q.json', '$.data.resultType', /instant query/);
    await importFails('prometheus', [json('q.json', { status: 'error', errorType: 'bad_data', error: 'parse error' })], 'q.json', '$.error', /bad_data parse error/);
    await importFails('prometheus', [json('q.json', matrix([{ metric: { app: 'a' }, values: [[0, 'NaN'], [60, '+Inf']] }]))], 'q.json', '$.data.result[0].values', /no numeric value/);
    await importFails('prometheus', [json('q.json', matrix([{ metric: { app: 'a' }, values: [[0, '1'], [60, 'lots']] }]))], 'q.json', '$.data.result[0].values[1][1]', /expected a sample value/);
    await importFails('prometheus', [json('q.json', matrix([{ metric: { app: 'a' }, values: [[60, '1'], [0, '1']] }]))], 'q.json', '$.data.result[0].values[1][0]', /increase/);
  });
});
