/**
 * The daily digest: for each person who chose it for some kinds, one e-mail listing the notifications that
 * waited for it, written to the outbox in the transaction that clears them — so a digest is made once, even by
 * two schedulers or after a restart.
 */
import { isLocale } from '../../../core/i18n/locale.js';
import { t } from '../../../core/i18n/t.js';
import type { NotificationKind } from '../../../core/contracts/notification-kinds.js';
import type { Db } from '../../db/client.js';
import { mailSettings } from './notify.js';
import {
  clearDigest,
  findDigestUsers,
  findPreferences,
  findUsers,
  insertOutbox,
  takeDigest,
} from './notifications.queries.js';
import { renderTitle, type NotificationFacts } from './render.js';

export async function sendDigests(db: Db): Promise<number> {
  let made = 0;
  const base = mailSettings().publicUrl.replace(/\/$/, '');
  for (const { userId } of await findDigestUsers(db)) {
    made += await db.transaction(async (tx) => {
      const rows = await takeDigest(tx, userId);
      const [person] = await findUsers(tx, [userId]);
      if (!rows.length) return 0;
      await clearDigest(
        tx,
        rows.map((r) => r.n.id),
      );
      if (!person || !mailSettings().enabled) return 0;
      const setting = (await findPreferences(tx, [userId])).find((p) => p.kind === null)?.locale;
      const locale = isLocale(setting) ? setting : 'fr';
      const lines = rows.flatMap(({ n }) => [
        `• ${renderTitle(locale, n.kind as NotificationKind, n.params as NotificationFacts)}`,
        ...(n.body ? n.body.split('\n').map((l) => `  ${l}`) : []),
        `  ${base}${n.link}`,
        '',
      ]);
      await insertOutbox(tx, [
        {
          userId,
          to: person.email,
          subject: t(locale, 'notifications.mail.digestSubject', { count: rows.length }),
          text: [
            t(locale, 'notifications.mail.digestIntro'),
            '',
            ...lines,
            '-- ',
            t(locale, 'notifications.mail.footer', { url: `${base}/notifications` }),
          ].join('\n'),
          kind: 'digest',
        },
      ]);
      return 1;
    });
  }
  return made;
}
