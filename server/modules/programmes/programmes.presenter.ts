/** Rows → API shapes, field by field, so that a new column never leaks into a response. */
import type {
  OrganisationRef,
  ProgrammeBudget,
  ProgrammeAbilities,
  ProgrammeDetail,
  ProgrammeSummary,
} from '../../../core/contracts/programme-api.js';
import type { LocalizedText } from '../../../core/contracts/programme-document.js';
import { durationMonths, isInLastSixMonths } from '../../../core/domain/programme-dates.js';
import type * as t from '../../db/schema/index.js';
import type { ParticipantRow, SummaryRow } from './programmes.queries.js';

export const text = (fr: string, en: string | null): LocalizedText => (en ? { fr, en } : { fr });
export const optionalText = (fr: string | null, en: string | null): LocalizedText | null =>
  fr ? text(fr, en) : null;

export function presentOrganisation(o: t.OrganisationRow): OrganisationRef {
  return {
    id: o.id,
    code: o.code,
    kind: o.kind,
    name: text(o.nameFr, o.nameEn),
    acronym: o.acronymFr ? (o.acronymEn ? { fr: o.acronymFr, en: o.acronymEn } : { fr: o.acronymFr }) : null,
  };
}

/** What the portfolio needs of a recipient. */
export type SummaryParticipant = Pick<ParticipantRow, 'role' | 'convening' | 'amount' | 'org'>;

/** The facts of the portfolio's card and the programme's page alike (`programmeHeader`). */
function presentHeader(p: SummaryRow, indicatorCount: number, budget: ProgrammeBudget) {
  return {
    id: p.id,
    slug: p.slug,
    code: p.code,
    kind: p.kind,
    title: text(p.titleFr, p.titleEn),
    currency: p.currency,
    startDate: p.startDate,
    firstTransferDate: p.firstTransferDate,
    endDate: p.endDate,
    revisedEndDate: p.revisedEndDate,
    // the budget of record (budget lines, else the stated amounts): the same figure on every page
    totalBudget: budget.total,
    genderMarker: p.genderMarker,
    riskMarker: p.riskMarker,
    indicatorCount,
  };
}

const recipientsOf = (participants: SummaryParticipant[]) =>
  participants.filter((x) => x.role === 'recipient');

/** A portfolio card: the budget of record's total, source and lines, the recipients (by code) and who convenes. */
export function presentSummary(
  p: SummaryRow,
  participants: SummaryParticipant[],
  indicatorCount: number,
  budget: ProgrammeBudget,
): ProgrammeSummary {
  return {
    ...presentHeader(p, indicatorCount, budget),
    budget: { source: budget.source, total: budget.total, lines: budget.lines },
    recipients: recipientsOf(participants).map((x) => ({ organisation: x.org.code, convening: x.convening })),
  };
}

/** The organisations the cards' recipients name, each once, by code (the same bytes on every server). */
export function presentPortfolioOrganisations(participants: SummaryParticipant[]): OrganisationRef[] {
  const named = new Map(recipientsOf(participants).map((x) => [x.org.code, x.org]));
  return [...named.keys()].sort().map((code) => presentOrganisation(named.get(code)!));
}

/** The programme at the other end of a co-funding link: what the page names and links to. */
export type CofundingEnd = Pick<t.ProgrammeRow, 'slug' | 'code' | 'titleFr' | 'titleEn'>;

export interface DetailParts {
  participants: ParticipantRow[];
  indicatorCount: number;
  budget: ProgrammeBudget;
  versions: (typeof t.frameworkVersions.$inferSelect)[];
  snapshots: (typeof t.financialSnapshots.$inferSelect)[];
  risks: (typeof t.risks.$inferSelect)[];
  fundedBy: { programme: CofundingEnd; note: string | null }[];
  funds: CofundingEnd[];
  today: string;
  /** what the person asking may do (auth/policy.ts, `abilitiesOn`) */
  can: ProgrammeAbilities;
}

