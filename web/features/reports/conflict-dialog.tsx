/**
 * Someone else saved other versions of the places the writer changed: each clashing place with both versions
 * side by side, and the writer chooses, place by place, which one stays. Nothing is saved over the other
 * version until then; the dialog cannot be dismissed without a choice.
 */
import { Button, Group, Modal, Paper, Radio, SimpleGrid, Stack, Text } from '@mantine/core';
import { useState } from 'react';
import type { FieldValue } from '../../../core/contracts/report.js';
import type { ReportTemplate } from '../../../core/contracts/report-template.js';
import { localize, type Locale } from '../../../core/i18n/locale.js';
import { useLocale, useT } from '../../i18n/i18n.js';
import { formatMoney, formatPercent } from '../../../core/i18n/format.js';
import { placeOf, sectionTitle, type Place } from './report-places.js';
import type { ConflictChoice, SaveConflict } from './saver.js';

/** Where a place is, in words: `Partie II › Résultat 1 › Résumé de progrès`. */
export function usePlaceLabel(template: ReportTemplate): (path: string) => string {
  const t = useT();
  const locale = useLocale();
  return (path) =>
    placeLabel(path, template, locale, {
      outcome: (code) => t('reports.editor.outcome', { code }),
      indicator: t('reports.table.indicator'),
      columns: {
        progress: t('reports.table.progress'),
        reason: t('reports.table.reason'),
        included: t('reports.table.include'),
      },
    });
}

function placeLabel(
  path: string,
  template: ReportTemplate,
  locale: Locale,
  words: { outcome: (code: string) => string; indicator: string; columns: Record<string, string> },
): string {
  const place = placeOf(path, template);
  if (!place) return path;
  const parts = [sectionTitle(template, place.section, locale)];
  if (place.item?.kind === 'outcome') parts.push(words.outcome(place.item.code));
  if (place.item?.kind === 'indicator') parts.push(`${words.indicator} ${place.item.code}`);
  const what = place.what;
  if (what.kind === 'field') parts.push(localize(what.field.label, locale));
  else if (what.kind === 'rating') {
    const section = template.sections.find((s) => s.id === place.section);
    if (section?.rating) parts.push(localize(section.rating.label, locale));
  } else {
    parts.push(words.columns[what.column] ?? what.column);
  }
  return parts.join(' › ');
}

/** A value as the writer reads it, by the type of its place. */
function valueText(
  value: FieldValue,
  place: Place | undefined,
  template: ReportTemplate,
  currency: string,
  words: { empty: string; yes: string; no: string },
  locale: Locale,
): string {
  const { empty } = words;
  if (value === null || value === '') return empty;
  const field = place?.what.kind === 'field' ? place.what.field : undefined;
  const choiceLabel = (v: string) => {
    const choices =
      place?.what.kind === 'rating'
        ? template.sections.find((s) => s.id === place.section)?.rating?.choices
        : field?.choices;
    const choice = choices?.find((c) => c.value === v);
    return choice ? localize(choice.label, locale) : v;
  };
  if (typeof value === 'string') {
    return field?.type === 'choice' || place?.what.kind === 'rating' ? choiceLabel(value) : value;
  }
  if (typeof value === 'number') {
    return field?.type === 'percent' ? formatPercent(value, locale, 2) : formatMoney(value, currency, locale);
  }
  if (typeof value === 'boolean') return value ? words.yes : words.no;
  if ('answer' in value) {
    const answer = value.answer === null ? empty : value.answer ? words.yes : words.no;
    return value.text ? `${answer} — ${value.text}` : answer;
  }
  if ('selected' in value) {
    const chosen = value.selected.map(choiceLabel);
    if (value.other) chosen.push(value.other);
    return chosen.length ? chosen.join('\n') : empty;
  }
  return value.rows.length
    ? value.rows
        .map(
          (r) =>
            `${r.donor || empty} : ${r.amount === null ? empty : formatMoney(r.amount, currency, locale)}`,
        )
        .join('\n')
    : empty;
}

export function ConflictDialog({
  conflict,
  template,
  currency,
  onResolve,
}: {
  conflict: SaveConflict | null;
  template: ReportTemplate;
  currency: string;
  onResolve: (choices: Record<string, ConflictChoice>) => void;
}) {
  const t = useT();
  const locale = useLocale();
  const [choices, setChoices] = useState<Record<string, ConflictChoice>>({});
  const [tried, setTried] = useState(false);
  const label = usePlaceLabel(template);
  const words = { empty: t('reports.editor.empty'), yes: t('common.yes'), no: t('common.no') };
  const items = conflict?.conflicts ?? [];
  const complete = items.every((c) => choices[c.path]);

  const finish = (chosen: Record<string, ConflictChoice>) => {
    setChoices({});
    setTried(false);
    onResolve(chosen);
  };

  return (
    <Modal
      opened={conflict !== null}
      onClose={() => {}}
      withCloseButton={false}
      closeOnClickOutside={false}
      closeOnEscape={false}
      size="xl"
      title={<Text fw={700}>{t('reports.conflict.title')}</Text>}
    >
      <Stack gap="md" data-testid="conflict-dialog">
        <Text size="sm">{t('reports.conflict.intro', { count: items.length })}</Text>
        {items.map((item) => {
          const place = placeOf(item.path, template);
          const name = `conflict-${item.path}`;
          return (
            <Paper key={item.path} withBorder p="sm" data-testid={`conflict-${item.path}`}>
              <Stack gap="xs">
                <Text size="sm" fw={700}>
                  {label(item.path)}
                </Text>
                <Radio.Group
                  name={name}
                  value={choices[item.path] ?? null}
                  onChange={(value) =>
                    setChoices((previous) => ({ ...previous, [item.path]: value as ConflictChoice }))
                  }
                >
                  <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
                    {(['mine', 'theirs'] as const).map((side) => (
                      <Paper
                        key={side}
                        p="xs"
                        radius="sm"
                        className="conflict-version"
                        data-side={side}
                        data-chosen={choices[item.path] === side || undefined}
                      >
                        <Stack gap={6}>
                          <Text size="xs" fw={700} tt="uppercase" c="dimmed">
                            {side === 'mine' ? t('reports.conflict.mine') : t('reports.conflict.theirs')}
                          </Text>
                          <Text size="sm" className="conflict-text" data-testid={`conflict-${side}`}>
                            {valueText(item[side], place, template, currency, words, locale)}
                          </Text>
                          <Radio
                            value={side}
                            label={
                              side === 'mine'
                                ? t('reports.conflict.keepMine')
                                : t('reports.conflict.keepTheirs')
                            }
                          />
                        </Stack>
                      </Paper>
                    ))}
                  </SimpleGrid>
                </Radio.Group>
              </Stack>
            </Paper>
          );
        })}
        <Text size="xs" c="dimmed">
          {t('reports.conflict.others')}
        </Text>
        {tried && !complete && (
          <Text size="sm" c="red.8" role="alert">
            {t('reports.conflict.chooseAll')}
          </Text>
        )}
        <Group justify="flex-end" gap="sm">
          <Button
            variant="default"
            onClick={() => finish(Object.fromEntries(items.map((c) => [c.path, 'theirs' as const])))}
          >
            {t('reports.conflict.keepAllTheirs')}
          </Button>
          <Button
            onClick={() => {
              if (complete) finish(choices);
              else setTried(true);
            }}
          >
            {t('reports.conflict.apply')}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}
