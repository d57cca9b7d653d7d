/** Every table of the database; drizzle-kit reads this file (drizzle.config.ts) to generate migrations. */
export * from './orgs.js';
export * from './org-aliases.js';
export * from './reports.js';
export * from './report-sections.js';
export * from './metrics.js';
export * from './findings.js';
export * from './roster.js';
export * from './subscriptions.js';
export * from './deliveries.js';
export * from './seen-updates.js';
export * from './received-files.js';
export * from './watch.js';
export * from './conversations.js';
export * from './deferred-indexes.js';
export * from './data-versions.js';
