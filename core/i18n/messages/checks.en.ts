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
};
