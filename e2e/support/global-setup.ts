/**
 * Vitest global setup of the e2e project: one server's first start, made once per run, copied by every spec.
 *
 * A first start on a fresh data directory migrates and loads the demo data (12–20 s on two cores). Each spec
 * used to pay it for its own server: 16 specs, about 3½ minutes of a CI run. Here one server starts on a data
 * directory of its own, is stopped, and leaves that directory as the template: `startServer` copies it (a copy
 * of a stopped PGlite directory is that database) and hands its specs the demo accounts it printed. A spec
 * that starts on PostgreSQL, or on a data directory it names, still gets a real first start.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { TestProject } from 'vitest/node';
import { ensureWebBuilt, startServer, type StartedTemplate } from './app.js';

declare module 'vitest' {
  export interface ProvidedContext {
    /** the data directory of a first start, stopped, and the demo accounts it printed */
    e2eTemplate: StartedTemplate;
  }
}

export default async function setup(project: TestProject) {
  ensureWebBuilt();
  const dataDir = mkdtempSync(join(tmpdir(), 'jalon-e2e-template-'));
  const server = await startServer({ dataDir });
  // a stopped server's directory: PGlite closed, its lock released
  await server.stop();
  project.provide('e2eTemplate', { dataDir, accounts: server.accounts });
  return () => rmSync(dataDir, { recursive: true, force: true });
}
