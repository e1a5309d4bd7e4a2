import { splitGivenDate } from '../../../core/domain/programme-dates.js';
/**
 * Writes a whole programme document (header, participants, framework versions with every indicator,
 * progress, risks) in one transaction: all of it lands, or nothing does.
 */
import type { ProgrammeDocument } from '../../../core/contracts/programme-document.js';
import { programmeSlugOf } from '../../../core/domain/programme-slug.js';
import { toStoredValue } from '../../../core/domain/stored-value.js';
import { numericValueOf } from '../../../core/domain/value-text.js';
import type { Locale } from '../../../core/i18n/locale.js';
import { tIn } from '../../../core/i18n/t.js';
import type { DbOrTx } from '../../db/client.js';
import { AppError } from '../../errors.js';
import { insertFrameworkVersion } from '../frameworks/framework-version.insert.js';
import {
  insertCofundingLinks,
  insertFinancialSnapshots,
  insertIndicatorValues,
  insertParticipants,
  insertProgrammeRow,
  insertRisks,
  organisationIdsByCode,
  programmeIdsByCode,
  upsertOrganisations,
  addOrganisationIatiRefs,
} from './programme-documents.queries.js';
import { assertProgressFits } from './progress-rules.js';

export { upsertOrganisations };

/**
 * Imports a programme document inside the given transaction. Organisations named by code must exist in the
 * catalogue or be declared in `doc.organisations`; co-funding projects must already exist.
 */
