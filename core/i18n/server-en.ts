import { accountRulesEn } from './messages/account-rules.en.js';
import { cliEn } from './messages/cli.en.js';
import { documentsEn } from './messages/documents.en.js';
import { fieldRulesEn } from './messages/field-rules.en.js';
import { financeRulesEn } from './messages/finance-rules.en.js';
import { importsEn } from './messages/imports.en.js';
import { notificationsEn } from './messages/notifications.en.js';
import { reportRulesEn } from './messages/report-rules.en.js';
import { xlsformEn } from './messages/xlsform.en.js';
import type { ServerCatalogue } from './server-fr.js';

/** What the server says, in English: typed against the French (server-fr.ts). */
export const serverEn: ServerCatalogue = {
  documents: documentsEn,
  imports: importsEn,
  financeRules: financeRulesEn,
  reportRules: reportRulesEn,
  fieldRules: fieldRulesEn,
  accountRules: accountRulesEn,
  cli: cliEn,
  xlsform: xlsformEn,
  notifications: notificationsEn,
};
