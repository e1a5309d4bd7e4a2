/**
 * Rows without an id of their own — an activity's participants, places and indicator links, a value's source,
 * a programme's co-funding — are audited against their parent: an activity's history says "participants:
 * 1011 → 777", with the child's natural key, as one change per request. Nothing a person writes escapes.
 */
import { sql } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { testApp } from '../../test/api-client.js';
import { aProgramme, type MadeProgramme } from '../../test/factories.js';
import { testEngines } from '../../test/test-database.js';
import { testSuite } from '../../test/test-suite.js';

type Row = Record<string, unknown>;
const rowsOf = (result: unknown) => (result as { rows: Row[] }).rows;

interface Event {
  id: number;
  action: string;
  entity: string;
  entityId: string;
  actor: { label: string };
  before: Row | null;
  after: Row | null;
}

const activity = {
  kind: 'sensitisation',
  title: { fr: 'Causerie sur la cohésion sociale' },
  startDate: '2024-03-04',
  organisation: 'UNDP',
  output: '2.1',
  indicators: [],
  places: [{ area: 'Mopti' }],
  participants: [{ category: 'community_members', sex: 'female', ageGroup: 'age_18_35', count: 1011 }],
};
const group = 'community_members|female|age_18_35|';

/**
 * The tables whose rows are bookkeeping, not anyone's work: the only ones without audit triggers. The live
 * aggregates (`agg_*`, decision 0026) are written by triggers from the audited activities, never by a person.
 */
const BOOKKEEPING = [
  'agg_activities',
  'agg_activity_cercles',
  'agg_activity_facts',
  'agg_cercles',
  'agg_participants',
  'agg_places',
  'audit_events',
  'rate_limit_hits',
  'report_revisions',
  'sessions',
  'sign_in_failures',
];

