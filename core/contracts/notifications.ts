/** In-app notifications, their e-mail preferences (`/notifications`, `/notification-preferences`). */
import { z } from 'zod';
import { deliveryModes, notificationKinds } from './notification-kinds.js';

export {
  deliveryModes,
  notificationKinds,
  type DeliveryMode,
  type NotificationKind,
} from './notification-kinds.js';

export const notification = z.object({
  id: z.uuid(),
  kind: z.enum(notificationKinds),
  /** the sentence in the reader's language */
  title: z.string(),
  /** the details (the reason and the comments of a send-back…), or null */
  body: z.string().nullable(),
  /** where the work is done, a path of the web app (`/reports/…`) */
  link: z.string(),
  programme: z.object({ slug: z.string(), code: z.string() }).nullable(),
  at: z.string(),
  read: z.boolean(),
});
export type Notification = z.infer<typeof notification>;

export const notificationList = z.object({
  items: z.array(notification),
  unread: z.number().int(),
});
export type NotificationList = z.infer<typeof notificationList>;

export const notificationListQuery = z
  .object({ unread: z.enum(['true', 'false']).optional(), lang: z.enum(['fr', 'en']).optional() })
  .strict();

export const notificationsRead = z
  .object({
    /** these notifications, or `all` of the reader's */
    ids: z.union([z.array(z.uuid()).max(500), z.literal('all')]),
  })
  .strict();
export type NotificationsRead = z.infer<typeof notificationsRead>;

export const notificationPreferences = z.object({
  /** the language of the e-mails */
  locale: z.enum(['fr', 'en']),
  modes: z.record(z.enum(notificationKinds), z.enum(deliveryModes)),
  /** whether this server sends e-mail at all (JALON_SMTP_URL set) */
  emailEnabled: z.boolean(),
});
export type NotificationPreferences = z.infer<typeof notificationPreferences>;

export const notificationPreferencesUpdate = z
  .object({
    locale: z.enum(['fr', 'en']).optional(),
    modes: z.partialRecord(z.enum(notificationKinds), z.enum(deliveryModes)).optional(),
  })
  .strict()
  .refine((b) => b.locale !== undefined || b.modes !== undefined, {
    path: ['modes'],
    message: 'nothing to change: give the modes or the locale',
  });
export type NotificationPreferencesUpdate = z.infer<typeof notificationPreferencesUpdate>;
