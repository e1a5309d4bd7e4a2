import { Button, Group, Text } from '@mantine/core';
import { exportLinks } from '../../api/exchange.js';
import { useLocale, useT } from '../../i18n/i18n.js';

/** The programme's exports: its IATI file, and the framework version on screen as an Excel workbook. */
export function ExportButtons({ slug, version }: { slug: string; version: number | undefined }) {
  const t = useT();
  const locale = useLocale();
  const links = exportLinks(slug, version, locale);
  return (
    <Group gap={4} wrap="nowrap" role="group" aria-label={t('exchange.export.label')}>
      <Text size="xs" c="dimmed" visibleFrom="sm">
        {t('exchange.export.label')}
      </Text>
      <Button
        component="a"
        href={links.iati}
        download
        variant="default"
        size="xs"
        title={t('exchange.export.iatiHint')}
        data-testid="export-iati"
      >
        {t('exchange.export.iati')}
      </Button>
      <Button
        component="a"
        href={links.xlsx}
        download
        variant="default"
        size="xs"
        title={t('exchange.export.xlsxHint')}
        data-testid="export-xlsx"
      >
        {t('exchange.export.xlsx')}
      </Button>
    </Group>
  );
}
