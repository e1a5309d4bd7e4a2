// An activity's money: budgets by period summed into one, incoming funds by donor, spending to date.
import { formatNumber } from '../../../../core/i18n/format.js';
import { describeCode } from '../codelists.js';
import { attr, kid, kids, useAll } from '../xml-tree.js';
import type { ActivityReader } from './activity-reader.js';
import { organisationCode } from './participating-orgs.js';
import { isoDate, type RawProgramme } from './raw-activity.js';

export interface PeriodBudget {
  value: number;
  type: string;
  start: string;
  end: string;
}

/** budgets: one per period, the revised one where there is one, summed */
export function readBudgets(
  reader: ActivityReader,
  currency: string,
): { budgets: Map<string, PeriodBudget>; budgetTotal?: number } {
  const { node } = reader;
  const budgets = new Map<string, { value: number; type: string; start: string; end: string }>();
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
    reader.note(reader.at('budget'), 'documents.iati.read.money.budgetsSummed', {
      total: formatNumber(budgetTotal, locale),
      currency,
      budgets: byPeriod,
    });
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
  for (const t of node.children.filter((c) => c.name === 'transaction')) {
    const typeNode = t.children.find((c) => c.name === 'transaction-type');
    const type = typeNode?.attrs.code?.trim() ?? '';
    const valueNode = t.children.find((c) => c.name === 'value');
    const value = Number(valueNode?.text.replace(/[\s,]/g, ''));
    const cur = (valueNode?.attrs.currency ?? currency).toUpperCase();
    const date = isoDate(t.children.find((c) => c.name === 'transaction-date')?.attrs['iso-date']);
    const provider = t.children.find((c) => c.name === 'provider-org');
    const usable = Number.isFinite(value) && cur === currency && date;
    if (usable && (type === '1' || type === '11') && provider) {
      const code = organisationCode(reader, provider, '1');
      if (!code) continue;
      for (const n of [t, typeNode!, valueNode!, provider]) n.used = true;
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
      t.used = true;
      typeNode!.used = true;
      valueNode!.used = true;
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
      otherTx.set(type || '?', (otherTx.get(type || '?') ?? 0) + 1);
    }
  }
  for (const [type, n] of otherTx)
    reader.unmapped(reader.at('transaction'), 'documents.iati.read.money.transactionsNotKept', {
      n,
      type: describeCode('TransactionType', type, reader.file.options.locale),
    });
  for (const [code, sums] of incoming) {
    const d = donors.find((x) => x.organisation === code)!;
    d.amount = Math.round((sums.commitments || sums.funds) * 100) / 100;
    d.note = reader.say(
      sums.commitments
        ? 'documents.iati.read.money.incomingCommitments'
        : 'documents.iati.read.money.incomingFunds',
    );
  }
  if (incoming.size) reader.note(reader.at('transaction'), 'documents.iati.read.money.incomingSummedByDonor');
  return spent;
}
