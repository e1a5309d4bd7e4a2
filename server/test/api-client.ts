import type { FastifyInstance } from 'fastify';
import { buildApp } from '../app.js';
import type { Database } from '../db/client.js';

/** The real application on a test database, called in-process with `inject`. */
export async function testApp(
  database: Database,
  now = new Date('2026-11-26T12:00:00Z'),
): Promise<FastifyInstance> {
  const app = await buildApp({ db: database.db, now: () => now });
  await app.ready();
  return app;
}
