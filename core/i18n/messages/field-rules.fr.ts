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
  activities: {
    notRecipient:
      '« {{organisation}} » n’est pas une agence récipiendaire de {{programme}} : {{recipients}}.',
    endBeforeStart: 'La date de fin précède la date de début.',
    unknownOutput: 'Le produit {{output}} n’existe pas dans le cadre de résultats de {{programme}}.',
    unknownIndicator: 'L’indicateur {{indicator}} n’existe pas dans le cadre de résultats de {{programme}}.',
    ownAgencyOnly: 'Vous ne pouvez enregistrer que les activités de votre agence.',
    notInWorkPlan:
      '« {{given}} » n’est pas une activité du plan de travail de {{programme}} : indiquez le code d’une de ses activités prévues (1.2.3).',
    workPlanOtherOutput:
      'L’activité du plan de travail {{code}} relève du produit {{planned}}, pas du produit {{output}} choisi pour cette activité.',
  },
  attachments: {
    empty: 'Le fichier est vide.',
    photoType: 'Une photo doit être un fichier JPEG, PNG ou WebP.',
    documentType: 'Un document doit être un fichier PDF, Word (.docx), Excel (.xlsx), JPEG ou PNG.',
    tooLarge: 'Le fichier dépasse {{megabytes}} Mo.',
  },
  indicatorData: {
    attendanceActivities_one: '{{count}} activité(s) comptent des présences, pas des personnes distinctes.',
    attendanceActivities_other: '{{count}} activité(s) comptent des présences, pas des personnes distinctes.',
    unknownSex: '{{people}} participant(s) de sexe non renseigné.',
    /** a computed value with its women (`872 dont 556 femmes`) */
    ofWhomWomen_one: '{{value}} dont {{count}} femme',
    ofWhomWomen_other: '{{value}} dont {{count}} femmes',
    periodEndsBeforeStart: 'La fin de période précède son début.',
    whoEnters: 'Indiquez qui saisit la valeur.',
    periodTaken:
      'Une valeur existe déjà pour la période du {{from}} au {{to}} : « {{value}} » (version {{version}}). Modifiez-la plutôt que d’en ajouter une seconde.',
    noRule: 'Cet indicateur n’a pas de règle de calcul à partir des activités.',
  },
  accounts: {
    tooManyAttempts: 'Trop de tentatives depuis cette adresse : réessayez dans {{seconds}} s.',
  },
  /** Refusals of a programme's header and of a programme document's import. */
  programmes: {
    codeWithoutLettersOrDigits: 'Le code doit contenir des lettres ou des chiffres.',
    codeAlreadyUsed: 'Un programme de code {{code}} existe déjà.',
    unknownOrganisation: 'Organisation inconnue : {{code}}. Déclarez-la sous « organisations ».',
    unknownProgramme: 'Programme inconnu : {{code}}.',
    unknownIndicator: 'Indicateur inconnu : {{code}}.',
    /** before a refusal of a progress value: "Indicateur 1.2.1, 1 janv. – 30 juin 2023 :" */
    progressOf: 'Indicateur {{code}}, {{period}} :',
    progressTwice:
      'une autre valeur ({{first}}) porte déjà sur cette période : une seule valeur par indicateur et période.',
  },
  /** Refusals of a results framework's writes: outcomes, outputs, indicators, a whole version. */
  frameworks: {
    codeAlreadyUsed: 'Le code {{code}} est déjà utilisé dans cette version du cadre.',
    indicatorCodeTwice: 'Le code d’indicateur {{code}} apparaît deux fois dans la version {{version}}.',
  },
};
