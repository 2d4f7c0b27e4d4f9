// ECharts, tree-shaken: only the chart types and components the workbench draws, registered once.
import { BarChart, LineChart } from 'echarts/charts';
import { DataZoomComponent, GridComponent, LegendComponent, MarkLineComponent, TitleComponent, TooltipComponent } from 'echarts/components';
import { init, use, type EChartsCoreOption } from 'echarts/core';
import { CanvasRenderer } from 'echarts/renderers';

use([BarChart, LineChart, GridComponent, LegendComponent, TooltipComponent, DataZoomComponent, MarkLineComponent, TitleComponent, CanvasRenderer]);

export type ChartOption = EChartsCoreOption;

/**
 * Renders an option off screen and returns it as a PNG data URL (for the printable report and HTML export,
 * which embed pictures rather than live canvases).
 */
export function renderChartImage(option: ChartOption, width = 720, height = 300, background = '#ffffff'): string {
  const el = document.createElement('div');
  const chart = init(el, undefined, { renderer: 'canvas', width, height });
  try {
    chart.setOption({ ...option, animation: false });
    return chart.getDataURL({ type: 'png', pixelRatio: 2, backgroundColor: background });
  } finally {
    chart.dispose();
  }
}
