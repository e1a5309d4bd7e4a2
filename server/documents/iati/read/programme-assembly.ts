// A top activity with its children merged → one programme document (budget, spending rate, code), checked.
import type { ProgrammeDocument } from '../../../../core/contracts/programme-document.js';
import { formatNumber } from '../../../../core/i18n/format.js';
import type { FileReader } from './file-reader.js';
import { assembleFramework } from './framework-assembly.js';
import type { RawProgramme } from './raw-activity.js';
import { importableProgrammeDocument, type IatiReadOptions, type MappedProgramme } from './read-types.js';

/** The programme document of an activity (children already merged); undefined, with errors, if it does not hold. */
export function assembleProgramme(
  r: RawProgramme,
  children: RawProgramme[],
  file: FileReader,
  options: IatiReadOptions,
  usedCodes: Set<string>,
): MappedProgramme | undefined {
  const say = file.say;
  const { framework, progress } = assembleFramework(r, file, options);
  const total = r.budgetTotal;
  // a parent's own budget is the programme's whole budget; a single activity's is its recipient's
  let resourcesRequired: number | undefined;
  if (total !== undefined && children.length) {
    resourcesRequired = total;
    file.issue(
      'note',
      r.identifier,
      say('documents.iati.read.programme.parentBudgetAsResourcesRequired', {
        total: formatNumber(total, file.options.locale),
        currency: r.currency,
      }),
    );
  } else if (total !== undefined && r.recipients[0] && r.recipients[0].approvedBudget === undefined)
    r.recipients[0].approvedBudget = total;
  else if (total !== undefined && !r.recipients[0])
    file.issue('unmapped', r.identifier, say('documents.iati.read.programme.budgetWithoutRecipient'));
  const budget = resourcesRequired ?? r.recipients.reduce((s, x) => s + (x.approvedBudget ?? 0), 0);
  const snapshots: ProgrammeDocument['financialSnapshots'] = [];
  if (r.spent?.rates?.length) {
    // a Jalon file: the rates its reports gave, as they were (the expenditure was derived from them)
    snapshots.push(...r.spent.rates);
  } else if (r.spent && budget > 0) {
    const rate = Math.round((r.spent.amount / budget) * 10000) / 100;
    if (rate > 100)
      file.issue(
        'note',
        r.identifier,
        say('documents.iati.read.programme.expenditureOverBudget', {
          rate: formatNumber(rate, file.options.locale),
        }),
      );
    snapshots.push({
      asOf: r.spent.asOf,
      implementationRate: Math.min(100, rate),
      source: say('documents.iati.read.programme.spendingSource', { n: r.spent.count }),
    });
    file.issue(
      'note',
      r.identifier,
      say('documents.iati.read.programme.spendingAsImplementationRate', {
        amount: formatNumber(r.spent.amount, file.options.locale),
        currency: r.currency,
        rate: formatNumber(Math.min(100, rate), file.options.locale),
        asOf: r.spent.asOf,
      }),
    );
  } else if (r.spent) {
    file.issue('unmapped', r.identifier, say('documents.iati.read.programme.spendingWithoutBudget'));
  }
  let code = r.code.length <= 40 ? r.code : r.code.slice(-40);
  if (code !== r.code)
    file.issue('note', r.identifier, say('documents.iati.read.programme.longIdentifier', { code }));
  while (usedCodes.has(code)) code = `${code.slice(0, 38)}-2`;
  usedCodes.add(code);
  const referenced = new Set([
    ...r.recipients.map((x) => x.organisation),
    ...r.implementingPartners.map((x) => x.organisation),
    ...r.donors.map((x) => x.organisation),
  ]);
  const draft = {
    code,
    kind: children.length ? 'joint_programme' : 'project',
    title: r.title,
    ...(r.summary ? { summary: r.summary } : {}),
    country: r.country,
    trustFund: { kind: 'none' },
    ...(r.startDate ? { startDate: r.startDate } : {}),
    ...(r.firstTransferDate ? { firstTransferDate: r.firstTransferDate } : {}),
    endDate: r.endDate,
    currency: r.currency,
    ...(r.genderMarker ? { genderMarker: r.genderMarker } : {}),
    ...(r.gatewayId ? { gatewayId: r.gatewayId } : {}),
    iatiIdentifier: r.identifier,
    ...(r.otherIdentifiers.length ? { otherIdentifiers: r.otherIdentifiers } : {}),
    ...(resourcesRequired !== undefined ? { resourcesRequired } : {}),
    financialSnapshots: snapshots,
    places: r.places,
    organisations: [...r.organisations.values()].filter((o) => referenced.has(o.code)),
    recipients: r.recipients,
    implementingPartners: r.implementingPartners,
    donors: r.donors,
    cofundingProjects: [...new Set(r.cofunding)].map((code) => ({ code })),
    frameworks: framework ? [framework] : [],
    progress,
  };
  const parsed = importableProgrammeDocument.safeParse(draft);
  if (!parsed.success) {
    for (const issue of parsed.error.issues)
      file.issue(
        'error',
        `${r.identifier} › ${issue.path.join('.')}`,
        say('documents.iati.read.programme.invalidData', { message: issue.message }),
      );
    return undefined;
  }
  // a single activity's own budgets are its recipient's; a parent's own, the programme's (no agency)
  const lines = new Map<string | null, { year: number; amount: number }[]>();
  for (const b of r.yearlyBudgets) {
    const organisation = b.organisation ?? (children.length ? null : (r.recipients[0]?.organisation ?? null));
    lines.set(organisation, [...(lines.get(organisation) ?? []), { year: b.year, amount: b.amount }]);
  }
  return {
    source: r.identifier,
    doc: parsed.data as ProgrammeDocument,
    children: children.map((c) => c.identifier),
    budgetLines: [...lines].map(([organisation, amounts]) => ({ organisation, amounts })),
  };
}
