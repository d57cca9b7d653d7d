import { METRICS, metricInfo, type MetricInfo } from '../catalog/index.js';
import type { TableName } from '../catalog/keys.js';
import { CODE_TITLE } from '../parsing/checks/messages.js';
import type { Finding } from '../parsing/types.js';
import type { PageMetric, ReportPage } from '../../db/report-pages.js';
import { html, type SafeHtml } from './html.js';
import { FORMAT_LABEL, SEVERITY_LABEL } from './labels.js';
import { STYLE } from './style.js';

/** The figures at the top of a report's page. */
export const KEY_FIGURES = ['applications.new.total', 'applications.granted.total', 'applications.handled.total', 'review.total', 'litigation.total'] as const;

const TABLES: readonly TableName[] = ['表二', '表三', '表四'];
/** Problems first, then reminders, then notes. */
const SEVERITIES = ['error', 'warning', 'info'] as const;

const number = (v: number) => (Number.isInteger(v) ? String(v) : String(Math.round(v * 100) / 100));

/** One table as the report printed it: the catalog's rows and columns, the report's cells; a blank cell stays blank. */
function tableAsRead(table: TableName, values: ReadonlyMap<string, PageMetric>): SafeHtml | null {
  const metrics = METRICS.filter((m) => m.table === table && values.has(m.key));
  if (metrics.length === 0) return null;
  const columns = [...new Set(metrics.map((m) => m.col ?? ''))];
  const rows = new Map<string, MetricInfo[]>();
  for (const m of metrics) rows.set(m.concept, [...(rows.get(m.concept) ?? []), m]);
  return html`<h2>${table}</h2>
    <table data-table="${table}">
      <thead>
        <tr>
          <th></th>
          ${columns.map((c) => html`<th>${c}</th>`)}
        </tr>
      </thead>
      <tbody>
        ${[...rows.values()].map(
          (ms) =>
            html`<tr>
              <th>${ms[0]!.row}</th>
              ${columns.map((c) => {
                const m = ms.find((x) => x.col === c);
                const cell = m ? values.get(m.key) : undefined;
                if (!cell) return html`<td class="absent"></td>`;
                return html`<td class="num" data-key="${cell.key}" title="第${cell.line}行">${cell.value === null ? '' : number(cell.value)}</td>`;
              })}
            </tr>`,
        )}
      </tbody>
    </table>`;
}

const findingItem = (f: Finding) =>
  html`<li class="f-${f.severity}">
    【${SEVERITY_LABEL[f.severity] ?? f.severity}】${CODE_TITLE[f.code] ?? f.code}：${f.message}${f.line ? html`（原文第 ${f.line} 行）` : null}
  </li>`;

/**
 * `GET /report/<id>`: one report version as read: its key figures, 表二/表三/表四 cell by cell, the
 * findings with where they point, and the versions on file. `findings` are those of today (LATE
 * judged by the calendar now).
 */
export function renderReportPage(page: ReportPage, all: readonly Finding[]): string {
  const findings = SEVERITIES.flatMap((s) => all.filter((f) => f.severity === s));
  const values = new Map(page.metrics.map((m) => [m.key, m]));
  const key = KEY_FIGURES.flatMap((k) => {
    const m = values.get(k);
    return m
      ? [
          html`<tr>
            <th>${metricInfo(k)?.say ?? k}</th>
            <td class="num" data-key="${k}">${m.value === null ? '' : number(m.value)}</td>
          </tr>`,
        ]
      : [];
  });
  const back = `/status?year=${page.year}${page.region ? `&region=${encodeURIComponent(page.region)}` : ''}`;
  return html`<!doctype html>
    <html lang="zh-CN">
      <head>
        <meta charset="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <title>${page.name}${page.year}年度政府信息公开工作年报</title>
        ${STYLE}
      </head>
      <body>
        <p><a href="${back}">← 返回${page.region ?? ''}${page.year}年度情况</a></p>
        <h1>${page.org}${page.year}年度政府信息公开工作年报</h1>
        <p class="dates">
          ${page.region ?? '地区不详'} · 第 ${page.version} 版${page.isCurrent ? '（现行）' : '（已被新版本取代）'} · 落款 ${page.signedDate ?? '—'} · 发布
          ${page.published ?? '—'} · ${FORMAT_LABEL[page.format] ?? page.format} · 文件 ${page.fileName}
        </p>
        <h2>发现的问题</h2>
        ${
          findings.length === 0
            ? html`<p>没有发现问题。</p>`
            : html`<ul class="findings" id="findings">
                ${findings.map(findingItem)}
              </ul>`
        }
        <h2>主要数据</h2>
        ${
          key.length === 0
            ? html`<p>报告中没有这些数据。</p>`
            : html`<table id="key-figures">
                <tbody>
                  ${key}
                </tbody>
              </table>`
        }
        ${TABLES.map((t) => tableAsRead(t, values))}
        <h2>在案版本</h2>
        <ol id="versions">
          ${page.versions.map(
            (v) =>
              html`<li>
                ${v.id === page.id ? html`<strong>第 ${v.version} 版</strong>` : html`<a href="/report/${v.id}">第 ${v.version} 版</a>`}${v.isCurrent ? '（现行）' : ''}
                · ${v.fileName} · 落款 ${v.signedDate ?? '—'} · 入库 ${v.ingestedAt}
              </li>`,
          )}
        </ol>
      </body>
    </html>`.value;
}
