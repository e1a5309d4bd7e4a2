/** A person's notifications and their choices: how they receive each kind, and in which language. */
import {
  notificationKinds,
  type DeliveryMode,
  type NotificationKind,
  type NotificationList,
  type NotificationPreferences,
  type NotificationPreferencesUpdate,
} from '../../../core/contracts/notifications.js';
import { defaultMode } from '../../../core/contracts/notification-kinds.js';
import { isLocale } from '../../../core/i18n/locale.js';
import type { Actor, ServiceContext } from '../../context.js';
import { mailSettings } from './notify.js';
import {
  countUnread,
  findNotificationsOf,
  findPreferences,
  markRead,
  upsertPreference,
} from './notifications.queries.js';
import { presentNotification } from './notifications.presenter.js';

export async function listNotifications(
  ctx: ServiceContext,
  reader: Actor,
  onlyUnread: boolean,
): Promise<NotificationList> {
  const [rows, unread] = await Promise.all([
    findNotificationsOf(ctx.db, reader.id, onlyUnread),
    countUnread(ctx.db, reader.id),
  ]);
  return { items: rows.map((r) => presentNotification(ctx.locale, r)), unread };
}

/** Marks these notifications (or every one) read; returns what is left unread. */
export async function readNotifications(
  ctx: ServiceContext,
  reader: Actor,
  ids: string[] | undefined,
): Promise<{ unread: number }> {
  await markRead(ctx.db, reader.id, ids, ctx.now());
  return { unread: await countUnread(ctx.db, reader.id) };
}

export async function getPreferences(ctx: ServiceContext, reader: Actor): Promise<NotificationPreferences> {
  const rows = await findPreferences(ctx.db, [reader.id]);
  const setting = rows.find((r) => r.kind === null)?.locale;
  const modes = {} as Record<NotificationKind, DeliveryMode>;
  for (const kind of notificationKinds) modes[kind] = rows.find((r) => r.kind === kind)?.mode ?? defaultMode;
  return {
    locale: isLocale(setting) ? setting : ctx.locale,
    modes,
    emailEnabled: mailSettings().enabled,
  };
}

export async function updatePreferences(
  ctx: ServiceContext,
  reader: Actor,
  input: NotificationPreferencesUpdate,
): Promise<NotificationPreferences> {
  await ctx.db.transaction(async (tx) => {
    if (input.locale) await upsertPreference(tx, { userId: reader.id, kind: null, locale: input.locale });
    for (const kind of notificationKinds) {
      const mode = input.modes?.[kind];
      if (mode) await upsertPreference(tx, { userId: reader.id, kind, mode });
    }
  });
  return getPreferences(ctx, reader);
}
