/** Pieces the finance tabs share: amounts, rates, the delivery table, the write errors. */
import { Alert, Badge, Stack, Table, Text, Title, Tooltip } from '@mantine/core';
import type { DeliveryRow } from '../../../core/contracts/finance/delivery.js';
import type { ProgrammeBudget } from '../../../core/contracts/programme-api.js';
import { localize } from '../../../core/i18n/locale.js';
import { ApiError } from '../../api/client.js';
import { useErrorMessage } from '../../components/query-state.js';
import { useLocale, useT } from '../../i18n/i18n.js';
import { formatMoney, formatPercent } from '../../../core/i18n/format.js';

export function useMoney() {
  const locale = useLocale();
  return (amount: number | null | undefined) =>
    amount === null || amount === undefined ? '—' : formatMoney(amount, 'USD', locale);
}

/** An amount entered in another currency and the rate it was converted at, in the reader's language. */
export function useConverted() {
  const locale = useLocale();
  const t = useT();
  return (amount: number | null, currency: string, rate: number | null) =>
    t('finance.converted', {
      amount: amount === null ? '—' : formatMoney(amount, currency, locale),
      rate: rate === null ? '—' : formatMoney(rate, currency, locale),
    });
}

export function usePercent() {
  const locale = useLocale();
  return (value: number | null | undefined) =>
    value === null || value === undefined ? '—' : formatPercent(value, locale);
}

/** Results lag behind spending: at least a quarter of the way less achieved than spent of the budget to date. */
export function resultsLag(row: DeliveryRow): boolean {
  const achieved = row.results?.achievement;
  return (
    achieved !== null && achieved !== undefined && row.rateToDate !== null && achieved + 25 < row.rateToDate
  );
}

