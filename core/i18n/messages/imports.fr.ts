/** The imports sentences the server says (see core/i18n/translate.ts): French, the reference. */
export const importsFr = {
  fileEmpty: 'Le fichier est vide.',
  alreadyImported: 'Ce fichier a déjà été importé.',
  readWithoutMapping: 'Ce type de fichier se lit sans correspondance de colonnes.',
  versionRequired: 'Indiquez la version de l’aperçu lu (`version`).',
  activities: {
    columnNotInSheet: 'La colonne « {{header}} » n’existe pas dans la feuille.',
    chooseTitleColumn: 'Choisissez la colonne de « Intitulé ».',
    chooseStartDateColumn: 'Choisissez la colonne de « Date de début ».',
    chooseAgencyColumn: 'Choisissez la colonne de l’agence, ou une agence par défaut.',
    differsFromRow: '« {{value}} » diffère de la ligne {{row}} de la même activité (« {{seen}} »).',
    notADate: '« {{text}} » n’est pas une date (attendu : 2023-10-05 ou 05/10/2023).',
    unknownCategory: 'Catégorie inconnue : « {{text}} ».',
    notAWholeNumberOfPeople: '« {{text}} » n’est pas un nombre entier de personnes.',
    totalNotTheSum: 'Le total ({{total}}) ne fait pas la somme des cases ({{sum}}).',
    womenAndMenOverTotal: 'Femmes et hommes ({{both}}) dépassent le total ({{total}}).',
    unknownKind:
      'Type d’activité inconnu : « {{text}} » (formation, sensibilisation, atelier, réunion, dialogue, infrastructure, événement, autre).',
    kindMissing: 'Type d’activité manquant.',
    unknownCountBasis: '« {{text}} » : écrivez « distinctes » ou « présences ».',
    titleMissing: 'Intitulé manquant.',
    startDateMissing: 'Date de début manquante.',
    notAQuantity: '« {{text}} » n’est pas une quantité.',
    formLabelsExport:
      'Cet export du formulaire Jalon a des libellés pour en-têtes : exportez-le de nouveau avec « Valeurs et en-têtes XML » (KoboToolbox) ou tel quel (ODK Central).',
    otherProgramme:
      'Cette soumission vient du formulaire du programme « {{programme}} », pas de celui-ci ({{slug}}).',
    anotherAgency:
      'Vous ne pouvez importer que les activités de votre agence : « {{code}} » en est une autre.',
    photoWithoutMedia:
      'Photo « {{file}} » non importée : ajoutez le ZIP des pièces jointes de l’export (KoboToolbox : « Media Attachments (ZIP) » ; ODK Central : export avec médias).',
    photoMissing:
      'Photo « {{file}} » absente du ZIP des pièces jointes : l’activité sera importée sans elle.',
    photoAmbiguous:
      '{{n}} fichiers s’appellent « {{file}} » dans le ZIP et aucun n’est dans le dossier de cette soumission : la photo n’est pas importée.',
    photoUnreadable:
      '« {{file}} » n’est pas une photo JPEG, PNG ou WebP de {{megabytes}} Mo au plus : elle n’est pas importée.',
    mediaNotZip: 'Ce fichier n’est pas un ZIP : joignez le ZIP des pièces jointes de l’export.',
    mediaWithoutPhotos:
      'Ce fichier ne vient pas d’un formulaire Jalon avec des photos : il n’a pas de pièces jointes à lire.',
    /** the file names of the activities workbooks */
    templateFileWord: 'modele-activites',
    exportFileWord: 'activites',
  },
  values: {
    missingColumn: 'Colonne manquante : {{column}}.',
    column: {
      indicator: 'Indicateur',
      periodStart: 'Début de période',
      periodEnd: 'Fin de période',
      value: 'Valeur',
    },
    unknownIndicator: 'Indicateur inconnu dans le cadre en vigueur : « {{code}} ».',
    notADate: '« {{text}} » n’est pas une date.',
    periodEndsBeforeStart: 'La fin de période précède son début.',
    valueMissing: 'Valeur manquante.',
    valueTooLong: 'Valeur de plus de 500 caractères.',
    periodTwice:
      'La ligne {{row}} donne déjà une valeur de {{code}} pour cette période : une seule valeur par indicateur et période.',
    locked: 'Valeur datée du {{date}} : {{lock}}',
    update: 'Mise à jour de la valeur existante « {{value}} » (version {{version}}).',
  },
  programmeFile: {
    nothingToImport: 'Rien à importer.',
    neitherIatiNorExcel:
      "Ce fichier n'est ni un fichier IATI (XML) ni un classeur Excel (.xlsx) : Jalon importe ces deux formats.",
    tooLarge: 'Le fichier dépasse {{megabytes}} Mo : importez-en une partie (un pays, un programme).',
    file: 'Fichier',
    severalProgrammes:
      "Le fichier donne {{count}} programmes : une nouvelle version de cadre ne peut venir que d'une seule activité (avec ses enfants). Importez-les comme nouveaux programmes.",
    noResults: "L'activité n'a pas de résultats : pas de cadre à importer.",
    onlyTheFramework:
      "Seul le cadre de résultats et ses valeurs sont importés dans {{code}} : la fiche du programme (organisations, budgets, dates) n'est pas modifiée.",
    sameAddress:
      'Deux activités du fichier donnent la même adresse de programme ({{slug}}) : importez-les séparément.',
    iatiBudgetLine: 'Budget publié dans IATI ({{organisation}})',
    iatiBudgetSource: 'Budgets annuels du fichier IATI importé',
    codeTakenByFile:
      'Un programme de code {{code}} existe déjà : importez plutôt ce fichier comme nouvelle version de son cadre.',
    programmeSheet: 'Feuille Programme',
    codeMissing: 'Code du programme manquant : un nouveau programme en a besoin.',
    titleMissing: 'Titre du programme manquant.',
    endDateMissing: 'Date de fin du programme manquante.',
    codeTakenByWorkbook:
      'Un programme de code {{code}} existe déjà : importez plutôt ce classeur comme nouvelle version de son cadre.',
    importedFromExcel: "Importé d'Excel",
    importOfWorkbook: 'Import du classeur {{fileName}}',
    /** a new framework version's label and reason when the importer gives none */
    versionLabel: 'Import de {{file}}',
    versionReason: 'Importé depuis {{file}}',
    /** the file name of an exported framework: `prosmed-cadre-v2.xlsx` */
    frameworkFileWord: 'cadre',
  },
  expenditure: {
    sheetName: 'Dépenses',
    /** the columns of the expenditure workbook, as its header row writes them */
    column: {
      line: 'Ligne budgétaire',
      start: 'Début',
      end: 'Fin',
      amount: 'Montant dépensé',
      currency: 'Devise',
      rate: 'Taux (1 USD = …)',
      note: 'Note',
    },
    /** the columns given for reference, not read back */
    reference: {
      activity: 'Activité (pour information)',
      agency: 'Agence (pour information)',
      budget: 'Budget total USD (pour information)',
      spent: 'Dépensé à ce jour USD (pour information)',
    },
    help: 'Une ligne par dépense : code de la ligne budgétaire, période (début et fin), montant. Les lignes sans montant sont ignorées. Devise : USD si vide ; pour une autre devise (EUR, XOF/FCFA…), donnez le taux (1 USD = combien). Une dépense déjà enregistrée pour la même ligne et la même période est remplacée. Le fichier est refusé en entier si une ligne est fausse.',
    /** between a cell's place and what is wrong there */
    separator: ' : ',
    cell: 'Ligne {{row}}, colonne {{column}}',
    /** the file name of the expenditure workbook */
    fileWord: 'depenses',
  },
  cli: {
    nameTheProgramme: 'Indiquez le programme : --programme PROSMED',
    fileOverSize: 'Le fichier dépasse {{megabytes}} Mo.',
    row: 'ligne',
    columnsRead: 'Colonnes lues :',
    moreErrors: '… et {{count}} autres erreurs.',
    nothingImported: 'Rien n’est importé : corrigez le fichier.',
    dryRun: 'Essai à blanc : rien n’est écrit.',
    nothingNew: 'Rien de nouveau à importer.',
    activities: {
      read_one:
        '{{file}} : {{rows}} ligne(s), {{count}} activité(s), {{duplicates}} déjà importée(s), {{errors}} erreur(s).',
      read_other:
        '{{file}} : {{rows}} ligne(s), {{count}} activité(s), {{duplicates}} déjà importée(s), {{errors}} erreur(s).',
      imported_one: 'Importé : {{count}} activité(s), {{participants}} participant(s) (import {{id}}).',
      imported_other: 'Importé : {{count}} activité(s), {{participants}} participant(s) (import {{id}}).',
    },
    values: {
      read: '{{file}} : {{rows}} ligne(s), {{values}} valeur(s), {{errors}} erreur(s).',
      imported: 'Importé : {{count}} nouvelle(s) valeur(s), {{updated}} mise(s) à jour.',
      newValue: 'nouvelle valeur',
    },
    programmeFile: {
      tooLarge: '{{file}} fait {{megabytes}} Mo : Jalon importe des fichiers de 8 Mo au plus.',
      file: 'Fichier',
      created: 'Créé',
      toCreate: 'À créer',
      newVersion: 'Nouvelle version',
      newVersionToCreate: 'Nouvelle version à créer',
      framework:
        'cadre v{{version}} : {{outcomes}} résultat(s), {{outputs}} produit(s), {{indicators}} indicateur(s)',
      noFramework: 'sans cadre de résultats',
      values: 'valeur(s)',
      /** after a label: `Créé :`, `Remarques (2) :` */
      colon: ' :',
      errors: 'Erreurs, rien n’est importé',
      notMapped: 'Non repris',
      notes: 'Remarques',
      dryRun: 'Essai à blanc : rien n’a été écrit.',
    },
  },
};
