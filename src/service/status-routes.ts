import type { App } from '../app.js';
import { deadlineOf } from '../calendar/calendar.js';
import { findingsNow } from '../calendar/status.js';
import { localDate } from '../calendar/time.js';
import { exportWorkbook } from '../export/workbook.js';
import { chartSvg, type CountyChart } from '../status/chart.js';
import { countyFigures, loadStatus, reportPagesOf, type StatusQuery } from '../status/data.js';
import { renderStatusPage } from '../status/page.js';
import { renderReportPage } from '../status/report-page.js';

export interface StatusJson {
  year: number;
  region: string | null;
  rows: unknown[];
}

/** The read-only pages of the HTTP entry (docs/data-contract.md §6.4), over the app. */
export interface StatusRoutes {
  statusPage(q: StatusQuery): Promise<string>;
  /** The rows of `check --json` for the year, those of the county when one is named. */
  statusJson(q: StatusQuery): Promise<StatusJson>;
  exportXlsx(q: StatusQuery): Promise<{ xlsx: Uint8Array; fileName: string }>;
  /** Undefined when there is no such report. */
  reportPage(id: number): Promise<string | undefined>;
}

/** Charts drawn, by their figures: the same county and figures give the same SVG. */
const CHARTS_KEPT = 64;

export function createStatusRoutes(app: App): StatusRoutes {
  const pages = reportPagesOf(app);
  const charts = new Map<string, Promise<string>>();

  const chartOf = (chart: CountyChart): Promise<string> => {
    const key = JSON.stringify(chart);
    let svg = charts.get(key);
    if (!svg) {
      if (charts.size >= CHARTS_KEPT) charts.clear();
      svg = chartSvg(chart);
      charts.set(key, svg);
      svg.catch(() => charts.delete(key));
    }
    return svg;
  };

  return {
    async statusPage(q) {
      const data = loadStatus(app, q);
      const today = localDate(app.now(), app.calendar.timeZone);
      const deadline = deadlineOf(app.calendar, data.year, data.region).date;
      const svg = await chartOf(countyFigures(app, data.region));
      return renderStatusPage({ data, today, deadline, chartSvg: svg });
    },
    async statusJson(q) {
      const data = loadStatus(app, q);
      return { year: data.year, region: data.region, rows: data.entries.map((e) => e.row) };
    },
    async exportXlsx(q) {
      const result = await exportWorkbook(app, q);
      return { xlsx: result.xlsx, fileName: `nianbao-${result.year}.xlsx` };
    },
    async reportPage(id) {
      const page = pages.page(id);
      if (!page) return undefined;
      return renderReportPage(page, findingsNow(app.calendar, page));
    },
  };
}
