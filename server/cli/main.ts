/** The `jalon` command line: each command calls the same services as the API. */
import { Command } from 'commander';
import { AppError } from '../errors.js';
import { migrateCommand, seedCommand } from './db.command.js';
import { exportProgrammeCommand } from './export.command.js';
import { startCommand } from './start.command.js';

const program = new Command('jalon').description(
  'Jalon — monitoring and reporting of peacebuilding programmes',
);

program
  .command('start')
  .description('serve the API and the web app on PORT (default 3000)')
  .action(startCommand);

const db = program.command('db').description('database maintenance');
db.command('migrate').description('apply pending migrations').action(migrateCommand);
db.command('seed')
  .description('load the demo programmes (PBF/MLI/A-1, A-2, A-3, PROSMED)')
  .action(seedCommand);

program
  .command('export')
  .description('export data')
  .command('programme <code>')
  .description(
    'print a programme with its whole framework, e.g. jalon export programme PBF/MLI/A-1 --format json',
  )
  .option('--format <format>', 'output format', 'json')
  .action(exportProgrammeCommand);

program.parseAsync(process.argv).catch((error: unknown) => {
  if (error instanceof AppError) console.error(`jalon: ${error.message}`);
  else console.error(`jalon: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
});
