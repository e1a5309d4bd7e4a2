/**
 * Activities through the API: recording with places written any way, participants by category × sex × age,
 * every invalid field reported at once in the reader's language, version conflicts, agencies acting for
 * themselves only, attachments refused for what their bytes are.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import type { ActivityDetail } from '../../../core/contracts/activities.js';
import { testApp } from '../../test/api-client.js';
import { aProgramme } from '../../test/factories.js';
import { testEngines } from '../../test/test-database.js';
import { testSuite } from '../../test/test-suite.js';

const training = {
  kind: 'training',
  title: { fr: 'Formation des OPJ sur la conduite des enquêtes', en: 'Training of judicial police officers' },
  startDate: '2024-02-05',
  endDate: '2024-02-16',
  organisation: 'UNDP',
  partner: 'INFJ',
  output: '2.1',
  indicators: ['2.1.3'],
  places: [{ area: 'Djénné' }, { area: 'mopti' }, { area: 'Bandiagara', note: 'Sévaré' }],
  countBasis: 'distinct',
  participants: [
    { category: 'judicial_police', sex: 'male', ageGroup: 'age_36_plus', count: 18 },
    { category: 'judicial_police', sex: 'male', ageGroup: 'age_18_35', count: 5 },
    { category: 'judicial_police', sex: 'female', ageGroup: 'unknown', count: 2 },
  ],
  recordedBy: 'Awa Diarra',
};

describe.each(testEngines)('activities on %s', (engine) => {
  let slug: string;
  const suite = testSuite(engine, {
    data: async (database) => {
      // 2024–2026, UNDP and UN Women its agencies, outputs 1.1 and 2.1 (indicators 2.1.1 to 2.1.3)
      ({ slug } = await aProgramme(database, {
        code: 'PBF/MLI/B-2',
        startDate: '2024-01-01',
        framework: { outcomes: 2, outputs: 1, indicators: 3, effectiveDate: '2024-01-01' },
      }));
    },
  });

  const post = (payload: unknown, headers: Record<string, string> = {}) =>
    suite.app.inject({
      method: 'POST',
      url: `/api/v1/programmes/${slug}/activities`,
      payload: payload as object,
      headers,
    });

  it('records an activity with places written with or without accents, and its participants', async () => {
    const res = await post(training);
    expect(res.statusCode).toBe(201);
    const a: ActivityDetail = res.json();
    expect(a.places.map((p) => [p.area.code, p.area.name, p.region?.name])).toEqual([
      ['ML-5.DJENNE', 'Djenné', 'Mopti'],
      ['ML-5.MOPTI', 'Mopti', 'Mopti'],
      ['ML-5.BANDIAGARA', 'Bandiagara', 'Mopti'],
    ]);
    expect(a.places[2]!.note).toBe('Sévaré');
    expect(a.totals).toEqual({
      total: 25,
      bySex: { female: 2, male: 23, unknown: 0 },
      byAge: { under_18: 0, age_18_35: 5, age_36_plus: 18, unknown: 2 },
    });
    expect(a.organisation.code).toBe('UNDP');
    expect(a.indicators).toEqual(['2.1.3']);
    // who recorded it is the account, not the name the request gives
    expect(a.source).toMatchObject({ kind: 'entered', recordedBy: 'admin', importId: null });

    const list = (await suite.app.inject({ url: `/api/v1/programmes/${slug}/activities?area=ML-5` })).json();
    expect(list.items.map((i: { id: string }) => i.id)).toContain(a.id);
    const none = (await suite.app.inject({ url: `/api/v1/programmes/${slug}/activities?area=ML-4` })).json();
    expect(none.items.map((i: { id: string }) => i.id)).not.toContain(a.id);
    const byIndicator = (
      await suite.app.inject({ url: `/api/v1/programmes/${slug}/activities?indicator=2.1.3` })
    ).json();
    expect(byIndicator.totals.total).toBeGreaterThanOrEqual(25);
  });

  it('reports every invalid field at once, in the reader’s language', async () => {
    const res = await post(
      {
        ...training,
        organisation: 'WFP',
        output: '9.9',
        indicators: ['2.1.3', '7.7.7'],
        endDate: '2024-01-01',
        places: [{ area: 'Atlantis' }, { area: 'Diedougou' }],
      },
      { 'accept-language': 'en' },
    );
    expect(res.statusCode).toBe(400);
    const issues: { path: string; message: string }[] = res.json().error.issues;
    expect(issues.map((i) => i.path)).toEqual([
      'body.organisation',
      'body.endDate',
      'body.output',
      'body.indicators.1',
      'body.places.0.area',
      'body.places.1.area',
    ]);
    expect(issues[0]!.message).toMatch(
      /not a recipient organisation of PBF\/MLI\/B-2: UNDP \(PNUD\), UNWOMEN \(ONU Femmes\)\./,
    );
    expect(issues[5]!.message).toMatch(/names several places/);
    const fr = await post({ ...training, places: [{ area: 'Atlantis' }] }, { 'accept-language': 'fr' });
    expect(fr.json().error.issues[0].message).toMatch(/^Lieu inconnu : « Atlantis »/);
  });

  it('refuses unknown categories and negative counts before anything is written', async () => {
    const before = (await suite.app.inject({ url: `/api/v1/programmes/${slug}/activities` })).json().total;
    const res = await post({
      ...training,
      participants: [
        { category: 'aliens', sex: 'female', ageGroup: 'unknown', count: 3 },
        { category: 'pupils', sex: 'girl', ageGroup: 'unknown', count: -1 },
      ],
    });
    expect(res.statusCode).toBe(400);
    const paths = res.json().error.issues.map((i: { path: string }) => i.path);
    expect(paths).toEqual(
      expect.arrayContaining([
        'body.participants.0.category',
        'body.participants.1.sex',
        'body.participants.1.count',
      ]),
    );
    expect((await suite.app.inject({ url: `/api/v1/programmes/${slug}/activities` })).json().total).toBe(
      before,
    );
  });

  it('changes an activity with the version read, and answers a stale version with 409 and the current one', async () => {
    const a: ActivityDetail = (await post(training)).json();
    const ok = await suite.app.inject({
      method: 'PATCH',
      url: `/api/v1/activities/${a.id}`,
      payload: { version: a.version, startDate: '2024-03-01', endDate: null, places: [{ area: 'Koro' }] },
    });
    expect(ok.statusCode).toBe(200);
    const changed: ActivityDetail = ok.json();
    expect(changed.version).toBe(a.version + 1);
    expect(changed.places.map((p) => p.area.code)).toEqual(['ML-5.KORO']);
    // the participants follow the activity's new date (the dashboards read it from them)
    expect(changed.totals.total).toBe(25);
    const stale = await suite.app.inject({
      method: 'PATCH',
      url: `/api/v1/activities/${a.id}`,
      payload: { version: a.version, title: { fr: 'Autre titre' } },
    });
    expect(stale.statusCode).toBe(409);
    expect(stale.json().error.current.version).toBe(a.version + 1);
    const del = await suite.app.inject({ method: 'DELETE', url: `/api/v1/activities/${a.id}` });
    expect(del.statusCode).toBe(204);
    expect((await suite.app.inject({ url: `/api/v1/activities/${a.id}` })).statusCode).toBe(404);
  });

  it('lets a focal point record for their own agency only', async () => {
    const focal = await testApp(suite.database, {
      as: {
        email: 'focal.onufemmes@test.jalon',
        memberships: [{ programme: slug, role: 'focal_point', organisation: 'UNWOMEN' }],
      },
    });
    try {
      const own = await focal.inject({
        method: 'POST',
        url: `/api/v1/programmes/${slug}/activities`,
        payload: { ...training, organisation: 'UNWOMEN' },
      });
      expect(own.statusCode).toBe(201);
      expect(own.json().source.recordedBy).toBe('focal.onufemmes');
      const other = await focal.inject({
        method: 'POST',
        url: `/api/v1/programmes/${slug}/activities`,
        payload: training,
      });
      expect(other.statusCode).toBe(403);
      const anonymous = await testApp(suite.database, { as: null });
      const res = await anonymous.inject({
        method: 'POST',
        url: `/api/v1/programmes/${slug}/activities`,
        payload: training,
      });
      expect(res.statusCode).toBe(401);
      await anonymous.close();
    } finally {
      await focal.close();
    }
  });

  describe('attachments', () => {
    const png = Buffer.from(
      '89504e470d0a1a0a0000000d49484452000000010000000108060000001f15c4890000000d4944415478da63f8cfc0f01f0005000201a5f5f3e10000000049454e44ae426082',
      'hex',
    );
    let activity: ActivityDetail;
    beforeAll(async () => {
      activity = (await post(training)).json();
    });
    const upload = (body: Buffer | string, query: string, type = 'application/octet-stream') =>
      suite.app.inject({
        method: 'POST',
        url: `/api/v1/activities/${activity.id}/attachments?${query}`,
        payload: body,
        headers: { 'content-type': type },
      });

    it('keeps a photo with its caption and credit, under a safe name', async () => {
      const res = await upload(
        png,
        `kind=photo&fileName=${encodeURIComponent('../../etc/Formation OPJ.png')}&captionFr=${encodeURIComponent('Formation des OPJ à Mopti')}&credit=${encodeURIComponent('© PNUD Mali')}`,
        'image/png',
      );
      expect(res.statusCode).toBe(201);
      expect(res.json()).toMatchObject({
        kind: 'photo',
        fileName: 'Formation OPJ.png',
        contentType: 'image/png',
        size: png.length,
        caption: { fr: 'Formation des OPJ à Mopti' },
        credit: '© PNUD Mali',
      });
      const file = await suite.app.inject({ url: res.json().url });
      expect(file.statusCode).toBe(200);
      expect(file.headers['content-type']).toBe('image/png');
      expect(file.headers['x-content-type-options']).toBe('nosniff');
      expect(Buffer.compare(file.rawPayload, png)).toBe(0);
      const detail: ActivityDetail = (
        await suite.app.inject({ url: `/api/v1/activities/${activity.id}` })
      ).json();
      expect(detail.attachments.map((x) => x.fileName)).toEqual(['Formation OPJ.png']);
      const patched = await suite.app.inject({
        method: 'PATCH',
        url: `/api/v1/attachments/${res.json().id}`,
        payload: { credit: '© ONG AZHAR/Octobre 2023' },
      });
      expect(patched.json().credit).toBe('© ONG AZHAR/Octobre 2023');
    });

    it('refuses what is not what it claims, is empty, or is too big', async () => {
      const svg = await upload('<svg onload="alert(1)"></svg>', 'kind=photo&fileName=x.png', 'image/png');
      expect(svg.statusCode).toBe(415);
      expect(svg.json().error.issues[0].message).toMatch(/JPEG, PNG ou WebP/);
      const exe = await upload(Buffer.from('MZ\x90\x00'), 'kind=document&fileName=rapport.pdf');
      expect(exe.statusCode).toBe(415);
      const pdfAsPhoto = await upload(Buffer.from('%PDF-1.7\n'), 'kind=photo&fileName=a.jpg');
      expect(pdfAsPhoto.statusCode).toBe(415);
      const empty = await upload(Buffer.alloc(0), 'kind=photo');
      expect(empty.statusCode).toBe(400);
      const big = Buffer.concat([png, Buffer.alloc(9 * 1024 * 1024)]);
      const tooBig = await upload(big, 'kind=photo&fileName=big.png');
      expect(tooBig.statusCode).toBe(413);
      const huge = await upload(Buffer.alloc(17 * 1024 * 1024), 'kind=document');
      expect(huge.statusCode).toBe(413);
      const detail: ActivityDetail = (
        await suite.app.inject({ url: `/api/v1/activities/${activity.id}` })
      ).json();
      expect(detail.attachments).toHaveLength(1);
    });

    it('accepts a PDF document and sends it back as a download', async () => {
      const pdf = Buffer.from('%PDF-1.4\n%âãÏÓ\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF');
      const res = await upload(pdf, `kind=document&fileName=${encodeURIComponent('Liste de présence.pdf')}`);
      expect(res.statusCode).toBe(201);
      const file = await suite.app.inject({ url: res.json().url });
      expect(file.headers['content-disposition']).toMatch(
        /^attachment; filename="Liste de pr_sence.pdf"; filename\*=UTF-8''Liste%20de%20pr%C3%A9sence.pdf$/,
      );
    });
  });
});
