import js from '@eslint/js';
import { defineConfig, globalIgnores } from 'eslint/config';
import globals from 'globals';
import tseslint from 'typescript-eslint';

/*
 * The house rules a linter can check. Not type-aware on purpose: `npm run typecheck` (tsc) does the
 * types, and lint stays fast (about 6 s of CPU for the whole tree).
 *
 * The layer boundaries (docs/ARCHITECTURE.md, "Layers") are `@typescript-eslint/no-restricted-imports`
 * patterns, generated below from one table. The patterns match the import string, which is relative,
 * so each layer gets one block per folder depth: from `src/parsing/tables/x.ts` the catalog is
 * `../../catalog/…`, from `src/parsing/x.ts` it is `../catalog/…`.
 */

const COMPOSERS = ['src/service', 'src/cli', 'src/app.ts'];
const PURE = ['src/parsing', 'src/catalog', 'src/calendar'];
/** The interfaces shared by the chat side: plain types (and small pure helpers), no I/O. */
const BOT_SHARED = ['src/bot/types.ts', 'src/bot/subscriptions.ts'];

/**
 * Which layer may import which. Paths are relative to the repository; one ending in `.ts` is a file.
 * - `may`: the only places outside its own folder a layer may import from (an allow-list);
 *   without `may`, anything not under `never` is allowed.
 * - `types`: places it may import types from (`import type`), nothing else.
 * - `never`: places it may not import from at all, whatever `may` says.
 * - `pure`: no I/O packages (database, chat, scheduler, logger, file system, network).
 */
const LAYERS = [
  { dir: 'src/parsing', may: ['src/catalog'], pure: true },
  { dir: 'src/catalog', may: ['src/calendar'], types: ['src/parsing'], pure: true },
  { dir: 'src/calendar', may: ['src/catalog'], types: ['src/parsing', 'src/config.ts'], pure: true },
  { dir: 'src/bot/core', may: [...PURE, ...BOT_SHARED], types: ['src/config.ts'], pure: true },
  { dir: 'src/bot', depth: 0, may: [...PURE, ...BOT_SHARED], never: ['src/bot/core', 'src/bot/adapters'], pure: true },
  { dir: 'src/jobs', never: ['src/bot/adapters', 'src/notify', ...COMPOSERS] },
  { dir: 'db', may: ['src/catalog'], types: ['src'] },
  { dir: 'src/bot/adapters', never: ['db', 'src/jobs', 'src/ingest', ...COMPOSERS] },
  { dir: 'src/notify', never: ['db', 'src/jobs', 'src/ingest', 'src/bot/core', ...COMPOSERS] },
  // The portal watcher: network at its edge (fetcher.ts), the rest pure; stores through ingest and db.
  { dir: 'src/watch', never: ['src/bot', 'src/notify', ...COMPOSERS] },
  // The county's status pages and workbook: pure builders over rows the app reads; no chat side.
  { dir: 'src/status', never: ['src/bot/adapters', 'src/notify', 'src/service', 'src/cli'] },
  { dir: 'src/export', never: ['src/bot/adapters', 'src/notify', 'src/service', 'src/cli'] },
  { dir: 'src/ingest', may: [...PURE, 'db', 'src/logger.ts'], types: ['src/config.ts', ...BOT_SHARED] },
  // The composers (and config, logger) may import any layer; only the rules for everyone apply.
  { dir: 'src', depth: 0 },
  { dir: 'src/service' },
  { dir: 'src/cli' },
];

/** For everyone in src/: the tables are db's own, so queries are written there. */
const NEVER_OUTSIDE_DB = ['db/schema'];
const SQL_PACKAGES = ['better-sqlite3', 'drizzle-orm'];
const IO_PACKAGES = ['telegraf', 'wechaty', 'wechaty-puppet-[\\w-]+', 'node-cron', 'pino'];
// worker_threads is not here: a reader may run a parser library in a worker to bound its time and memory.
const NODE_IO = ['fs', 'fs/promises', 'http', 'https', 'net', 'child_process'];
const WHY = 'see docs/ARCHITECTURE.md, "Layers"';

const escape = (s) => s.replace(/[.*+?^${}()|[\]\\/-]/g, '\\$&');

