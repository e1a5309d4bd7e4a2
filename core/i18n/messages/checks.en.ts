import type { Catalogue } from '../fr.js';

/** The checks sentences in English: typed against the French ones. */
export const checksEn: Catalogue['checks'] = {
  requiredMissing: 'Required answer missing: “{{label}}”.',
  answerMissing: {
    field: 'Expected answer missing: “{{label}}”.',
    yesNo: 'Answer yes or no: “{{label}}”.',
    rating: 'Outcome {{code}}: the current status of progress is not rated.',
    fromProgramme: '“{{label}}” is not given for this programme: set it on the programme’s page.',
  },
  overLimit: '{{length}} characters for a limit of {{limit}} ({{excess}} too many): “{{label}}”.',
  indicator: {
    overLimit: 'Indicator {{code}}: {{length}} characters for a limit of {{limit}}.',
    withoutProgress:
      'Indicator {{code}}: neither progress nor a reason. If no data could be collected, say so and explain why.',
    missingDisaggregation: {
      sex: 'Indicator {{code}}: the figure does not give the people’s sex (e.g. “166 of whom 42 women”).',
      age: 'Indicator {{code}}: the figure does not give the people’s age (e.g. “166 of whom 60 young people aged 18 to 35”).',
      sexAndAge:
        'Indicator {{code}}: the figure gives neither the people’s sex nor their age (e.g. “166 of whom 42 women and 60 young people aged 18 to 35”).',
    },
  },
  acronymNotSpelledOut:
    '“{{acronym}}” is not spelled out anywhere in the report: write it in full once, followed by ({{acronym}}), or avoid it.',
  untranslated: '“{{place}}” is not yet translated into {{language}}.',
  translationOutOfDate:
    '“{{place}}” changed since it was translated into {{language}}: reread the translation and confirm or correct it.',
  languageNames: { fr: 'French', en: 'English' },
  cell: {
    progress: 'Indicator {{code}}, progress',
    reason: 'Indicator {{code}}, reasons for delays or changes',
  },
  value: {
    notANumber:
      'This indicator is measured by a number: “{{text}}” is not one. Write a number, e.g. “120 of whom 45 women”.',
    notAPercent:
      'This indicator is measured as a percentage: “{{text}}” is not one. Write a percentage between 0 and 100, e.g. “45%”.',
    notYesNo: 'This indicator is measured by yes or no: “{{text}}” is neither.',
    notADocument:
      'This indicator is measured by a document (its title) or a number of documents: “{{text}}” is neither.',
    percentOutOfRange: 'A percentage is between 0 and 100: {{value}}% is not.',
    negative: 'A value cannot be negative: {{value}}.',
    partOverTotal: 'The part “{{label}}” ({{part}}) is more than the total ({{total}}).',
    partOver100: 'The part “{{label}}” ({{part}}%) is more than 100%.',
    disjointOverTotal:
      '{{labels}} make {{sum}}, more than the total ({{total}}): a person counts in only one of these groups.',
    groups: {
      women: 'women',
      men: 'men',
      youth: 'youth',
      girls: 'girls',
      boys: 'boys',
      other: 'others',
    },
  },
};
