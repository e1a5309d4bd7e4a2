import { Grid, Skeleton, Table, Text, Title } from '@mantine/core';
import { Component, lazy, Suspense, type ReactNode } from 'react';
import type { ProgrammeDetail } from '../../../core/contracts/programme-api.js';
import { localize } from '../../../core/i18n/locale.js';
import { useLocale, useT } from '../../i18n/i18n.js';
import { formatMoney, formatShare } from '../../../core/i18n/format.js';
import { organisationLabel } from '../../lib/organisation.js';

const BudgetChart = lazy(() =>
  import('./budget-chart.js').then((module) => ({ default: module.BudgetChart })),
);

/** If the chart's chunk cannot load (connection lost), say so and keep the table. */
class ChartBoundary extends Component<{ fallback: ReactNode; children: ReactNode }, { failed: boolean }> {
  override state = { failed: false };
  static getDerivedStateFromError() {
    return { failed: true };
  }
  override render() {
    return this.state.failed ? this.props.fallback : this.props.children;
  }
}

/** Budget by recipient organisation: a chart for the eye, the same figures in a table for everyone. */
export function BudgetSection({ programme }: { programme: ProgrammeDetail }) {
  const t = useT();
  const locale = useLocale();
  // the budget of record (budget lines, else the stated amounts): the figures of the finance tabs and reports
  const { currency, budget } = programme;
  const totalBudget = budget.total;
  const amountOf = new Map(budget.byAgency.map((a) => [a.organisation.id, a.amount]));
  const rows = programme.recipients.map((r) => ({ ...r, amount: amountOf.get(r.organisation.id) ?? null }));
  const bars = [
    ...rows
      .filter((r) => r.amount !== null)
      .map((r) => ({
        label: organisationLabel(r.organisation, locale),
        amount: r.amount ?? 0,
        convening: r.convening,
      })),
    ...(budget.unattributed
      ? [{ label: t('budget.unattributed'), amount: budget.unattributed, convening: false }]
      : []),
  ];

  return (
    <section aria-labelledby="budget-title" id="budget">
      <Title order={2} id="budget-title" fz="h3" mb="sm">
        {t('budget.title')}
      </Title>
      {budget.source !== 'none' && (
        <Text size="sm" c="dimmed" mb="sm" data-testid="budget-source">
          {budget.source === 'budget_lines'
            ? t('budget.fromLines', { count: budget.lines })
            : t('budget.fromStated')}
        </Text>
      )}
      {budget.source === 'none' ? (
        <Text c="dimmed">{t('budget.empty')}</Text>
      ) : (
        <Grid gap="xl" align="center">
          <Grid.Col span={{ base: 12, md: 6 }}>
            <ChartBoundary fallback={<Text c="dimmed">{t('errors.chart')}</Text>}>
              <Suspense fallback={<Skeleton h={bars.length * 36 + 48} />}>
                <BudgetChart
                  bars={bars}
                  currency={currency}
                  locale={locale}
                  ariaLabel={t('budget.chartLabel')}
                />
              </Suspense>
            </ChartBoundary>
          </Grid.Col>
          <Grid.Col span={{ base: 12, md: 6 }}>
            <Table.ScrollContainer minWidth={360}>
              <Table striped verticalSpacing={6} data-testid="budget-table">
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th scope="col">{t('budget.organisation')}</Table.Th>
                    <Table.Th scope="col" className="num">
                      {t('budget.approved')}
                    </Table.Th>
                    <Table.Th scope="col" className="num">
                      {t('budget.share')}
                    </Table.Th>
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {rows.map(({ organisation, convening, amount: approvedBudget }) => (
                    <Table.Tr key={organisation.id}>
                      <Table.Th scope="row" fw={convening ? 700 : 400}>
                        {organisationLabel(organisation, locale)}
                        {convening && (
                          <Text span size="xs" c="dimmed">
                            {' '}
                            · {t('portfolio.convening')}
                          </Text>
                        )}
                        {localize(organisation.name, locale) !== organisationLabel(organisation, locale) && (
                          <Text size="xs" c="dimmed" fw={400}>
                            {localize(organisation.name, locale)}
                          </Text>
                        )}
                      </Table.Th>
                      <Table.Td className="num">
                        {approvedBudget === null
                          ? t('common.none')
                          : formatMoney(approvedBudget, currency, locale)}
                      </Table.Td>
                      <Table.Td className="num">
                        {approvedBudget === null
                          ? t('common.none')
                          : formatShare(approvedBudget, totalBudget, locale)}
                      </Table.Td>
                    </Table.Tr>
                  ))}
                  {budget.unattributed !== 0 && (
                    <Table.Tr>
                      <Table.Th scope="row" fw={400}>
                        {t('budget.unattributed')}
                      </Table.Th>
                      <Table.Td className="num">
                        {formatMoney(budget.unattributed, currency, locale)}
                      </Table.Td>
                      <Table.Td className="num">
                        {formatShare(budget.unattributed, totalBudget, locale)}
                      </Table.Td>
                    </Table.Tr>
                  )}
                </Table.Tbody>
                <Table.Tfoot>
                  <Table.Tr>
                    <Table.Th scope="row">{t('common.total')}</Table.Th>
                    <Table.Th className="num">{formatMoney(totalBudget, currency, locale)}</Table.Th>
                    <Table.Th />
                  </Table.Tr>
                </Table.Tfoot>
              </Table>
            </Table.ScrollContainer>
          </Grid.Col>
        </Grid>
      )}
    </section>
  );
}
