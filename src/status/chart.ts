/** One series of the county chart: a figure summed over the county's reports, per year. */
export interface ChartSeries {
  name: string;
  /** One value per year of the chart; null where no report of that year has the figure. */
  values: Array<number | null>;
}

export interface CountyChart {
  years: number[];
  series: ChartSeries[];
}

type Echarts = typeof import('echarts');
let loaded: Promise<Echarts> | undefined;

/**
 * The chart as an SVG string, drawn on the server by echarts (no script runs in the browser). The
 * labels are the years and the series names, both made here, never text from a report. echarts is
 * loaded on the first chart: the service starts without it.
 */
export async function chartSvg(chart: CountyChart, size = { width: 640, height: 280 }): Promise<string> {
  const echarts = await (loaded ??= import('echarts'));
  const instance = echarts.init(null, null, { renderer: 'svg', ssr: true, width: size.width, height: size.height });
  try {
    instance.setOption({
      animation: false,
      legend: { top: 0 },
      grid: { left: 48, right: 16, top: 36, bottom: 28 },
      tooltip: { show: false },
      xAxis: { type: 'category', data: chart.years.map(String) },
      yAxis: { type: 'value', minInterval: 1 },
      series: chart.series.map((s) => ({ name: s.name, type: 'bar', data: s.values, label: { show: true, position: 'top' } })),
    });
    return instance.renderToSVGString();
  } finally {
    instance.dispose();
  }
}
