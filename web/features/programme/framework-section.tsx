import { Accordion, Box, Button, Group, NativeSelect, Stack, Text, Title } from '@mantine/core';
import type { UseQueryResult } from '@tanstack/react-query';
import { useMemo, useState } from 'react';
import type {
  FrameworkTree,
  FrameworkVersionSummary,
  Indicator,
  OutcomeTree,
  ProgrammeDetail,
} from '../../../core/contracts/programme-api.js';
import { localize } from '../../../core/i18n/locale.js';
import { ErrorState, Loading } from '../../components/query-state.js';
import { useLocale, useT } from '../../i18n/i18n.js';
import { formatDate } from '../../../core/i18n/format.js';
import { IndicatorRow, targetYears } from './indicator-row.js';

function* allIndicators(framework: FrameworkTree): Generator<Indicator> {
  for (const outcome of framework.outcomes) {
    yield* outcome.indicators;
    for (const output of outcome.outputs) yield* output.indicators;
  }
}

function indicatorCount(outcome: OutcomeTree): number {
  return (
    outcome.indicators.length + outcome.outputs.reduce((sum, output) => sum + output.indicators.length, 0)
  );
}

function VersionInfo({ version }: { version: FrameworkVersionSummary }) {
  const t = useT();
  const locale = useLocale();
  return (
    <Box data-testid="framework-version-info">
      <Text size="sm">
        <Text span inherit fw={600}>
          {localize(version.label, locale)}
        </Text>
        {' · '}
        {t('framework.adopted', { date: formatDate(version.effectiveDate, locale, 'long') })}
        {version.inForce && ` · ${t('framework.inForce')}`}
      </Text>
      <Text size="sm" c="dimmed">
        {t('common.colon', { label: t('framework.reason') })} {localize(version.reason, locale)}
      </Text>
    </Box>
  );
}

/** Outcome indicators first, then each output with its indicators and indicative activities. */
function OutcomeBody({ outcome, years }: { outcome: OutcomeTree; years: number[] }) {
  const t = useT();
  const locale = useLocale();
  return (
    <Stack gap="lg">
      {outcome.indicators.length > 0 && (
        <Stack gap="xs">
          <Title order={4} fz="xs" c="dimmed" tt="uppercase" lts={0.3}>
            {t('framework.outcomeIndicators')}
          </Title>
          {outcome.indicators.map((indicator) => (
            <IndicatorRow key={indicator.id} indicator={indicator} years={years} />
          ))}
        </Stack>
      )}
      {outcome.outputs.map((output) => (
        <Box
          key={output.id}
          component="section"
          aria-labelledby={`output-${output.id}`}
          pl="md"
          style={{ borderLeft: '3px solid var(--mantine-color-blue-2)' }}
          data-testid={`output-${output.code}`}
        >
          <Title order={4} fz="md" id={`output-${output.id}`}>
            {t('framework.output', { code: output.code })}
          </Title>
          <Text size="sm" mb="xs">
            {localize(output.statement, locale)}
          </Text>
          {output.indicators.length === 0 ? (
            <Text size="sm" c="dimmed">
              {t('framework.noIndicators')}
            </Text>
          ) : (
            <Stack gap="xs">
              {output.indicators.map((indicator) => (
                <IndicatorRow key={indicator.id} indicator={indicator} years={years} />
              ))}
            </Stack>
          )}
          {output.activities.length > 0 && (
            <Box component="details" mt="xs" fz="sm">
              <Box component="summary" c="blue.8" style={{ cursor: 'pointer' }}>
                {t('framework.activities', { count: output.activities.length })}
              </Box>
              <Stack gap={2} component="ul" mt={4} mb={0} pl="lg">
                {output.activities.map((activity) => (
                  <Text component="li" size="sm" key={activity.id}>
                    {activity.code} — {localize(activity.title, locale)}
                  </Text>
                ))}
              </Stack>
            </Box>
          )}
        </Box>
      ))}
    </Stack>
  );
}

/**
 * The results framework as a tree (outcome → output → indicator). Outcomes fold so a 50-indicator framework
 * stays readable; the first is open, and only open outcomes are rendered, which keeps slow devices quick.
 */
