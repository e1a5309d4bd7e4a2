/**
 * Issue 16's done-test for KoboToolbox/ODK: a programme's XLSForm downloaded from Jalon, an export of
 * submissions to it fabricated as Kobo writes it (CSV and XLSX) and as ODK Central does, imported through the
 * one pipeline with no mapping step (upload → commit), and imported again creating nothing. The programme is
 * the test's own (its framework of 12 indicators, two agencies); its form carries all of Mali's places, the
 * reference data of the migrations.
 */
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { sql } from 'drizzle-orm';
import type { FastifyInstance } from 'fastify';
import JSZip from 'jszip';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FileImport } from '../../../core/contracts/imports.js';
import type { Database } from '../../db/client.js';
import type { XlsForm } from '../../documents/xlsform/activity-form.js';
import { xlsFormProblems } from '../../documents/xlsform/xlsform-spec.js';
import { testApp } from '../../test/api-client.js';
import { aProgramme } from '../../test/factories.js';
import { exportCsv, exportXlsx, readXlsForm, type Answers, type Submission } from '../../test/kobo-export.js';
import { createTestDatabase, testEngines } from '../../test/test-database.js';

describe.each(testEngines)('imports of Kobo/ODK exports of Jalon’s XLSForm on %s', (engine) => {
  let database: Database;
  let app: FastifyInstance;
  let form: XlsForm;
  let slug: string;
  let code: string;
  const rows = async <T>(query: ReturnType<typeof sql>) =>
    ((await database.db.execute(query)) as unknown as { rows: T[] }).rows;
  const activityCount = async () =>
    (
      await rows<{ n: number }>(
        sql`select count(*)::int as n from activities a join programmes p on p.id = a.programme_id where p.slug = ${slug}`,
      )
    )[0]!.n;

  beforeAll(async () => {
    database = await createTestDatabase(engine);
    // UNDP and UN Women; 2 outcomes of 2 outputs, 2 indicators each: 12 indicators
    ({ slug, code } = await aProgramme(database, { framework: { outcomes: 2, outputs: 2, indicators: 2 } }));
    app = await testApp(database);
    form = await readXlsForm((await app.inject({ url: `/api/v1/programmes/${slug}/xlsform` })).rawPayload);
  });
  afterAll(async () => {
    await app.close();
    await database.close();
  });

  const upload = (body: Buffer | string, fileName: string) =>
    app.inject({
      method: 'POST',
      url: `/api/v1/programmes/${slug}/imports?kind=activities&fileName=${encodeURIComponent(fileName)}&lang=fr`,
      payload: body,
      headers: { 'content-type': 'application/octet-stream' },
    });
  /** upload then commit at once: no mapping step */
  const importOnce = async (body: Buffer | string, fileName: string) => {
    const uploaded: FileImport = (await upload(body, fileName)).json();
    if (!uploaded.canCommit) return { uploaded, committed: null };
    const committed = await app.inject({
      method: 'POST',
      url: `/api/v1/imports/${uploaded.id}/commit`,
      payload: { version: uploaded.version },
    });
    expect(committed.statusCode).toBe(200);
    return { uploaded, committed: committed.json() as FileImport & { result: { created: number } } };
  };

  const choice = (list: string, where: (c: Record<string, string>) => boolean = () => true) =>
    form.choices.find((c) => c.list_name === list && where(c))!.name!;
  /** a submission as a focal point would make it: a commune of Ségou, two categories of participants */
  const submission = (uuid: string, title: string, extra: Answers = {}): Submission => {
    const cercle = choice('cercle', (c) => c.name === 'ML-4.SEGOU');
    return {
      uuid,
      answers: {
        start: '2025-06-10T08:00:00.000+00:00',
        end: '2025-06-10T09:00:00.000+00:00',
        jalon_programme: slug,
        jalon_version: form.settings.version!,
        title,
        kind: 'training',
        agency: choice('agency'),
        partner: 'AMSS',
        start_date: '2025-06-10',
        end_date: '2025-06-11',
        count_basis: 'distinct',
        description: 'Formation des membres des commissions foncières',
        region: 'ML-4',
        cercle,
        commune: choice('commune', (c) => c.cercle === cercle),
        village: 'Dioro',
        categories: 'local_authorities women_youth_associations',
        n_local_authorities_m_36p: 9,
        n_local_authorities_f_18_35: 3,
        n_women_youth_associations_f_18_35: 12,
        total_participants: 24,
        photo_1: 'IMG_0001.jpg',
        ...extra,
      },
    };
  };

  it('downloads the programme’s form, which follows the XLSForm specification', async () => {
    const res = await app.inject({ url: `/api/v1/programmes/${slug}/xlsform?lang=fr` });
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toContain('spreadsheetml');
    expect(res.headers['content-disposition']).toMatch(
      new RegExp(`${code.replace(/\//g, '-')}-formulaire-kobo-odk-[0-9a-f]{10}\\.xlsx`),
    );
    const read = await readXlsForm(res.rawPayload);
    expect(read.sheets).toEqual(['survey', 'choices', 'settings']);
    expect(xlsFormProblems(read)).toEqual([]);
    expect(read.settings.form_id).toBe(`jalon_activities_${slug.replace(/-/g, '_')}`);
    // the programme's own lists, and every place of the bundled geography
    const list = (name: string) => read.choices.filter((c) => c.list_name === name);
    expect(list('agency').map((c) => c.name)).toEqual(expect.arrayContaining(['UNDP', 'UNWOMEN']));
    expect(list('indicator')).toHaveLength(12);
    const counts = await rows<{ level: string; n: number }>(
      sql`select level, count(*)::int as n from admin_areas group by level`,
    );
    for (const { level, n } of counts) expect(list(level), level).toHaveLength(n);
    // the form's lists agree with what the import accepts: an anonymous reader may not download it
    const anonymous = await testApp(database, { as: null });
    expect((await anonymous.inject({ url: `/api/v1/programmes/${slug}/xlsform` })).statusCode).toBe(401);
    await anonymous.close();
  });

  it('imports a Kobo CSV export with no mapping, then again creating nothing', async () => {
    const before = await activityCount();
    const indicators = form.choices
      .filter((c) => c.list_name === 'indicator')
      .slice(0, 2)
      .map((c) => c.name)
      .join(' ');
    const submissions = [
      submission('5b1f6c7e-0001-4c3a-9a51-000000000001', 'Formation des COFO de Dioro', { indicators }),
      submission('5b1f6c7e-0001-4c3a-9a51-000000000002', 'Causerie à Markala', {
        kind: 'sensitisation',
        categories: 'community_members',
        n_local_authorities_m_36p: undefined,
        n_local_authorities_f_18_35: undefined,
        n_women_youth_associations_f_18_35: undefined,
        n_community_members_f_u18: 20,
        n_community_members_x_na: 5,
        total_participants: 25,
        commune: undefined,
      }),
      submission('5b1f6c7e-0001-4c3a-9a51-000000000003', 'Atelier de restitution'),
    ];
    const csv = exportCsv(form, submissions, 'kobo');
    const { uploaded, committed } = await importOnce(csv, 'kobo_activites_2025-06-20.csv');
    expect(uploaded).toMatchObject({ errorCount: 0, rowCount: 3, itemCount: 3, canCommit: true });
    expect(uploaded.mapping).toMatchObject({
      columns: {
        reference: '_uuid',
        title: 'activity/title',
        region: 'place/region',
        total: 'participants/total_participants',
      },
      form: { programme: slug, version: form.settings.version },
    });
    expect(uploaded.mapping!.cells).toHaveLength(16 * 12);
    expect(committed!.result.created).toBe(3);
    expect(await activityCount()).toBe(before + 3);

    // what was written: the submission's identity, its place, its participants by category, sex and age
    const written = await rows<{ external_id: string; title_fr: string; n: number; places: string }>(sql`
      select a.external_id, a.title_fr,
        (select sum(count)::int from activity_participants p where p.activity_id = a.id) as n,
        (select string_agg(area_code, ',') from activity_places l where l.activity_id = a.id) as places
      from activities a where a.external_id like '5b1f6c7e-0001-%' order by a.external_id`);
    expect(written.map((w) => [w.title_fr, w.n])).toEqual([
      ['Formation des COFO de Dioro', 24],
      ['Causerie à Markala', 25],
      ['Atelier de restitution', 24],
    ]);
    expect(written[0]!.places).toMatch(/^ML-4\.SEGOU\./);
    expect(written[1]!.places).toBe('ML-4.SEGOU');
    const byCategory = await rows<{ category: string; sex: string; age_group: string; count: number }>(sql`
      select category, sex, age_group, count from activity_participants p join activities a on a.id = p.activity_id
      where a.external_id = '5b1f6c7e-0001-4c3a-9a51-000000000001' order by category, sex, age_group`);
    expect(byCategory).toEqual([
      { category: 'local_authorities', sex: 'female', age_group: 'age_18_35', count: 3 },
      { category: 'local_authorities', sex: 'male', age_group: 'age_36_plus', count: 9 },
      { category: 'women_youth_associations', sex: 'female', age_group: 'age_18_35', count: 12 },
    ]);

    // the same export again, and a later export holding the same submissions: nothing new
    const again = await importOnce(csv, 'kobo_activites_2025-06-20.csv');
    expect(again.uploaded).toMatchObject({ errorCount: 0, itemCount: 0 });
    expect((again.uploaded.detail as { duplicateCount: number }).duplicateCount).toBe(3);
    expect(await activityCount()).toBe(before + 3);
  });

  it('imports a Kobo XLSX export and an ODK Central CSV export the same way, once', async () => {
    const before = await activityCount();
    const xlsx = await exportXlsx(
      form,
      [
        submission('7c2a0d31-0002-4b1e-8f00-000000000001', 'Dialogue intercommunautaire'),
        submission('7c2a0d31-0002-4b1e-8f00-000000000002', 'Match de la paix', { kind: 'event' }),
      ],
      'kobo',
    );
    const first = await importOnce(xlsx, 'kobo_activites.xlsx');
    expect(first.uploaded).toMatchObject({ format: 'xlsx', errorCount: 0, itemCount: 2 });
    expect(first.committed!.result.created).toBe(2);
    const second = await importOnce(xlsx, 'kobo_activites.xlsx');
    expect(second.uploaded).toMatchObject({ errorCount: 0, itemCount: 0 });

    const odk = exportCsv(form, [submission('9e4b-odk-0003', 'Formation des parajuristes')], 'odk');
    const central = await importOnce(odk, 'odk_activities.csv');
    expect(central.uploaded).toMatchObject({ errorCount: 0, itemCount: 1 });
    expect(central.uploaded.mapping!.columns).toMatchObject({
      reference: 'meta-instanceID',
      title: 'activity-title',
    });
    expect((await importOnce(odk, 'odk_activities.csv')).uploaded.itemCount).toBe(0);
    expect(await activityCount()).toBe(before + 3);
    expect(
      (
        await rows<{ n: number }>(
          sql`select count(*)::int as n from activities where external_id = 'uuid:9e4b-odk-0003'`,
        )
      )[0]!.n,
    ).toBe(1);
  });

  it('names every bad row by row and column, and writes nothing', async () => {
    const before = await activityCount();
    const csv = exportCsv(
      form,
      [
        submission('bad-0001', 'Bonne ligne'),
        submission('bad-0002', 'Compte illisible', { n_local_authorities_m_36p: 'neuf' }),
        submission('bad-0003', 'Total faux', { total_participants: 30 }),
        submission('bad-0004', 'Autre programme', { jalon_programme: 'pbf-mli-autre' }),
        submission('bad-0005', 'Agence inconnue', { agency: 'FAO' }),
      ],
      'kobo',
    );
    const { uploaded, committed } = await importOnce(csv, 'kobo.csv');
    expect(committed).toBeNull();
    expect(uploaded.canCommit).toBe(false);
    const byRow = (row: number) =>
      uploaded.issues.filter((i) => i.where.row === row && i.severity === 'error');
    expect(byRow(2)).toEqual([]);
    // an unreadable count: named in its column (and the total no longer adds up)
    expect(byRow(3)).toEqual([
      expect.objectContaining({
        where: expect.objectContaining({
          column: expect.stringMatching(
            /^[A-Z]+ \(participants\/p_local_authorities\/n_local_authorities_m_36p\)$/,
          ),
        }),
        message: '« neuf » n’est pas un nombre entier de personnes.',
      }),
      expect.objectContaining({ where: expect.objectContaining({ path: 'total' }) }),
    ]);
    expect(byRow(4)).toEqual([
      expect.objectContaining({
        where: expect.objectContaining({
          path: 'total',
          column: expect.stringContaining('(participants/total_participants)'),
        }),
        message: 'Le total (30) ne fait pas la somme des cases (24).',
      }),
    ]);
    expect(byRow(5)[0]).toMatchObject({
      where: { column: expect.stringContaining('(jalon_programme)') },
      message: `Cette soumission vient du formulaire du programme « pbf-mli-autre », pas de celui-ci (${slug}).`,
    });
    expect(byRow(6)[0]).toMatchObject({
      where: { path: 'organisation', column: expect.stringContaining('(activity/agency)') },
    });
    expect(await activityCount()).toBe(before);
  });

  /** two real photos of the demo data, and a file that is no photo */
  const photoA = readFileSync(
    fileURLToPath(new URL('../../seed/field/photos/inauguration-forage-groumera.jpg', import.meta.url)),
  );
  const photoB = readFileSync(
    fileURLToPath(new URL('../../seed/field/photos/sensibilisation-fonciere-1.jpg', import.meta.url)),
  );
  const sha = (b: Buffer) => createHash('sha256').update(b).digest('hex');
  const zipOf = async (files: Record<string, Buffer | string>) => {
    const zip = new JSZip();
    for (const [path, bytes] of Object.entries(files)) zip.file(path, bytes);
    return zip.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE' });
  };
  const attachMedia = (id: string, version: number, zip: Buffer) =>
    app.inject({
      method: 'PUT',
      url: `/api/v1/imports/${id}/media?version=${version}&fileName=media.zip&lang=fr`,
      payload: zip,
      headers: { 'content-type': 'application/zip' },
    });
  const photosOf = (externalId: string) =>
    rows<{ file_name: string; content_type: string; sha256: string; kind: string }>(sql`
      select t.file_name, t.content_type, t.sha256, t.kind from activity_attachments t
        join activities a on a.id = t.activity_id where a.external_id = ${externalId} order by t.sort`);

  it('attaches the photos of a Kobo export from the ZIP of its attachments, naming each one missing by row and column', async () => {
    const uuid = (n: number) => `3d0c7b52-0004-4f00-9c00-00000000000${n}`;
    const csv = exportCsv(
      form,
      [
        // two phones named their photos alike: each is found in its submission's folder
        submission(uuid(1), 'Forage inauguré à Groumera'),
        submission(uuid(2), 'Formation des COFO', { photo_2: 'IMG_0002.jpg' }),
        submission(uuid(3), 'Photo perdue', { photo_1: 'IMG_0009.jpg' }),
        submission(uuid(4), 'Pas une photo', { photo_1: 'notes.jpg' }),
      ],
      'kobo',
    );
    const uploaded: FileImport = (await upload(csv, 'PROSMED_activites.csv')).json();
    // without the ZIP: every photo named, each said not imported, by row and column; the activities may go
    const photoWarnings = (file: FileImport) => file.issues.filter((i) => i.severity === 'warning');
    expect(uploaded.canCommit).toBe(true);
    expect(photoWarnings(uploaded).map((i) => [i.where.row, i.where.column])).toEqual([
      [2, expect.stringMatching(/^[A-Z]+ \(photos\/photo_1\)$/)],
      [3, expect.stringMatching(/ \(photos\/photo_1\)$/)],
      [3, expect.stringMatching(/ \(photos\/photo_2\)$/)],
      [4, expect.stringMatching(/ \(photos\/photo_1\)$/)],
      [5, expect.stringMatching(/ \(photos\/photo_1\)$/)],
    ]);
    expect(photoWarnings(uploaded)[0]!.message).toContain('ajoutez le ZIP des pièces jointes');

    // KoboToolbox's "Media Attachments (ZIP)": a folder per submission
    const folder = (n: number) => `agent_prosmed/attachments/aXyZform/${uuid(n)}`;
    const zip = await zipOf({
      [`${folder(1)}/IMG_0001.jpg`]: photoA,
      [`${folder(2)}/IMG_0001.jpg`]: photoB,
      [`${folder(2)}/IMG_0002.jpg`]: photoA,
      [`${folder(4)}/notes.jpg`]: 'Compte rendu, pas une photo',
    });
    const stale = await attachMedia(uploaded.id, uploaded.version + 1, zip);
    expect(stale.statusCode).toBe(409);
    const withMedia = await attachMedia(uploaded.id, uploaded.version, zip);
    expect(withMedia.statusCode).toBe(200);
    const previewed: FileImport = withMedia.json();
    expect(previewed.version).toBe(uploaded.version + 1);
    expect(previewed.canCommit).toBe(true);
    expect(photoWarnings(previewed)).toEqual([
      expect.objectContaining({
        where: { row: 4, column: expect.stringMatching(/ \(photos\/photo_1\)$/) },
        message:
          'Photo « IMG_0009.jpg » absente du ZIP des pièces jointes : l’activité sera importée sans elle.',
      }),
      expect.objectContaining({
        where: { row: 5, column: expect.stringMatching(/ \(photos\/photo_1\)$/) },
        message:
          '« notes.jpg » n’est pas une photo JPEG, PNG ou WebP de 8 Mo au plus : elle n’est pas importée.',
      }),
    ]);
    // the preview read before the ZIP is no longer the one a commit writes
    const old = await app.inject({
      method: 'POST',
      url: `/api/v1/imports/${uploaded.id}/commit`,
      payload: { version: uploaded.version },
    });
    expect(old.statusCode).toBe(409);
    const committed = await app.inject({
      method: 'POST',
      url: `/api/v1/imports/${uploaded.id}/commit`,
      payload: { version: previewed.version },
    });
    expect(committed.statusCode).toBe(200);
    expect(committed.json().result).toMatchObject({ created: 4, photos: 3 });
    expect(await photosOf(uuid(1))).toEqual([
      { file_name: 'IMG_0001.jpg', content_type: 'image/jpeg', sha256: sha(photoA), kind: 'photo' },
    ]);
    expect((await photosOf(uuid(2))).map((p) => [p.file_name, p.sha256])).toEqual([
      ['IMG_0001.jpg', sha(photoB)],
      ['IMG_0002.jpg', sha(photoA)],
    ]);
    expect(await photosOf(uuid(3))).toEqual([]);
    expect(await photosOf(uuid(4))).toEqual([]);

    // the same export and ZIP again: no activity, no photo twice
    const again: FileImport = (await upload(csv, 'PROSMED_activites.csv')).json();
    const againWithMedia: FileImport = (await attachMedia(again.id, again.version, zip)).json();
    expect(againWithMedia.itemCount).toBe(0);
    expect(photoWarnings(againWithMedia)).toEqual([]);
    expect((await photosOf(uuid(2))).length).toBe(2);
  });

  it('finds the photos of an ODK Central export in its media folder, and refuses a file that is no ZIP', async () => {
    const odk = exportCsv(
      form,
      [submission('odk-media-0001', 'Causerie filmée', { photo_1: '1718000000000.jpg' })],
      'odk',
    );
    const uploaded: FileImport = (await upload(odk, 'prosmed_activities.csv')).json();
    const notZip = await attachMedia(uploaded.id, uploaded.version, photoA);
    expect(notZip.statusCode).toBe(400);
    expect(notZip.json().error.issues[0].message).toBe(
      'Ce fichier n’est pas un ZIP : joignez le ZIP des pièces jointes de l’export.',
    );
    const zip = await zipOf({ 'prosmed_activities.csv': odk, 'media/1718000000000.jpg': photoB });
    const previewed: FileImport = (await attachMedia(uploaded.id, uploaded.version, zip)).json();
    expect(previewed.issues).toEqual([]);
    const committed = await app.inject({
      method: 'POST',
      url: `/api/v1/imports/${uploaded.id}/commit`,
      payload: { version: previewed.version },
    });
    expect(committed.json().result).toMatchObject({ created: 1, photos: 1 });
    expect((await photosOf('uuid:odk-media-0001')).map((p) => p.sha256)).toEqual([sha(photoB)]);
  });

  it('says how to export again a file with labels for headers', async () => {
    const labelled = exportCsv(form, [submission('lab-0001', 'Libellés')], 'kobo')
      .replace('activity/title', 'Activité/Intitulé de l’activité')
      .replace('activity/start_date', 'Activité/Date de début');
    const uploaded: FileImport = (await upload(labelled, 'labels.csv')).json();
    expect(uploaded.canCommit).toBe(false);
    expect(uploaded.issues[0]!.message).toContain('« Valeurs et en-têtes XML »');
  });
});
