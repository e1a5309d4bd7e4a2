/**
 * Writes a whole programme document (header, participants, framework versions with every indicator,
 * progress, risks) in one transaction: all of it lands, or nothing does.
 */
import { inArray } from 'drizzle-orm';
import type {
  IndicatorInput,
  OrganisationInput,
  ProgrammeDocument,
} from '../../../core/contracts/programme-document.js';
import type { StoredValue } from '../../../core/contracts/value-spec.js';
import { inferMeasure, isPercentIndicator, toStoredValue } from '../../../core/domain/stored-value.js';
import { numericValueOf } from '../../../core/domain/value-text.js';
import type { DbOrTx } from '../../db/client.js';
import * as t from '../../db/schema/index.js';
import { AppError } from '../../errors.js';
import { programmeSlugOf } from '../../../core/domain/programme-slug.js';

type TargetRow = typeof t.indicatorTargets.$inferInsert;

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

function targetRows(indicator: IndicatorInput, percent: boolean): Omit<TargetRow, 'indicatorId'>[] {
  const rows: Omit<TargetRow, 'indicatorId'>[] = [];
  const stored = (v: Parameters<typeof toStoredValue>[0]) => toStoredValue(v, { percentIndicator: percent });
  const withNumber = (value: StoredValue | null) => ({
    value,
    numericValue: value ? numericValueOf(value.spec) : null,
  });
  if (indicator.endTarget !== undefined)
    rows.push({ kind: 'end', ...withNumber(stored(indicator.endTarget)), sort: 0 });
  (indicator.milestones ?? []).forEach((m, i) => {
    const value = stored(m.value);
    rows.push({ kind: 'milestone', date: m.date ?? value.date ?? null, ...withNumber(value), sort: i });
  });
  for (const [year, v] of Object.entries(indicator.targets ?? {}).sort(([a], [b]) => a.localeCompare(b))) {
    rows.push({ kind: 'annual', year: Number(year), ...withNumber(v === null ? null : stored(v)), sort: 0 });
  }
  return rows;
}

/** Inserts one framework version with its outcomes, outputs, activities, indicators, targets and alignments. */
export async function insertFrameworkVersion(
  tx: DbOrTx,
  programmeId: string,
  fv: ProgrammeDocument['frameworks'][number],
): Promise<Map<string, string>> {
  const [version] = await tx
    .insert(t.frameworkVersions)
    .values({
      programmeId,
      version: fv.version,
      labelFr: fv.label.fr,
      labelEn: fv.label.en ?? null,
      effectiveDate: fv.effectiveDate,
      reasonFr: fv.reason.fr,
      reasonEn: fv.reason.en ?? null,
    })
    .returning({ id: t.frameworkVersions.id });
  const versionId = version!.id;

  const outcomeRows = await tx
    .insert(t.outcomes)
    .values(
      fv.outcomes.map((o, i) => ({
        frameworkVersionId: versionId,
        code: o.code,
        statementFr: o.statement.fr,
        statementEn: o.statement.en ?? null,
        sort: i,
      })),
    )
    .returning({ id: t.outcomes.id, code: t.outcomes.code });
  const outcomeId = new Map(outcomeRows.map((r) => [r.code, r.id]));

  const outputInputs = fv.outcomes.flatMap((o) => o.outputs.map((out) => ({ outcome: o.code, out })));
  const outputRows = outputInputs.length
    ? await tx
        .insert(t.outputs)
        .values(
          outputInputs.map(({ outcome, out }, i) => ({
            outcomeId: outcomeId.get(outcome)!,
            frameworkVersionId: versionId,
            code: out.code,
            statementFr: out.statement.fr,
            statementEn: out.statement.en ?? null,
            sort: i,
          })),
        )
        .returning({ id: t.outputs.id, code: t.outputs.code })
    : [];
  const outputId = new Map(outputRows.map((r) => [r.code, r.id]));

  const activities = outputInputs.flatMap(({ out }) =>
    out.activities.map((a, i) => ({
      outputId: outputId.get(out.code)!,
      code: a.code,
      titleFr: a.title.fr,
      titleEn: a.title.en ?? null,
      sort: i,
    })),
  );
  if (activities.length) await tx.insert(t.plannedActivities).values(activities);

  const indicatorInputs = fv.outcomes.flatMap((o) => [
    ...o.indicators.map((ind) => ({ outcome: o.code, output: null as string | null, ind })),
    ...o.outputs.flatMap((out) => out.indicators.map((ind) => ({ outcome: o.code, output: out.code, ind }))),
  ]);
  const seen = new Set<string>();
  for (const { ind } of indicatorInputs) {
    if (seen.has(ind.code)) {
      throw new AppError(
        'validation_failed',
        `Indicator code ${ind.code} appears twice in version ${fv.version}`,
        {
          issues: [
            { path: `frameworks.${fv.version}.indicators.${ind.code}`, message: 'duplicate indicator code' },
          ],
        },
      );
    }
    seen.add(ind.code);
  }
  const prepared = indicatorInputs.map(({ outcome, output, ind }, i) => {
    const percent = isPercentIndicator(ind);
    const baseline =
      ind.baseline !== undefined ? toStoredValue(ind.baseline, { percentIndicator: percent }) : null;
    const targets = targetRows(ind, percent);
    const values = [baseline, ...targets.map((r) => r.value ?? null)].filter(
      (v): v is StoredValue => v !== null,
    );
    const endTarget = targets.find((r) => r.kind === 'end')?.value;
    const direction =
      ind.direction ??
      (endTarget?.spec.kind === 'relative' && endTarget.spec.direction === 'decrease'
        ? 'decrease'
        : 'increase');
    return {
      row: {
        frameworkVersionId: versionId,
        outcomeId: outcomeId.get(outcome)!,
        outputId: output ? outputId.get(output)! : null,
        code: ind.code,
        titleFr: ind.title.fr,
        titleEn: ind.title.en ?? null,
        measure: inferMeasure(ind, values),
        direction,
        cumulative: ind.cumulative ?? false,
        unit: ind.unit ?? null,
        disaggregations: ind.disaggregations ?? [],
        baseline,
        sources: ind.sources ?? [],
        notes: ind.notes ?? null,
        sort: i,
      },
      targets,
      alignments: ind.alignments ?? [],
    };
  });
  const indicatorIds = new Map<string, string>();
  if (prepared.length) {
    const inserted = await tx
      .insert(t.indicators)
      .values(prepared.map((p) => p.row))
      .returning({ id: t.indicators.id, code: t.indicators.code });
    for (const r of inserted) indicatorIds.set(r.code, r.id);
    const targets = prepared.flatMap((p) =>
      p.targets.map((r) => ({ ...r, indicatorId: indicatorIds.get(p.row.code)! })),
    );
    if (targets.length) await tx.insert(t.indicatorTargets).values(targets);
  }
  const alignmentRows = [
    ...fv.alignments.map((a, i) => ({ ...a, indicatorId: null as string | null, sort: i })),
    ...prepared.flatMap((p) =>
      p.alignments.map((a, i) => ({ ...a, indicatorId: indicatorIds.get(p.row.code)!, sort: i })),
    ),
  ].map((a) => ({
    frameworkVersionId: versionId,
    indicatorId: a.indicatorId,
    framework: a.framework,
    code: a.code,
    title: a.title,
    note: a.note ?? null,
    sort: a.sort,
  }));
  if (alignmentRows.length) await tx.insert(t.alignments).values(alignmentRows);
  return indicatorIds;
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
