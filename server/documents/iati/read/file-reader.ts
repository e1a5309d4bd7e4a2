// One IATI file being read: its findings (issues, grouped with counts), the catalogue's names, bilingual texts.
import type { ImportIssue } from '../../../../core/contracts/exchange.js';
import type { LocalizedText } from '../../../../core/contracts/programme-document.js';
import { tIn, type Say } from '../../../../core/i18n/t.js';
import type { Narrative } from '../xml-tree.js';
import type { IatiReadOptions } from './read-types.js';

/** a name as compared with the catalogue's: no accents, one kind of apostrophe and space, lower case */
export const normaliseName = (s: string) =>
  s
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[’']/g, "'")
    .replace(/\s+/g, ' ')
    .trim()
    .toLowerCase();

export class FileReader {
  readonly issues: ImportIssue[] = [];
  readonly say: Say;
  private readonly grouped = new Map<string, ImportIssue>();

  /** normalised name, acronym or "name (acronym)" → catalogue code */
  readonly catalogueNames = new Map<string, string>();

  constructor(readonly options: IatiReadOptions) {
    this.say = tIn(options.locale);
    for (const o of options.catalogue ?? []) {
      for (const lang of ['fr', 'en'] as const) {
        const name = o.name[lang];
        const acronym = o.acronym?.[lang];
        for (const key of [name, acronym, name && acronym ? `${name} (${acronym})` : undefined])
          if (key && !this.catalogueNames.has(normaliseName(key)))
            this.catalogueNames.set(normaliseName(key), o.code);
      }
    }
  }

  issue(severity: ImportIssue['severity'], where: string, message: string) {
    this.issues.push({ severity, where, message });
  }

  /** the same finding at the same place is reported once, with a count */
  grouped_(severity: ImportIssue['severity'], where: string, message: string) {
    const key = `${severity}|${where}|${message}`;
    const found = this.grouped.get(key);
    if (found) found.count = (found.count ?? 1) + 1;
    else {
      const issue: ImportIssue = { severity, where, message, count: 1 };
      this.grouped.set(key, issue);
      this.issues.push(issue);
    }
  }

  text(ns: Narrative[]): LocalizedText | undefined {
    if (ns.length === 0) return undefined;
    const fr = ns.find((n) => n.lang === 'fr')?.text;
    const en = ns.find((n) => n.lang === 'en')?.text;
    // an English text alone is kept as English (Jalon's text needs a French slot, which gets the same words):
    // a text whose two languages are the same is published back as English only
    if (en && !fr) return { fr: en, en };
    const main = fr ?? ns[0]!.text;
    return en && en !== main ? { fr: main, en } : { fr: main };
  }
}
