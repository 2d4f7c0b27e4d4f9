import { describe, expect, it } from 'vitest';
import { exportName, exportProblem } from '../../../electron/main/files/exports';

describe('exports', () => {
  it('names the file with the kind\'s extension', () => {
    expect(exportName('results', 'csv')).toBe('results.csv');
    expect(exportName('results.CSV', 'csv')).toBe('results.CSV');
    expect(exportName('chart.json', 'png')).toBe('chart.png');
    expect(exportName('.json', 'csv')).toBe('.json.csv');
  });

  it('accepts only content of the claimed kind', () => {
    expect(exportProblem('csv', 'a,b\n1,2\n')).toBeNull();
    expect(exportProblem('json', '{"a":[1]}')).toBeNull();
    expect(exportProblem('json', 'not json')).toMatch(/not valid JSON/);
    expect(exportProblem('png', 'iVBOR')).toMatch(/must be bytes/);
    expect(exportProblem('png', new Uint8Array([0x89, 0x50]))).toMatch(/not a PNG/);
  });
});
