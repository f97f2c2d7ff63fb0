// ECharts, tree-shaken to the charts the portal draws, rendered as SVG (crisp and clickable by
// label in browser tests). Animation is off when a browser is driven by automation.

import { use, init, type EChartsType } from 'echarts/core';
import { BarChart, LineChart, PieChart, SunburstChart, TreemapChart } from 'echarts/charts';
import { GridComponent, LegendComponent, TooltipComponent, TitleComponent } from 'echarts/components';
import { SVGRenderer } from 'echarts/renderers';

use([BarChart, LineChart, PieChart, SunburstChart, TreemapChart, GridComponent, LegendComponent, TooltipComponent, TitleComponent, SVGRenderer]);

export type { EChartsType };
export type ChartOption = Record<string, unknown>;

export function animationsOff(): boolean {
  return typeof navigator !== 'undefined' && navigator.webdriver === true;
}

export function createChart(el: HTMLElement): EChartsType {
  return init(el, undefined, { renderer: 'svg' });
}

export const PALETTE = ['#3b6fb6', '#e0883e', '#4aa37c', '#c6504e', '#8a6bbd', '#d4b13f', '#5aa5c9', '#a36b4f', '#7f8c8d', '#c27ba0'];
