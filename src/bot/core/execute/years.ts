import type { OrgRecord } from '../store.js';
import type { YearSpec } from '../years.js';
import type { ExecContext } from './context.js';

/** Report years a question covers for one organisation; `defaulted` when none was asked for. */
export function yearsFor(ctx: ExecContext, org: OrgRecord, spec: YearSpec): { years: number[]; defaulted: boolean } {
  switch (spec.kind) {
    case 'none': {
      const latest = ctx.store.reportsOf(org.id).at(-1);
      return { years: latest ? [latest.year] : [], defaulted: true };
    }
    case 'list':
      return { years: spec.years, defaulted: false };
    case 'range': {
      const years: number[] = [];
      for (let y = spec.from; y <= spec.to && years.length < 30; y++) years.push(y);
      return { years, defaulted: false };
    }
    case 'all':
      return { years: ctx.store.reportsOf(org.id).map((r) => r.year), defaulted: false };
    case 'recent': {
      if (spec.count === 1) return yearsFor(ctx, org, { kind: 'none' });
      const last = Math.max(ctx.store.years().at(-1) ?? ctx.currentYear - 1, ...ctx.store.reportsOf(org.id).map((r) => r.year));
      const years: number[] = [];
      for (let y = last - spec.count + 1; y <= last; y++) years.push(y);
      return { years, defaulted: false };
    }
  }
}
