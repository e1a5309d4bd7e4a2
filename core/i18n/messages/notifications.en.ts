import type { ServerCatalogue } from '../server-fr.js';

/** What the notifications and their e-mails say, in English: typed against the French. */
export const notificationsEn: ServerCatalogue['notifications'] = {
  title: {
    due_soon_one: '{{programme}} {{report}}: due on {{date}}, tomorrow',
    due_soon_other: '{{programme}} {{report}}: due on {{date}}, in {{count}} days',
    late_one: '{{programme}} {{report}}: one day late (due on {{date}})',
    late_other: '{{programme}} {{report}}: {{count}} days late (due on {{date}})',
    part_ready: '{{programme}} {{report}}: the {{agency}} part is ready ({{by}})',
    submitted: '{{programme}} {{report}} submitted to the Fund by {{by}}',
    sent_back: '{{programme}} {{report}} sent back by {{by}}',
    accepted: '{{programme}} {{report}} accepted by {{by}}',
    reopened: '{{programme}} {{report}} reopened by {{by}}',
    comment: '{{programme}} {{report}}: comment by {{by}}',
    import_finished: 'Import finished ({{programme}}): {{file}}',
    export_finished: 'Export ready ({{programme}}): {{file}}',
  },
  body: {
    reason: 'Reason: {{reason}}',
    openComments_one: 'One comment to resolve:',
    openComments_other: '{{count}} comments to resolve:',
    comment: '“{{body}}”',
    recipientDonor: 'For: {{donor}}',
  },
  mail: {
    open: 'Open in Jalon: {{url}}',
    footer: 'You receive this message because you follow this programme in Jalon. Your preferences: {{url}}',
    digestSubject_one: 'Jalon: one notification today',
    digestSubject_other: 'Jalon: {{count}} notifications today',
    digestIntro: 'Here is what happened since your last digest:',
  },
  log: {
    emailOff: 'E-mail is off: JALON_SMTP_URL and JALON_MAIL_FROM are not set; notifications stay in Jalon.',
    emailOn: 'E-mail: sent through {{host}} from {{from}}',
  },
};
