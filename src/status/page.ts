import { daysBetween } from '../calendar/time.js';
import { CODE_TITLE } from '../parsing/checks/messages.js';
import type { StatusData, StatusEntry } from './data.js';
import { html, trusted, type SafeHtml } from './html.js';
import { STATUS_LABEL, STATUS_RANK, countdownSentence, missingSentence, shownStatus, type ShownStatus } from './labels.js';
import { STYLE } from './style.js';

export interface StatusPageInput {
  data: StatusData;
  /** Today in the deadlines' time zone, `YYYY-MM-DD`. */
  today: string;
  /** The county's deadline day for the year. */
  deadline: string;
  /** The county chart, drawn by src/status/chart.ts. */
  chartSvg: string;
}

/** Problems first (status rank), the order of `check` within a status. */
export function problemsFirst(entries: readonly StatusEntry[]): StatusEntry[] {
  return entries
    .map((e, i) => ({ e, i, rank: STATUS_RANK[shownStatus(e.row)] }))
    .sort((a, b) => a.rank - b.rank || a.i - b.i)
    .map((x) => x.e);
}

function findingItems(e: StatusEntry, today: string): SafeHtml {
  if (!e.report)
    return html`<ul class="findings">
      <li>${missingSentence(e.row.deadline, daysBetween(today, e.row.deadline))}</li>
    </ul>`;
  const shown = e.findings.filter((f) => f.severity !== 'info');
  if (shown.length === 0) return html``;
  const ordered = [...shown.filter((f) => f.severity === 'error'), ...shown.filter((f) => f.severity !== 'error')];
  return html`<ul class="findings">
    ${ordered.map((f) => html`<li class="f-${f.severity}">${CODE_TITLE[f.code] ?? f.code}：${f.message}</li>`)}
  </ul>`;
}

function row(e: StatusEntry, today: string): SafeHtml {
  const s: ShownStatus = shownStatus(e.row);
  const dates = [`落款 ${e.row.signedDate ?? '—'}`, e.report?.published ? `发布 ${e.report.published}` : null, `截止 ${e.row.deadline}`].filter(Boolean);
  return html`<li class="org s-${s}" data-status="${s}" data-name="${e.row.name}">
    <span class="badge">${STATUS_LABEL[s]}</span>
    <span class="name">${e.row.name}</span> <span class="region">${e.row.region ?? '地区不详'}</span>
    <div class="dates">${dates.join(' · ')}</div>
    ${findingItems(e, today)} ${e.report ? html`<a class="report-link" href="/report/${e.report.id}">查看年报详情</a>` : null}
  </li>`;
}

const query = (d: StatusData) => `?year=${d.year}${d.region ? `&region=${encodeURIComponent(d.region)}` : ''}`;

/** `GET /status`: every organisation of the county with its status, problems first (docs/data-contract.md §6.4). */
export function renderStatusPage(input: StatusPageInput): string {
  const { data, today, deadline } = input;
  const days = daysBetween(today, deadline);
  const rows = problemsFirst(data.entries);
  const counts = (Object.keys(STATUS_LABEL) as ShownStatus[])
    .map((s) => ({ s, n: rows.filter((e) => shownStatus(e.row) === s).length }))
    .filter((c) => c.n > 0);
  const place = data.region ?? '全部地区';
  return html`<!doctype html>
    <html lang="zh-CN">
      <head>
        <meta charset="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <title>${place}${data.year}年度政府信息公开年报情况</title>
        ${STYLE}
      </head>
      <body>
        <h1>${place} ${data.year}年度政府信息公开工作年报</h1>
        <p class="countdown" id="countdown" data-days="${days}">${countdownSentence(data.year, deadline, days)}</p>
        <p class="summary">共 ${rows.length} 个单位：${counts.map((c) => html`<span data-count="${c.s}">${STATUS_LABEL[c.s]} ${c.n}</span>`)}</p>
        <form method="get" action="/status">
          <label>年度 <input name="year" value="${data.year}" inputmode="numeric" /></label>
          <label>地区 <input name="region" value="${data.region ?? ''}" /></label> <button>查看</button>
        </form>
        <p><a href="/export.xlsx${query(data)}">下载 Excel 表格</a> · <a href="/status.json${query(data)}">JSON</a></p>
        <ol class="orgs">
          ${rows.map((e) => row(e, today))}
        </ol>
        <h2>${place}历年数据</h2>
        <div class="chart" id="chart">${trusted(input.chartSvg)}</div>
        <p class="dates">截至 ${today}</p>
      </body>
    </html>`.value;
}
