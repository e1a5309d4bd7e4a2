import { defineConfig } from 'drizzle-kit';

// Generates forward-only SQL migrations from the schema: `npm run db:generate`. Never run drizzle-kit
// migrate against a live PGlite directory; Jalon applies migrations itself at start-up.
export default defineConfig({
  dialect: 'postgresql',
  schema: './server/db/schema/index.ts',
  out: './server/db/migrations',
});
