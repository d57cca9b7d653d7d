import type { OrgKind } from '../../../parsing/types.js';

/**
 * Which kinds of organisation a question about who has (not) filed is about, as a county reviewer
 * reads it: 哪些镇 / 各乡镇 are the 乡镇 and 街道 (one word for all three in county speech); 哪些部门 /
 * 县直部门 the 县直部门 only; a 管委会 (开发区 offices included), a 开发区 or a 片区 is asked about by
 * its own word. 哪些单位 / 谁 name no kind: everyone expected. First cue found wins.
 */
const KIND_CUES: ReadonlyArray<[RegExp, readonly OrgKind[]]> = [
  [/开发区|高新区|经开区|园区/, ['dev_zone']],
  [/管委会|管理委员会/, ['committee', 'dev_zone']],
  [/片区/, ['area_office']],
  [/(?:哪|各|每|所有)(?:些|个|几个)?(?:县直)?部门|县直(?:部门|单位)/, ['department']],
  [/(?:哪|各|每|所有)(?:些|个|几个)?(?:乡镇|镇|乡|街道)|乡镇(?:街道)?/, ['town', 'township', 'subdistrict']],
];

/** The kinds `rest` (what the slot readers left of the question) names, or null for every kind. */
export function kindsAsked(rest: string): readonly OrgKind[] | null {
  for (const [cue, kinds] of KIND_CUES) if (cue.test(rest)) return kinds;
  return null;
}
