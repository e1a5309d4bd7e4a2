import type { Catalogue } from '../fr.js';

/** The checks sentences in English: typed against the French ones. */
export const checksEn: Catalogue['checks'] = {
  requiredMissing: 'Required answer missing: “{{label}}”.',
  overLimit: '{{length}} characters for a limit of {{limit}} ({{excess}} too many): “{{label}}”.',
  indicator: {
    overLimit: 'Indicator {{code}}: {{length}} characters for a limit of {{limit}}.',
    withoutProgress:
      'Indicator {{code}}: neither progress nor a reason. If no data could be collected, say so and explain why.',
    missingDisaggregation: {
      sex: 'Indicator {{code}}: the indicator asks for a breakdown by sex (e.g. “166 of whom 42 women”).',
      sexAndAge:
        'Indicator {{code}}: the indicator asks for a breakdown by sex and age (e.g. “166 of whom 42 women”).',
    },
  },
  acronymNotSpelledOut:
    '“{{acronym}}” is used without being spelled out where it first appears: write it in full followed by ({{acronym}}), or avoid it.',
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
