import type { Db } from './db/client.js';
import { buildApp } from './app.js';

/** The OpenAPI description of the API, as served at /api/openapi.json (no database needed to describe it). */
export async function openApiDocument(): Promise<unknown> {
  const app = await buildApp({ db: null as unknown as Db });
  await app.ready();
  const doc = await app.openApiDocument();
  await app.close();
  return doc;
}
