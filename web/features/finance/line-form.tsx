/** Add or change a budget line: where it belongs, who holds and who funds it, its years, currency and gender share. */
import {
  Button,
  Group,
  Modal,
  NativeSelect,
  NumberInput,
  SimpleGrid,
  Stack,
  Text,
  TextInput,
} from '@mantine/core';
import { useState } from 'react';
import type { BudgetLineKind } from '../../../core/contracts/finance-vocabulary.js';
import type { BudgetLine } from '../../../core/contracts/finance/budget.js';
import { budgetLineKinds } from '../../../core/contracts/finance-vocabulary.js';
import type { ProgrammeDetail } from '../../../core/contracts/programme-api.js';
import { localize } from '../../../core/i18n/locale.js';
import { useCreateBudgetLine, useRefreshFinance, useUpdateBudgetLine } from '../../api/finance.js';
import { ConflictDialog, useVersionConflict } from '../../components/conflict-dialog.js';
import { useLocale, useT } from '../../i18n/i18n.js';
import { WriteError } from './parts.js';

/** What the form edits of a line, as the form holds it (also what a conflict compares). */
function editable(line: BudgetLine | null, years: number[]) {
  const original = line?.amounts.find((a) => a.originalCurrency);
  return {
    agency: line?.agency?.code ?? '',
    donor: line?.donor?.code ?? '',
    currency: original?.originalCurrency ?? 'USD',
    rate: original?.exchangeRate ? String(original.exchangeRate) : '',
    gender: (line?.genderPercent ?? '') as number | string,
    amounts: Object.fromEntries(
      years.map((y) => {
        const a = line?.amounts.find((x) => x.year === y);
        return [String(y), a ? String(a.originalAmount ?? a.amount) : ''];
      }),
    ) as Record<string, string>,
  };
}

