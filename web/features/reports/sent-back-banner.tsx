import { Alert, List, Stack, Text } from '@mantine/core';
import type { ReportDetail } from '../../../core/contracts/report.js';
import type { ReportTemplate } from '../../../core/contracts/report-template.js';
import { formatDate } from '../../../core/i18n/format.js';
import { useLocale, useT } from '../../i18n/i18n.js';
import { sectionTitle } from './report-places.js';

const moves = new Set(['submitted', 'sent_back', 'approved', 'reopened']);

/**
 * At the top of a report the secretariat sent back, while it is a draft again: who sent it back and when,
 * the reason, and the comments still to resolve — what the writers must do before submitting again.
 */
export function SentBackBanner({ detail, template }: { detail: ReportDetail; template: ReportTemplate }) {
  const t = useT();
  const locale = useLocale();
  if (detail.status !== 'draft') return null;
  // the history is latest first: the last workflow move decides
  const last = detail.history.find((h) => moves.has(h.event));
  if (last?.event !== 'sent_back') return null;
  const open = detail.comments.filter((c) => !c.resolved);
  return (
    <Alert color="orange" variant="light" role="status" data-testid="sent-back-banner">
      <Stack gap={4}>
        <Text fw={700}>
          {t('work.banner.title', {
            by: last.by ?? '—',
            date: formatDate(last.at.slice(0, 10), locale, 'long'),
          })}
        </Text>
        {last.reason && <Text size="sm">{t('work.banner.reason', { reason: last.reason })}</Text>}
        <Text size="sm">
          {open.length ? t('work.banner.comments', { count: open.length }) : t('work.banner.noComments')}
        </Text>
        {open.length > 0 && (
          <List size="sm" spacing={2}>
            {open.map((c) => (
              <List.Item key={c.id}>
                <Text span fw={600} size="sm">
                  {sectionTitle(template, c.section, locale)}
                </Text>{' '}
                — « {c.body} » ({c.author})
              </List.Item>
            ))}
          </List>
        )}
      </Stack>
    </Alert>
  );
}
