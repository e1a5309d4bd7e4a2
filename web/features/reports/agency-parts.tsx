/**
 * Every recipient agency's part of the report: ready or in preparation, who marked it and when; the buttons
 * to mark or withdraw are shown only for the agencies the reader may act for (the server says which).
 */
import { Alert, Badge, Button, Group, Paper, Stack, Text, Title } from '@mantine/core';
import { memo, useId } from 'react';
import type { ReportDetail } from '../../../core/contracts/report.js';
import { localize } from '../../../core/i18n/locale.js';
import { useMarkPart } from '../../api/reports.js';
import { useLocale, useT } from '../../i18n/i18n.js';
import { formatMoment } from './format.js';
import type { ReportSaver } from './saver.js';
import { useWorkflowWrite } from './use-workflow.js';

export const AgencyParts = memo(function AgencyParts({
  detail,
  saver,
}: {
  detail: ReportDetail;
  saver: ReportSaver;
}) {
  const t = useT();
  const locale = useLocale();
  const titleId = useId();
  const { run, working, error, clearError } = useWorkflowWrite(saver);
  const mark = useMarkPart();
  const notReady = detail.parts.filter((p) => !p.ready).length;
  return (
    <Paper withBorder p="sm" component="section" aria-labelledby={titleId} data-testid="agency-parts">
      <Stack gap="xs">
        <Group justify="space-between" gap="xs">
          <Title order={2} fz="md" id={titleId}>
            {t('reports.workflow.partsTitle')}
          </Title>
          {/* once submitted or accepted, parts not ready are history, not a warning */}
          {detail.parts.length > 0 && detail.status === 'draft' && (
            <Text size="xs" c={notReady ? 'orange.8' : 'teal.8'}>
              {notReady
                ? t('reports.workflow.notReadyCount', { count: notReady })
                : t('reports.workflow.allReady')}
            </Text>
          )}
        </Group>
        {detail.parts.length === 0 ? (
          <Text size="sm" c="dimmed">
            {t('reports.workflow.none')}
          </Text>
        ) : (
          <Stack gap={6} component="ul" m={0} p={0} style={{ listStyle: 'none' }}>
            {detail.parts.map((part) => {
              const code = part.agency.code;
              const mayMark = detail.can.markParts.includes(code);
              return (
                <li key={code} data-testid={`part-${code}`} data-ready={part.ready}>
                  <Group justify="space-between" gap="xs" wrap="nowrap">
                    <Stack gap={0} style={{ minWidth: 0 }}>
                      <Group gap={6} wrap="nowrap">
                        <Text size="sm" fw={600}>
                          {localize(part.agency.acronym, locale)}
                        </Text>
                        <Badge size="sm" variant="light" color={part.ready ? 'teal' : 'gray'}>
                          {part.ready ? t('reports.workflow.ready') : t('reports.workflow.notReady')}
                        </Badge>
                      </Group>
                      {part.by && part.at && (
                        <Text size="xs" c="dimmed">
                          {t('reports.workflow.by', { by: part.by, when: formatMoment(part.at, locale) })}
                        </Text>
                      )}
                    </Stack>
                    {mayMark && (
                      <Button
                        size="compact-xs"
                        variant={part.ready ? 'default' : 'light'}
                        color={part.ready ? 'gray' : 'teal'}
                        loading={working === code}
                        disabled={working !== null}
                        aria-label={`${part.ready ? t('reports.workflow.withdraw') : t('reports.workflow.markReady')} — ${code}`}
                        onClick={() =>
                          void run(code, () =>
                            mark.mutateAsync({ id: detail.id, agency: code, ready: !part.ready }),
                          )
                        }
                      >
                        {part.ready ? t('reports.workflow.withdraw') : t('reports.workflow.markReady')}
                      </Button>
                    )}
                  </Group>
                </li>
              );
            })}
          </Stack>
        )}
        <Text size="xs" c="dimmed">
          {t('reports.workflow.partsHint')}
        </Text>
        {error && (
          <Alert color="red" variant="light" role="alert" withCloseButton onClose={clearError}>
            {error}
          </Alert>
        )}
      </Stack>
    </Paper>
  );
});
