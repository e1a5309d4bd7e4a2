/**
 * The set-up a server test file shares, as vitest hooks of the describe that calls it: a test database of its
 * own (`createTestDatabase`), the data the tests read written into it with the factories, and the application
 * on it (`testApp`); after all, both closed. What the tests use is on the returned object once the hook has run.
 * More people on the same database: `newApp(options)`, each an application of its own, closed with the rest.
 */
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll } from 'vitest';
import type { Database, Engine } from '../db/client.js';
import { testApp } from './api-client.js';
import { createTestDatabase } from './test-database.js';

export interface TestSuiteOptions {
  /** the demo seed: only for the tests of the demo data itself (CONTRIBUTING, "Test data") */
  seed?: boolean;
  /** writes what the tests read, with the factories, before the application starts */
  data?: (database: Database) => Promise<void>;
  /** testApp's options (a signed-in administrator by default); `false` for a database without an application */
  app?: Parameters<typeof testApp>[1] | false;
}

export interface TestSuite {
  readonly database: Database;
  /** the application (not with `app: false`) */
  readonly app: FastifyInstance;
  /** another application on the suite's database (testApp's options), closed after all with the others */
  newApp(options?: Parameters<typeof testApp>[1]): Promise<FastifyInstance>;
}

export function testSuite(engine: Engine, options: TestSuiteOptions = {}): TestSuite {
  let database: Database | undefined;
  let app: FastifyInstance | undefined;
  const others: FastifyInstance[] = [];
  const started = <T>(value: T | undefined, what: string): T => {
    if (value === undefined)
      throw new Error(`test suite: no ${what} (the set-up hook has not run or failed)`);
    return value;
  };
  beforeAll(async () => {
    database = await createTestDatabase(engine, { seed: options.seed ?? false });
    await options.data?.(database);
    if (options.app !== false) app = await testApp(database, options.app);
  });
  afterAll(async () => {
    for (const other of others.splice(0)) await other.close();
    await app?.close();
    await database?.close();
  });
  return {
    get database() {
      return started(database, 'database');
    },
    get app() {
      return started(app, 'application (app: false)');
    },
    async newApp(appOptions) {
      const other = await testApp(started(database, 'database'), appOptions);
      others.push(other);
      return other;
    },
  };
}
