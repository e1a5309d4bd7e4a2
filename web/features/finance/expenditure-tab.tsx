/**
 * Expenses: import a filled workbook (checked first, then written all at once, every wrong cell named), record
 * one by hand, and the list of what was spent per line and period.
 */
import {
  ActionIcon,
  Anchor,
  Button,
  Group,
  NativeSelect,
  Paper,
  Stack,
  Table,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import { useState } from 'react';
import type { ExpenditureImportResult } from '../../../core/contracts/finance/expenditure.js';
import { localize } from '../../../core/i18n/locale.js';
import {
  expenditureTemplateUrl,
  financeKeys,
  useBudget,
  useCreateExpenditure,
  useDeleteExpenditure,
  useExpenditures,
} from '../../api/finance.js';
import { ImportFlow } from '../../components/import-flow/import-flow.js';
import { ErrorState, Loading } from '../../components/query-state.js';
import { useLocale, useT } from '../../i18n/i18n.js';
import { formatPeriod } from '../../../core/i18n/format.js';
import { useConverted, useMoney, WriteError } from './parts.js';
import { DateField } from '../../components/date-field.js';

function ImportPanel({ slug }: { slug: string }) {
  const t = useT();
  const locale = useLocale();
  const money = useMoney();
  const counts = (r: ExpenditureImportResult) => ({
    rows: r.rows,
    total: money(r.total),
    created: r.created,
    updated: r.updated,
    unchanged: r.unchanged,
  });
  return (
    <Paper withBorder p="md" radius="md">
      <ImportFlow
        kind="expenditure"
        slug={slug}
        accept=".xlsx,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
        testId="import-expenditure"
        title={t('finance.expenditure.importTitle')}
        intro={
          <Text size="sm" c="dimmed" maw="90ch">
            {t('finance.expenditure.importHint')}{' '}
            <Anchor href={expenditureTemplateUrl(slug, locale)} download size="sm">
              {t('finance.expenditure.template')}
            </Anchor>
          </Text>
        }
        reloads={[financeKeys.programme(slug)]}
        detail={(file) =>
          file.errorCount === 0 ? (
            <Text size="sm" data-testid="expenditure-counts">
              {t('finance.expenditure.preview', counts(file.detail as ExpenditureImportResult))}
            </Text>
          ) : null
        }
        confirmLabel={() => t('finance.expenditure.confirm')}
        result={(r) => (
          <Text size="sm">{t('finance.expenditure.done', counts(r.result as ExpenditureImportResult))}</Text>
        )}
      />
    </Paper>
  );
}

function EntryForm({ slug, lines }: { slug: string; lines: { code: string; label: string }[] }) {
  const t = useT();
  const create = useCreateExpenditure(slug);
  const empty = {
    line: lines[0]?.code ?? '',
    periodStart: '',
    periodEnd: '',
    amount: '',
    currency: 'USD',
    exchangeRate: '',
    note: '',
  };
  const [form, setForm] = useState(empty);
  const set = (key: keyof typeof form) => (event: React.ChangeEvent<HTMLInputElement | HTMLSelectElement>) =>
    setForm({ ...form, [key]: event.currentTarget.value });
  const save = () =>
    create.mutate(
      {
        line: form.line,
        periodStart: form.periodStart,
        periodEnd: form.periodEnd,
        amount: form.amount,
        currency: form.currency || 'USD',
        exchangeRate: form.exchangeRate || null,
        note: form.note || null,
      },
      {
        onSuccess: () =>
          setForm({ ...empty, line: form.line, periodStart: form.periodStart, periodEnd: form.periodEnd }),
      },
    );
  return (
    <Paper withBorder p="md" radius="md">
      <form
        onSubmit={(event) => {
          event.preventDefault();
          save();
        }}
      >
        <Stack gap="sm">
          <Title order={3} fz="md">
            {t('finance.expenditure.enterTitle')}
          </Title>
          <Group align="flex-end" gap="xs" wrap="wrap">
            <NativeSelect
              label={t('finance.expenditure.line')}
              value={form.line}
              onChange={set('line')}
              data={lines.map((l) => ({ value: l.code, label: `${l.code} — ${l.label.slice(0, 70)}` }))}
              w={360}
              data-testid="expense-line"
            />
            <DateField
              label={t('finance.expenditure.start')}
              value={form.periodStart}
              onChange={(iso) => setForm({ ...form, periodStart: iso })}
              required
              w={160}
            />
            <DateField
              label={t('finance.expenditure.end')}
              value={form.periodEnd}
              onChange={(iso) => setForm({ ...form, periodEnd: iso })}
              required
              w={160}
            />
            <TextInput
              label={t('finance.amount')}
              value={form.amount}
              onChange={set('amount')}
              required
              w={140}
              data-testid="expense-amount"
            />
            <TextInput
              label={t('finance.currency')}
              value={form.currency}
              onChange={set('currency')}
              w={90}
            />
            <TextInput
              label={t('finance.exchangeRate')}
              value={form.exchangeRate}
              onChange={set('exchangeRate')}
              w={120}
            />
            <TextInput label={t('finance.note')} value={form.note} onChange={set('note')} w={200} />
            <Button type="submit" loading={create.isPending} data-testid="save-expense">
              {t('finance.save')}
            </Button>
          </Group>
          <WriteError error={create.error} />
        </Stack>
      </form>
    </Paper>
  );
}

export function ExpenditureTab({ slug }: { slug: string }) {
  const t = useT();
  const locale = useLocale();
  const money = useMoney();
  const converted = useConverted();
  const budget = useBudget(slug);
  const expenses = useExpenditures(slug);
  const remove = useDeleteExpenditure(slug);
  if (budget.isPending || expenses.isPending) return <Loading />;
  if (budget.isError) return <ErrorState error={budget.error} onRetry={() => void budget.refetch()} />;
  if (expenses.isError) return <ErrorState error={expenses.error} onRetry={() => void expenses.refetch()} />;
  const lines = budget.data.lines.map((l) => ({
    code: l.code,
    label: l.label ? localize(l.label, locale) : l.activity ? localize(l.activity.title, locale) : l.code,
  }));
  const labelOf = new Map(lines.map((l) => [l.code, l.label]));
  return (
    <Stack gap="lg">
      <ImportPanel slug={slug} />
      <EntryForm slug={slug} lines={lines} />
      <WriteError error={remove.error} />
      <Stack gap="xs">
        <Title order={3} fz="md">
          {t('finance.expenditure.listTitle', { count: expenses.data.items.length })}
        </Title>
        {expenses.data.items.length === 0 ? (
          <Text size="sm" c="dimmed">
            {t('finance.expenditure.none')}
          </Text>
        ) : (
          <Table.ScrollContainer minWidth={760}>
            <Table striped data-testid="expense-list">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>{t('finance.expenditure.line')}</Table.Th>
                  <Table.Th>{t('finance.expenditure.period')}</Table.Th>
                  <Table.Th className="money">{t('finance.amount')}</Table.Th>
                  <Table.Th>{t('finance.expenditure.source')}</Table.Th>
                  <Table.Th>{t('finance.note')}</Table.Th>
                  <Table.Th />
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {expenses.data.items.map((e) => (
                  <Table.Tr key={e.id}>
                    <Table.Td>
                      <Text size="xs" ff="monospace">
                        {e.line.code}
                      </Text>
                      <Text size="xs" c="dimmed" lineClamp={1} maw={320}>
                        {labelOf.get(e.line.code)}
                      </Text>
                    </Table.Td>
                    <Table.Td>{formatPeriod(e.periodStart, e.periodEnd, locale)}</Table.Td>
                    <Table.Td className="money">
                      {money(e.amount)}
                      {e.originalCurrency && (
                        <Text size="xs" c="dimmed">
                          {converted(e.originalAmount, e.originalCurrency, e.exchangeRate)}
                        </Text>
                      )}
                    </Table.Td>
                    <Table.Td>{t(`finance.expenditure.provenance.${e.provenance}`)}</Table.Td>
                    <Table.Td>{e.note}</Table.Td>
                    <Table.Td>
                      <ActionIcon
                        variant="subtle"
                        color="red"
                        aria-label={t('finance.delete')}
                        onClick={() => remove.mutate(e.id)}
                      >
                        ×
                      </ActionIcon>
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        )}
      </Stack>
    </Stack>
  );
}
