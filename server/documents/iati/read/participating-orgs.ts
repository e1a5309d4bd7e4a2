// An activity's organisations: each one as a Jalon organisation code, and their roles (recipients, partners, donors).
import { isBlank } from '../iati-values.js';
import { codelist } from '../codelists.js';
import {
  catalogueCodeOf,
  isOrganisationIdentifier,
  kindOfOrganisationType,
} from '../organisation-identifiers.js';
import { attr, kid, kids, narratives, type XNode } from '../xml-tree.js';
import type { ActivityReader } from './activity-reader.js';
import { normaliseName } from './file-reader.js';
import type { RawProgramme } from './raw-activity.js';
import type { OrganisationInput } from '../../../../core/contracts/programme-document.js';

const orgCodeFrom = (s: string) =>
  s
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toUpperCase()
    .replace(/[^A-Z0-9_-]+/g, '-')
    .replace(/-{2,}/g, '-')
    .replace(/^[-_]+|-+$/g, '')
    .slice(0, 60);

/** An organisation of the file as a Jalon organisation (known IATI identifiers map to the catalogue). */
export function organisationCode(reader: ActivityReader, node: XNode, role: string): string | undefined {
  const ref = attr(node, 'ref')?.trim();
  const rawType = attr(node, 'type')?.trim();
  const type = rawType && codelist('OrganisationType').has(rawType) ? rawType : undefined;
  const name = reader.file.text(narratives(node, reader.lang));
  const usableRef = ref && !isBlank(ref) && /[A-Za-z0-9]{2}/.test(ref) ? ref : undefined;
  const named = name && !isBlank(name.fr) ? name : undefined;
  /** every reference as published, and the type the file gives, are kept with the organisation */
  const keep = (code: string, declare: () => OrganisationInput) => {
    const existing = reader.organisations.get(code) ?? declare();
    reader.organisations.set(code, existing);
    if (usableRef && !(existing.iatiRefs ?? []).includes(usableRef))
      existing.iatiRefs = [...(existing.iatiRefs ?? []), usableRef];
    if (type && !existing.iatiType) existing.iatiType = type;
    return existing;
  };
  const known = usableRef ? catalogueCodeOf(usableRef) : undefined;
  if (known) {
    // declared too, for a database whose catalogue does not hold it yet (an existing one is left as it is)
    keep(known, () => ({
      code: known,
      kind: kindOfOrganisationType(type, usableRef, role),
      name: named ?? { fr: known },
    }));
    return known;
  }
  for (const n of narratives(node, reader.lang)) {
    const byName = reader.file.catalogueNames.get(normaliseName(n.text));
    if (byName) {
      if (usableRef || type)
        keep(byName, () => ({
          code: byName,
          kind: kindOfOrganisationType(type, usableRef, role),
          name: named ?? { fr: byName },
        }));
      return byName;
    }
  }
  // an organisation identifier is PREFIX-ID (XM-DAC-41146, NL-KVK-41160054); a bare old DAC number
  // ("00141") says less than the name that comes with it
  const identifierLike = usableRef && isOrganisationIdentifier(usableRef);
  // without a reference, a name that ends with its acronym ("… au Mali (MINUSMA)", as Jalon writes them) is
  // known by the acronym: the same code in every database, and the same child identifier when re-published
  const acronym = named?.fr.match(/\(([A-Z][A-Z0-9_-]{1,19})\)$/)?.[1];
  const code =
    usableRef && (identifierLike || !named)
      ? orgCodeFrom(usableRef)
      : acronym
        ? acronym
        : named
          ? orgCodeFrom(named.fr)
          : '';
  if (!code || !/^[A-Z0-9]/.test(code)) return undefined;
  const before = reader.organisations.get(code);
  const existing = keep(code, () => ({
    code,
    kind: kindOfOrganisationType(type, usableRef, role),
    name: named ?? { fr: usableRef ?? code },
  }));
  if (!before) return code;
  if (named && existing.name.fr === (usableRef ?? code)) {
    existing.name = named;
  } else if (named && named.fr !== existing.name.fr) {
    reader.file.grouped_(
      'note',
      reader.at('participating-org'),
      reader.say('documents.iati.read.organisations.sameIdentifierTwoNames', {
        name: named.fr,
        identifier: usableRef,
        firstName: existing.name.fr,
      }),
    );
  }
  return code;
}

/** participating organisations by role: accountable ones are recipients, implementing ones partners, funding ones donors */
export function readParticipatingOrgs(
  reader: ActivityReader,
): Pick<RawProgramme, 'recipients' | 'implementingPartners' | 'donors'> {
  const { node } = reader;
  const recipients: RawProgramme['recipients'] = [];
  const partners: RawProgramme['implementingPartners'] = [];
  const donors: RawProgramme['donors'] = [];
  const byRole = new Map<string, string[]>();
  const nodesByRole = new Map<string, XNode[]>();
  for (const p of kids(node, 'participating-org')) {
    const role = attr(p, 'role') ?? '';
    attr(p, 'activity-id');
    const code = organisationCode(reader, p, role);
    if (!code) {
      reader.unmapped(
        reader.at('participating-org'),
        'documents.iati.read.organisations.noUsableIdentifier',
        undefined,
        p,
      );
      continue;
    }
    byRole.set(role, [...(byRole.get(role) ?? []), code]);
    nodesByRole.set(role, [...(nodesByRole.get(role) ?? []), p]);
  }
  const accountable = [...new Set([...(byRole.get('2') ?? []), ...(byRole.get('3') ?? [])])];
  const reportingNode = kid(node, 'reporting-org');
  const reporting = reportingNode ? organisationCode(reader, reportingNode, '2') : undefined;
  attr(reportingNode, 'secondary-reporter');
  const recipientCodes = accountable.length ? accountable : reporting ? [reporting] : [];
  if (!accountable.length && reporting)
    reader.note(
      reader.at('participating-org'),
      'documents.iati.read.organisations.noAccountableOrganisation',
    );
  recipientCodes.forEach((c, i) => recipients.push({ organisation: c, convening: i === 0 }));
  for (const c of new Set(byRole.get('4') ?? []))
    if (!recipientCodes.includes(c)) partners.push({ organisation: c });
  for (const c of new Set(byRole.get('1') ?? [])) donors.push({ organisation: c });
  for (const [role, codes] of byRole)
    if (!['1', '2', '3', '4'].includes(role))
      reader.unmapped(
        reader.at('participating-org'),
        'documents.iati.read.organisations.unknownRole',
        { role, organisations: codes.join(', ') },
        ...(nodesByRole.get(role) ?? []),
      );
  return { recipients, implementingPartners: partners, donors };
}
