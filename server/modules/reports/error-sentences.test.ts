/**
 * The refusals that used to carry the developer's English text — `not_found`, `conflict` and `locked` add
 * which item or which lock after the code's sentence, `bad_request` said what Fastify could not read — say it
 * in the reader's language (issue 13): asked in French, the whole message is French; asked in English, English.
 */
import { describe, expect, it } from 'vitest';
import { aClosedPeriod, aProgramme, aReport, type MadeProgramme } from '../../test/factories.js';
import { testEngines } from '../../test/test-database.js';
import { testSuite } from '../../test/test-suite.js';

describe.each(testEngines)('error sentences in the reader’s language on %s', (engine) => {
  let programme: MadeProgramme;
  const suite = testSuite(engine, {
    data: async (database) => {
      programme = await aProgramme(database);
    },
  });

  const ask = (lang: 'fr' | 'en', method: 'GET' | 'POST' | 'DELETE', url: string, payload?: object) =>
    suite.app.inject({
      method,
      url: `/api/v1${url}${url.includes('?') ? '&' : '?'}lang=${lang}`,
      ...(payload ? { payload } : {}),
    });

  it('not_found names the item asked for, never “… not found: …”', async () => {
    const fr = await ask('fr', 'GET', '/programmes/nope');
    expect(fr.statusCode).toBe(404);
    expect(fr.json().error.message).toBe("Cet élément n'existe pas. (nope)");
    const en = await ask('en', 'GET', '/programmes/nope');
    expect(en.json().error.message).toBe('This item does not exist. (nope)');

    const report = await aReport(suite.database, programme, { type: 'annual', year: 2025 });
    const agency = await ask('fr', 'POST', `/reports/${report.id}/parts/WFP`, { ready: true });
    expect(agency.statusCode).toBe(404);
    expect(agency.json().error.message).toBe(
      "Cet élément n'existe pas. (WFP n’est pas une agence récipiendaire de ce programme.)",
    );
  });

  it('conflict says what already exists or why the move is refused, in French when asked in French', async () => {
    await aReport(suite.database, programme, { type: 'semi_annual', year: 2025 });
    const again = await ask('fr', 'POST', `/programmes/${programme.slug}/reports`, {
      type: 'semi_annual',
      year: 2025,
    });
    expect(again.statusCode).toBe(409);
    expect(again.json().error.message).toBe('Cet élément existe déjà. (Rapport semestriel 2025 existe déjà)');
    expect(again.json().error.message).not.toMatch(/There is already/);

    const closed = await aClosedPeriod(suite.database, programme, { start: '2026-01-01', end: '2026-03-31' });
    expect(
      (await ask('fr', 'POST', `/closed-periods/${closed.id}/reopen`, { reason: 'Erreur' })).statusCode,
    ).toBe(200);
    const twice = await ask('fr', 'POST', `/closed-periods/${closed.id}/reopen`, { reason: 'Encore' });
    expect(twice.statusCode).toBe(409);
    expect(twice.json().error.message).toBe('Cet élément existe déjà. (La période est déjà rouverte)');
    const english = await ask('en', 'POST', `/closed-periods/${closed.id}/reopen`, { reason: 'Again' });
    expect(english.json().error.message).toBe('This item already exists. (The period is already reopened)');
  });

  it('locked names the lock in the reader’s language', async () => {
    const report = await aReport(suite.database, programme, {
      type: 'annual',
      year: 2026,
      status: 'approved',
    });
    const refused = await ask('fr', 'DELETE', `/reports/${report.id}`);
    expect(refused.statusCode).toBe(423);
    expect(refused.json().error.message).toMatch(
      /^Verrouillé : cet élément ne peut pas être modifié pour le moment\. \(Accepté/,
    );
  });

  it('bad_request says why the body could not be read, in French when asked in French', async () => {
    const send = (lang: 'fr' | 'en', payload: string) =>
      suite.app.inject({
        method: 'POST',
        url: `/api/v1/programmes/${programme.slug}/reports?lang=${lang}`,
        headers: { 'content-type': 'application/json' },
        payload,
      });
    const broken = await send('fr', '{"type": ');
    expect(broken.statusCode).toBe(400);
    expect(broken.json().error).toMatchObject({
      code: 'bad_request',
      message: 'La requête est mal formée.',
      issues: [{ path: 'body', message: 'Le corps de la requête n’est pas du JSON valide.' }],
    });
    const empty = await send('fr', '');
    expect(empty.json().error.issues).toEqual([
      { path: 'body', message: 'Le corps de la requête est vide, alors qu’il est annoncé en JSON.' },
    ]);
    const url = await suite.app.inject({ url: '/api/v1/programmes/%E0%A4%A?lang=fr' });
    expect(url.statusCode).toBe(400);
    expect(url.json().error).toMatchObject({
      code: 'bad_request',
      message: 'La requête est mal formée.',
      issues: [{ path: 'url', message: 'L’adresse demandée est mal formée.' }],
    });
    const english = await send('en', '{"type": ');
    expect(english.json().error.issues).toEqual([
      { path: 'body', message: 'The body of the request is not valid JSON.' },
    ]);
  });
});
