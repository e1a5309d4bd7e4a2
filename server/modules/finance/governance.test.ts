/**
 * Committees on real databases: a steering committee with its documents and decisions; meetings, decisions and
 * recommendations followed up with owner, due date and status; a "recommendations implemented" indicator
 * counted from them at any date. (PROSMED's third steering committee of the seeds: server/seed/seed.test.ts.)
 */
import { describe, expect, it } from 'vitest';
import type { GovernanceView } from '../../../core/contracts/finance/governance.js';
import type { Framework } from '../../../core/contracts/programme-api.js';
import { expandFramework } from '../../../core/domain/framework-answer.js';
import { aFrameworkDocument, aMeeting, aProgramme } from '../../test/factories.js';
import { testEngines } from '../../test/test-database.js';
import { testSuite } from '../../test/test-suite.js';

describe.each(testEngines)('governance on %s', (engine) => {
  const view = async (slug: string, asOf?: string): Promise<GovernanceView> =>
    (
      await suite.app.inject({
        method: 'GET',
        url: `/api/v1/programmes/${slug}/governance${asOf ? `?asOf=${asOf}` : ''}`,
      })
    ).json();
  /** a programme with a committee that met once */
  let committee: string;
  /** a programme whose outcome indicator 1.a counts the recommendations of regional forums carried out */
  let forums: string;
  /** another programme (its indicators are not the forums' programme's) */
  let other: string;
  const suite = testSuite(engine, {
    data: async (database) => {
      ({ slug: committee } = await aProgramme(database, { startDate: '2022-01-01' }));
      const framework = aFrameworkDocument();
      framework.outcomes[0]!.indicators = [
        {
          code: '1.a',
          title: { fr: 'Nombre de recommandations issues des foras régionaux mises en œuvre' },
          unit: 'recommandations',
          baseline: '0',
          endTarget: '10',
        },
      ];
      ({ slug: forums } = await aProgramme(database, { startDate: '2020-01-01', frameworks: [framework] }));
      ({ slug: other } = await aProgramme(database));
    },
  });

  it('holds a steering committee with its documents and what it validated, counted by status', async () => {
    await aMeeting(
      suite.database,
      { slug: committee },
      {
        number: 3,
        date: '2023-12-15',
        location: 'Maison Commune des Nations Unies, Bamako',
        documents: [
          { title: 'Plan d’action 2024 du programme' },
          { title: 'Conclusions de l’évaluation à mi-parcours' },
        ],
        items: [
          {
            kind: 'decision',
            number: 1,
            text: { fr: 'Le plan d’action 2024 est validé' },
            status: 'implemented',
            statusDate: '2023-12-15',
          },
          {
            kind: 'decision',
            number: 2,
            text: { fr: 'L’évaluation est validée' },
            status: 'implemented',
            statusDate: '2023-12-15',
          },
        ],
      },
    );
    const g = await view(committee);
    expect(g.meetings).toHaveLength(1);
    expect(g.meetings[0]).toMatchObject({
      body: 'steering_committee',
      number: 3,
      date: '2023-12-15',
      location: 'Maison Commune des Nations Unies, Bamako',
      documents: [
        { title: 'Plan d’action 2024 du programme' },
        { title: 'Conclusions de l’évaluation à mi-parcours' },
      ],
    });
    expect(g.meetings[0]!.items.map((i) => [i.kind, i.status, i.statusDate])).toEqual([
      ['decision', 'implemented', '2023-12-15'],
      ['decision', 'implemented', '2023-12-15'],
    ]);
    expect(g.followUp.find((f) => f.status === 'implemented')?.count).toBe(2);
  });

  it('follows recommendations up and counts the implemented ones for the indicator that asks for them', async () => {
    const framework = expandFramework(
      (
        await suite.app.inject({ method: 'GET', url: `/api/v1/programmes/${forums}/framework` })
      ).json<Framework>(),
    );
    const indicator = framework.outcomes.flatMap((o) => o.indicators).find((i) => i.code === '1.a')!;
    expect(indicator.title.fr).toMatch(/recommandations issues des foras régionaux/);

    const meeting = await suite.app.inject({
      method: 'POST',
      url: `/api/v1/programmes/${forums}/meetings`,
      payload: {
        body: 'regional_forum',
        date: '2021-02-10',
        title: { fr: 'Forum régional sur la gestion de la crise, Mopti' },
        participants: ['Gouvernorat de Mopti', 'Secrétariat permanent', 'PNUD'],
        documents: [{ title: 'Compte rendu du forum', reference: 'SP/2021/014' }],
      },
    });
    expect(meeting.statusCode, meeting.body).toBe(201);
    const meetingId = meeting.json().id;
    const add = (payload: Record<string, unknown>) =>
      suite.app.inject({ method: 'POST', url: `/api/v1/meetings/${meetingId}/items`, payload });
    const texts = [
      'Tenir les réunions statutaires des comités régionaux',
      'Élaborer les plans régionaux de prévention',
      'Associer les femmes leaders',
    ];
    const ids: string[] = [];
    for (const [i, text] of texts.entries()) {
      const res = await add({
        kind: 'recommendation',
        number: i + 1,
        text: { fr: text },
        owner: 'Secrétariat permanent',
        ownerOrganisation: 'UNDP',
        dueDate: i === 2 ? '2021-06-30' : '2021-12-31',
        indicatorId: indicator.id,
      });
      expect(res.statusCode, res.body).toBe(201);
      expect(res.json()).toMatchObject({
        status: 'open',
        indicator: { code: '1.a' },
        ownerOrganisation: { code: 'UNDP' },
      });
      ids.push(res.json().id);
    }
    const follow = (id: string, payload: Record<string, unknown>) =>
      suite.app.inject({ method: 'PATCH', url: `/api/v1/governance-items/${id}`, payload });
    expect(
      (
        await follow(ids[0]!, {
          version: 1,
          status: 'implemented',
          statusDate: '2021-05-10',
          followUp: 'Deux réunions tenues',
        })
      ).statusCode,
    ).toBe(200);
    expect((await follow(ids[1]!, { version: 1, status: 'in_progress' })).statusCode).toBe(200);
    // said implemented without a date: dated today (the test clock: 26 November 2026)
    const today = await follow(ids[1]!, { version: 2, status: 'implemented' });
    expect(today.json()).toMatchObject({ status: 'implemented', statusDate: '2026-11-26' });
    const stale = await follow(ids[0]!, { version: 1, status: 'not_implemented' });
    expect(stale.statusCode).toBe(409);
    expect(stale.json().error.current.status).toBe('implemented');

    const mid2021 = await view(forums, '2021-06-30');
    expect(mid2021.indicators).toEqual([
      {
        indicator: { id: indicator.id, code: '1.a', title: indicator.title },
        linked: 3,
        implemented: 1,
        endTarget: 10,
        asOf: '2021-06-30',
      },
    ]);
    expect((await view(forums)).indicators[0]!.implemented).toBe(2);
    // the third is open past its due date
    const now = await view(forums);
    expect(now.overdue).toBe(1);
    expect(now.meetings[0]!.items.find((i) => i.number === 3)?.overdue).toBe(true);
  });

  it('refuses an indicator of another programme and an unknown owner, naming the fields', async () => {
    const another = expandFramework(
      (
        await suite.app.inject({ method: 'GET', url: `/api/v1/programmes/${other}/framework` })
      ).json<Framework>(),
    );
    const meetingId = (await view(forums)).meetings[0]!.id;
    const res = await suite.app.inject({
      method: 'POST',
      url: `/api/v1/meetings/${meetingId}/items`,
      payload: {
        kind: 'recommendation',
        text: { fr: 'x' },
        ownerOrganisation: 'NOBODY',
        indicatorId: another.outcomes[0]!.indicators[0]!.id,
      },
    });
    expect(res.statusCode).toBe(400);
    expect(res.json().error.issues).toEqual([
      { path: 'body.ownerOrganisation', message: "aucune organisation n'a le code « NOBODY »" },
      { path: 'body.indicatorId', message: "cet indicateur n'appartient pas à ce programme" },
    ]);
  });

  it('changes and deletes meetings with their decisions', async () => {
    const g = await view(forums);
    const m = g.meetings[0]!;
    const changed = await suite.app.inject({
      method: 'PATCH',
      url: `/api/v1/meetings/${m.id}`,
      payload: { version: m.version, location: 'Mopti' },
    });
    expect(changed.json()).toMatchObject({
      location: 'Mopti',
      version: m.version + 1,
      items: expect.any(Array),
    });
    expect((await suite.app.inject({ method: 'DELETE', url: `/api/v1/meetings/${m.id}` })).statusCode).toBe(
      204,
    );
    expect((await view(forums)).meetings).toEqual([]);
    expect((await view(forums)).indicators).toEqual([]);
  });
});
