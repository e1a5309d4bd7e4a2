import { loadConfig } from '../config.js';
import { createDemoAccounts, printDemoAccounts } from '../seed/demo-accounts.js';
import { seedDemoData } from '../seed/seed.js';
import { describeDatabase, openMigrated } from './open.js';

/** `jalon db migrate`: applies pending migrations and exits. */
export async function migrateCommand(): Promise<void> {
  const config = loadConfig();
  const database = await openMigrated(config);
  await database.close();
  console.log(`Migrations applied (${describeDatabase(config)}).`);
}

/** `jalon db seed`: loads the demo programmes that are not there yet. */
export async function seedCommand(): Promise<void> {
  const database = await openMigrated();
  try {
    const { created, skipped } = await seedDemoData(database.db);
    console.log(`Created: ${created.join(', ') || 'none'}`);
    if (skipped.length) console.log(`Already present: ${skipped.join(', ')}`);
    printDemoAccounts(await createDemoAccounts(database.db));
  } finally {
    await database.close();
  }
}
