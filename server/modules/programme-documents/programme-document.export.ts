import { givenDate } from '../../../core/domain/programme-dates.js';
/** A programme back into its document form: what `jalon export programme --format json` prints. */
import type { ProgrammeDocument } from '../../../core/contracts/programme-document.js';
import type { ServiceContext } from '../../context.js';
import { frameworkToDocument } from '../frameworks/frameworks.presenter.js';
import { getAllFrameworks } from '../frameworks/frameworks.service.js';
import { getProgramme } from '../programmes/programmes.service.js';
import {
  iatiIdentifiersOfProgramme,
  indicatorValuesOfProgramme,
  organisationIatiRefs,
  type StoredIndicatorValue,
} from './programme-documents.queries.js';

const valueOut = (v: StoredIndicatorValue) => ({
  text: v.text,
  spec: v.spec,
  ...(v.date ? { date: v.date } : {}),
  ...(v.source ? { source: v.source } : {}),
});

export async function exportProgrammeDocument(ctx: ServiceContext, slug: string): Promise<ProgrammeDocument> {
  // the document carries no budget of record (its recipients' stated amounts are read with the programme)
  const [p, frameworks] = await Promise.all([
    getProgramme(ctx, slug, { budget: false }),
    getAllFrameworks(ctx, slug),
  ]);
  const values = await indicatorValuesOfProgramme(ctx.db, p.id);
  const orgs = [...p.recipients, ...p.implementingPartners, ...p.donors].map((x) => x.organisation);
  const [iati, refs] = await Promise.all([
    iatiIdentifiersOfProgramme(ctx.db, p.id),
    organisationIatiRefs(
      ctx.db,
      orgs.map((o) => o.code),
    ),
  ]);
  const refsOf = new Map(refs.map((r) => [r.code, r]));
  const doc: ProgrammeDocument = {
    code: p.code,
    kind: p.kind,
    title: p.title,
    country: p.country,
    trustFund: { kind: p.trustFund.kind, ...(p.trustFund.name ? { name: p.trustFund.name } : {}) },
    endDate: p.endDate,
    currency: p.currency,
    priorityWindows: p.priorityWindows,
    financialSnapshots: p.financialSnapshots.map((s) => ({
      asOf: s.asOf,
      ...(s.implementationRate !== null ? { implementationRate: s.implementationRate } : {}),
      ...(s.genderBudgetSpent !== null ? { genderBudgetSpent: s.genderBudgetSpent } : {}),
      ...(s.source ? { source: s.source } : {}),
    })),
    places: p.places,
    organisations: [...new Map(orgs.map((o) => [o.code, o])).values()].map((o) => ({
      code: o.code,
      kind: o.kind,
      name: o.name,
      ...(o.acronym ? { acronym: o.acronym } : {}),
      ...(refsOf.get(o.code)?.iatiRefs.length ? { iatiRefs: refsOf.get(o.code)!.iatiRefs } : {}),
      ...(refsOf.get(o.code)?.iatiType ? { iatiType: refsOf.get(o.code)!.iatiType! } : {}),
    })),
    recipients: p.recipients.map((r) => ({
      organisation: r.organisation.code,
      convening: r.convening,
      ...(r.approvedBudget !== null ? { approvedBudget: r.approvedBudget } : {}),
    })),
    implementingPartners: p.implementingPartners.map((x) => ({
      organisation: x.organisation.code,
      ...(x.note ? { note: x.note } : {}),
    })),
    donors: p.donors.map((d) => ({
      organisation: d.organisation.code,
      ...(d.amount !== null ? { amount: d.amount } : {}),
      ...(d.originalAmount !== null ? { originalAmount: d.originalAmount } : {}),
      ...(d.originalCurrency ? { originalCurrency: d.originalCurrency } : {}),
      ...(d.note ? { note: d.note } : {}),
    })),
    cofundingProjects: p.cofundingProjects.map((c) => ({
      code: c.code,
      ...(c.note ? { note: c.note } : {}),
    })),
    frameworks: frameworks.map(frameworkToDocument),
    progress: values.map(({ v, code, version }) => ({
      indicator: code,
      frameworkVersion: version,
      periodStart: v.periodStart,
      periodEnd: v.periodEnd,
      value: v.value ? valueOut(v.value) : null,
      ...(v.reason ? { reason: v.reason } : {}),
    })),
    risks: p.risks.map((r) => ({
      number: r.number,
      description: r.description,
      category: r.category,
      probability: r.probability,
      impact: r.impact,
      mitigation: r.mitigation,
    })),
  };
  const optional: Partial<ProgrammeDocument> = {
    gatewayId: p.gatewayId ?? undefined,
    iatiIdentifier: iati?.iatiIdentifier ?? undefined,
    otherIdentifiers: iati?.otherIdentifiers.length ? iati.otherIdentifiers : undefined,
    fundCode: p.fundCode ?? undefined,
    shortTitle: p.shortTitle ?? undefined,
    summary: p.summary ?? undefined,
    startDate: p.startDate ?? undefined,
    firstTransferDate: p.firstTransferDate
      ? givenDate(p.firstTransferDate, p.firstTransferPrecision)
      : undefined,
    revisedEndDate: p.revisedEndDate ?? undefined,
    genderMarker: p.genderMarker
      ? { code: p.genderMarker, ...(p.genderMarkerText ? { text: p.genderMarkerText } : {}) }
      : undefined,
    riskMarker: p.riskMarker
      ? { level: p.riskMarker, ...(p.riskMarkerText ? { text: p.riskMarkerText } : {}) }
      : undefined,
    focusArea: p.focusArea
      ? { ...(p.focusArea.code ? { code: p.focusArea.code } : {}), label: p.focusArea.label }
      : undefined,
    genderBudgetAllocated: p.genderBudgetAllocated ?? undefined,
    resourcesRequired: p.resourcesRequired ?? undefined,
  };
  for (const [k, v] of Object.entries(optional)) if (v !== undefined) Object.assign(doc, { [k]: v });
  return doc;
}
