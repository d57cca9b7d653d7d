import { describe, expect, it } from 'vitest';
import { matchOrg, orgAliases } from '../../src/ingest/org-match.js';

const id = (name: string, region: string | null) => ({ org: `${region ?? ''}${name}人民政府`, name, region, kind: 'town' });

describe('matchOrg', () => {
  it('matches name and region; another county is another organisation', () => {
    const onFile = [{ id: 1, name: '张家坡镇', region: '沂源县' }];
    expect(matchOrg(id('张家坡镇', '沂源县'), onFile)).toEqual({ kind: 'existing', id: 1 });
    expect(matchOrg(id('张家坡镇', '淄川区'), onFile)).toEqual({ kind: 'new' });
    expect(matchOrg(id('南麻镇', '沂源县'), onFile)).toEqual({ kind: 'new' });
  });

  it('a report without a region joins the only organisation of that name', () => {
    expect(matchOrg(id('张家坡镇', null), [{ id: 1, name: '张家坡镇', region: '沂源县' }])).toEqual({ kind: 'existing', id: 1 });
  });

  it('a report without a region does not guess between two of that name', () => {
    const two = [
      { id: 1, name: '张家坡镇', region: '沂源县' },
      { id: 2, name: '张家坡镇', region: '淄川区' },
    ];
    expect(matchOrg(id('张家坡镇', null), two)).toEqual({ kind: 'new' });
    expect(matchOrg(id('张家坡镇', null), [...two, { id: 3, name: '张家坡镇', region: null }])).toEqual({ kind: 'existing', id: 3 });
  });

  it('a stated region fills in the region of the only, region-less organisation of that name', () => {
    expect(matchOrg(id('棉洋镇', '揭西县'), [{ id: 4, name: '棉洋镇', region: null }])).toEqual({ kind: 'fill-region', id: 4 });
    const placedElsewhere = [
      { id: 4, name: '棉洋镇', region: null },
      { id: 5, name: '棉洋镇', region: '惠来县' },
    ];
    expect(matchOrg(id('棉洋镇', '揭西县'), placedElsewhere)).toEqual({ kind: 'new' });
  });
});

describe('orgAliases', () => {
  it('keeps the printed name, the short name, region + name and the bare name', () => {
    expect(orgAliases({ org: '沂源县张家坡镇人民政府', name: '张家坡镇', region: '沂源县', kind: 'town' })).toEqual([
      '沂源县张家坡镇人民政府',
      '张家坡镇',
      '沂源县张家坡镇',
      '张家坡',
    ]);
    expect(orgAliases({ org: '某街道办事处', name: '某街道', region: null, kind: 'subdistrict' })).toEqual(['某街道办事处', '某街道']);
  });
});
