/**
 * The checks sentences (core/reports/checks.ts), said by the server and shown live by the report editor (see
 * core/i18n/translate.ts): French, the reference.
 */
export const checksFr = {
  requiredMissing: 'Réponse obligatoire manquante : « {{label}} ».',
  overLimit: '{{length}} caractères pour une limite de {{limit}} ({{excess}} de trop) : « {{label}} ».',
  indicator: {
    overLimit: 'Indicateur {{code}} : {{length}} caractères pour une limite de {{limit}}.',
    withoutProgress:
      "Indicateur {{code}} : ni progrès ni raison. Si aucune donnée n'a pu être collectée, dites-le et expliquez pourquoi.",
    missingDisaggregation: {
      sex: "Indicateur {{code}} : l'indicateur demande une ventilation par sexe (par ex. « 166 dont 42 femmes »).",
      sexAndAge:
        "Indicateur {{code}} : l'indicateur demande une ventilation par sexe et âge (par ex. « 166 dont 42 femmes »).",
    },
  },
  acronymNotSpelledOut:
    '« {{acronym}} » est utilisé sans être défini à sa première apparition : écrivez-le en toutes lettres, suivi de ({{acronym}}), ou évitez-le.',
};
