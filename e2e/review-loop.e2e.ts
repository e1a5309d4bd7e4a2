/**
 * The review loop of PROSMED's semi-annual report 2023, in real browsers, with e-mail through a real SMTP
 * server started by the test: the demo report waits in review; the secretariat finds it on My work and sends
 * it back with a reason; the coordinator and UNODC's focal point are told by e-mail and see it on My work, the
 * report saying so at its top; the focal point marks UNODC's part ready (the coordinator is told); the
 * coordinator resolves the comment and submits again (the secretariat is told and finds it to review); the
 * secretariat accepts (the writers are told). The last test holds each person to exactly what they were told, in
 * Jalon and by e-mail, and the closing note lists it.
 */
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { MyWork } from '../core/contracts/my-work.js';
import type { NotificationList } from '../core/contracts/notifications.js';
import type { ReportDetail } from '../core/contracts/report.js';
import { startSmtpInbox, type SmtpInbox } from '../server/test/smtp-inbox.js';
import { e2eSuite, screenshotDir, signIn, tallDesktop } from './support/app.js';

let inbox: SmtpInbox;
const pages = {} as Record<'secretariat' | 'coordinator' | 'unodc', Page>;
const emails = {
  secretariat: 'secretariat@jalon.demo',
  coordinator: 'coordination.prosmed@jalon.demo',
  unodc: 'unodc.prosmed@jalon.demo',
} as const;
const unodcPassword = 'revue-prosmed-unodc-2023';
let reportId = '';

async function api<T>(
  page: Page,
  method: 'GET' | 'POST' | 'PATCH',
  path: string,
  data?: unknown,
): Promise<T> {
  const response = await page.request.fetch(url(path), {
    method,
    ...(data === undefined ? {} : { data }),
    headers: { origin: e2e.server.url },
  });
  if (!response.ok()) throw new Error(`${method} ${path}: ${response.status()} ${await response.text()}`);
  const text = await response.text();
  return (text ? JSON.parse(text) : undefined) as T;
}

// the SMTP server before Jalon's, which is started with its address (and stopped before it: hooks unwind)
beforeAll(async () => {
  inbox = await startSmtpInbox();
});
afterAll(async () => {
  await inbox?.close();
});

const e2e = e2eSuite({
  server: () => ({
    env: {
      JALON_SMTP_URL: inbox.url,
      JALON_MAIL_FROM: 'Jalon <jalon@jalon.demo>',
      JALON_MAIL_POLL_SECONDS: '0.5',
    },
  }),
  context: false,
  setUp: async (started) => {
    const context = () => started.newPage({ context: tallDesktop });
    pages.secretariat = await context();
    pages.coordinator = await context();
    pages.unodc = await context();
    // UNODC's focal point on PROSMED: an account the administrator makes, whose first password is changed
    const admin = await started.newPage({ context: tallDesktop, signIn: 'admin@jalon.demo' });
    const user = await api<{ id: string }>(admin, 'POST', '/api/v1/users', {
      email: emails.unodc,
      name: 'Point focal ONUDC (PROSMED)',
      password: 'premier-mot-de-passe-unodc',
    });
    await api(admin, 'POST', `/api/v1/users/${user.id}/memberships`, {
      programme: 'PROSMED',
      role: 'focal_point',
      organisation: 'UNODC',
    });
    const first = await pages.unodc.request.post(url('/api/v1/session'), {
      data: { email: emails.unodc, password: 'premier-mot-de-passe-unodc' },
    });
    expect(first.ok()).toBe(true);
    await api(pages.unodc, 'POST', '/api/v1/me/password', {
      current: 'premier-mot-de-passe-unodc',
      next: unodcPassword,
    });
    await signIn(pages.secretariat, started.server, emails.secretariat);
    await signIn(pages.coordinator, started.server, emails.coordinator);
  },
  timeoutMs: 420_000,
});
const { url } = e2e;

const shot = (page: Page, name: string) =>
  page.screenshot({ path: join(screenshotDir, `review-loop-${name}.png`), fullPage: true });

/** The home page's My work, once it has loaded. */
async function home(page: Page) {
  await page.goto(url('/'));
  await page.getByTestId('my-work').waitFor();
  return page.getByTestId('my-work');
}

