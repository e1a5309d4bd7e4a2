import { Text } from '@mantine/core';
import type { ProgrammeSummary } from '../../core/contracts/programme-api.js';
import { useLocale, useT } from '../i18n/i18n.js';
import { formatDate } from '../../core/i18n/format.js';

/** First transfer (else start) → end, with the revised end when there is one. */
export function ProgrammePeriod({ programme }: { programme: ProgrammeSummary }) {
  const t = useT();
  const locale = useLocale();
  const start = programme.firstTransferDate ?? programme.startDate;
  return (
    <>
      <Text size="sm" component="span">
        {start ? `${formatDate(start, locale)} ${t('common.arrow')} ` : `${t('common.arrow')} `}
        {formatDate(programme.endDate, locale)}
      </Text>
      {programme.firstTransferDate && (
        <Text size="xs" c="dimmed">
          {t('portfolio.fromFirstTransfer')}
        </Text>
      )}
      {programme.revisedEndDate && (
        <Text size="xs" c="orange.8">
          {t('portfolio.revisedEnd', { date: formatDate(programme.revisedEndDate, locale) })}
        </Text>
      )}
    </>
  );
}
