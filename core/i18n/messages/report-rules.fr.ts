/** The reportRules sentences the server says (see core/i18n/translate.ts): French, the reference. */
export const reportRulesFr = {
  /** The reason of a lock (server/modules/periods/period-locks.ts): what a refused write names. */
  locks: {
    accepted: {
      byOn: 'Accepté par {{by}} le {{date}}',
      by: 'Accepté par {{by}}',
      on: 'Accepté le {{date}}',
      alone: 'Accepté',
    },
    inReview: {
      byOn: 'Soumis par {{by}} le {{date}} : en revue par le Secrétariat',
      by: 'Soumis par {{by}} : en revue par le Secrétariat',
      on: 'Soumis le {{date}} : en revue par le Secrétariat',
      alone: 'Soumis : en revue par le Secrétariat',
    },
    valueInReport:
      '{{report}} ({{from}} – {{to}}) couvre cette date — {{lock}}. Rouvrez le rapport pour changer ses valeurs.',
    closedPeriod: {
      by: 'Période du {{from}} au {{to}} close par {{by}} le {{date}} : {{reason}}',
      alone: 'Période du {{from}} au {{to}} close le {{date}} : {{reason}}',
    },
  },
  /** The workflow of a report: parts, comments, moves. */
  workflow: {
    notRecipient: '{{agency}} n’est pas une agence récipiendaire de ce programme.',
    onlyFocalPointMarksPart: 'Seul le point focal de {{agency}} ou la coordination marque sa partie.',
    unknownSection: '« {{section}} » n’est pas une section de ce rapport.',
    unknownPlace: '« {{place}} » n’est pas une place de la section « {{section}} ».',
    sectionOfOtherAgency:
      '« {{section}} » est rédigé par {{agencies}} : vous pouvez le lire et le commenter, pas le modifier.',
    sectionOfCoordinator:
      '« {{section}} » n’est confié à aucune agence : la coordination le rédige. Demandez-lui de vous le confier.',
    outcomeOutsideOutcomes: 'Seule la partie des résultats se répartit par résultat, pas « {{section}} ».',
    outcomeUnit: '{{section}}, résultat {{code}}',
    draftNotShared:
      'Ce rapport est en cours de rédaction : il sera visible par les lecteurs du programme une fois soumis.',
    readersCannotComment: 'Les lecteurs ne peuvent pas écrire de commentaires.',
    partsNotReady: 'Parties non prêtes : {{agencies}}. Pour soumettre sans elles, confirmez en les nommant.',
    submittedWithoutParts: 'Soumis sans les parties de : {{agencies}}',
    reopenNeedsReason: 'Un motif est requis pour rouvrir un rapport.',
    sendBackNeedsCommentOrReason:
      'Pour renvoyer le rapport, écrivez au moins un commentaire sur une section ou un motif.',
  },
  /** What a refusal `409 conflict` adds after « Cet élément existe déjà. » */
  conflicts: {
    periodAlreadyReopened: 'La période est déjà rouverte',
    reportExists: '{{report}} existe déjà',
    quarterlyReportExists: 'Le rapport trimestriel {{quarter}} existe déjà',
    noLongerDraft: 'Le rapport n’est plus un brouillon',
    notInThisStatus: 'Impossible pour un rapport au statut « {{status}} »',
  },
  calendar: {
    duplicate:
      'Le calendrier nomme deux fois la même échéance (ligne {{row}}) : {{report}}, même destinataire.',
  },
  quarterly: {
    /** the file name of the exported quarterly report: `PBF-MLI-A-3-rapport-trimestriel-2024-Q1-fr.docx` */
    fileName: 'rapport-trimestriel',
  },
};