function FrameworkTreeView({ framework, stale }: { framework: FrameworkTree; stale: boolean }) {
  const t = useT();
  const locale = useLocale();
  const years = useMemo(() => targetYears(allIndicators(framework)), [framework]);
  const [open, setOpen] = useState<string[]>(() =>
    framework.outcomes.slice(0, 1).map((outcome) => outcome.id),
  );

  if (framework.outcomes.length === 0) return <Text c="dimmed">{t('framework.empty')}</Text>;

  return (
    <Box aria-busy={stale} style={{ opacity: stale ? 0.55 : 1, transition: 'opacity 150ms' }}>
      {stale && <Loading label={t('framework.updating')} />}
      {framework.alignments.length > 0 && (
        // dozens of higher-level results (UNSDCF, CPD, Strategic Note): folded, the reader opens them if needed
        <Box component="details" mb="sm" fz="sm">
          <Box component="summary" c="blue.8" style={{ cursor: 'pointer' }}>
            {t('framework.alignmentsCount', { count: framework.alignments.length })}
          </Box>
          <Stack gap={2} component="ul" mt={4} mb={0} pl="lg">
            {framework.alignments.map((alignment) => (
              <Text component="li" size="xs" key={`${alignment.framework}-${alignment.code}`}>
                <Text span inherit fw={600}>
                  {alignment.framework} {alignment.code}
                </Text>{' '}
                — {alignment.title}
                {alignment.note && (
                  <Text span inherit c="dimmed">
                    {' '}
                    ({alignment.note})
                  </Text>
                )}
              </Text>
            ))}
          </Stack>
        </Box>
      )}
      <Group justify="flex-end" gap="xs" mb="xs">
        <Button
          variant="subtle"
          size="compact-sm"
          onClick={() => setOpen(framework.outcomes.map((outcome) => outcome.id))}
        >
          {t('framework.expandAll')}
        </Button>
        <Button variant="subtle" size="compact-sm" onClick={() => setOpen([])}>
          {t('framework.collapseAll')}
        </Button>
      </Group>
      <Accordion multiple value={open} onChange={setOpen} variant="separated" order={3} keepMounted={false}>
        {framework.outcomes.map((outcome) => (
          <Accordion.Item key={outcome.id} value={outcome.id} data-testid={`outcome-${outcome.code}`}>
            <Accordion.Control>
              <Text span display="block" fw={700}>
                {t('framework.outcome', { code: outcome.code })}
              </Text>
              <Text span display="block" size="sm">
                {localize(outcome.statement, locale)}
              </Text>
              <Text span display="block" size="xs" c="dimmed">
                {t('framework.indicatorCount', { count: indicatorCount(outcome) })}
              </Text>
            </Accordion.Control>
            <Accordion.Panel>
              <OutcomeBody outcome={outcome} years={years} />
            </Accordion.Panel>
          </Accordion.Item>
        ))}
      </Accordion>
    </Box>
  );
}

interface Props {
  programme: ProgrammeDetail;
  framework: UseQueryResult<FrameworkTree>;
  /** the version shown; undefined until known */
  selected: number | undefined;
  onSelect: (version: number) => void;
}

/** Version selector (label, date, reason; the version in force preselected) above the framework tree. */
export function FrameworkSection({ programme, framework, selected, onSelect }: Props) {
  const t = useT();
  const locale = useLocale();
  const versions = [...programme.frameworkVersions].sort((a, b) => b.version - a.version);
  const current = versions.find((version) => version.version === selected);

  return (
    <section aria-labelledby="framework-title" id="framework">
      <Title order={2} id="framework-title" fz="h3" mb="sm">
        {t('framework.title')}
      </Title>
      {versions.length === 0 ? (
        <Text c="dimmed">{t('framework.noVersion')}</Text>
      ) : (
        <Stack gap="md">
          <Stack gap="xs">
            <NativeSelect
              label={t('framework.version')}
              maw={720}
              value={selected === undefined ? '' : String(selected)}
              onChange={(event) => onSelect(Number(event.currentTarget.value))}
              data={versions.map((version) => ({
                value: String(version.version),
                label:
                  t('framework.versionOption', {
                    version: version.version,
                    label: localize(version.label, locale),
                    date: formatDate(version.effectiveDate, locale),
                  }) + (version.inForce ? ` — ${t('framework.inForce')}` : ''),
              }))}
              data-testid="framework-version"
            />
            {current && <VersionInfo version={current} />}
          </Stack>
          {framework.isPending && <Loading />}
          {framework.isError && (
            <ErrorState error={framework.error} onRetry={() => void framework.refetch()} />
          )}
          {framework.data && (
            <FrameworkTreeView
              key={framework.data.id}
              framework={framework.data}
              stale={framework.isPlaceholderData}
            />
          )}
        </Stack>
      )}
    </section>
  );
}
