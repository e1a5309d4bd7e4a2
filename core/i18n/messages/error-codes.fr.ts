/**
 * The errorCodes sentences, said by the server and shown by the screens (see core/i18n/translate.ts): French,
 * the reference. One sentence per error code of core/errors/error-codes.ts (the key is the code), then the
 * sentences of the validation issues the API raises itself.
 */
export const errorCodesFr = {
  validation_failed: 'Certaines valeurs sont invalides.',
  bad_request: 'La requête est mal formée.',
  unauthorized: 'Connectez-vous pour faire cette action.',
  invalid_credentials: 'Adresse e-mail ou mot de passe incorrect.',
  forbidden: 'Votre rôle ne permet pas cette action sur ce programme.',
  csrf_failed: 'La requête ne vient pas de Jalon (jeton de sécurité absent ou périmé). Rechargez la page.',
  password_change_required: 'Choisissez d’abord votre propre mot de passe (Mon compte › Mot de passe).',
  account_locked:
    'Trop de tentatives de connexion échouées : le compte est verrouillé pour quelques minutes.',
  too_many_requests: 'Trop de requêtes. Attendez une minute avant de réessayer.',
  not_found: "Cet élément n'existe pas.",
  conflict: 'Cet élément existe déjà.',
  version_conflict: "Quelqu'un d'autre a modifié cet élément entre-temps. Rechargez pour voir sa version.",
  locked: 'Verrouillé : cet élément ne peut pas être modifié pour le moment.',
  payload_too_large: 'Le contenu envoyé est trop volumineux.',
  unsupported_media_type: "Ce type de contenu n'est pas accepté.",
  internal: "Une erreur inattendue s'est produite. Elle a été enregistrée.",
  /**
   * Validation issues the contracts raise themselves: a refinement names its key in `params.issue` and the
   * error handler answers this sentence in the reader's language (the key is the issue's).
   */
  issues: {
    forbidden_key: 'Un chemin ou un nom ne peut pas être « __proto__ », « constructor » ni « prototype ».',
  },
  /** Why a request could not be read (`bad_request`), in place of the framework's own English text. */
  unreadableRequest: {
    emptyJsonBody: 'Le corps de la requête est vide, alors qu’il est annoncé en JSON.',
    invalidJsonBody: 'Le corps de la requête n’est pas du JSON valide.',
    invalidContentLength: 'La longueur annoncée (Content-Length) ne correspond pas au contenu envoyé.',
    other: 'Le serveur n’a pas pu lire cette requête.',
    url: 'L’adresse demandée est mal formée.',
  },
  /**
   * Zod's own validation issues (a contract's type, length, format or options), by issue code: the reader
   * gets these instead of Zod's English (server/plugins/error-handler.ts, `validationSentence`).
   */
  validation: {
    required: 'valeur obligatoire',
    expected: {
      string: 'un texte est attendu',
      number: 'un nombre est attendu',
      int: 'un nombre entier est attendu',
      boolean: 'oui ou non (true ou false) est attendu',
      object: 'un objet est attendu',
      array: 'une liste est attendue',
      other: 'cette valeur n’a pas le type attendu',
    },
    tooLong: 'au plus {{maximum}} caractères',
    tooShort: 'au moins {{minimum}} caractères',
    empty: 'ne peut pas être vide',
    tooLarge: 'au plus {{maximum}}',
    tooSmall: 'au moins {{minimum}}',
    tooMany: 'au plus {{maximum}} éléments',
    tooFew: 'au moins {{minimum}} éléments',
    oneOf: 'une valeur parmi : {{values}}',
    format: {
      date: 'une date au format AAAA-MM-JJ',
      datetime: 'une date et une heure ISO (AAAA-MM-JJTHH:MM:SSZ)',
      email: 'une adresse e-mail',
      uuid: 'un identifiant (UUID)',
      url: 'une adresse web (URL)',
      other: 'ce format n’est pas accepté',
    },
    unknownFields: 'champs inconnus : {{keys}}',
    multipleOf: 'un multiple de {{divisor}}',
    other: 'valeur invalide',
  },
  /**
   * The contracts' own sentences (a regular expression's or a refinement's message), in the reader's
   * language: the English is the contract's message word for word, which the error handler recognises.
   */
  contractIssues: {
    yearOrQuarter: 'une année (2023), un trimestre (2023-Q4) ou all (à ce jour)',
    quarter: 'un trimestre, par exemple 2023-Q4',
    partialDate: 'AAAA, AAAA-MM ou AAAA-MM-JJ',
    organisationCode: 'lettres majuscules, chiffres, _ ou -',
    currencyCode: 'un code ISO 4217, par exemple USD',
    base64: 'du base64 est attendu',
    year: 'une année, par exemple 2023',
    lineCode: 'lettres, chiffres, point, tiret ou tiret bas, par exemple 2.1.3-b',
    activityCode: 'lettres, chiffres, point, tiret ou tiret bas, par exemple 2.1.3',
    slug: 'un identifiant en minuscules, par exemple pbf-mli-a-1',
    email: 'ce n’est pas une adresse e-mail',
    nothingToChange: 'rien à modifier',
    periodEndsBeforeStart: 'la période se termine avant de commencer',
  },
  /** The text Jalon accepts (core/domain/accepted-text.ts). */
  acceptedText: {
    refusedCharacter:
      'Ce texte contient un caractère invisible que Jalon n’accepte pas ({{character}}) : supprimez-le, ou retapez le texte.',
  },
};
