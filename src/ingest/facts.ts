import type { MetricValue, ReportFormat, SectionKey } from '../parsing/types.js';

/** What the cross-report checks need to know of one report version, from the parser or the database. */
export interface ReportFacts {
  name: string;
  region: string | null;
  year: number;
  format: ReportFormat;
  file: string;
  /** ISO time the version was stored (undefined for a report not stored yet). */
  ingestedAt?: string;
  metrics: Readonly<Record<string, MetricValue>>;
  /** 1-based line of each metric in its own raw text. */
  lines: Readonly<Record<string, number>>;
  sections: Partial<Record<SectionKey, { text: string; line: number }>>;
}
