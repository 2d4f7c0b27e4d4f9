// The HPA replica schedule of the container-in-VM column (core/sim/scenario/replicas.ts), worked by hand.
import { describe, expect, it } from 'vitest';
import { hpaSchedule } from '../../../core/sim/scenario/replicas';

const ticks = [300, 600, 900, 1200, 1500, 1800];
const base = { base: 2, min: 1, max: 6, target: 0.5, tolerance: 0.1, windowSeconds: 600, arrive: 0, depart: Infinity, ticks };

describe('HPA replica schedule', () => {
  it('scales out at once and in only to the highest recommendation of the stabilisation window', () => {
    // utilisation per planned replica: 1.0 until 600 s (2× the target), then 0.25 (½ the target)
    const s = hpaSchedule({ ...base, utilisation: (t) => (t <= 600 ? 1 : 0.25) });
    // 300 s: 2 × 1.0/0.5 = 4 replicas; 600 s: u = 1 × 2/4 = 0.5 → stay; 900 s: u = 0.25 × 2/4 = 0.125 → desired 1, but the
    // window (≤ 600 s back) still holds 4 and 4: stay; 1200 s: window holds 4 (600 s) → stay; 1500 s: window holds 1, 1 → 1.
    expect(s.aliveBefore(300)).toBe(2);
    expect(s.aliveBefore(600)).toBe(4);
    expect(s.aliveBefore(1500)).toBe(4);
    expect(s.aliveBefore(1800)).toBe(1);
    expect(s.events).toBe(2);
    expect(s.runs).toEqual([
      { replica: 0, from: 0, to: Infinity },
      { replica: 1, from: 0, to: 1500 }, { replica: 2, from: 300, to: 1500 }, { replica: 3, from: 300, to: 1500 },
    ]);
  });

  it('keeps within the tolerance, the bounds and the service\'s life', () => {
    expect(hpaSchedule({ ...base, utilisation: () => 0.54 }).events).toBe(0); // 8 % off the target
    const capped = hpaSchedule({ ...base, utilisation: () => 5 });
    expect(capped.aliveBefore(600)).toBe(6);
    const late = hpaSchedule({ ...base, arrive: 700, depart: 1300, utilisation: () => 1 });
    expect(late.runs.every((r) => r.from >= 700 && r.to === 1300)).toBe(true);
    expect(late.runs).toHaveLength(4); // scaled out at 900 s, the first tick of its life
  });
});
