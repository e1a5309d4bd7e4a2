import { and, asc, count, eq, inArray, or, sql } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client.js';
import { prepared } from '../../db/prepared.js';
import { findOrFail } from '../../errors.js';
import * as t from '../../db/schema/index.js';

export type ParticipantRow = typeof t.programmeParticipants.$inferSelect & { org: t.OrganisationRow };

/** The columns of a programme the portfolio's cards show (the detail has them all). */
export const summaryColumns = [
  'id',
  'slug',
  'code',
  'kind',
  'titleFr',
  'titleEn',
  'currency',
  'startDate',
  'firstTransferDate',
  'endDate',
  'revisedEndDate',
  'genderMarker',
  'riskMarker',
] as const satisfies readonly (keyof t.ProgrammeRow)[];
export type SummaryRow = Pick<t.ProgrammeRow, (typeof summaryColumns)[number]>;

/** A programme by its slug, the whole row (undefined when there is none). */
export function findProgrammeBySlug(db: DbOrTx, slug: string) {
  return db
    .select()
    .from(t.programmes)
    .where(eq(t.programmes.slug, slug))
    .then((rows) => rows[0]);
}

/** A programme by the slug of its URL, or 404: what every module starts from. */
export const programmeBySlugOr404 = (db: DbOrTx, slug: string) =>
  findOrFail(findProgrammeBySlug(db, slug), 'Programme', slug);

/** Inserts a programme's header; undefined when its code (or slug) is already taken. */
/** A programme by its id, the whole row (undefined when there is none). */
export function findProgrammeById(db: DbOrTx, id: string) {
  return db
    .select()
    .from(t.programmes)
    .where(eq(t.programmes.id, id))
    .then((rows) => rows[0]);
}

export function insertProgramme(db: DbOrTx, values: typeof t.programmes.$inferInsert) {
  return db
    .insert(t.programmes)
    .values(values)
    .onConflictDoNothing()
    .returning({ slug: t.programmes.slug })
    .then((rows) => rows[0]);
}

export type ProgrammeChanges = Partial<typeof t.programmes.$inferInsert>;

/** Changes a programme's header if it is still at `version` (and moves it on); undefined otherwise. */
export function updateProgrammeAtVersion(
  db: DbOrTx,
  slug: string,
  version: number,
  changes: ProgrammeChanges,
  now: Date,
) {
  return db
    .update(t.programmes)
    .set({ ...changes, version: sql`${t.programmes.version} + 1`, updatedAt: now })
    .where(sql`${t.programmes.slug} = ${slug} and ${t.programmes.version} = ${version}`)
    .returning({ slug: t.programmes.slug })
    .then((rows) => rows[0]);
}

