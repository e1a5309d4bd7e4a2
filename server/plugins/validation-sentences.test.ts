/**
 * A refused request says, for each field, what is wrong in the reader's language — Zod's own issues (missing,
 * wrong type, too long, not a date, not one of the options) and a contract's own sentence — never Zod's English.
 */
import { describe, expect, it } from 'vitest';
import { testEngines } from '../test/test-database.js';
import { testSuite } from '../test/test-suite.js';

describe.each(testEngines)('validation sentences on %s', (engine) => {
  const suite = testSuite(engine);

  const issuesOf = async (lang: 'fr' | 'en', url: string, payload?: object) => {
    const response = await suite.app.inject({
      method: payload ? 'POST' : 'GET',
      url: `/api/v1${url}${url.includes('?') ? '&' : '?'}lang=${lang}`,
      ...(payload ? { payload } : {}),
    });
    expect(response.statusCode, response.body).toBe(400);
    return Object.fromEntries(
      (response.json().error.issues as { path: string; message: string }[]).map((i) => [i.path, i.message]),
    );
  };

  it('says a missing value and a wrong type apart, in French and in English', async () => {
    expect(await issuesOf('fr', '/session', { email: 42 })).toEqual({
      'body.email': 'un texte est attendu',
      'body.password': 'valeur obligatoire',
    });
    expect(await issuesOf('en', '/session', { email: 42 })).toEqual({
      'body.email': 'a text is expected',
      'body.password': 'required',
    });
  });

  it('says a contract’s own sentence, a bad date and an unknown option in the reader’s language', async () => {
    const fr = await issuesOf('fr', '/programmes/any/dashboard?period=2023-T4&from=hier&lang=xx');
    expect(fr['querystring.period']).toBe('une année (2023), un trimestre (2023-Q4) ou all (à ce jour)');
    expect(fr['querystring.from']).toBe('une date au format AAAA-MM-JJ');
    expect(fr['querystring.lang']).toBe('une valeur parmi : "fr", "en"');
  });
});
