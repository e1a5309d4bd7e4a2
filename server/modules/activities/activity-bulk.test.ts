/**
 * The import writer does the triggers' work once per write (decision 0031): while it COPYs, the INSERT
 * triggers of the activities and their parts stand aside, and `jalon_bulk_finish_activities` writes one audit
 * event per activity with its parts in it. The trail must read exactly as if the row triggers had written it
 * (the summaries' side is `dashboards/live-aggregates.test.ts`, against a full recomputation).
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { sql } from 'drizzle-orm';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ActivityCreate } from '../../../core/contracts/activities.js';
import type { Database } from '../../db/client.js';
import { SUMMARY_TABLES } from '../../db/statistics.js';
import { testApp } from '../../test/api-client.js';
import { aProgramme, type MadeProgramme } from '../../test/factories.js';
import { createTestDatabase, testEngines } from '../../test/test-database.js';
import { z } from 'zod';
import { insertActivities, orderedIds, type BulkItem } from './activity-bulk.js';
import { fieldHeader, guessMapping } from '../../documents/xlsx/activities-layout.js';
import { checkedActivityStream, emptyTally, lastRowsOf, referenceColumn } from './import-rows.js';
import type { ProgrammeFacts } from './activity-check.js';
import { checkActivity, programmeFacts } from './activity-check.js';
import { withDefaults } from './activities.service.js';

type Row = Record<string, unknown>;
const rowsOf = (result: unknown) => (result as { rows: Row[] }).rows;

const full: ActivityCreate = {
  kind: 'sensitisation',
  title: { fr: 'Causerie importée' },
  startDate: '2024-03-04',
  organisation: 'UNDP',
  output: '2.1',
  indicators: ['2.1.1', '2.1.2'],
  // text the trail's JSON must escape (quotes, backslash, line breaks, tab, accents, an emoji) and a decimal
  description: 'Ligne 1\n« citée » "ainsi" \\ C:\\dossier\ttab\r\nfin 😀',
  partner: 'ONG "Azhar"',
  quantity: 12.5,
  quantityUnit: 'kits',
  places: [
    { area: 'Mopti', note: 'Sévaré "centre"' },
    { area: 'Ségou', note: null },
  ],
  participants: [
    { category: 'community_members', sex: 'female', ageGroup: 'age_18_35', count: 12 },
    { category: 'community_members', sex: 'female', ageGroup: 'age_18_35', count: 3 },
    { category: 'community_members', sex: 'male', ageGroup: 'age_18_35', count: 7, area: 'Mopti' },
  ],
};
const bare: ActivityCreate = {
  ...full,
  title: { fr: 'Sans rien' },
  indicators: [],
  places: [],
  participants: [],
};

/** Every source file of the server but the tests. */
function sources(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return sources(path);
    return /\.ts$/.test(name) && !/\.test\.ts$/.test(name) ? [path] : [];
  });
}

describe('the ids of the import writer', () => {
  it('are version 7 ids, each greater than the one before, none repeated', () => {
    const next = orderedIds();
    const ids = Array.from({ length: 5_000 }, () => next());
    for (const id of ids) {
      expect(z.uuid().safeParse(id).success).toBe(true);
      expect(id[14]).toBe('7');
    }
    // as PostgreSQL orders uuids: byte by byte, so as their text
    for (let i = 1; i < ids.length; i++) expect(ids[i]! > ids[i - 1]!).toBe(true);
    expect(new Set(ids).size).toBe(ids.length);
    // two writes started at once take ids apart from each other's
    const other = orderedIds();
    const theirs = Array.from({ length: 5_000 }, () => other());
    expect(new Set([...ids, ...theirs]).size).toBe(10_000);
  });
});

