/** Budget vs expenditure vs results at a date: key figures, delivery by agency, outcome, output and donor, funding. */
import { Alert, Anchor, Button, Group, Paper, SimpleGrid, Stack, Table, Text, Title } from '@mantine/core';
import { useState } from 'react';
import { Link } from 'react-router';
import type { FinanceOverview } from '../../../core/contracts/finance/delivery.js';
import { localize } from '../../../core/i18n/locale.js';
import { financeExportUrl, useFinanceOverview } from '../../api/finance.js';
import { ErrorState, Loading } from '../../components/query-state.js';
import { useLocale, useT } from '../../i18n/i18n.js';
import { formatDate } from '../../../core/i18n/format.js';
import { CatalyticSection } from './catalytic-section.js';
import { BudgetSource, DeliveryTable, DonorSplit, useMoney, usePercent } from './parts.js';
import { DateField } from '../../components/date-field.js';

function Figure({
  label,
  value,
  hint,
  testId,
}: {
  label: string;
  value: string;
  hint?: string;
  testId?: string;
}) {
  return (
    <Paper withBorder p="sm" radius="md" data-testid={testId}>
      <Text size="xs" c="dimmed" tt="uppercase" fw={600}>
        {label}
      </Text>
      <Text fw={700} fz="lg">
        {value}
      </Text>
      {hint && (
        <Text size="xs" c="dimmed">
          {hint}
        </Text>
      )}
    </Paper>
  );
}

function Figures({ data }: { data: FinanceOverview }) {
  const t = useT();
  const money = useMoney();
  const percent = usePercent();
  const total = data.programmeTotal;
  return (
    <SimpleGrid cols={{ base: 1, xs: 2, md: 4 }} spacing="sm">
      <Figure
        label={t('finance.budget')}
        value={money(data.summary.total)}
        hint={
          data.summary.source === 'budget_lines'
            ? t('finance.overview.budgetToDate', { amount: money(total.budgetToDate) })
            : undefined
        }
        testId="figure-budget"
      />
      <Figure label={t('finance.spent')} value={money(total.spent)} testId="figure-spent" />
      <Figure
        label={t('finance.rate')}
        value={percent(total.rate)}
        hint={t('finance.overview.rateToDate', { rate: percent(total.rateToDate) })}
        testId="figure-rate"
      />
      <Figure
        label={t('finance.genderSpent')}
        value={money(total.genderSpent)}
        hint={t('finance.overview.genderBudget', { amount: money(total.genderBudget) })}
      />
      <Figure label={t('finance.funding.required')} value={money(data.funding.required)} />
      <Figure label={t('finance.funding.allocated')} value={money(data.funding.allocated)} />
      <Figure label={t('finance.funding.gap')} value={money(data.funding.gap)} testId="figure-gap" />
      <Figure label={t('finance.catalytic.title')} value={money(data.catalytic.total)} />
    </SimpleGrid>
  );
}

