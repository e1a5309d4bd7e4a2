/**
 * `jalon user create` and `jalon user reset-password`: a few reads and one write, then exit — on PGlite the brief
 * command's engine (server/db/client.ts, `brief`), as the export commands open it. The commands run on the suite's
 * database; `openMigrated` is replaced to hand it over and to note how the command asked to open it.
 */
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { OpenOptions } from './open.js';
import { testSuite } from '../test/test-suite.js';
import { testEngines } from '../test/test-database.js';
import { verify } from '@node-rs/argon2';
import { sql } from 'drizzle-orm';

const opened = vi.hoisted(() => ({
  database: undefined as unknown,
  options: [] as (OpenOptions | undefined)[],
}));
vi.mock('./open.js', () => ({
  openMigrated: async (_config: unknown, options?: OpenOptions) => {
    opened.options.push(options);
    // the suite closes its database after all: the command's `close` must leave it open
    return { ...(opened.database as object), close: async () => undefined };
  },
}));

const { userCreateCommand, userResetPasswordCommand } = await import('./user.command.js');

describe.each(testEngines)('jalon user commands on %s', (engine) => {
  const suite = testSuite(engine, { app: false });
  const printed: string[] = [];
  afterEach(() => {
    opened.options.length = 0;
    printed.length = 0;
    vi.restoreAllMocks();
  });
  const quietly = () =>
    vi.spyOn(console, 'log').mockImplementation((line: string) => void printed.push(line));

  it('create and reset-password open the database as a brief command, and write the account', async () => {
    opened.database = suite.database;
    quietly();
    await userCreateCommand('brief.user@example.org', { role: 'member', password: 'a-long-Password-1' });
    expect(printed.join('\n')).toContain('Account created: brief.user@example.org (member)');
    await userResetPasswordCommand('brief.user@example.org');
    const password = /New password for brief\.user@example\.org: (\S+)/.exec(printed.join('\n'))?.[1];
    expect(password).toBeDefined();
    const result = await suite.database.db.execute(
      sql`select password_hash, must_change_password from users where email = 'brief.user@example.org'`,
    );
    const [row] = (result as unknown as { rows: { password_hash: string; must_change_password: boolean }[] })
      .rows;
    expect(row!.must_change_password).toBe(true);
    expect(await verify(row!.password_hash, password!)).toBe(true);
    expect(opened.options).toEqual([{ brief: true }, { brief: true }]);
  });
});
