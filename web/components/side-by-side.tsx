/**
 * An original and its translation side by side, one above the other on a phone (docs/decisions/0020): the
 * PBF report's editor and the quarterly report's page. The translation is an element of class `translation`,
 * marked `data-untranslated` or `data-out-of-date` while it needs a person; what those states mean is
 * core/reports/languages.ts and translation-stamps.ts, shared with the checks.
 */
import { Badge, Button, Group, Paper, Stack, Switch, Text, Title } from '@mantine/core';
import type { ReactNode } from 'react';
import type { Locale } from '../../core/i18n/locale.js';
import { isLanguageNeutral } from '../../core/reports/languages.js';
import { isOutOfDate } from '../../core/reports/translation-stamps.js';
import { useT } from '../i18n/i18n.js';
// the switch's own layout (its label beside the track, in the label's size) is InlineInput's: without it, on a
// page whose styles did not bring it (the quarterly page), the words fell under the track at the body's size
import '@mantine/core/styles/InlineInput.css';
import '@mantine/core/styles/Switch.css';
import './side-by-side.css';

export function SideBySide({ original, translation }: { original: ReactNode; translation: ReactNode }) {
  return (
    <div className="side-by-side">
      <div>{original}</div>
      {translation}
    </div>
  );
}

export type TranslationState = 'missing' | 'outOfDate' | 'current';

/**
 * What a translation is against its original: none where one is needed (the original has words), made from an
 * earlier original (its fingerprint `stamp` is another text's), or current.
 */
export function translationState(
  original: string,
  value: string | undefined,
  stamp: string | undefined,
): TranslationState {
  if (!value?.trim()) return original.trim() !== '' && !isLanguageNeutral(original) ? 'missing' : 'current';
  return isOutOfDate(stamp, original) ? 'outOfDate' : 'current';
}

/** "Not yet translated" or "The original changed since" beside a translation's label. */
export function TranslationBadge({ state }: { state: TranslationState }) {
  const t = useT();
  if (state === 'current') return null;
  return (
    <Badge size="xs" color="orange" variant="light" tt="none" component="span">
      {t(state === 'missing' ? 'reports.translation.missing' : 'reports.translation.outOfDate')}
    </Badge>
  );
}

/** Under an out-of-date translation: why it is marked, and "Still right" (written again as it is). */
export function ConfirmTranslation({ disabled, onConfirm }: { disabled: boolean; onConfirm: () => void }) {
  const t = useT();
  return (
    <Group gap="xs" mt={4} wrap="nowrap" align="flex-start">
      <Text size="xs" c="orange.9">
        {t('reports.translation.outOfDateHint')}
      </Text>
      <Button size="compact-xs" variant="light" color="orange" disabled={disabled} onClick={onConfirm}>
        {t('reports.translation.confirm')}
      </Button>
    </Group>
  );
}

/**
 * The languages bar of a report: the language it is written in, how many of its worded texts are not yet
 * translated into `target` and how many translations are out of date, and the switch that shows each
 * translation beside its original; `children` are the page's own controls, beside the switch.
 */
export function TranslationSummary({
  language,
  target,
  total,
  missing,
  outOfDate,
  showing,
  onShow,
  children,
}: {
  language: Locale;
  target: Locale;
  total: number;
  missing: number;
  outOfDate: number;
  showing: boolean;
  onShow: (show: boolean) => void;
  children?: ReactNode;
}) {
  const t = useT();
  const name = (l: Locale) => t(`reports.translation.languages.${l}`);
  return (
    <Paper
      withBorder
      p="sm"
      data-testid="translation-bar"
      data-untranslated={missing}
      data-out-of-date={outOfDate}
      data-total={total}
    >
      <Stack gap={6}>
        <Title order={2} fz="sm">
          {t('reports.translation.title')}
        </Title>
        <Text size="sm">
          {t('reports.translation.writtenIn', { language: name(language) })}{' '}
          <Text span size="sm" c={missing ? 'orange.9' : 'teal.8'} fw={600}>
            {missing
              ? t('reports.translation.count', { count: missing, total, language: name(target) })
              : t('reports.translation.allTranslated', { total, language: name(target) })}
          </Text>
          {outOfDate > 0 && (
            <>
              {' '}
              <Text span size="sm" c="orange.9" fw={600}>
                {t('reports.translation.outOfDateCount', { count: outOfDate })}
              </Text>
            </>
          )}
        </Text>
        <Group gap="lg" align="flex-start">
          <Switch
            className="side-by-side-switch"
            checked={showing}
            onChange={(event) => onShow(event.currentTarget.checked)}
            label={t('reports.translation.sideBySide', { language: name(target) })}
          />
          {children}
        </Group>
      </Stack>
    </Paper>
  );
}
