import { rng } from './prng.js';

/**
 * Synthetic organisation and county names. The characters are common in Chinese place names and
 * none of them is a word the question core listens for (年, 多少, 公开, 最, 县, 镇 …), so a
 * generated name is never mistaken for part of a question, and the names never collide.
 */
const PLACE_CHARS = [
  ...'安柏宝碧滨昌朝辰川春丹岱峨丰枫福阜港葛谷瀚禾鹤恒红洪虎华桦怀桓黄徽嘉江蛟锦晋靖峻凯岚兰澜黎莲林临凌柳龙隆鹿潞罗洛茂梅蒙岷沐楠宁磐鹏埔浦蒲岐祁齐乾沁青清庆秋泉饶荣瑞润桑沙杉韶绍深盛石舒朔松嵩泰檀潭棠桃藤田亭桐潼湾旺潍渭温沃梧武溪霞仙祥湘萧孝忻兴秀轩雅岩延阳杨尧瑶宜义银英鹰营永榆玉豫源岳云枣泽樟漳昭柘洲珠竹卓梓邹',
];

export interface OrgName {
  /** 碧峰镇 */
  name: string;
  /** 碧峰 */
  bare: string;
  suffix: '镇' | '乡' | '街道';
}

export interface Region {
  /** 青岚县 */
  name: string;
  /** Index of its first organisation; organisations of one county are consecutive. */
  first: number;
  count: number;
}

export interface NameTable {
  orgs: OrgName[];
  /** Region of each organisation (index into regions). */
  regionOf: Int32Array;
  regions: Region[];
}

/**
 * `count` organisations in counties of 8–20 (China: ~38,600 townships in ~2,850 county-level
 * divisions, about 14 each). Deterministic from `seed`.
 */
export function makeNames(count: number, seed: number): NameTable {
  const r = rng(seed ^ 0x51ed270b);
  const used = new Set<string>();
  // Two-character names run out after ~20,000 (and would make the draw slow long before): when a
  // few draws in a row are taken, a longer name is drawn instead.
  const core = (len: number): string => {
    for (let tries = 0; ; tries++) {
      const n = len + Math.floor(tries / 8);
      let s = '';
      for (let i = 0; i < n; i++) s += r.pick(PLACE_CHARS);
      if (new Set(s).size === s.length && !used.has(s)) {
        used.add(s);
        return s;
      }
    }
  };
  const orgs: OrgName[] = [];
  for (let i = 0; i < count; i++) {
    const bare = core(r.chance(0.55) ? 2 : 3);
    const suffix = r.weighted([80, 14, 6]);
    const sfx = (['镇', '乡', '街道'] as const)[suffix]!;
    orgs.push({ name: bare + sfx, bare, suffix: sfx });
  }
  const regions: Region[] = [];
  const regionOf = new Int32Array(count);
  for (let first = 0; first < count;) {
    const size = Math.min(8 + r.int(13), count - first);
    const name = core(2) + r.pick(['县', '县', '县', '市', '区']);
    for (let i = first; i < first + size; i++) regionOf[i] = regions.length;
    regions.push({ name, first, count: size });
    first += size;
  }
  return { orgs, regionOf, regions };
}
