import { defineConfig } from 'drizzle-kit';

// Migrations are generated from db/schema and committed; openDb applies them at start-up.
export default defineConfig({
  dialect: 'sqlite',
  schema: './db/schema/index.ts',
  out: './db/migrations',
  dbCredentials: { url: process.env.NIANBAO_DB ?? 'data/nianbao.db' },
});
