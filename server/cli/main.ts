/** The `jalon` command line: each command calls the same services as the API. */
import { Command, InvalidArgumentError } from 'commander';
/**
 * A command's code, loaded only when that command runs: `jalon --help` or `jalon db migrate` do not load the
 * document renderers, spreadsheets and web server of the other commands (issue 20: a command in well under a
 * second).
 */
function lazy<M extends Record<K, (...args: never[]) => unknown>, K extends keyof M & string>(
  load: () => Promise<M>,
  name: K,
) {
  return async (...args: Parameters<M[K]>): Promise<void> => {
    const command = (await load())[name];
    await command(...args);
  };
}

// `jalon export … | head`: the reader closed the pipe having read what it wanted; that is not an error
process.stdout.on('error', (error: NodeJS.ErrnoException) => {
  if (error.code === 'EPIPE') process.exit(0);
  throw error;
});

const program = new Command('jalon').description(
  'Jalon — monitoring and reporting of peacebuilding programmes',
);

program
  .command('start')
  .description('serve the API and the web app on PORT (default 3000)')
  .option(
    '--workers <n>',
    'server processes on PostgreSQL (default JALON_WORKERS, else one per core; always 1 on PGlite)',
    (value: string) => {
      const n = Number(value);
      if (!Number.isInteger(n) || n < 1) throw new InvalidArgumentError('a whole number, 1 or more');
      return n;
    },
  )
  .action(lazy(() => import('./start.command.js'), 'startCommand'));

const db = program.command('db').description('database maintenance');
db.command('migrate')
  .description('apply pending migrations')
  .action(lazy(() => import('./db.command.js'), 'migrateCommand'));
db.command('seed')
  .description('load the demo programmes (PBF/MLI/A-1, A-2, A-3, PROSMED)')
  .action(lazy(() => import('./db.command.js'), 'seedCommand'));

program
  .command('backup')
  .description(
    'write every row and file of the database to one archive (PGlite or PostgreSQL), then read it back to check it',
  )
  .option('--out <file>', 'where to write it (default: jalon-backup-<date>.tar)')
  .option(
    '--verify <file>',
    'only check a backup: read every entry, sizes and checksums (no database needed)',
  )
  .action(lazy(() => import('./backup.command.js'), 'backupCommand'));
program
  .command('restore <file>')
  .description('restore a backup into an empty database (a new JALON_DATA_DIR or a new PostgreSQL database)')
  .action(lazy(() => import('./backup.command.js'), 'restoreCommand'));

const user = program.command('user').description('accounts');
user
  .command('create <email>')
  .description('create an account (a password is generated and printed unless --password is given)')
  .option('--name <name>', 'the name shown in Jalon')
  .option('--role <role>', 'admin, secretariat or member', 'member')
  .option('--password <password>', 'the password (at least 10 characters)')
  .option('--programme <code>', 'give a role on this programme, e.g. PBF/MLI/A-1')
  .option('--as <role>', 'the role on the programme: coordinator, focal_point or viewer', 'viewer')
  .option('--organisation <code>', 'the agency of a focal point, e.g. FAO')
  .action(lazy(() => import('./user.command.js'), 'userCreateCommand'));
user
  .command('reset-password <email>')
  .description('set and print a new password')
  .action(lazy(() => import('./user.command.js'), 'userResetPasswordCommand'));

const exportData = program.command('export').description('export data');
exportData
  .command('programme <code>')
  .description(
    'print a programme with its whole framework, e.g. jalon export programme PBF/MLI/A-1 --format json',
  )
  .option(
    '--format <format>',
    'json, iati (IATI 2.03 XML) or xlsx (the results framework as an Excel workbook)',
    'json',
  )
  .option('--out <file>', 'file to write (default: stdout; for xlsx, a file named after the programme)')
  .option('--framework-version <n>', 'the framework version of an xlsx export (default: the one in force)')
  .option('--lang <lang>', 'fr or en, for the workbook and the warnings', 'fr')
  .action(lazy(() => import('./export.command.js'), 'exportProgrammeCommand'));
exportData
  .command('report <programme> <type> <year>')
  .description(
    'write a report as Word or PDF (type: semi-annual, annual or final, or quarterly with a quarter for the year), e.g. jalon export report PBF/MLI/A-3 annual 2020 --format docx, jalon export report PROSMED quarterly 2023-Q4 --format pdf',
  )
  .option('--format <format>', 'docx or pdf', 'docx')
  .option('--lang <lang>', 'fr or en', 'fr')
  .option('--out <file>', 'file to write (default: <programme>-<type>-<year>-<lang>.<format>)')
  .action(lazy(() => import('./report.command.js'), 'exportReportCommand'));
