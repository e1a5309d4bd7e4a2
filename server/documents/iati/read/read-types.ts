// The IATI reader's options and results (what iati-reader.ts exports), apart so every reading step can name them.
import type { ImportIssue } from '../../../../core/contracts/exchange.js';
import {
  frameworkVersionInput,
  programmeDocument,
  type OrganisationInput,
  type ProgrammeDocument,
} from '../../../../core/contracts/programme-document.js';
import type { Locale } from '../../../../core/i18n/locale.js';
import type { ElementFate } from '../xml-tree.js';
import { z } from 'zod';

/** A programme document whose framework may be missing (an IATI activity without results). */
export const importableProgrammeDocument = programmeDocument.extend({
  frameworks: z.array(frameworkVersionInput),
});

export interface IatiReadOptions {
  locale: Locale;
  fileName: string;
  /** today, for frameworks of activities without a start date */
  today: string;
  /** the organisations Jalon knows: an organisation of the file with the same name or acronym is that one */
  catalogue?: OrganisationInput[];
  /** the country Jalon's users work on: a multi-country activity is read as this one when it names it ('ML') */
  homeCountry?: string;
  /** the activities Jalon holds, by IATI identifier → programme code (a co-funding project is named by it) */
  knownActivities?: ReadonlyMap<string, string>;
}

export interface MappedProgramme {
  /** the IATI identifier of the (parent) activity */
  source: string;
  doc: ProgrammeDocument;
  /** identifiers of the child activities merged into it */
  children: string[];
  /** its budget lines by organisation (null: none, the programme's own) with their amounts by year */
  budgetLines: { organisation: string | null; amounts: { year: number; amount: number }[] }[];
}

export interface IatiReadResult {
  version: string | null;
  programmes: MappedProgramme[];
  issues: ImportIssue[];
  /** what became of every element of the file, grouped by place */
  elements: ElementFate[];
}

/** At most this many activities per file: a whole publisher's file is imported country by country. */
export const maxActivitiesPerFile = 200;
