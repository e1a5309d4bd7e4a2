import type { OrganisationRef } from '../../core/contracts/programme-api.js';
import { localize, type Locale } from '../../core/i18n/locale.js';

/** How the documents name an organisation in running text: its acronym in the language (PNUD / UNDP), else its name. */
export function organisationLabel(organisation: OrganisationRef, locale: Locale): string {
  const { acronym } = organisation;
  if (acronym) return localize(acronym, locale);
  return localize(organisation.name, locale);
}
