/**
 * The checks sentences (core/reports/checks.ts), said by the server and shown live by the report editor (see
 * core/i18n/translate.ts): French, the reference.
 */
export const checksFr = {
  requiredMissing: 'Réponse obligatoire manquante : « {{label}} ».',
  answerMissing: {
    field: 'Réponse attendue manquante : « {{label}} ».',
    yesNo: 'Répondez par oui ou par non : « {{label}} ».',
    rating: 'Résultat {{code}} : l’état actuel des progrès n’est pas évalué.',
    fromProgramme:
      '« {{label}} » n’est pas renseigné pour ce programme : indiquez-le sur la page du programme.',
  },
  overLimit: '{{length}} caractères pour une limite de {{limit}} ({{excess}} de trop) : « {{label}} ».',
  indicator: {
    overLimit: 'Indicateur {{code}} : {{length}} caractères pour une limite de {{limit}}.',
    withoutProgress:
      "Indicateur {{code}} : ni progrès ni raison. Si aucune donnée n'a pu être collectée, dites-le et expliquez pourquoi.",
    missingDisaggregation: {
      sex: 'Indicateur {{code}} : le chiffre ne dit pas le sexe des personnes (par ex. « 166 dont 42 femmes »).',
      age: 'Indicateur {{code}} : le chiffre ne dit pas l’âge des personnes (par ex. « 166 dont 60 jeunes de 18 à 35 ans »).',
      sexAndAge:
        'Indicateur {{code}} : le chiffre ne dit ni le sexe ni l’âge des personnes (par ex. « 166 dont 42 femmes et 60 jeunes de 18 à 35 ans »).',
    },
  },
  acronymNotSpelledOut:
    '« {{acronym}} » n’est écrit en toutes lettres nulle part dans le rapport : écrivez-le une fois en toutes lettres, suivi de ({{acronym}}), ou évitez-le.',
  untranslated: '« {{place}} » n’est pas encore traduit en {{language}}.',
  translationOutOfDate:
    '« {{place}} » a changé depuis sa traduction en {{language}} : relisez la traduction et confirmez-la ou corrigez-la.',
  /** a language's name after « en » / "into" */
  languageNames: { fr: 'français', en: 'anglais' },
  cell: {
    progress: 'Indicateur {{code}}, progrès',
    reason: 'Indicateur {{code}}, raisons des retards ou changements',
  },
  /** A value against its indicator (core/domain/value-fits-indicator.ts): said by the server, shown live by the form. */
  value: {
    notANumber:
      'Cet indicateur se mesure par un nombre : « {{text}} » n’en est pas un. Écrivez un nombre, par ex. « 120 dont 45 femmes ».',
    notAPercent:
      'Cet indicateur se mesure en pourcentage : « {{text}} » n’en est pas un. Écrivez un pourcentage entre 0 et 100, par ex. « 45 % ».',
    notYesNo: 'Cet indicateur se mesure par oui ou non : « {{text}} » n’est ni l’un ni l’autre.',
    notADocument:
      'Cet indicateur se mesure par un document (son titre) ou un nombre de documents : « {{text}} » n’en est pas un.',
    percentOutOfRange: 'Un pourcentage est compris entre 0 et 100 : {{value}} % ne l’est pas.',
    negative: 'Une valeur ne peut pas être négative : {{value}}.',
    partOverTotal: 'La part « {{label}} » ({{part}}) dépasse le total ({{total}}).',
    partOver100: 'La part « {{label}} » ({{part}} %) dépasse 100 %.',
    disjointOverTotal:
      '{{labels}} font {{sum}}, plus que le total ({{total}}) : une personne ne compte que dans un de ces groupes.',
    groups: {
      women: 'femmes',
      men: 'hommes',
      youth: 'jeunes',
      girls: 'filles',
      boys: 'garçons',
      other: 'autres',
    },
  },
};
