// Chart colours for the light and dark themes, read by every chart option builder so charts follow the
// theme switch. Model colours are fixed per deployment model, so a model looks the same in every chart.
export interface ChartTheme {
  readonly text: string;
  readonly muted: string;
  readonly axis: string;
  readonly split: string;
  readonly background: string;
  readonly tooltipBg: string;
  readonly models: Readonly<Record<string, string>>;
  /** Series colours beyond the models (dimensions, stacks, variants). */
  readonly palette: readonly string[];
  readonly bound: string;
  /** Hosts a short pool needs at least (the bars beside used and bound where the pool runs out). */
  readonly short: string;
}

const LIGHT: ChartTheme = {
  text: '#1f2933', muted: '#616e7c', axis: '#9aa5b1', split: '#e6e9ee', background: '#ffffff', tooltipBg: '#ffffff',
  models: { vm: '#2563eb', container: '#0d9488', 'container-in-vm': '#d97706' },
  palette: ['#2563eb', '#0d9488', '#d97706', '#7c3aed', '#db2777', '#65a30d', '#0891b2', '#b45309', '#64748b'],
  bound: '#94a3b8',
  short: '#b91c1c',
};

const DARK: ChartTheme = {
  text: '#e4e7eb', muted: '#9aa5b1', axis: '#52606d', split: '#2a3038', background: '#1b1f25', tooltipBg: '#1b1f25',
  models: { vm: '#60a5fa', container: '#2dd4bf', 'container-in-vm': '#fbbf24' },
  palette: ['#60a5fa', '#2dd4bf', '#fbbf24', '#a78bfa', '#f472b6', '#a3e635', '#22d3ee', '#fb923c', '#94a3b8'],
  bound: '#64748b',
  short: '#f87171',
};

export const chartTheme = (mode: 'light' | 'dark'): ChartTheme => (mode === 'dark' ? DARK : LIGHT);

export const modelColour = (theme: ChartTheme, model: string, k: number): string => theme.models[model] ?? theme.palette[k % theme.palette.length];

/** Axis, legend and tooltip styling shared by the option builders. */
export function baseOption(theme: ChartTheme) {
  return {
    animation: false,
    backgroundColor: 'transparent',
    textStyle: { color: theme.text, fontFamily: 'system-ui, "Noto Sans", "WenQuanYi Micro Hei", "PingFang SC", "Microsoft YaHei", sans-serif' },
    legend: { top: 0, textStyle: { color: theme.text } },
    tooltip: { backgroundColor: theme.tooltipBg, borderColor: theme.split, textStyle: { color: theme.text } },
  };
}

export function axisStyle(theme: ChartTheme) {
  return {
    axisLine: { lineStyle: { color: theme.axis } },
    axisLabel: { color: theme.muted },
    splitLine: { lineStyle: { color: theme.split } },
    nameTextStyle: { color: theme.muted },
  };
}
