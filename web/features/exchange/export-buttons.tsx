import { Anchor, Button, CopyButton, Group, List, Popover, Stack, Text, TextInput } from '@mantine/core';
import { useState } from 'react';
import type { Locale } from '../../../core/i18n/locale.js';
import { exportLinks, useIatiHeldBack } from '../../api/exchange.js';
import { useLocale, useT } from '../../i18n/i18n.js';

/** The programme's exports: its IATI file, and the framework version on screen as an Excel workbook. */
export function ExportButtons({ slug, version }: { slug: string; version: number | undefined }) {
  const t = useT();
  const locale = useLocale();
  const links = exportLinks(slug, version, locale);
  return (
    <Group gap={4} wrap="wrap" role="group" aria-label={t('exchange.export.label')}>
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
      <PublishedAddress slug={slug} locale={locale} path={links.published} />
    </Group>
  );
}

/** The stable public address of the programme's IATI file, to register in the IATI Registry. */
function PublishedAddress({ slug, locale, path }: { slug: string; locale: Locale; path: string }) {
  const t = useT();
  const [opened, setOpened] = useState(false);
  const url = `${window.location.origin}${path}`;
  return (
    <Popover width={420} position="bottom-end" withArrow shadow="md" opened={opened} onChange={setOpened}>
      <Popover.Target>
        <Button
          variant="subtle"
          size="xs"
          data-testid="iati-published-address"
          onClick={() => setOpened((o) => !o)}
        >
          {t('exchange.export.published')}
        </Button>
      </Popover.Target>
      <Popover.Dropdown>
        <Stack gap="xs">
          <Text size="sm">{t('exchange.export.publishedHint')}</Text>
          <TextInput readOnly value={url} aria-label={t('exchange.export.published')} size="xs" />
          <Group gap="xs">
            <CopyButton value={url}>
              {({ copied, copy }) => (
                <Button size="xs" variant="light" onClick={copy}>
                  {copied ? t('exchange.export.copied') : t('exchange.export.copy')}
                </Button>
              )}
            </CopyButton>
            <Anchor href={path} target="_blank" size="xs">
              {t('exchange.export.open')}
            </Anchor>
          </Group>
          {opened && <HeldBack slug={slug} locale={locale} />}
        </Stack>
      </Popover.Dropdown>
    </Popover>
  );
}

/** What the file leaves out and why, as at the head of the file: a publisher checks it before registering. */
function HeldBack({ slug, locale }: { slug: string; locale: Locale }) {
  const t = useT();
  const heldBack = useIatiHeldBack(slug, locale, true);
  if (heldBack.isPending) return <Text size="xs">{t('exchange.export.heldBackLoading')}</Text>;
  if (heldBack.isError) return null;
  const warnings = heldBack.data.warnings;
  return (
    <Stack gap={4} data-testid="iati-held-back">
      <Text size="sm" fw={600}>
        {warnings.length === 0 ? t('exchange.export.heldBackNone') : t('exchange.export.heldBack')}
      </Text>
      {warnings.length > 0 && (
        <List size="xs" spacing={2} mah={240} style={{ overflowY: 'auto' }}>
          {warnings.map((w) => (
            <List.Item key={w}>{w}</List.Item>
          ))}
        </List>
      )}
    </Stack>
  );
}
