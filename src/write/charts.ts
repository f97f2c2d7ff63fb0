// Charts of the expenditure structure, rendered server-side to SVG with Apache ECharts (SSR, no
// canvas, no browser): function classes as bars, 基本/项目 and 三公 as pies. Values are the tables'
// printed amounts; labels carry two decimals (docs/stack.md G12: dispose every chart, no animation).

import type { ChartSpec } from '../render/layout.js';

type ECharts = typeof import('echarts');
let echartsModule: ECharts | null = null;

async function echarts(): Promise<ECharts> {
  echartsModule ??= await import('echarts');
  return echartsModule;
}

const FONT = 'Noto Sans CJK SC, Noto Sans SC, sans-serif';

function option(c: ChartSpec): Record<string, unknown> {
  const values = c.data.map((d) => Number(d.value));
  const fmt = (v: number) => v.toLocaleString('zh-CN', { minimumFractionDigits: 2, maximumFractionDigits: 2 });
  if (c.kind === 'bar')
    return {
      animation: false,
      textStyle: { fontFamily: FONT },
      grid: { left: 150, right: 90, top: 10, bottom: 20 },
      xAxis: { type: 'value', axisLabel: { show: false }, splitLine: { show: false } },
      yAxis: { type: 'category', inverse: true, data: c.data.map((d) => d.label), axisLabel: { fontSize: 11 } },
      series: [
        {
          type: 'bar',
          data: values,
          barMaxWidth: 18,
          itemStyle: { color: '#3a6ea5' },
          label: { show: true, position: 'right', fontSize: 10, textBorderColor: 'transparent', formatter: (p: { value: number }) => fmt(p.value) },
        },
      ],
    };
  return {
    animation: false,
    textStyle: { fontFamily: FONT },
    series: [
      {
        type: 'pie',
        radius: ['35%', '62%'],
        data: c.data.map((d, i) => ({ name: d.label, value: values[i] })),
        label: {
          fontSize: 11,
          textBorderColor: 'transparent',
          formatter: (p: { name: string; value: number }) => `${p.name}\n${fmt(p.value)}`,
        },
      },
    ],
  };
}

/** SVG markup of each chart, by chart id. */
export async function renderCharts(charts: ChartSpec[]): Promise<Record<string, string>> {
  const e = await echarts();
  const out: Record<string, string> = {};
  for (const c of charts) {
    const height = c.kind === 'bar' ? Math.max(120, 28 * c.data.length + 30) : 260;
    const chart = e.init(null, null, { renderer: 'svg', ssr: true, width: 560, height });
    try {
      chart.setOption(option(c));
      out[c.id] = chart.renderToSVGString();
    } finally {
      chart.dispose();
    }
  }
  return out;
}
