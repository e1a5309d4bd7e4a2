/**
 * Notifications through the real workflow, and their e-mails through a real SMTP server in the process: a part
 * ready, a submission, a send-back with its reason and comments, an acceptance, each told to the right people
 * in-app and by e-mail in their language; a mail server that refuses then accepts loses nothing and receives
 * each message once, whoever runs the worker; a digest gathers what waited for it; reminders of the calendar
 * come once per person, deadline and offset; without SMTP, notifications stay in-app.
 */
import type { FastifyInstance } from 'fastify';
import { beforeAll, describe, expect, it } from 'vitest';
import type { ReportDetail } from '../../../core/contracts/report.js';
import type { MyWork } from '../../../core/contracts/my-work.js';
import type { NotificationList } from '../../../core/contracts/notifications.js';
import { aProgramme, anAccount, type MadeAccount, type MadeProgramme } from '../../test/factories.js';
import type { SmtpInbox } from '../../test/smtp-inbox.js';
import { testEngines } from '../../test/test-database.js';
import { testSuite } from '../../test/test-suite.js';
import { sendDigests } from './digest.js';
import { deliverDue, type MailTransport } from './mailer.js';
import { configureMail } from './notify.js';
import { findOutbox } from './notifications.queries.js';
import { sendReminders } from '../due/reminders.js';

const NOW = new Date('2025-07-01T08:00:00Z');

