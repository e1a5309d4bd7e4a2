/**
 * One field of a template, edited by its type: narratives with their live character counter, yes/no, amounts,
 * percentages, choices, several choices with "other", donor lines. Every control gets the id of its content
 * path, so the checks can take the writer there.
 */
import {
  ActionIcon,
  Button,
  Checkbox,
  Group,
  NativeSelect,
  NumberInput,
  Radio,
  Stack,
  Table,
  Text,
  TextInput,
  Textarea,
} from '@mantine/core';
import { memo, useId, type ReactNode } from 'react';
import type { FieldValue } from '../../../core/contracts/report.js';
import type { TemplateField } from '../../../core/contracts/report-template.js';
import { localize, type Locale } from '../../../core/i18n/locale.js';
import { charCount } from '../../../core/reports/checks.js';
import { useLocale, useT } from '../../i18n/i18n.js';
import { formatMoney, formatNumber, intlLocale } from '../../../core/i18n/format.js';
import { useEditor } from './editor-context.js';
import { placeId } from './report-places.js';

/** `1 959 / 1 500`, red and flagged past the limit. */
export function CharCounter({ text, limit, id }: { text: string; limit: number; id?: string }) {
  const t = useT();
  const locale = useLocale();
  const typed = charCount(text);
  const over = typed - limit;
  return (
    <Text
      id={id}
      size="xs"
      ta="right"
      className="num char-counter"
      c={over > 0 ? 'red.8' : 'dimmed'}
      fw={over > 0 ? 700 : undefined}
      data-over={over > 0 || undefined}
      title={t('reports.counter.label')}
    >
      {t('reports.counter.count', {
        typed: formatNumber(typed, locale),
        limit: formatNumber(limit, locale),
      })}
      {over > 0 && ` · ${t('reports.counter.over', { count: over, amount: formatNumber(over, locale) })}`}
    </Text>
  );
}

/**
 * Textareas that grow with their text: by the browser itself where it can (`field-sizing: content`), which
 * costs nothing per keystroke; else by Mantine's autosize, which measures the text at each one.
 */
const nativeSizing =
  typeof CSS !== 'undefined' && typeof CSS.supports === 'function' && CSS.supports('field-sizing', 'content');

/** A narrative (or a line) with its counter under it when the template gives a limit. */
export function TextWithCounter({
  id,
  label,
  ariaLabel,
  description,
  value,
  limit,
  multiline = true,
  required,
  minRows = 3,
  onChange,
}: {
  id: string;
  /** a visible label, or `ariaLabel` where the place says it already (a table's column) */
  label?: ReactNode;
  ariaLabel?: string;
  description?: ReactNode;
  value: string;
  limit?: number | undefined;
  multiline?: boolean;
  required?: boolean | undefined;
  minRows?: number;
  onChange: (value: string) => void;
}) {
  const { readOnly, onBlur } = useEditor();
  const counterId = useId();
  const over = limit !== undefined && charCount(value) > limit;
  const common = {
    id,
    label,
    'aria-label': ariaLabel,
    description,
    value,
    readOnly,
    withAsterisk: required,
    error: over,
    onBlur,
    'aria-describedby': limit !== undefined ? counterId : undefined,
  };
  return (
    <div className="text-field" data-over={over || undefined}>
      {multiline ? (
        nativeSizing ? (
          <Textarea
            {...common}
            rows={minRows}
            className="grows"
            styles={{
              input: {
                minHeight: `calc(${minRows}lh + 1.1rem)`,
                // a read-only text is read whole; one being written scrolls past a screenful
                maxHeight: readOnly ? undefined : 'calc(18lh + 1.1rem)',
              },
            }}
            onChange={(event) => onChange(event.currentTarget.value)}
          />
        ) : (
          <Textarea
            {...common}
            autosize
            minRows={minRows}
            maxRows={readOnly ? undefined : 18}
            onChange={(event) => onChange(event.currentTarget.value)}
          />
        )
      ) : (
        <TextInput {...common} onChange={(event) => onChange(event.currentTarget.value)} />
      )}
      {limit !== undefined && <CharCounter text={value} limit={limit} id={counterId} />}
    </div>
  );
}

function currencySymbol(currency: string, locale: Locale): string {
  try {
    return (
      new Intl.NumberFormat(intlLocale(locale), { style: 'currency', currency })
        .formatToParts(0)
        .find((part) => part.type === 'currency')?.value ?? currency
    );
  } catch {
    return currency;
  }
}

/** The language's digit group and decimal marks, as Intl writes them (`1 234,5` / `1,234.5`). */
function separators(locale: Locale): { thousandSeparator: string; decimalSeparator: string } {
  const parts = new Intl.NumberFormat(intlLocale(locale)).formatToParts(1234.5);
  return {
    thousandSeparator: parts.find((part) => part.type === 'group')?.value ?? ' ',
    decimalSeparator: parts.find((part) => part.type === 'decimal')?.value ?? '.',
  };
}