export async function importProgrammeDocument(
  tx: DbOrTx,
  doc: ProgrammeDocument,
  /**
   * provenance: where the progress values come from, the demo data (`seed`, the default) or a file
   * (`imported`); locale: the language of a refusal's issues (French unless the caller names the reader's)
   */
  options: { provenance?: 'seed' | 'imported'; locale?: Locale } = {},
): Promise<{ id: string; slug: string }> {
  const locale = options.locale ?? 'fr';
  const say = tIn(locale);
  await upsertOrganisations(tx, doc.organisations);
  await addOrganisationIatiRefs(tx, doc.organisations);
  const codes = [
    ...doc.recipients.map((r) => r.organisation),
    ...doc.implementingPartners.map((p) => p.organisation),
    ...doc.donors.map((d) => d.organisation),
  ];
  const orgs = await organisationIdsByCode(tx, [...new Set(codes)]);
  const issues = [
    ...doc.recipients.map((r, i) => ({ code: r.organisation, path: `recipients.${i}.organisation` })),
    ...doc.implementingPartners.map((p, i) => ({
      code: p.organisation,
      path: `implementingPartners.${i}.organisation`,
    })),
    ...doc.donors.map((d, i) => ({ code: d.organisation, path: `donors.${i}.organisation` })),
  ]
    .filter((x) => !orgs.has(x.code))
    .map((x) => ({
      path: x.path,
      message: say('fieldRules.programmes.unknownOrganisation', { code: x.code }),
    }));
  if (issues.length) throw new AppError('validation_failed', 'Unknown organisations', { issues });

  const slug = programmeSlugOf(doc.code);
  const programme = await insertProgrammeRow(tx, {
    slug,
    code: doc.code,
    kind: doc.kind,
    gatewayId: doc.gatewayId ?? null,
    iatiIdentifier: doc.iatiIdentifier ?? null,
    iatiOtherIdentifiers: doc.otherIdentifiers ?? [],
    fundCode: doc.fundCode ?? null,
    titleFr: doc.title.fr,
    titleEn: doc.title.en ?? null,
    shortTitleFr: doc.shortTitle?.fr ?? null,
    shortTitleEn: doc.shortTitle?.en ?? null,
    summaryFr: doc.summary?.fr ?? null,
    summaryEn: doc.summary?.en ?? null,
    country: doc.country,
    trustFundKind: doc.trustFund.kind,
    trustFundName: doc.trustFund.name ?? null,
    startDate: doc.startDate ?? null,
    ...firstTransfer(doc.firstTransferDate),
    endDate: doc.endDate,
    revisedEndDate: doc.revisedEndDate ?? null,
    currency: doc.currency,
    priorityWindows: doc.priorityWindows,
    genderMarker: doc.genderMarker?.code ?? null,
    genderMarkerText: doc.genderMarker?.text ?? null,
    riskMarker: doc.riskMarker?.level ?? null,
    riskMarkerText: doc.riskMarker?.text ?? null,
    focusAreaCode: doc.focusArea?.code ?? null,
    focusAreaFr: doc.focusArea?.label.fr ?? null,
    focusAreaEn: doc.focusArea?.label.en ?? null,
    genderBudgetAllocated: doc.genderBudgetAllocated ?? null,
    resourcesRequired: doc.resourcesRequired ?? null,
    places: doc.places,
  });
  if (!programme) {
    const taken = say('fieldRules.programmes.codeAlreadyUsed', { code: doc.code });
    throw new AppError('conflict', `A programme with code ${doc.code} already exists`, {
      issues: [{ path: 'code', message: taken }],
      detail: taken,
    });
  }
  const programmeId = programme.id;

  const participants = [
    ...doc.recipients.map((r, i) => ({
      role: 'recipient' as const,
      organisationId: orgs.get(r.organisation)!,
      convening: r.convening,
      amount: r.approvedBudget ?? null,
      sort: i,
    })),
    ...doc.implementingPartners.map((p, i) => ({
      role: 'implementing_partner' as const,
      organisationId: orgs.get(p.organisation)!,
      note: p.note ?? null,
      sort: i,
    })),
    ...doc.donors.map((d, i) => ({
      role: 'donor' as const,
      organisationId: orgs.get(d.organisation)!,
      amount: d.amount ?? null,
      originalAmount: d.originalAmount ?? null,
      originalCurrency: d.originalCurrency ?? null,
      note: d.note ?? null,
      sort: i,
    })),
  ].map((p) => ({ programmeId, ...p }));
  if (participants.length) await insertParticipants(tx, participants);

  if (doc.financialSnapshots.length) {
    await insertFinancialSnapshots(
      tx,
      doc.financialSnapshots.map((s) => ({
        programmeId,
        asOf: s.asOf,
        implementationRate: s.implementationRate ?? null,
        genderBudgetSpent: s.genderBudgetSpent ?? null,
        source: s.source ?? null,
      })),
    );
  }

  if (doc.cofundingProjects.length) {
    const projectCodes = doc.cofundingProjects.map((c) => c.code);
    const byCode = await programmeIdsByCode(tx, projectCodes);
    const missing = doc.cofundingProjects
      .map((c, i) => ({ c, i }))
      .filter(({ c }) => !byCode.has(c.code))
      .map(({ c, i }) => ({
        path: `cofundingProjects.${i}.code`,
        message: say('fieldRules.programmes.unknownProgramme', { code: c.code }),
      }));
    if (missing.length)
      throw new AppError('validation_failed', 'Unknown co-funding projects', { issues: missing });
    await insertCofundingLinks(
      tx,
      doc.cofundingProjects.map((c) => ({
        jointProgrammeId: programmeId,
        projectId: byCode.get(c.code)!,
        note: c.note ?? null,
      })),
    );
  }

  const versions = [...doc.frameworks].sort((a, b) => a.version - b.version);
  const idsByVersion = new Map<number, Map<string, string>>();
  for (const fv of versions)
    idsByVersion.set(fv.version, await insertFrameworkVersion(tx, programmeId, fv, locale));

  if (doc.progress.length) {
    const latest = versions.at(-1)!.version;
    const issues: { path: string; message: string }[] = [];
    const codeOf = new Map<object, string>();
    const indexOf = new Map<object, number>();
    const rows = doc.progress.flatMap((p, i) => {
      const indicatorId = idsByVersion.get(p.frameworkVersion ?? latest)?.get(p.indicator);
      if (!indicatorId) {
        issues.push({
          path: `progress.${i}.indicator`,
          message: say('fieldRules.programmes.unknownIndicator', { code: p.indicator }),
        });
        return [];
      }
      const value = p.value === null ? null : toStoredValue(p.value);
      const row = {
        indicatorId,
        periodStart: p.periodStart,
        periodEnd: p.periodEnd,
        value,
        numericValue: value ? numericValueOf(value.spec) : null,
        reason: p.reason ?? null,
        provenance: options.provenance ?? ('seed' as const),
      };
      codeOf.set(row, p.indicator);
      indexOf.set(row, i);
      return [row];
    });
    if (issues.length) throw new AppError('validation_failed', 'Progress for unknown indicators', { issues });
    await assertProgressFits(
      tx,
      rows.map((row) => ({ row, code: codeOf.get(row)!, path: `progress.${indexOf.get(row)!}` })),
      locale,
    );
    await insertIndicatorValues(tx, rows);
  }

  if (doc.risks.length) {
    await insertRisks(
      tx,
      doc.risks.map((r) => ({
        programmeId,
        number: r.number,
        descriptionFr: r.description.fr,
        descriptionEn: r.description.en ?? null,
        category: r.category,
        probability: r.probability,
        impact: r.impact,
        mitigationFr: r.mitigation.fr,
        mitigationEn: r.mitigation.en ?? null,
      })),
    );
  }
  return { id: programmeId, slug };
}

/** The first transfer as the document gives it (`2020-01`: the month only) → its date and its precision. */
function firstTransfer(given: string | undefined) {
  if (!given) return { firstTransferDate: null, firstTransferPrecision: 'day' as const };
  const { date, precision } = splitGivenDate(given);
  return { firstTransferDate: date, firstTransferPrecision: precision };
}
