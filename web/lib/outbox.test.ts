// IndexedDB in memory, installed before Dexie is imported (Dexie reads it once)
import 'fake-indexeddb/auto';
import { afterEach, describe, expect, it } from 'vitest';
import type { ActivityCreate, ActivityDetail } from '../../core/contracts/activities.js';
import {
  alreadyApplied,
  changeOf,
  discardRecord,
  getRecord,
  listRecords,
  newRecord,
  putRecord,
  sendOutbox,
} from './outbox.js';

const owner = '00000000-0000-4000-8000-0000000000aa';
const activityId = '00000000-0000-4000-8000-0000000000bb';

const body: ActivityCreate = {
  kind: 'training',
  title: { fr: 'Causerie à Markala' },
  description: 'Compte rendu complété hors ligne.',
  startDate: '2025-03-12',
  endDate: null,
  organisation: 'UNDP',
  partner: null,
  output: null,
  workPlanActivity: null,
  indicators: [],
  places: [{ area: 'ML-4.SEGOU.MARKALA', note: null }],
  countBasis: 'distinct',
  quantity: null,
  quantityUnit: null,
  participants: [{ category: 'community_members', sex: 'female', ageGroup: 'age_18_35', count: 14 }],
};

/** The activity as the server holds it, version 3 unless told, saying what `fields` say. */
function held(fields: Partial<ActivityCreate> = {}, version = 3): ActivityDetail {
  const b = { ...body, ...fields };
  return {
    id: activityId,
    version,
    kind: b.kind,
    title: { fr: b.title.fr, en: b.title.en ?? null },
    description: b.description ?? null,
    startDate: b.startDate,
    endDate: b.endDate ?? null,
    organisation: { code: b.organisation },
    partner: b.partner ?? null,
    output: b.output ?? null,
    workPlanActivity: null,
    indicators: b.indicators ?? [],
    places: (b.places ?? []).map((p) => ({
      area: { code: p.area, level: 'commune', name: 'Markala' },
      note: p.note ?? null,
    })),
    countBasis: b.countBasis ?? 'distinct',
    quantity: b.quantity ?? null,
    quantityUnit: b.quantityUnit ?? null,
    participants: (b.participants ?? []).map((p) => ({ ...p, area: null })),
    attachments: [],
  } as unknown as ActivityDetail;
}

interface Call {
  method: string;
  path: string;
  body: unknown;
}

/** A server answering the session, then each write with what `answer` says; every call is kept. */
function server(answer: (call: Call) => { status: number; body?: unknown } | 'no-network') {
  const calls: Call[] = [];
  const fetcher = async (input: string, init: RequestInit = {}) => {
    const path = input;
    if (path.startsWith('/api/v1/session'))
      return Response.json({ user: { id: owner }, csrfToken: 'token' }, { status: 200 });
    const call = {
      method: init.method ?? 'GET',
      path,
      body: typeof init.body === 'string' ? JSON.parse(init.body) : init.body,
    };
    calls.push(call);
    const a = answer(call);
    if (a === 'no-network') throw new TypeError('Failed to fetch');
    return a.body === undefined ? new Response(null, { status: a.status }) : Response.json(a.body, a);
  };
  return { calls, fetcher };
}

const aChange = (version = 2, fields: Partial<ActivityCreate> = {}) =>
  newRecord({
    slug: 'prosmed',
    body: { ...body, ...fields },
    form: { edited: true },
    photos: [],
    lang: 'fr',
    owner,
    change: { activityId, version },
  });

afterEach(async () => {
  for (const r of await listRecords()) await discardRecord(r.id);
});

