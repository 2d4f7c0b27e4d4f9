// Chart options built from results, shared by the live charts and the printable report. Builders are plain
// functions of (data, labels, theme) so a new result block only needs a builder and a section entry.
import { DIMENSIONS } from '../../../core/model/dimensions';
import type { ShownModel } from '../results/models';
import { axisStyle, baseOption, modelColour, type ChartTheme } from './theme';
import type { ChartOption } from './echarts';

export type Translate = (key: string, params?: Record<string, unknown>) => string;
export type FormatNumber = (value: number) => string;

/** Hosts used next to the lower bound, per deployment model. */
export function hostsOption(models: readonly ShownModel[], t: Translate, theme: ChartTheme): ChartOption {
  // Where a pool runs out, the hosts its model needs at least stand beside used and bound (whose bound is of the
  // instances placed, so on its own it would look met).
  const short = models.some((m) => (m.shortfall?.extraHosts ?? 0) > 0);
  return {
    ...baseOption(theme),
    tooltip: { ...baseOption(theme).tooltip, trigger: 'axis', axisPointer: { type: 'shadow' } },
    legend: { ...baseOption(theme).legend, data: [t('results.hostsUsed'), t('results.lowerBound'), ...(short ? [t('results.neededAtLeast')] : [])] },
    grid: { left: 48, right: 16, top: 40, bottom: 28 },
    xAxis: { type: 'category', data: models.map((m) => t(`model.${m.id}`)), ...axisStyle(theme), axisLabel: { color: theme.muted, interval: 0 } },
    yAxis: { type: 'value', name: t('scenario.hosts'), minInterval: 1, ...axisStyle(theme) },
    series: [
      { name: t('results.hostsUsed'), type: 'bar', barMaxWidth: 48, label: { show: true, position: 'top', color: theme.text },
        data: models.map((m, k) => ({ value: m.hostsUsed, itemStyle: { color: modelColour(theme, m.id, k) } })) },
      { name: t('results.lowerBound'), type: 'bar', barMaxWidth: 48, itemStyle: { color: theme.bound }, label: { show: true, position: 'top', color: theme.muted },
        data: models.map((m) => m.lowerBound.hosts) },
      ...(short ? [{ name: t('results.neededAtLeast'), type: 'bar', barMaxWidth: 48, itemStyle: { color: theme.short }, label: { show: true, position: 'top', color: theme.short },
        data: models.map((m) => (m.shortfall && m.shortfall.extraHosts > 0 ? m.shortfall.hostsAtLeast : null)) }] : []),
    ],
  };
}

/** Utilisation of the hosts in use, per resource dimension, one series per model. */
export function utilisationOption(models: readonly ShownModel[], t: Translate, theme: ChartTheme, pct: FormatNumber): ChartOption {
  return dimensionSharesOption(models, (m, d) => m.utilisation[d], t, theme, pct, 100);
}

export interface Stack {
  readonly name: string;
  readonly values: readonly number[];
  readonly colour?: string;
}

/** Generic stacked bars: one bar per category, the stacks on top of each other (e.g. an overhead breakdown). */
export function stackedBarOption(categories: readonly string[], stacks: readonly Stack[], theme: ChartTheme,
  options: { yName?: string; max?: number; format?: FormatNumber; horizontal?: boolean } = {}): ChartOption {
  const valueAxis = { type: 'value', name: options.yName ?? '', max: options.max, ...axisStyle(theme) };
  const categoryAxis = { type: 'category', data: [...categories], ...axisStyle(theme), axisLabel: { color: theme.muted, interval: 0, hideOverlap: true } };
  return {
    ...baseOption(theme),
    tooltip: { ...baseOption(theme).tooltip, trigger: 'axis', axisPointer: { type: 'shadow' }, valueFormatter: options.format },
    legend: { ...baseOption(theme).legend, type: 'scroll' },
    grid: { left: options.horizontal ? 140 : 56, right: 16, top: 44, bottom: 28, containLabel: false },
    xAxis: options.horizontal ? valueAxis : categoryAxis,
    yAxis: options.horizontal ? categoryAxis : valueAxis,
    series: stacks.map((s, k) => ({
      name: s.name, type: 'bar', stack: 'total', barMaxWidth: 40, itemStyle: { color: s.colour ?? theme.palette[k % theme.palette.length] },
      data: [...s.values],
    })),
  };
}

/** Packed demand and free capacity of the hosts in use, per model and dimension, as shares of capacity. */
export function capacityUseOption(models: readonly ShownModel[], t: Translate, theme: ChartTheme, pct: FormatNumber): ChartOption {
  const categories = models.flatMap((m) => DIMENSIONS.map((d) => `${t(`model.${m.id}`)} · ${t(`dimension.${d}`)}`));
  const used = models.flatMap((m) => DIMENSIONS.map((d) => Math.round(m.utilisation[d] * 1000) / 10));
  return stackedBarOption(categories, [
    { name: t('results.usedShare'), values: used, colour: theme.palette[0] },
    { name: t('results.freeShare'), values: used.map((u) => Math.round((100 - u) * 10) / 10), colour: theme.split },
  ], theme, { yName: '%', max: 100, format: (v) => pct(v / 100), horizontal: true });
}

