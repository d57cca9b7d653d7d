import { parse } from 'csv-parse/sync';
import { parseContacts } from '../bot/targets.js';
import { decodeReport } from '../parsing/decode.js';
import type { ChatTarget } from '../bot/types.js';
import { canonicalName } from '../parsing/traditional.js';
import type { OrgKind } from '../parsing/types.js';
import { KIND_WORDS_HINT, kindFromName, parseKind } from './roster.js';

/**
 * Reads a roster file: `name,region,kind,contact` per record, the last two optional. A header line
 * (English or Chinese column names) may reorder the columns. `contact` is a group to bind the
 * organisation to, written `telegram:<chat id>`, `wechat:<room id>` or a group robot (src/bot/targets.ts),
 * several separated by `;`.
 */

export interface ImportRow {
  name: string;
  region: string | null;
  kind: OrgKind;
  contacts: ChatTarget[];
}

export interface RosterParse {
  rows: ImportRow[];
  /** One Chinese message per rejected line. */
  errors: string[];
}

type Column = Exclude<keyof ImportRow, 'contacts'> | 'contact';

const HEADERS: Readonly<Record<string, Column>> = {
  name: 'name',
  名称: 'name',
  单位: 'name',
  单位名称: 'name',
  简称: 'name',
  region: 'region',
  地区: 'region',
  县区: 'region',
  所属县区: 'region',
  kind: 'kind',
  类型: 'kind',
  contact: 'contact',
  group: 'contact',
  联系群: 'contact',
  群: 'contact',
};

const TOWN_NAME = /(镇|乡|街道)(人民政府|办事处)?$/;

/**
 * 临清市康庄镇人民政府 → 康庄镇: the short name groups bind to and reports are filed under. A
 * department keeps its county (临清市自然资源局), as the parser names it.
 */
export function shortName(name: string, region: string | null): string {
  let n = name.trim();
  if (!TOWN_NAME.test(n)) return n;
  if (region && n.startsWith(region) && n.length > region.length + 1) n = n.slice(region.length);
  return n.replace(/(人民政府|办事处)$/, '');
}

/** Names and counties are a few Chinese characters; this bounds a mistyped or misread cell. */
const MAX_NAME = 60;
const HAN = /\p{Script=Han}/u;

/** Why a name or county cell cannot be one, or null. */
function badName(what: string, value: string): string | null {
  if (value.length > MAX_NAME) return `${what}太长（${value.length}个字）`;
  if (/[\p{Cc}\uFFFD]/u.test(value) || !HAN.test(value)) return `${what}“${value.slice(0, 20)}”不像单位或县区名称（应为中文）`;
  if (HEADERS[value.toLowerCase()]) return `${what}“${value}”是表头的列名，表头应在第一行`;
  return null;
}

/** Chinese names have no spaces: a line break typed into a cell (Alt+Enter in Excel) is not part of the name. */
const squeeze = (cell: string) => cell.replace(/\s+/g, '');

/** A roster file's bytes → rows, decoded as reports are (UTF-8, UTF-16, GBK/GB18030 as Excel saves it on Chinese Windows). */
export function readRosterFile(bytes: Uint8Array): RosterParse {
  const decoded = decodeReport(bytes);
  if (!decoded.ok) return { rows: [], errors: [`名单文件无法读取：${decoded.error.message}`] };
  return parseRosterCsv(decoded.text);
}

/**
 * Reads a roster with a real CSV parser (quoted cells may hold commas, quotes and line breaks; a
 * BOM is dropped) and checks every line. Errors name the line a record starts on.
 */
export function parseRosterCsv(text: string): RosterParse {
  let records: Array<{ record: string[]; info: { lines: number } }>;
  try {
    const options = { bom: true, relax_column_count: true, skip_empty_lines: true, comment: '#', comment_no_infix: true, delimiter: [',', '，'], info: true };
    records = parse(text, options) as unknown as typeof records;
  } catch (e) {
    const line = (e as { lines?: unknown }).lines;
    return { rows: [], errors: [`${typeof line === 'number' ? `第${line}行：` : ''}不是有效的 CSV（${e instanceof Error ? e.message : String(e)}）`] };
  }
  const rows: ImportRow[] = [];
  const errors: string[] = [];
  const seen = new Map<string, number>();
  let columns: Array<Column | undefined> = ['name', 'region', 'kind', 'contact'];
  let sawData = false;
  for (const { record, info } of records) {
    // info.lines is the record's last line; a quoted cell's line breaks come before it.
    const line = info.lines - record.reduce((n, c) => n + (c.match(/\n/g)?.length ?? 0), 0);
    const cells = record.map((c) => c.trim());
    if (cells.every((c) => c === '')) continue;
    const mapped = cells.map((c) => HEADERS[c.toLowerCase()]);
    if (!sawData && mapped.includes('name')) {
      columns = mapped;
      continue;
    }
    sawData = true;
    const get = (key: Column) => {
      const at = columns.indexOf(key);
      return at === -1 ? '' : (cells[at] ?? '');
    };
    const where = `第${line}行`;
    // Names in the one script reports are filed under (康莊鎮 is 康庄镇).
    const name = canonicalName(squeeze(get('name')));
    if (!name) {
      errors.push(`${where}：缺少单位名称`);
      continue;
    }
    const region = canonicalName(squeeze(get('region'))) || null;
    const bad = badName('单位名称', name) ?? (region === null ? null : badName('地区', region));
    if (bad) {
      errors.push(`${where}：${bad}`);
      continue;
    }
    const kind = parseKind(get('kind'));
    if (kind === undefined) {
      errors.push(`${where}：不认识的类型“${get('kind')}”（可写 ${KIND_WORDS_HINT}）`);
      continue;
    }
    const contacts = parseContacts(get('contact'));
    if (!contacts.ok) {
      errors.push(`${where}：${contacts.error}`);
      continue;
    }
    const row = { name: shortName(name, region), region, kind: kind ?? kindFromName(name), contacts: contacts.targets };
    const key = `${row.region ?? ''}/${row.name}`;
    const first = seen.get(key);
    if (first !== undefined) {
      errors.push(`${where}：与第${first}行是同一个单位（${row.region ?? ''}${row.name}）`);
      continue;
    }
    seen.set(key, line);
    rows.push(row);
  }
  return { rows, errors };
}
