// The result logic behind the views: the placement recorded from the packer itself, "why did this item go
// there" replayed and checked against the packer's decision, the model statement's counts, chart options and
// exports. A small scenario worked by hand: hosts of 4 cores / 8 GiB with no node reservations.
import { describe, expect, it } from 'vitest';
import { planModels } from '../../../core/plan/plan';
import { ReferencePacker } from '../../../core/reference/reference-packer';
import { parseScenarioValue } from '../../../core/scenario/parse';
import type { Scenario } from '../../../core/scenario/schema';
import { stackedBarOption, timeSeriesOption } from '../../../renderer/src/charts/options';
import { chartTheme } from '../../../renderer/src/charts/theme';
import { placementCsv, resultsCsv } from '../../../renderer/src/exports/results';
import { explainItem } from '../../../renderer/src/results/explain';
import { itemsOnHost, rackRows, unplacedServices } from '../../../renderer/src/results/host-map';
import { boundReason } from '../../../renderer/src/results/bound';
import { modelStatement } from '../../../renderer/src/results/model-statement';
import { shownModels } from '../../../renderer/src/results/models';
import { placementDetail } from '../../../renderer/src/results/placement';

function handWorked(): Scenario {
  const svc = (id: string, replicas: number, cpuCores: number, memoryGiB: number) => ({ id, name: id, tenant: 't', replicas, demand: { cpuCores, memoryGiB } });
  const parsed = parseScenarioValue({
    format: 'hostfit-scenario', version: 2, name: 'Hand worked',
    hostModels: [{ id: 'h', name: 'Host', cores: 4, threadsPerCore: 1, memoryGiB: 8, diskGB: 100, networkGbps: 10 }],
    sites: [{ id: 's', name: 'Site', kind: 'datacenter', racks: [{ id: 'r1', hosts: [{ id: 'g1', model: 'h', count: 2 }] }, { id: 'r2', hosts: [{ id: 'g2', model: 'h', count: 1 }] }] }],
    tenants: [{ id: 't', name: 'T' }],
    services: [svc('big', 2, 3, 1), svc('small', 2, 1, 6), svc('huge', 1, 5, 1)],
    deployment: { container: { reservationFormula: 'none', evictionHardMiB: 0 } },
    policy: { algorithm: 'ffd' }, // the decisions below are First Fit Decreasing's, worked by hand
  });
  if (!parsed.ok) throw new Error(JSON.stringify(parsed.errors));
  return parsed.scenario;
}

function run(s: Scenario) {
  const { result, answers } = planModels(s, new ReferencePacker());
  return { result, detail: placementDetail(answers) };
}