describe.each(testEngines)('notifications and e-mail on %s', (engine) => {
  let programme: MadeProgramme;
  const people = {} as Record<'coordinator' | 'unwomen' | 'undp' | 'secretariat', MadeAccount>;
  const apps = {} as Record<keyof typeof people, FastifyInstance>;
  let reportId = '';
  // the outbox dates its e-mails by the database's clock: the worker's runs with it, moved on by the test
  let ahead = 0;
  const now = () => new Date(Date.now() + ahead);

  const suite = testSuite(engine, {
    mail: true,
    data: async (database) => {
      programme = await aProgramme(database);
      people.coordinator = await anAccount(database, { programme, name: 'Awa Coordinatrice' });
      people.unwomen = await anAccount(database, { programme, agency: 'UNWOMEN', name: 'Mariam ONU Femmes' });
      people.undp = await anAccount(database, { programme, agency: 'UNDP', name: 'Oumar PNUD' });
      people.secretariat = await anAccount(database, { role: 'secretariat', name: 'Secrétariat PBF' });
    },
    app: false,
  });
  let inbox: SmtpInbox;
  let transport: MailTransport;
  beforeAll(async () => {
    ({ inbox, transport } = suite.mail);
    for (const who of Object.keys(people) as (keyof typeof people)[])
      apps[who] = await suite.newApp({ as: people[who].persona, now: NOW });
  });

  const call = (
    who: keyof typeof people,
    method: 'GET' | 'POST' | 'PUT' | 'PATCH',
    url: string,
    payload?: object,
  ) => apps[who].inject({ method, url: `/api/v1${url}`, ...(payload ? { payload } : {}) });
  const deliver = () => deliverDue(suite.database.db, transport, now);

  it('tells the coordinator, by e-mail, that an agency marked its part ready', async () => {
    const created = await call('coordinator', 'POST', `/programmes/${programme.slug}/reports`, {
      type: 'semi_annual',
      year: 2025,
    });
    expect(created.statusCode).toBe(201);
    let report: ReportDetail = created.json();
    reportId = report.id;
    report = (
      await call('coordinator', 'PATCH', `/reports/${reportId}`, {
        version: report.version,
        changes: [
          { path: 'fields.final_evaluation_budget', value: 30000 },
          { path: 'fields.overall_status', value: 'Mise en œuvre en cours.' },
          ...report.model.outcomes.map((o) => ({
            path: `outcomes.${o.code}.fields.progress_summary`,
            value: `Progrès du résultat ${o.code}.`,
          })),
        ],
      })
    ).json();
    expect(report.checks.filter((c) => c.severity === 'error')).toEqual([]);
    expect(
      (await call('unwomen', 'POST', `/reports/${reportId}/parts/UNWOMEN`, { ready: true })).statusCode,
    ).toBe(200);
    expect(await deliver()).toEqual({ sent: 1, failed: 0 });
    const [mail] = inbox.to(people.coordinator.email);
    expect(mail?.subject).toBe(
      `Rapport semestriel 2025 de ${programme.code} : la partie ONU Femmes est prête (Mariam ONU Femmes)`,
    );
    expect(mail?.text).toContain(`https://jalon.example.org/reports/${reportId}`);
    // the person who acted is not told of their own move
    expect(inbox.to(people.unwomen.email)).toEqual([]);
  });

  it('tells the secretariat of a submission, and puts it first on their My work', async () => {
    const report: ReportDetail = (await call('coordinator', 'GET', `/reports/${reportId}`)).json();
    const submit = await call('coordinator', 'POST', `/reports/${reportId}/submit`, {
      version: report.version,
      withoutParts: ['UNDP'],
    });
    expect(submit.statusCode).toBe(200);
    await deliver();
    expect(inbox.to(people.secretariat.email).map((m) => m.subject)).toEqual([
      `Rapport semestriel 2025 de ${programme.code} soumis au Fonds par Awa Coordinatrice`,
    ]);
    const work: MyWork = (await call('secretariat', 'GET', '/my-work')).json();
    expect(work.roles.reviewer).toBe(true);
    expect(work.toReview).toEqual([
      expect.objectContaining({
        report: expect.objectContaining({ id: reportId }),
        submittedBy: 'Awa Coordinatrice',
        waitingDays: 0,
        link: `/reports/${reportId}`,
      }),
    ]);
  });

  it('sends back with the reason and the comments, to the coordinator and the focal points; My work puts them in front', async () => {
    await call('secretariat', 'POST', `/reports/${reportId}/comments`, {
      section: 'part_1',
      body: 'Préciser les régions couvertes.',
    });
    const report: ReportDetail = (await call('secretariat', 'GET', `/reports/${reportId}`)).json();
    const back = await call('secretariat', 'POST', `/reports/${reportId}/send-back`, {
      version: report.version,
      reason: 'Compléter la partie PNUD avant le 15 juillet.',
    });
    expect(back.statusCode).toBe(200);
    await deliver();
    for (const who of ['coordinator', 'unwomen', 'undp'] as const) {
      const mail = inbox.to(people[who].email).find((m) => m.subject.includes('renvoyé'));
      expect(mail?.subject).toBe(`Rapport semestriel 2025 de ${programme.code} renvoyé par Secrétariat PBF`);
      expect(mail?.text).toContain('Motif : Compléter la partie PNUD avant le 15 juillet.');
      expect(mail?.text).toContain('« Préciser les régions couvertes. »');
    }
    const work: MyWork = (await call('coordinator', 'GET', '/my-work')).json();
    expect(work.sentBack).toEqual([
      expect.objectContaining({
        reason: 'Compléter la partie PNUD avant le 15 juillet.',
        by: 'Secrétariat PBF',
        openComments: [
          expect.objectContaining({ section: 'part_1', body: 'Préciser les régions couvertes.' }),
        ],
      }),
    ]);
    expect(work.partsNotReady).toEqual([expect.objectContaining({ agencies: ['UNDP'] })]);
    const undp: MyWork = (await call('undp', 'GET', '/my-work')).json();
    expect(undp.toWrite).toEqual([expect.objectContaining({ agency: 'UNDP', link: `/reports/${reportId}` })]);
    expect(undp.toRecord).toEqual([
      expect.objectContaining({ agency: 'UNDP', period: { start: '2025-01-01', end: '2025-06-30' } }),
    ]);
    // in-app too, unread, in the reader's language
    const list: NotificationList = (await call('undp', 'GET', '/notifications?lang=en')).json();
    // the secretariat's comment, then the send-back
    expect(list.unread).toBe(2);
    expect(list.items.map((n) => n.kind)).toEqual(['sent_back', 'comment']);
    expect(list.items[0]).toMatchObject({
      kind: 'sent_back',
      title: `${programme.code} Semi-annual report 2025 sent back by Secrétariat PBF`,
      read: false,
    });
    expect((await call('undp', 'POST', '/notifications/read', { ids: 'all' })).json()).toEqual({ unread: 0 });
  });

  it('loses nothing when the mail server refuses, then sends each message once', async () => {
    await call('undp', 'POST', `/reports/${reportId}/parts/UNDP`, { ready: true });
    inbox.refuse(1);
    const before = inbox.messages.length;
    expect(await deliver()).toEqual({ sent: 0, failed: 1 });
    expect(inbox.messages.length).toBe(before);
    expect(await findOutbox(suite.database.db, 'pending')).toEqual([
      expect.objectContaining({ attempts: 1 }),
    ]);
    // not again before its retry time
    expect(await deliver()).toEqual({ sent: 0, failed: 0 });
    ahead += 2 * 60_000;
    // two workers at once (two servers, or a restart racing the old one): one of them sends it
    const [a, b] = await Promise.all([deliver(), deliverDue(suite.database.db, transport, now)]);
    expect(a.sent + b.sent).toBe(1);
    expect(inbox.messages.length).toBe(before + 1);
    expect(inbox.messages.at(-1)?.subject).toContain('la partie PNUD est prête');
    expect(await deliver()).toEqual({ sent: 0, failed: 0 });
  });

  it('gathers in one daily digest what a person chose to receive so', async () => {
    const prefs = await call('unwomen', 'PUT', '/notification-preferences', {
      locale: 'en',
      modes: { accepted: 'digest' },
    });
    expect(prefs.json()).toMatchObject({
      locale: 'en',
      modes: { accepted: 'digest', submitted: 'immediate' },
    });
    let report: ReportDetail = (await call('coordinator', 'GET', `/reports/${reportId}`)).json();
    const comment = report.comments[0]!;
    await call('coordinator', 'POST', `/reports/${reportId}/comments/${comment.id}/resolve`, {
      resolved: true,
    });
    report = (await call('coordinator', 'GET', `/reports/${reportId}`)).json();
    await call('coordinator', 'POST', `/reports/${reportId}/submit`, { version: report.version });
    report = (await call('secretariat', 'GET', `/reports/${reportId}`)).json();
    expect(
      (await call('secretariat', 'POST', `/reports/${reportId}/approve`, { version: report.version }))
        .statusCode,
    ).toBe(200);
    await deliver();
    expect(inbox.to(people.unwomen.email).filter((m) => m.subject.includes('accept'))).toEqual([]);
    expect(inbox.to(people.coordinator.email).at(-1)?.subject).toBe(
      `Rapport semestriel 2025 de ${programme.code} accepté par Secrétariat PBF`,
    );
    expect(await sendDigests(suite.database.db)).toBe(1);
    expect(await sendDigests(suite.database.db)).toBe(0);
    await deliver();
    const digest = inbox.to(people.unwomen.email).at(-1);
    expect(digest?.subject).toBe('Jalon: one notification today');
    expect(digest?.text).toContain(`${programme.code} Semi-annual report 2025 accepted by Secrétariat PBF`);
  });

  it('reminds the writers of a deadline of the calendar once per offset, before and after it', async () => {
    const put = await call('coordinator', 'PUT', `/programmes/${programme.slug}/calendar`, {
      deadlines: [{ type: 'annual', year: 2025, dueDate: '2025-07-04', reminderDays: [-3, 2] }],
    });
    expect(put.json()).toMatchObject({ source: 'stored', deadlines: [{ dueDate: '2025-07-04' }] });
    const sent = inbox.messages.length;
    expect(await sendReminders(suite.database.db, new Date('2025-07-01T09:00:00Z'))).toBe(3);
    expect(await sendReminders(suite.database.db, new Date('2025-07-01T15:00:00Z'))).toBe(0);
    expect(await sendReminders(suite.database.db, new Date('2025-07-06T09:00:00Z'))).toBe(3);
    await deliver();
    const coordinator = inbox
      .to(people.coordinator.email)
      .slice(-2)
      .map((m) => m.subject);
    expect(coordinator).toEqual([
      `Rapport annuel 2025 de ${programme.code} : à remettre le 4 juillet 2025, dans 3 jours`,
      `Rapport annuel 2025 de ${programme.code} : en retard de 2 jours (attendu le 4 juillet 2025)`,
    ]);
    expect(inbox.messages.length).toBe(sent + 6);
    const due = (await call('coordinator', 'GET', '/due')).json() as { items: { dueDate: string }[] };
    expect(due.items.map((i) => i.dueDate)).toEqual(['2025-07-04']);
  });

  it('keeps notifications in-app only when e-mail is off', async () => {
    configureMail({ enabled: false, publicUrl: 'https://jalon.example.org' });
    const pending = (await findOutbox(suite.database.db)).length;
    await call('coordinator', 'PUT', `/programmes/${programme.slug}/calendar`, {
      deadlines: [{ type: 'final', year: 2026, dueDate: '2025-07-20', reminderDays: [-14] }],
    });
    expect(await sendReminders(suite.database.db, new Date('2025-07-07T09:00:00Z'))).toBe(3);
    expect((await findOutbox(suite.database.db)).length).toBe(pending);
    const list: NotificationList = (await call('coordinator', 'GET', '/notifications')).json();
    expect(list.items[0]?.kind).toBe('due_soon');
    configureMail({ enabled: true, publicUrl: 'https://jalon.example.org' });
  });
});
