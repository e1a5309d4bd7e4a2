/** What every finance service reads about a programme: its framework's codes and statements, organisations. */
import { asc, eq, inArray } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client.js';
import * as t from '../../db/schema/index.js';

/** A programme by its id (the programme of a line or an activity: it exists). */
export function programmeById(db: DbOrTx, id: string) {
  return db
    .select()
    .from(t.programmes)
    .where(eq(t.programmes.id, id))
    .then((rows) => rows[0]);
}

/** Every framework version of a programme, oldest effective first. */
export function frameworkVersionsOf(db: DbOrTx, programmeId: string) {
  return db
    .select()
    .from(t.frameworkVersions)
    .where(eq(t.frameworkVersions.programmeId, programmeId))
    .orderBy(asc(t.frameworkVersions.effectiveDate), asc(t.frameworkVersions.version));
}

/** The outcomes' codes and statements in these framework versions. */
export function outcomeStatementsIn(db: DbOrTx, versionIds: string[]) {
  return db
    .select({
      id: t.outcomes.id,
      versionId: t.outcomes.frameworkVersionId,
      code: t.outcomes.code,
      fr: t.outcomes.statementFr,
      en: t.outcomes.statementEn,
    })
    .from(t.outcomes)
    .where(inArray(t.outcomes.frameworkVersionId, versionIds));
}

/** The outputs' codes, outcomes and statements in these framework versions. */
export function outputStatementsIn(db: DbOrTx, versionIds: string[]) {
  return db
    .select({
      outcomeId: t.outputs.outcomeId,
      versionId: t.outputs.frameworkVersionId,
      code: t.outputs.code,
      fr: t.outputs.statementFr,
      en: t.outputs.statementEn,
    })
    .from(t.outputs)
    .where(inArray(t.outputs.frameworkVersionId, versionIds));
}

export function organisationRowsByIds(db: DbOrTx, ids: string[]) {
  return db.select().from(t.organisations).where(inArray(t.organisations.id, ids));
}

export function organisationRowsByCodes(db: DbOrTx, codes: string[]) {
  return db.select().from(t.organisations).where(inArray(t.organisations.code, codes));
}
