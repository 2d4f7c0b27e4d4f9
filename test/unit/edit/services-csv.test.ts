import { describe, expect, it } from 'vitest';
import { applyServiceImport, previewServiceImport, servicesToCsv } from '../../../core/edit/services-csv';
import { validateScenario } from '../../../core/edit/validate';
import { EXAMPLES, exampleScenario } from '../../../core/examples/index';

const web = () => exampleScenario(EXAMPLES[0]);

describe('services from CSV', () => {
  it('previews adds and updates with per-line problems, then applies only the good lines', () => {
    const s = web();
    const csv = [
      'id,name,tenant,replicas,cpu,memory,isolation',
      'frontend,Frontend,shop,20,0.5,1,shared-kernel', // update
      'billing,Billing,shop,3,2,4,vm', // add
      'broken,Broken,shop,-1,x,4,vm', // two bad cells
      'ghost,Ghost,nobody,1,1,1,vm', // unknown tenant
      'billing,Billing again,shop,1,1,1,vm', // duplicate id in the file
      'short,Short',
    ].join('\n');
    const p = previewServiceImport(s, csv);
    expect(p.fileProblems).toEqual([]);
    expect(p.lines.map((l) => [l.line, l.action, l.service !== null])).toEqual([
      [2, 'update', true], [3, 'add', true], [4, 'add', false], [5, 'add', false], [6, 'add', false], [7, 'add', false]]);
    expect(p.lines[2].problems.map((x) => x.column)).toEqual(['replicas', 'cpuCores']);
    expect(p.lines[2].problems[0].message).toMatch(/>=0/);
    expect(p.lines[3].problems).toEqual([{ column: 'tenant', message: 'unknown tenant "nobody"' }]);
    expect(p.lines[4].problems[0]).toEqual({ column: 'id', message: 'duplicate service id "billing" (first used at line 3)' });
    expect(p.lines[5].problems[0].message).toMatch(/expected 7 fields/);
    expect([p.adds, p.updates, p.rejected]).toEqual([1, 1, 4]);

    const next = applyServiceImport(s, p);
    expect(next.services).toHaveLength(s.services.length + 1);
    expect(next.services[0].replicas).toBe(20);
    expect(next.services[0].demand.diskGB).toBe(2); // columns not in the file keep their values
    expect(next.services.at(-1)).toMatchObject({ id: 'billing', isolation: 'vm', demand: { cpuCores: 2, memoryGiB: 4, diskGB: 0, networkMbps: 0 } });
    expect(validateScenario(next)).toEqual([]);
  });

  it('names missing columns, ignored headers and a missing header', () => {
    const p = previewServiceImport(web(), 'id\tcolour\tcpu\nnewone\tred\t1\n');
    expect(p.ignoredHeaders).toEqual(['colour']);
    expect(p.lines[0].problems[0].message).toMatch(/needs the columns name, tenant, replicas, memoryGiB/);
    expect(previewServiceImport(web(), 'name\nx\n').fileProblems[0].message).toMatch(/no id column/);
    expect(previewServiceImport(web(), '').fileProblems[0].message).toMatch(/empty/);
  });

  it('exports CSV that imports back to the same catalogue', () => {
    const s = web();
    const p = previewServiceImport(s, servicesToCsv(s.services));
    expect(p.rejected).toBe(0);
    expect(p.updates).toBe(s.services.length);
    expect(applyServiceImport(s, p).services).toEqual(s.services);
  });
});
