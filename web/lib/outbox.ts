/**
 * The outbox: activities recorded or changed on this device, kept in IndexedDB (through Dexie) until the server
 * holds them — offline for days, across closing the browser or restarting the phone. A new activity carries the
 * identity the device gave it (`clientId`, a UUID): sending it twice creates nothing twice, the server answers
 * the activity it already holds. A change of an existing activity carries the version it was made from
 * (`change`): if a colleague changed the activity since, the server refuses it (409) and the record stays here
 * with the server's words and the colleague's version, to compare — never written over theirs. A record the
 * server refuses stays here, marked, until the person corrects and resends it or discards it; Jalon never drops
 * one by itself.
 *
 * The sending (`sendOutbox`) is plain `fetch`, so the page and the service worker (Background Sync) run the same
 * code; one of them at a time (`navigator.locks`). Decision: docs/decisions/0017-offline-capture.md.
 */
import { Dexie, liveQuery, type EntityTable } from 'dexie';
import type { ActivityCreate, ActivityDetail, ActivityPatch } from '../../core/contracts/activities.js';
import type { ErrorIssue } from '../../core/errors/error-codes.js';
import { cachedHeader } from './offline-headers.js';

/** A photo as kept on the device: already resized (`resizePhoto`), its bytes and type. */
export interface OutboxPhoto {
  name: string;
  type: string;
  bytes: ArrayBuffer;
}

/** Why the server refused a record, as it said it (in the language the record was sent in). */
export interface Refusal {
  status: number;
  code: string;
  message: string;
  issues: ErrorIssue[];
  /** a `version_conflict`: the activity as the server holds it now (a colleague's change) */
  current?: ActivityDetail;
}

/** A change of an activity the server holds: which one, and the version the change was made from. */
export interface OutboxChange {
  activityId: string;
  version: number;
}

export interface OutboxRecord {
  /** the identity the device gave the record: the activity's `clientId` */
  id: string;
  slug: string;
  /** what is sent: the activity with its `clientId` (a change sends the same fields with its version) */
  body: ActivityCreate & { clientId: string };
  /**
   * set for a change of an existing activity (sent as `PATCH /activities/:id` with `change.version`); absent
   * for a new one (records kept before changes existed have none)
   */
  change?: OutboxChange | null;
  /** what the form held, to open it again for a correction (the form's own shape) */
  form: unknown;
  photos: OutboxPhoto[];
  /** `pending`: to be sent; `refused`: the server said no, the person decides */
  status: 'pending' | 'refused';
  refusal: Refusal | null;
  /** once the server holds the activity: its id (the photos may still be on their way) */
  activityId: string | null;
  /** the names of the photos the server already holds */
  photosSent: string[];
  /**
   * who recorded it (the account's id): only their session sends it, and only they see it — on a shared
   * computer, another person's records wait for them, never sent under someone else's name
   */
  owner: string;
  /** the language the person works in: the server's refusals come back in it */
  lang: 'fr' | 'en';
  createdAt: string;
  updatedAt: string;
}

class OutboxDatabase extends Dexie {
  records!: EntityTable<OutboxRecord, 'id'>;
  constructor() {
    super('jalon-outbox');
    this.version(1).stores({ records: 'id, status, slug, createdAt' });
  }
}

let database: OutboxDatabase | null = null;
function db(): OutboxDatabase {
  database ??= new OutboxDatabase();
  return database;
}

/** A new record of the form's content, not yet stored. */
export function newRecord(
  input: Pick<OutboxRecord, 'slug' | 'form' | 'photos' | 'lang' | 'owner'> & {
    body: ActivityCreate;
    change?: OutboxChange | null;
  },
  id: string = crypto.randomUUID(),
  now = new Date(),
): OutboxRecord {
  return {
    id,
    slug: input.slug,
    body: { ...input.body, clientId: id },
    change: input.change ?? null,
    form: input.form,
    photos: input.photos,
    status: 'pending',
    refusal: null,
    activityId: null,
    photosSent: [],
    owner: input.owner,
    lang: input.lang,
    createdAt: now.toISOString(),
    updatedAt: now.toISOString(),
  };
}

