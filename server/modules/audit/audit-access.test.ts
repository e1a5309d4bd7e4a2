/** Who reads the audit trail, at the service (`assertMayReadAudit`): the operator at the console all of it. */
import { describe, expect, it } from 'vitest';
import { operatorContext, type Actor, type ServiceContext } from '../../context.js';
import { aProgramme } from '../../test/factories.js';
import { testEngines } from '../../test/test-database.js';
import { testSuite } from '../../test/test-suite.js';
import { assertMayReadAudit } from './audit.service.js';

describe.each(testEngines)('reading the audit trail on %s', (engine) => {
  let programme: { id: string; slug: string };
  const suite = testSuite(engine, {
    data: async (database) => {
      programme = await aProgramme(database);
    },
    app: false,
  });
  const as = (actor: ServiceContext['actor']): ServiceContext => ({
    ...operatorContext(suite.database.db),
    actor,
  });

  it('lets the operator at the console read the whole trail and a programme’s', async () => {
    await expect(assertMayReadAudit(operatorContext(suite.database.db), undefined)).resolves.toBeUndefined();
    await expect(
      assertMayReadAudit(operatorContext(suite.database.db), programme.slug),
    ).resolves.toBeUndefined();
  });

  it('refuses an anonymous request both', async () => {
    await expect(assertMayReadAudit(as(null), undefined)).rejects.toMatchObject({ code: 'forbidden' });
    await expect(assertMayReadAudit(as(null), programme.slug)).rejects.toMatchObject({ code: 'forbidden' });
  });

  it('lets the programme’s writers read its trail, not the whole; a donor not at all (decision 0016)', async () => {
    const coordinator: Actor = {
      id: 'u-1',
      email: 'coordination@test.jalon',
      name: 'Moussa Diarra',
      role: 'member',
      memberships: [{ programmeId: programme.id, role: 'coordinator', organisationId: null }],
    };
    await expect(assertMayReadAudit(as(coordinator), programme.slug)).resolves.toBeUndefined();
    await expect(assertMayReadAudit(as(coordinator), undefined)).rejects.toMatchObject({ code: 'forbidden' });
    const donor: Actor = {
      ...coordinator,
      email: 'bailleur@test.jalon',
      memberships: [{ programmeId: programme.id, role: 'viewer', organisationId: null }],
    };
    await expect(assertMayReadAudit(as(donor), programme.slug)).rejects.toMatchObject({ code: 'forbidden' });
  });
});
