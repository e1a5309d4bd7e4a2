import type { ServerCatalogue } from '../server-fr.js';

/** The imports sentences in English: typed against the French ones. */
export const importsEn: ServerCatalogue['imports'] = {
  fileEmpty: 'The file is empty.',
  alreadyImported: 'This file was already imported.',
  readWithoutMapping: 'This kind of file is read without a column mapping.',
  versionRequired: 'Give the version of the preview read (`version`).',
  activities: {
    columnNotInSheet: 'Column “{{header}}” is not in the sheet.',
    chooseTitleColumn: 'Choose the column of “Title”.',
    chooseStartDateColumn: 'Choose the column of “Start date”.',
    chooseAgencyColumn: 'Choose the agency column, or a default agency.',
    differsFromRow: '“{{value}}” differs from row {{row}} of the same activity (“{{seen}}”).',
    notADate: '“{{text}}” is not a date (expected: 2023-10-05 or 05/10/2023).',
    unknownCategory: 'Unknown category: “{{text}}”.',
    notAWholeNumberOfPeople: '“{{text}}” is not a whole number of people.',
    totalNotTheSum: 'The total ({{total}}) is not the sum of the cells ({{sum}}).',
    womenAndMenOverTotal: 'Women and men ({{both}}) exceed the total ({{total}}).',
    unknownKind:
      'Unknown kind of activity: “{{text}}” (training, awareness session, workshop, meeting, dialogue, infrastructure, event, other).',
    kindMissing: 'Kind of activity missing.',
    unknownCountBasis: '“{{text}}”: write “distinct” or “attendances”.',
    titleMissing: 'Title missing.',
    startDateMissing: 'Start date missing.',
    notAQuantity: '“{{text}}” is not a quantity.',
    formLabelsExport:
      'This export of the Jalon form has labels as headers: export it again with “XML values and headers” (KoboToolbox) or as it is (ODK Central).',
    otherProgramme:
      'This submission comes from the form of programme “{{programme}}”, not this one ({{slug}}).',
    anotherAgency: 'You can only import the activities of your own agency: “{{code}}” is another one.',
    photoWithoutMedia:
      'Photo “{{file}}” not imported: add the ZIP of the export’s attachments (KoboToolbox: “Media Attachments (ZIP)”; ODK Central: export with media).',
    photoMissing:
      'Photo “{{file}}” is not in the ZIP of attachments: the activity will be imported without it.',
    photoAmbiguous:
      '{{n}} files are named “{{file}}” in the ZIP and none is in this submission’s folder: the photo is not imported.',
    photoUnreadable:
      '“{{file}}” is not a JPEG, PNG or WebP photo of {{megabytes}} MB at most: it is not imported.',
    mediaNotZip: 'This file is not a ZIP: attach the ZIP of the export’s attachments.',
    mediaWithoutPhotos:
      'This file does not come from a Jalon form with photos: it has no attachments to read.',
    templateFileWord: 'activities-template',
    exportFileWord: 'activities',
  },
  values: {
    missingColumn: 'Missing column: {{column}}.',
    column: {
      indicator: 'Indicator',
      periodStart: 'Period start',
      periodEnd: 'Period end',
      value: 'Value',
    },
    unknownIndicator: 'Unknown indicator in the framework in force: “{{code}}”.',
    notADate: '“{{text}}” is not a date.',
    periodEndsBeforeStart: 'The period ends before it starts.',
    valueMissing: 'Value missing.',
    valueTooLong: 'Value over 500 characters.',
    periodTwice:
      'Row {{row}} already gives a value of {{code}} for this period: one value per indicator and period.',
    locked: 'Value dated {{date}}: {{lock}}',
    update: 'Updates the existing value “{{value}}” (version {{version}}).',
  },
  programmeFile: {
    nothingToImport: 'Nothing to import.',
    neitherIatiNorExcel:
      'This file is neither an IATI file (XML) nor an Excel workbook (.xlsx): Jalon imports these two formats.',
    tooLarge: 'The file is larger than {{megabytes}} MB: import part of it (one country, one programme).',
    file: 'File',
    severalProgrammes:
      'The file gives {{count}} programmes: a new framework version can come from one activity only (with its children). Import them as new programmes.',
    noResults: 'The activity has no results: there is no framework to import.',
    onlyTheFramework:
      'Only the results framework and its values are imported into {{code}}: the programme header (organisations, budgets, dates) is not changed.',
    sameAddress:
      'Two activities of the file give the same programme address ({{slug}}): import them separately.',
    iatiBudgetLine: 'Budget published in IATI ({{organisation}})',
    iatiBudgetSource: 'Yearly budgets of the imported IATI file',
    codeTakenByFile:
      'A programme with code {{code}} already exists: import this file as a new version of its framework instead.',
    programmeSheet: 'Programme sheet',
    codeMissing: 'Programme code missing: a new programme needs one.',
    titleMissing: 'Programme title missing.',
    endDateMissing: 'Programme end date missing.',
    codeTakenByWorkbook:
      'A programme with code {{code}} already exists: import this workbook as a new version of its framework instead.',
    importedFromExcel: 'Imported from Excel',
    importOfWorkbook: 'Import of the workbook {{fileName}}',
    versionLabel: 'Import of {{file}}',
    versionReason: 'Imported from {{file}}',
    frameworkFileWord: 'framework',
  },
  expenditure: {
    sheetName: 'Expenditure',
    column: {
      line: 'Budget line',
      start: 'Start',
      end: 'End',
      amount: 'Amount spent',
      currency: 'Currency',
      rate: 'Rate (1 USD = …)',
      note: 'Note',
    },
    reference: {
      activity: 'Activity (for reference)',
      agency: 'Agency (for reference)',
      budget: 'Total budget USD (for reference)',
      spent: 'Spent to date USD (for reference)',
    },
    help: 'One row per expense: budget line code, period (start and end), amount. Rows without an amount are skipped. Currency: USD when empty; for another currency (EUR, XOF/FCFA…), give the rate (1 USD = how many). An expense already recorded for the same line and period is replaced. The whole file is refused if any row is wrong.',
    separator: ': ',
    cell: 'Row {{row}}, column {{column}}',
    fileWord: 'expenditure',
  },
  cli: {
    nameTheProgramme: 'Name the programme: --programme PROSMED',
    fileOverSize: 'The file is over {{megabytes}} MB.',
    row: 'row',
    columnsRead: 'Columns read:',
    moreErrors: '… and {{count}} more errors.',
    nothingImported: 'Nothing is imported: correct the file.',
    dryRun: 'Dry run: nothing is written.',
    nothingNew: 'Nothing new to import.',
    activities: {
      read_one:
        '{{file}}: {{rows}} row(s), {{count}} activity, {{duplicates}} already imported, {{errors}} error(s).',
      read_other:
        '{{file}}: {{rows}} row(s), {{count}} activities, {{duplicates}} already imported, {{errors}} error(s).',
      imported_one: 'Imported: {{count}} activity, {{participants}} participant(s) (import {{id}}).',
      imported_other: 'Imported: {{count}} activities, {{participants}} participant(s) (import {{id}}).',
    },
    values: {
      read: '{{file}}: {{rows}} row(s), {{values}} value(s), {{errors}} error(s).',
      imported: 'Imported: {{count}} new value(s), {{updated}} updated.',
      newValue: 'new value',
    },
    programmeFile: {
      tooLarge: '{{file}} is {{megabytes}} MB: Jalon imports files of at most 8 MB.',
      file: 'File',
      created: 'Created',
      toCreate: 'To create',
      newVersion: 'New version',
      newVersionToCreate: 'New version to create',
      framework:
        'framework v{{version}}: {{outcomes}} outcome(s), {{outputs}} output(s), {{indicators}} indicator(s)',
      noFramework: 'no results framework',
      values: 'value(s)',
      colon: ':',
      errors: 'Errors, nothing is imported',
      notMapped: 'Not mapped',
      notes: 'Notes',
      dryRun: 'Dry run: nothing was written.',
    },
  },
};
