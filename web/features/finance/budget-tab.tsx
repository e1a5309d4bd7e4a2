/**
 * The budget as the work plan lays it out: lines by outcome and output with their years, the document's printed
 * sub-totals beside the computed ones, every discrepancy flagged with its difference, sub-totals by agency and
 * donor, and a form to add or change a line.
 */
import {
  ActionIcon,
  Alert,
  Badge,
  Button,
  Group,
  SimpleGrid,
  Stack,
  Table,
  Text,
  Title,
  Tooltip,
} from '@mantine/core';
import { Fragment, useState } from 'react';
import type {
  BudgetLine,
  BudgetSubtotal,
  BudgetView,
  Discrepancy,
  StatedTotal,
} from '../../../core/contracts/finance/budget.js';
import type { ProgrammeDetail } from '../../../core/contracts/programme-api.js';
import { localize } from '../../../core/i18n/locale.js';
import { useBudget } from '../../api/finance.js';
import { ErrorState, Loading } from '../../components/query-state.js';
import { useLocale, useT } from '../../i18n/i18n.js';
import { LineForm } from './line-form.js';
import { BudgetSource, DonorSplit, useConverted, useMoney, usePercent } from './parts.js';

const compareCodes = (a: string, b: string) => a.localeCompare(b, undefined, { numeric: true });

function DiscrepancyList({ items }: { items: Discrepancy[] }) {
  const t = useT();
  const locale = useLocale();
  const money = useMoney();
  if (items.length === 0) return null;
  return (
    <Alert
      color="orange"
      variant="light"
      title={t('finance.discrepancies.title')}
      data-testid="discrepancies"
    >
      <Stack gap={4}>
        <Text size="sm">{t('finance.discrepancies.intro')}</Text>
        <Stack gap={2} component="ul" m={0} pl="md">
          {items.map((d, i) => (
            <Text component="li" size="sm" key={i}>
              {t('finance.discrepancies.item', {
                where: `${d.code ? `${d.code} — ` : ''}${localize(d.label, locale)}`,
                column: d.year ?? t('finance.total'),
                stated: money(d.stated),
                computed: money(d.computed),
                difference: money(d.difference),
                basis: t(`finance.discrepancies.basis.${d.basis}`),
              })}
            </Text>
          ))}
        </Stack>
      </Stack>
    </Alert>
  );
}