/** Deletes a programme (its rows go with it by cascade); undefined when no programme has that slug. */
export function deleteProgrammeBySlug(db: DbOrTx, slug: string) {
  return db
    .delete(t.programmes)
    .where(eq(t.programmes.slug, slug))
    .returning({ id: t.programmes.id })
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

/** The id of the programme known by the `slug` placeholder, as a subquery: every read of a page in one step. */
const idOfSlug = (db: DbOrTx) =>
  db
    .select({ id: t.programmes.id })
    .from(t.programmes)
    .where(eq(t.programmes.slug, sql.placeholder('slug')));

const detailStatements = (db: DbOrTx) => ({
  programme: prepared(db, 'programme_detail_programme', (db) =>
    db
      .select()
      .from(t.programmes)
      .where(eq(t.programmes.slug, sql.placeholder('slug')))
      .prepare('programme_detail_programme'),
  ),
  participants: prepared(db, 'programme_detail_participants', (db) =>
    db
      .select({ p: t.programmeParticipants, org: t.organisations })
      .from(t.programmeParticipants)
      .innerJoin(t.organisations, eq(t.organisations.id, t.programmeParticipants.organisationId))
      .where(inArray(t.programmeParticipants.programmeId, idOfSlug(db)))
      .orderBy(asc(t.programmeParticipants.role), asc(t.programmeParticipants.sort))
      .prepare('programme_detail_participants'),
  ),
  versions: prepared(db, 'programme_detail_versions', (db) =>
    db
      .select({
        v: t.frameworkVersions,
        // qualified by hand: inside the subquery an unqualified "id" would be the indicator's
        n: sql<number>`(select count(*)::int from indicators i where i.framework_version_id = "framework_versions"."id")`,
      })
      .from(t.frameworkVersions)
      .where(inArray(t.frameworkVersions.programmeId, idOfSlug(db)))
      .orderBy(asc(t.frameworkVersions.effectiveDate), asc(t.frameworkVersions.version))
      .prepare('programme_detail_versions'),
  ),
  snapshots: prepared(db, 'programme_detail_snapshots', (db) =>
    db
      .select()
      .from(t.financialSnapshots)
      .where(inArray(t.financialSnapshots.programmeId, idOfSlug(db)))
      .orderBy(asc(t.financialSnapshots.asOf))
      .prepare('programme_detail_snapshots'),
  ),
  risks: prepared(db, 'programme_detail_risks', (db) =>
    db
      .select()
      .from(t.risks)
      .where(inArray(t.risks.programmeId, idOfSlug(db)))
      .orderBy(asc(t.risks.number))
      .prepare('programme_detail_risks'),
  ),
  // both directions of co-funding, each link with the programme at its other end
  cofunding: prepared(db, 'programme_detail_cofunding', (db) =>
    db
      .select({
        jointProgrammeId: t.programmeCofunding.jointProgrammeId,
        projectId: t.programmeCofunding.projectId,
        note: t.programmeCofunding.note,
        other: {
          id: t.programmes.id,
          slug: t.programmes.slug,
          code: t.programmes.code,
          titleFr: t.programmes.titleFr,
          titleEn: t.programmes.titleEn,
        },
      })
      .from(t.programmeCofunding)
      .innerJoin(
        t.programmes,
        sql`${t.programmes.id} = case when ${t.programmeCofunding.jointProgrammeId} in ${idOfSlug(db)} then ${t.programmeCofunding.projectId} else ${t.programmeCofunding.jointProgrammeId} end`,
      )
      .where(
        or(
          inArray(t.programmeCofunding.jointProgrammeId, idOfSlug(db)),
          inArray(t.programmeCofunding.projectId, idOfSlug(db)),
        ),
      )
      .prepare('programme_detail_cofunding'),
  ),
});

/**
 * Everything a programme's page shows but the framework tree, in one step: six prepared queries sent
 * together, each finding the programme by its slug. Undefined when no programme has that slug.
 */
export async function programmeDetailRows(db: DbOrTx, slug: string) {
  const s = detailStatements(db);
  const [[programme], participants, versions, snapshots, risks, links] = await Promise.all([
    s.programme.execute({ slug }),
    s.participants.execute({ slug }),
    s.versions.execute({ slug }),
    s.snapshots.execute({ slug }),
    s.risks.execute({ slug }),
    s.cofunding.execute({ slug }),
  ]);
  if (!programme) return undefined;
  return {
    programme,
    participants: participants.map((r): ParticipantRow => ({ ...r.p, org: r.org })),
    versions: versions.map((r) => ({ ...r.v, n: Number(r.n) })),
    snapshots,
    risks,
    fundedBy: links
      .filter((l) => l.jointProgrammeId === programme.id)
      .map((l) => ({ programme: l.other, note: l.note })),
    funds: links.filter((l) => l.projectId === programme.id).map((l) => l.other),
  };
}

const portfolioStatements = (db: DbOrTx) => ({
  programmes: prepared(db, 'portfolio_programmes', (db) =>
    db
      .select(Object.fromEntries(summaryColumns.map((c) => [c, t.programmes[c]])) as SummaryColumns)
      .from(t.programmes)
      .orderBy(asc(t.programmes.code))
      .prepare('portfolio_programmes'),
  ),
  participants: prepared(db, 'portfolio_participants', (db) =>
    db
      .select({
        programmeId: t.programmeParticipants.programmeId,
        role: t.programmeParticipants.role,
        convening: t.programmeParticipants.convening,
        amount: t.programmeParticipants.amount,
        org: t.organisations,
      })
      .from(t.programmeParticipants)
      .innerJoin(t.organisations, eq(t.organisations.id, t.programmeParticipants.organisationId))
      // recipients (with their stated amounts) and donors (with their allocations): the budget of record
      .where(inArray(t.programmeParticipants.role, ['recipient', 'donor']))
      .orderBy(asc(t.programmeParticipants.sort))
      .prepare('portfolio_participants'),
  ),
  versions: prepared(db, 'portfolio_versions', (db) =>
    db
      .select({
        programmeId: t.frameworkVersions.programmeId,
        version: t.frameworkVersions.version,
        effectiveDate: t.frameworkVersions.effectiveDate,
        n: count(t.indicators.id),
      })
      .from(t.frameworkVersions)
      .leftJoin(t.indicators, eq(t.indicators.frameworkVersionId, t.frameworkVersions.id))
      .groupBy(
        t.frameworkVersions.programmeId,
        t.frameworkVersions.version,
        t.frameworkVersions.effectiveDate,
      )
      .prepare('portfolio_versions'),
  ),
});
type SummaryColumns = { [C in (typeof summaryColumns)[number]]: (typeof t.programmes)[C] };

/**
 * The whole portfolio in one step: the programmes (only the columns the portfolio shows), every recipient
 * and donor with its organisation, every framework version with its number of indicators — three prepared queries.
 */
export async function portfolioRows(db: DbOrTx) {
  const s = portfolioStatements(db);
  const [programmes, participants, versions] = await Promise.all([
    s.programmes.execute(),
    s.participants.execute(),
    s.versions.execute(),
  ]);
  return { programmes, participants, versions: versions.map((v) => ({ ...v, n: Number(v.n) })) };
}
