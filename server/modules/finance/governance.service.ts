/**
 * Governance: steering and technical committee meetings (date, participants, documents), their decisions and
 * recommendations with an owner, a due date and a follow-up status, and the "recommendations implemented"
 * indicators counted from them.
 */
import type { FollowUpStatus } from '../../../core/contracts/finance-vocabulary.js';
import type {
  GovernanceDocumentInput,
  GovernanceItem,
  GovernanceItemCreate,
  GovernanceItemPatch,
  GovernanceView,
  Meeting,
  MeetingCreate,
  MeetingPatch,
} from '../../../core/contracts/finance/governance.js';
import { followUpStatuses } from '../../../core/contracts/finance-vocabulary.js';
import { governanceDocument } from '../../../core/contracts/finance/governance.js';
import type { DbOrTx } from '../../db/client.js';
import type { OrganisationRow } from '../../db/schema/index.js';
import type { ServiceContext } from '../../context.js';
import { findOrFail, versionConflict } from '../../errors.js';
import { optionalText, presentOrganisation, text } from '../programmes/programmes.presenter.js';
import { programmeBySlugOr404 } from '../programmes/programmes.queries.js';
import { organisationsByCode, todayOf, pushTo } from './finance-context.js';
import { organisationRowsByIds } from './finance.queries.js';
import {
  deleteItemById,
  deleteMeetingById,
  endTargetsOf,
  indicatorIdOfProgramme,
  indicatorTitlesByIds,
  insertItem,
  insertItems,
  insertMeeting,
  itemById,
  itemsOfMeetings,
  itemWithProgramme,
  meetingById,
  meetingsOf,
  updateItemAt,
  updateMeetingAt,
  type ItemInsert,
  type ItemRow,
  type MeetingInsert,
  type MeetingRow,
} from './governance.queries.js';
import { fieldsBeyondFollowUp, followUpFields } from '../auth/policy.js';
import { Issues, refuseBeyondFollowUp } from './finance-messages.js';

type IndicatorRef = { id: string; code: string; title: { fr: string; en?: string } };

const closed: FollowUpStatus[] = ['implemented', 'not_implemented'];

function presentItem(
  i: ItemRow,
  orgs: Map<string, OrganisationRow>,
  indicators: Map<string, IndicatorRef>,
  today: string,
): GovernanceItem {
  const org = i.ownerOrganisationId ? orgs.get(i.ownerOrganisationId) : undefined;
  return {
    id: i.id,
    meetingId: i.meetingId,
    kind: i.kind,
    number: i.number,
    text: text(i.textFr, i.textEn),
    owner: i.owner,
    ownerOrganisation: org ? presentOrganisation(org) : null,
    dueDate: i.dueDate,
    status: i.status,
    statusDate: i.statusDate,
    followUp: i.followUp,
    indicator: i.indicatorId ? (indicators.get(i.indicatorId) ?? null) : null,
    overdue: !closed.includes(i.status) && i.dueDate !== null && i.dueDate < today,
    version: i.version,
  };
}

function presentMeeting(m: MeetingRow, items: GovernanceItem[]): Meeting {
  return {
    id: m.id,
    body: m.body,
    number: m.number,
    date: m.date,
    title: optionalText(m.titleFr, m.titleEn),
    location: m.location,
    participants: m.participants,
    documents: m.documents,
    summary: optionalText(m.summaryFr, m.summaryEn),
    items,
    version: m.version,
  };
}

async function lookups(db: DbOrTx, items: ItemRow[]) {
  const orgIds = [...new Set(items.flatMap((i) => (i.ownerOrganisationId ? [i.ownerOrganisationId] : [])))];
  const indicatorIds = [...new Set(items.flatMap((i) => (i.indicatorId ? [i.indicatorId] : [])))];
  const [orgRows, indicatorRows] = await Promise.all([
    orgIds.length ? organisationRowsByIds(db, orgIds) : [],
    indicatorIds.length ? indicatorTitlesByIds(db, indicatorIds) : [],
  ]);
  return {
    orgs: new Map(orgRows.map((o) => [o.id, o])),
    indicators: new Map(
      indicatorRows.map((i) => [i.id, { id: i.id, code: i.code, title: text(i.fr, i.en) }]),
    ),
  };
}

async function itemsOf(db: DbOrTx, meetingIds: string[]) {
  if (meetingIds.length === 0) return [];
  return itemsOfMeetings(db, meetingIds);
}