/** Stores a record (a new one, or a corrected one under the same identity: it is to be sent again). */
export async function putRecord(record: OutboxRecord): Promise<void> {
  await db().records.put({
    ...record,
    status: 'pending',
    refusal: null,
    updatedAt: new Date().toISOString(),
  });
  changed();
}

export function getRecord(id: string): Promise<OutboxRecord | undefined> {
  return db().records.get(id);
}

/** The person discards a record: the only way one leaves the outbox without reaching the server. */
export async function discardRecord(id: string): Promise<void> {
  await db().records.delete(id);
  changed();
}

export function listRecords(): Promise<OutboxRecord[]> {
  return db().records.orderBy('createdAt').toArray();
}

/**
 * The change of an activity this person has waiting (or refused) on the device, if any: the form opens it
 * rather than the server's copy, so a second change offline builds on the first instead of losing it.
 */
export async function changeOf(activityId: string, owner: string | null): Promise<OutboxRecord | undefined> {
  return (await listRecords()).find((r) => r.change?.activityId === activityId && r.owner === owner);
}

/** The fields of an activity as a record sends them, to compare a change with the server's copy. */
function comparableFields(a: ActivityCreate | ActivityPatch): unknown {
  return {
    kind: a.kind,
    title: { fr: a.title?.fr ?? '', en: a.title?.en ?? null },
    description: a.description ?? null,
    startDate: a.startDate,
    endDate: a.endDate ?? null,
    organisation: a.organisation,
    partner: a.partner ?? null,
    output: a.output ?? null,
    workPlanActivity: a.workPlanActivity ?? null,
    indicators: [...(a.indicators ?? [])].sort(),
    places: (a.places ?? []).map((p) => ({ area: p.area, note: p.note ?? null })),
    countBasis: a.countBasis ?? 'distinct',
    quantity: a.quantity ?? null,
    quantityUnit: a.quantityUnit ?? null,
    participants: (a.participants ?? [])
      .filter((p) => p.count > 0)
      .map((p) => `${p.category}|${p.sex}|${p.ageGroup}|${p.count}`)
      .sort(),
  };
}

/**
 * Whether the server's activity already says what the change says: the change was applied and only its answer
 * was lost (a resend then meets its own new version, which is no colleague's change).
 */
export function alreadyApplied(body: ActivityCreate, current: ActivityDetail): boolean {
  const held: ActivityCreate = {
    kind: current.kind,
    title: { fr: current.title.fr, ...(current.title.en ? { en: current.title.en } : {}) },
    description: current.description,
    startDate: current.startDate,
    endDate: current.endDate,
    organisation: current.organisation.code,
    partner: current.partner,
    output: current.output,
    workPlanActivity: current.workPlanActivity?.id ?? null,
    indicators: current.indicators,
    places: current.places.map((p) => ({ area: p.area.code, note: p.note })),
    countBasis: current.countBasis,
    quantity: current.quantity,
    quantityUnit: current.quantityUnit,
    participants: current.participants.map((p) => ({
      category: p.category,
      sex: p.sex,
      ageGroup: p.ageGroup,
      count: p.count,
    })),
  };
  return JSON.stringify(comparableFields(body)) === JSON.stringify(comparableFields(held));
}

/** What the outbox holds, as the screens show it. */
export interface OutboxSummary {
  pending: number;
  refused: number;
  records: OutboxRecord[];
}

/**
 * Watches the outbox's records of one person (every tab and the worker write to the same database): `listener`
 * gets each change.
 */
export function watchOutbox(owner: string | null, listener: (summary: OutboxSummary) => void): () => void {
  const subscription = liveQuery(async () =>
    (await listRecords()).filter((r) => r.owner === owner),
  ).subscribe({
    next: (records) =>
      listener({
        pending: records.filter((r) => r.status === 'pending').length,
        refused: records.filter((r) => r.status === 'refused').length,
        records,
      }),
    error: () => listener({ pending: 0, refused: 0, records: [] }),
  });
  return () => subscription.unsubscribe();
}

