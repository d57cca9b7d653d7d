/**
 * What a chat export asks for (「导出霍邱县2024年的年报数据」, `/export 霍邱县 2024`): a county and a
 * year. The county is one the database knows (the longest named, so 霍邱县 is not read as 霍邱);
 * without one, the chat's own county (its /subscribe binding), or the only county on file.
 */
export type ExportAsk =
  | { ok: true; region: string; year: number | undefined }
  | { ok: false; reason: 'unknown_region'; named: string }
  | { ok: false; reason: 'which_region'; regions: string[] };

const REGION_WORD = /([\u4e00-\u9fa5]{1,10}(?:县|市|区|旗))/;

export function readExportAsk(args: string, known: readonly string[], chatRegions: readonly string[]): ExportAsk {
  const text = args.replace(/\s+/g, '');
  const year = /((?:19|20)\d{2})\s*年?/.exec(text);
  const named = [...known].sort((a, b) => b.length - a.length).find((r) => text.includes(r));
  const asYear = year ? Number(year[1]) : undefined;
  if (named) return { ok: true, region: named, year: asYear };
  const unknown = REGION_WORD.exec(text.replace(/^(?:导出|export)/i, ''));
  if (unknown) return { ok: false, reason: 'unknown_region', named: unknown[1]! };
  const own = [...new Set(chatRegions)].filter((r) => known.includes(r));
  if (own.length === 1) return { ok: true, region: own[0]!, year: asYear };
  if (known.length === 1) return { ok: true, region: known[0]!, year: asYear };
  return { ok: false, reason: 'which_region', regions: [...known].sort() };
}
