// An activity's money: budgets by period summed into one, incoming funds by donor, spending to date.
import { formatNumber } from '../../../../core/i18n/format.js';
import { describeCode } from '../codelists.js';
import { attr, changed, kid, kids, narratives, useAll, type XNode } from '../xml-tree.js';
import type { ActivityReader } from './activity-reader.js';
import { organisationCode } from './participating-orgs.js';
import { isoDate, type RawProgramme } from './raw-activity.js';

export interface PeriodBudget {
  value: number;
  type: string;
  start: string;
  end: string;
  /** Jalon's own record of a budget it held back from IATI's (longer than a year) */
  heldBack?: true;
}

/** budgets: one per period, the revised one where there is one, summed */
export function readBudgets(
  reader: ActivityReader,
  currency: string,
): { budgets: Map<string, PeriodBudget>; budgetTotal?: number } {
  const { node } = reader;
  const budgets = new Map<string, PeriodBudget>();
  for (const b of kids(node, 'budget')) {
    const type = attr(b, 'type') ?? '1';
    attr(b, 'status');
    const start = isoDate(attr(kid(b, 'period-start'), 'iso-date'));
    const end = isoDate(attr(kid(b, 'period-end'), 'iso-date'));
    const valueNode = kid(b, 'value');
    const cur = (attr(valueNode, 'currency') ?? currency).toUpperCase();
    attr(valueNode, 'value-date');
    const value = Number(valueNode?.text.replace(/[\s,]/g, ''));
    if (!start || !end || !Number.isFinite(value) || cur !== currency) {
      b.used = false;
      continue;
    }
    const key = `${start}/${end}`;
    const previous = budgets.get(key);
    if (!previous || (type === '2' && previous.type !== '2')) budgets.set(key, { value, type, start, end });
  }
  // a budget Jalon held back from IATI's (longer than a year, rule 7.5.3) and kept in its own namespace
  for (const b of node.children.filter((c) => c.name === 'jalon:budget-held-back')) {
    const start = isoDate(attr(b, 'period-start'));
    const end = isoDate(attr(b, 'period-end'));
    const value = Number(attr(b, 'value'));
    const cur = (attr(b, 'currency') ?? currency).toUpperCase();
    attr(b, 'rule');
    attr(b, 'status');
    b.used = start !== undefined && end !== undefined && Number.isFinite(value) && cur === currency;
    if (!b.used || budgets.has(`${start}/${end}`)) continue;
    budgets.set(`${start}/${end}`, { value, type: '1', start: start!, end: end!, heldBack: true });
  }
  let budgetTotal: number | undefined;
  if (budgets.size) {
    const list = [...budgets.values()].sort((a, b) => a.start.localeCompare(b.start));
    budgetTotal = Math.round(list.reduce((s, b) => s + b.value * 100, 0)) / 100;
    const locale = reader.file.options.locale;
    const byPeriod = list
      .map((b) =>
        reader.say(
          b.type === '2'
            ? 'documents.iati.read.money.budgetOfYearRevised'
            : 'documents.iati.read.money.budgetOfYear',
          { year: b.start.slice(0, 4), amount: formatNumber(b.value, locale) },
        ),
      )
      .join(', ');
    reader.note(
      reader.at('budget'),
      'documents.iati.read.money.budgetsSummed',
      { total: formatNumber(budgetTotal, locale), currency, budgets: byPeriod },
      ...node.children.filter((c) => (c.name === 'budget' || c.name === 'jalon:budget-held-back') && c.used),
    );
  }
  return { budgets, ...(budgetTotal !== undefined ? { budgetTotal } : {}) };
}