// ---- sending ---------------------------------------------------------------------------------------------

/** How a sending ended: the records sent, refused, and why it stopped if it did. */
export interface SendResult {
  sent: string[];
  /** the server's activity of each record sent, by record */
  activityIds: Map<string, string>;
  refused: string[];
  /** `offline`: no answer (try again later); `signed-out`: the session expired, the outbox waits for a sign-in */
  stopped: 'offline' | 'signed-out' | null;
}

type Fetch = (input: string, init?: RequestInit) => Promise<Response>;

interface Answer {
  status: number;
  body: unknown;
  /** answered by the service worker from what it saved: the server was not reached */
  cached: boolean;
}

async function ask(fetcher: Fetch, path: string, init: RequestInit = {}): Promise<Answer | null> {
  let response: Response;
  try {
    response = await fetcher(path, { ...init, credentials: 'same-origin' });
  } catch {
    return null;
  }
  const text = await response.text().catch(() => '');
  let body: unknown;
  try {
    body = text ? JSON.parse(text) : undefined;
  } catch {
    body = undefined;
  }
  return { status: response.status, body, cached: response.headers.has(cachedHeader) };
}

function refusalOf(answer: Answer): Refusal {
  const error = (
    answer.body as
      { error?: { code?: unknown; message?: unknown; issues?: unknown; current?: unknown } } | undefined
  )?.error;
  const current = error?.current;
  return {
    status: answer.status,
    code: typeof error?.code === 'string' ? error.code : 'unexpected_response',
    message: typeof error?.message === 'string' ? error.message : `HTTP ${answer.status}`,
    issues: Array.isArray(error?.issues) ? (error.issues as ErrorIssue[]) : [],
    ...(typeof current === 'object' && current !== null && 'version' in current
      ? { current: current as ActivityDetail }
      : {}),
  };
}

/** Whether an answer means "try again later" rather than "no": the server or the way to it failed. */
const isTransient = (status: number) => status === 408 || status === 429 || status >= 500;

async function update(id: string, changes: Partial<OutboxRecord>): Promise<void> {
  await db().records.update(id, { ...changes, updatedAt: new Date().toISOString() });
  changed();
}

async function sendOne(
  fetcher: Fetch,
  token: string,
  record: OutboxRecord,
): Promise<{ activityId: string } | 'refused' | 'offline' | 'signed-out'> {
  const headers = { accept: 'application/json', 'x-csrf-token': token };
  const lang = `lang=${record.lang}`;
  let activityId = record.activityId;
  let held: string[] = record.photosSent;
  if (record.change && !activityId) {
    // a change: the fields with the version it was made from; a colleague's change since is refused (409)
    const { clientId: _identity, ...fields } = record.body;
    const patch: ActivityPatch = { ...fields, version: record.change.version };
    const answer = await ask(
      fetcher,
      `/api/v1/activities/${encodeURIComponent(record.change.activityId)}?${lang}`,
      {
        method: 'PATCH',
        headers: { ...headers, 'content-type': 'application/json' },
        body: JSON.stringify(patch),
      },
    );
    if (!answer || isTransient(answer.status)) return 'offline';
    if (answer.status === 401) return 'signed-out';
    let activity: ActivityDetail;
    if (answer.status === 200) activity = answer.body as ActivityDetail;
    else {
      const refusal = refusalOf(answer);
      // its own change, applied before the answer was lost: sent, not a conflict
      if (!(
        refusal.code === 'version_conflict' &&
        refusal.current &&
        alreadyApplied(fields, refusal.current)
      )) {
        await update(record.id, { status: 'refused', refusal });
        return 'refused';
      }
      activity = refusal.current;
    }
    activityId = activity.id;
    held = [...new Set([...held, ...activity.attachments.map((a) => a.fileName)])];
    await update(record.id, { activityId, photosSent: held });
  }
  if (!activityId) {
    const answer = await ask(
      fetcher,
      `/api/v1/programmes/${encodeURIComponent(record.slug)}/activities?${lang}`,
      {
        method: 'POST',
        headers: { ...headers, 'content-type': 'application/json' },
        body: JSON.stringify(record.body),
      },
    );
    if (!answer || isTransient(answer.status)) return 'offline';
    if (answer.status === 401) return 'signed-out';
    if (answer.status !== 200 && answer.status !== 201) {
      await update(record.id, { status: 'refused', refusal: refusalOf(answer) });
      return 'refused';
    }
    const activity = answer.body as ActivityDetail;
    activityId = activity.id;
    // a resend of a record the server already held: its photos may be there already
    held = [...new Set([...held, ...activity.attachments.map((a) => a.fileName)])];
    await update(record.id, { activityId, photosSent: held });
  }
  for (const photo of record.photos) {
    if (held.includes(photo.name)) continue;
    const query = new URLSearchParams({ kind: 'photo', fileName: photo.name, lang: record.lang });
    const answer = await ask(
      fetcher,
      `/api/v1/activities/${encodeURIComponent(activityId)}/attachments?${query}`,
      {
        method: 'POST',
        headers: { ...headers, 'content-type': 'application/octet-stream' },
        body: photo.bytes,
      },
    );
    if (!answer || isTransient(answer.status)) return 'offline';
    if (answer.status === 401) return 'signed-out';
    if (answer.status !== 201) {
      await update(record.id, { status: 'refused', refusal: refusalOf(answer) });
      return 'refused';
    }
    held = [...held, photo.name];
    await update(record.id, { photosSent: held });
  }
  await db().records.delete(record.id);
  changed();
  return { activityId };
}

