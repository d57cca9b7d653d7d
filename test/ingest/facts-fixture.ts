import type { ReportFacts } from '../../src/ingest/facts.js';

/** A report's facts with only what a test sets; lines default to 100 + index of the key. */
export function facts(over: Partial<ReportFacts> & Pick<ReportFacts, 'year'>): ReportFacts {
  const metrics = over.metrics ?? {};
  const lines = over.lines ?? Object.fromEntries(Object.keys(metrics).map((k, i) => [k, 100 + i]));
  return {
    name: '张家坡镇',
    region: '沂源县',
    format: 'gov2021',
    file: `zhangjiapo-${over.year}.txt`,
    sections: {},
    ...over,
    metrics,
    lines,
  };
}
