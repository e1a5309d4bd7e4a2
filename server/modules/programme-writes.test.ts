/** Writing programmes, framework versions and indicators through the API, on every engine. */
import { describe, expect, it } from 'vitest';
import type { Framework, FrameworkTree, Indicator } from '../../core/contracts/programme-api.js';
import { expandFramework } from '../../core/domain/framework-answer.js';
import { aFrameworkDocument, aProgramme } from '../test/factories.js';
import { testEngines } from '../test/test-database.js';
import { testSuite } from '../test/test-suite.js';

describe.each(testEngines)('writes on %s', (engine) => {
  // a project of 31 months (January 2020 to July 2022, both included); a joint programme with two framework versions; a project with reported progress
  let project: string;
  let joint: string;
  let reported: string;
  const suite = testSuite(engine, {
    data: async (database) => {
      ({ slug: project } = await aProgramme(database, {
        firstTransferDate: '2020-01-15',
        endDate: '2022-07-15',
      }));
      ({ slug: joint } = await aProgramme(database, {
        kind: 'joint_programme',
        frameworks: [
          aFrameworkDocument({ version: 1, effectiveDate: '2022-01-01' }),
          aFrameworkDocument({ version: 2, effectiveDate: '2023-01-01', outcomes: 2, outputs: 2 }),
        ],
      }));
      ({ slug: reported } = await aProgramme(database, {
        startDate: '2021-01-01',
        framework: { outcomes: 3, outputs: 2, effectiveDate: '2021-01-01' },
        progress: [
          {
            indicator: '1.1.1',
            periodStart: '2021-01-01',
            periodEnd: '2021-12-31',
            value: '120 dont 45 femmes',
          },
          { indicator: '2.a', periodStart: '2021-01-01', periodEnd: '2021-12-31', value: '42%' },
          {
            indicator: '3.2.1',
            periodStart: '2021-01-01',
            periodEnd: '2021-12-31',
            value: null,
            reason: 'Activités reportées',
          },
        ],
      }));
    },
  });

  const framework = async (slug: string, version?: number): Promise<FrameworkTree> =>
    expandFramework(
      (
        await suite.app.inject({
          url: `/api/v1/programmes/${slug}/framework${version ? `?version=${version}` : ''}`,
        })
      ).json<Framework>(),
    );

  it('creates a programme, refuses the same code twice', async () => {
    const body = {
      code: 'PBF/MLI/B-7',
      title: { fr: 'Projet test', en: 'Test project' },
      endDate: '2027-06-30',
    };
    const created = await suite.app.inject({ method: 'POST', url: '/api/v1/programmes', payload: body });
    expect(created.statusCode).toBe(201);
    expect(created.json()).toMatchObject({
      slug: 'pbf-mli-b-7',
      code: 'PBF/MLI/B-7',
      totalBudget: 0,
      frameworkVersions: [],
    });
    const again = await suite.app.inject({ method: 'POST', url: '/api/v1/programmes', payload: body });
    expect(again.statusCode).toBe(409);
    expect(again.json().error.issues[0].path).toBe('body.code');
  });

  it('updates the header, and answers a stale version with 409 and the current state', async () => {
    const before = (await suite.app.inject({ url: `/api/v1/programmes/${project}` })).json();
    const first = await suite.app.inject({
      method: 'PATCH',
      url: `/api/v1/programmes/${project}`,
      payload: { version: before.version, revisedEndDate: '2023-01-15', genderMarker: 'GM3' },
    });
    expect(first.statusCode).toBe(200);
    expect(first.json()).toMatchObject({
      revisedEndDate: '2023-01-15',
      genderMarker: 'GM3',
      durationMonths: 37, // January 2020 to January 2023, both months included
    });
    const stale = await suite.app.inject({
      method: 'PATCH',
      url: `/api/v1/programmes/${project}`,
      payload: { version: before.version, genderMarker: 'GM1' },
    });
    expect(stale.statusCode).toBe(409);
    expect(stale.json().error).toMatchObject({ code: 'version_conflict', current: { genderMarker: 'GM3' } });
  });

  it('revises a framework: the new version copies the one in force and comes into force', async () => {
    const res = await suite.app.inject({
      method: 'POST',
      url: `/api/v1/programmes/${joint}/framework-versions`,
      payload: {
        label: { fr: 'Revue à mi-parcours' },
        effectiveDate: '2024-01-01',
        reason: { fr: 'Recommandations de la revue' },
      },
    });
    expect(res.statusCode).toBe(201);
    expect(res.json()).toMatchObject({ version: 3, inForce: true });
    const v2 = await framework(joint, 2);
    const v3 = await framework(joint);
    expect(v3.version).toBe(3);
    const strip = (f: FrameworkTree) =>
      JSON.stringify(f.outcomes, (k, v) => (k === 'id' || k === 'latestValue' ? undefined : v));
    expect(v2.outcomes).toHaveLength(2);
    expect(strip(v3)).toBe(strip(v2));
    expect(v3.alignments).toEqual(v2.alignments);
  });

  it('adds an indicator whose values are written as text, and changes it', async () => {
    const f = await framework(reported);
    const outputId = f.outcomes[0]!.outputs[0]!.id;
    const created = await suite.app.inject({
      method: 'POST',
      url: `/api/v1/outputs/${outputId}/indicators`,
      payload: {
        code: '1.1.9',
        title: { fr: 'Nombre de femmes leaders formées', en: 'Number of women leaders trained' },
        measure: 'number',
        disaggregations: ['sex', 'age'],
        baseline: { text: '0', date: '2021-01' },
        endTarget: { text: '350 (dont au moins 150 femmes)' },
        targets: { '2022': { text: '100' }, '2023': null },
        milestones: [{ text: '150 (06/2021)' }],
      },
    });
    expect(created.statusCode).toBe(201);
    const indicator: Indicator = created.json();
    expect(indicator.targets.find((t) => t.kind === 'end')?.value?.spec).toEqual({
      kind: 'number',
      value: 350,
      parts: [{ group: 'women', value: 150, unit: 'count', atLeast: true }],
    });
    expect(indicator.targets.find((t) => t.kind === 'milestone')).toMatchObject({ date: '2021-06' });
    expect(
      indicator.targets.filter((t) => t.kind === 'annual').map((t) => [t.year, t.value?.text ?? null]),
    ).toEqual([
      [2022, '100'],
      [2023, null],
    ]);

    const dup = await suite.app.inject({
      method: 'POST',
      url: `/api/v1/outputs/${outputId}/indicators`,
      payload: { code: '1.1.9', title: { fr: 'Doublon' } },
    });
    expect(dup.statusCode).toBe(409);

    const patched = await suite.app.inject({
      method: 'PATCH',
      url: `/api/v1/indicators/${indicator.id}`,
      payload: { version: indicator.version, targets: { '2022': { text: '120' } }, direction: 'increase' },
    });
    expect(patched.statusCode).toBe(200);
    expect(patched.json().targets.filter((t: { kind: string }) => t.kind === 'annual')).toHaveLength(1);
    expect(patched.json().targets.find((t: { kind: string }) => t.kind === 'end').value.text).toBe(
      '350 (dont au moins 150 femmes)',
    );
    const stale = await suite.app.inject({
      method: 'PATCH',
      url: `/api/v1/indicators/${indicator.id}`,
      payload: { version: indicator.version, notes: 'late' },
    });
    expect(stale.statusCode).toBe(409);
    expect(stale.json().error.current.version).toBe(indicator.version + 1);

    expect(
      (await suite.app.inject({ method: 'DELETE', url: `/api/v1/indicators/${indicator.id}` })).statusCode,
    ).toBe(204);
    expect((await suite.app.inject({ url: `/api/v1/indicators/${indicator.id}` })).statusCode).toBe(404);
  });

  it('exports a programme document that imports back to the same framework', async () => {
    const exported = (await suite.app.inject({ url: `/api/v1/programmes/${reported}/export` })).json();
    expect(exported.frameworks[0].outcomes).toHaveLength(3);
    expect(exported.progress).toHaveLength(3);
    const copy = { ...exported, code: 'COPY/A-2', cofundingProjects: [] };
    const imported = await suite.app.inject({
      method: 'POST',
      url: '/api/v1/programmes/import',
      payload: copy,
    });
    expect(imported.statusCode).toBe(201);
    const strip = (f: FrameworkTree) => JSON.stringify(f.outcomes, (k, v) => (k === 'id' ? undefined : v));
    expect(strip(await framework('copy-a-2'))).toBe(strip(await framework(reported)));
  });

  it('refuses a document naming unknown organisations, and writes nothing of it', async () => {
    const good = (await suite.app.inject({ url: `/api/v1/programmes/${reported}/export` })).json();
    const bad = { ...good, code: 'BAD/1', recipients: [{ organisation: 'NOBODY', convening: true }] };
    const res = await suite.app.inject({ method: 'POST', url: '/api/v1/programmes/import', payload: bad });
    expect(res.statusCode).toBe(400);
    expect(res.json().error.issues[0]).toMatchObject({ path: 'body.recipients.0.organisation' });
    expect((await suite.app.inject({ url: '/api/v1/programmes/bad-1' })).statusCode).toBe(404);
  });
});