/** Meetings (latest first) with their decisions and recommendations, the follow-up, the computed indicators. */
export async function getGovernance(
  ctx: ServiceContext,
  slug: string,
  asOfInput?: string,
): Promise<GovernanceView> {
  const programme = await programmeBySlugOr404(ctx.db, slug);
  const today = todayOf(ctx);
  const asOf = asOfInput ?? today;
  const meetings = await meetingsOf(ctx.db, programme.id);
  const items = await itemsOf(
    ctx.db,
    meetings.map((m) => m.id),
  );
  const { orgs, indicators } = await lookups(ctx.db, items);
  const presented = items.map((i) => presentItem(i, orgs, indicators, today));
  const byMeeting = new Map<string, GovernanceItem[]>();
  for (const i of presented) pushTo(byMeeting, i.meetingId, i);

  const linked = new Map<string, ItemRow[]>();
  for (const i of items) if (i.indicatorId) pushTo(linked, i.indicatorId, i);
  const targets = linked.size ? await endTargetsOf(ctx.db, [...linked.keys()]) : [];
  const endTargets = new Map(targets.map((r) => [r.id, r.value]));
  return {
    programme: { slug: programme.slug, code: programme.code },
    asOf,
    meetings: meetings.map((m) => presentMeeting(m, byMeeting.get(m.id) ?? [])),
    followUp: followUpStatuses.map((status) => ({
      status,
      count: presented.filter((i) => i.status === status).length,
    })),
    overdue: presented.filter((i) => i.overdue).length,
    indicators: [...linked.entries()].map(([id, list]) => ({
      indicator: indicators.get(id)!,
      linked: list.length,
      implemented: countImplemented(list, asOf),
      endTarget: endTargets.get(id) ?? null,
      asOf,
    })),
  };
}

/** How many of the items were implemented by the date: the "recommendations implemented" indicator. */
export function countImplemented(items: Pick<ItemRow, 'status' | 'statusDate'>[], asOf: string): number {
  return items.filter((i) => i.status === 'implemented' && i.statusDate !== null && i.statusDate <= asOf)
    .length;
}

const meetingOrFail = (db: DbOrTx, id: string) => findOrFail(meetingById(db, id), 'Meeting', id);

async function readMeeting(ctx: ServiceContext, id: string): Promise<Meeting> {
  const m = await meetingOrFail(ctx.db, id);
  const items = await itemsOf(ctx.db, [id]);
  const { orgs, indicators } = await lookups(ctx.db, items);
  return presentMeeting(
    m,
    items.map((i) => presentItem(i, orgs, indicators, todayOf(ctx))),
  );
}

function meetingValues(input: Partial<MeetingCreate>) {
  const set: Partial<MeetingInsert> = {};
  if (input.body !== undefined) set.body = input.body;
  if (input.number !== undefined) set.number = input.number;
  if (input.date !== undefined) set.date = input.date;
  if (input.title !== undefined)
    Object.assign(set, { titleFr: input.title?.fr ?? null, titleEn: input.title?.en ?? null });
  if (input.location !== undefined) set.location = input.location;
  if (input.participants !== undefined) set.participants = input.participants;
  if (input.documents !== undefined) set.documents = input.documents;
  if (input.summary !== undefined)
    Object.assign(set, { summaryFr: input.summary?.fr ?? null, summaryEn: input.summary?.en ?? null });
  return set;
}

/** Records a meeting of a committee. */
export async function createMeeting(
  ctx: ServiceContext,
  slug: string,
  input: MeetingCreate,
): Promise<Meeting> {
  const programme = await programmeBySlugOr404(ctx.db, slug);
  const m = await insertMeeting(ctx.db, {
    programmeId: programme.id,
    body: input.body,
    date: input.date,
    ...meetingValues(input),
  });
  return readMeeting(ctx, m!.id);
}

export async function updateMeeting(ctx: ServiceContext, id: string, patch: MeetingPatch): Promise<Meeting> {
  await meetingOrFail(ctx.db, id);
  const { version, ...input } = patch;
  const row = await updateMeetingAt(ctx.db, id, version, meetingValues(input), ctx.now());
  if (!row) throw versionConflict(await readMeeting(ctx, id));
  return readMeeting(ctx, id);
}

export async function deleteMeeting(ctx: ServiceContext, id: string): Promise<void> {
  await meetingOrFail(ctx.db, id);
  await deleteMeetingById(ctx.db, id);
}

