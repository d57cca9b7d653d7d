import { APPLICANT_COLUMNS, type ApplicantColumn, type T2Column, type T4Column } from './columns.js';
import type { ProseKey } from './prose.js';
import type { T2Key, T2Row } from './table-two.js';
import type { T3Row } from './table-three.js';
import { T4_GROUPS, type T4Group } from './table-four.js';

/**
 * The metric keys of docs/data-contract.md §1 as types: `<group>.<row>[.<sub-row>].<column>`. A key that is
 * not in the contract does not type-check.
 */

export type T3RowKey = `applications.${T3Row}`;
export type T3Key = `${T3RowKey}.${ApplicantColumn}`;
export type T2RowKey = `active.${T2Row}`;
export type T4Key = `${T4Group}.${T4Column}` | 'litigation.total';

/** Every metric key a report can hold: read from a table, summed, or stated in the prose. */
export type MetricKey = T3Key | T2Key | T4Key | ProseKey;

/** A row of a table: a key without its column. 'litigation' is the two lawsuit groups together. */
export type RowKey = T3RowKey | T2RowKey | T4Group | 'litigation';

/** What a question can name before a report's format picks the column: a row, or a prose figure. */
export type ConceptId = RowKey | ProseKey;

/** The printed tables: provenance names them as the report does. */
export type TableName = '表二' | '表三' | '表四';

export const t3Key = (row: T3Row, col: ApplicantColumn): T3Key => `applications.${row}.${col}`;
export const t4Key = (group: T4Group, col: T4Column): T4Key => `${group}.${col}`;
/** Only for a column the catalog lists for the row (see T2). */
export const t2Key = (row: T2Row, col: T2Column): T2Key => `active.${row}.${col}` as T2Key;

export const T4_GROUP_SET: ReadonlySet<string> = new Set(T4_GROUPS);
export const APPLICANT_SET: ReadonlySet<string> = new Set(APPLICANT_COLUMNS);

/** The entries of a map keyed by metric key, keys typed (Object.entries would give plain strings). */
export const metricEntries = <V>(m: Partial<Record<MetricKey, V>>): Array<[MetricKey, V]> => Object.entries(m) as Array<[MetricKey, V]>;