/** The import string that reaches `target` from a file `depth` folders below `dir`, as a regex. */
function reach(dir, depth, target) {
  let rel = relative(dir, target.replace(/\.ts$/, '.js'));
  if (!rel.startsWith('../')) rel = `./${rel}`;
  const up = depth === 0 ? '' : `(?:\\.\\./){${depth}}`;
  const body = depth === 0 ? escape(rel) : escape(rel.replace(/^\.\//, ''));
  return `${up}${body}${target.endsWith('.ts') ? '$' : '(?:/|$)'}`;
}

/** posix `path.relative` for repo-relative paths (no Node import needed in a config file). */
function relative(from, to) {
  const a = from.split('/');
  const b = to.split('/');
  let i = 0;
  while (i < a.length && i < b.length && a[i] === b[i]) i++;
  return [...a.slice(i).map(() => '..'), ...b.slice(i)].join('/');
}

const any = (rs) => `(?:${rs.map((r) => `(?:${r})`).join('|')})`;

/** The no-restricted-imports options of one layer for its files `depth` folders below its folder. */
function restrictions(layer, depth) {
  const patterns = [];
  const may = [layer.dir, ...(layer.may ?? [])];
  const types = layer.types ?? [];
  if (layer.may) {
    const allowed = any([...may, ...types].map((t) => reach(layer.dir, depth, t)));
    patterns.push({
      regex: `^(?!${allowed})(?:\\.\\./){${depth + 1}}`,
      message: `${layer.dir}/ may import only from ${[...(layer.may ?? []), ...types.map((t) => `${t} (types)`)].join(', ') || 'itself'}; ${WHY}.`,
    });
  }
  if (types.length > 0) {
    patterns.push({
      regex: `^(?!${any(may.map((t) => reach(layer.dir, depth, t)))})${any(types.map((t) => reach(layer.dir, depth, t)))}`,
      allowTypeImports: true,
      message: `${layer.dir}/ may import only types (import type) from ${types.join(', ')}; ${WHY}.`,
    });
  }
  const sqlHere = layer.dir === 'db';
  const never = [...(layer.never ?? []), ...(sqlHere ? [] : NEVER_OUTSIDE_DB)];
  if (never.length > 0) {
    patterns.push({
      regex: `^${any(never.map((t) => reach(layer.dir, depth, t)))}`,
      message: `${layer.dir}/ may not import from ${never.join(', ')}; ${WHY}.`,
    });
  }
  if (!sqlHere) {
    patterns.push({
      regex: `^${any(SQL_PACKAGES)}(?:/|$)`,
      allowTypeImports: !layer.pure,
      message: `SQL lives in db/ only: call a store there instead; ${WHY}.`,
    });
  }
  if (layer.pure) {
    patterns.push({
      regex: `^(?:${any(IO_PACKAGES)}|(?:node:)?${any(NODE_IO.map(escape))})(?:/|$)`,
      message: `${layer.dir}/ is pure: I/O (database, chat, scheduler, logger, files, network) stays at the edges; ${WHY}.`,
    });
  }
  return ['error', { patterns }];
}

/** One config block per folder depth of a layer (depth 0: files directly in its folder). */
function boundary(layer, files) {
  const depths = layer.depth === undefined ? [0, 1, 2, 3, 4] : [layer.depth];
  return depths.map((depth) => ({
    name: `nianbao/layers/${layer.dir}/${'*/'.repeat(depth)}`,
    files: files ?? [`${layer.dir}/${'*/'.repeat(depth)}*.ts`],
    rules: { '@typescript-eslint/no-restricted-imports': restrictions(layer, depth) },
  }));
}

export default defineConfig(
  globalIgnores(['node_modules/', 'data/', 'coverage/', 'samples/', 'test/fixtures/', 'db/migrations/']),
  js.configs.recommended,
  tseslint.configs.recommended,
  {
    name: 'nianbao/base',
    languageOptions: { globals: { ...globals.node } },
    linterOptions: { reportUnusedDisableDirectives: 'error' },
    rules: {
      // Readers and the question cleaner match control characters on purpose (binary files, stripping).
      'no-control-regex': 'off',
      // `const { dropped: _, ...rest } = x` is how the code leaves a field out.
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_', ignoreRestSiblings: true }],
    },
  },
  {
    name: 'nianbao/sql-in-db-only',
    files: ['src/**/*.ts'],
    rules: {
      'no-restricted-syntax': [
        'error',
        {
          selector: 'Literal[value=/^\\s*(SELECT|INSERT|UPDATE|DELETE|REPLACE|CREATE|DROP|ALTER|PRAGMA|WITH)\\s/]',
          message: `SQL lives in db/ only: add a store method there; ${WHY}.`,
        },
        {
          selector: 'TemplateLiteral > TemplateElement:first-child[value.raw=/^\\s*(SELECT|INSERT|UPDATE|DELETE|REPLACE|CREATE|DROP|ALTER|PRAGMA|WITH)\\s/]',
          message: `SQL lives in db/ only: add a store method there; ${WHY}.`,
        },
      ],
    },
  },
  LAYERS.flatMap((layer) => boundary(layer)),
  {
    // Strips emoji pieces (ZWJ, variation selectors, skin tones) one code point at a time, on purpose.
    name: 'nianbao/question-text',
    files: ['src/bot/core/text.ts'],
    rules: { 'no-misleading-character-class': 'off' },
  },
);