/** Budget, spending, rates and results of rows (agencies, outcomes, outputs, donors), with a total row. */
export function DeliveryTable({
  rows,
  total,
  withCode,
  withResults,
  caption,
  testId,
}: {
  rows: DeliveryRow[];
  total?: DeliveryRow;
  withCode?: boolean;
  withResults?: boolean;
  caption: string;
  testId: string;
}) {
  const t = useT();
  const locale = useLocale();
  const money = useMoney();
  const percent = usePercent();
  const line = (row: DeliveryRow, isTotal = false) => (
    <Table.Tr key={row.key || 'none'} className={isTotal ? 'finance-total-row' : undefined}>
      {withCode && <Table.Td>{isTotal ? '' : row.key}</Table.Td>}
      <Table.Td maw={420}>
        <Text size="sm" lineClamp={2} title={localize(row.label, locale)}>
          {isTotal ? t('finance.total') : localize(row.label, locale)}
        </Text>
      </Table.Td>
      <Table.Td className="money">{money(row.budget)}</Table.Td>
      <Table.Td className="money">{money(row.spent)}</Table.Td>
      <Table.Td className="money">{percent(row.rate)}</Table.Td>
      <Table.Td className="money">{percent(row.rateToDate)}</Table.Td>
      <Table.Td className="money">{money(row.genderSpent)}</Table.Td>
      {withResults && (
        <Table.Td>
          {row.results && row.results.achievement !== null ? (
            <Tooltip
              label={t('finance.overview.measured', {
                measured: row.results.measured,
                total: row.results.indicators,
              })}
            >
              <Text size="sm" span>
                {percent(row.results.achievement)}
              </Text>
            </Tooltip>
          ) : (
            <Text size="sm" c="dimmed" span>
              {row.results ? t('finance.overview.noResults', { total: row.results.indicators }) : '—'}
            </Text>
          )}
          {resultsLag(row) && (
            <Badge ml="xs" color="orange" variant="light" size="sm" tt="none">
              {t('finance.overview.lagging')}
            </Badge>
          )}
        </Table.Td>
      )}
    </Table.Tr>
  );
  return (
    <Table.ScrollContainer minWidth={720}>
      <Table striped highlightOnHover data-testid={testId} captionSide="top">
        <Table.Caption>
          <Text fw={700} ta="left" c="var(--mantine-color-text)">
            {caption}
          </Text>
        </Table.Caption>
        <Table.Thead>
          <Table.Tr>
            {withCode && <Table.Th>{t('finance.code')}</Table.Th>}
            <Table.Th>{t('finance.label')}</Table.Th>
            <Table.Th className="money">{t('finance.budget')}</Table.Th>
            <Table.Th className="money">{t('finance.spent')}</Table.Th>
            <Table.Th className="money">{t('finance.rate')}</Table.Th>
            <Table.Th className="money">{t('finance.rateToDate')}</Table.Th>
            <Table.Th className="money">{t('finance.genderSpent')}</Table.Th>
            {withResults && <Table.Th>{t('finance.results')}</Table.Th>}
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {rows.map((row) => line(row))}
          {total && line(total, true)}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}

/** What a write was refused for: the sentence and every field or cell the server named. */
export function WriteError({ error }: { error: unknown }) {
  const t = useT();
  const message = useErrorMessage();
  if (!error) return null;
  const issues = error instanceof ApiError ? error.issues : [];
  return (
    <Alert
      color="red"
      variant="light"
      title={t('finance.refused')}
      role="alert"
      data-testid="finance-write-error"
    >
      <Stack gap={4}>
        <Text size="sm">{message(error)}</Text>
        {issues.length > 0 && (
          <Stack gap={2} component="ul" m={0} pl="md">
            {issues.map((issue) => (
              <Text component="li" size="sm" key={`${issue.path}:${issue.message}`}>
                {issue.message}
              </Text>
            ))}
          </Stack>
        )}
      </Stack>
    </Alert>
  );
}

/** Where the budget of record comes from, in one sentence (the same figures as every other page). */
export function BudgetSource({ budget }: { budget: ProgrammeBudget }) {
  const t = useT();
  return (
    <Text size="sm" c="dimmed" data-testid="budget-source">
      {budget.source === 'budget_lines'
        ? t('finance.summary.source_budget_lines', { count: budget.lines })
        : t(`finance.summary.source_${budget.source}`)}
    </Text>
  );
}

/**
 * The budget of record by donor: each donor's allocation (or what the lines charge to it, when lines name
 * donors), then what is not allocated — so that the rows always make the total.
 */
export function DonorSplit({ budget }: { budget: ProgrammeBudget }) {
  const t = useT();
  const locale = useLocale();
  const money = useMoney();
  return (
    <Stack gap={4}>
      <Title order={3} fz="md">
        {budget.donorSource === 'budget_lines'
          ? t('finance.summary.byDonorLines')
          : budget.donorSource === 'allocations'
            ? t('finance.summary.byDonorAllocations')
            : t('finance.overview.byDonor')}
      </Title>
      <Table striped data-testid="budget-donor">
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t('finance.donor')}</Table.Th>
            <Table.Th className="money">{t('finance.budget')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {budget.byDonor.map((d) => (
            <Table.Tr key={d.organisation.id}>
              <Table.Td>{localize(d.organisation.acronym ?? d.organisation.name, locale)}</Table.Td>
              <Table.Td className="money">{money(d.amount)}</Table.Td>
            </Table.Tr>
          ))}
          {budget.unallocated !== 0 && (
            <Table.Tr>
              <Table.Td>
                {budget.unallocated > 0
                  ? t('finance.summary.unallocated')
                  : t('finance.summary.overAllocated')}
              </Table.Td>
              <Table.Td className="money" data-testid="budget-unallocated">
                {money(budget.unallocated)}
              </Table.Td>
            </Table.Tr>
          )}
          <Table.Tr className="finance-total-row">
            <Table.Td>{t('finance.summary.total')}</Table.Td>
            <Table.Td className="money">{money(budget.total)}</Table.Td>
          </Table.Tr>
        </Table.Tbody>
      </Table>
    </Stack>
  );
}
