/** Catalytic funding: what other funders brought, listed in the PBF report, with a form to record more. */
import { ActionIcon, Button, Group, Stack, Table, Text, TextInput, Title } from '@mantine/core';
import { useState } from 'react';
import type { CatalyticFunding } from '../../../core/contracts/finance/catalytic.js';
import { localize } from '../../../core/i18n/locale.js';
import { useCreateCatalytic, useDeleteCatalytic } from '../../api/finance.js';
import { useLocale, useT } from '../../i18n/i18n.js';
import { formatDate } from '../../../core/i18n/format.js';
import { useMoney, WriteError } from './parts.js';
import { DateField } from '../../components/date-field.js';

export function CatalyticSection({ slug, items }: { slug: string; items: CatalyticFunding[] }) {
  const t = useT();
  const locale = useLocale();
  const money = useMoney();
  const create = useCreateCatalytic(slug);
  const remove = useDeleteCatalytic(slug);
  const [form, setForm] = useState({
    donorName: '',
    amount: '',
    currency: 'USD',
    exchangeRate: '',
    date: '',
    note: '',
  });
  const set = (key: keyof typeof form) => (event: React.ChangeEvent<HTMLInputElement>) =>
    setForm({ ...form, [key]: event.currentTarget.value });

  const save = () => {
    remove.reset();
    create.mutate(
      {
        donorName: form.donorName || null,
        amount: form.amount,
        currency: form.currency || 'USD',
        exchangeRate: form.exchangeRate || null,
        date: form.date,
        note: form.note || null,
      },
      {
        onSuccess: () =>
          setForm({ donorName: '', amount: '', currency: 'USD', exchangeRate: '', date: '', note: '' }),
      },
    );
  };

  return (
    <Stack gap="xs">
      <Title order={3} fz="md">
        {t('finance.catalytic.title')}
      </Title>
      <Text size="sm" c="dimmed" maw="90ch">
        {t('finance.catalytic.hint')}
      </Text>
      {items.length === 0 ? (
        <Text size="sm" c="dimmed">
          {t('finance.catalytic.none')}
        </Text>
      ) : (
        <Table striped data-testid="catalytic-list">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('finance.date')}</Table.Th>
              <Table.Th>{t('finance.donor')}</Table.Th>
              <Table.Th className="money">{t('finance.amount')}</Table.Th>
              <Table.Th>{t('finance.note')}</Table.Th>
              <Table.Th />
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {items.map((c) => (
              <Table.Tr key={c.id}>
                <Table.Td>{formatDate(c.date, locale)}</Table.Td>
                <Table.Td>
                  {c.donor ? localize(c.donor.acronym ?? c.donor.name, locale) : c.donorName}
                </Table.Td>
                <Table.Td className="money">
                  {money(c.amount)}
                  {c.originalCurrency && (
                    <Text size="xs" c="dimmed">
                      {c.originalAmount} {c.originalCurrency}
                    </Text>
                  )}
                </Table.Td>
                <Table.Td>{c.note}</Table.Td>
                <Table.Td>
                  <ActionIcon
                    variant="subtle"
                    color="red"
                    aria-label={t('finance.delete')}
                    onClick={() => {
                      create.reset();
                      remove.mutate(c.id);
                    }}
                  >
                    ×
                  </ActionIcon>
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
      <form
        onSubmit={(event) => {
          event.preventDefault();
          save();
        }}
      >
        <Group align="flex-end" gap="xs" wrap="wrap">
          <TextInput
            label={t('finance.donor')}
            value={form.donorName}
            onChange={set('donorName')}
            required
            w={200}
          />
          <TextInput
            label={t('finance.amount')}
            value={form.amount}
            onChange={set('amount')}
            required
            w={140}
          />
          <TextInput label={t('finance.currency')} value={form.currency} onChange={set('currency')} w={90} />
          <TextInput
            label={t('finance.exchangeRate')}
            value={form.exchangeRate}
            onChange={set('exchangeRate')}
            w={130}
          />
          <DateField
            label={t('finance.date')}
            value={form.date}
            onChange={(iso) => setForm({ ...form, date: iso })}
            required
            w={160}
          />
          <TextInput label={t('finance.note')} value={form.note} onChange={set('note')} w={220} />
          <Button type="submit" loading={create.isPending}>
            {t('finance.catalytic.add')}
          </Button>
        </Group>
      </form>
      <WriteError error={create.error ?? remove.error} />
    </Stack>
  );
}
