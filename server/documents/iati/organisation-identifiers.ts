/**
 * IATI organisation identifiers of the organisations in Jalon's catalogue, where they are certain: UN entities
 * by their OECD DAC channel code (`XM-DAC-41114` = UNDP; the codes are those of the CRS channel codelist,
 * IATI/IATI-Codelists-NonEmbedded `xml/CRSChannelCode.xml` — see docs/decisions/0019-iati-publisher-grade.md
 * for the source of each), governments as donors by their DAC donor code (`XM-DAC-7` = the Netherlands).
 * Organisations imported from a file keep every reference they were published under (`organisations.iati_refs`).
 * An organisation with no certain identifier (MINUSMA: the CRS list has no code of its own for a peacekeeping
 * mission) is published without `@ref` — never under an invented one.
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
  // CRS channel codes 41313, 41128 and 41141 (CRSChannelCode.xml, see decision 0019)
  OHCHR: 'XM-DAC-41313',
  UNODC: 'XM-DAC-41128',
  PBF: 'XM-DAC-41141',
};

/**
 * Other references a catalogue organisation is published under, recognised as the same organisation:
 * `11363` is how UN Women's files name the Peacebuilding Fund (participating-org and provider-org, narrative
 * "Peacebuilding Fund").
 */
export const otherKnownReferences: Readonly<Record<string, readonly string[]>> = {
  PBF: ['11363'],
};

const codeByIdentifier = new Map<string, string>([
  ...Object.entries(iatiIdentifiers).map(([c, ref]) => [ref, c] as [string, string]),
  ...Object.entries(otherKnownReferences).flatMap(([c, refs]) => refs.map((r) => [r, c] as [string, string])),
]);

/** The Jalon catalogue code of an IATI identifier, when it is one of the known ones. */
export function catalogueCodeOf(ref: string): string | undefined {
  return codeByIdentifier.get(ref.trim().toUpperCase());
}

/** an organisation identifier is PREFIX-ID (`XM-DAC-41146`, `NL-KVK-41160054`) */
export const isOrganisationIdentifier = (ref: string) => /^[A-Z]{2}-[A-Z0-9]+-[^\s/&|?]+$/i.test(ref.trim());

/**
 * The identifier Jalon publishes an organisation under: the certain one of the catalogue, else the first
 * reference a file published it under that is an organisation identifier; none otherwise.
 */
export function publishedRefOf(
  code: string,
  org: Pick<OrganisationInput, 'iatiRefs'> | undefined,
): string | undefined {
  return iatiIdentifiers[code] ?? org?.iatiRefs?.find(isOrganisationIdentifier);
}

/** The IATI OrganisationType of an organisation: as a file gave it, else from its identifier, else its kind. */
export function organisationTypeCodeOf(
  code: string,
  org: Pick<OrganisationInput, 'iatiType' | 'kind'> | undefined,
): string {
  if (org?.iatiType) return org.iatiType;
  // the UN's own channel codes are 41xxx (and IOM's 47066): multilateral, whatever role they play
  if (/^XM-DAC-(41\d{3}|47066)$/.test(publishedRefOf(code, undefined) ?? '')) return '40';
  return organisationTypeOf[org?.kind ?? 'other'];
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
      // no type: a UN channel code says multilateral, whatever the role (a UN agency is never a donor)
      if (/^XM-DAC-(41\d{3}|47066)$/.test(ref ?? '')) return 'un_agency';
      return role === '1' ? 'donor' : 'other';
  }
}