export function OverviewTab({ slug }: { slug: string }) {
  const t = useT();
  const locale = useLocale();
  const [asOf, setAsOf] = useState<string | undefined>(undefined);
  const overview = useFinanceOverview(slug, asOf);
  const money = useMoney();
  const percent = usePercent();

  return (
    <Stack gap="lg">
      <Group justify="space-between" align="flex-end">
        <DateField
          label={t('finance.overview.asOf')}
          description={t('finance.overview.asOfHint')}
          value={asOf ?? overview.data?.asOf ?? ''}
          onChange={(iso) => setAsOf(iso || undefined)}
          w={220}
          data-testid="finance-as-of"
        />
        <Group gap="xs">
          <Text size="sm" c="dimmed">
            {t('finance.export')}
          </Text>
          {(['fr', 'en'] as const).map((lang) => (
            <Button
              key={lang}
              component="a"
              href={financeExportUrl(slug, asOf, lang)}
              variant="light"
              size="xs"
              download
            >
              {t('finance.exportIn', { lang: lang.toUpperCase() })}
            </Button>
          ))}
        </Group>
      </Group>
      {overview.isPending ? (
        <Loading />
      ) : overview.isError ? (
        <ErrorState error={overview.error} onRetry={() => void overview.refetch()} />
      ) : (
        <>
          <BudgetSource budget={overview.data.summary} />
          <Figures data={overview.data} />
          <Alert
            variant="light"
            color={overview.data.hasExpenditure ? 'blue' : 'gray'}
            data-testid="report-figures"
          >
            {overview.data.hasExpenditure
              ? t('finance.overview.reportOffered', {
                  rate: percent(overview.data.reportFigures.implementationRate),
                  gender:
                    overview.data.reportFigures.genderBudgetSpent === null
                      ? t('finance.overview.notTagged')
                      : money(overview.data.reportFigures.genderBudgetSpent),
                  date: formatDate(overview.data.asOf, locale),
                })
              : t('finance.overview.noExpenditure', { date: formatDate(overview.data.asOf, locale) })}
          </Alert>
          {overview.data.discrepancies > 0 && (
            <Alert color="orange" variant="light" title={t('finance.discrepancies.title')}>
              <Text size="sm">
                {t('finance.discrepancies.summary', { count: overview.data.discrepancies })}{' '}
                <Anchor component={Link} to="?tab=budget" size="sm">
                  {t('finance.discrepancies.see')}
                </Anchor>
              </Text>
            </Alert>
          )}
          <DeliveryTable
            caption={t('finance.overview.byAgency')}
            rows={overview.data.byAgency}
            total={overview.data.programmeTotal}
            withResults
            testId="delivery-agency"
          />
          <DeliveryTable
            caption={t('finance.overview.byOutcome')}
            rows={overview.data.byOutcome}
            withCode
            withResults
            testId="delivery-outcome"
          />
          <DeliveryTable
            caption={t('finance.overview.byOutput')}
            rows={overview.data.byOutput}
            withCode
            withResults
            testId="delivery-output"
          />
          <Text size="xs" c="dimmed" maw="90ch">
            {t('finance.overview.resultsHint')}
          </Text>
          {overview.data.summary.donorSource === 'budget_lines' ? (
            <DeliveryTable
              caption={t('finance.overview.byDonor')}
              rows={overview.data.byDonor}
              total={overview.data.programmeTotal}
              testId="delivery-donor"
            />
          ) : (
            // no line names a donor: spending by donor is unknown; the donors' allocations and what is not
            // allocated, which make the budget's total
            <DonorSplit budget={overview.data.summary} />
          )}
          <Stack gap="xs">
            <Title order={3} fz="md">
              {t('finance.overview.byYear')}
            </Title>
            <Table.ScrollContainer minWidth={480}>
              <Table striped data-testid="delivery-year">
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th>{t('finance.year')}</Table.Th>
                    <Table.Th className="money">{t('finance.budget')}</Table.Th>
                    <Table.Th className="money">{t('finance.spent')}</Table.Th>
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {overview.data.byYear.map((y) => (
                    <Table.Tr key={y.year}>
                      <Table.Td>{y.year}</Table.Td>
                      <Table.Td className="money">{money(y.budget)}</Table.Td>
                      <Table.Td className="money">{money(y.spent)}</Table.Td>
                    </Table.Tr>
                  ))}
                </Table.Tbody>
              </Table>
            </Table.ScrollContainer>
          </Stack>
          <Stack gap="xs">
            <Title order={3} fz="md">
              {t('finance.funding.title')}
            </Title>
            <Table.ScrollContainer minWidth={640}>
              <Table striped data-testid="donor-contributions">
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th>{t('finance.donor')}</Table.Th>
                    <Table.Th className="money">{t('finance.funding.allocatedColumn')}</Table.Th>
                    <Table.Th className="money">{t('finance.funding.budgeted')}</Table.Th>
                    <Table.Th>{t('finance.note')}</Table.Th>
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {overview.data.funding.donors.map((d, i) => (
                    <Table.Tr key={`${d.organisation.code}-${i}`}>
                      <Table.Td>{localize(d.organisation.acronym ?? d.organisation.name, locale)}</Table.Td>
                      <Table.Td className="money">{money(d.amount)}</Table.Td>
                      <Table.Td className="money">{money(d.budgeted)}</Table.Td>
                      <Table.Td>
                        <Text size="xs" c="dimmed">
                          {d.note}
                        </Text>
                      </Table.Td>
                    </Table.Tr>
                  ))}
                  <Table.Tr className="finance-total-row">
                    <Table.Td>{t('finance.funding.allocated')}</Table.Td>
                    <Table.Td className="money">{money(overview.data.funding.allocated)}</Table.Td>
                    <Table.Td className="money">{money(overview.data.funding.budgeted)}</Table.Td>
                    <Table.Td />
                  </Table.Tr>
                  <Table.Tr>
                    <Table.Td>{t('finance.funding.required')}</Table.Td>
                    <Table.Td className="money">{money(overview.data.funding.required)}</Table.Td>
                    <Table.Td />
                    <Table.Td />
                  </Table.Tr>
                  <Table.Tr className="finance-total-row">
                    <Table.Td>{t('finance.funding.gap')}</Table.Td>
                    <Table.Td className="money">{money(overview.data.funding.gap)}</Table.Td>
                    <Table.Td />
                    <Table.Td />
                  </Table.Tr>
                </Table.Tbody>
              </Table>
            </Table.ScrollContainer>
          </Stack>
          <CatalyticSection slug={slug} items={overview.data.catalytic.items} />
        </>
      )}
    </Stack>
  );
}
