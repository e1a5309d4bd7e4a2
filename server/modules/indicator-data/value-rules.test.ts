/**
 * Values checked against their indicator on every path (issue 14, item 2): "beaucoup" for a number of people,
 * 140 for a percentage, 60 women of 50 people, a second value for a period, a value in an accepted report's
 * period — refused by the API with the field named, by the import with the row named; an import row for a period
 * that has a value updates it as a new version.
 */
import { sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { aClosedPeriod, aProgramme, aReport, type MadeProgramme } from '../../test/factories.js';
import { testEngines } from '../../test/test-database.js';
import { testSuite } from '../../test/test-suite.js';

describe.each(testEngines)('indicator values checked against their indicator on %s', (engine) => {
  const suite = testSuite(engine);

  // `1.1.1` counts people (number), `1.a` is a percentage
  const people = (p: MadeProgramme) => p.indicators.get('1.1.1')!;
  const share = (p: MadeProgramme) => p.indicators.get('1.a')!;
  const post = (indicatorId: string, text: string, period = ['2025-01-01', '2025-06-30'], lang = 'fr') =>
    suite.app.inject({
      method: 'POST',
      url: `/api/v1/indicators/${indicatorId}/values?lang=${lang}`,
      payload: { periodStart: period[0], periodEnd: period[1], value: { text } },
    });
  const countValues = async (indicatorId: string) =>
    (
      (await suite.database.db.execute(
        sql`select count(*)::int as n from indicator_values where indicator_id = ${indicatorId}`,
      )) as unknown as { rows: { n: number }[] }
    ).rows[0]!.n;
  const header = 'Indicateur;Début de période;Fin de période;Valeur;Raisons;Saisi par';
  const importCsv = (slug: string, csv: string, dryRun: boolean, lang = 'fr') =>
    suite.app.inject({
      method: 'POST',
      url: `/api/v1/programmes/${slug}/indicator-value-imports?fileName=valeurs.csv&dryRun=${dryRun}&lang=${lang}`,
      payload: Buffer.from(`${header}\n${csv}\n`),
      headers: { 'content-type': 'text/csv' },
    });

  it('refuses "beaucoup" for a number of people, naming the field, in the reader’s language', async () => {
    const p = await aProgramme(suite.database);
    const fr = await post(people(p), 'beaucoup');
    expect(fr.statusCode).toBe(400);
    expect(fr.json().error.issues).toEqual([
      {
        path: 'body.value',
        message:
          'Cet indicateur se mesure par un nombre : « beaucoup » n’en est pas un. Écrivez un nombre, par ex. « 120 dont 45 femmes ».',
      },
    ]);
    const en = await post(people(p), 'beaucoup', undefined, 'en');
    expect(en.json().error.issues[0].message).toMatch(/^This indicator is measured by a number: “beaucoup”/);
    expect(await countValues(people(p))).toBe(0);
    expect((await post(people(p), '120 dont 45 femmes')).statusCode).toBe(201);
  });

  it('refuses 140 for a percentage, and 60 women of 50 people', async () => {
    const p = await aProgramme(suite.database);
    const over = await post(share(p), '140 %');
    expect(over.statusCode).toBe(400);
    expect(over.json().error.issues[0].message).toBe(
      'Un pourcentage est compris entre 0 et 100 : 140 % ne l’est pas.',
    );
    const women = await post(people(p), '50 dont 60 femmes');
    expect(women.statusCode).toBe(400);
    expect(women.json().error.issues[0]).toEqual({
      path: 'body.value',
      message: 'La part « femmes » (60) dépasse le total (50).',
    });
    const both = await post(people(p), '100 dont 60 femmes et 50 hommes');
    expect(both.json().error.issues[0].message).toBe(
      'femmes + hommes font 110, plus que le total (100) : une personne ne compte que dans un de ces groupes.',
    );
    expect(await countValues(people(p))).toBe(0);
    // women and youth may overlap; a bare number of a percentage indicator is a percentage
    expect((await post(people(p), '100 dont 60 femmes et 50 jeunes')).statusCode).toBe(201);
    const bare = await post(share(p), '45');
    expect(bare.statusCode).toBe(201);
    expect(bare.json().values[0].value).toEqual({ text: '45', spec: { kind: 'percent', value: 45 } });
  });

  it('refuses an unfit correction too', async () => {
    const p = await aProgramme(suite.database);
    const value = (await post(people(p), '30')).json().values[0];
    const bad = await suite.app.inject({
      method: 'PATCH',
      url: `/api/v1/indicator-values/${value.id}`,
      payload: { version: value.version, value: { text: 'beaucoup' } },
    });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.issues[0].path).toBe('body.value');
  });

  it('answers a second value for a period with 409 naming the one there, which the client then updates', async () => {
    const p = await aProgramme(suite.database);
    const first = (await post(people(p), '30 dont 12 femmes')).json().values[0];
    const second = await post(people(p), '35 dont 15 femmes');
    expect(second.statusCode).toBe(409);
    expect(second.json().error).toMatchObject({
      code: 'conflict',
      issues: [
        {
          path: 'body.periodStart',
          message:
            'Une valeur existe déjà pour la période du 1 janv. 2025 au 30 juin 2025 : « 30 dont 12 femmes » (version 1). Modifiez-la plutôt que d’en ajouter une seconde.',
        },
      ],
      current: { value: { id: first.id, version: 1, value: { text: '30 dont 12 femmes' } } },
    });
    expect(await countValues(people(p))).toBe(1);
    const updated = await suite.app.inject({
      method: 'PATCH',
      url: `/api/v1/indicator-values/${first.id}`,
      payload: { version: 1, value: { text: '35 dont 15 femmes' } },
    });
    expect(updated.statusCode).toBe(200);
    expect(updated.json().values).toEqual([
      expect.objectContaining({
        id: first.id,
        version: 2,
        value: expect.objectContaining({ text: '35 dont 15 femmes' }),
      }),
    ]);
    // another period is another value; moving it onto the first's period is refused the same way
    const other = (await post(people(p), '40', ['2025-07-01', '2025-12-31'])).json();
    const moved = other.values.find((v: { periodEnd: string }) => v.periodEnd === '2025-12-31');
    const onto = await suite.app.inject({
      method: 'PATCH',
      url: `/api/v1/indicator-values/${moved.id}`,
      payload: { version: moved.version, periodStart: '2025-01-01', periodEnd: '2025-06-30' },
    });
    expect(onto.statusCode).toBe(409);
  });

  it('lets only one of two simultaneous values for a period in', async () => {
    const p = await aProgramme(suite.database);
    const answers = await Promise.all([post(people(p), '30'), post(people(p), '31'), post(people(p), '32')]);
    expect(answers.map((a) => a.statusCode).sort()).toEqual([201, 409, 409]);
    expect(await countValues(people(p))).toBe(1);
  });

  it('refuses a value dated in an accepted report’s period with 423, naming the report and its acceptance', async () => {
    const p = await aProgramme(suite.database);
    await aReport(suite.database, p, { type: 'annual', year: 2025, status: 'approved' });
    const refused = await post(people(p), '30');
    expect(refused.statusCode).toBe(423);
    expect(refused.json().error.issues[0]).toMatchObject({ path: 'body.periodEnd' });
    expect(refused.json().error.issues[0].message).toMatch(
      /^Rapport annuel 2025 \(1 janvier 2025 – 30 novembre 2025\) couvre cette date — Accepté.*\. Rouvrez le rapport pour changer ses valeurs\.$/,
    );
    const en = await post(people(p), '30', undefined, 'en');
    expect(en.json().error.issues[0].message).toMatch(
      /^Annual report 2025 \(January 1, 2025 – November 30, 2025\) covers this date — Accepted/,
    );
    expect(await countValues(people(p))).toBe(0);
    // the import says it at the row, and writes nothing
    const file = await importCsv(
      p.slug,
      '1.1.1;2026-01-01;2026-06-30;12;;\n1.1.1;2025-01-01;2025-06-30;12;;',
      false,
    );
    expect(file.json()).toMatchObject({ created: 0, errorCount: 1 });
    expect(file.json().errors).toEqual([
      expect.objectContaining({
        row: 3,
        column: 'C (Fin de période)',
        message: expect.stringMatching(/^Valeur datée du 30 juin 2025 : Rapport annuel 2025/),
      }),
    ]);
    expect(await countValues(people(p))).toBe(0);
    // a closed period the same way, and outside both a value goes in
    await aClosedPeriod(suite.database, p, { start: '2026-01-01', end: '2026-03-31', reason: 'Audit du T1' });
    const closed = await post(people(p), '30', ['2026-01-01', '2026-03-31']);
    expect(closed.statusCode).toBe(423);
    expect(closed.json().error.issues[0].message).toContain('Audit du T1');
    expect((await post(people(p), '30', ['2026-04-01', '2026-06-30'])).statusCode).toBe(201);
  });

  it('imports: finds an unfit value and a period given twice at their row, and updates a period that has a value', async () => {
    const p = await aProgramme(suite.database);
    const bad = await importCsv(
      p.slug,
      '1.1.1;2025-01-01;2025-06-30;beaucoup;;\n1.a;2025-01-01;2025-06-30;140%;;\n1.1.1;2025-07-01;2025-12-31;50 dont 60 femmes;;\n1.a;2025-07-01;2025-12-31;40%;;\n1.a;2025-07-01;2025-12-31;45%;;',
      true,
    );
    expect(
      bad
        .json()
        .errors.map((e: { row: number; column: string; message: string }) => [e.row, e.column, e.message]),
    ).toEqual([
      [
        2,
        'D (Valeur)',
        'Cet indicateur se mesure par un nombre : « beaucoup » n’en est pas un. Écrivez un nombre, par ex. « 120 dont 45 femmes ».',
      ],
      [3, 'D (Valeur)', 'Un pourcentage est compris entre 0 et 100 : 140 % ne l’est pas.'],
      [4, 'D (Valeur)', 'La part « femmes » (60) dépasse le total (50).'],
      [
        6,
        'B (Début de période)',
        'La ligne 5 donne déjà une valeur de 1.a pour cette période : une seule valeur par indicateur et période.',
      ],
    ]);

    const typed = (await post(people(p), '30 dont 12 femmes')).json().values[0];
    const csv =
      '1.1.1;2025-01-01;2025-06-30;36 dont 14 femmes;Recomptage;CRSS\n1.a;2025-01-01;2025-06-30;40%;;';
    const preview = await importCsv(p.slug, csv, true);
    expect(preview.json()).toMatchObject({ created: 0, updated: 0, errorCount: 0 });
    expect(preview.json().rows).toEqual([
      expect.objectContaining({
        row: 2,
        indicator: '1.1.1',
        action: 'update',
        replaces: { id: typed.id, version: 1, value: '30 dont 12 femmes' },
        note: 'Mise à jour de la valeur existante « 30 dont 12 femmes » (version 1).',
      }),
      expect.objectContaining({ row: 3, indicator: '1.a', action: 'new' }),
    ]);
    const done = await importCsv(p.slug, csv, false);
    expect(done.json()).toMatchObject({ created: 1, updated: 1, errorCount: 0 });
    expect(await countValues(people(p))).toBe(1);
    const data = (
      await suite.app.inject({ url: `/api/v1/indicators/${people(p)}/data?to=2025-06-30` })
    ).json();
    expect(data.values).toEqual([
      expect.objectContaining({
        id: typed.id,
        version: 2,
        provenance: 'imported',
        fileName: 'valeurs.csv',
        row: 2,
        reason: 'Recomptage',
        value: expect.objectContaining({ text: '36 dont 14 femmes' }),
      }),
    ]);
    // the history keeps the value before the import
    const history = (
      await suite.app.inject({ url: `/api/v1/audit?entity=indicator_values&id=${typed.id}` })
    ).json();
    expect(history.items.map((e: { action: string }) => e.action)).toEqual(['update', 'insert']);
    expect(history.items[0].before).toMatchObject({ value: { text: '30 dont 12 femmes' } });
  });
  it('refuses a programme document whose progress does not fit, naming the value, and writes nothing', async () => {
    const progress = (value: string, periodEnd = '2025-06-30') => ({
      indicator: '1.1.1',
      periodStart: '2025-01-01',
      periodEnd,
      value,
    });
    await expect(
      aProgramme(suite.database, {
        code: 'PBF/MLI/V-1',
        progress: [progress('12'), progress('beaucoup', '2025-12-31')],
      }),
    ).rejects.toMatchObject({
      code: 'validation_failed',
      details: {
        issues: [
          {
            path: 'body.progress.1.value',
            message: expect.stringMatching(
              /^Indicateur 1\.1\.1, .* : Cet indicateur se mesure par un nombre : « beaucoup » n’en est pas un\./,
            ),
          },
        ],
      },
    });
    await expect(
      aProgramme(suite.database, { code: 'PBF/MLI/V-2', progress: [progress('12'), progress('13')] }),
    ).rejects.toMatchObject({ details: { issues: [{ path: 'body.progress.1.periodStart' }] } });
    const { rows } = (await suite.database.db.execute(
      sql`select count(*)::int as n from programmes where code like 'PBF/MLI/V-%'`,
    )) as unknown as { rows: { n: number }[] };
    expect(rows[0]!.n).toBe(0);
  });
});