function SubtotalTable({ title, rows, testId }: { title: string; rows: BudgetSubtotal[]; testId: string }) {
  const t = useT();
  const locale = useLocale();
  const money = useMoney();
  return (
    <Stack gap={4}>
      <Title order={3} fz="md">
        {title}
      </Title>
      <Table striped data-testid={testId}>
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t('finance.label')}</Table.Th>
            <Table.Th className="money">{t('finance.budget')}</Table.Th>
            <Table.Th className="money">{t('finance.genderBudget')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {rows.map((r) => (
            <Table.Tr key={r.key || 'none'}>
              <Table.Td>{localize(r.label, locale)}</Table.Td>
              <Table.Td className="money">{money(r.total)}</Table.Td>
              <Table.Td className="money">{money(r.genderAmount)}</Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Stack>
  );
}

function Lines({ view, onEdit }: { view: BudgetView; onEdit: (line: BudgetLine) => void }) {
  const t = useT();
  const locale = useLocale();
  const money = useMoney();
  const converted = useConverted();
  const percent = usePercent();
  const years = view.years;
  const flagged = new Set(view.discrepancies.filter((d) => d.kind === 'line').map((d) => d.code));
  const statedFor = (scope: StatedTotal['scope'], code: string | null = null) =>
    view.statedTotals.find((s) => s.scope === scope && s.code === code);
  const computedFor = (list: BudgetSubtotal[], key: string) => list.find((s) => s.key === key);
  const cols = 4 + years.length + 3;

  const lineRow = (line: BudgetLine) => {
    const byYear = new Map(line.amounts.map((a) => [a.year, a]));
    return (
      <Table.Tr key={line.id} data-testid={`line-${line.code}`}>
        <Table.Td>
          <Text size="xs" ff="monospace">
            {line.code}
          </Text>
        </Table.Td>
        <Table.Td maw={360}>
          <Text
            size="sm"
            lineClamp={2}
            title={
              line.label
                ? localize(line.label, locale)
                : line.activity
                  ? localize(line.activity.title, locale)
                  : ''
            }
          >
            {line.label
              ? localize(line.label, locale)
              : line.activity
                ? localize(line.activity.title, locale)
                : '—'}
          </Text>
          {(line.unEntities || line.partners) && (
            <Text size="xs" c="dimmed" lineClamp={1}>
              {[line.unEntities, line.partners].filter(Boolean).join(' · ')}
            </Text>
          )}
        </Table.Td>
        <Table.Td>
          <Text size="xs">
            {line.agency ? localize(line.agency.acronym ?? line.agency.name, locale) : '—'}
          </Text>
        </Table.Td>
        <Table.Td>
          <Text size="xs">{line.donor ? localize(line.donor.acronym ?? line.donor.name, locale) : '—'}</Text>
        </Table.Td>
        {years.map((y) => {
          const a = byYear.get(y);
          return (
            <Table.Td key={y} className="money">
              {a ? (
                a.originalCurrency ? (
                  <Tooltip label={converted(a.originalAmount, a.originalCurrency, a.exchangeRate)}>
                    <span>{money(a.amount)}</span>
                  </Tooltip>
                ) : (
                  money(a.amount)
                )
              ) : (
                ''
              )}
            </Table.Td>
          );
        })}
        <Table.Td className="money">
          {money(line.total)}
          {flagged.has(line.code) && (
            <Tooltip label={t('finance.lines.printed', { amount: money(line.statedTotal) })}>
              <Badge color="orange" variant="light" size="xs" ml={4}>
                ≠
              </Badge>
            </Tooltip>
          )}
        </Table.Td>
        <Table.Td className="money">
          {line.genderPercent === null ? '—' : percent(line.genderPercent)}
        </Table.Td>
        <Table.Td>
          <ActionIcon
            variant="subtle"
            aria-label={t('finance.lines.edit', { code: line.code })}
            onClick={() => onEdit(line)}
          >
            ✎
          </ActionIcon>
        </Table.Td>
      </Table.Tr>
    );
  };

  const subtotalRow = (
    key: string,
    label: string,
    stated: StatedTotal | undefined,
    computed: BudgetSubtotal | undefined,
  ) => (
    <Fragment key={key}>
      {stated && (
        <Table.Tr className="finance-stated-row">
          <Table.Td />
          <Table.Td colSpan={3}>
            <Text size="sm">{t('finance.lines.printedSubtotal', { label })}</Text>
          </Table.Td>
          {years.map((y) => (
            <Table.Td key={y} className="money">
              {money(stated.amounts.find((a) => a.year === y)?.amount ?? 0)}
            </Table.Td>
          ))}
          <Table.Td className="money">{money(stated.total)}</Table.Td>
          <Table.Td colSpan={2} />
        </Table.Tr>
      )}
      {computed && (
        <Table.Tr className="finance-total-row">
          <Table.Td />
          <Table.Td colSpan={3}>{t('finance.lines.computedSubtotal', { label })}</Table.Td>
          {years.map((y) => (
            <Table.Td key={y} className="money">
              {money(computed.amounts.find((a) => a.year === y)?.amount ?? 0)}
            </Table.Td>
          ))}
          <Table.Td className="money">{money(computed.total)}</Table.Td>
          <Table.Td className="money">{money(computed.genderAmount)}</Table.Td>
          <Table.Td />
        </Table.Tr>
      )}
    </Fragment>
  );

  const outcomes = [...new Set(view.lines.flatMap((l) => (l.outcome ? [l.outcome] : [])))].sort(compareCodes);
  const others = view.lines.filter((l) => !l.outcome);
  return (
    <Table.ScrollContainer minWidth={1100}>
      <Table striped={false} highlightOnHover verticalSpacing={4} data-testid="budget-lines">
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t('finance.code')}</Table.Th>
            <Table.Th>{t('finance.lines.activity')}</Table.Th>
            <Table.Th>{t('finance.agency')}</Table.Th>
            <Table.Th>{t('finance.donor')}</Table.Th>
            {years.map((y) => (
              <Table.Th key={y} className="money">
                {y}
              </Table.Th>
            ))}
            <Table.Th className="money">{t('finance.total')}</Table.Th>
            <Table.Th className="money">{t('finance.lines.gender')}</Table.Th>
            <Table.Th />
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {outcomes.map((outcome) => {
            const inOutcome = view.lines.filter((l) => l.outcome === outcome);
            const outputs = [...new Set(inOutcome.flatMap((l) => (l.output ? [l.output] : [])))].sort(
              compareCodes,
            );
            return (
              <Fragment key={outcome}>
                <Table.Tr>
                  <Table.Td colSpan={cols}>
                    <Text fw={700}>{t('finance.lines.outcome', { code: outcome })}</Text>
                  </Table.Td>
                </Table.Tr>
                {outputs.map((output) => (
                  <Fragment key={output}>
                    <Table.Tr>
                      <Table.Td colSpan={cols}>
                        <Text fw={600} size="sm">
                          {t('finance.lines.output', { code: output })}
                        </Text>
                      </Table.Td>
                    </Table.Tr>
                    {inOutcome.filter((l) => l.output === output).map(lineRow)}
                    {subtotalRow(
                      `o-${output}`,
                      t('finance.lines.output', { code: output }),
                      statedFor('output', output),
                      computedFor(view.subtotals.byOutput, output),
                    )}
                  </Fragment>
                ))}
                {inOutcome.filter((l) => !l.output).map(lineRow)}
                {subtotalRow(
                  `r-${outcome}`,
                  t('finance.lines.outcome', { code: outcome }),
                  statedFor('outcome', outcome),
                  computedFor(view.subtotals.byOutcome, outcome),
                )}
              </Fragment>
            );
          })}
          {subtotalRow('activities', t('finance.lines.activities'), statedFor('activities'), undefined)}
          {others.map(lineRow)}
          {subtotalRow('budget', t('finance.lines.budgetTotal'), statedFor('budget'), undefined)}
          {subtotalRow('grand', t('finance.lines.grandTotal'), statedFor('grand_total'), undefined)}
          <Table.Tr className="finance-total-row">
            <Table.Td />
            <Table.Td colSpan={3}>{t('finance.lines.computedTotal')}</Table.Td>
            {years.map((y) => (
              <Table.Td key={y} className="money">
                {money(
                  view.lines.reduce((s, l) => s + (l.amounts.find((a) => a.year === y)?.amount ?? 0), 0),
                )}
              </Table.Td>
            ))}
            <Table.Td className="money" data-testid="budget-total">
              {money(view.total)}
            </Table.Td>
            <Table.Td className="money">{money(view.genderAmount)}</Table.Td>
            <Table.Td />
          </Table.Tr>
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}

export function BudgetTab({ slug, programme }: { slug: string; programme: ProgrammeDetail }) {
  const t = useT();
  const budget = useBudget(slug);
  const [editing, setEditing] = useState<BudgetLine | 'new' | null>(null);
  if (budget.isPending) return <Loading />;
  if (budget.isError) return <ErrorState error={budget.error} onRetry={() => void budget.refetch()} />;
  const view = budget.data;
  return (
    <Stack gap="lg">
      <Group justify="space-between">
        <Stack gap={2} maw="80ch">
          <Text size="sm" c="dimmed">
            {t('finance.lines.intro', { count: view.lines.length })}
          </Text>
          <BudgetSource budget={view.summary} />
        </Stack>
        <Button onClick={() => setEditing('new')} data-testid="add-line">
          {t('finance.lines.add')}
        </Button>
      </Group>
      <DiscrepancyList items={view.discrepancies} />
      <SimpleGrid cols={{ base: 1, md: 2 }}>
        <SubtotalTable
          title={t('finance.overview.byAgency')}
          rows={view.subtotals.byAgency}
          testId="budget-agency"
        />
        <DonorSplit budget={view.summary} />
      </SimpleGrid>
      <Lines view={view} onEdit={setEditing} />
      {editing && (
        <LineForm
          slug={slug}
          programme={programme}
          years={view.years}
          line={editing === 'new' ? null : editing}
          outputs={[...new Set(view.lines.flatMap((l) => (l.output ? [l.output] : [])))].sort(compareCodes)}
          onClose={() => setEditing(null)}
        />
      )}
    </Stack>
  );
}
