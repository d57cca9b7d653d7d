import type { Finding, FindingCode } from '../types.js';
import { SEVERITY } from './messages.js';

/** Builds a finding with the contract's severity for its code. */
export function finding(code: FindingCode, message: string, line?: number | null): Finding {
  return line ? { code, severity: SEVERITY[code], message, line } : { code, severity: SEVERITY[code], message };
}