describe('placement behind the plan', () => {
  const s = handWorked();
  const { result, detail } = run(s);
  const containers = detail.models.find((m) => m.model === 'container')!;

  it('records one placement per model that matches the counted hosts', () => {
    expect(detail.models.map((m) => m.model)).toEqual(result.models.map((m) => m.id));
    expect(containers.hostsUsed).toBe(result.models.find((m) => m.model === 'container')!.hostsUsed);
    const rows = rackRows(containers);
    expect(rows.map((r) => [r.rackId, r.hosts.length])).toEqual([['r1', 2], ['r2', 1]]);
    // Smalls (1 core, 6 GiB) are larger by the L2 key, so they go first: one per host; then bigs fill h0's CPU and h1.
    expect(itemsOnHost(containers, 0).map((x) => [x.group.serviceId, x.items.length])).toEqual([['big', 1], ['small', 1]]);
    expect(itemsOnHost(containers, 1).map((x) => [x.group.serviceId, x.items.length])).toEqual([['big', 1], ['small', 1]]);
    expect(unplacedServices(containers).map((u) => [u.serviceId, u.count])).toEqual([['huge', 1]]);
  });

  it('explains each decision by replaying it under its rule, and the replay agrees with the packer', () => {
    const bigOnSecondHost = containers.itemGroups[0].start + 1; // big, replica 2
    const why = explainItem(containers, bigOnSecondHost);
    expect(why).toMatchObject({ host: 1, firstHost: 1, reason: 'placed', rule: 'first-fit', moved: false, chosen: { host: 1, score: null } });
    expect(why.ruledOut).toEqual([{ rule: 'no-room', hosts: 1 }]); // host 0 had no CPU left
    const smallOnSecondHost = containers.itemGroups[1].start + 1;
    expect(explainItem(containers, smallOnSecondHost).ruledOut).toEqual([{ rule: 'no-room', hosts: 1 }]); // the first small took host 0's memory
    const huge = containers.itemGroups[2].start;
    expect(explainItem(containers, huge)).toMatchObject({ host: -1, reason: 'too-large', tooLargeIn: [0], ruledOut: [{ rule: 'too-large', hosts: 3 }] });
    for (const m of detail.models.filter((x) => !x.twoLevel)) {
      const hosts = m.hostItems.length;
      for (let i = 0; i < m.itemHost.length; i++) {
        const e = explainItem(m, i);
        // Every host is counted once: ruled out by one rule, or able to take the item.
        expect(e.ruledOut.reduce((n, r) => n + r.hosts, 0) + e.hostsThatFit).toBe(hosts);
        if (e.host >= 0) expect(e.chosen?.host).toBe(m.outcome.itemFirstHost[i]);
        else expect(e.hostsThatFit).toBe(0);
      }
    }
  });

  it('gives the chosen host\'s score and the runners-up for a scoring rule, with spread as a rule that rules hosts out', () => {
    const s = handWorked();
    const spread = { ...s, policy: { ...s.policy, algorithm: 'bfd' as const },
      services: s.services.map((x) => (x.id === 'big' ? { ...x, spread: { domain: 'host' as const, maxPerDomain: 1 } } : x)) };
    const { detail: d } = run(spread);
    const m = d.models.find((x) => x.model === 'container')!;
    for (let i = 0; i < m.itemHost.length; i++) {
      const e = explainItem(m, i);
      if (e.host < 0 || !e.chosen) continue;
      expect(e.rule).toBe('best-fit');
      expect(e.chosen.score).not.toBeNull();
      for (const r of e.runnersUp) expect(r.score!).toBeLessThanOrEqual(e.chosen.score!);
    }
    const secondBig = explainItem(m, m.itemGroups[0].start + 1);
    expect(secondBig.ruledOut.find((r) => r.rule === 'spread')?.hosts).toBe(1); // the first big's host
    expect(secondBig.host).not.toBe(m.itemHost[m.itemGroups[0].start]);
  });

  it('gives the per-dimension lower bounds whose largest is the plan\'s bound', () => {
    for (const m of result.models.filter((x) => x.model !== 'container-in-vm')) {
      const d = detail.models.find((x) => x.model === m.id)!;
      expect(Math.max(...d.bounds.map((b) => b.hosts ?? 0))).toBe(m.lowerBound.hosts);
    }
    // 2×3 + 2×1 cores placed on 4-core hosts: 2 hosts by CPU.
    expect(containers.bounds.find((b) => b.dimension === 'cpu')).toMatchObject({ demand: 8000, largestHost: 4000, hosts: 2 });
  });

  it('states the problem with this run\'s counts', () => {
    const m = shownModels(result, null).find((x) => x.id === 'container')!;
    const st = modelStatement(s, m, containers);
    expect(st.items).toBe(5);
    expect(st.hosts).toBe(3);
    expect(st.variables).toEqual({ assignment: 15, hostOn: 3 });
    expect(st.constraints).toEqual([
      { kind: 'assignment', count: 5, enforced: true },
      { kind: 'capacity', count: 12, enforced: true },
      { kind: 'podLimit', count: 3, enforced: true },
    ]);
  });

  it('exports the placement, one row per item, and the results summary', () => {
    const lines = placementCsv(detail).trim().split('\r\n');
    expect(lines[0]).toBe('model,service,tenant,replica,flavour,site,rack,host_group,host_model,host_number,host_index,status');
    expect(lines.filter((l) => l.startsWith('container,'))).toHaveLength(5);
    expect(lines).toContain('container,huge,t,1,,,,,,,,too-large');
    expect(resultsCsv(result).split('\r\n')[0]).toMatch(/^scenario,model,instances/);
  });
});

