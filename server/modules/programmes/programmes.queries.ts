import { and, asc, count, eq, inArray, or } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client.js';
import * as t from '../../db/schema/index.js';

export type ParticipantRow = typeof t.programmeParticipants.$inferSelect & { org: t.OrganisationRow };

export function findProgrammeBySlug(db: DbOrTx, slug: string) {
  return db
    .select()
    .from(t.programmes)
    .where(eq(t.programmes.slug, slug))
    .then((rows) => rows[0]);
}

export function listProgrammeRows(db: DbOrTx) {
  return db.select().from(t.programmes).orderBy(asc(t.programmes.code));
}

/** Participants (recipients, partners, donors) of the given programmes with their organisation. */
export async function participantsOf(db: DbOrTx, programmeIds: string[], roles?: ParticipantRow['role'][]) {
  if (programmeIds.length === 0) return [];
  const rows = await db
    .select({ p: t.programmeParticipants, org: t.organisations })
    .from(t.programmeParticipants)
    .innerJoin(t.organisations, eq(t.organisations.id, t.programmeParticipants.organisationId))
    .where(
      and(
        inArray(t.programmeParticipants.programmeId, programmeIds),
        roles ? inArray(t.programmeParticipants.role, roles) : undefined,
      ),
    )
    .orderBy(asc(t.programmeParticipants.role), asc(t.programmeParticipants.sort));
  return rows.map((r): ParticipantRow => ({ ...r.p, org: r.org }));
}

/** Framework versions of the given programmes, each with its number of indicators. */
export async function versionsWithIndicatorCounts(db: DbOrTx, programmeIds: string[]) {
  if (programmeIds.length === 0) return [];
  const rows = await db
    .select({
      programmeId: t.frameworkVersions.programmeId,
      version: t.frameworkVersions.version,
      effectiveDate: t.frameworkVersions.effectiveDate,
      n: count(t.indicators.id),
    })
    .from(t.frameworkVersions)
    .leftJoin(t.indicators, eq(t.indicators.frameworkVersionId, t.frameworkVersions.id))
    .where(inArray(t.frameworkVersions.programmeId, programmeIds))
    .groupBy(t.frameworkVersions.programmeId, t.frameworkVersions.version, t.frameworkVersions.effectiveDate);
  return rows.map((r) => ({ ...r, n: Number(r.n) }));
}

export function frameworkVersionsOf(db: DbOrTx, programmeId: string) {
  return db
    .select()
    .from(t.frameworkVersions)
    .where(eq(t.frameworkVersions.programmeId, programmeId))
    .orderBy(asc(t.frameworkVersions.effectiveDate), asc(t.frameworkVersions.version));
}

export function snapshotsOf(db: DbOrTx, programmeId: string) {
  return db
    .select()
    .from(t.financialSnapshots)
    .where(eq(t.financialSnapshots.programmeId, programmeId))
    .orderBy(asc(t.financialSnapshots.asOf));
}

export function risksOf(db: DbOrTx, programmeId: string) {
  return db.select().from(t.risks).where(eq(t.risks.programmeId, programmeId)).orderBy(asc(t.risks.number));
}

/** Co-funding links in both directions: the projects funding this programme, and the programmes it funds. */
export async function cofundingOf(db: DbOrTx, programmeId: string) {
  const links = await db
    .select()
    .from(t.programmeCofunding)
    .where(
      or(
        eq(t.programmeCofunding.jointProgrammeId, programmeId),
        eq(t.programmeCofunding.projectId, programmeId),
      ),
    );
  const otherIds = links.map((l) => (l.jointProgrammeId === programmeId ? l.projectId : l.jointProgrammeId));
  const others = otherIds.length
    ? await db.select().from(t.programmes).where(inArray(t.programmes.id, otherIds))
    : [];
  const byId = new Map(others.map((p) => [p.id, p]));
  return {
    fundedBy: links
      .filter((l) => l.jointProgrammeId === programmeId)
      .map((l) => ({ programme: byId.get(l.projectId)!, note: l.note })),
    funds: links.filter((l) => l.projectId === programmeId).map((l) => byId.get(l.jointProgrammeId)!),
  };
}