/** An amount or a percentage: a number, or null when emptied. */
function NumberField({
  id,
  label,
  description,
  value,
  kind,
  required,
  onChange,
  ariaLabel,
}: {
  id: string;
  label?: ReactNode;
  description?: ReactNode;
  value: number | null;
  kind: 'money' | 'percent';
  required?: boolean | undefined;
  onChange: (value: number | null) => void;
  ariaLabel?: string;
}) {
  const { readOnly, onBlur, currency } = useEditor();
  const locale = useLocale();
  const unit = kind === 'money' ? currencySymbol(currency, locale) : '%';
  return (
    <NumberInput
      id={id}
      label={label}
      aria-label={ariaLabel}
      description={description}
      withAsterisk={required}
      value={value ?? ''}
      readOnly={readOnly}
      onBlur={onBlur}
      min={0}
      max={kind === 'percent' ? 100 : undefined}
      clampBehavior={kind === 'percent' ? 'strict' : 'none'}
      allowNegative={false}
      decimalScale={2}
      hideControls
      {...separators(locale)}
      rightSection={
        <Text size="sm" c="dimmed" pr="xs">
          {unit}
        </Text>
      }
      rightSectionWidth="auto"
      rightSectionPointerEvents="none"
      styles={{ wrapper: { maxWidth: kind === 'money' ? '18rem' : '10rem' } }}
      onChange={(next) => {
        if (typeof next === 'number') onChange(next);
        else if (next.trim() === '') onChange(null);
      }}
    />
  );
}

function YesNo({
  id,
  label,
  description,
  value,
  onChange,
}: {
  id: string;
  label: ReactNode;
  description?: ReactNode;
  value: boolean | null;
  onChange: (value: boolean) => void;
}) {
  const t = useT();
  const { readOnly, onBlur } = useEditor();
  return (
    <Radio.Group
      label={label}
      description={description}
      value={value === null ? null : value ? 'yes' : 'no'}
      onChange={(next) => onChange(next === 'yes')}
    >
      <Group gap="lg" mt={6}>
        <Radio id={id} value="yes" label={t('common.yes')} disabled={readOnly} onBlur={onBlur} />
        <Radio value="no" label={t('common.no')} disabled={readOnly} onBlur={onBlur} />
      </Group>
    </Radio.Group>
  );
}

type DonorRows = { rows: { donor: string; amount: number | null }[] };

function DonorAmounts({
  id,
  label,
  value,
  onChange,
}: {
  id: string;
  label: string;
  value: DonorRows;
  onChange: (value: DonorRows) => void;
}) {
  const t = useT();
  const locale = useLocale();
  const { readOnly, onBlur, currency } = useEditor();
  const rows = value.rows;
  const total = rows.reduce((sum, row) => sum + (row.amount ?? 0), 0);
  const set = (index: number, row: DonorRows['rows'][number]) =>
    onChange({ rows: rows.map((r, i) => (i === index ? row : r)) });
  return (
    <Stack gap={6} component="fieldset" className="plain-fieldset">
      <Text component="legend" size="sm" fw={500}>
        {label}
      </Text>
      {rows.length === 0 ? (
        <Text size="sm" c="dimmed">
          {t('reports.field.noDonors')}
        </Text>
      ) : (
        <Table className="donor-table" withRowBorders={false} verticalSpacing={4} horizontalSpacing={4}>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('reports.field.donor')}</Table.Th>
              <Table.Th className="num">{t('reports.field.amount')}</Table.Th>
              {!readOnly && <Table.Th aria-hidden />}
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {rows.map((row, index) => (
              <Table.Tr key={index}>
                <Table.Td>
                  <TextInput
                    id={index === 0 ? id : undefined}
                    aria-label={`${t('reports.field.donor')} ${index + 1}`}
                    value={row.donor}
                    readOnly={readOnly}
                    onBlur={onBlur}
                    onChange={(event) => set(index, { ...row, donor: event.currentTarget.value })}
                  />
                </Table.Td>
                <Table.Td w="40%">
                  <NumberField
                    id={`${id}-amount-${index}`}
                    ariaLabel={`${t('reports.field.amount')} ${index + 1}`}
                    kind="money"
                    value={row.amount}
                    onChange={(amount) => set(index, { ...row, amount })}
                  />
                </Table.Td>
                {!readOnly && (
                  <Table.Td w={36}>
                    <ActionIcon
                      variant="subtle"
                      color="gray"
                      aria-label={t('reports.field.removeDonor', { n: index + 1 })}
                      title={t('reports.field.removeDonor', { n: index + 1 })}
                      onClick={() => onChange({ rows: rows.filter((_, i) => i !== index) })}
                    >
                      ×
                    </ActionIcon>
                  </Table.Td>
                )}
              </Table.Tr>
            ))}
          </Table.Tbody>
          {rows.length > 1 && (
            <Table.Tfoot>
              <Table.Tr>
                <Table.Th>{t('common.total')}</Table.Th>
                <Table.Td className="num">{formatMoney(total, currency, locale)}</Table.Td>
                {!readOnly && <Table.Td />}
              </Table.Tr>
            </Table.Tfoot>
          )}
        </Table>
      )}
      {!readOnly && (
        <Group>
          <Button
            id={rows.length === 0 ? id : undefined}
            variant="light"
            size="xs"
            onClick={() => onChange({ rows: [...rows, { donor: '', amount: null }] })}
          >
            + {t('reports.field.addDonor')}
          </Button>
        </Group>
      )}
    </Stack>
  );
}

