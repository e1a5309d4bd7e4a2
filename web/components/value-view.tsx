import { Badge, Box, Text } from '@mantine/core';
import type { StoredValue, ValueSpec } from '../../core/contracts/value-spec.js';
import { useLocale, useT } from '../i18n/i18n.js';
import { formatDate, formatNumber, formatPercent } from '../../core/i18n/format.js';
import { valueWording } from '../../core/domain/value-wording.js';

/** A note beside the wording (with its leading space) for the kinds a reader could misread: relative targets, TBD, n/a. */
function SpecBadge({ spec }: { spec: ValueSpec }) {
  const t = useT();
  const locale = useLocale();
  switch (spec.kind) {
    case 'relative': {
      const sign = spec.direction === 'increase' ? '+' : '−';
      const amount =
        (spec.atLeast ? `${t('value.atLeast')} ` : '') +
        (spec.unit === 'percent'
          ? `${sign}${formatPercent(spec.delta, locale)}`
          : t('value.pointsAmount', { value: `${sign}${formatNumber(spec.delta, locale)}` }));
      const hint = t('value.relativeHint', { amount }) + (spec.scope ? ` (${spec.scope})` : '');
      return (
        <>
          {' '}
          <Badge
            size="xs"
            variant="light"
            color="grape"
            tt="none"
            title={hint}
            h="auto"
            styles={{ label: { whiteSpace: 'normal' } }} // in a narrow yearly cell it wraps, not truncates
          >
            {t('value.relativeBadge', { amount })}
          </Badge>
        </>
      );
    }
    case 'tbd':
      return (
        <>
          {' '}
          <Badge size="xs" variant="outline" color="gray" tt="none" title={spec.note ?? t('value.tbdHint')}>
            {t('value.tbd')}
          </Badge>
        </>
      );
    case 'not_applicable':
      return (
        <>
          {' '}
          <Badge size="xs" variant="outline" color="gray" tt="none" title={spec.note}>
            {t('value.notApplicable')}
          </Badge>
        </>
      );
    default:
      return null;
  }
}

/**
 * A baseline, target or value as the document words it (never re-typed), with a badge where its structure
 * matters, and when and where it was measured if known. `null` (a year without a target) shows a dash.
 */
export function ValueView({
  value,
  emptyLabel,
}: {
  value: StoredValue | null | undefined;
  emptyLabel?: string;
}) {
  const t = useT();
  const locale = useLocale();
  if (!value) {
    return (
      <Text size="sm" c="dimmed" title={emptyLabel}>
        {t('common.none')}
      </Text>
    );
  }
  const muted = value.spec.kind === 'tbd' || value.spec.kind === 'not_applicable';
  const meta = [value.date ? formatDate(value.date, locale) : null, value.source ?? null].filter(Boolean);
  return (
    <Box>
      <Text size="sm" component="span" c={muted ? 'dimmed' : undefined}>
        {valueWording(value.text, value.spec, locale)}
      </Text>
      <SpecBadge spec={value.spec} />
      {meta.length > 0 && (
        <Text size="xs" c="dimmed">
          {meta.join(' · ')}
        </Text>
      )}
    </Box>
  );
}