exportData
  .command('xlsform <programme>')
  .description(
    "write the programme's activity form as an XLSForm for KoboToolbox or ODK Central; the export of its submissions imports with no mapping, e.g. jalon export xlsform PROSMED",
  )
  .option('--lang <lang>', 'fr or en (the file name)', 'fr')
  .option('--out <file>', 'file to write (default: <programme>-formulaire-kobo-odk-<version>.xlsx)')
  .action(lazy(() => import('./xlsform.command.js'), 'exportXlsFormCommand'));

const importData = program
  .command('import <file>')
  .description(
    'import an IATI activity file (XML) or a results framework workbook (.xlsx) and print what it created and what it could not map',
  )
  .option('--programme <code>', "import the file's framework as a new version of this programme")
  .option('--label <text>', 'label of the new framework version (with --programme)')
  .option(
    '--effective-date <date>',
    'adoption date of the new version, YYYY-MM-DD (with --programme; default today)',
  )
  .option('--reason <text>', 'reason for the new version (with --programme)')
  .option('--dry-run', 'print what would be created and what could not be mapped, write nothing')
  .option('--lang <lang>', 'fr or en', 'fr')
  .action(lazy(() => import('./import.command.js'), 'importCommand'));
importData
  .command('activities <file>')
  .description(
    'import field activities from a spreadsheet (.xlsx or .csv: the template or a Kobo/ODK export), all or nothing, e.g. jalon import activities activites.xlsx --programme PROSMED',
  )
  .option('--programme <code>', 'the programme, e.g. PROSMED (required)')
  .option('--dry-run', 'check every row and print the errors, write nothing')
  .option('--lang <lang>', 'fr or en, for the messages')
  // `import` has options of the same names: read them from wherever commander put them
  .action((file: string, _options: unknown, command: Command) =>
    lazy(() => import('./import-activities.command.js'), 'importActivitiesCommand')(
      file,
      command.optsWithGlobals(),
    ),
  );
importData
  .command('values <file>')
  .description(
    'import indicator values from a spreadsheet (.xlsx or .csv: Indicateur, Début de période, Fin de période, Valeur, Raisons, Saisi par), all or nothing, e.g. jalon import values valeurs.xlsx --programme PROSMED',
  )
  .option('--programme <code>', 'the programme, e.g. PROSMED (required)')
  .option('--dry-run', 'check every row and print the errors, write nothing')
  .option('--lang <lang>', 'fr or en, for the messages')
  .action((file: string, _options: unknown, command: Command) =>
    lazy(() => import('./import-values.command.js'), 'importValuesCommand')(file, command.optsWithGlobals()),
  );

const expenditure = program.command('expenditure').description('expenses of budget lines');
expenditure
  .command('import <file>')
  .description(
    'import a filled expenditure workbook (.xlsx), all or nothing, e.g. jalon expenditure import depenses.xlsx --programme PROSMED',
  )
  .requiredOption('--programme <code>', 'the programme, e.g. PROSMED')
  .option('--dry-run', 'check the file and say what it would write, write nothing')
  .option('--lang <lang>', 'fr or en, for the messages', 'fr')
  .action(lazy(() => import('./finance.command.js'), 'importExpenditureCommand'));
expenditure
  .command('template')
  .description('write the workbook to fill: every budget line of the programme, for a period')
  .requiredOption('--programme <code>', 'the programme, e.g. PROSMED')
  .option('--from <date>', 'start of the period, YYYY-MM-DD (default: 1 January of --to)')
  .option('--to <date>', 'end of the period, YYYY-MM-DD (default: today)')
  .option('--out <file>', 'file to write (default: <programme>-depenses-<to>.xlsx)')
  .option('--lang <lang>', 'fr or en', 'fr')
  .action(lazy(() => import('./finance.command.js'), 'expenditureTemplateCommand'));
exportData
  .command('finance <code>')
  .description(
    'write budget vs expenditure vs results, donors, funding gap, budget lines, work plan and follow-up as Excel',
  )
  .option('--as-of <date>', 'the date the figures are read at, YYYY-MM-DD (default: today)')
  .option('--out <file>', 'file to write (default: <programme>-finances-<date>.xlsx)')
  .option('--lang <lang>', 'fr or en', 'fr')
  .action(lazy(() => import('./finance.command.js'), 'exportFinanceCommand'));

// an AppError is an Error: its message is the sentence to print (not importing AppError here spares `--help`
// the error codes' Zod schemas)
program.parseAsync(process.argv).catch((error: unknown) => {
  console.error(`jalon: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
});
