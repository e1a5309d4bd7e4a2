/**
 * The one way to tell people something happened: `notify(tx, event)`, called by the services that make the
 * event (the report workflow, imports, the reminders) inside their own transaction, so the notification and
 * its e-mail exist exactly when the event does. It finds the recipients (by role on the programme, the
 * secretariat, named people; never the person who acted), writes one in-app notification each, and for each
 * one who wants it now an e-mail in the outbox, in their language; a digest reader's waits for the digest.
 * This module imports no feature module: the features import it (ARCHITECTURE.md, "Module order").
 */
import type { MembershipRole } from '../../../core/contracts/auth.js';
import {
  defaultMode,
  type DeliveryMode,
  type NotificationKind,
} from '../../../core/contracts/notification-kinds.js';
import { isLocale, type Locale } from '../../../core/i18n/locale.js';
import { t } from '../../../core/i18n/t.js';
import type { DbOrTx } from '../../db/client.js';
import {
  findMembers,
  findPreferences,
  findSecretariat,
  findUsers,
  insertNotifications,
  insertOutbox,
  type Person,
} from './notifications.queries.js';
import { renderTitle, type NotificationFacts } from './render.js';

export interface NotificationEvent {
  kind: NotificationKind;
  programmeId: string | null;
  reportId?: string | null;
  facts: NotificationFacts;
  /** the details, as written (a send-back's reason and open comments) */
  body?: string | null;
  /** where the work is done: a path of the web app */
  link: string;
  to: {
    /** members of the programme in these roles */
    roles?: MembershipRole[];
    /** focal points only of these agencies (organisation ids); all of them when absent */
    agencies?: string[];
    /** the Fund's secretariat */
    secretariat?: boolean;
    /** these people (an import's author) */
    users?: string[];
  };
  /** who acted: told nothing about their own move */
  except?: string | null;
  /** once per person: a reminder's key (deadline × offset); the person's id is added */
  dedupe?: string;
}

/** How e-mail goes out of this server process (set by `jalon start` from the environment, and by tests). */
export interface MailSettings {
  enabled: boolean;
  /** the web app's address, for the links in e-mails */
  publicUrl: string;
}
let mail: MailSettings = { enabled: false, publicUrl: 'http://localhost:3000' };
export const configureMail = (settings: MailSettings) => {
  mail = settings;
};
export const mailSettings = (): MailSettings => mail;

interface Reader extends Person {
  locale: Locale;
  mode: DeliveryMode;
}

async function recipients(db: DbOrTx, event: NotificationEvent): Promise<Reader[]> {
  const people = new Map<string, Person>();
  const { roles, agencies, secretariat, users } = event.to;
  if (roles?.length && event.programmeId) {
    for (const m of await findMembers(db, event.programmeId, roles)) {
      const otherAgency = m.role === 'focal_point' && agencies && !agencies.includes(m.organisationId ?? '');
      if (!otherAgency) people.set(m.id, m);
    }
  }
  if (secretariat) for (const p of await findSecretariat(db)) people.set(p.id, p);
  if (users?.length) for (const p of await findUsers(db, users)) people.set(p.id, p);
  if (event.except) people.delete(event.except);
  const prefs = await findPreferences(db, [...people.keys()]);
  return [...people.values()].map((p) => {
    const own = prefs.filter((r) => r.userId === p.id);
    const locale = own.find((r) => r.kind === null)?.locale;
    return {
      ...p,
      locale: isLocale(locale) ? locale : 'fr',
      mode: own.find((r) => r.kind === event.kind)?.mode ?? defaultMode,
    };
  });
}

/** The e-mail of one notification, in its reader's language. */
export function mailText(locale: Locale, title: string, body: string | null, link: string): string {
  const base = mail.publicUrl.replace(/\/$/, '');
  return [
    title,
    '',
    ...(body ? [body, ''] : []),
    t(locale, 'notifications.mail.open', { url: base + link }),
    '',
    '-- ',
    t(locale, 'notifications.mail.footer', { url: `${base}/notifications` }),
  ].join('\n');
}

/** Tells the event's recipients; returns how many were told (a reminder already given counts none). */
export async function notify(db: DbOrTx, event: NotificationEvent): Promise<number> {
  const readers = (await recipients(db, event)).filter((r) => r.mode !== 'none');
  const written = await insertNotifications(
    db,
    readers.map((r) => ({
      userId: r.id,
      kind: event.kind,
      programmeId: event.programmeId,
      reportId: event.reportId ?? null,
      params: Object.fromEntries(
        Object.entries(event.facts).filter((e): e is [string, string | number] => e[1] !== undefined),
      ),
      body: event.body ?? null,
      link: event.link,
      dedupe: event.dedupe ? `${event.dedupe}:${r.id}` : null,
      digestPending: mail.enabled && r.mode === 'digest',
    })),
  );
  if (mail.enabled) {
    const byId = new Map(readers.map((r) => [r.id, r]));
    await insertOutbox(
      db,
      written.flatMap((n) => {
        const reader = byId.get(n.userId);
        if (!reader || reader.mode !== 'immediate') return [];
        const title = renderTitle(reader.locale, event.kind, event.facts);
        return [
          {
            userId: reader.id,
            to: reader.email,
            subject: title,
            text: mailText(reader.locale, title, n.body, n.link),
            kind: event.kind,
          },
        ];
      }),
    );
  }
  return written.length;
}
