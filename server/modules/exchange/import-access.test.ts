/** Who may import a file (`importAccess`), at the service: the operator at the console any, anonymous none. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { operatorContext, type Actor, type ServiceContext } from '../../context.js';
import type { Database } from '../../db/client.js';
import { aProgramme } from '../../test/factories.js';
import { createTestDatabase, testEngines } from '../../test/test-database.js';
import { importAccess } from './import-access.js';

describe.each(testEngines)('import access on %s', (engine) => {
  let database: Database;
  let programme: { id: string; slug: string };
  beforeAll(async () => {
    database = await createTestDatabase(engine, { seed: false });
    programme = await aProgramme(database);
  });
  afterAll(async () => {
    await database.close();
  });
  const as = (actor: ServiceContext['actor']): ServiceContext => ({ ...operatorContext(database.db), actor });
  const newVersion = () => ({
    target: {
      kind: 'new_version' as const,
      programme: programme.slug,
      label: { fr: 'Révision' },
      effectiveDate: '2026-01-01',
      reason: { fr: 'Révision à mi-parcours' },
    },
  });

  it('lets the operator at the console create programmes and new versions', async () => {
    await expect(importAccess(operatorContext(database.db), {})).resolves.toBeUndefined();
    await expect(importAccess(operatorContext(database.db), newVersion())).resolves.toBeUndefined();
  });

  it('refuses an anonymous request both', async () => {
    await expect(importAccess(as(null), {})).rejects.toMatchObject({ code: 'forbidden' });
    await expect(importAccess(as(null), newVersion())).rejects.toMatchObject({ code: 'forbidden' });
  });

  it('lets a coordinator import a new version of their programme, not new programmes', async () => {
    const coordinator: Actor = {
      id: 'u-1',
      email: 'coordination@test.jalon',
      name: 'Fatoumata Keïta',
      role: 'member',
      memberships: [{ programmeId: programme.id, role: 'coordinator', organisationId: null }],
    };
    await expect(importAccess(as(coordinator), newVersion())).resolves.toBeUndefined();
    await expect(importAccess(as(coordinator), {})).rejects.toMatchObject({ code: 'forbidden' });
  });
});