/** Any editable field of a template, by its type (derived fields are shown by `DerivedValue`). */
export const FieldInput = memo(function FieldInput({
  field,
  path,
  value,
}: {
  field: TemplateField;
  path: string;
  value: FieldValue | undefined;
}) {
  const t = useT();
  const locale = useLocale();
  const { onChange, readOnly, onBlur } = useEditor();
  const id = placeId(path);
  const label = localize(field.label, locale);
  const guidance = field.guidance ? localize(field.guidance, locale) : undefined;
  const set = (next: FieldValue) => onChange(path, next);

  switch (field.type) {
    case 'text':
    case 'short_text':
      return (
        <TextWithCounter
          id={id}
          label={label}
          description={guidance}
          value={typeof value === 'string' ? value : ''}
          limit={field.maxLength}
          required={field.required}
          multiline={field.type === 'text'}
          onChange={set}
        />
      );
    case 'yes_no':
      return (
        <YesNo
          id={id}
          label={label}
          description={guidance}
          value={typeof value === 'boolean' ? value : null}
          onChange={set}
        />
      );
    case 'yes_no_text': {
      const current =
        value && typeof value === 'object' && 'answer' in value ? value : { answer: null, text: '' };
      return (
        <Stack gap={6} className="compound-field">
          <YesNo
            id={id}
            label={label}
            description={guidance}
            value={current.answer}
            onChange={(answer) => set({ ...current, answer })}
          />
          <TextWithCounter
            id={`${id}-text`}
            label={t('reports.field.explanation')}
            value={current.text}
            limit={field.maxLength}
            minRows={2}
            onChange={(text) => set({ ...current, text })}
          />
        </Stack>
      );
    }
    case 'money':
    case 'percent':
      return (
        <NumberField
          id={id}
          label={label}
          // an amount the document gives in words ("N/A"), kept as written until a figure replaces it
          description={
            typeof value === 'string' && value.trim() ? (
              <>
                {guidance}
                {guidance ? ' ' : ''}
                {t('reports.field.asWritten', { text: value.trim() })}
              </>
            ) : (
              guidance
            )
          }
          kind={field.type}
          required={field.required}
          value={typeof value === 'number' ? value : null}
          onChange={set}
        />
      );
    case 'choice': {
      const selected = field.choices?.find((c) => c.value === value);
      return (
        <NativeSelect
          id={id}
          label={label}
          description={selected?.guidance ? localize(selected.guidance, locale) : guidance}
          withAsterisk={field.required}
          value={typeof value === 'string' ? value : ''}
          disabled={readOnly}
          onBlur={onBlur}
          onChange={(event) => set(event.currentTarget.value || null)}
          data={[
            { value: '', label: t('reports.editor.choose') },
            ...(field.choices ?? []).map((c) => ({ value: c.value, label: localize(c.label, locale) })),
          ]}
          styles={{ wrapper: { maxWidth: '40rem' } }}
        />
      );
    }
    case 'multi_choice': {
      const current =
        value && typeof value === 'object' && 'selected' in value ? value : { selected: [] as string[] };
      const otherChosen = field.otherChoice !== undefined && current.selected.includes(field.otherChoice);
      return (
        <Stack gap={6}>
          <Checkbox.Group
            label={label}
            description={guidance}
            value={current.selected}
            onChange={(selected) => set({ ...current, selected })}
          >
            <Stack gap={8} mt={8}>
              {(field.choices ?? []).map((choice, index) => (
                <Checkbox
                  key={choice.value}
                  id={index === 0 ? id : undefined}
                  value={choice.value}
                  label={localize(choice.label, locale)}
                  description={choice.guidance ? localize(choice.guidance, locale) : undefined}
                  disabled={readOnly}
                  onBlur={onBlur}
                />
              ))}
            </Stack>
          </Checkbox.Group>
          {otherChosen && (
            <TextWithCounter
              id={`${id}-other`}
              label={t('reports.field.other')}
              value={current.other ?? ''}
              limit={field.maxLength}
              multiline={false}
              onChange={(other) => set({ ...current, other })}
            />
          )}
        </Stack>
      );
    }
    case 'donor_amounts': {
      const current = value && typeof value === 'object' && 'rows' in value ? value : { rows: [] };
      return <DonorAmounts id={id} label={label} value={current} onChange={set} />;
    }
    case 'derived':
      return null;
  }
});
