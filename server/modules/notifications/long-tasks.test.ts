/**
 * `import_finished` and `export_finished` through the one `notify`, received by a real SMTP server in the
 * process: a long import tells the person who uploaded it, in their language; one committed by someone else
 * tells the uploader whatever its length; a short one tells nobody (the screen said it); a failed commit tells
 * nobody; a long export tells the person who asked; each person's preference (none, digest) holds.
 */
import type { FastifyInstance } from 'fastify';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { NotificationList } from '../../../core/contracts/notifications.js';
import { aProgramme, anAccount, type MadeAccount, type MadeProgramme } from '../../test/factories.js';
import type { SmtpInbox } from '../../test/smtp-inbox.js';
import { testEngines } from '../../test/test-database.js';
import { testSuite } from '../../test/test-suite.js';
import { configureLongTasks } from './long-tasks.js';
import { deliverDue, type MailTransport } from './mailer.js';

const valueHeader = 'Indicateur;Début de période;Fin de période;Valeur;Raisons;Saisi par';

describe.each(testEngines)('import and export finished on %s', (engine) => {
  let inbox: SmtpInbox;
  let transport: MailTransport;
  let programme: MadeProgramme;
  const people = {} as Record<'awa' | 'moussa', MadeAccount>;
  const apps = {} as Record<keyof typeof people, FastifyInstance>;
  let period = 0;

  const suite = testSuite(engine, {
    mail: true,
    data: async (database) => {
      programme = await aProgramme(database);
      // two coordinators of the programme: one uploads, the other may commit
      people.awa = await anAccount(database, { programme, name: 'Awa Coordinatrice' });
      people.moussa = await anAccount(database, { programme, name: 'Moussa Coordinateur' });
    },
    app: false,
  });
  beforeAll(async () => {
    ({ inbox, transport } = suite.mail);
    for (const who of Object.keys(people) as (keyof typeof people)[])
      apps[who] = await suite.newApp({ as: people[who].persona });
    await apps.moussa.inject({
      method: 'PUT',
      url: '/api/v1/notification-preferences',
      payload: { locale: 'en' },
    });
  });
  afterEach(() => configureLongTasks(10_000));

  /** A file of one value for a quarter not used before (one value per indicator and period). */
  const valuesFile = (value = '40') => {
    const month = String(1 + 3 * (period++ % 4)).padStart(2, '0');
    const end = { '01': '03-31', '04': '06-30', '07': '09-30', '10': '12-31' }[month]!;
    const year = 2020 + Math.floor(period / 4);
    return `${valueHeader}\n1.1.1;${year}-${month}-01;${year}-${end};${value};;CRSS\n`;
  };
  const upload = async (who: keyof typeof people, csv: string, fileName: string) => {
    const res = await apps[who].inject({
      method: 'POST',
      url: `/api/v1/programmes/${programme.slug}/imports?kind=indicator-values&fileName=${fileName}`,
      payload: csv,
      headers: { 'content-type': 'application/octet-stream' },
    });
    expect(res.statusCode, res.body).toBe(201);
    return (res.json() as { id: string }).id;
  };
  const commit = (who: keyof typeof people, id: string) =>
    apps[who].inject({ method: 'POST', url: `/api/v1/imports/${id}/commit`, payload: { version: 1 } });
  const finished = async (who: keyof typeof people, kind: string) =>
    ((await apps[who].inject({ url: '/api/v1/notifications' })).json() as NotificationList).items.filter(
      (n) => n.kind === kind,
    );
  const deliver = () => deliverDue(suite.database.db, transport, () => new Date(Date.now() + 60_000));

  it('tells nobody of an import that ended while its author waited on the screen', async () => {
    const id = await upload('awa', valuesFile(), 'court.csv');
    expect((await commit('awa', id)).statusCode).toBe(200);
    expect(await finished('awa', 'import_finished')).toEqual([]);
    await deliver();
    expect(inbox.to(people.awa.email)).toEqual([]);
  });

  it('tells the author of a long import, in-app and by e-mail, with a link to the data', async () => {
    configureLongTasks(0);
    const id = await upload('awa', valuesFile(), 'long.csv');
    expect((await commit('awa', id)).statusCode).toBe(200);
    const [told, ...more] = await finished('awa', 'import_finished');
    expect(more).toEqual([]);
    expect(told).toMatchObject({
      title: `Import terminé (${programme.code}) : long.csv`,
      link: `/programmes/${programme.slug}`,
    });
    expect(await finished('moussa', 'import_finished')).toEqual([]);
    await deliver();
    const mail = await inbox.waitFor((m) => m.to.includes(people.awa.email));
    expect(mail.subject).toBe(`Import terminé (${programme.code}) : long.csv`);
    expect(mail.text).toContain(`https://jalon.example.org/programmes/${programme.slug}`);
  });

  it('tells the uploader, in their language, when someone else commits the file, however short', async () => {
    const id = await upload('moussa', valuesFile(), 'moussa.csv');
    expect((await commit('awa', id)).statusCode).toBe(200);
    expect(await finished('moussa', 'import_finished')).toHaveLength(1);
    await deliver();
    const mail = await inbox.waitFor((m) => m.to.includes(people.moussa.email));
    expect(mail.subject).toBe(`Import finished (${programme.code}): moussa.csv`);
  });

  it('tells nobody of a commit that is refused, since nothing was written', async () => {
    configureLongTasks(0);
    const before = (await finished('awa', 'import_finished')).length;
    const id = await upload('awa', `${valueHeader}\n9.9.9;2019-01-01;2019-03-31;40;;CRSS\n`, 'faux.csv');
    expect((await commit('awa', id)).statusCode).toBe(400);
    expect(await finished('awa', 'import_finished')).toHaveLength(before);
  });

  it('keeps to what each person chose: none, or the daily digest', async () => {
    configureLongTasks(0);
    await apps.awa.inject({
      method: 'PUT',
      url: '/api/v1/notification-preferences',
      payload: { modes: { import_finished: 'none', export_finished: 'digest' } },
    });
    const mails = inbox.to(people.awa.email).length;
    const before = (await finished('awa', 'import_finished')).length;
    const id = await upload('awa', valuesFile(), 'muet.csv');
    expect((await commit('awa', id)).statusCode).toBe(200);
    expect(await finished('awa', 'import_finished')).toHaveLength(before);
    const exported = await apps.awa.inject({ url: `/api/v1/programmes/${programme.slug}/export/xlsx` });
    expect(exported.statusCode).toBe(200);
    // in-app at once; the e-mail waits for the digest
    expect(await finished('awa', 'export_finished')).toHaveLength(1);
    await deliver();
    expect(inbox.to(people.awa.email)).toHaveLength(mails);
    await apps.awa.inject({
      method: 'PUT',
      url: '/api/v1/notification-preferences',
      payload: { modes: { import_finished: 'immediate', export_finished: 'immediate' } },
    });
  });

  it('tells the person who asked for a long export that it is ready, and no one else', async () => {
    const short = await apps.moussa.inject({ url: `/api/v1/programmes/${programme.slug}/export/xlsx` });
    expect(short.statusCode).toBe(200);
    expect(await finished('moussa', 'export_finished')).toEqual([]);
    configureLongTasks(0);
    const long = await apps.moussa.inject({ url: `/api/v1/programmes/${programme.slug}/export/xlsx` });
    expect(long.statusCode).toBe(200);
    // in-app in the language of the screen; the e-mail in the one the person chose
    const [told] = await finished('moussa', 'export_finished');
    expect(told?.title.startsWith(`Export prêt (${programme.code}) : `)).toBe(true);
    expect(told?.title).toMatch(/\.xlsx$/);
    expect(told?.link).toBe(`/programmes/${programme.slug}`);
    expect((await finished('awa', 'export_finished')).length).toBe(1);
    await deliver();
    const mail = await inbox.waitFor(
      (m) => m.to.includes(people.moussa.email) && m.subject.startsWith('Export ready'),
    );
    expect(mail.subject).toMatch(/^Export ready \(.*\): .*\.xlsx$/);
    expect(mail.text).toContain(`https://jalon.example.org/programmes/${programme.slug}`);
  });
});
