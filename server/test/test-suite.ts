/**
 * The set-up a server test file shares, as vitest hooks of the describe that calls it: a test database of its
 * own (`createTestDatabase`), the data the tests read written into it with the factories, and the application
 * on it (`testApp`); after all, both closed. What the tests use is on the returned object once the hook has run.
 * More people on the same database: `newApp(options)`, each an application of its own, closed with the rest.
 * E-mail (`mail: true`): a real SMTP server in the process, Jalon's e-mail on and sent to it, both closed after.
 */
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll } from 'vitest';
import type { Database, Engine } from '../db/client.js';
import type { MailTransport } from '../modules/notifications/mailer.js';
import type { MailSettings } from '../modules/notifications/notify.js';
import { testApp } from './api-client.js';
import type { SmtpInbox } from './smtp-inbox.js';
import { createTestDatabase } from './test-database.js';

/** The e-mail of a suite with `mail: true`: the SMTP server that receives it, and the transport that sends to it. */
export interface TestMail {
  inbox: SmtpInbox;
  /** what the outbox worker (`deliverDue`) sends through, from `Jalon <jalon@example.org>` */
  transport: MailTransport;
}

export interface TestSuiteOptions {
  /** the demo seed: only for the tests of the demo data itself (CONTRIBUTING, "Test data") */
  seed?: boolean;
  /** writes what the tests read, with the factories, before the application starts */
  data?: (database: Database) => Promise<void>;
  /** testApp's options (a signed-in administrator by default); `false` for a database without an application */
  app?: Parameters<typeof testApp>[1] | false;
  /**
   * a real SMTP server in the process (`smtp-inbox.ts`) and Jalon's e-mail on (`configureMail`, links to
   * https://jalon.example.org), started before the data; the settings of before are put back after all
   */
  mail?: boolean;
}

export interface TestSuite {
  readonly database: Database;
  /** the application (not with `app: false`) */
  readonly app: FastifyInstance;
  /** another application on the suite's database (testApp's options), closed after all with the others */
  newApp(options?: Parameters<typeof testApp>[1]): Promise<FastifyInstance>;
  /** the e-mail's inbox and transport (only with `mail: true`) */
  readonly mail: TestMail;
}

export function testSuite(engine: Engine, options: TestSuiteOptions = {}): TestSuite {
  let database: Database | undefined;
  let app: FastifyInstance | undefined;
  let mail: TestMail | undefined;
  let mailBefore: MailSettings | undefined;
  const others: FastifyInstance[] = [];
  const started = <T>(value: T | undefined, what: string): T => {
    if (value === undefined)
      throw new Error(`test suite: no ${what} (the set-up hook has not run or failed)`);
    return value;
  };
  beforeAll(async () => {
    database = await createTestDatabase(engine, { seed: options.seed ?? false });
    if (options.mail) {
      // loaded only by the suites that send e-mail (the SMTP server and the mailer are not small)
      const [{ startSmtpInbox }, { smtpTransport }, { configureMail, mailSettings }] = await Promise.all([
        import('./smtp-inbox.js'),
        import('../modules/notifications/mailer.js'),
        import('../modules/notifications/notify.js'),
      ]);
      const inbox = await startSmtpInbox();
      mail = { inbox, transport: smtpTransport(inbox.url, 'Jalon <jalon@example.org>') };
      mailBefore = mailSettings();
      configureMail({ enabled: true, publicUrl: 'https://jalon.example.org' });
    }
    await options.data?.(database);
    if (options.app !== false) app = await testApp(database, options.app);
  });
  afterAll(async () => {
    for (const other of others.splice(0)) await other.close();
    await app?.close();
    if (mail) {
      mail.transport.close();
      await mail.inbox.close();
    }
    if (mailBefore) {
      const { configureMail } = await import('../modules/notifications/notify.js');
      configureMail(mailBefore);
    }
    await database?.close();
  });
  return {
    get database() {
      return started(database, 'database');
    },
    get app() {
      return started(app, 'application (app: false)');
    },
    get mail() {
      return started(mail, 'e-mail (mail: true)');
    },
    async newApp(appOptions) {
      const other = await testApp(started(database, 'database'), appOptions);
      others.push(other);
      return other;
    },
  };
}
