/**
 * The labels of field data's coded values in every language, for documents, spreadsheets and the audit trail:
 * the words are in the screens' catalogue (`field.codeLabels`, core/i18n/messages/field-codes.*.ts), read here
 * with core's one lookup (`translate`) from those small files only, so the web pages that show them do not
 * download every language's whole catalogue. The importers also accept these labels for the codes.
 */
import type { LocalizedText } from '../contracts/programme-document.js';
import type { Catalogue } from '../i18n/fr.js';
import { locales, type Locale } from '../i18n/locale.js';
import { fieldCodesEn } from '../i18n/messages/field-codes.en.js';
import { fieldCodesFr } from '../i18n/messages/field-codes.fr.js';
import { translate } from '../i18n/translate.js';
import {
  activityKinds,
  ageGroups,
  countBases,
  participantCategories,
  sexes,
  type ActivityKind,
  type AgeGroup,
  type CountBasis,
  type ParticipantCategory,
  type Sex,
} from '../contracts/activity-vocabulary.js';

type CodeLabels = Catalogue['field']['codeLabels'];
type Group = keyof CodeLabels;

/** Each language's `field.codeLabels`, as the tree `translate` reads. */
const codeLabels: Record<Locale, { codeLabels: CodeLabels }> = {
  fr: { codeLabels: fieldCodesFr },
  en: { codeLabels: fieldCodesEn },
};

/** Each code of `group` with its label in every language (a code missing from the catalogue fails the type check). */
function labelsOf<G extends Group, Code extends keyof CodeLabels[G] & string>(
  group: G,
  codes: readonly Code[],
): Record<Code, Required<LocalizedText>> {
  const entries = codes.map((code) => {
    const key = `codeLabels.${group}.${code}`;
    const text = Object.fromEntries(
      locales.map((locale) => [locale, translate(codeLabels[locale], codeLabels.fr, locale, key)]),
    ) as Required<LocalizedText>;
    return [code, text] as const;
  });
  return Object.fromEntries(entries) as Record<Code, Required<LocalizedText>>;
}

export const kindLabels: Record<ActivityKind, Required<LocalizedText>> = labelsOf('kinds', activityKinds);

export const categoryLabels: Record<ParticipantCategory, Required<LocalizedText>> = labelsOf(
  'categories',
  participantCategories,
);

export const countBasisLabels: Record<CountBasis, Required<LocalizedText>> = labelsOf(
  'countBasis',
  countBases,
);

export const sexLabels: Record<Sex, Required<LocalizedText>> = labelsOf('sexes', sexes);

export const ageLabels: Record<AgeGroup, Required<LocalizedText>> = labelsOf('ages', ageGroups);
