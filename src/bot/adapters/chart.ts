import { createRequire } from 'node:module';
import { Resvg } from '@resvg/resvg-js';
import * as echarts from 'echarts';
import type { ChartSpec } from '../types.js';

/**
 * An answer's chart as a PNG, drawn on the server without a browser: echarts renders SVG, resvg turns
 * it into a PNG with the Noto Sans SC font shipped as a package (without a CJK font resvg draws no
 * text at all), loaded once.
 */

const WIDTH = 800;
const HEIGHT = 480;
const FONT_FAMILY = 'Noto Sans SC';

/** The font file, found once; resvg 2.6 takes fonts by path. */
let fontPath: string | undefined;
function font(): string {
  fontPath ??= createRequire(import.meta.url).resolve('@expo-google-fonts/noto-sans-sc/400Regular/NotoSansSC_400Regular.ttf');
  return fontPath;
}

function option(spec: ChartSpec): echarts.EChartsCoreOption {
  const many = spec.labels.length > 6;
  return {
    animation: false,
    backgroundColor: '#ffffff',
    textStyle: { fontFamily: FONT_FAMILY },
    title: { text: spec.title, left: 'center', top: 12, textStyle: { fontFamily: FONT_FAMILY, fontSize: 20 } },
    legend: spec.series.length > 1 ? { bottom: 8, textStyle: { fontFamily: FONT_FAMILY } } : undefined,
    grid: { left: 72, right: 32, top: 64, bottom: many ? 110 : 64 },
    xAxis: { type: 'category', data: spec.labels, axisLabel: { fontFamily: FONT_FAMILY, fontSize: 13, rotate: many && spec.type === 'bar' ? 35 : 0 } },
    yAxis: { type: 'value', name: spec.unit, nameTextStyle: { fontFamily: FONT_FAMILY }, axisLabel: { fontFamily: FONT_FAMILY } },
    series: spec.series.map((s) => ({
      type: spec.type,
      name: s.name,
      data: s.values,
      connectNulls: false,
      label: { show: true, position: 'top', fontFamily: FONT_FAMILY },
    })),
  };
}

/** The chart as PNG bytes (800×480 drawn at 2×: 1600 pixels wide). */
export function renderChartPng(spec: ChartSpec): Buffer {
  const chart = echarts.init(null, null, { renderer: 'svg', ssr: true, width: WIDTH, height: HEIGHT });
  try {
    chart.setOption(option(spec));
    const svg = chart.renderToSVGString();
    const png = new Resvg(svg, {
      fitTo: { mode: 'width', value: WIDTH * 2 },
      background: '#ffffff',
      font: { fontFiles: [font()], loadSystemFonts: false, defaultFontFamily: FONT_FAMILY },
    })
      .render()
      .asPng();
    return Buffer.from(png);
  } finally {
    chart.dispose();
  }
}