describe.each(testEngines)('audit of rows without an id on %s', (engine) => {
  let activityId: string;
  // a joint programme of 2024–2026 (outputs 1.1 and 2.1, indicators 2.1.1 to 2.1.3), and a project
  let joint: MadeProgramme;
  let project: MadeProgramme;
  const suite = testSuite(engine, {
    data: async (database) => {
      joint = await aProgramme(database, {
        kind: 'joint_programme',
        startDate: '2024-01-01',
        framework: { outcomes: 2, outputs: 1, indicators: 3, effectiveDate: '2024-01-01' },
      });
      project = await aProgramme(database);
    },
  });
  beforeAll(async () => {
    const created = await suite.app.inject({
      method: 'POST',
      url: `/api/v1/programmes/${joint.slug}/activities`,
      payload: activity,
    });
    expect(created.statusCode).toBe(201);
    activityId = created.json().id;
  });

  const history = async (query: string) => {
    const res = await suite.app.inject({ url: `/api/v1/audit?${query}` });
    expect(res.statusCode).toBe(200);
    return res.json() as { items: Event[]; labels: Record<string, string> };
  };
  const patch = async (payload: object) => {
    const current = (await suite.app.inject({ url: `/api/v1/activities/${activityId}` })).json();
    const res = await suite.app.inject({
      method: 'PATCH',
      url: `/api/v1/activities/${activityId}`,
      payload: { version: current.version, ...payload },
    });
    expect(res.statusCode).toBe(200);
  };

  it('records the creation of an activity with its participants and places', async () => {
    const { items } = await history(`entity=activities&id=${activityId}`);
    expect(items).toHaveLength(1);
    expect(items[0]).toMatchObject({
      action: 'insert',
      entity: 'activities',
      entityId: activityId,
      actor: { label: 'admin@test.jalon' },
      after: {
        title_fr: 'Causerie sur la cohésion sociale',
        participants: { [group]: 1011 },
        places: { 'ML-5.MOPTI': { order: 1 } },
      },
    });
    // no indicator link was written: the creation has none to tell
    expect(items[0]!.after).not.toHaveProperty('indicators');
  });

  it('records a PATCH of participants, places and indicator links as one change with before and after', async () => {
    await patch({
      participants: [{ ...activity.participants[0], count: 777 }],
      places: [{ area: 'Ségou', note: 'Markala' }, { area: 'Mopti' }],
      indicators: ['2.1.3'],
    });
    const { items, labels } = await history(`entity=activities&id=${activityId}`);
    expect(items.map((e) => e.action)).toEqual(['update', 'insert']);
    expect(items[0]).toMatchObject({
      actor: { label: 'admin@test.jalon' },
      before: {
        participants: { [group]: 1011 },
        places: { 'ML-5.MOPTI': { order: 1 } },
        indicators: {},
      },
      after: {
        participants: { [group]: 777 },
        places: { 'ML-4.SEGOU': { order: 1, note: 'Markala' }, 'ML-5.MOPTI': { order: 2 } },
        indicators: { '2.1.3': true },
      },
    });
    // the places are named for the reader
    expect(labels['ML-4.SEGOU']).toBe('Ségou');
  });

  it('says nothing of children rewritten as they were', async () => {
    await patch({ title: { fr: 'Causerie sur la cohésion sociale à Ségou' } });
    const { items } = await history(`entity=activities&id=${activityId}`);
    expect(items[0]!.action).toBe('update');
    expect(items[0]!.after).toEqual({ title_fr: 'Causerie sur la cohésion sociale à Ségou' });
    expect(items[0]!.before).toEqual({ title_fr: 'Causerie sur la cohésion sociale' });
  });

  it("shows the change in the programme's trail, in the CSV too, and pages without splitting a change", async () => {
    // the trail is the drafting's, field by field: its writers read it, a reader (a donor) does not (decision 0016)
    const donor = await testApp(suite.database, {
      as: { email: 'lecteur@test.jalon', memberships: [{ programme: joint.slug, role: 'viewer' }] },
    });
    const refused = await donor.inject({ url: `/api/v1/audit?programme=${joint.slug}&entity=activities` });
    expect(refused.statusCode).toBe(403);
    await donor.close();
    const viewer = await testApp(suite.database, {
      as: { email: 'coordination@test.jalon', memberships: [{ programme: joint.slug, role: 'coordinator' }] },
    });
    const res = await viewer.inject({
      url: `/api/v1/audit?programme=${joint.slug}&entity=activities&id=${activityId}`,
    });
    const items = res.json().items as Event[];
    expect(items.map((e) => e.action)).toEqual(['update', 'update', 'insert']);
    expect(items[1]!.after).toMatchObject({ participants: { [group]: 777 } });
    const csv = (
      await viewer.inject({
        url: `/api/v1/audit?programme=${joint.slug}&entity=activities&id=${activityId}&format=csv`,
      })
    ).body;
    const lines = csv.trim().split('\n');
    expect(lines).toHaveLength(4);
    expect(lines[2]).toContain('""participants"":{""community_members|female|age_18_35|"":1011}');
    expect(lines[2]).toContain('""participants"":{""community_members|female|age_18_35|"":777}');
    await viewer.close();

    // one event per page: the same three changes, none split across pages
    const paged: Event[] = [];
    let before = '';
    for (let i = 0; i < 5; i++) {
      const page = (await history(`entity=activities&id=${activityId}&limit=1${before}`)).items;
      if (page.length === 0) break;
      paged.push(...page);
      before = `&before=${page.at(-1)!.id}`;
    }
    expect(paged.map((e) => [e.action, Object.keys(e.after ?? {}).sort()])).toEqual(
      items.map((e) => [e.action, Object.keys(e.after ?? {}).sort()]),
    );
  });

  it("records a value's source with the value, and its change", async () => {
    const framework = (await suite.app.inject({ url: `/api/v1/programmes/${joint.slug}/framework` })).json();
    const indicator = framework.outcomes[0].outputs[0].indicators[0];
    const added = await suite.app.inject({
      method: 'POST',
      url: `/api/v1/indicators/${indicator.id}/values`,
      payload: {
        periodStart: '2024-01-01',
        periodEnd: '2024-06-30',
        value: { text: '12' },
        note: 'Registre de la mairie',
      },
    });
    expect(added.statusCode).toBe(201);
    const value = (added.json().values as { id: string; version: number; note: string | null }[]).find(
      (v) => v.note === 'Registre de la mairie',
    )!;
    const changed = await suite.app.inject({
      method: 'PATCH',
      url: `/api/v1/indicator-values/${value.id}`,
      payload: { version: value.version, note: 'Registre du cercle' },
    });
    expect(changed.statusCode).toBe(200);
    const { items } = await history(`entity=indicator_values&id=${value.id}`);
    expect(items.map((e) => e.action)).toEqual(['update', 'insert']);
    expect(items[1]!.after).toMatchObject({ source: { note: 'Registre de la mairie', entered_by: 'admin' } });
    expect(items[0]).toMatchObject({
      before: { source: { note: 'Registre de la mairie' } },
      after: { source: { note: 'Registre du cercle' } },
    });
  });

  it("records co-funding on both programmes' histories, and a change of a place's names", async () => {
    const [projectId, jointId] = [project.id, joint.id];
    await suite.database.db.execute(
      sql`insert into programme_cofunding (joint_programme_id, project_id, note) values (${jointId}, ${projectId}, 'Volet jeunes')`,
    );
    await suite.database.db.execute(
      sql`update programme_cofunding set note = 'Volet femmes et jeunes' where joint_programme_id = ${jointId} and project_id = ${projectId}`,
    );
    const onJoint = (await history(`entity=programmes&id=${jointId}`)).items;
    expect(onJoint[0]).toMatchObject({
      action: 'update',
      before: { cofunding_projects: { [projectId]: { note: 'Volet jeunes' } } },
      after: { cofunding_projects: { [projectId]: { note: 'Volet femmes et jeunes' } } },
    });
    expect(onJoint[1]).toMatchObject({
      action: 'update',
      before: { cofunding_projects: {} },
      after: { cofunding_projects: { [projectId]: { note: 'Volet jeunes' } } },
    });
    const onProject = (await history(`entity=programmes&id=${projectId}`)).items;
    expect(onProject[0]).toMatchObject({
      after: { cofunded_programmes: { [jointId]: { note: 'Volet femmes et jeunes' } } },
    });

    await suite.database.db.execute(
      sql`update admin_areas set aliases = array_append(aliases, 'Ségou-Koura') where code = 'ML-4.SEGOU'`,
    );
    const [area] = (await history('entity=admin_areas&id=ML-4.SEGOU')).items;
    expect(area).toMatchObject({
      action: 'update',
      after: { aliases: expect.arrayContaining(['Ségou-Koura']) },
    });
  });

  it('audits every table but the bookkeeping ones, and refuses a new table it could not audit', async () => {
    const unaudited = rowsOf(
      await suite.database.db.execute(sql`
        select c.relname as name from pg_class c join pg_namespace n on n.oid = c.relnamespace
         where n.nspname = 'public' and c.relkind = 'r'
           and not exists (select 1 from pg_trigger g where g.tgrelid = c.oid and g.tgname like 'jalon_audit_%')
         order by 1`),
    ).map((r) => r.name);
    expect(unaudited).toEqual(BOOKKEEPING);

    // a table with a key but no id is audited on its own, by its key
    await suite.database.db.execute(sql`create table test_keyed (code text primary key, label text)`);
    await suite.database.db.execute(sql`select jalon_attach_audit()`);
    await suite.database.db.execute(sql`insert into test_keyed values ('K1', 'un')`);
    await suite.database.db.execute(sql`update test_keyed set label = 'deux'`);
    const keyed = (await history('entity=test_keyed&id=K1')).items;
    expect(keyed.map((e) => [e.action, e.after])).toEqual([
      ['update', { label: 'deux' }],
      ['insert', { code: 'K1', label: 'un' }],
    ]);
    // a table with neither an id, nor a key, nor a parent: the migration that adds it fails, loudly
    await suite.database.db.execute(sql`create table test_loose (a text)`);
    const refused = await suite.database.db.execute(sql`select jalon_attach_audit()`).then(
      () => null,
      (error: Error) => error,
    );
    expect(String((refused?.cause as Error | undefined)?.message ?? refused)).toMatch(/test_loose/);
    await suite.database.db.execute(sql`drop table test_loose`);
    await suite.database.db.execute(sql`drop table test_keyed`);
  });
});