/** transactions: incoming funds by donor (added to `donors`); expenditure and disbursements as spending to date */
export function readTransactions(
  reader: ActivityReader,
  currency: string,
  donors: RawProgramme['donors'],
): RawProgramme['spent'] {
  const { node } = reader;
  const incoming = new Map<string, { funds: number; commitments: number }>();
  let spent: RawProgramme['spent'];
  const otherTx = new Map<string, number>();
  const nodesOf = { incoming: [] as XNode[], spending: [] as XNode[], other: new Map<string, XNode[]>() };
  const rates: NonNullable<RawProgramme['rates']> = [];
  for (const t of node.children.filter((c) => c.name === 'transaction')) {
    const typeNode = t.children.find((c) => c.name === 'transaction-type');
    const type = typeNode?.attrs.code?.trim() ?? '';
    const valueNode = t.children.find((c) => c.name === 'value');
    const value = Number(valueNode?.text.replace(/[\s,]/g, ''));
    const cur = (valueNode?.attrs.currency ?? currency).toUpperCase();
    const date = isoDate(t.children.find((c) => c.name === 'transaction-date')?.attrs['iso-date']);
    const provider = t.children.find((c) => c.name === 'provider-org');
    const usable = Number.isFinite(value) && cur === currency && date;
    const providerCode =
      usable && (type === '1' || type === '11') && provider
        ? organisationCode(reader, provider, '1')
        : undefined;
    if (providerCode) {
      const code = providerCode;
      for (const n of [t, typeNode!, valueNode!, provider!]) n.used = true;
      nodesOf.incoming.push(t);
      attr(typeNode, 'code');
      attr(kid(t, 'transaction-date'), 'iso-date');
      attr(valueNode, 'currency');
      attr(valueNode, 'value-date');
      attr(provider, 'provider-activity-id');
      const sums = incoming.get(code) ?? { funds: 0, commitments: 0 };
      if (type === '1') sums.funds += value;
      else sums.commitments += value;
      incoming.set(code, sums);
      if (!donors.some((d) => d.organisation === code)) donors.push({ organisation: code });
    } else if (usable && (type === '3' || type === '4')) {
      // Jalon's own expenditure derived from a report's implementation rate: the rate, its date and source
      const description = kid(t, 'description');
      const words = description ? narratives(description, 'fr')[0]?.text : undefined;
      const fromRate = words?.match(
        /^Dépenses déduites du taux de mise en œuvre de ([\d\s\u202f\u00a0.,]+) % au (\d{4}-\d{2}-\d{2})(?: \((.+)\))?$/,
      );
      if (fromRate && type === '4') {
        useAll(description!);
        rates.push({
          asOf: fromRate[2]!,
          implementationRate: Number(fromRate[1]!.replace(/[\s\u202f\u00a0]/g, '').replace(',', '.')),
          ...(fromRate[3] ? { source: fromRate[3] } : {}),
        });
      }
      t.used = true;
      typeNode!.used = true;
      valueNode!.used = true;
      nodesOf.spending.push(t);
      attr(typeNode, 'code');
      attr(valueNode, 'currency');
      attr(valueNode, 'value-date');
      attr(kid(t, 'transaction-date'), 'iso-date');
      spent = {
        amount: (spent?.amount ?? 0) + value,
        asOf: spent && spent.asOf > date ? spent.asOf : date,
        count: (spent?.count ?? 0) + 1,
      };
    } else {
      t.used = true;
      useAll(t);
      nodesOf.other.set(type || '?', [...(nodesOf.other.get(type || '?') ?? []), t]);
      otherTx.set(type || '?', (otherTx.get(type || '?') ?? 0) + 1);
    }
  }
  for (const [type, n] of otherTx)
    reader.unmapped(
      reader.at('transaction'),
      'documents.iati.read.money.transactionsNotKept',
      { n, type: describeCode('TransactionType', type, reader.file.options.locale) },
      ...(nodesOf.other.get(type) ?? []),
    );
  // each donor's incoming commitments (11) and funds received (1), summed apart: its contribution is what it
  // committed, unless it paid more than the commitments the file publishes (then they are incomplete: what it
  // paid); the note gives both sums, so nothing received is dropped without a word
  const locale = reader.file.options.locale;
  for (const [code, sums] of incoming) {
    const d = donors.find((x) => x.organisation === code)!;
    const commitments = Math.round(sums.commitments * 100) / 100;
    const funds = Math.round(sums.funds * 100) / 100;
    d.amount = Math.max(commitments, funds);
    const params = {
      commitments: formatNumber(commitments, locale),
      funds: formatNumber(funds, locale),
      currency,
    };
    d.note = reader.say(
      commitments && funds
        ? funds > commitments
          ? 'documents.iati.read.money.fundsAboveCommitments'
          : 'documents.iati.read.money.commitmentsAndFunds'
        : commitments
          ? 'documents.iati.read.money.incomingCommitments'
          : 'documents.iati.read.money.incomingFunds',
      params,
    );
  }
  if (incoming.size)
    reader.note(
      reader.at('transaction'),
      'documents.iati.read.money.incomingSummedByDonor',
      undefined,
      ...nodesOf.incoming,
    );
  for (const t of nodesOf.spending) changed(t, reader.say('documents.iati.read.money.spendingSummed'));
  if (spent && rates.length) spent.rates = rates;
  return spent;
}