describe("PROSMED's semi-annual report 2023 round the review loop", () => {
  it('waits on the secretariat’s My work, which sends it back with a reason', async () => {
    const s = pages.secretariat;
    const work = await home(s);
    const item = work
      .getByTestId('work-to-review')
      .getByRole('link', { name: /PROSMED — Rapport semestriel 2023/ });
    await item.waitFor();
    await shot(s, '1-secretariat-my-work');
    await item.click();
    await s.getByRole('heading', { level: 1, name: /Rapport semestriel 2023/ }).waitFor();
    reportId = s.url().split('/reports/')[1]!;
    const report = await api<ReportDetail>(s, 'GET', `/api/v1/reports/${reportId}`);
    expect(report.status).toBe('submitted');
    await api(s, 'POST', `/api/v1/reports/${reportId}/send-back`, {
      version: report.version,
      reason: 'Compléter la partie ONUDC avant le 15 janvier.',
    });
  });

  it('tells the coordinator and UNODC by e-mail, with the reason and the comment; My work and the report say so', async () => {
    const subject = /Rapport semestriel 2023 de PROSMED renvoyé par Secrétariat PBF/;
    for (const who of ['coordinator', 'unodc'] as const) {
      const mail = await inbox.waitFor((m) => m.to.includes(emails[who]) && subject.test(m.subject));
      expect(mail.text).toContain('Motif : Compléter la partie ONUDC avant le 15 janvier.');
      expect(mail.text).toContain('nombre de participants par sexe');
      expect(mail.text).toContain(`/reports/${reportId}`);
    }
    const c = pages.coordinator;
    const work = await home(c);
    const sentBack = work.getByTestId('work-sent-back');
    await sentBack.getByText('Motif : Compléter la partie ONUDC avant le 15 janvier.').waitFor();
    await sentBack.getByText(/nombre de participants par sexe/).waitFor();
    await shot(c, '2-coordinator-my-work');
    await sentBack.getByRole('link', { name: /PROSMED — Rapport semestriel 2023/ }).click();
    const banner = c.getByTestId('sent-back-banner');
    await banner.getByText('Motif : Compléter la partie ONUDC avant le 15 janvier.').waitFor();
    await shot(c, '3-report-sent-back');
  });

  it('lets UNODC’s focal point find their part on My work and mark it ready; the coordinator is told', async () => {
    const f = pages.unodc;
    const work = await home(f);
    await work
      .getByTestId('work-to-write')
      .locator(`[data-report="${reportId}"]`)
      .getByText(/Partie UNODC/)
      .waitFor();
    await shot(f, '4-focal-point-my-work');
    const report = await api<ReportDetail>(f, 'GET', `/api/v1/reports/${reportId}`);
    expect(report.status).toBe('draft');
    await api(f, 'POST', `/api/v1/reports/${reportId}/parts/UNODC`, { ready: true });
    await inbox.waitFor(
      (m) => m.to.includes(emails.coordinator) && /la partie ONUDC est prête/.test(m.subject),
    );
  });

  it('is submitted again by the coordinator once the comment is resolved; the secretariat is told and finds it', async () => {
    const c = pages.coordinator;
    let report = await api<ReportDetail>(c, 'GET', `/api/v1/reports/${reportId}`);
    for (const comment of report.comments.filter((x) => !x.resolved))
      await api(c, 'POST', `/api/v1/reports/${reportId}/comments/${comment.id}/resolve`, { resolved: true });
    report = await api<ReportDetail>(c, 'GET', `/api/v1/reports/${reportId}`);
    expect(report.parts.every((p) => p.ready)).toBe(true);
    await api(c, 'POST', `/api/v1/reports/${reportId}/submit`, { version: report.version });
    await inbox.waitFor(
      (m) =>
        m.to.includes(emails.secretariat) &&
        /Rapport semestriel 2023 de PROSMED soumis au Fonds par Coordination PROSMED/.test(m.subject),
    );
    const work = await home(pages.secretariat);
    await work
      .getByTestId('work-to-review')
      .getByRole('link', { name: /PROSMED — Rapport semestriel 2023/ })
      .waitFor();
  });

  it('is accepted by the secretariat; the coordinator and UNODC are told, and their bell counts it', async () => {
    const s = pages.secretariat;
    const report = await api<ReportDetail>(s, 'GET', `/api/v1/reports/${reportId}`);
    await api(s, 'POST', `/api/v1/reports/${reportId}/approve`, { version: report.version });
    for (const who of ['coordinator', 'unodc'] as const)
      await inbox.waitFor(
        (m) =>
          m.to.includes(emails[who]) &&
          /Rapport semestriel 2023 de PROSMED accepté par Secrétariat PBF/.test(m.subject),
      );
    const f = pages.unodc;
    await f.goto(url('/'));
    await f.locator('[data-testid="notification-bell"]:not([data-unread="0"])').waitFor();
    await f.getByTestId('notification-bell').click();
    await f.locator('[data-testid="notification"][data-kind="accepted"]').waitFor();
    await shot(f, '5-focal-point-notifications');
    const work = await api<MyWork>(pages.secretariat, 'GET', '/api/v1/my-work');
    expect(work.toReview.some((r) => r.report.id === reportId)).toBe(false);

    // what each person was told, in Jalon and by e-mail (subjects as the SMTP server received them): all of it,
    // and nothing more — a second e-mail for one event, or one to the person who acted, fails here
    const received = {} as Record<keyof typeof pages, { inJalon: string[]; emails: string[] }>;
    for (const who of Object.keys(pages) as (keyof typeof pages)[]) {
      const list = await api<NotificationList>(pages[who], 'GET', '/api/v1/notifications');
      received[who] = {
        inJalon: list.items
          .filter((n) => n.link === `/reports/${reportId}`)
          .map((n) => n.kind)
          .reverse(),
        emails: inbox
          .to(emails[who])
          .filter((m) => m.text.includes(`/reports/${reportId}`))
          .map((m) => m.subject),
      };
    }
    const report2023 = 'Rapport semestriel 2023 de PROSMED';
    expect(received).toEqual({
      secretariat: {
        inJalon: ['submitted'],
        emails: [`${report2023} soumis au Fonds par Coordination PROSMED (PNUD)`],
      },
      coordinator: {
        inJalon: ['sent_back', 'part_ready', 'accepted'],
        emails: [
          `${report2023} renvoyé par Secrétariat PBF`,
          `${report2023} : la partie ONUDC est prête (Point focal ONUDC (PROSMED))`,
          `${report2023} accepté par Secrétariat PBF`,
        ],
      },
      unodc: {
        inJalon: ['sent_back', 'accepted'],
        emails: [`${report2023} renvoyé par Secrétariat PBF`, `${report2023} accepté par Secrétariat PBF`],
      },
    });
    const lines = Object.entries(received).flatMap(([who, got]) => [
      `${who} — in Jalon: ${got.inJalon.join(', ')}`,
      `${who} — e-mails: ${got.emails.join(' | ')}`,
    ]);
    console.log(`review loop, what each person received:\n${lines.join('\n')}`);
  });
});
