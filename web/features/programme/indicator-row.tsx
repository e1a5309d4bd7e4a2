import { Badge, Box, Group, Paper, SimpleGrid, Stack, Table, Text, VisuallyHidden } from '@mantine/core';
import type { ReactNode } from 'react';
import type { Indicator } from '../../../core/contracts/programme-api.js';
import { localize } from '../../../core/i18n/locale.js';
import { ValueView } from '../../components/value-view.js';
import { useLocale, useT } from '../../i18n/i18n.js';
import { formatDate, formatList, formatPeriod } from '../../../core/i18n/format.js';

const directionArrows = { increase: '↑', decrease: '↓', maintain: '→' } as const;

function Field({ label, children }: { label: string; children: ReactNode }) {
  return (
    <Box>
      <Text size="xs" c="dimmed" tt="uppercase" fw={600} lts={0.3}>
        {label}
      </Text>
      {children}
    </Box>
  );
}

/** The years of the yearly-target row: every year any indicator of the framework has a target for. */
export function targetYears(indicators: Iterable<Indicator>): number[] {
  const years = new Set<number>();
  for (const indicator of indicators) {
    for (const target of indicator.targets)
      if (target.kind === 'annual' && target.year !== null) years.add(target.year);
  }
  return [...years].sort((a, b) => a - b);
}

/**
 * One indicator as an M&E officer reads it: code and title, how it is counted, baseline → end target, the
 * yearly targets (`—` where the document writes none), milestones, the latest value with its period and
 * reason, and its sources. `years` is shared by the whole framework so the yearly columns line up.
 */
export function IndicatorRow({ indicator, years }: { indicator: Indicator; years: number[] }) {
  const t = useT();
  const locale = useLocale();
  const endTarget = indicator.targets.find((target) => target.kind === 'end');
  const milestones = indicator.targets.filter((target) => target.kind === 'milestone');
  const annual = new Map(
    indicator.targets
      .filter((target) => target.kind === 'annual')
      .map((target) => [target.year, target.value]),
  );
  const latest = indicator.latestValue;
  const titleId = `indicator-title-${indicator.id}`;

  return (
    <Paper
      withBorder
      radius="sm"
      p="sm"
      component="article"
      aria-labelledby={titleId}
      data-testid={`indicator-${indicator.code}`}
    >
      <Group gap="xs" wrap="nowrap" align="flex-start">
        <Badge variant="filled" radius="sm" tt="none" style={{ flexShrink: 0 }}>
          {indicator.code}
        </Badge>
        <Text id={titleId} fw={600} size="sm" lh={1.4}>
          {localize(indicator.title, locale)}
        </Text>
      </Group>

      <Group gap={6} mt={6}>
        <Badge
          size="sm"
          variant={indicator.cumulative ? 'light' : 'outline'}
          color={indicator.cumulative ? 'teal' : 'gray'}
          tt="none"
        >
          {indicator.cumulative ? t('indicator.cumulative') : t('indicator.notCumulative')}
        </Badge>
        <Badge size="sm" variant="light" color="gray" tt="none">
          <span aria-hidden>{directionArrows[indicator.direction]} </span>
          {t(`indicator.direction.${indicator.direction}`)}
        </Badge>
        {indicator.disaggregations.length > 0 && (
          <Badge size="sm" variant="light" color="indigo" tt="none">
            {t('indicator.disaggregatedBy', {
              dimensions: formatList(
                indicator.disaggregations.map((dimension) => t(`indicator.dimensions.${dimension}`)),
                locale,
              ),
            })}
          </Badge>
        )}
        {indicator.unit && (
          <Badge size="sm" variant="outline" color="gray" tt="none">
            {t('indicator.unit', { unit: indicator.unit })}
          </Badge>
        )}
      </Group>

      <SimpleGrid cols={{ base: 1, sm: 3 }} spacing="md" mt="sm">
        <Field label={t('indicator.baseline')}>
          <ValueView value={indicator.baseline} />
        </Field>
        <Field label={t('indicator.endTarget')}>
          <ValueView value={endTarget?.value} />
        </Field>
        <Field label={t('indicator.latestValue')}>
          {latest ? (
            <Box data-testid="latest-value">
              <ValueView value={latest.value} />
              <Text size="xs" c="dimmed">
                {formatPeriod(latest.periodStart, latest.periodEnd, locale)} ·{' '}
                {t(`indicator.provenance.${latest.provenance}`)}
              </Text>
              {latest.reason && (
                <Text size="xs" mt={2}>
                  <Text span inherit fw={600}>
                    {t('common.colon', { label: t('indicator.reason') })}
                  </Text>{' '}
                  {latest.reason}
                </Text>
              )}
            </Box>
          ) : (
            <Text size="sm" c="dimmed">
              {t('indicator.noValue')}
            </Text>
          )}
        </Field>
      </SimpleGrid>

      {years.length > 0 && (
        <Box mt="sm">
          <Table.ScrollContainer minWidth={years.length * 96} type="native">
            <Table
              withTableBorder
              withColumnBorders
              layout="fixed"
              verticalSpacing={4}
              horizontalSpacing={6}
              fz="xs"
              data-testid="annual-targets"
            >
              <caption>
                <VisuallyHidden>{t('indicator.annualTargets')}</VisuallyHidden>
              </caption>
              <Table.Thead>
                <Table.Tr>
                  {years.map((year) => (
                    <Table.Th key={year} scope="col" ta="center" bg="gray.0">
                      {year}
                    </Table.Th>
                  ))}
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                <Table.Tr>
                  {years.map((year) => (
                    <Table.Td key={year} data-year={year} ta="center" valign="top">
                      <ValueView value={annual.get(year)} emptyLabel={t('indicator.noTarget')} />
                    </Table.Td>
                  ))}
                </Table.Tr>
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        </Box>
      )}

      {milestones.length > 0 && (
        <Box mt="sm">
          <Field label={t('indicator.milestones')}>
            <Stack gap={2}>
              {milestones.map((milestone, index) => (
                <Group key={`${milestone.date ?? ''}-${index}`} gap={6} wrap="nowrap" align="baseline">
                  {milestone.date && (
                    <Text size="xs" c="dimmed" style={{ flexShrink: 0 }}>
                      {t('common.colon', { label: formatDate(milestone.date, locale) })}
                    </Text>
                  )}
                  <ValueView value={milestone.value} />
                </Group>
              ))}
            </Stack>
          </Field>
        </Box>
      )}

      {indicator.sources.length > 0 && (
        <Text size="xs" c="dimmed" mt="sm">
          <Text span inherit fw={600}>
            {t('common.colon', { label: t('indicator.sources') })}
          </Text>{' '}
          {indicator.sources.join(t('common.listSeparator'))}
        </Text>
      )}
      {indicator.alignments.length > 0 && (
        <Text size="xs" c="dimmed" mt={4}>
          <Text span inherit fw={600}>
            {t('common.colon', { label: t('framework.alignments') })}
          </Text>{' '}
          {indicator.alignments
            .map((alignment) => `${alignment.framework} ${alignment.code} — ${alignment.title}`)
            .join(t('common.listSeparator'))}
        </Text>
      )}
      {indicator.notes && (
        <Text size="xs" c="dimmed" mt={4}>
          <Text span inherit fw={600}>
            {t('common.colon', { label: t('indicator.notes') })}
          </Text>{' '}
          {indicator.notes}
        </Text>
      )}
    </Paper>
  );
}
