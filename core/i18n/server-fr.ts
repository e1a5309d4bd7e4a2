/**
 * What the server says and the web never shows itself — documents' words, import findings, refusals of the
 * rules, the CLI — in French, the reference. Kept apart from `fr.ts` (the screens' catalogue) so the browser
 * never downloads them; `t` (t.ts) reads both, and `every-locale.test.ts` checks that no key is in both.
 */
import { accountRulesFr } from './messages/account-rules.fr.js';
import { cliFr } from './messages/cli.fr.js';
import { documentsFr } from './messages/documents.fr.js';
import { fieldRulesFr } from './messages/field-rules.fr.js';
import { financeRulesFr } from './messages/finance-rules.fr.js';
import { importsFr } from './messages/imports.fr.js';
import { notificationsFr } from './messages/notifications.fr.js';
import { reportRulesFr } from './messages/report-rules.fr.js';
import { xlsformFr } from './messages/xlsform.fr.js';
import type { KeyOf, Stringify } from './translate.js';

export const serverFr = {
  documents: documentsFr,
  imports: importsFr,
  financeRules: financeRulesFr,
  reportRules: reportRulesFr,
  fieldRules: fieldRulesFr,
  accountRules: accountRulesFr,
  cli: cliFr,
  xlsform: xlsformFr,
  notifications: notificationsFr,
};

export type ServerCatalogue = Stringify<typeof serverFr>;
export type ServerMessageKey = KeyOf<typeof serverFr>;
