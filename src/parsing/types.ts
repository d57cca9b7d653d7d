import type { MetricKey, TableName } from '../catalog/index.js';

/** Shared shapes of the parsing pipeline. Field names follow the data contract (spec §1–§3). */

export type ReportFormat = 'gov2019' | 'gov2021' | 'unknown';

export const SECTION_KEYS = ['overview', 'active', 'applications', 'review_litigation', 'problems', 'other'] as const;
export type SectionKey = (typeof SECTION_KEYS)[number];

/**
 * 镇, 乡, 街道, 县直部门, 县政府; 管委会 (a 管理委员会 of a 风景区/新区/园区), 片区管理局 and 开发区 (an
 * 经济开发区/高新区 and its 管委会) are kinds of their own: county-level offices, but not 县直部门.
 */
export type OrgKind = 'town' | 'township' | 'subdistrict' | 'department' | 'government' | 'committee' | 'area_office' | 'dev_zone' | 'other';

export type Severity = 'error' | 'warning' | 'info';

export const FINDING_CODES = [
  'LATE',
  'MISSING',
  'DATE_UNKNOWN',
  'OUTDATED_FORMAT',
  'MISSING_SECTION',
  'TRUNCATED_TABLE',
  'BLANK_CELLS',
  'T3_BALANCE',
  'T3_ROW_TOTAL',
  'T3_RESULT_SUM',
  'T4_TOTAL',
  'BAD_NUMBER',
  'CARRY_MISMATCH',
  'STOCK_MISMATCH',
  'TEXT_TABLE_MISMATCH',
  'NO_INFO_FEE_STATEMENT',
  'NO_PRIOR_YEAR_RECTIFICATION',
  'TOWN_REGULATIONS_NONZERO',
  'YEAR_NOT_IN_TITLE',
  'STAT_PERIOD_WRONG',
  'NONSTANDARD_LABEL',
  'DUPLICATE_CONTENT',
  'CHANGED_AFTER_PUBLICATION',
  'UNIT_ANOMALY',
  'AMBIGUOUS_CELLS',
] as const;
export type FindingCode = (typeof FINDING_CODES)[number];

export interface Finding {
  code: FindingCode;
  severity: Severity;
  /** Plain Chinese a town officer understands. */
  message: string;
  /** 1-based line in the original text, when the finding points at one. */
  line?: number;
}

/**
 * Where a value came from: 1-based line, the cell or sentence text, the section, derived or read,
 * and for a table figure the table, row and column as the form prints them (docs/data-contract.md §6.1).
 */
export interface Source {
  line: number;
  text: string;
  section: SectionKey | null;
  derived: boolean;
  table?: TableName;
  row?: string;
  col?: string;
}

export type MetricValue = number | null;

/** Values by metric key: a key outside the catalog does not type-check. */
export type MetricMap = Partial<Record<MetricKey, MetricValue>>;
export type SourceMap = Partial<Record<MetricKey, Source>>;

/** A section found in the text: character offsets into the normalized text. */
export interface SectionSpan {
  key: SectionKey;
  heading: string;
  line: number;
  start: number;
  bodyStart: number;
  end: number;
}

export interface ParsedReport {
  org: string | null;
  name: string | null;
  region: string | null;
  kind: OrgKind | null;
  year: number | null;
  yearInTitle: boolean;
  signedDate: string | null;
  format: ReportFormat;
  title: string;
  sections: SectionKey[];
  spans: SectionSpan[];
  metrics: MetricMap;
  sources: SourceMap;
  findings: Finding[];
  /** Prose of each section found (tables included), for cross-report checks. */
  sectionText: Partial<Record<SectionKey, string>>;
}

export type ParseErrorCode = 'EMPTY' | 'BINARY' | 'PDF' | 'DOCX' | 'TOO_LARGE' | 'NOT_A_REPORT';

export interface ParseError {
  code: ParseErrorCode;
  message: string;
}

export type ParseOutcome = { ok: true; report: ParsedReport; encoding: string } | { ok: false; error: ParseError };
