// The sweep chart: parameter value → a figure per deployment model (hosts used, with the lower bound dashed).
// Drawn for the sweep the app ran and for a merged batch result opened in the Sweep tab, from one builder, so
// the same numbers give the same chart.
import type { ChartOption } from './echarts';
import { lineOption, type LineSeries } from './options';
import { modelColour, type ChartTheme } from './theme';

export type SweepPoints = readonly (readonly [number, number | null])[];

export interface SweepLine {
  /** The model id (vm, container, container-in-vm, container-in-vm-best). */
  readonly model: string;
  readonly points: SweepPoints;
  /** The lower bound at the same x values, drawn dashed in the model's colour. */
  readonly bound?: SweepPoints;
}

export function sweepOption(lines: readonly SweepLine[], names: { model: (id: string) => string; bound: string }, theme: ChartTheme,
  axes: { x: string; y: string }): ChartOption {
  const series: LineSeries[] = lines.flatMap((l, k) => {
    const colour = modelColour(theme, l.model, k);
    const main: LineSeries = { name: names.model(l.model), colour, points: l.points };
    return l.bound ? [main, { name: `${names.model(l.model)} · ${names.bound}`, colour, dashed: true, points: l.bound }] : [main];
  });
  return lineOption(series, theme, axes);
}
