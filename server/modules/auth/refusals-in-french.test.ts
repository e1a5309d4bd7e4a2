/**
 * Refusals of accounts, programmes and frameworks used to carry the developer's English in their issues
 * ("already exists", "unknown programme X"); asked in French, they now say it in French, and in English when
 * asked in English (issue 13).
 */
import { describe, expect, it } from 'vitest';
import { aProgramme, type MadeProgramme } from '../../test/factories.js';
import { testEngines } from '../../test/test-database.js';
import { testSuite } from '../../test/test-suite.js';

describe.each(testEngines)('refusals in the reader’s language on %s', (engine) => {
  let programme: MadeProgramme;
  const suite = testSuite(engine, {
    data: async (database) => {
      programme = await aProgramme(database);
    },
  });

  const ask = (lang: 'fr' | 'en', method: 'POST', url: string, payload: object) =>
    suite.app.inject({ method, url: `/api/v1${url}?lang=${lang}`, payload });

  it('an address already used: French when asked in French, English in English', async () => {
    const account = { email: 'fatou@unicef.test', name: 'Fatou', password: 'une phrase assez longue' };
    expect((await ask('fr', 'POST', '/users', account)).statusCode).toBe(201);
    const again = await ask('fr', 'POST', '/users', account);
    expect(again.statusCode).toBe(409);
    expect(again.json().error.message).toBe(
      'Cet élément existe déjà. (Un autre compte utilise déjà cette adresse.)',
    );
    expect(again.json().error.issues).toEqual([
      { path: 'body.email', message: 'Un autre compte utilise déjà cette adresse.' },
    ]);
    const english = await ask('en', 'POST', '/users', account);
    expect(english.json().error.issues[0].message).toBe('This address is already used by another account.');
  });

  it('a membership of an unknown programme names it in French', async () => {
    const user = await ask('fr', 'POST', '/users', {
      email: 'ibrahim@wfp.test',
      name: 'Ibrahim',
      password: 'une autre phrase assez longue',
    });
    const refused = await ask('fr', 'POST', `/users/${user.json().id}/memberships`, {
      programme: 'PBF/MLI/NULLE-PART',
      role: 'viewer',
    });
    expect(refused.statusCode).toBe(400);
    expect(refused.json().error.issues).toEqual([
      { path: 'body.programme', message: 'Programme inconnu : PBF/MLI/NULLE-PART.' },
    ]);
  });

  it('a programme code or an outcome code already used, in French', async () => {
    const taken = await ask('fr', 'POST', '/programmes', {
      code: programme.code,
      title: { fr: 'Un autre programme' },
      endDate: '2027-12-31',
    });
    expect(taken.statusCode).toBe(409);
    expect(taken.json().error.issues).toEqual([
      { path: 'body.code', message: `Un programme de code ${programme.code} existe déjà.` },
    ]);

    const version = programme.framework!;
    const outcome = await ask('fr', 'POST', `/framework-versions/${version.id}/outcomes`, {
      code: version.outcomes[0]!.code,
      statement: { fr: 'Un effet en double' },
    });
    expect(outcome.statusCode).toBe(409);
    expect(outcome.json().error.message).toBe(
      `Cet élément existe déjà. (Le code ${version.outcomes[0]!.code} est déjà utilisé dans cette version du cadre.)`,
    );
  });
});
