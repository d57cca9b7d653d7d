import type { ReportStore } from '../src/bot/core/store.js';
import type { SeenUpdates } from '../src/bot/adapters/dedupe.js';
import type { ConversationStore } from '../src/bot/conversations.js';
import type { DbHandle } from './client.js';
import { createConversationStore } from './conversations.js';
import { createDeliveryLog, type DeliveryLog } from './deliveries.js';
import { createFindingStore, type FindingStore } from './findings.js';
import { createJobRunLog, type JobRunLog } from './job-runs.js';
import { createOrgStore, type OrgStore } from './orgs.js';
import { createReceivedFileStore, type ReceivedFileStore } from './received-files.js';
import { createReportStore } from './report-store.js';
import { createRosterStore, type RosterStore } from './roster.js';
import { createSeenUpdates } from './seen-updates.js';
import { createSubscriptionStore, type SqliteSubscriptionStore } from './subscriptions.js';
import { createVersionStore, type VersionStore } from './versions.js';
import { createWatchStore, type WatchStore } from './watch.js';

/** What a store is made over: one connection, its statement cache and its change stamp. */
export type Connection = Pick<DbHandle, 'db' | 'prepare' | 'changeStamp' | 'immediate' | 'consistent'>;

/** Every store of one database handle (handle.stores); each owns its cache. */
export interface Stores {
  /** The question core's read side: organisations, current reports, metrics, years. */
  reports: ReportStore;
  /** Report versions as the ingest writes them, and their facts for the cross-report checks. */
  versions: VersionStore;
  orgs: OrgStore;
  findings: FindingStore;
  roster: RosterStore;
  subscriptions: SqliteSubscriptionStore;
  deliveries: DeliveryLog;
  jobRuns: JobRunLog;
  /** Chat updates already handled (the adapters' dedupe), shared by every process. */
  seenUpdates: SeenUpdates;
  /** Files sent to the bot for a pre-check, and what it said (issue 13). */
  receivedFiles: ReceivedFileStore;
  /** The county-portal watcher's sources and fetched pages (src/watch/). */
  watch: WatchStore;
  /** Each chat's conversation context (follow-ups, 「更多」), forgotten 30 minutes after the last turn. */
  conversations: ConversationStore;
}

export function createStores(c: Connection): Stores {
  const findings = createFindingStore(c);
  const orgs = createOrgStore(c);
  return {
    reports: createReportStore(c, orgs, findings),
    versions: createVersionStore(c, findings),
    orgs,
    findings,
    roster: createRosterStore(c, orgs),
    subscriptions: createSubscriptionStore(c),
    deliveries: createDeliveryLog(c),
    jobRuns: createJobRunLog(c),
    seenUpdates: createSeenUpdates(c),
    receivedFiles: createReceivedFileStore(c),
    watch: createWatchStore(c),
    conversations: createConversationStore(c),
  };
}
