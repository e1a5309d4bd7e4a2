/**
 * IATI organisation identifiers of the organisations in Jalon's catalogue, where they are certain: UN entities
 * by their OECD DAC channel code (`XM-DAC-41114` = UNDP), governments as donors by their DAC donor code
 * (`XM-DAC-7` = the Netherlands). Jalon's schema has no identifier column yet (see
 * docs/decisions/0003-exchange-iati-and-excel.md): an organisation missing here is published without `@ref`,
 * and a reporting organisation missing here gets a placeholder that the export names in its warnings.
 */
import type { OrganisationInput } from '../../../core/contracts/programme-document.js';

export const iatiIdentifiers: Readonly<Record<string, string>> = {
  UNDP: 'XM-DAC-41114',
  UNICEF: 'XM-DAC-41122',
  UNFPA: 'XM-DAC-41119',
  UNWOMEN: 'XM-DAC-41146',
  WFP: 'XM-DAC-41140',
  FAO: 'XM-DAC-41301',
  IOM: 'XM-DAC-47066',
  NETHERLANDS: 'XM-DAC-7',
  DENMARK: 'XM-DAC-3',
  GERMANY: 'XM-DAC-5',
  NORWAY: 'XM-DAC-8',
  SWEDEN: 'XM-DAC-10',
  SWITZERLAND: 'XM-DAC-11',
  UK: 'XM-DAC-12',
  CZECHIA: 'XM-DAC-68',
  EU: 'XM-DAC-918',
};

const codeByIdentifier = new Map(Object.entries(iatiIdentifiers).map(([c, ref]) => [ref, c]));

/** The Jalon catalogue code of an IATI identifier, when it is one of the known ones. */
export function catalogueCodeOf(ref: string): string | undefined {
  return codeByIdentifier.get(ref.trim().toUpperCase());
}

/** IATI OrganisationType of a Jalon organisation kind. */
export const organisationTypeOf: Record<OrganisationInput['kind'], string> = {
  un_agency: '40', // Multilateral
  fund: '40',
  non_un: '21', // International NGO (Interpeace)
  ngo: '22', // National NGO
  government: '10',
  donor: '10',
  other: '90',
};

/** The Jalon kind of an IATI OrganisationType (and role, for funders without a type). */
export function kindOfOrganisationType(
  type: string | undefined,
  ref: string | undefined,
  role: string,
): OrganisationInput['kind'] {
  switch (type) {
    case '10':
    case '11':
    case '15':
      return role === '1' ? 'donor' : 'government';
    case '21':
    case '23':
      return 'non_un';
    case '22':
    case '24':
      return 'ngo';
    case '40':
      // the UN's own channel codes are 41xxx (and IOM's 47066)
      return /^XM-DAC-(41\d{3}|47066)$/.test(ref ?? '') ? 'un_agency' : 'fund';
    default:
      return role === '1' ? 'donor' : 'other';
  }
}
