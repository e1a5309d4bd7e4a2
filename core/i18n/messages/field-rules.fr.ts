/** The fieldRules sentences the server says (see core/i18n/translate.ts): French, the reference. */
export const fieldRulesFr = {
  dashboards: {
    endBeforeStart: 'La fin précède le début.',
  },
  geography: {
    ambiguousPlace: '« {{name}} » désigne plusieurs lieux : {{candidates}}. Indiquez le code ou le cercle.',
    unknownPlace:
      'Lieu inconnu : « {{name}} ». Indiquez une région, un cercle ou une commune du Mali, ou son code (ML-4.SEGOU).',
  },
};
