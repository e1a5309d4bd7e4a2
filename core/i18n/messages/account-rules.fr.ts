/** The accountRules sentences the server says (see core/i18n/translate.ts): French, the reference. */
export const accountRulesFr = {
  /** Signing in, and one's own password. */
  signIn: {
    lockedAfterFailures_one: 'Verrouillé pour {{count}} minute après {{attempts}} tentatives échouées.',
    lockedAfterFailures_other: 'Verrouillé pour {{count}} minutes après {{attempts}} tentatives échouées.',
    wrongPassword: 'Le mot de passe actuel est incorrect.',
    sameAsCurrent: 'Le nouveau mot de passe doit être différent de l’actuel.',
    changeAdministratorsPasswordFirst:
      'Le mot de passe choisi par un administrateur doit d’abord être remplacé par le vôtre.',
  },
  /** An administrator's writes: accounts and their memberships. */
  administration: {
    emailAlreadyUsed: 'Un autre compte utilise déjà cette adresse.',
    unknownProgramme: 'Programme inconnu : {{programme}}.',
    focalPointNeedsAgency: 'Un point focal agit pour une agence : indiquez-la.',
    unknownOrganisation: 'Organisation inconnue : {{organisation}}.',
  },
  /** Who reads the audit trail: a programme's members, or administrators for the whole trail. */
  audit: {
    wholeTrailForAdministrators:
      'Seuls les administrateurs lisent tout l’historique : choisissez un programme.',
    programmeRequired: 'obligatoire, sauf pour un administrateur',
    notAMember: 'Vous n’êtes pas membre de ce programme.',
  },
};