describe('the bound a view shows', () => {
  // Six small replicas that fit one or two hosts by volume, but at most two per host: the spread rule forces three.
  const t = (key: string, p?: Record<string, unknown>) => `${key}${p ? JSON.stringify(p) : ''}`;
  const spread = (): Scenario => {
    const parsed = parseScenarioValue({
      format: 'hostfit-scenario', version: 2, name: 'Spread',
      hostModels: [{ id: 'h', name: 'Host', cores: 16, threadsPerCore: 1, memoryGiB: 64, diskGB: 100, networkGbps: 10 }],
      sites: [{ id: 's', name: 'Site', kind: 'datacenter', racks: [{ id: 'r', hosts: [{ id: 'g', model: 'h', count: 6 }] }] }],
      tenants: [{ id: 't', name: 'T' }],
      services: [{ id: 'api', name: 'api', tenant: 't', replicas: 6, demand: { cpuCores: 0.5, memoryGiB: 1 }, spread: { domain: 'host', maxPerDomain: 2 } }],
    });
    if (!parsed.ok) throw new Error(JSON.stringify(parsed.errors));
    return parsed.scenario;
  };

  it('is the best, rule-aware bound with the rule that made it; the volume bound stays for the per-resource table', () => {
    const { result } = run(spread());
    for (const m of shownModels(result, null)) {
      expect(m.volumeBound.hosts).toBeLessThan(3);
      expect(m.lowerBound).toMatchObject({ hosts: 3, by: 'spread:api', method: 'spread' });
      expect(m.gap).toBe(m.hostsUsed - 3);
      expect(boundReason(m.lowerBound, t)).toBe('bound.spread{"service":"api"}');
    }
  });

  it('names resources, L2, isolation, isolation partitions, labels, node VMs and the LP', () => {
    expect(boundReason({ hosts: 2, by: 'cpu', method: 'volume' }, t)).toBe('bound.volume{"dimension":"dimension.cpu"}');
    expect(boundReason({ hosts: 2, by: 'memory', method: 'l2' }, t)).toBe('bound.l2{"dimension":"dimension.memory"}');
    expect(boundReason({ hosts: 2, by: 'isolation', method: 'isolation' }, t)).toBe('bound.isolation');
    expect(boundReason({ hosts: 2, by: 'partitions', method: 'partitions' }, t)).toBe('bound.partitions');
    expect(boundReason({ hosts: 2, by: 'labels:gpu+ssd', method: 'labels' }, t)).toBe('bound.labels{"labels":"gpu, ssd"}');
    expect(boundReason({ hosts: 2, by: 'nodes', method: 'nodes' }, t)).toBe('bound.nodes');
    expect(boundReason({ hosts: 2, by: 'lp', method: 'lp' }, t)).toBe('bound.lp');
    expect(boundReason({ hosts: 0, by: null }, t)).toBe('');
  });
});

describe('chart options', () => {
  const theme = chartTheme('dark');
  it('draws time series with zoom (wheel and slider) and stacks stacked bars', () => {
    const ts = timeSeriesOption([{ name: 'hosts', points: [[0, 1], [1, 3]] }], theme, { x: 'h', y: 'n' }) as { dataZoom: { type: string }[]; series: { data: number[][] }[] };
    expect(ts.dataZoom.map((z) => z.type)).toEqual(['inside', 'slider']);
    expect(ts.series[0].data).toEqual([[0, 1], [1, 3]]);
    const sb = stackedBarOption(['a', 'b'], [{ name: 'x', values: [1, 2] }, { name: 'y', values: [3, 4] }], theme) as { series: { stack: string }[] };
    expect(new Set(sb.series.map((x) => x.stack))).toEqual(new Set(['total']));
  });
});
