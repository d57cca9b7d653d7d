import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

/**
 * Hostile inputs, 1–16 MB, that once made the parser superlinear (issue 12): HTML with unclosed
 * <td>, an unclosed <script>, a whole report on one line, the same heading repeated, and the crawled
 * shapes (cells between `|` lines, lines of pipes, page chrome). Each is built
 * from a seed report so the parser sees report-like text, not noise.
 */
export interface Pathological {
  name: string;
  bytes: Uint8Array;
}

const SEED = fileURLToPath(new URL('../test/fixtures/seed-reports/mianyang-2021.txt', import.meta.url));

const MB = 1 << 20;
const ACTIVE = '二、主动公开政府信息情况\n';

function repeatTo(unit: string, size: number): string {
  const n = Math.max(1, Math.floor(size / Buffer.byteLength(unit)));
  return unit.repeat(n);
}

export function pathologicalInputs(sizesMb: readonly number[] = [1, 4, 15]): Pathological[] {
  const seed = readFileSync(SEED, 'utf8');
  const oneLine = seed.replace(/\s+/g, ' ');
  const out: Pathological[] = [];
  const add = (name: string, text: string) => out.push({ name, bytes: Buffer.from(text, 'utf8') });
  for (const mb of sizesMb) {
    const size = mb * MB;
    add(`html-unclosed-td-${mb}mb`, `<html><body><table><tr>${repeatTo('<td>12<td>本年新收政府信息公开申请数量', size)}`);
    add(
      `html-unclosed-script-${mb}mb`,
      `<html><head><title>2021年政府信息公开工作年度报告</title></head><body><p>一、总体情况</p><script>${repeatTo('var a = "<td>1</td>"; if (a < b) {}\n', size)}`,
    );
    add(`one-line-${mb}mb`, repeatTo(oneLine + ' ', size).replace(/\n/g, ' '));
    add(`repeated-headings-${mb}mb`, seed + repeatTo('\n一、总体情况\n二、主动公开政府信息情况\n三、收到和处理政府信息公开申请情况\n', size));
    add(`glued-digits-${mb}mb`, seed + repeatTo('\n本年新收政府信息公开申请数量' + '1234567890'.repeat(8), size));
    // Crawled shapes (docs/real-shapes.md): cells between `|` lines, a table's line of `| | |…`, page chrome.
    add(`pipe-lines-${mb}mb`, seed.replace(ACTIVE, `${ACTIVE}${repeatTo('规章\n|\n0\n|\n\n|\n', size)}`));
    add(`pipe-run-line-${mb}mb`, seed.replace(ACTIVE, `${ACTIVE}${repeatTo('| ', size / 2)}x\n${repeatTo('|', size / 4)} x\n${repeatTo('|', size / 4)}\n`));
    add(
      `chrome-lines-${mb}mb`,
      repeatTo('  • 字号:\n登录 |  注册\n您当前所在位置: 首页 > 年报\n2021年01月25日 (点击: ) | ||||||||||||||||||||\n', size) + seed,
    );
  }
  return out;
}