export function LineForm({
  slug,
  programme,
  years,
  line,
  outputs,
  onClose,
}: {
  slug: string;
  programme: ProgrammeDetail;
  years: number[];
  line: BudgetLine | null;
  outputs: string[];
  onClose: () => void;
}) {
  const t = useT();
  const locale = useLocale();
  const refresh = useRefreshFinance(slug);
  const allYears = years.length ? years : [new Date().getFullYear()];
  const initial = editable(line, allYears);
  const [kind, setKind] = useState<BudgetLineKind>(line?.kind ?? 'activity');
  const [output, setOutput] = useState(line?.output ?? outputs[0] ?? '');
  const [label, setLabel] = useState(line?.label?.fr ?? '');
  const [agency, setAgency] = useState(initial.agency);
  const [donor, setDonor] = useState(initial.donor);
  const [currency, setCurrency] = useState(initial.currency);
  const [rate, setRate] = useState(initial.rate);
  const [gender, setGender] = useState<number | string>(initial.gender);
  const [amounts, setAmounts] = useState<Record<string, string>>(initial.amounts);
  const createLine = useCreateBudgetLine(slug);
  const updateLine = useUpdateBudgetLine(slug);
  const saving = createLine.isPending || updateLine.isPending;
  // the version the form was filled from; after a conflict, the one saved meanwhile
  const [version, setVersion] = useState(line?.version);
  const stale = useVersionConflict<BudgetLine>();
  const fill = (l: BudgetLine) => {
    const e = editable(l, allYears);
    setAgency(e.agency);
    setDonor(e.donor);
    setCurrency(e.currency);
    setRate(e.rate);
    setGender(e.gender);
    setAmounts(e.amounts);
  };
  const compared = (e: ReturnType<typeof editable>) => {
    const { amounts: byYear, ...rest } = e;
    return { ...rest, ...byYear };
  };

  const save = (over?: number) => {
    const body = {
      amounts: Object.fromEntries(Object.entries(amounts).filter(([, v]) => v.trim() !== '')),
      currency,
      exchangeRate: rate.trim() === '' ? null : rate,
      agency: agency || null,
      donor: donor || null,
      genderPercent: gender === '' ? null : Number(gender),
    };
    if (line) {
      updateLine.mutate(
        { id: line.id, body: { ...body, version: over ?? version ?? line.version } },
        {
          onSuccess: onClose,
          onError: (cause) => {
            if (stale.take(cause)) updateLine.reset();
          },
        },
      );
    } else {
      createLine.mutate(
        {
          ...body,
          kind,
          ...(kind === 'activity' || kind === 'technical_support' ? { output: output || null } : {}),
          ...(label.trim() ? { label: { fr: label.trim() } } : {}),
        },
        { onSuccess: onClose },
      );
    }
  };

  const orgOptions = (
    list: { organisation: ProgrammeDetail['recipients'][number]['organisation'] }[],
    none: string,
  ) => [
    { value: '', label: none },
    ...[...new Map(list.map((x) => [x.organisation.code, x.organisation])).values()].map((o) => ({
      value: o.code,
      label: localize(o.acronym ?? o.name, locale),
    })),
  ];

  return (
    <Modal
      opened
      onClose={onClose}
      size="lg"
      title={
        <Text fw={700}>
          {line ? t('finance.lines.editTitle', { code: line.code }) : t('finance.lines.add')}
        </Text>
      }
    >
      <form
        onSubmit={(event) => {
          event.preventDefault();
          save();
        }}
      >
        <Stack gap="sm">
          {!line && (
            <Group grow>
              <NativeSelect
                label={t('finance.lines.kind')}
                value={kind}
                onChange={(e) => setKind(e.currentTarget.value as BudgetLineKind)}
                data={budgetLineKinds.map((k) => ({ value: k, label: t(`finance.kinds.${k}`) }))}
              />
              {(kind === 'activity' || kind === 'technical_support') && (
                <NativeSelect
                  label={t('finance.output')}
                  value={output}
                  onChange={(e) => setOutput(e.currentTarget.value)}
                  data={outputs}
                />
              )}
            </Group>
          )}
          {!line && (
            <TextInput
              label={t('finance.label')}
              value={label}
              onChange={(e) => setLabel(e.currentTarget.value)}
            />
          )}
          <Group grow>
            <NativeSelect
              label={t('finance.agency')}
              value={agency}
              onChange={(e) => setAgency(e.currentTarget.value)}
              data={orgOptions(programme.recipients, t('finance.lines.noAgency'))}
            />
            <NativeSelect
              label={t('finance.donor')}
              value={donor}
              onChange={(e) => setDonor(e.currentTarget.value)}
              data={orgOptions(programme.donors, t('finance.lines.noDonor'))}
            />
          </Group>
          <Group grow>
            <TextInput
              label={t('finance.currency')}
              value={currency}
              onChange={(e) => setCurrency(e.currentTarget.value)}
              description={t('finance.lines.currencyHint')}
            />
            <TextInput
              label={t('finance.exchangeRate')}
              value={rate}
              onChange={(e) => setRate(e.currentTarget.value)}
              description={t('finance.lines.rateHint')}
            />
            <NumberInput
              label={t('finance.lines.gender')}
              value={gender}
              onChange={setGender}
              min={0}
              max={100}
              suffix=" %"
            />
          </Group>
          <SimpleGrid cols={{ base: 2, sm: Math.min(allYears.length, 5) }}>
            {allYears.map((y) => (
              <TextInput
                key={y}
                label={String(y)}
                value={amounts[String(y)] ?? ''}
                onChange={(e) => setAmounts({ ...amounts, [String(y)]: e.currentTarget.value })}
                inputMode="decimal"
                data-testid={`line-amount-${y}`}
              />
            ))}
          </SimpleGrid>
          <WriteError error={createLine.error ?? updateLine.error} />
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              {t('finance.cancel')}
            </Button>
            <Button type="submit" loading={saving} data-testid="save-line">
              {t('finance.save')}
            </Button>
          </Group>
        </Stack>
      </form>
      {stale.conflict && (
        <ConflictDialog
          opened
          mine={compared({ agency, donor, currency, rate, gender, amounts })}
          theirs={compared(editable(stale.conflict.current, allYears))}
          fields={[
            { key: 'agency', label: t('finance.agency') },
            { key: 'donor', label: t('finance.donor') },
            { key: 'currency', label: t('finance.currency') },
            { key: 'rate', label: t('finance.exchangeRate') },
            { key: 'gender', label: t('finance.lines.gender') },
            ...allYears.map((y) => ({ key: String(y), label: String(y) })),
          ]}
          busy={saving}
          onReload={() => {
            const current = stale.conflict!.current;
            fill(current);
            setVersion(current.version);
            stale.clear();
            void refresh();
          }}
          onKeepMine={() => {
            const current = stale.conflict!.current;
            setVersion(current.version);
            stale.clear();
            save(current.version);
          }}
        />
      )}
    </Modal>
  );
}