export interface LineSeries {
  readonly name: string;
  readonly points: readonly (readonly [number, number | null])[];
  readonly colour?: string;
  readonly dashed?: boolean;
}

/** Lines over a numeric x axis (a sweep: parameter value → hosts). */
export function lineOption(series: readonly LineSeries[], theme: ChartTheme, axes: { x: string; y: string }): ChartOption {
  return {
    ...baseOption(theme),
    tooltip: { ...baseOption(theme).tooltip, trigger: 'axis' },
    legend: { ...baseOption(theme).legend, type: 'scroll' },
    grid: { left: 56, right: 24, top: 56, bottom: 40 },
    xAxis: { type: 'value', name: axes.x, nameLocation: 'middle', nameGap: 26, scale: true, ...axisStyle(theme) },
    yAxis: { type: 'value', name: axes.y, minInterval: 1, scale: true, ...axisStyle(theme) },
    series: series.map((s, k) => ({
      name: s.name, type: 'line', showSymbol: true, symbolSize: 6, data: s.points.map((p) => [...p]),
      lineStyle: { type: s.dashed ? 'dashed' : 'solid', color: s.colour ?? theme.palette[k % theme.palette.length] },
      itemStyle: { color: s.colour ?? theme.palette[k % theme.palette.length] },
    })),
  };
}

/** Time series with zoom (mouse wheel and a slider): a dynamic run's active hosts, power, SLA, migrations. */
export function timeSeriesOption(series: readonly LineSeries[], theme: ChartTheme, axes: { x: string; y: string }): ChartOption {
  const base = lineOption(series, theme, axes) as Record<string, unknown>;
  return {
    ...base,
    grid: { left: 56, right: 24, top: 56, bottom: 72 },
    dataZoom: [{ type: 'inside', xAxisIndex: 0 }, { type: 'slider', xAxisIndex: 0, bottom: 12, height: 18, textStyle: { color: theme.muted } }],
    series: series.map((s, k) => ({
      name: s.name, type: 'line', showSymbol: false, sampling: 'lttb', data: s.points.map((p) => [...p]),
      lineStyle: { width: 1.5, type: s.dashed ? 'dashed' : 'solid', color: s.colour ?? theme.palette[k % theme.palette.length] },
      itemStyle: { color: s.colour ?? theme.palette[k % theme.palette.length] },
    })),
  };
}

/** Per-dimension shares (utilisation, stranded capacity), one series per model. */
export function dimensionSharesOption(models: readonly ShownModel[], share: (m: ShownModel, d: (typeof DIMENSIONS)[number]) => number | null,
  t: Translate, theme: ChartTheme, pct: FormatNumber, max?: number): ChartOption {
  return {
    ...baseOption(theme),
    tooltip: { ...baseOption(theme).tooltip, trigger: 'axis', axisPointer: { type: 'shadow' }, valueFormatter: (v: number) => pct(v / 100) },
    grid: { left: 48, right: 16, top: 40, bottom: 28 },
    xAxis: { type: 'category', data: DIMENSIONS.map((d) => t(`dimension.${d}`)), ...axisStyle(theme) },
    yAxis: { type: 'value', max, name: '%', ...axisStyle(theme) },
    series: models.map((m, k) => ({
      name: t(`model.${m.id}`), type: 'bar', barMaxWidth: 32, itemStyle: { color: modelColour(theme, m.id, k) },
      data: DIMENSIONS.map((d) => { const v = share(m, d); return v === null ? null : Math.round(v * 1000) / 10; }),
    })),
  };
}

/** Grouped bars: one group per category (variant), one bar per series (model). */
export function groupedBarOption(categories: readonly string[], series: readonly { name: string; values: readonly (number | null)[]; colour?: string }[],
  theme: ChartTheme, yName: string): ChartOption {
  return {
    ...baseOption(theme),
    tooltip: { ...baseOption(theme).tooltip, trigger: 'axis', axisPointer: { type: 'shadow' } },
    grid: { left: 48, right: 16, top: 40, bottom: 28 },
    xAxis: { type: 'category', data: [...categories], ...axisStyle(theme) },
    yAxis: { type: 'value', name: yName, minInterval: 1, ...axisStyle(theme) },
    series: series.map((s, k) => ({
      name: s.name, type: 'bar', barMaxWidth: 36, label: { show: true, position: 'top', color: theme.text },
      itemStyle: { color: s.colour ?? theme.palette[k % theme.palette.length] }, data: [...s.values],
    })),
  };
}