export function presentDetail(p: t.ProgrammeRow, parts: DetailParts): ProgrammeDetail {
  const inForce = inForceVersion(parts.versions, parts.today);
  return {
    ...presentHeader(p, parts.indicatorCount, parts.budget),
    shortTitle: optionalText(p.shortTitleFr, p.shortTitleEn),
    country: p.country,
    recipients: recipientsOf(parts.participants).map((x) => ({
      organisation: presentOrganisation(x.org),
      convening: x.convening,
      approvedBudget: x.amount,
    })),
    budget: parts.budget,
    priorityWindows: p.priorityWindows as ProgrammeDetail['priorityWindows'],
    version: p.version,
    can: parts.can,
    gatewayId: p.gatewayId,
    fundCode: p.fundCode,
    summary: optionalText(p.summaryFr, p.summaryEn),
    trustFund: { kind: p.trustFundKind, name: p.trustFundName },
    genderMarkerText: p.genderMarkerText,
    riskMarkerText: p.riskMarkerText,
    focusArea: p.focusAreaFr ? { code: p.focusAreaCode, label: text(p.focusAreaFr, p.focusAreaEn) } : null,
    genderBudgetAllocated: p.genderBudgetAllocated,
    resourcesRequired: p.resourcesRequired,
    durationMonths: durationMonths(p),
    firstTransferPrecision: p.firstTransferPrecision,
    inLastSixMonths: isInLastSixMonths(p, parts.today),
    financialSnapshots: parts.snapshots.map((s) => ({
      asOf: s.asOf,
      implementationRate: s.implementationRate,
      genderBudgetSpent: s.genderBudgetSpent,
      source: s.source,
    })),
    places: p.places,
    implementingPartners: parts.participants
      .filter((x) => x.role === 'implementing_partner')
      .map((x) => ({ organisation: presentOrganisation(x.org), note: x.note })),
    donors: parts.participants
      .filter((x) => x.role === 'donor')
      .map((x) => ({
        organisation: presentOrganisation(x.org),
        amount: x.amount,
        originalAmount: x.originalAmount,
        originalCurrency: x.originalCurrency,
        note: x.note,
      })),
    cofundingProjects: parts.fundedBy.map(({ programme, note }) => ({
      slug: programme.slug,
      code: programme.code,
      title: text(programme.titleFr, programme.titleEn),
      note,
    })),
    cofunds: parts.funds.map((f) => ({ slug: f.slug, code: f.code, title: text(f.titleFr, f.titleEn) })),
    frameworkVersions: parts.versions.map((v) => presentVersionSummary(v, v.id === inForce?.id)),
    risks: parts.risks.map((r) => ({
      id: r.id,
      number: r.number,
      description: text(r.descriptionFr, r.descriptionEn),
      category: r.category,
      probability: r.probability,
      impact: r.impact,
      mitigation: text(r.mitigationFr, r.mitigationEn),
    })),
  };
}

export function presentVersionSummary(v: typeof t.frameworkVersions.$inferSelect, inForce: boolean) {
  return {
    id: v.id,
    version: v.version,
    label: text(v.labelFr, v.labelEn),
    effectiveDate: v.effectiveDate,
    reason: text(v.reasonFr, v.reasonEn),
    inForce,
  };
}

/**
 * The version in force at `today`: the latest one already effective; when none is effective yet (a plan
 * for the future), the earliest.
 */
export function inForceVersion<V extends { effectiveDate: string; version: number }>(
  versions: V[],
  today: string,
): V | undefined {
  // ISO dates order as strings; `localeCompare` would be the process's first use of ICU's collator (≈ 5 ms)
  const sorted = [...versions].sort(
    (a, b) =>
      (a.effectiveDate < b.effectiveDate ? -1 : a.effectiveDate > b.effectiveDate ? 1 : 0) ||
      a.version - b.version,
  );
  return sorted.filter((v) => v.effectiveDate <= today).at(-1) ?? sorted[0];
}
