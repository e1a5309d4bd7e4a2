// Parent and child activities of one file: each child (grandchildren too) is merged into its top parent.
import { formatNumber } from '../../../../core/i18n/format.js';
import type { FileReader } from './file-reader.js';
import type { RawProgramme } from './raw-activity.js';

export interface ActivityFamily {
  parent: RawProgramme;
  children: RawProgramme[];
}

/** The top activities of the file (in file order) with the children to merge into each. */
export function familiesOf(raws: RawProgramme[], file: FileReader): ActivityFamily[] {
  const say = file.say;
  const byId = new Map(raws.map((r) => [r.identifier, r]));
  const parentOf = new Map<string, string>();
  for (const r of raws) {
    if (r.parentRef && byId.has(r.parentRef) && r.parentRef !== r.identifier)
      parentOf.set(r.identifier, r.parentRef);
    for (const c of r.childRefs)
      if (byId.has(c) && c !== r.identifier && !parentOf.has(c)) parentOf.set(c, r.identifier);
  }
  // a chain (grandchildren) is flattened onto the top parent
  const topOf = (id: string): string => {
    let current = id;
    const visited = new Set<string>();
    while (parentOf.has(current) && !visited.has(current)) {
      visited.add(current);
      current = parentOf.get(current)!;
    }
    return current;
  };
  const childrenOf = new Map<string, RawProgramme[]>();
  for (const r of raws) {
    const top = topOf(r.identifier);
    if (top !== r.identifier) childrenOf.set(top, [...(childrenOf.get(top) ?? []), r]);
  }
  for (const r of raws) {
    if (r.parentRef && !byId.has(r.parentRef))
      file.issue(
        'note',
        r.identifier,
        say('documents.iati.read.hierarchy.parentNotInFile', { parentRef: r.parentRef }),
      );
  }
  return raws
    .filter((r) => topOf(r.identifier) === r.identifier)
    .map((r) => ({ parent: r, children: childrenOf.get(r.identifier) ?? [] }));
}

export /** A child activity into its parent: its recipient (with its budget), partners, donors, places and results. */
function mergeChild(parent: RawProgramme, child: RawProgramme, file: FileReader) {
  const say = file.say;
  for (const [code, org] of child.organisations)
    if (!parent.organisations.has(code)) parent.organisations.set(code, org);
  const budget = child.currency === parent.currency ? child.budgetTotal : undefined;
  if (child.budgetTotal !== undefined && budget === undefined)
    file.issue(
      'unmapped',
      child.identifier,
      say('documents.iati.read.hierarchy.childBudgetOtherCurrency', {
        currency: child.currency,
        programmeCurrency: parent.currency,
      }),
    );
  const main = child.recipients[0];
  if (main && budget !== undefined)
    parent.yearlyBudgets.push(
      ...child.yearlyBudgets.map((b) => ({ ...b, organisation: b.organisation ?? main.organisation })),
    );
  if (main) {
    const existing = parent.recipients.find((x) => x.organisation === main.organisation);
    if (existing)
      existing.approvedBudget = (existing.approvedBudget ?? 0) + (budget ?? 0) || existing.approvedBudget;
    else
      parent.recipients.push({
        organisation: main.organisation,
        convening: false,
        ...(budget !== undefined ? { approvedBudget: budget } : {}),
      });
  }
  for (const p of [...child.recipients.slice(1), ...child.implementingPartners])
    if (
      !parent.implementingPartners.some((x) => x.organisation === p.organisation) &&
      !parent.recipients.some((x) => x.organisation === p.organisation)
    )
      parent.implementingPartners.push({ organisation: p.organisation });
  for (const d of child.donors) {
    const existing = parent.donors.find((x) => x.organisation === d.organisation);
    if (!existing) parent.donors.push(d);
    else if (d.amount !== undefined && child.currency === parent.currency)
      existing.amount = (existing.amount ?? 0) + d.amount;
  }
  for (const p of child.places) if (!parent.places.includes(p)) parent.places.push(p);
  if (child.spent && child.currency === parent.currency)
    parent.spent = {
      amount: (parent.spent?.amount ?? 0) + child.spent.amount,
      asOf: [parent.spent?.asOf ?? '', child.spent.asOf].sort().at(-1)!,
      count: (parent.spent?.count ?? 0) + child.spent.count,
    };
  if (child.results.length)
    file.issue(
      'note',
      child.identifier,
      say('documents.iati.read.hierarchy.childResultsAdded', { identifier: parent.identifier }),
    );
  parent.results.push(...child.results);
  file.issue(
    'note',
    child.identifier,
    say('documents.iati.read.hierarchy.childMerged', {
      parent: parent.identifier,
      organisation: main?.organisation ?? '—',
      budget:
        budget !== undefined
          ? say('documents.iati.read.hierarchy.childMergedBudget', {
              amount: formatNumber(budget, file.options.locale),
              currency: parent.currency,
            })
          : '',
    }),
  );
}
