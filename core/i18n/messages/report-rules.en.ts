import type { ServerCatalogue } from '../server-fr.js';

/** The reportRules sentences in English: typed against the French ones. */
export const reportRulesEn: ServerCatalogue['reportRules'] = {
  locks: {
    accepted: {
      byOn: 'Accepted by {{by}} on {{date}}',
      by: 'Accepted by {{by}}',
      on: 'Accepted on {{date}}',
      alone: 'Accepted',
    },
    inReview: {
      byOn: 'Submitted by {{by}} on {{date}}: under review by the Secretariat',
      by: 'Submitted by {{by}}: under review by the Secretariat',
      on: 'Submitted on {{date}}: under review by the Secretariat',
      alone: 'Submitted: under review by the Secretariat',
    },
    valueInReport:
      '{{report}} ({{from}} – {{to}}) covers this date — {{lock}}. Reopen the report to change its values.',
    closedPeriod: {
      by: 'Period {{from}} – {{to}} closed by {{by}} on {{date}}: {{reason}}',
      alone: 'Period {{from}} – {{to}} closed on {{date}}: {{reason}}',
    },
  },
  workflow: {
    notRecipient: '{{agency}} is not a recipient agency of this programme.',
    onlyFocalPointMarksPart: "Only {{agency}}'s focal point or the coordination marks its part.",
    unknownSection: '“{{section}}” is not a section of this report.',
    unknownPlace: '“{{place}}” is not a place of the section “{{section}}”.',
    sectionOfOtherAgency:
      '“{{section}}” is written by {{agencies}}: you can read and comment on it, not change it.',
    sectionOfCoordinator:
      '“{{section}}” is not given to any agency: the coordination writes it. Ask them to give it to you.',
    outcomeOutsideOutcomes: 'Only the outcomes part is divided by outcome, not “{{section}}”.',
    outcomeUnit: '{{section}}, outcome {{code}}',
    draftNotShared: 'This report is being written: the programme’s readers will see it once it is submitted.',
    readersCannotComment: 'Readers cannot write comments.',
    partsNotReady: 'Parts not ready: {{agencies}}. To submit without them, confirm by naming them.',
    submittedWithoutParts: 'Submitted without the parts of: {{agencies}}',
    reopenNeedsReason: 'A reason is required to reopen a report.',
    sendBackNeedsCommentOrReason:
      'To send the report back, write at least one comment on a section or a reason.',
  },
  conflicts: {
    periodAlreadyReopened: 'The period is already reopened',
    reportExists: '{{report}} already exists',
    quarterlyReportExists: 'The quarterly report {{quarter}} already exists',
    noLongerDraft: 'The report is no longer a draft',
    notInThisStatus: 'Not possible for a report with the status “{{status}}”',
  },
  calendar: {
    duplicate: 'The calendar names the same deadline twice (row {{row}}): {{report}}, same recipient.',
  },
  quarterly: {
    fileName: 'quarterly-report',
  },
};
