import { describe, expect, it } from 'vitest';
import { buildOrgIndex } from '../../src/bot/core/orgs.js';
import { parseQuestion } from '../../src/bot/core/question.js';
import { seedStore } from '../helpers/memory-store.js';

const index = buildOrgIndex(seedStore().listOrgs());
const parse = (q: string) => parseQuestion(q, { index, currentYear: 2026 });
const kind = (q: string) => parse(q).kind;

describe('kind of question', () => {
  it.each([
    // metric: one organisation, one figure
    ['康庄镇2020年依申请公开多少件', 'metric'],
    ['张家坡镇有没有被告', 'metric'],
    // compare: several organisations, a region, or all
    ['康庄镇和龙潭镇依申请公开', 'compare'],
    ['临清市各镇依申请公开', 'compare'],
    ['各镇依申请公开多少件', 'compare'],
    ['2020年依申请公开多少件', 'compare'],
    ['康庄镇和龙潭镇依申请公开哪个多', 'compare'],
    ['康庄镇和龙潭镇哪个镇依申请公开多', 'rank'],
    // trend
    ['康庄镇历年依申请公开', 'trend'],
    ['康庄镇每年依申请公开多少', 'trend'],
    ['康庄镇依申请公开的变化', 'trend'],
    ['康庄镇2020到2022年依申请公开', 'trend'],
    ['康庄镇2021年依申请公开比去年多吗', 'trend'],
    ['康庄镇近三年依申请公开', 'trend'],
    // rank
    ['哪个镇依申请公开最多', 'rank'],
    ['主动公开前三名', 'rank'],
    ['依申请公开排名', 'rank'],
    ['主动公开最少的是哪个镇', 'rank'],
    ['康庄镇主动公开排第几', 'rank'],
    ['哪些镇被复议过', 'rank'],
    // status
    ['哪些报告不完整', 'status'],
    ['有什么问题', 'status'],
    ['大刘庄镇的报告有什么问题', 'status'],
    ['谁还没交', 'status'],
    ['哪些镇还没发布年报', 'status'],
    ['哪些报告逾期了', 'status'],
    ['2021年有报告不完整吗', 'status'],
    // report
    ['康庄镇的年报是什么时候发布的', 'report'],
    ['康庄镇有没有逾期', 'report'],
    ['康庄镇年报按时发了吗', 'report'],
    ['用的哪种格式', 'report'],
    ['大刘庄镇用的是新格式吗', 'report'],
    ['康庄镇年报原文', 'report'],
    ['康庄镇', 'report'],
    ['信息处理费', 'report'],
    // deadline
    ['今年的年报什么时候截止', 'deadline'],
    ['还有几天截止', 'deadline'],
    ['年报什么时候要交', 'deadline'],
    ['最晚哪天发布年报', 'deadline'],
    ['龙潭镇年报什么时候之前要交', 'deadline'],
    // help, clarify, unknown
    ['帮助', 'help'],
    ['/help', 'help'],
    ['/start', 'help'],
    ['你能做什么', 'help'],
    ['你好', 'help'],
    ['今天天气怎么样', 'help'],
    ['什么是依申请公开', 'help'],
    ['依申请公开怎么申请', 'help'],
    ['张家坡镇12345热线办结多少', 'report'],
    ['', 'help'],
    ['哪个最多', 'clarify'],
    ['李家镇2020年依申请公开多少件', 'unknown'],
    ['李家镇', 'unknown'],
  ])('%s → %s', (q, want) => {
    expect(kind(q)).toBe(want);
  });

  it('says why it gives help', () => {
    expect(parse('')).toEqual({ kind: 'help', reason: 'empty' });
    expect(parse('   \u0000 ')).toEqual({ kind: 'help', reason: 'empty' });
    expect(parse('x'.repeat(501))).toEqual({ kind: 'help', reason: 'too_long' });
    expect(parse('？？？')).toEqual({ kind: 'help', reason: 'not_understood' });
    expect(parse('帮助')).toEqual({ kind: 'help', reason: 'asked' });
    expect(parse('谢谢')).toEqual({ kind: 'help', reason: 'thanks' });
  });

  it('reads rank order and size', () => {
    expect(parse('主动公开前三名')).toMatchObject({ kind: 'rank', order: 'desc', top: 3 });
    expect(parse('主动公开top 5')).toMatchObject({ kind: 'rank', top: 5 });
    expect(parse('主动公开最少的')).toMatchObject({ kind: 'rank', order: 'asc', top: null });
  });

  it('reads the yes/no form', () => {
    expect(parse('张家坡镇有没有被复议')).toMatchObject({ yesNo: true });
    expect(parse('张家坡镇被复议了吗')).toMatchObject({ yesNo: true });
    expect(parse('张家坡镇收到申请没有')).toMatchObject({ yesNo: true });
    expect(parse('张家坡镇被复议几件')).toMatchObject({ yesNo: false });
  });

  it('tells the kinds of status question apart', () => {
    expect(parse('哪些报告不完整')).toMatchObject({ filter: 'incomplete' });
    expect(parse('谁还没交')).toMatchObject({ filter: 'missing' });
    expect(parse('哪些逾期了')).toMatchObject({ filter: 'late' });
    expect(parse('哪些报告有问题')).toMatchObject({ filter: 'problems' });
  });

  it('tells the aspects of a report apart', () => {
    expect(parse('康庄镇年报什么时候发的')).toMatchObject({ aspect: 'date' });
    expect(parse('康庄镇年报用的什么格式')).toMatchObject({ aspect: 'format' });
    expect(parse('康庄镇年报原文')).toMatchObject({ aspect: 'original' });
    expect(parse('康庄镇2020年')).toMatchObject({ aspect: 'summary' });
    expect(parse('大刘庄镇信息处理费')).toMatchObject({ aspect: 'info_fee' });
  });
});
