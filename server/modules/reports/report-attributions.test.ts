/**
 * Sections belong to agencies (issue 15, item 2): the coordinator gives sections, or outcomes, of a report to
 * recipient agencies; a focal point writes only their agency's, reads the rest, marks their part ready; the
 * coordinator sees the completion of each; the next report starts from the same attribution.
 */
import type { FastifyInstance } from 'fastify';
import { beforeAll, describe, expect, it } from 'vitest';
import type { ReportDetail } from '../../../core/contracts/report.js';
import { operatorContext } from '../../context.js';
import {
  aProgramme,
  aReport,
  anAccount,
  type MadeAccount,
  type MadeProgramme,
} from '../../test/factories.js';
import { testEngines } from '../../test/test-database.js';
import { testSuite } from '../../test/test-suite.js';
import { updateReport } from './reports.service.js';

describe.each(testEngines)('sections that belong to agencies on %s', (engine) => {
  let programme: MadeProgramme;
  let coordinator: FastifyInstance;
  let undp: FastifyInstance;
  let unwomen: FastifyInstance;
  let report: { id: string; version: number };

  const accounts = {} as Record<'coordinator' | 'undp' | 'unwomen', MadeAccount>;
  const suite = testSuite(engine, {
    data: async (database) => {
      // two outcomes: the second is UN Women's
      programme = await aProgramme(database, { framework: { outcomes: 2, outputs: 1, indicators: 1 } });
      accounts.coordinator = await anAccount(database, { programme });
      accounts.undp = await anAccount(database, { programme, agency: 'UNDP' });
      accounts.unwomen = await anAccount(database, { programme, agency: 'UNWOMEN' });
    },
    app: false,
  });
  beforeAll(async () => {
    coordinator = await suite.newApp({ as: accounts.coordinator.persona });
    undp = await suite.newApp({ as: accounts.undp.persona });
    unwomen = await suite.newApp({ as: accounts.unwomen.persona });
    report = await aReport(suite.database, programme, { type: 'annual', year: 2025 });
  });

  const get = async (app: FastifyInstance, id = report.id): Promise<ReportDetail> =>
    (await app.inject({ url: `/api/v1/reports/${id}` })).json();
  const write = async (app: FastifyInstance, path: string, value: unknown, lang = 'fr') => {
    const { version } = await get(coordinator);
    return app.inject({
      method: 'PATCH',
      url: `/api/v1/reports/${report.id}?lang=${lang}`,
      payload: { version, changes: [{ path, value }] },
    });
  };
  const attribute = (app: FastifyInstance, attributions: object[], lang = 'fr') =>
    app.inject({
      method: 'PUT',
      url: `/api/v1/reports/${report.id}/attributions?lang=${lang}`,
      payload: { attributions },
    });

  it('leaves what nobody is given to the coordinator, and says so to a focal point in a sentence', async () => {
    const refused = await write(unwomen, 'fields.overall_status', 'Le projet avance.');
    expect(refused.statusCode).toBe(403);
    const message = refused.json().error.issues[0].message as string;
    expect(message).toMatch(/^« Partie 1 : Progrès global du projet » n’est confié à aucune agence/);
    expect(message).not.toMatch(/fields\.|overall_status/);
    expect((await write(coordinator, 'fields.overall_status', 'Le projet avance.')).statusCode).toBe(200);
    const mine = await get(unwomen);
    expect(mine.can).toMatchObject({ edit: false, editAll: false, editUnits: [], attribute: false });
  });

  it('lets the coordinator give Part I to UNDP and outcome 2 to UN Women; each focal point writes theirs only', async () => {
    expect((await attribute(undp, [{ section: 'part_1', agencies: ['UNDP'] }])).statusCode).toBe(403);
    const given = await attribute(coordinator, [
      { section: 'part_1', agencies: ['UNDP'] },
      { section: 'part_2', outcome: '2', agencies: ['UNWOMEN'] },
      { section: 'part_5', agencies: ['UNDP', 'UNWOMEN'] },
    ]);
    expect(given.statusCode, given.body).toBe(200);
    expect(given.json().attributions).toEqual([
      { section: 'part_1', outcome: null, agencies: ['UNDP'] },
      { section: 'part_2', outcome: '2', agencies: ['UNWOMEN'] },
      { section: 'part_5', outcome: null, agencies: ['UNDP', 'UNWOMEN'] },
    ]);

    const seenByUnwomen = await get(unwomen);
    expect(seenByUnwomen.can).toMatchObject({
      edit: true,
      editAll: false,
      editUnits: [
        { section: 'part_2', outcome: '2' },
        { section: 'part_5', outcome: null },
      ],
      markParts: ['UNWOMEN'],
    });
    expect((await write(unwomen, 'outcomes.2.fields.progress_summary', 'Dialogues tenus.')).statusCode).toBe(
      200,
    );
    expect((await write(unwomen, 'outcomes.2.rating', 'on_track')).statusCode).toBe(200);
    const other = await write(unwomen, 'outcomes.1.fields.progress_summary', 'x');
    expect(other.statusCode).toBe(403);
    expect(other.json().error.issues[0].message).toBe(
      '« Partie II : Progrès par résultat du projet, résultat 1 » n’est confié à aucune agence : la coordination le rédige. Demandez-lui de vous le confier.',
    );
    const undpsPart = await write(unwomen, 'fields.overall_status', 'x', 'en');
    expect(undpsPart.statusCode).toBe(403);
    expect(undpsPart.json().error.issues[0].message).toBe(
      '“Part I: Overall project progress” is written by UNDP: you can read and comment on it, not change it.',
    );
    expect((await write(undp, 'fields.overall_status', 'Le projet avance bien.')).statusCode).toBe(200);
    expect((await write(undp, 'outcomes.2.fields.progress_summary', 'x')).statusCode).toBe(403);
    // the coordinator writes everything
    expect((await write(coordinator, 'outcomes.2.fields.progress_summary', 'Consolidé.')).statusCode).toBe(
      200,
    );
    // a change of several places is refused whole when one of them is not the writer's
    const { version } = await get(coordinator);
    const mixed = await unwomen.inject({
      method: 'PATCH',
      url: `/api/v1/reports/${report.id}`,
      payload: {
        version,
        changes: [
          { path: 'outcomes.2.fields.gender_youth_analysis', value: 'Femmes et jeunes.' },
          { path: 'fields.overall_status', value: 'x' },
        ],
      },
    });
    expect(mixed.statusCode).toBe(403);
    expect(mixed.json().error.issues).toHaveLength(1);
    expect(mixed.json().error.issues[0].path).toBe('body.changes.1.path');
    expect(
      (await get(coordinator)).model.content.outcomes['2']?.fields.gender_youth_analysis,
    ).toBeUndefined();
  });

  it('shows the coordinator the completion of each agency’s sections', async () => {
    const { completion } = await get(coordinator);
    const outcome2 = completion.find((c) => c.section === 'part_2' && c.outcome === '2');
    // the rating and the progress summary of the outcome's fields are written
    expect(outcome2).toMatchObject({ agencies: ['UNWOMEN'], filled: 2 });
    expect(outcome2!.total).toBeGreaterThan(2);
    const part1 = completion.find((c) => c.section === 'part_1');
    expect(part1).toMatchObject({ agencies: ['UNDP'], filled: 1 });
    expect(completion.map((c) => c.section)).toEqual(['part_1', 'part_2', 'part_5']);
  });

  it('refuses sections, outcomes and agencies that do not exist, with sentences', async () => {
    const wrong = await attribute(coordinator, [
      { section: 'part_9', agencies: ['UNDP'] },
      { section: 'part_1', outcome: '1', agencies: ['UNDP'] },
      { section: 'part_3', agencies: ['FAO'] },
    ]);
    expect(wrong.statusCode).toBe(400);
    expect(wrong.json().error.issues.map((i: { message: string }) => i.message)).toEqual([
      '« part_9 » n’est pas une section de ce rapport.',
      'Seule la partie des résultats se répartit par résultat, pas « Partie 1 : Progrès global du projet ».',
      'FAO n’est pas une agence récipiendaire de ce programme.',
    ]);
    expect((await get(coordinator)).attributions).toHaveLength(3);
  });

  it('applies on every path: the services the CLI calls follow the same rule for a person', async () => {
    const [focal] = (await get(unwomen)).parts;
    expect(focal).toBeDefined();
    // the operator (CLI, seed) writes anything
    const ctx = operatorContext(suite.database.db);
    const { version } = await get(coordinator);
    await expect(
      updateReport(ctx, report.id, { version, changes: [{ path: 'fields.monitoring', value: 'Suivi.' }] }),
    ).resolves.toMatchObject({ id: report.id });
  });

  it('starts the next report of the template from the same attribution', async () => {
    const next = await aReport(suite.database, programme, { type: 'semi_annual', year: 2026 });
    expect((await get(coordinator, next.id)).attributions).toEqual([
      { section: 'part_1', outcome: null, agencies: ['UNDP'] },
      { section: 'part_2', outcome: '2', agencies: ['UNWOMEN'] },
      { section: 'part_5', outcome: null, agencies: ['UNDP', 'UNWOMEN'] },
    ]);
  });

  it('gives nothing once the report is submitted', async () => {
    const submitted = await aReport(suite.database, programme, {
      type: 'annual',
      year: 2026,
      status: 'submitted',
    });
    const res = await coordinator.inject({
      method: 'PUT',
      url: `/api/v1/reports/${submitted.id}/attributions`,
      payload: { attributions: [{ section: 'part_1', agencies: ['UNDP'] }] },
    });
    expect(res.statusCode).toBe(423);
  });
});
