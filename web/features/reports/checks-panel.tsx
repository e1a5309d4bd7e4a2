/**
 * The checks of the report as it is being written (the same pure checks the server runs before a
 * submission), by section in the report's order, errors first, each a link to its place.
 */
import { Badge, Button, Group, Paper, Stack, Text, Title, UnstyledButton } from '@mantine/core';
import { useMediaQuery } from '@mantine/hooks';
import { memo, useId, useState } from 'react';
import type { ReportCheck } from '../../../core/contracts/report.js';
import type { ReportTemplate } from '../../../core/contracts/report-template.js';
import { localize } from '../../../core/i18n/locale.js';
import { useLocale, useT } from '../../i18n/i18n.js';
import { goToPlace, sectionTitle } from './report-places.js';

export function CheckCounts({ checks }: { checks: ReportCheck[] }) {
  const t = useT();
  const errors = checks.filter((c) => c.severity === 'error').length;
  const warnings = checks.length - errors;
  return (
    <Group gap={6}>
      <Badge color={errors ? 'red' : 'gray'} variant={errors ? 'filled' : 'light'} tt="none">
        {t('reports.checks.errors', { count: errors })}
      </Badge>
      <Badge
        color={warnings ? 'yellow' : 'gray'}
        variant="light"
        tt="none"
        c={warnings ? 'yellow.9' : undefined}
      >
        {t('reports.checks.warnings', { count: warnings })}
      </Badge>
    </Group>
  );
}

/** The outcome a place is in (Part II's fields say the same words for every outcome). */
const outcomeOf = (path: string) => /^outcomes\.(.+)\.(?:rating|fields\.[a-z0-9_]+)$/.exec(path)?.[1];

export const ChecksPanel = memo(function ChecksPanel({
  checks,
  template,
}: {
  checks: ReportCheck[];
  template: ReportTemplate;
}) {
  const t = useT();
  const locale = useLocale();
  const wide = useMediaQuery('(min-width: 62em)', true, { getInitialValueInEffect: false });
  const [open, setOpen] = useState<boolean | null>(null);
  const shown = open ?? wide ?? true;
  const listId = useId();

  const order = new Map(template.sections.map((s, i) => [s.id, i]));
  const sorted = [...checks].sort(
    (a, b) =>
      (order.get(a.section) ?? 99) - (order.get(b.section) ?? 99) ||
      Number(a.severity === 'warning') - Number(b.severity === 'warning'),
  );
  const bySection = new Map<string, ReportCheck[]>();
  for (const check of sorted) bySection.set(check.section, [...(bySection.get(check.section) ?? []), check]);

  return (
    <Paper withBorder p="sm" component="section" aria-labelledby={`${listId}-title`} data-testid="checks">
      <Stack gap="xs">
        <Group justify="space-between" gap="xs" wrap="nowrap">
          <Title order={2} fz="md" id={`${listId}-title`}>
            {t('reports.checks.title')}
          </Title>
          {checks.length > 0 && (
            <Button
              variant="subtle"
              size="compact-xs"
              aria-expanded={shown}
              aria-controls={listId}
              onClick={() => setOpen(!shown)}
            >
              {shown ? t('reports.checks.hide') : t('reports.checks.show')}
            </Button>
          )}
        </Group>
        {checks.length === 0 ? (
          <Text size="sm" c="teal.8">
            {t('reports.checks.none')}
          </Text>
        ) : (
          <>
            <CheckCounts checks={checks} />
            {shown && (
              <Stack gap="sm" id={listId} className="checks-list">
                <Text size="xs" c="dimmed">
                  {t('reports.checks.hint')}
                </Text>
                {[...bySection].map(([section, items]) => (
                  <div key={section}>
                    <Text size="xs" fw={700} c="dimmed" mb={4}>
                      {sectionTitle(template, section, locale)}
                    </Text>
                    <Stack gap={6} component="ul" m={0} p={0} style={{ listStyle: 'none' }}>
                      {items.map((check, i) => (
                        <li key={`${check.path}:${check.code}:${i}`}>
                          <UnstyledButton
                            className="check-link"
                            data-severity={check.severity}
                            onClick={() => goToPlace(check.path)}
                            title={t('reports.checks.goTo')}
                          >
                            <Text
                              span
                              size="xs"
                              fw={700}
                              c={check.severity === 'error' ? 'red.8' : 'yellow.9'}
                            >
                              {check.severity === 'error'
                                ? t('reports.checks.error')
                                : t('reports.checks.warning')}
                            </Text>
                            {outcomeOf(check.path) && (
                              <Text span size="xs" c="dimmed">
                                {' · '}
                                {t('reports.editor.outcome', { code: outcomeOf(check.path) })}
                              </Text>
                            )}
                            <Text size="sm" className="check-message">
                              {localize(check.message, locale)}
                            </Text>
                          </UnstyledButton>
                        </li>
                      ))}
                    </Stack>
                  </div>
                ))}
              </Stack>
            )}
          </>
        )}
      </Stack>
    </Paper>
  );
});