async function sendAll(fetcher: Fetch): Promise<SendResult> {
  const result: SendResult = { sent: [], activityIds: new Map(), refused: [], stopped: null };
  const pending = (await listRecords()).filter((r) => r.status === 'pending');
  if (pending.length === 0) return result;
  // the session's CSRF token; no session (it expired): the outbox stays and waits for the person to sign in
  const session = await ask(fetcher, '/api/v1/session', { headers: { accept: 'application/json' } });
  if (!session || session.cached || isTransient(session.status)) return { ...result, stopped: 'offline' };
  const { user, csrfToken } = (session.body ?? {}) as { user?: { id?: unknown } | null; csrfToken?: unknown };
  if (!user || typeof csrfToken !== 'string') return { ...result, stopped: 'signed-out' };
  for (const record of pending) {
    if (record.owner !== user.id) continue;
    const outcome = await sendOne(fetcher, csrfToken, record);
    if (typeof outcome === 'object') {
      result.sent.push(record.id);
      result.activityIds.set(record.id, outcome.activityId);
    } else if (outcome === 'refused') result.refused.push(record.id);
    else return { ...result, stopped: outcome };
  }
  return result;
}

/**
 * Sends every pending record, oldest first: the activity, then its photos. Stops at the first record that gets
 * no answer (offline) or at an expired session, leaving the rest as they are. One sender at a time across the
 * tabs and the worker; a call while another sends waits for it and then finds nothing left to send.
 */
export async function sendOutbox(fetcher: Fetch = (input, init) => fetch(input, init)): Promise<SendResult> {
  const locks = (globalThis.navigator as Navigator | undefined)?.locks;
  const result = locks
    ? await locks.request('jalon-outbox', () => sendAll(fetcher))
    : await (local = local.then(
        () => sendAll(fetcher),
        () => sendAll(fetcher),
      ));
  lastResult = result;
  changed();
  return result;
}
let local: Promise<SendResult> = Promise.resolve({
  sent: [],
  activityIds: new Map(),
  refused: [],
  stopped: null,
});

/** How the last sending of this page ended (`signed-out` asks the person to sign in again). */
let lastResult: SendResult | null = null;
export function lastSending(): SendResult | null {
  return lastResult;
}

// ---- who is told ------------------------------------------------------------------------------------------

const listeners = new Set<() => void>();
function changed(): void {
  for (const listener of listeners) listener();
}
/** Called after every change this context makes (the live query covers the other tabs). */
export function onOutboxChange(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}
