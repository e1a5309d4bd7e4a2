/** The documents sentences the server says (see core/i18n/translate.ts): French, the reference. */
export const documentsFr = {
  /** The quarterly programme report (Word and PDF). */
  quarterly: {
    coverTitle: 'RAPPORT TRIMESTRIEL',
    documentTitle: '{{code}} — Rapport trimestriel {{quarter}}',
    pageFooter: '{{code}} — Rapport trimestriel {{quarter}} — page ',
    aboutProgramme: 'Présentation du {{code}}',
    mainResults: 'Principaux résultats',
    outsideOutcomes: 'Pilotage et coordination (hors résultats)',
    outcomeHeading: 'Résultat {{code}} : {{statement}}',
    /** a demo photo's caption: the demo's pictures are drawn, not the report's photographs */
    demoIllustration: 'Illustration de démonstration (pas la photo originale) : {{caption}}',
    narrativeNotWritten: '(Récit non rédigé.)',
    steeringCommittee: 'Comité de pilotage',
    fundingPartners: 'Partenaires financiers',
    contacts: 'Contacts',
  },
  /** The progress report of the Fund's template (PBF), in Word, HTML and PDF: the words besides the template's. */
  pbfReport: {
    words: {
      // as the seeds write it ("N/A"), so a question left blank and one answered "N/A" read alike
      notApplicable: 'N/A',
      notGiven: 'Non renseigné',
      yes: 'Oui',
      no: 'Non',
      none: 'Aucun',
      total: 'Total',
      outcome: 'Résultat',
      output: 'Produit',
      // after an outcome or output repeated at the top of a Part V page its rows continue on
      continued: '(suite)',
      indicator: 'Indicateur',
      convening: 'agence coordinatrice',
      recipient: 'Agence récipiendaire',
      budget: 'Budget',
      donor: 'Nom du donateur',
      amount: 'Montant ($)',
      notes: 'Notes pour remplir le rapport',
      trustFundCountry: 'Fonds fiduciaire pays',
      trustFundRegional: 'Fonds fiduciaire régional',
      trustFundName: 'Nom du fonds fiduciaire',
      limit: 'limite de {{n}} caractères',
      lastSixMonthsLead: 'Pour les projets dans les six derniers mois de mise en œuvre',
      finalOnlyLead: 'Pour les rapports finaux',
      months: '{{n}} mois',
      page: 'Page',
      period: 'Période couverte',
    },
    /** The Part V column heads, as the template's table has them. */
    indicatorColumns: {
      indicators: 'Indicateurs',
      // the template's own heads, as the three 2020 seeds print them ("Base de donnée", "Etapes d’indicateur/ milestone")
      baseline: 'Base de donnée',
      endTarget: 'Cible de fin de projet',
      milestone: 'Etapes d’indicateur/ milestone',
      progress: 'Progrès actuel de l’indicateur',
      reasons: 'Raisons pour les retards ou changements',
    },
    reportTypes: {
      semi_annual: 'Semestriel',
      annual: 'Annuel',
      final: 'Final',
      quarterly: 'Trimestriel',
    },
    priorityWindows: {
      gender: 'Initiative de promotion du genre',
      youth: 'Initiative de promotion de la jeunesse',
      transition:
        'Transition entre différentes configurations de l’ONU (e.g. sortie de la mission de maintien de la paix)',
      cross_border: 'Projet transfrontalier ou régional',
    },
    riskLevels: {
      low: 'Faible',
      medium: 'Moyen',
      high: 'Élevé',
    },
    /** `Label : valeur`: a non-breaking space before the colon in French. */
    colon: '\u00a0: ',
    quoted: '«\u00a0{{text}}\u00a0»',
    /** before a text left in its original language, said in that language (docs/decisions/0020) */
    original: '[original en français]',
  },
  /** The IATI activity files: what the export writes and warns before publication, what the import finds. */
  iati: {
    export: {
      checkBeforePublishing: 'Jalon — à vérifier avant publication :',
      identifierOfAnotherPublisher:
        "Le fichier d'où vient ce programme lui donnait l'identifiant {{identifier}}, qui ne porte le préfixe d'aucune de ses organisations : Jalon le publie sous {{ref}}. Ne publiez pas les deux.",
      unknownReportingIdentifier:
        "{{organisation}} publie ce programme mais Jalon ne connaît pas son identifiant d'organisation IATI : le fichier porte l'identifiant provisoire {{ref}}, à remplacer avant publication.",
      noRecipient:
        "Ce programme n'a pas d'organisation récipiendaire : le fichier porte l'organisation déclarante provisoire JALON, à remplacer avant publication.",
      sectorsFromWords:
        "Secteurs CAD : 15220, et d'après les termes du programme {{sectors}} ; Jalon ne connaît pas leurs parts : répartition égale.",
      sectorFromWords: '{{code}} (« {{words}} »)',
      donorsAsCommitments:
        'Contributions des bailleurs publiées comme engagements entrants datés du début du programme ({{date}}) : Jalon ne garde pas la date de chaque engagement.',
      donorsWithoutDate:
        "Contributions des bailleurs non publiées en montants : le programme n'a pas de date de début passée à laquelle les dater.",
      donorContribution: 'Contribution au programme (convention), datée du début du programme : {{date}}',
      noFramework: "Ce programme n'a pas encore de cadre de résultats : aucun résultat publié.",
      countryNotInCodelist:
        "Le pays {{country}} n'est pas dans la liste IATI des pays : il n'est pas publié.",
      budgetWithoutStart:
        "Budget de {{whose}} non publié : le programme n'a ni date de début ni date de premier transfert.",
      indicatorCode: 'Code : {{code}}',
      baselineWord: 'base de référence',
      targetWord: 'cible',
      actualWord: 'valeur réalisée',
      moreHeldBack: '… et {{n}} autre(s)',
      breaksRule: 'Enfreint la règle IATI {{rule}} ({{activity}}, {{where}}) : {{message}}',
      cofundedShareNotPublished:
        'Non publiée : la part cofinancée de {{organisation}} ({{amount}} {{currency}}) dans les lignes budgétaires ; {{organisation}} la publie dans sa propre activité.',
      valuesHeldBack:
        "Non publiées (règle IATI : une base de référence, cible ou valeur réalisée d'un indicateur non qualitatif a une valeur) : {{n}} valeur(s) que Jalon n'a qu'en mots (« TBD », « N/A », cible relative sans base chiffrée, plusieurs nombres, pas de valeur) : {{where}}.",
      budgetsOverWholeDuration:
        "Non publiés (règle IATI 7.5.3 : une période de budget dure un an au plus) : budgets sur toute la durée ({{start}} → {{end}}) sans lignes budgétaires par année dans Jalon : {{budgets}}. Le fichier les garde dans des éléments jalon:budget-held-back propres à Jalon, que l'IATI ignore. Saisissez le budget par année dans l'onglet finances pour les publier.",
      ratesWithoutBudget:
        'Taux de mise en œuvre non publiés : sans budget approuvé, Jalon ne peut pas en tirer de dépenses.',
      ratesWithoutExpenditure:
        "Taux de mise en œuvre des rapports non publiés en dépenses : aucune dépense n'est enregistrée dans Jalon.",
      expenditureRecorded: "Dépenses enregistrées dans Jalon jusqu'au {{date}}",
      expenditureFromRate: 'Dépenses déduites du taux de mise en œuvre de {{rate}} % au {{date}}{{source}}',
      indicatorUnit: 'Unité : {{unit}}.',
      cumulativeIndicator: 'Indicateur cumulatif.',
      meansOfVerification: 'Moyens de vérification : {{sources}}.',
      resultsWithoutIndicators:
        'Résultats et produits sans indicateur non publiés (IATI exige au moins un indicateur) : {{codes}}.',
      undatedMilestones:
        "{{n}} étape(s) d'indicateur sans date non publiée(s) : une période IATI a une date de fin.",
      gatewayOwner: 'Bureau des fonds d’affectation spéciale pluripartenaires (MPTF Office), Gateway',
      recipientShare: 'Part de {{organisation}} dans {{programme}}.',
      recipientShareConvening: 'Part de {{organisation}}, organisation coordinatrice, dans {{programme}}.',
    },
    read: {
      openFile: {
        forbiddenXmlName:
          'Ce fichier nomme un élément ou un attribut « {{forbidden}} » : Jalon refuse par sécurité les noms « __proto__ », « constructor » et « prototype ».',
        tooDeep:
          'Les éléments de ce fichier XML sont imbriqués sur plus de {{limit}} niveaux (un fichier IATI en a une dizaine) : Jalon le refuse.',
        doctype:
          'Le fichier contient une déclaration DOCTYPE ou des entités : un fichier IATI n’en a pas, Jalon le refuse par sécurité.',
        atLineColumn: ' (ligne {{line}}, colonne {{column}})',
        truncated:
          "Ce fichier s'arrête avant la fin{{at}} : {{open}} n'est pas fermé. Le fichier a sans doute été coupé (téléchargement interrompu) ; téléchargez-le de nouveau.",
        notWellFormed: "Ce fichier n'est pas du XML bien formé{{at}} : {{message}}",
        organisationFile:
          "C'est un fichier d'organisation IATI (iati-organisations) : Jalon importe les fichiers d'activités (iati-activities).",
        notActivityFile:
          "Ce fichier XML n'est pas un fichier d'activités IATI : son élément racine est <{{name}}>, pas <iati-activities>.",
        version1:
          "Fichier IATI {{version}} : Jalon lit les versions 2.01 à 2.03 (la version 1 n'est plus publiée depuis 2016 ; convertissez-le avec les outils IATI).",
        file: 'Fichier',
        noVersion: "Pas d'attribut version : le fichier est lu comme IATI 2.0x.",
        versionReadAs203: 'Version {{version}} : lue comme 2.03.',
        noActivity: 'Ce fichier IATI ne contient aucune activité (iati-activity).',
        tooManyActivities:
          'Ce fichier contient {{count}} activités : Jalon en importe au plus {{max}} à la fois (filtrez par pays, par exemple sur d-portal.org).',
      },
      encoding: {
        invalidText: "Le fichier n'est pas du texte {{encoding}} valide : enregistrez-le en UTF-8.",
      },
      activities: {
        provisionalIdentifier: 'activité {{number}}',
        noIdentifier: "Pas d'identifiant IATI : un identifiant provisoire est donné.",
        duplicateActivity: 'Activité en double dans le fichier : seule la première est importée.',
        file: 'Fichier',
        foreignAttributes:
          "Attributs d'autres espaces de noms ignorés (ajoutés par l'outil qui a produit le fichier) : {{attributes}}.",
        noImportableActivity:
          'Aucune activité de ce fichier ne peut devenir un programme (voir les raisons ci-dessous).',
      },
      activity: {
        noEndDate:
          'Pas de date de fin : Jalon retient la dernière date des budgets et des résultats, {{endDate}}.',
        noEndDateNotImported:
          "Activité non importée : elle n'a pas de date de fin, ni de budget ou de période de résultat dont la déduire.",
        noTitle: "Pas de titre : l'identifiant sert de titre.",
        file: 'Fichier',
        noFrenchTexts: "Textes sans version française : l'anglais sert de texte principal.",
      },
      header: {
        otherDescriptionType:
          'Description de type {{type}} non gardée : Jalon garde la description générale comme résumé.',
        noRecipientCountry:
          "Activité non importée : elle ne nomme pas de pays bénéficiaire (recipient-country), qu'un programme Jalon exige.",
        countryFromTransactions:
          "Pays bénéficiaire lu sur les transactions (l'activité n'en nomme pas) : {{code}}.",
        severalCountries:
          'Plusieurs pays bénéficiaires : Jalon garde {{code}} ({{percentage}} %), pas {{others}}.',
        unknownCountry: 'Code pays {{code}} hors de la liste IATI.',
        plannedAndActualEnd:
          'Fin prévue {{planned}} et fin effective {{actual}} : Jalon garde la fin prévue.',
        noCurrency: 'Pas de devise par défaut : USD est retenu.',
      },
      organisations: {
        sameIdentifierTwoNames:
          "« {{name}} » porte l'identifiant {{identifier}} déjà lu sous le nom « {{firstName}} » : une seule organisation est gardée.",
        noUsableIdentifier: 'Organisation sans identifiant ni nom utilisable (« - ») : ignorée.',
        noAccountableOrganisation:
          "Aucune organisation responsable (rôle 2 ou 3) : l'organisation déclarante est retenue comme organisation récipiendaire.",
        unknownRole: "Rôle d'organisation inconnu « {{role}} » : {{organisations}} non gardé(s).",
      },
      money: {
        transactionsNotKept:
          '{{n}} transaction(s) de type {{type}} non gardée(s) (devise différente, date ou montant manquant, ou type que Jalon ne suit pas).',
        spendingSummed:
          'Dépense ou décaissement ajouté aux dépenses à date du programme (Jalon en garde le total, pas chaque transaction).',
        incomingSummedByDonor:
          'Fonds reçus et engagements entrants additionnés par bailleur, chacun à part : la contribution est l’engagement, ou ce qui a été reçu quand c’est plus (le détail est dans la note du bailleur).',
        budgetsSummed:
          'Budgets par période additionnés en un budget approuvé de {{total}} {{currency}} (Jalon ne garde pas encore le budget par année) — {{budgets}}.',
        budgetOfYear: '{{year}} : {{amount}}',
        budgetOfYearRevised: '{{year}} (révisé) : {{amount}}',
        incomingCommitments: 'Engagements entrants (IATI) : {{commitments}} {{currency}}',
        incomingFunds: 'Fonds reçus (IATI) : {{funds}} {{currency}}',
        commitmentsAndFunds:
          'Engagements entrants (IATI) : {{commitments}} {{currency}}, dont {{funds}} {{currency}} reçus',
        fundsAboveCommitments:
          'Fonds reçus (IATI) : {{funds}} {{currency}}, plus que les engagements entrants publiés ({{commitments}} {{currency}}) : la contribution est ce qui a été reçu',
      },
      results: {
        resultInPath: 'résultat',
        indicatorInPath: 'indicateur',
        descriptionInIndicatorNotes: 'Description du résultat gardée dans les notes de ses indicateurs.',
        untitledResult: 'Résultat {{index}}',
        otherTypeReadAsOutcome: 'Résultat de type {{type}} lu comme un résultat (effet).',
        noType: '(aucun)',
      },
      indicators: {
        baseline: 'Base de référence',
        periodWithoutDates: 'Période sans date de début ou de fin : ignorée.',
        emptyActual:
          'Valeur réalisée vide (« - » ou sans valeur) : aucune valeur enregistrée pour cette période.',
        severalValuesKeptAsText:
          'Une valeur écrite en plusieurs nombres (sous-indicateurs numérotés, un nombre par ligne ou nombres séparés par « / ») est gardée comme texte, sans en tirer un nombre : saisissez sa valeur pour calculer la progression.',
        decreaseWithRisingTargets:
          'ascending="0" (baisse visée) alors que des cibles dépassent la base de référence : Jalon retient une hausse visée.',
      },
      sectors: {
        genderMarkerFromPolicyMarker:
          "Marqueur d'égalité des sexes (CAD) de niveau {{significance}} lu comme marqueur genre {{gm}}.",
        vocabulary: 'vocabulaire',
        markerNotKept: 'Marqueur {{marker}} non gardé : Jalon ne garde que le marqueur genre.',
        sectorsNotKept: "Secteurs non gardés (Jalon n'a pas de champ secteur) : {{sectors}}.",
        listSeparator: ' ; ',
      },
      framework: {
        noResults: 'Pas de résultats : le programme est créé sans cadre de résultats.',
        extraTargetAsMilestone:
          'Cible de la période {{start}} → {{end}} gardée comme étape (jalon) au {{end}}.',
        outputsUnderMadeOutcome:
          'Les produits (résultats de type 1) sont rangés sous un résultat {{code}} créé pour eux : IATI ne dit pas à quel résultat ils contribuent.',
      },
      hierarchy: {
        parentNotInFile:
          'Activité enfant de {{parentRef}}, absent de ce fichier : importée comme un programme à part.',
        childBudgetOtherCurrency:
          'Budget en {{currency}}, le programme est en {{programmeCurrency}} : non gardé.',
        childResultsAdded: "Résultats de l'activité enfant ajoutés au cadre de résultats de {{identifier}}.",
        childMerged:
          'Activité enfant de {{parent}} : fusionnée dans ce programme (organisation {{organisation}}{{budget}}).',
        childMergedBudget: ', budget {{amount}} {{currency}}',
      },
      programme: {
        parentBudgetAsResourcesRequired:
          "Budget de l'activité parente gardé comme ressources requises du programme ({{total}} {{currency}}).",
        budgetWithoutRecipient: 'Budget non gardé : aucune organisation récipiendaire à qui le rattacher.',
        expenditureOverBudget:
          'Les dépenses dépassent le budget ({{rate}} %) : le taux de mise en œuvre est plafonné à 100 %.',
        spendingSource: 'IATI : {{n}} transaction(s) de dépense ou de décaissement',
        spendingAsImplementationRate:
          'Dépenses et décaissements ({{amount}} {{currency}}) gardés comme taux de mise en œuvre de {{rate}} % au {{asOf}}.',
        spendingWithoutBudget:
          'Dépenses non gardées : sans budget, Jalon ne peut pas en faire un taux de mise en œuvre.',
        longIdentifier: 'Identifiant de plus de 40 caractères : le code du programme est « {{code}} ».',
        invalidData: 'Donnée que Jalon ne peut pas enregistrer : {{message}}',
      },
      /** Why an element or attribute Jalon does not read is not kept. */
      unread: {
        attribute: "Attribut {{attribute}} non gardé : Jalon n'a pas de champ pour lui.",
        otherElement: "Élément <{{element}}> non gardé : Jalon n'a pas de champ pour lui.",
        contactInfo: 'Contacts non gardés.',
        activityScope: 'Portée géographique non gardée (Jalon garde le pays et les lieux).',
        recipientRegion: 'Région bénéficiaire non gardée (Jalon garde un pays).',
        collaborationType: 'Type de collaboration non gardé.',
        defaultFlowType: 'Type de flux par défaut non gardé.',
        defaultFinanceType: 'Type de financement par défaut non gardé.',
        defaultAidType: "Type d'aide par défaut non gardé.",
        defaultTiedStatus: "Statut de l'aide liée non gardé.",
        activityStatus: "Statut de l'activité non gardé : Jalon le déduit des dates.",
        countryBudgetItems: 'Lignes du budget national non gardées.',
        humanitarianScope: 'Portée humanitaire non gardée.',
        capitalSpend: 'Part des dépenses en capital non gardée.',
        documentLink: 'Lien vers un document non gardé.',
        conditions: 'Conditions non gardées.',
        otherIdentifier: 'Autre identifiant non gardé.',
        plannedDisbursement: 'Décaissement prévu non gardé.',
        relatedActivity: 'Activité liée (ni parent ni enfant dans ce fichier) non gardée.',
        location: 'Lieu : coordonnées et codes non gardés (Jalon garde le nom du lieu).',
        point: 'Coordonnées non gardées (Jalon garde le nom du lieu).',
        exactness: 'Précision du lieu non gardée.',
        locationClass: 'Classe de lieu non gardée.',
        locationReach: 'Portée du lieu non gardée.',
        locationId: 'Code du lieu non gardé.',
        administrative: 'Division administrative codée non gardée.',
        featureDesignation: 'Type de lieu non gardé.',
        legacyData: 'Données héritées non gardées.',
        crsAdd: 'Données CRS complémentaires non gardées.',
        fss: 'Prévisions de dépenses (FSS) non gardées.',
        tag: 'Étiquette non gardée.',
        budget: 'Budget non gardé (devise différente ou dates manquantes).',
        reference: 'Référence à un autre vocabulaire non gardée.',
        providerOrg: "Organisation d'origine d'une dépense non gardée (Jalon garde le total des dépenses).",
        receiverOrg: 'Organisation bénéficiaire du versement non gardée (Jalon garde les totaux).',
        disbursementChannel: 'Canal de décaissement non gardé.',
        description: 'Description non gardée.',
        flowType: 'Type de flux non gardé.',
        financeType: 'Type de financement non gardé.',
        aidType: "Type d'aide non gardé.",
        tiedStatus: "Statut de l'aide liée non gardé.",
        sector: 'Secteur non gardé.',
        recipientCountry: 'Pays non gardé.',
      },
    },
  },
  /** The activity workbook: the template and export Jalon writes, and what reading a sheet (xlsx, CSV) refuses. */
  activitiesSheet: {
    columns: {
      reference: 'Référence',
      title: 'Intitulé',
      titleEn: 'Intitulé (anglais)',
      kind: 'Type',
      startDate: 'Date de début',
      endDate: 'Date de fin',
      organisation: 'Agence',
      partner: 'Partenaire',
      output: 'Produit',
      workPlanActivity: 'Activité du plan de travail',
      indicators: 'Indicateurs',
      places: 'Lieux',
      region: 'Région',
      cercle: 'Cercle',
      commune: 'Commune',
      village: 'Village / site',
      description: 'Description',
      countBasis: 'Comptage (distinctes / présences)',
      quantity: 'Quantité réalisée',
      quantityUnit: 'Unité',
      recordedBy: 'Saisi par',
      category: 'Catégorie de participants',
      total: 'Total participants',
      women: 'Dont femmes',
      men: 'Dont hommes',
    },
    sex: {
      female: 'Femmes',
      male: 'Hommes',
      unknown: 'Sexe ?',
    },
    age: {
      under_18: '< 18 ans',
      age_18_35: '18-35 ans',
      age_36_plus: '36 ans et +',
      unknown: 'âge ?',
    },
    write: {
      listsSheet: 'Listes',
      kinds: 'Types',
      agencies: 'Agences',
      countBasis: 'Comptage',
      categories: 'Catégories',
      outputs: 'Produits',
      indicators: 'Indicateurs',
      cercles: 'Cercles',
      agencyAcronym: 'Agence (sigle)',
      outputStatement: 'Produit (énoncé)',
      indicatorTitle: 'Indicateur (intitulé)',
      notInListTitle: 'Valeur hors liste',
      notInList: 'Choisissez une valeur de la liste.',
      wholeNumber: 'Un nombre entier de personnes.',
      readMeSheet: 'Lisez-moi',
      readMeTitle: 'Activités de terrain — {{code}}',
      readMeRows:
        'Une ligne par activité, ou une ligne par catégorie de participants d’une même activité : donnez alors la même Référence à ces lignes.',
      readMeReference:
        'Référence : un code à vous (ex. AZHAR-2023-10-05-SEG). Une référence déjà importée est ignorée : importer deux fois le même fichier n’ajoute rien.',
      readMeDatesAgency: 'Dates : 2023-10-05 ou 05/10/2023. Agence : le code de la liste (UNDP, UNWOMEN…).',
      readMePlaces:
        'Lieux : régions, cercles ou communes du Mali séparés par « ; », avec ou sans accents (Ségou ; Djenné ; Kala-Siguida).',
      readMeIndicators: 'Indicateurs : les codes séparés par « ; » (1.2.2 ; 1.3.2).',
      readMeParticipants:
        'Participants : douze colonnes, sexe × âge. Laissez vide ce qui n’est pas connu ; les colonnes « ? » comptent les personnes dont le sexe ou l’âge n’est pas renseigné.',
      readMeCountBasis:
        'Comptage : « distinctes » si chaque personne est comptée une fois, « présences » si une personne peut compter plusieurs fois (émissions, sessions répétées).',
      readMeAllOrNothing:
        'Rien n’est enregistré avant que vous confirmiez l’aperçu, et c’est tout ou rien : une seule erreur et aucune ligne n’est écrite.',
      valuesSheet: 'Valeurs d’indicateurs',
      indicator: 'Indicateur',
      title: 'Intitulé',
      periodStart: 'Début de période',
      periodEnd: 'Fin de période',
      value: 'Valeur',
      valueNumber: 'Valeur (nombre)',
      source: 'Origine',
      enteredBy: 'Saisi par',
      file: 'Fichier',
      row: 'Ligne',
      activities: 'Activités',
      reasons: 'Raisons des retards ou changements',
      sourceEntered: 'saisie',
      sourceImported: 'importée',
      sourceComputed: 'calculée',
      sourceReport: 'rapport',
      sourceComputedNow: 'calculée à partir des activités',
      sourceOfRecord: 'valeur retenue — {{source}}',
      activitiesSheet: 'Activités',
    },
    read: {
      tooManyRows: 'Le fichier a plus de {{maxRows}} lignes : découpez-le.',
      cellTooLong: 'Ligne {{row}} : une cellule dépasse {{cellLength}} caractères.',
      unclosedQuote: 'Guillemet non fermé : le fichier CSV est mal formé.',
      empty: 'Le fichier est vide.',
      tooLarge: 'Le fichier dépasse {{megabytes}} Mo.',
      notXlsxOrCsv:
        'Ce fichier n’est ni un classeur Excel (.xlsx) ni un fichier CSV. Les anciens fichiers .xls doivent être enregistrés au format .xlsx.',
      noHeaderRow:
        'La feuille « {{name}} » n’a pas de ligne d’en-têtes (noms de colonnes) en ligne {{firstRow}}.',
      tooManyColumns: 'Plus de {{maxColumns}} colonnes.',
      unreadableWorkbook: 'Ce fichier n’est pas un classeur Excel lisible (.xlsx).',
      tooLargeUnpacked: 'Ce classeur se décompresse en un volume anormalement grand : il est refusé.',
      damagedWorkbook:
        'Ce classeur est endommagé ou mal formé : Excel doit pouvoir l’ouvrir et l’enregistrer à nouveau.',
      noSuchSheet: 'Le classeur n’a pas de feuille « {{wanted}} ».',
      noSheet: 'Le classeur n’a aucune feuille.',
      sheetTooManyRows: 'La feuille « {{name}} » a plus de {{maxRows}} lignes : découpez-la.',
    },
  },
  /** The results framework workbook (the Fund's layout): sheets, headers, values, read-me; headers are read in either language. */
  frameworkSheet: {
    title: 'Cadre de résultats — {{code}}',
    version: 'Version {{version}} : {{label}} — adoptée le {{date}} — {{reason}}',
    targetYear: 'Cible {{year}}',
    columns: {
      outcomeCode: 'Code résultat',
      outcomeFr: 'Résultat (FR)',
      outcomeEn: 'Résultat (EN)',
      outputCode: 'Code produit',
      outputFr: 'Produit (FR)',
      outputEn: 'Produit (EN)',
      indicatorCode: 'Code indicateur',
      indicatorFr: 'Indicateur (FR)',
      indicatorEn: 'Indicateur (EN)',
      baseline: 'Base de référence',
      endTarget: 'Cible finale',
      milestones: 'Étapes (jalons)',
      sources: 'Moyens de vérification',
      measure: 'Mesure',
      direction: 'Sens',
      cumulative: 'Cumulatif',
      unit: 'Unité',
      disaggregations: 'Désagrégation',
      notes: 'Notes',
    },
    sheets: {
      framework: 'Cadre de résultats',
      activities: 'Activités',
      alignments: 'Alignements',
      programme: 'Programme',
      readme: 'Lisez-moi',
    },
    activityColumns: {
      outputCode: 'Code produit',
      code: 'Code activité',
      fr: 'Activité (FR)',
      en: 'Activité (EN)',
    },
    alignmentColumns: {
      indicator: 'Code indicateur (vide : tout le cadre)',
      framework: 'Cadre',
      code: 'Code',
      title: 'Intitulé',
      note: 'Note',
    },
    programmeFields: {
      code: 'Code',
      titleFr: 'Titre (FR)',
      titleEn: 'Titre (EN)',
      kind: 'Type',
      country: 'Pays (ISO)',
      currency: 'Devise',
      startDate: 'Début',
      endDate: 'Fin',
      version: 'Version du cadre',
      labelFr: 'Libellé de la version (FR)',
      labelEn: 'Libellé de la version (EN)',
      effectiveDate: "Date d'adoption",
      reasonFr: 'Motif (FR)',
      reasonEn: 'Motif (EN)',
    },
    measures: {
      number: 'Nombre',
      percent: 'Pourcentage',
      yes_no: 'Oui / non',
      text: 'Texte',
      document: 'Document',
      index: 'Indice',
    },
    directions: {
      increase: 'Hausse',
      decrease: 'Baisse',
      maintain: 'Maintien',
    },
    dimensions: {
      sex: 'sexe',
      age: 'âge',
      category: 'catégorie',
      displacement_status: 'statut de déplacement',
      place: 'lieu',
      organisation: 'organisation',
    },
    yesNo: {
      yes: 'Oui',
      no: 'Non',
    },
    kinds: {
      project: 'Projet',
      joint_programme: 'Programme conjoint',
    },
    /** One line of the read-me sheet per line. */
    readme:
      'Cadre de résultats — mode d’emploi\n\nUne ligne par indicateur, sous son résultat et son produit. Un indicateur sans code produit est un indicateur de résultat.\n• Code résultat vide : la ligne reprend le résultat de la ligne du dessus (les cellules fusionnées sont lues de la même façon).\n• Les valeurs s’écrivent comme dans les documents ; Jalon les lit et garde votre formulation :\n  0 · 400 · 25% · 78,97% (Donnée nationale 11/2020) · 59,49% (police) ; 88,01% (gendarmerie)\n  +5% dans les zones ciblées · -10% · augmentation de au moins 30% · 330, dont 30% des femmes · 350 (dont au moins 150 femmes)\n  220 personnes (soit 140 autorités locales et leaders communautaires, 40 femmes et 40 jeunes de 18 à 35 ans)\n  Plan d’action 2022 · faible participation · TBD (baromètre) · n/a · Oui / Non\n• Cible annuelle « / » : pas de cible cette année-là ; cellule vide : aucune cible indiquée.\n• Une valeur dont la formulation ne dit pas la date ou la source les porte sur des lignes à part dans la cellule : « Date : 2020-11 », « Source : Donnée nationale ».\n• Étapes (jalons) : une par ligne dans la cellule, datée dans la formulation « 150 (06/2021) » ou en tête « 2021-06 : 150 ».\n• Moyens de vérification : un par ligne dans la cellule.\n• Mesure, Sens, Cumulatif : listes de choix ; vides, Jalon les déduit des valeurs.\n• Désagrégation : sexe, âge, catégorie, statut de déplacement, lieu, organisation (séparés par des virgules).\n• Écrivez les valeurs comme du texte : une date saisie par Excel (06/2021 devenu une date) est refusée avec sa ligne et sa colonne.\n\nFeuilles « Activités » et « Alignements » : facultatives. Feuille « Programme » : lue pour créer un nouveau programme.',
    /** What reading a framework workbook finds and refuses, by sheet, row and column. */
    read: {
      openWorkbook: {
        oldXls:
          'Ancien format Excel (.xls) : enregistrez le classeur au format .xlsx (Fichier › Enregistrer sous › Classeur Excel).',
        notXlsx: "Ce fichier n'est pas un classeur Excel (.xlsx).",
        tooLargeUnpacked:
          'Ce classeur se décompresse en plus de {{megabytes}} Mo : trop volumineux pour un cadre de résultats, il est refusé.',
        zipNotXlsx:
          'Ce fichier est une archive ZIP mais pas un classeur Excel (.xlsx) : un document Word, un classeur LibreOffice (.ods) ? Enregistrez-le au format .xlsx.',
        damaged: 'Ce classeur Excel est endommagé et ne peut pas être lu ({{reason}}).',
        tooManyRows:
          'La feuille « {{name}} » a {{rowCount}} lignes : Jalon lit au plus {{max}} lignes par feuille.',
      },
      sheetDetection: {
        noFrameworkSheet:
          "Aucune feuille de ce classeur n'a les en-têtes d'un cadre de résultats (au moins « Code indicateur » et « Indicateur (FR) »), dans ses 20 premières lignes. Partez d'un cadre exporté par Jalon.",
        unknownColumn: 'Colonne « {{text}} » non reconnue : ignorée.',
        noOutcomeCodeColumn:
          "La feuille « {{name}} » n'a pas de colonne « Code résultat » : chaque indicateur doit appartenir à un résultat.",
      },
      sheetReader: {
        whereRow: '{{sheet}}, ligne {{row}}',
        whereCell: '{{sheet}}, ligne {{row}}, colonne {{column}}{{header}}',
        excelError: 'Erreur Excel {{error}} dans la cellule.',
        formulaWithoutResult:
          'Formule sans valeur calculée : ouvrez et enregistrez le classeur dans Excel, ou remplacez la formule par sa valeur.',
        unreadableCell: 'Contenu de cellule illisible.',
        textTooLong: 'Texte trop long ({{length}} caractères, {{limit}} au plus).',
        dateInsteadOfCode:
          'Une date ({{date}}) là où un code est attendu : Excel a transformé la saisie en date. Mettez la cellule au format Texte et retapez-la (par exemple « 150 (06/2021) »).',
        dateInsteadOfText:
          'Une date ({{date}}) là où un texte est attendu : Excel a transformé la saisie en date. Mettez la cellule au format Texte et retapez-la (par exemple « 150 (06/2021) »).',
      },
      frameworkRows: {
        outcome: 'Résultat',
        output: 'Produit',
        differentStatement: '{{label}} {{code}} : énoncé différent de celui de la ligne {{statementRow}}.',
        outcomeCodeMissing: 'Code résultat manquant (la ligne ne suit aucun résultat).',
        outputUnderTwoOutcomes:
          'Produit {{output}} déjà placé sous le résultat {{firstOutcome}} (ligne {{row}}), ici sous {{outcome}}.',
        outputStatementWithoutCode: 'Énoncé de produit sans code produit.',
        outcomeWithoutStatement: 'Résultat {{code}} sans énoncé.',
        outputWithoutStatement: 'Produit {{code}} sans énoncé.',
        noOutcome: 'Aucun résultat dans la feuille : le cadre doit en avoir au moins un.',
      },
      indicatorRow: {
        indicatorCodeMissing: 'Code indicateur manquant alors que la ligne décrit un indicateur.',
        duplicateIndicatorCode: 'Code indicateur {{code}} déjà utilisé ligne {{firstRow}}.',
        indicatorTitleMissing: "Intitulé de l'indicateur manquant.",
        noFrenchTitle: "Pas d'intitulé français : l'anglais sert d'intitulé principal.",
        notYesOrNo: '« {{value}} » : écrivez Oui ou Non.',
        notAPossibleValue: "« {{value}} » n'est pas une valeur possible ; choisissez parmi : {{choices}}.",
        unknownDisaggregation:
          "« {{value}} » n'est pas une désagrégation connue ; choisissez parmi : {{choices}}.",
      },
      indicatorValues: {
        badDate: 'Date « {{date}} » : écrivez-la AAAA-MM ou AAAA-MM-JJ.',
        keptAsText: "« {{text}} » n'est pas lu comme un nombre : gardé comme texte.",
      },
      activitiesSheet: {
        outputNotInFramework: 'Produit « {{outputCode}} » absent du cadre.',
        activityWithoutCodeOrTitle: 'Activité sans code ou sans intitulé.',
      },
      alignmentsSheet: {
        unknownFramework: 'Cadre « {{framework}} » inconnu ; choisissez parmi : {{choices}}.',
        alignmentWithoutCodeOrTitle: 'Alignement sans code ou sans intitulé.',
        indicatorNotInFramework: 'Indicateur « {{indicator}} » absent du cadre.',
      },
      programmeSheet: {
        valueColumn: 'Valeur',
        badDate: '« {{text}} » : date attendue au format AAAA-MM-JJ.',
        unknownKind: 'Type « {{text}} » inconnu : Projet ou Programme conjoint.',
        badCountry: 'Pays « {{text}} » : code ISO à deux lettres attendu (ML).',
        badCurrency: 'Devise « {{text}} » : code ISO à trois lettres attendu (USD).',
      },
    },
  },
};
