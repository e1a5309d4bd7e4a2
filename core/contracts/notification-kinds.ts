/**
 * The kinds of notification and how a person receives each, as plain data: notifications.ts builds its Zod
 * schemas from them, and the web reads them without pulling Zod into the browser.
 */
export const notificationKinds = [
  /** a deadline of the programme's reporting calendar is near (days before it) */
  'due_soon',
  /** a deadline has passed without the report (days after it) */
  'late',
  /** an agency's part of a report was marked ready */
  'part_ready',
  /** the coordinator submitted a report to the Fund */
  'submitted',
  /** the secretariat sent a report back, with its reason and comments */
  'sent_back',
  /** the secretariat accepted a report */
  'accepted',
  /** an accepted or submitted report was reopened */
  'reopened',
  /** someone commented on a report one writes */
  'comment',
  /** an import one started was written */
  'import_finished',
  /** an export one asked for is ready */
  'export_finished',
] as const;
export type NotificationKind = (typeof notificationKinds)[number];

/** Immediately (in-app and by e-mail), in a daily digest e-mail (in-app at once), or not at all. */
export const deliveryModes = ['immediate', 'digest', 'none'] as const;
export type DeliveryMode = (typeof deliveryModes)[number];

/** What a person gets when they chose nothing. */
export const defaultMode: DeliveryMode = 'immediate';
