import type { Notification } from '../../../core/contracts/notifications.js';
import type { Locale } from '../../../core/i18n/locale.js';
import type { NotificationRow } from './notifications.queries.js';
import { renderTitle, type NotificationFacts } from './render.js';

/** A notification in its reader's language, field by field. */
export function presentNotification(
  locale: Locale,
  row: { n: NotificationRow; slug: string | null; code: string | null },
): Notification {
  const { n } = row;
  return {
    id: n.id,
    kind: n.kind,
    title: renderTitle(locale, n.kind, n.params as NotificationFacts),
    body: n.body,
    link: n.link,
    programme: row.slug && row.code ? { slug: row.slug, code: row.code } : null,
    at: n.createdAt.toISOString(),
    read: n.readAt !== null,
  };
}
