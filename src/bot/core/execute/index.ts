import type { Answer } from '../../types.js';
import type { Query } from '../query.js';
import { answerAbout, answerExplain } from './about.js';
import type { ExecContext } from './context.js';
import { answerDeadline } from './deadline.js';
import { answerCompare, answerMetric, answerTrend } from './metric.js';
import { answerClarify, answerHelp, answerUnknown } from './misc.js';
import { answerRank } from './rank.js';
import { answerReport } from './report.js';
import { answerStatus } from './status.js';

/** Query + store → answer. Reads only through the ReportStore interface, with typed arguments. */
export function execute(ctx: ExecContext, q: Query): Answer {
  switch (q.kind) {
    case 'help':
      return answerHelp(ctx, q.reason);
    case 'metric':
      return answerMetric(ctx, q);
    case 'compare':
      return answerCompare(ctx, q);
    case 'trend':
      return answerTrend(ctx, q);
    case 'rank':
      return answerRank(ctx, q);
    case 'status':
      return answerStatus(ctx, q);
    case 'report':
      return answerReport(ctx, q);
    case 'deadline':
      return answerDeadline(ctx, q);
    case 'clarify':
      return answerClarify(ctx, q);
    case 'unknown':
      return answerUnknown(ctx, q);
    case 'about':
      return answerAbout(ctx, q);
    case 'explain':
      return answerExplain(q);
  }
}
