import type { ServerCatalogue } from '../server-fr.js';

/** The fieldRules sentences in English: typed against the French ones. */
export const fieldRulesEn: ServerCatalogue['fieldRules'] = {
  dashboards: {
    endBeforeStart: 'The end is before the start.',
  },
  geography: {
    ambiguousPlace: '“{{name}}” names several places: {{candidates}}. Give the code or the cercle.',
    unknownPlace:
      'Unknown place: “{{name}}”. Use a region, cercle or commune of Mali, or its code (ML-4.SEGOU).',
  },
  activities: {
    notRecipient: '“{{organisation}}” is not a recipient organisation of {{programme}}: {{recipients}}.',
    endBeforeStart: 'The end date is before the start date.',
    unknownOutput: 'Output {{output}} does not exist in the results framework of {{programme}}.',
    unknownIndicator: 'Indicator {{indicator}} does not exist in the results framework of {{programme}}.',
    ownAgencyOnly: 'You can only record the activities of your own agency.',
    notInWorkPlan:
      '“{{given}}” is not an activity of the work plan of {{programme}}: give the code of one of its planned activities (1.2.3).',
    workPlanOtherOutput:
      'Work plan activity {{code}} belongs to output {{planned}}, not to output {{output}} chosen for this activity.',
  },
  attachments: {
    empty: 'The file is empty.',
    photoType: 'A photo must be a JPEG, PNG or WebP file.',
    documentType: 'A document must be a PDF, Word (.docx), Excel (.xlsx), JPEG or PNG file.',
    tooLarge: 'The file is over {{megabytes}} MB.',
  },
  indicatorData: {
    attendanceActivities_one: '{{count}} activity counts attendances, not distinct people.',
    attendanceActivities_other: '{{count}} activities count attendances, not distinct people.',
    unknownSex: '{{people}} participant(s) of unknown sex.',
    ofWhomWomen_one: '{{value}} of whom {{count}} woman',
    ofWhomWomen_other: '{{value}} of whom {{count}} women',
    periodEndsBeforeStart: 'The period ends before it starts.',
    whoEnters: 'Say who enters the value.',
    periodTaken:
      'A value already exists for the period {{from}} – {{to}}: “{{value}}” (version {{version}}). Change it rather than adding a second one.',
    noRule: 'This indicator has no rule computing it from the activities.',
  },
  accounts: {
    tooManyAttempts: 'Too many attempts from this address: try again in {{seconds}} s.',
  },
  programmes: {
    codeWithoutLettersOrDigits: 'The code must contain letters or digits.',
    codeAlreadyUsed: 'A programme with code {{code}} already exists.',
    unknownOrganisation: 'Unknown organisation {{code}}: declare it under organisations.',
    unknownProgramme: 'Unknown programme {{code}}.',
    unknownIndicator: 'Unknown indicator {{code}}.',
    progressOf: 'Indicator {{code}}, {{period}}:',
    progressTwice:
      'another value ({{first}}) is already for this period: one value per indicator and period.',
  },
  frameworks: {
    codeAlreadyUsed: 'Code {{code}} is already used in this framework version.',
    indicatorCodeTwice: 'Indicator code {{code}} appears twice in version {{version}}.',
  },
};
