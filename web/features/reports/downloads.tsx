/**
 * Word and PDF, in French or English: links to the export URL (they work as plain links, can be copied or
 * opened in a new tab). A click fetches the file so the writer sees that it is being prepared on a slow
 * connection, and a clear sentence if the server could not produce it instead of a page of JSON.
 */
import { Anchor, Group, Loader, Paper, Stack, Text, Title } from '@mantine/core';
import { memo, useId, useState } from 'react';
import { locales, type Locale } from '../../../core/i18n/locale.js';
import { reportExportUrl } from '../../api/reports.js';
import { useT } from '../../i18n/i18n.js';

const formats = ['docx', 'pdf'] as const;
type Format = (typeof formats)[number];

function fileNameOf(response: Response, fallback: string): string {
  const header = response.headers.get('content-disposition') ?? '';
  const match = /filename\*?=(?:UTF-8'')?"?([^";]+)"?/i.exec(header);
  if (!match?.[1]) return fallback;
  try {
    return decodeURIComponent(match[1]);
  } catch {
    return match[1];
  }
}

export const Downloads = memo(function Downloads({
  reportId,
  baseName,
}: {
  reportId: string;
  baseName: string;
}) {
  const t = useT();
  const titleId = useId();
  const [busy, setBusy] = useState<string | null>(null);
  const [failed, setFailed] = useState(false);

  const download = async (format: Format, lang: Locale) => {
    const url = reportExportUrl(reportId, format, lang);
    setBusy(`${format}-${lang}`);
    setFailed(false);
    try {
      const response = await fetch(url);
      if (!response.ok) throw new Error(`HTTP ${response.status}`);
      const blob = await response.blob();
      const href = URL.createObjectURL(blob);
      const a = document.createElement('a');
      a.href = href;
      a.download = fileNameOf(response, `${baseName}-${lang}.${format}`);
      document.body.append(a);
      a.click();
      a.remove();
      setTimeout(() => URL.revokeObjectURL(href), 60_000);
    } catch {
      setFailed(true);
    } finally {
      setBusy(null);
    }
  };

  return (
    <Paper withBorder p="sm" component="section" aria-labelledby={titleId}>
      <Stack gap={6}>
        <Title order={2} fz="md" id={titleId}>
          {t('reports.documents.title')}
        </Title>
        {formats.map((format) => (
          <Group key={format} gap="sm" wrap="nowrap">
            <Text size="sm" fw={600} w="3.5rem">
              {format === 'docx' ? t('reports.documents.word') : t('reports.documents.pdf')}
            </Text>
            {locales.map((lang) => {
              const label = t('reports.documents.label', {
                format: format === 'docx' ? t('reports.documents.word') : t('reports.documents.pdf'),
                language: t(`reports.documents.languages.${lang}`),
              });
              return (
                <Anchor
                  key={lang}
                  href={reportExportUrl(reportId, format, lang)}
                  download
                  size="sm"
                  // the name begins with the visible "FR"/"EN" (WCAG 2.5.3)
                  aria-label={`${t(`reports.documents.${lang}`)} — ${label}`}
                  title={label}
                  data-testid={`download-${format}-${lang}`}
                  onClick={(event) => {
                    if (event.ctrlKey || event.metaKey || event.shiftKey) return;
                    event.preventDefault();
                    if (!busy) void download(format, lang);
                  }}
                >
                  {t(`reports.documents.${lang}`)}
                </Anchor>
              );
            })}
          </Group>
        ))}
        {busy && (
          <Group gap="xs" role="status">
            <Loader size="xs" />
            <Text size="xs" c="dimmed">
              {t('reports.documents.preparing')}
            </Text>
          </Group>
        )}
        {failed && (
          <Text size="xs" c="red.8" role="alert">
            {t('reports.documents.failed')}
          </Text>
        )}
      </Stack>
    </Paper>
  );
});