/** Checks an item's owner organisation and indicator; returns the columns to write. */
async function itemValues(
  ctx: ServiceContext,
  programmeId: string,
  input: Partial<GovernanceItemCreate>,
  current?: ItemRow,
) {
  const issues = new Issues(ctx.locale);
  const set: Partial<ItemInsert> = {};
  if (input.kind !== undefined) set.kind = input.kind;
  if (input.number !== undefined) set.number = input.number;
  if (input.text !== undefined) Object.assign(set, { textFr: input.text.fr, textEn: input.text.en ?? null });
  if (input.owner !== undefined) set.owner = input.owner;
  if (input.ownerOrganisation !== undefined) {
    if (input.ownerOrganisation === null) set.ownerOrganisationId = null;
    else {
      const org = (await organisationsByCode(ctx.db, [input.ownerOrganisation])).get(input.ownerOrganisation);
      if (!org)
        issues.add('body.ownerOrganisation', 'unknown_organisation', { code: input.ownerOrganisation });
      else set.ownerOrganisationId = org.id;
    }
  }
  if (input.dueDate !== undefined) set.dueDate = input.dueDate;
  if (input.followUp !== undefined) set.followUp = input.followUp;
  if (input.status !== undefined) {
    set.status = input.status;
    // a closed item is dated: the day it was said implemented (or not), today unless given
    if (closed.includes(input.status) && input.statusDate === undefined && current?.status !== input.status)
      set.statusDate = todayOf(ctx);
    if (!closed.includes(input.status) && input.statusDate === undefined) set.statusDate = null;
  }
  if (input.statusDate !== undefined) set.statusDate = input.statusDate;
  if (input.indicatorId !== undefined) {
    if (input.indicatorId === null) set.indicatorId = null;
    else {
      const found = await indicatorIdOfProgramme(ctx.db, programmeId, input.indicatorId);
      if (!found) issues.add('body.indicatorId', 'unknown_indicator');
      else set.indicatorId = found.id;
    }
  }
  issues.throwIfAny('Invalid decision or recommendation');
  return set;
}

async function readItem(ctx: ServiceContext, id: string): Promise<GovernanceItem> {
  const i = await findOrFail(itemById(ctx.db, id), 'Decision or recommendation', id);
  const { orgs, indicators } = await lookups(ctx.db, [i]);
  return presentItem(i, orgs, indicators, todayOf(ctx));
}

/** Adds a decision or a recommendation to a meeting. */
export async function createItem(
  ctx: ServiceContext,
  meetingId: string,
  input: GovernanceItemCreate,
): Promise<GovernanceItem> {
  const meeting = await meetingOrFail(ctx.db, meetingId);
  const values = await itemValues(ctx, meeting.programmeId, input);
  const row = await insertItem(ctx.db, { ...values, meetingId, kind: input.kind, textFr: input.text.fr });
  return readItem(ctx, row!.id);
}

/** Follows an item up: status, date, owner, due date (409 with the current one if it changed since). */
export async function updateItem(
  ctx: ServiceContext,
  id: string,
  patch: GovernanceItemPatch,
): Promise<GovernanceItem> {
  const current = await findOrFail(itemWithProgramme(ctx.db, id), 'Decision or recommendation', id);
  const { version, ...input } = patch;
  refuseBeyondFollowUp(
    ctx.locale,
    fieldsBeyondFollowUp(ctx.actor, current.programmeId, 'governanceItem', input),
    followUpFields.governanceItem,
  );
  const values = await itemValues(ctx, current.programmeId, input, current.item);
  const row = await updateItemAt(ctx.db, id, version, values, ctx.now());
  if (!row) throw versionConflict(await readItem(ctx, id));
  return readItem(ctx, id);
}

export async function deleteItem(ctx: ServiceContext, id: string): Promise<void> {
  await readItem(ctx, id);
  await deleteItemById(ctx.db, id);
}

/** Loads a programme's meetings and their items from a document (the demo data), in one transaction. */
export async function importGovernance(
  db: DbOrTx,
  programmeId: string,
  input: GovernanceDocumentInput,
): Promise<number> {
  const doc = governanceDocument.parse(input);
  const orgs = await organisationsByCode(
    db,
    doc.meetings.flatMap((m) => m.items.flatMap((i) => (i.ownerOrganisation ? [i.ownerOrganisation] : []))),
  );
  let n = 0;
  for (const m of doc.meetings) {
    const { items, ...meeting } = m;
    const row = await insertMeeting(db, {
      programmeId,
      body: meeting.body,
      date: meeting.date,
      ...meetingValues(meeting),
    });
    if (items.length)
      await insertItems(
        db,
        items.map((i) => ({
          meetingId: row!.id,
          kind: i.kind,
          number: i.number ?? null,
          textFr: i.text.fr,
          textEn: i.text.en ?? null,
          owner: i.owner ?? null,
          ownerOrganisationId: i.ownerOrganisation ? (orgs.get(i.ownerOrganisation)?.id ?? null) : null,
          dueDate: i.dueDate ?? null,
          status: i.status ?? 'open',
          statusDate: i.statusDate ?? null,
          followUp: i.followUp ?? null,
        })),
      );
    n++;
  }
  return n;
}
