import type { OrgKind } from './types.js';

/**
 * The kind a name implies, full (霍邱县龙潭镇人民政府) or short (龙潭镇, 城关街道): the one rule the
 * parser reads a title with and the roster guesses a kind with when the file gives none.
 * An 经济开发区/高新区 管委会 is a 开发区, a 片区管理局 is one before it is a 局, and any other
 * 管理委员会 is a 管委会 before it is a 委员会: none of them is a 县直部门.
 */
export function kindOfName(name: string): OrgKind {
  if (/街道(办事处|办|人民政府|政府)?$/.test(name)) return 'subdistrict';
  if (/镇(人民政府)?$/.test(name)) return 'town';
  if (/乡(人民政府)?$/.test(name)) return 'township';
  if (/人民政府$/.test(name)) return 'government';
  if (/片区管理局$/.test(name)) return 'area_office';
  if (/(开发区|高新区|经开区|高新技术产业园区|工业园区)(管理委员会|管委会|管理局)?$/.test(name)) return 'dev_zone';
  if (/(管理委员会|管委会)$/.test(name)) return 'committee';
  if (/(局|委员会|委|办公室|办|中心|管理处|署)$/.test(name)) return 'department';
  return 'other';
}
