import { describe, expect, it } from 'vitest';
import { parseOk, readSeed } from '../helpers/seeds.js';

/** longtan-2020 with its title line replaced: how the organisation is printed in other reports. */
const seed = readSeed('longtan-2020');
const titled = (title: string) => parseOk(seed.replace(seed.split('\n')[0]!, title));

describe('organisation names as printed', () => {
  const cases: Array<[string, { org: string; name: string; region?: string | null; kind: string }]> = [
    ['霍邱县龙潭镇2020年政府信息公开工作年度报告', { org: '龙潭镇人民政府', name: '龙潭镇', region: '霍邱县', kind: 'town' }],
    ['霍邱县石店乡2020年政府信息公开工作年度报告', { org: '石店乡人民政府', name: '石店乡', region: '霍邱县', kind: 'township' }],
    ['霍邱县城关街道2020年政府信息公开工作年度报告', { org: '城关街道办事处', name: '城关街道', region: '霍邱县', kind: 'subdistrict' }],
    [
      '霍邱县经济开发区管委会2020年政府信息公开工作年度报告',
      { org: '霍邱县经济开发区管委会', name: '霍邱县经济开发区管委会', region: '霍邱县', kind: 'dev_zone' },
    ],
    [
      '霍邱县高新技术产业开发区管理委员会2020年政府信息公开工作年度报告',
      { org: '霍邱县高新技术产业开发区管理委员会', name: '霍邱县高新技术产业开发区管理委员会', region: '霍邱县', kind: 'dev_zone' },
    ],
    ['霍邱县经济开发区2020年政府信息公开工作年度报告', { org: '霍邱县经济开发区', name: '霍邱县经济开发区', region: '霍邱县', kind: 'dev_zone' }],
    [
      '霍邱县城西湖风景区管理委员会2020年政府信息公开工作年度报告',
      { org: '霍邱县城西湖风景区管理委员会', name: '霍邱县城西湖风景区管理委员会', region: '霍邱县', kind: 'committee' },
    ],
    [
      '霍邱县城南片区管理局2020年政府信息公开工作年度报告',
      { org: '霍邱县城南片区管理局', name: '霍邱县城南片区管理局', region: '霍邱县', kind: 'area_office' },
    ],
    ['霍邱经济开发区管委会2020年政府信息公开工作年度报告', { org: '霍邱经济开发区管委会', name: '霍邱经济开发区管委会', kind: 'dev_zone' }],
    ['合肥高新区管理委员会2020年政府信息公开工作年度报告', { org: '合肥高新区管理委员会', name: '合肥高新区管理委员会', kind: 'dev_zone' }],
    ['霍邱县卫生健康委2020年政府信息公开工作年度报告', { org: '霍邱县卫生健康委', name: '霍邱县卫生健康委', region: '霍邱县', kind: 'department' }],
    ['某某县发展和改革局2020年政府信息公开工作年度报告', { org: '某某县发展和改革局', name: '某某县发展和改革局', region: '某某县', kind: 'department' }],
  ];
  for (const [title, expected] of cases) {
    it(title, () => {
      expect(titled(title)).toMatchObject(expected);
    });
  }
});