describe.each(testEngines)('the import writer on %s', (engine) => {
  let database: Database;
  let admin: FastifyInstance;
  let programme: MadeProgramme;
  let items: BulkItem[];
  let facts: ProgrammeFacts;
  const asAdmin = sql`select set_config('jalon.actor_id', '', true), set_config('jalon.actor_label', 'importer@test.jalon', true)`;

  beforeAll(async () => {
    database = await createTestDatabase(engine, { seed: false });
    programme = await aProgramme(database, {
      kind: 'joint_programme',
      startDate: '2024-01-01',
      framework: { outcomes: 2, outputs: 1, indicators: 3, effectiveDate: '2024-01-01' },
    });
    admin = await testApp(database);
    facts = await programmeFacts(database.db, programme.slug);
    items = [full, bare].map((a) => {
      const checked = checkActivity(facts, withDefaults(a, null), 'fr');
      if (!checked.activity) throw new Error(JSON.stringify(checked.issues));
      return { activity: checked.activity };
    });
  });
  afterAll(async () => {
    await admin.close();
    await database.close();
  });

  const history = async (id: string) => {
    const res = await admin.inject({ url: `/api/v1/audit?entity=activities&id=${id}` });
    expect(res.statusCode).toBe(200);
    return (res.json() as { items: Row[] }).items;
  };
  const summaries = async () => {
    const out: Record<string, string[]> = {};
    for (const table of SUMMARY_TABLES)
      out[table] = rowsOf(await database.db.execute(sql.raw(`select to_jsonb(x)::text as j from ${table} x`)))
        .map((r) => String(r.j))
        .sort();
    return out;
  };
  const rawEvents = async (id: string) =>
    Number(
      rowsOf(
        await database.db.execute(sql`select count(*) as n from audit_events where entity_id = ${id}`),
      )[0]!.n,
    );

  /** The imported activities written again by plain SQL, in one transaction: the row triggers write their trail. */
  const copiedByRowTriggers = async (imported: string[]) =>
    (await database.db.transaction(async (tx) => {
      await tx.execute(asAdmin);
      await tx.execute(sql`
        create temp table copied on commit drop as
        select id as old, gen_random_uuid() as new from activities where id = any (${`{${imported.join(',')}}`}::uuid[])`);
      await tx.execute(sql`insert into activities select (jsonb_populate_record(null::activities,
        to_jsonb(a) || jsonb_build_object('id', m.new))).* from activities a join copied m on m.old = a.id`);
      for (const table of ['activity_indicators', 'activity_places', 'activity_participants'])
        await tx.execute(
          sql.raw(`insert into ${table} select (jsonb_populate_record(null::${table},
            to_jsonb(c) || jsonb_build_object('activity_id', m.new))).* from ${table} c join copied m on m.old = c.activity_id`),
        );
      return rowsOf(await tx.execute(sql`select old, new from copied`));
    })) as { old: string; new: string }[];
  /** Each imported activity's creation reads as its copy's latest event (the row triggers'), but for the id. */
  const expectTheRowTriggersTrail = async (copies: { old: string; new: string }[]) => {
    for (const { old, new: copy } of copies) {
      const [mine] = await history(old);
      const [theirs] = await history(copy);
      expect(mine).toMatchObject({ action: 'insert', actor: { label: 'importer@test.jalon' }, before: null });
      expect({ ...(mine!.after as Row), id: copy }).toEqual(theirs!.after);
      expect(mine!.actor).toEqual(theirs!.actor);
    }
  };

  it('writes one creation per activity, its parts in it, read as the row triggers would have written it', async () => {
    const imported = await database.db.transaction(async (tx) => {
      await tx.execute(asAdmin);
      return insertActivities(tx, programme.id, items, { kind: 'imported' });
    });
    const copies = await copiedByRowTriggers(imported);
    expect(copies).toHaveLength(2);
    await expectTheRowTriggersTrail(copies);
    const [withParts] = await history(imported[0]!);
    expect(withParts!.after).toMatchObject({
      title_fr: 'Causerie importée',
      source: 'imported',
      indicators: { '2.1.1': true, '2.1.2': true },
      places: { 'ML-5.MOPTI': { order: 1, note: 'Sévaré "centre"' }, 'ML-4.SEGOU': { order: 2 } },
    });
    // two rows of one key are one entry of the part, their counts summed
    const participants = (withParts!.after as Row).participants as Record<string, number>;
    expect(Object.keys(participants)).toHaveLength(2);
    expect(Object.values(participants).reduce((a, b) => a + b, 0)).toBe(22);
    expect((withParts!.after as Row).quantity).toBe(12.5);
    const [nothing] = await history(imported[1]!);
    for (const part of ['indicators', 'places', 'participants'])
      expect(nothing!.after).not.toHaveProperty(part);
    // one row of the trail per imported activity (the row triggers wrote four for the first)
    expect(await rawEvents(imported[0]!)).toBe(1);
    expect(await rawEvents(imported[1]!)).toBe(1);
    expect(await rawEvents(copies[0]!.new as string)).toBeGreaterThan(1);
    const live = await summaries();
    await database.db.execute(sql`select jalon_agg_rebuild()`);
    expect(live).toEqual(await summaries());
  });

  it('gives each activity of one finish its own parts, as the row triggers would', async () => {
    // parts that differ from one activity to the next, so that one activity's parts put in another's event, or
    // a key's rows not summed, or an empty part written, reads differently from the row triggers' trail
    const varied: ActivityCreate[] = [
      {
        ...full,
        title: { fr: 'Élèves' },
        indicators: [],
        places: [{ area: 'Ségou', note: null }],
        participants: [
          { category: 'pupils', sex: 'male', ageGroup: 'under_18', count: 4 },
          { category: 'pupils', sex: 'male', ageGroup: 'under_18', count: 5, area: 'Ségou' },
          { category: 'pupils', sex: 'male', ageGroup: 'under_18', count: 6 },
          { category: 'teachers', sex: 'female', ageGroup: 'age_36_plus', count: 1 },
        ],
      },
      bare,
      {
        ...full,
        title: { fr: 'Lieux' },
        indicators: ['2.1.2'],
        places: [
          { area: 'Ségou', note: 'L\'école « Bâ » \\ "n°2"' },
          { area: 'Mopti', note: null },
        ],
        participants: [],
      },
      full,
    ];
    const written = varied.map((a) => {
      const checked = checkActivity(facts, withDefaults(a, null), 'fr');
      if (!checked.activity) throw new Error(JSON.stringify(checked.issues));
      return { activity: checked.activity };
    });
    // the check adds up a cell given twice (4 + 6 above): a second row of that key, written as it is, is what
    // the trail's sum per key is for
    const cells = written[0]!.activity.participants;
    expect(cells).toHaveLength(3);
    cells.push({ ...cells[0]!, count: 7 });
    const imported = await database.db.transaction(async (tx) => {
      await tx.execute(asAdmin);
      return insertActivities(tx, programme.id, written, { kind: 'imported' });
    });
    const copies = await copiedByRowTriggers(imported);
    expect(copies).toHaveLength(4);
    await expectTheRowTriggersTrail(copies);
    const after = async (id: string) => (await history(id))[0]!.after as Row;
    const pupils = await after(imported[0]!);
    expect(Object.values(pupils.participants as Record<string, number>).sort((a, b) => a - b)).toEqual([
      1, 5, 17,
    ]);
    expect(pupils).not.toHaveProperty('indicators');
    expect(pupils.places).toEqual({ 'ML-4.SEGOU': { order: 1 } });
    expect(await after(imported[1]!)).not.toHaveProperty('places');
    const places = await after(imported[2]!);
    expect(places).not.toHaveProperty('participants');
    expect(places.indicators).toEqual({ '2.1.2': true });
    expect(places.places).toEqual({
      'ML-4.SEGOU': { order: 1, note: 'L\'école « Bâ » \\ "n°2"' },
      'ML-5.MOPTI': { order: 2 },
    });
    expect(Object.keys((await after(imported[3]!)).participants as object)).toHaveLength(2);
  });

  it('leaves the triggers to every write that follows in the same transaction', async () => {
    const id = await database.db.transaction(async (tx) => {
      await tx.execute(asAdmin);
      const [first] = await insertActivities(tx, programme.id, items.slice(1), { kind: 'imported' });
      await tx.execute(
        sql`insert into activity_places (activity_id, area_code, sort) values (${first}, 'ML-5.MOPTI', 0)`,
      );
      await tx.execute(sql`update activities set title_fr = 'Renommée' where id = ${first}`);
      const setting = rowsOf(await tx.execute(sql`select jalon_bulk_deferred() as deferred`))[0]!;
      expect(setting.deferred).toBe(false);
      return first!;
    });
    const [event] = await history(id);
    expect(event!.after).toMatchObject({ title_fr: 'Renommée', places: { 'ML-5.MOPTI': { order: 1 } } });
    // the summaries saw the place added after the import, and equal their full recomputation
    const live = await summaries();
    await database.db.execute(sql`select jalon_agg_rebuild()`);
    expect(live).toEqual(await summaries());
  });

  const titled = (title: string, i: number): BulkItem => ({
    activity: { ...items[i % 2]!.activity, titleFr: title },
  });
  const countTitled = async (prefix: string) =>
    Number(
      rowsOf(
        await database.db.execute(
          sql`select count(*) as n from activities where title_fr like ${`${prefix}%`}`,
        ),
      )[0]!.n,
    );

  it('takes the activities from an iterable a batch at a time, and writes them all', async () => {
    let taken = 0;
    const seen: { taken: number; size: number }[] = [];
    function* made() {
      for (let i = 0; i < 5; i++) {
        taken++;
        yield titled(`Lot ${i}`, i);
      }
    }
    const ids = await database.db.transaction(async (tx) => {
      await tx.execute(asAdmin);
      return insertActivities(
        tx,
        programme.id,
        made(),
        { kind: 'imported' },
        {
          batch: 2,
          written: (batch, batchIds) => {
            expect(batchIds).toHaveLength(batch.length);
            seen.push({ taken, size: batch.length });
          },
        },
      );
    });
    // each batch was written before the next was made: the writer never held more than a batch
    expect(seen).toEqual([
      { taken: 2, size: 2 },
      { taken: 4, size: 2 },
      { taken: 5, size: 1 },
    ]);
    expect(ids).toHaveLength(5);
    expect(await countTitled('Lot ')).toBe(5);
    for (const id of ids) expect(await rawEvents(id)).toBe(1);
    const live = await summaries();
    await database.db.execute(sql`select jalon_agg_rebuild()`);
    expect(live).toEqual(await summaries());
  });

  it("does the triggers' work once per round of activities, as once for all of them", async () => {
    const ids = await database.db.transaction(async (tx) => {
      await tx.execute(asAdmin);
      // rounds of COPYs of 2 activities, the finish after every 3 or more: finishes of 4, 4 and 1 activities
      return insertActivities(
        tx,
        programme.id,
        Array.from({ length: 9 }, (_, i) => titled(`Tour ${i}`, i)),
        { kind: 'imported' },
        { batch: 2, finishEvery: 3 },
      );
    });
    expect(ids).toHaveLength(9);
    expect(await countTitled('Tour ')).toBe(9);
    for (const id of ids) expect(await rawEvents(id)).toBe(1);
    const [event] = await history(ids[8]!);
    expect(event).toMatchObject({ action: 'insert', after: { title_fr: 'Tour 8' } });
    const live = await summaries();
    await database.db.execute(sql`select jalon_agg_rebuild()`);
    expect(live).toEqual(await summaries());
  });

  it('writes nothing when the activities fail after some batches were written', async () => {
    function* failing() {
      for (let i = 0; i < 5; i++) {
        if (i === 3) throw new Error('row 4 cannot be read');
        yield titled(`Moitié ${i}`, i);
      }
    }
    const before = await summaries();
    await expect(
      database.db.transaction(async (tx) => {
        await tx.execute(asAdmin);
        return insertActivities(tx, programme.id, failing(), { kind: 'imported' }, { batch: 2 });
      }),
    ).rejects.toThrow('row 4 cannot be read');
    expect(await countTitled('Moitié ')).toBe(0);
    expect(await summaries()).toEqual(before);
  });

  it('gives an activity of rows far apart once its last row is read, whole', async () => {
    const fields = ['reference', 'title', 'kind', 'startDate', 'organisation', 'female.age_18_35'] as const;
    const headers = fields.map((f) => fieldHeader(f, 'fr'));
    const row = (n: number, ref: string, count: number) => ({
      row: n,
      cells: [ref, `Atelier ${ref}`, 'Atelier', '2024-03-04', 'UNDP', count],
    });
    // A's rows are 2 and 5, B's 3, C's 4 and 6
    const table = {
      name: 'CSV',
      headers,
      rows: [row(2, 'A', 1), row(3, 'B', 2), row(4, 'C', 3), row(5, 'A', 4), row(6, 'C', 5)],
    };
    const mapping = guessMapping(headers, null);
    const tally = emptyTally();
    // the import's pass when a reference comes back after another: the last row of each, found first
    const grouping = { lastRow: await lastRowsOf(table.rows, referenceColumn(headers, mapping), new Set()) };
    const stream = {
      headers,
      async *rows() {
        yield* table.rows;
      },
    };
    const made = checkedActivityStream(stream, mapping, facts, new Set(), 'fr', () => true, tally, grouping);
    const items = [];
    for await (const item of made) items.push(item);
    const order = items.map((item) => `${item.externalId}:${item.rows.join('+')}`);
    expect(tally.errorCount).toBe(0);
    expect(order).toEqual(['B:3', 'A:2+5', 'C:4+6']);
    expect(tally).toMatchObject({ activityCount: 3, participants: 15, rowCount: 5 });
    expect(tally.sample.map((s) => s.reference)).toEqual(['A', 'B', 'C']);
    // A's participants added up over its two rows
    const a = items.find((item) => item.externalId === 'A')!;
    expect(a.activity.participants.reduce((n, p) => n + p.count, 0)).toBe(5);
  });

  it('is the only writer that sets the flag the triggers read', () => {
    const setters = sources(join(import.meta.dirname, '../..')).filter((path) =>
      readFileSync(path, 'utf8').includes("'jalon.bulk_write'"),
    );
    expect(setters.map((path) => path.replace(/^.*\/server\//, 'server/'))).toEqual([
      'server/modules/activities/activity-bulk.ts',
    ]);
  });
});
