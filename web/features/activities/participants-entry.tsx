import { Button, NativeSelect, NumberInput, Paper, Stack, Text } from '@mantine/core';
import { ageGroups, participantCategories, sexes } from '../../../core/contracts/activity-vocabulary.js';
import type { AgeGroup, ParticipantCategory, Sex } from '../../../core/contracts/activities.js';
import { useT } from '../../i18n/i18n.js';

export type Cells = Partial<Record<`${Sex}.${AgeGroup}`, number>>;
export interface ParticipantRow {
  category: ParticipantCategory;
  cells: Cells;
}

export const rowTotal = (cells: Cells) => Object.values(cells).reduce<number>((sum, n) => sum + (n ?? 0), 0);

/**
 * Participants entered as a phone is held: one card per category, then a line per sex with the four age
 * groups; totals as you type, per sex, per category and in all. Fits 360 px without scrolling sideways; the
 * boxes are 44 px high (a thumb), with the numeric keyboard.
 */
export function ParticipantsEntry({
  rows,
  onChange,
}: {
  rows: ParticipantRow[];
  onChange: (rows: ParticipantRow[]) => void;
}) {
  const t = useT();
  const unused = participantCategories.filter((c) => !rows.some((r) => r.category === c));
  const setCell = (i: number, key: `${Sex}.${AgeGroup}`, value: number | string) =>
    onChange(
      rows.map((r, j) =>
        j === i ? { ...r, cells: { ...r.cells, [key]: typeof value === 'number' ? value : undefined } } : r,
      ),
    );
  const total = rows.reduce((sum, r) => sum + rowTotal(r.cells), 0);
  return (
    <Stack gap="sm" data-testid="participants">
      {rows.map((row, i) => {
        const category = t(`field.categories.${row.category}`);
        return (
          <Paper key={row.category} withBorder p="xs" className="participants-card">
            <div className="participants-card-head">
              <Text fw={600} size="sm">
                {category}
              </Text>
              <Button
                size="compact-sm"
                variant="subtle"
                color="red"
                onClick={() => onChange(rows.filter((_, j) => j !== i))}
              >
                {t('field.form.removeCategory')}
              </Button>
            </div>
            <div className="participants-grid-phone" role="group" aria-label={category}>
              <span />
              {ageGroups.map((g) => (
                <Text key={g} size="xs" c="dimmed" ta="center" title={t(`field.ages.${g}`)}>
                  {t(`field.agesShort.${g}`)}
                </Text>
              ))}
              <Text size="xs" c="dimmed" ta="right">
                {t('field.form.rowTotal')}
              </Text>
              {sexes.map((s) => (
                <SexLine
                  key={s}
                  sex={s}
                  row={row}
                  category={category}
                  onCell={(key, v) => setCell(i, key, v)}
                />
              ))}
            </div>
            <Text size="sm" fw={700} ta="right" data-testid={`category-total-${row.category}`}>
              {t('field.form.categoryTotal', { count: rowTotal(row.cells) })}
            </Text>
          </Paper>
        );
      })}
      {unused.length > 0 && (
        <NativeSelect
          size="md"
          label={t('field.form.addCategory')}
          value=""
          data={[
            { value: '', label: '…' },
            ...unused.map((c) => ({ value: c, label: t(`field.categories.${c}`) })),
          ]}
          onChange={(e) => {
            const category = e.currentTarget.value as ParticipantCategory;
            if (category) onChange([...rows, { category, cells: {} }]);
          }}
        />
      )}
      {rows.length > 0 && (
        <Text fw={700} data-testid="participants-total">
          {t('field.form.participantsTotal', { count: total })}
        </Text>
      )}
    </Stack>
  );
}

function SexLine({
  sex,
  row,
  category,
  onCell,
}: {
  sex: Sex;
  row: ParticipantRow;
  category: string;
  onCell: (key: `${Sex}.${AgeGroup}`, value: number | string) => void;
}) {
  const t = useT();
  const sum = ageGroups.reduce((n, g) => n + (row.cells[`${sex}.${g}`] ?? 0), 0);
  return (
    <>
      <Text size="sm">{t(`field.sexes.${sex}`)}</Text>
      {ageGroups.map((g) => (
        <NumberInput
          key={g}
          size="md"
          min={0}
          allowDecimal={false}
          allowNegative={false}
          hideControls
          inputMode="numeric"
          aria-label={`${category} — ${t(`field.sexes.${sex}`)} — ${t(`field.ages.${g}`)}`}
          value={row.cells[`${sex}.${g}`] ?? ''}
          onChange={(v) => onCell(`${sex}.${g}`, v)}
        />
      ))}
      <Text size="sm" fw={600} ta="right">
        {sum}
      </Text>
    </>
  );
}
