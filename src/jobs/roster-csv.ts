import { parseContacts } from '../bot/targets.js';
import type { ChatTarget } from '../bot/types.js';
import type { OrgKind } from '../parsing/types.js';
import { kindFromName, parseKind } from './roster.js';

/**
 * Reads a roster file: `name,region,kind,contact` per line, the last two optional. A header line
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

/** Splits one CSV line, honouring double quotes ("a,b" and "" inside quotes). */
export function splitCsvLine(line: string): string[] {
  const cells: string[] = [];
  let cell = '';
  let quoted = false;
  for (let i = 0; i < line.length; i++) {
    const c = line[i]!;
    if (quoted) {
      if (c === '"' && line[i + 1] === '"') {
        cell += '"';
        i++;
      } else if (c === '"') quoted = false;
      else cell += c;
    } else if (c === '"') quoted = true;
    else if (c === ',' || c === '，') {
      cells.push(cell.trim());
      cell = '';
    } else cell += c;
  }
  cells.push(cell.trim());
  return cells;
}

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

export function parseRosterCsv(text: string): RosterParse {
  const lines = text.replace(/^\uFEFF/, '').split(/\r?\n/);
  const rows: ImportRow[] = [];
  const errors: string[] = [];
  let columns: Array<Column | undefined> = ['name', 'region', 'kind', 'contact'];
  let sawData = false;
  lines.forEach((line, i) => {
    if (line.trim() === '' || line.trimStart().startsWith('#')) return;
    const cells = splitCsvLine(line);
    const mapped = cells.map((c) => HEADERS[c.toLowerCase()]);
    if (!sawData && mapped.includes('name')) {
      columns = mapped;
      return;
    }
    sawData = true;
    const get = (key: Column) => {
      const at = columns.indexOf(key);
      return at === -1 ? '' : (cells[at] ?? '');
    };
    const where = `第${i + 1}行`;
    const name = get('name');
    if (!name) return void errors.push(`${where}：缺少单位名称`);
    const kind = parseKind(get('kind'));
    if (kind === undefined) return void errors.push(`${where}：不认识的类型“${get('kind')}”（可写 镇、乡、街道、部门、政府、其他）`);
    const contacts = parseContacts(get('contact'));
    if (!contacts.ok) return void errors.push(`${where}：${contacts.error}`);
    const region = get('region') || null;
    rows.push({ name: shortName(name, region), region, kind: kind ?? kindFromName(name), contacts: contacts.targets });
  });
  return { rows, errors };
}
