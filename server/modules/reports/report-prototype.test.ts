/**
 * Issue 12, item 1: a report path naming the prototype (`indicators.__proto__.progress`) wrote onto
 * Object.prototype, and from then on nobody could sign in and public lists answered 500 until a restart.
 * The attack as a focal point is refused with 400, and the process is unharmed afterwards.
 */
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ReportDetail } from '../../../core/contracts/report.js';
import { signInHeaders, type Persona } from '../../test/api-client.js';
import { aProgramme, type MadeProgramme } from '../../test/factories.js';
import { testEngines } from '../../test/test-database.js';
import { testSuite } from '../../test/test-suite.js';

/** What the attack wrote: names added to Object.prototype and to Object since the file started. */
const prototypeNames = () => Object.getOwnPropertyNames(Object.prototype);
const objectNames = () => Object.getOwnPropertyNames(Object);

describe.each(testEngines)('report paths naming the prototype on %s', (engine) => {
  let writer: FastifyInstance;
  let focal: FastifyInstance;
  let anonymous: FastifyInstance;
  let report: ReportDetail;
  let focalPoint: Persona;
  const cleanPrototype = prototypeNames();
  const cleanObject = objectNames();
  let programme: MadeProgramme;
  const suite = testSuite(engine, {
    data: async (database) => {
      programme = await aProgramme(database);
    },
    app: false,
  });
  beforeAll(async () => {
    const coordinator: Persona = {
      email: 'coordination@test.jalon',
      memberships: [{ programme: programme.slug, role: 'coordinator' }],
    };
    focalPoint = {
      email: 'onufemmes@test.jalon',
      memberships: [{ programme: programme.slug, role: 'focal_point', organisation: 'UNWOMEN' }],
    };
    writer = await suite.newApp({ as: coordinator });
    focal = await suite.newApp({ as: focalPoint });
    anonymous = await suite.newApp({ as: null });
    const created = await writer.inject({
      method: 'POST',
      url: `/api/v1/programmes/${programme.slug}/reports`,
      payload: { type: 'semi_annual', year: 2025 },
    });
    expect(created.statusCode).toBe(201);
    report = created.json();
  });
  // before the suite closes its applications (Vitest runs the last registered afterAll first)
  afterAll(() => {
    // a failing run must not leave the other test files of this worker polluted
    for (const name of prototypeNames())
      if (!cleanPrototype.includes(name)) delete (Object.prototype as Record<string, unknown>)[name];
    for (const name of objectNames())
      if (!cleanObject.includes(name)) delete (Object as unknown as Record<string, unknown>)[name];
  });

  const patch = (path: string, value: unknown, lang = 'fr') =>
    focal.inject({
      method: 'PATCH',
      url: `/api/v1/reports/${report.id}?lang=${lang}`,
      payload: { version: report.version, changes: [{ path, value }] },
    });

  it('refuses the paths with 400 and a message in the reader’s language, and writes nothing', async () => {
    const code = report.model.outcomes[0]!.indicators[0]?.code ?? '1.1';
    for (const [path, value] of [
      ['indicators.__proto__.progress', 'x'],
      ['outcomes.__proto__.rating', 'on_track'],
      ['indicators.constructor.progress', 'x'],
      ['indicators.constructor.prototype.progress', 'x'],
      ['outcomes.constructor.fields.progress_summary', 'x'],
      ['indicators.prototype.progress', 'x'],
      [`indicators.${code}.__proto__.reason`, 'x'],
      ['fields.__proto__', 'x'],
    ] as const) {
      const fr = await patch(path, value);
      expect(fr.statusCode, `${path}: ${fr.body.slice(0, 300)}`).toBe(400);
      expect(fr.json().error.code).toBe('validation_failed');
      expect(fr.json().error.issues).toEqual([
        { path: 'body.changes.0.path', message: expect.stringMatching(/ne peut pas.*__proto__/) },
      ]);
      const en = await patch(path, value, 'en');
      expect(en.statusCode).toBe(400);
      expect(en.json().error.issues).toEqual([
        { path: 'body.changes.0.path', message: expect.stringMatching(/cannot be.*__proto__/) },
      ]);
    }
    expect(({} as Record<string, unknown>).progress).toBeUndefined();
    expect(({} as Record<string, unknown>).rating).toBeUndefined();
    expect(prototypeNames()).toEqual(cleanPrototype);
    expect(objectNames()).toEqual(cleanObject);
    const after = await writer.inject({ url: `/api/v1/reports/${report.id}` });
    expect(after.json().version).toBe(report.version);
  });

  it('leaves the process unharmed: sign-in, public lists and valid writes still work', async () => {
    await patch('indicators.__proto__.progress', 'x');
    await patch('outcomes.__proto__.rating', 'on_track');
    expect(({} as Record<string, unknown>).progress).toBeUndefined();
    // signing in again (the session contract is strict: a polluted prototype broke it)
    expect(Object.keys(await signInHeaders(anonymous, focalPoint.email))).toEqual(['cookie', 'x-csrf-token']);
    const list = await anonymous.inject({ url: '/api/v1/programmes' });
    expect(list.statusCode).toBe(200);
    // Part I is given to no agency: the coordination writes it (decision 0016)
    const valid = await writer.inject({
      method: 'PATCH',
      url: `/api/v1/reports/${report.id}?lang=fr`,
      payload: {
        version: report.version,
        changes: [{ path: 'fields.overall_status', value: 'Mise en œuvre en cours.' }],
      },
    });
    expect(valid.statusCode, valid.body).toBe(200);
    expect((valid.json() as ReportDetail).model.content.fields.overall_status).toBe(
      'Mise en œuvre en cours.',
    );
  });
});
