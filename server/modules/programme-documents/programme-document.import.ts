/**
 * Writes a whole programme document (header, participants, framework versions with every indicator,
 * progress, risks) in one transaction: all of it lands, or nothing does.
 */
import { inArray } from 'drizzle-orm';
import type { OrganisationInput, ProgrammeDocument } from '../../../core/contracts/programme-document.js';
import { toStoredValue } from '../../../core/domain/stored-value.js';
import { numericValueOf } from '../../../core/domain/value-text.js';
import type { DbOrTx } from '../../db/client.js';
import * as t from '../../db/schema/index.js';
import { AppError } from '../../errors.js';
import { insertFrameworkVersion } from '../frameworks/framework-version.insert.js';
import { programmeSlugOf } from '../../../core/domain/programme-slug.js';

/** Creates or updates the organisations by code; returns code → id for all of them. */
export async function upsertOrganisations(
  tx: DbOrTx,
  orgs: OrganisationInput[],
): Promise<Map<string, string>> {
  const ids = new Map<string, string>();
  if (orgs.length === 0) return ids;
  const rows = await tx
    .insert(t.organisations)
    .values(
      orgs.map((o) => ({
        code: o.code,
        kind: o.kind,
        nameFr: o.name.fr,
        nameEn: o.name.en ?? null,
        acronymFr: o.acronym?.fr ?? null,
        acronymEn: o.acronym?.en ?? null,
      })),
    )
    .onConflictDoNothing({ target: t.organisations.code })
    .returning({ id: t.organisations.id, code: t.organisations.code });
  for (const r of rows) ids.set(r.code, r.id);
  return ids;
}

async function organisationIds(tx: DbOrTx, codes: string[]): Promise<Map<string, string>> {
  if (codes.length === 0) return new Map();
  const rows = await tx
    .select({ id: t.organisations.id, code: t.organisations.code })
    .from(t.organisations)
    .where(inArray(t.organisations.code, codes));
  return new Map(rows.map((r) => [r.code, r.id]));
}

/**
 * Imports a programme document inside the given transaction. Organisations named by code must exist in the
 * catalogue or be declared in `doc.organisations`; co-funding projects must already exist.
 */
export async function importProgrammeDocument(
  tx: DbOrTx,
  doc: ProgrammeDocument,
  /** where the progress values come from: the demo data (`seed`, the default) or a file (`imported`) */
  options: { provenance?: 'seed' | 'imported' } = {},
): Promise<{ id: string; slug: string }> {
  await upsertOrganisations(tx, doc.organisations);
  const codes = [
    ...doc.recipients.map((r) => r.organisation),
    ...doc.implementingPartners.map((p) => p.organisation),
    ...doc.donors.map((d) => d.organisation),
  ];
  const orgs = await organisationIds(tx, [...new Set(codes)]);
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
      message: `unknown organisation ${x.code}: declare it under organisations`,
    }));
  if (issues.length) throw new AppError('validation_failed', 'Unknown organisations', { issues });

  const slug = programmeSlugOf(doc.code);
  const [programme] = await tx
    .insert(t.programmes)
    .values({
      slug,
      code: doc.code,
      kind: doc.kind,
      gatewayId: doc.gatewayId ?? null,
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
      firstTransferDate: doc.firstTransferDate ?? null,
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
    })
    .onConflictDoNothing({ target: t.programmes.code })
    .returning({ id: t.programmes.id });
  if (!programme) {
    throw new AppError('conflict', `A programme with code ${doc.code} already exists`, {
      issues: [{ path: 'code', message: 'already exists' }],
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
  if (participants.length) await tx.insert(t.programmeParticipants).values(participants);

  if (doc.financialSnapshots.length) {
    await tx.insert(t.financialSnapshots).values(
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
    const found = await tx
      .select({ id: t.programmes.id, code: t.programmes.code })
      .from(t.programmes)
      .where(inArray(t.programmes.code, projectCodes));
    const byCode = new Map(found.map((r) => [r.code, r.id]));
    const missing = doc.cofundingProjects
      .map((c, i) => ({ c, i }))
      .filter(({ c }) => !byCode.has(c.code))
      .map(({ c, i }) => ({ path: `cofundingProjects.${i}.code`, message: `unknown programme ${c.code}` }));
    if (missing.length)
      throw new AppError('validation_failed', 'Unknown co-funding projects', { issues: missing });
    await tx.insert(t.programmeCofunding).values(
      doc.cofundingProjects.map((c) => ({
        jointProgrammeId: programmeId,
        projectId: byCode.get(c.code)!,
        note: c.note ?? null,
      })),
    );
  }

  const versions = [...doc.frameworks].sort((a, b) => a.version - b.version);
  const idsByVersion = new Map<number, Map<string, string>>();
  for (const fv of versions) idsByVersion.set(fv.version, await insertFrameworkVersion(tx, programmeId, fv));

  if (doc.progress.length) {
    const latest = versions.at(-1)!.version;
    const issues: { path: string; message: string }[] = [];
    const rows = doc.progress.flatMap((p, i) => {
      const indicatorId = idsByVersion.get(p.frameworkVersion ?? latest)?.get(p.indicator);
      if (!indicatorId) {
        issues.push({ path: `progress.${i}.indicator`, message: `unknown indicator ${p.indicator}` });
        return [];
      }
      const value = p.value === null ? null : toStoredValue(p.value);
      return [
        {
          indicatorId,
          periodStart: p.periodStart,
          periodEnd: p.periodEnd,
          value,
          numericValue: value ? numericValueOf(value.spec) : null,
          reason: p.reason ?? null,
          provenance: options.provenance ?? ('seed' as const),
        },
      ];
    });
    if (issues.length) throw new AppError('validation_failed', 'Progress for unknown indicators', { issues });
    await tx.insert(t.indicatorValues).values(rows);
  }

  if (doc.risks.length) {
    await tx.insert(t.risks).values(
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
