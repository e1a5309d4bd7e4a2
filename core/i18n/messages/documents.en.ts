import type { ServerCatalogue } from '../server-fr.js';

/** The documents sentences in English: typed against the French ones. */
export const documentsEn: ServerCatalogue['documents'] = {
  quarterly: {
    coverTitle: 'QUARTERLY REPORT',
    documentTitle: '{{code}} — Quarterly report {{quarter}}',
    pageFooter: '{{code}} — Quarterly report {{quarter}} — page ',
    aboutProgramme: 'About {{code}}',
    mainResults: 'Main results',
    outsideOutcomes: 'Steering and coordination (outside the outcomes)',
    outcomeHeading: 'Outcome {{code}}: {{statement}}',
    demoIllustration: 'Demo illustration (not the original photo): {{caption}}',
    narrativeNotWritten: '(Narrative not written.)',
    steeringCommittee: 'Steering committee',
    fundingPartners: 'Funding partners',
    contacts: 'Contacts',
  },
  pbfReport: {
    words: {
      notApplicable: 'N/A',
      notGiven: 'Not given',
      yes: 'Yes',
      no: 'No',
      none: 'None',
      total: 'Total',
      outcome: 'Outcome',
      output: 'Output',
      continued: '(continued)',
      indicator: 'Indicator',
      convening: 'convening agency',
      recipient: 'Recipient organization',
      budget: 'Budget',
      donor: 'Name of donor',
      amount: 'Amount ($)',
      notes: 'Notes for completing the report',
      trustFundCountry: 'Country trust fund',
      trustFundRegional: 'Regional trust fund',
      trustFundName: 'Name of recipient fund',
      limit: 'limit of {{n}} characters',
      lastSixMonthsLead: 'For projects within the last six months of implementation',
      finalOnlyLead: 'For final reports',
      months: '{{n}} months',
      page: 'Page',
      period: 'Reporting period',
    },
    indicatorColumns: {
      indicators: 'Indicators',
      baseline: 'Baseline',
      endTarget: 'End of project indicator target',
      milestone: 'Indicator milestone',
      progress: 'Current indicator progress',
      reasons: 'Reasons for variance / delay (if any)',
    },
    reportTypes: {
      semi_annual: 'Semi-annual',
      annual: 'Annual',
      final: 'Final',
      quarterly: 'Quarterly',
    },
    priorityWindows: {
      gender: 'Gender promotion initiative',
      youth: 'Youth promotion initiative',
      transition: 'Transition from UN or regional peacekeeping or special political missions',
      cross_border: 'Cross-border or regional project',
    },
    riskLevels: {
      low: 'Low',
      medium: 'Medium',
      high: 'High',
    },
    colon: ': ',
    quoted: '“{{text}}”',
    original: '[English original]',
  },
  iati: {
    export: {
      checkBeforePublishing: 'Jalon — to check before publishing:',
      identifierOfAnotherPublisher:
        'The file this programme came from gave it the identifier {{identifier}}, which is not under the prefix of any of its organisations: Jalon publishes it under {{ref}}. Do not publish both.',
      unknownReportingIdentifier:
        '{{organisation}} publishes this programme but Jalon does not know its IATI organisation identifier: the file carries the placeholder {{ref}}, to be replaced before publishing.',
      noRecipient:
        'This programme has no recipient organisation: the file carries the placeholder reporting organisation JALON, to be replaced before publishing.',
      sectorsFromWords:
        "DAC sectors: 15220, and from the programme's own words {{sectors}}; Jalon does not know their shares: even split.",
      sectorFromWords: '{{code}} ("{{words}}")',
      donorsAsCommitments:
        "Donor contributions published as incoming commitments dated on the programme's start ({{date}}): Jalon keeps no date for each commitment.",
      donorsWithoutDate:
        'Donor contributions not published as amounts: the programme has no past start date to date them on.',
      donorContribution:
        "Contribution to the programme (agreement), dated on the programme's start: {{date}}",
      noFramework: 'This programme has no results framework yet: no results published.',
      countryNotInCodelist: 'Country {{country}} is not on the IATI country list: it is not published.',
      budgetWithoutStart:
        'Budget of {{whose}} not published: the programme has neither a start date nor a first transfer date.',
      indicatorCode: 'Code: {{code}}',
      baselineWord: 'baseline',
      targetWord: 'target',
      actualWord: 'actual',
      moreHeldBack: '… and {{n}} more',
      breaksRule: 'Breaks IATI rule {{rule}} ({{activity}}, {{where}}): {{message}}',
      cofundedShareNotPublished:
        'Not published: the co-funded share of {{organisation}} ({{amount}} {{currency}}) in the budget lines; {{organisation}} publishes it in its own activity.',
      valuesHeldBack:
        'Not published (IATI rule: a baseline, target or actual of a non-qualitative indicator has a value): {{n}} value(s) Jalon holds only in words ("TBD", "N/A", a relative target without a numeric baseline, several numbers, no value): {{where}}.',
      budgetsOverWholeDuration:
        "Not published (IATI rule 7.5.3, a budget period is one year at most): budgets over the whole duration ({{start}} → {{end}}) that Jalon has no yearly budget lines for: {{budgets}}. The file keeps them in Jalon's own jalon:budget-held-back elements, which IATI ignores. Enter the budget by year in the finance tab to publish them.",
      ratesWithoutBudget:
        'Implementation rates not published: without an approved budget Jalon cannot turn them into expenditure.',
      ratesWithoutExpenditure:
        "The reports' implementation rates are not published as expenditure: no expenditure is recorded in Jalon.",
      expenditureRecorded: 'Expenditure recorded in Jalon up to {{date}}',
      expenditureFromRate:
        'Expenditure derived from the implementation rate of {{rate}}% on {{date}}{{source}}',
      indicatorUnit: 'Unit: {{unit}}.',
      cumulativeIndicator: 'Cumulative indicator.',
      meansOfVerification: 'Means of verification: {{sources}}.',
      resultsWithoutIndicators:
        'Outcomes and outputs without indicators not published (IATI requires at least one indicator): {{codes}}.',
      undatedMilestones:
        '{{n}} indicator milestone(s) without a date not published: an IATI period has an end date.',
      gatewayOwner: 'Multi-Partner Trust Fund Office (MPTF Office) Gateway',
      recipientShare: 'Share of {{organisation}} in {{programme}}.',
      recipientShareConvening: 'Share of {{organisation}}, the convening organisation, in {{programme}}.',
    },
    read: {
      openFile: {
        forbiddenXmlName:
          'This file names an element or attribute “{{forbidden}}”: Jalon refuses the names “__proto__”, “constructor” and “prototype” for safety.',
        tooDeep:
          'This XML file nests elements more than {{limit}} levels deep (an IATI file has about ten): Jalon refuses it.',
        doctype:
          'The file contains a DOCTYPE declaration or entities: an IATI file has none, and Jalon refuses it for safety.',
        atLineColumn: ' (line {{line}}, column {{column}})',
        truncated:
          'This file stops before its end{{at}}: {{open}} is not closed. It was probably cut short (an interrupted download); download it again.',
        notWellFormed: 'This file is not well-formed XML{{at}}: {{message}}',
        organisationFile:
          'This is an IATI organisation file (iati-organisations): Jalon imports activity files (iati-activities).',
        notActivityFile:
          'This XML file is not an IATI activity file: its root element is <{{name}}>, not <iati-activities>.',
        version1:
          'IATI {{version}} file: Jalon reads versions 2.01 to 2.03 (version 1 has not been published since 2016; convert it with the IATI tools).',
        file: 'File',
        noVersion: 'No version attribute: the file is read as IATI 2.0x.',
        versionReadAs203: 'Version {{version}}: read as 2.03.',
        noActivity: 'This IATI file contains no activity (iati-activity).',
        tooManyActivities:
          'This file holds {{count}} activities: Jalon imports at most {{max}} at a time (filter by country, e.g. on d-portal.org).',
      },
      encoding: {
        invalidText: 'The file is not valid {{encoding}} text: save it as UTF-8.',
      },
      activities: {
        provisionalIdentifier: 'activity {{number}}',
        noIdentifier: 'No IATI identifier: a provisional one is given.',
        duplicateActivity: 'Duplicate activity in the file: only the first one is imported.',
        file: 'File',
        foreignAttributes:
          'Attributes from other namespaces ignored (added by the tool that produced the file): {{attributes}}.',
        noImportableActivity: 'No activity of this file can become a programme (see the reasons below).',
      },
      activity: {
        noEndDate: 'No end date: Jalon takes the last date of the budgets and results, {{endDate}}.',
        noEndDateNotImported:
          'Activity not imported: it has no end date, nor any budget or result period to take one from.',
        noTitle: 'No title: the identifier is used as the title.',
        file: 'File',
        noFrenchTexts: 'Texts without a French version: the English text is used as the main text.',
      },
      header: {
        otherDescriptionType:
          'Description of type {{type}} not kept: Jalon keeps the general description as the summary.',
        noRecipientCountry:
          'Activity not imported: it names no recipient country, which a Jalon programme requires.',
        countryFromTransactions:
          'Recipient country read from the transactions (the activity names none): {{code}}.',
        severalCountries:
          'Several recipient countries: Jalon keeps {{code}} ({{percentage}}%), not {{others}}.',
        unknownCountry: 'Country code {{code}} is not on the IATI list.',
        plannedAndActualEnd:
          'Planned end {{planned}} and actual end {{actual}}: Jalon keeps the planned end.',
        noCurrency: 'No default currency: USD is assumed.',
      },
      organisations: {
        sameIdentifierTwoNames:
          '"{{name}}" has the identifier {{identifier}}, already read as "{{firstName}}": one organisation is kept.',
        noUsableIdentifier: 'Organisation without a usable identifier or name ("-"): ignored.',
        noAccountableOrganisation:
          'No accountable organisation (role 2 or 3): the reporting organisation is taken as the recipient organisation.',
        unknownRole: 'Unknown organisation role "{{role}}": {{organisations}} not kept.',
      },
      money: {
        transactionsNotKept:
          '{{n}} transaction(s) of type {{type}} not kept (another currency, a missing date or amount, or a type Jalon does not track).',
        spendingSummed:
          "Expenditure or disbursement added to the programme's spending to date (Jalon keeps the total, not each transaction).",
        incomingSummedByDonor:
          "Incoming funds and incoming commitments summed by donor, each apart: the contribution is the commitment, or what was received when that is more (the detail is in the donor's note).",
        budgetsSummed:
          'Budgets by period summed into an approved budget of {{total}} {{currency}} (Jalon keeps no budget by year yet) — {{budgets}}.',
        budgetOfYear: '{{year}}: {{amount}}',
        budgetOfYearRevised: '{{year}} (revised): {{amount}}',
        incomingCommitments: 'Incoming commitments (IATI): {{commitments}} {{currency}}',
        incomingFunds: 'Incoming funds (IATI): {{funds}} {{currency}}',
        commitmentsAndFunds:
          'Incoming commitments (IATI): {{commitments}} {{currency}}, of which {{funds}} {{currency}} received',
        fundsAboveCommitments:
          'Incoming funds (IATI): {{funds}} {{currency}}, more than the incoming commitments published ({{commitments}} {{currency}}): the contribution is what was received',
      },
      results: {
        resultInPath: 'result',
        indicatorInPath: 'indicator',
        descriptionInIndicatorNotes: "The result's description is kept in the notes of its indicators.",
        untitledResult: 'Result {{index}}',
        otherTypeReadAsOutcome: 'Result of type {{type}} read as an outcome.',
        noType: '(none)',
      },
      indicators: {
        baseline: 'Baseline',
        periodWithoutDates: 'Period without a start or end date: ignored.',
        emptyActual: 'Empty actual ("-" or no value): no value recorded for that period.',
        severalValuesKeptAsText:
          'A value written as several numbers (numbered sub-indicators, one number per line, or numbers separated by " / ") is kept as text, not read as one number: give its value to compute progress.',
        decreaseWithRisingTargets:
          'ascending="0" (a decrease is sought) while targets exceed the baseline: Jalon takes an increase as the aim.',
      },
      sectors: {
        genderMarkerFromPolicyMarker:
          'Gender equality policy marker (DAC) of significance {{significance}} read as gender marker {{gm}}.',
        vocabulary: 'vocabulary',
        markerNotKept: 'Policy marker {{marker}} not kept: Jalon keeps the gender marker only.',
        sectorsNotKept: 'Sectors not kept (Jalon has no sector field): {{sectors}}.',
        listSeparator: '; ',
      },
      framework: {
        noResults: 'No results: the programme is created without a results framework.',
        extraTargetAsMilestone: 'Target of the period {{start}} → {{end}} kept as a milestone on {{end}}.',
        outputsUnderMadeOutcome:
          'Outputs (results of type 1) are placed under an outcome {{code}} made for them: IATI does not say which outcome they serve.',
      },
      hierarchy: {
        parentNotInFile:
          'Child activity of {{parentRef}}, which is not in this file: imported as a programme of its own.',
        childBudgetOtherCurrency:
          'Budget in {{currency}} while the programme is in {{programmeCurrency}}: not kept.',
        childResultsAdded: 'Results of the child activity added to the results framework of {{identifier}}.',
        childMerged:
          'Child activity of {{parent}}: merged into that programme (organisation {{organisation}}{{budget}}).',
        childMergedBudget: ', budget {{amount}} {{currency}}',
      },
      programme: {
        parentBudgetAsResourcesRequired:
          "Budget of the parent activity kept as the programme's resources required ({{total}} {{currency}}).",
        budgetWithoutRecipient: 'Budget not kept: no recipient organisation to attach it to.',
        expenditureOverBudget:
          'Expenditure exceeds the budget ({{rate}}%): the implementation rate is capped at 100%.',
        spendingSource: 'IATI: {{n}} expenditure or disbursement transaction(s)',
        spendingAsImplementationRate:
          'Expenditure and disbursements ({{amount}} {{currency}}) kept as an implementation rate of {{rate}}% on {{asOf}}.',
        spendingWithoutBudget:
          'Expenditure not kept: without a budget Jalon cannot turn it into an implementation rate.',
        longIdentifier: 'Identifier longer than 40 characters: the programme code is "{{code}}".',
        invalidData: 'Data Jalon cannot record: {{message}}',
      },
      unread: {
        attribute: 'Attribute {{attribute}} not kept: Jalon has no field for it.',
        otherElement: 'Element <{{element}}> not kept: Jalon has no field for it.',
        contactInfo: 'Contacts not kept.',
        activityScope: 'Geographic scope not kept (Jalon keeps the country and places).',
        recipientRegion: 'Recipient region not kept (Jalon keeps one country).',
        collaborationType: 'Collaboration type not kept.',
        defaultFlowType: 'Default flow type not kept.',
        defaultFinanceType: 'Default finance type not kept.',
        defaultAidType: 'Default aid type not kept.',
        defaultTiedStatus: 'Default tied status not kept.',
        activityStatus: 'Activity status not kept: Jalon derives it from the dates.',
        countryBudgetItems: 'Country budget items not kept.',
        humanitarianScope: 'Humanitarian scope not kept.',
        capitalSpend: 'Capital spend not kept.',
        documentLink: 'Document link not kept.',
        conditions: 'Conditions not kept.',
        otherIdentifier: 'Other identifier not kept.',
        plannedDisbursement: 'Planned disbursement not kept.',
        relatedActivity: 'Related activity (neither a parent nor a child in this file) not kept.',
        location: 'Location: coordinates and codes not kept (Jalon keeps the place name).',
        point: 'Coordinates not kept (Jalon keeps the place name).',
        exactness: 'Location exactness not kept.',
        locationClass: 'Location class not kept.',
        locationReach: 'Location reach not kept.',
        locationId: 'Location code not kept.',
        administrative: 'Coded administrative area not kept.',
        featureDesignation: 'Feature designation not kept.',
        legacyData: 'Legacy data not kept.',
        crsAdd: 'Additional CRS data not kept.',
        fss: 'Forward spending survey not kept.',
        tag: 'Tag not kept.',
        budget: 'Budget not kept (another currency or missing dates).',
        reference: 'Reference to another vocabulary not kept.',
        providerOrg: 'Provider of an expenditure not kept (Jalon keeps the total spent).',
        receiverOrg: 'Receiver of the transaction not kept (Jalon keeps the totals).',
        disbursementChannel: 'Disbursement channel not kept.',
        description: 'Description not kept.',
        flowType: 'Flow type not kept.',
        financeType: 'Finance type not kept.',
        aidType: 'Aid type not kept.',
        tiedStatus: 'Tied status not kept.',
        sector: 'Sector not kept.',
        recipientCountry: 'Country not kept.',
      },
    },
  },
  activitiesSheet: {
    columns: {
      reference: 'Reference',
      title: 'Title',
      titleEn: 'Title (English)',
      kind: 'Kind',
      startDate: 'Start date',
      endDate: 'End date',
      organisation: 'Agency',
      partner: 'Partner',
      output: 'Output',
      workPlanActivity: 'Work plan activity',
      indicators: 'Indicators',
      places: 'Places',
      region: 'Region',
      cercle: 'Cercle',
      commune: 'Commune',
      village: 'Village / site',
      description: 'Description',
      countBasis: 'Count (distinct / attendances)',
      quantity: 'Quantity delivered',
      quantityUnit: 'Unit',
      recordedBy: 'Entered by',
      category: 'Participant category',
      total: 'Total participants',
      women: 'Of whom women',
      men: 'Of whom men',
    },
    sex: {
      female: 'Women',
      male: 'Men',
      unknown: 'Sex ?',
    },
    age: {
      under_18: 'under 18',
      age_18_35: '18-35',
      age_36_plus: '36 and over',
      unknown: 'age ?',
    },
    write: {
      listsSheet: 'Lists',
      kinds: 'Kinds',
      agencies: 'Agencies',
      countBasis: 'Count',
      categories: 'Categories',
      outputs: 'Outputs',
      indicators: 'Indicators',
      cercles: 'Cercles',
      agencyAcronym: 'Agency (acronym)',
      outputStatement: 'Output (statement)',
      indicatorTitle: 'Indicator (title)',
      notInListTitle: 'Value not in the list',
      notInList: 'Choose a value from the list.',
      wholeNumber: 'A whole number of people.',
      readMeSheet: 'Read me',
      readMeTitle: 'Field activities — {{code}}',
      readMeRows:
        'One row per activity, or one row per category of participants of the same activity: give those rows the same Reference.',
      readMeReference:
        'Reference: a code of yours (e.g. AZHAR-2023-10-05-SEG). A reference already imported is skipped: importing the same file twice adds nothing.',
      readMeDatesAgency: 'Dates: 2023-10-05 or 05/10/2023. Agency: the code from the list (UNDP, UNWOMEN…).',
      readMePlaces:
        'Places: regions, cercles or communes of Mali separated by “;”, with or without accents (Ségou; Djenné; Kala-Siguida).',
      readMeIndicators: 'Indicators: the codes separated by “;” (1.2.2; 1.3.2).',
      readMeParticipants:
        'Participants: twelve columns, sex × age. Leave empty what is not known; the “?” columns count people whose sex or age was not recorded.',
      readMeCountBasis:
        'Count: “distinct” if each person is counted once, “attendances” if a person may count several times (radio shows, repeated sessions).',
      readMeAllOrNothing:
        'Nothing is saved before you confirm the preview, and it is all or nothing: a single error and no row is written.',
      valuesSheet: 'Indicator values',
      indicator: 'Indicator',
      title: 'Title',
      periodStart: 'Period start',
      periodEnd: 'Period end',
      value: 'Value',
      valueNumber: 'Value (number)',
      source: 'Source',
      enteredBy: 'Entered by',
      file: 'File',
      row: 'Row',
      activities: 'Activities',
      reasons: 'Reasons for delays or changes',
      sourceEntered: 'entered',
      sourceImported: 'imported',
      sourceComputed: 'computed',
      sourceReport: 'report',
      sourceComputedNow: 'computed from the activities',
      sourceOfRecord: 'value of record — {{source}}',
      activitiesSheet: 'Activities',
    },
    read: {
      tooManyRows: 'The file has more than {{maxRows}} rows: split it.',
      cellTooLong: 'Row {{row}}: a cell is over {{cellLength}} characters.',
      unclosedQuote: 'Unclosed quote: the CSV file is malformed.',
      empty: 'The file is empty.',
      tooLarge: 'The file is over {{megabytes}} MB.',
      notXlsxOrCsv:
        'This file is neither an Excel workbook (.xlsx) nor a CSV file. Old .xls files must be saved as .xlsx.',
      noHeaderRow: 'Sheet “{{name}}” has no header row (column names) on row {{firstRow}}.',
      tooManyColumns: 'More than {{maxColumns}} columns.',
      unreadableWorkbook: 'This file is not a readable Excel workbook (.xlsx).',
      tooLargeUnpacked: 'This workbook unpacks to an abnormally large size: it is refused.',
      damagedWorkbook:
        'This workbook is damaged or malformed: Excel must be able to open it and save it again.',
      noSuchSheet: 'The workbook has no sheet “{{wanted}}”.',
      noSheet: 'The workbook has no sheet.',
      sheetTooManyRows: 'Sheet “{{name}}” has more than {{maxRows}} rows: split it.',
    },
  },
  frameworkSheet: {
    title: 'Results framework — {{code}}',
    version: 'Version {{version}}: {{label}} — adopted on {{date}} — {{reason}}',
    targetYear: 'Target {{year}}',
    columns: {
      outcomeCode: 'Outcome code',
      outcomeFr: 'Outcome (FR)',
      outcomeEn: 'Outcome (EN)',
      outputCode: 'Output code',
      outputFr: 'Output (FR)',
      outputEn: 'Output (EN)',
      indicatorCode: 'Indicator code',
      indicatorFr: 'Indicator (FR)',
      indicatorEn: 'Indicator (EN)',
      baseline: 'Baseline',
      endTarget: 'End target',
      milestones: 'Milestones',
      sources: 'Means of verification',
      measure: 'Measure',
      direction: 'Direction',
      cumulative: 'Cumulative',
      unit: 'Unit',
      disaggregations: 'Disaggregation',
      notes: 'Notes',
    },
    sheets: {
      framework: 'Results framework',
      activities: 'Activities',
      alignments: 'Alignments',
      programme: 'Programme',
      readme: 'Read me',
    },
    activityColumns: {
      outputCode: 'Output code',
      code: 'Activity code',
      fr: 'Activity (FR)',
      en: 'Activity (EN)',
    },
    alignmentColumns: {
      indicator: 'Indicator code (empty: whole framework)',
      framework: 'Framework',
      code: 'Code',
      title: 'Title',
      note: 'Note',
    },
    programmeFields: {
      code: 'Code',
      titleFr: 'Title (FR)',
      titleEn: 'Title (EN)',
      kind: 'Kind',
      country: 'Country (ISO)',
      currency: 'Currency',
      startDate: 'Start',
      endDate: 'End',
      version: 'Framework version',
      labelFr: 'Version label (FR)',
      labelEn: 'Version label (EN)',
      effectiveDate: 'Adopted on',
      reasonFr: 'Reason (FR)',
      reasonEn: 'Reason (EN)',
    },
    measures: {
      number: 'Number',
      percent: 'Percentage',
      yes_no: 'Yes / no',
      text: 'Text',
      document: 'Document',
      index: 'Index',
    },
    directions: {
      increase: 'Increase',
      decrease: 'Decrease',
      maintain: 'Maintain',
    },
    dimensions: {
      sex: 'sex',
      age: 'age',
      category: 'category',
      displacement_status: 'displacement status',
      place: 'place',
      organisation: 'organisation',
    },
    yesNo: {
      yes: 'Yes',
      no: 'No',
    },
    kinds: {
      project: 'Project',
      joint_programme: 'Joint programme',
    },
    readme:
      'Results framework — how to fill it in\n\nOne row per indicator, under its outcome and output. An indicator without an output code is an outcome indicator.\n• Empty outcome code: the row belongs to the outcome of the row above (merged cells are read the same way).\n• Write values as the documents do; Jalon reads them and keeps your wording:\n  0 · 400 · 25% · 78.97% (national data 11/2020) · 59.49% (police) ; 88.01% (gendarmerie)\n  +5% in the targeted areas · -10% · increase of at least 30% · 330, of whom 30% women · 350 (including at least 150 women)\n  Action plan 2022 · low participation · TBD (barometer) · n/a · Yes / No\n• Yearly target "/": no target that year; empty cell: no target given.\n• A value whose wording does not give its date or source carries them on lines of their own in the cell: "Date : 2020-11", "Source : national data".\n• Milestones: one per line in the cell, dated in the wording "150 (06/2021)" or in front "2021-06 : 150".\n• Means of verification: one per line in the cell.\n• Measure, Direction, Cumulative: drop-down lists; left empty, Jalon infers them from the values.\n• Disaggregation: sex, age, category, displacement status, place, organisation (comma-separated).\n• Write values as text: a date Excel made of 06/2021 is refused with its row and column.\n\nSheets "Activities" and "Alignments": optional. Sheet "Programme": read to create a new programme.',
    read: {
      openWorkbook: {
        oldXls: 'Old Excel format (.xls): save the workbook as .xlsx (File › Save as › Excel Workbook).',
        notXlsx: 'This file is not an Excel workbook (.xlsx).',
        tooLargeUnpacked:
          'This workbook unpacks to more than {{megabytes}} MB: too large for a results framework, it is refused.',
        zipNotXlsx:
          'This file is a ZIP archive but not an Excel workbook (.xlsx): a Word document, a LibreOffice spreadsheet (.ods)? Save it as .xlsx.',
        damaged: 'This Excel workbook is damaged and cannot be read ({{reason}}).',
        tooManyRows: 'Sheet "{{name}}" has {{rowCount}} rows: Jalon reads at most {{max}} rows per sheet.',
      },
      sheetDetection: {
        noFrameworkSheet:
          'No sheet of this workbook has the headers of a results framework (at least "Indicator code" and "Indicator (FR)") in its first 20 rows. Start from a framework exported by Jalon.',
        unknownColumn: 'Column "{{text}}" not recognised: ignored.',
        noOutcomeCodeColumn:
          'Sheet "{{name}}" has no "Outcome code" column: every indicator must belong to an outcome.',
      },
      sheetReader: {
        whereRow: '{{sheet}}, row {{row}}',
        whereCell: '{{sheet}}, row {{row}}, column {{column}}{{header}}',
        excelError: 'Excel error {{error}} in the cell.',
        formulaWithoutResult:
          'Formula without a computed value: open and save the workbook in Excel, or replace the formula by its value.',
        unreadableCell: 'Unreadable cell content.',
        textTooLong: 'Text too long ({{length}} characters, at most {{limit}}).',
        dateInsteadOfCode:
          'A date ({{date}}) where a code is expected: Excel turned the entry into a date. Format the cell as Text and type it again (e.g. "150 (06/2021)").',
        dateInsteadOfText:
          'A date ({{date}}) where text is expected: Excel turned the entry into a date. Format the cell as Text and type it again (e.g. "150 (06/2021)").',
      },
      frameworkRows: {
        outcome: 'Outcome',
        output: 'Output',
        differentStatement: '{{label}} {{code}}: a statement different from the one on row {{statementRow}}.',
        outcomeCodeMissing: 'Outcome code missing (the row follows no outcome).',
        outputUnderTwoOutcomes:
          'Output {{output}} already under outcome {{firstOutcome}} (row {{row}}), here under {{outcome}}.',
        outputStatementWithoutCode: 'Output statement without an output code.',
        outcomeWithoutStatement: 'Outcome {{code}} without a statement.',
        outputWithoutStatement: 'Output {{code}} without a statement.',
        noOutcome: 'No outcome in the sheet: the framework needs at least one.',
      },
      indicatorRow: {
        indicatorCodeMissing: 'Indicator code missing on a row that describes an indicator.',
        duplicateIndicatorCode: 'Indicator code {{code}} already used on row {{firstRow}}.',
        indicatorTitleMissing: 'Indicator title missing.',
        noFrenchTitle: 'No French title: the English one is used as the main title.',
        notYesOrNo: '"{{value}}": write Yes or No.',
        notAPossibleValue: '"{{value}}" is not a possible value; choose among: {{choices}}.',
        unknownDisaggregation: '"{{value}}" is not a known disaggregation; choose among: {{choices}}.',
      },
      indicatorValues: {
        badDate: 'Date "{{date}}": write it as YYYY-MM or YYYY-MM-DD.',
        keptAsText: '"{{text}}" is not read as a number: kept as text.',
      },
      activitiesSheet: {
        outputNotInFramework: 'Output "{{outputCode}}" is not in the framework.',
        activityWithoutCodeOrTitle: 'Activity without a code or a title.',
      },
      alignmentsSheet: {
        unknownFramework: 'Unknown framework "{{framework}}"; choose among: {{choices}}.',
        alignmentWithoutCodeOrTitle: 'Alignment without a code or a title.',
        indicatorNotInFramework: 'Indicator "{{indicator}}" is not in the framework.',
      },
      programmeSheet: {
        valueColumn: 'Value',
        badDate: '"{{text}}": a date is expected as YYYY-MM-DD.',
        unknownKind: 'Unknown kind "{{text}}": Project or Joint programme.',
        badCountry: 'Country "{{text}}": a two-letter ISO code is expected (ML).',
        badCurrency: 'Currency "{{text}}": a three-letter ISO code is expected (USD).',
      },
    },
  },
};