describe('a change of an existing activity in the outbox', () => {
  it('is sent as a PATCH of that activity with the version it was made from, then leaves the device', async () => {
    const record = aChange(2);
    await putRecord(record);
    const { calls, fetcher } = server(() => ({ status: 200, body: held({}, 3) }));
    const result = await sendOutbox(fetcher);
    expect(calls).toHaveLength(1);
    expect(calls[0]!.method).toBe('PATCH');
    expect(calls[0]!.path).toBe(`/api/v1/activities/${activityId}?lang=fr`);
    expect(calls[0]!.body).toMatchObject({ version: 2, description: body.description });
    expect(calls[0]!.body).not.toHaveProperty('clientId');
    expect(result.sent).toEqual([record.id]);
    expect(result.activityIds.get(record.id)).toBe(activityId);
    expect(await getRecord(record.id)).toBeUndefined();
  });

  it('stays on the device, marked, with the server’s words and the colleague’s version, when they changed it since', async () => {
    const record = aChange(2);
    await putRecord(record);
    const theirs = held({ partner: 'Association des femmes de Ségou' }, 3);
    const { calls, fetcher } = server(() => ({
      status: 409,
      body: {
        error: {
          code: 'version_conflict',
          message: 'L’élément a été modifié par quelqu’un d’autre depuis votre lecture.',
          current: theirs,
        },
      },
    }));
    const result = await sendOutbox(fetcher);
    expect(result.refused).toEqual([record.id]);
    const kept = await getRecord(record.id);
    expect(kept?.status).toBe('refused');
    expect(kept?.refusal).toMatchObject({
      status: 409,
      code: 'version_conflict',
      message: 'L’élément a été modifié par quelqu’un d’autre depuis votre lecture.',
    });
    expect(kept?.refusal?.current?.partner).toBe('Association des femmes de Ségou');
    // what the person changed is all there, to compare and choose
    expect(kept?.body.description).toBe(body.description);
    expect(kept?.form).toEqual({ edited: true });
    // and it is never sent again on its own (the colleague's change is not written over)
    await sendOutbox(fetcher);
    expect(calls).toHaveLength(1);
    expect((await getRecord(record.id))?.status).toBe('refused');
  });

  it('is sent again over the colleague’s version when the person keeps theirs', async () => {
    const record = aChange(2);
    await putRecord(record);
    const conflict = server(() => ({
      status: 409,
      body: { error: { code: 'version_conflict', message: 'conflict', current: held({ partner: 'X' }, 3) } },
    }));
    await sendOutbox(conflict.fetcher);
    // "keep mine": the same record, now made from version 3
    await putRecord({ ...record, change: { activityId, version: 3 } });
    const ok = server(() => ({ status: 200, body: held({}, 4) }));
    const result = await sendOutbox(ok.fetcher);
    expect(ok.calls[0]!.body).toMatchObject({ version: 3 });
    expect(result.sent).toEqual([record.id]);
    expect(await listRecords()).toHaveLength(0);
  });

  it('counts as sent when the server already holds exactly this change (its answer was lost on the way)', async () => {
    const record = aChange(2);
    await putRecord(record);
    // the first sending reached the server, which moved the activity to version 3 with this change
    const { fetcher } = server(() => ({
      status: 409,
      body: { error: { code: 'version_conflict', message: 'conflict', current: held({}, 3) } },
    }));
    const result = await sendOutbox(fetcher);
    expect(result.sent).toEqual([record.id]);
    expect(result.refused).toEqual([]);
    expect(await getRecord(record.id)).toBeUndefined();
  });

  it('waits, pending, when there is no connection', async () => {
    const record = aChange(2);
    await putRecord(record);
    const { fetcher } = server(() => 'no-network');
    const result = await sendOutbox(fetcher);
    expect(result.stopped).toBe('offline');
    expect((await getRecord(record.id))?.status).toBe('pending');
  });

  it('is found by the activity it changes, for its owner only', async () => {
    const record = aChange(2);
    await putRecord(record);
    expect((await changeOf(activityId, owner))?.id).toBe(record.id);
    expect(await changeOf(activityId, '00000000-0000-4000-8000-0000000000cc')).toBeUndefined();
    expect(await changeOf('00000000-0000-4000-8000-0000000000dd', owner)).toBeUndefined();
  });
});

describe('records kept before changes existed', () => {
  it('are new activities, created with their identity', async () => {
    const { change: _none, ...old } = newRecord({
      slug: 'prosmed',
      body,
      form: {},
      photos: [],
      lang: 'en',
      owner,
    });
    await putRecord(old);
    const { calls, fetcher } = server(() => ({ status: 201, body: held({}, 1) }));
    await sendOutbox(fetcher);
    expect(calls[0]!.method).toBe('POST');
    expect(calls[0]!.path).toBe('/api/v1/programmes/prosmed/activities?lang=en');
    expect(calls[0]!.body).toMatchObject({ clientId: old.id });
  });
});

describe('alreadyApplied', () => {
  it('compares what a change says with the server’s activity, whatever the order of lists', () => {
    const two = {
      participants: [
        {
          category: 'community_members' as const,
          sex: 'male' as const,
          ageGroup: 'age_36_plus' as const,
          count: 9,
        },
        ...body.participants!,
      ],
    };
    const reversed = { participants: [...two.participants].reverse() };
    expect(alreadyApplied({ ...body, ...two }, held(reversed))).toBe(true);
    expect(alreadyApplied(body, held({ partner: 'Someone else' }))).toBe(false);
    expect(alreadyApplied(body, held({ description: null }))).toBe(false);
  });
});
