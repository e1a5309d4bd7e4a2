import '../dashboard/styles.js';
import {
  Alert,
  Anchor,
  Badge,
  Button,
  Group,
  NativeSelect,
  Paper,
  Stack,
  Table,
  Text,
  Title,
} from '@mantine/core';
import { useDocumentTitle } from '@mantine/hooks';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { Link, useParams, useSearchParams } from 'react-router';
import { localize } from '../../../core/i18n/locale.js';
import { lang, quarterlyQuery, useStartQuarterlyReport } from '../../api/field.js';
import { ErrorState, Loading, useErrorMessage } from '../../components/query-state.js';
import { useLocale, useT } from '../../i18n/i18n.js';
import { formatPeriod } from '../../../core/i18n/format.js';
import { quarterSummary } from '../../../core/reports/quarterly-text.js';
// the template as plain data (the registry would bring Zod into this page)
import { quarterlyProgrammeReport2023 } from '../../../core/reports/templates/quarterly-programme-report.js';
import { FundingPartners, Photos, TextField } from './quarterly-parts.js';
import {
  otherLanguage,
  quarterlyPlaces,
  QuarterlyTranslationBar,
  WithTranslation,
} from './quarterly-translation.js';

/** The last eight quarters up to the current one. */
function recentQuarters(today = new Date()): string[] {
  const out: string[] = [];
  let y = today.getUTCFullYear();
  let q = Math.floor(today.getUTCMonth() / 3) + 1;
  for (let i = 0; i < 12; i++) {
    out.push(`${y}-Q${q}`);
    q--;
    if (q === 0) {
      q = 4;
      y--;
    }
  }
  return out;
}

/** `/programmes/:slug/quarterly?quarter=2023-Q4`: the quarterly report — figures from the activities, texts to write, Word and PDF. */
export function QuarterlyPage() {
  const t = useT();
  const locale = useLocale();
  const { slug = '' } = useParams();
  const [search, setSearch] = useSearchParams();
  const quarter = search.get('quarter') ?? '2023-Q4';
  const query = useQuery({ ...quarterlyQuery(slug, quarter), placeholderData: keepPreviousData });
  const errorMessage = useErrorMessage();
  const start = useStartQuarterlyReport(slug, quarter);
  // translations beside the originals: shown at once when some are written, else when asked for
  const [showTranslations, setShowTranslations] = useState<boolean | null>(null);
  useDocumentTitle(
    `${t('field.quarterly.title', { code: query.data?.programme.code ?? '', quarter })} — ${t('app.name')}`,
  );
  if (query.isPending) return <Loading />;
  if (query.isError) return <ErrorState error={query.error} onRetry={() => void query.refetch()} />;
  const r = query.data;
  const quarters = [...new Set([quarter, ...recentQuarters(), '2023-Q4'])].sort().reverse();
  // the computed figures whose sentence the writers may word themselves (the template's `sentenceField`)
  const sentenceFields = quarterlyProgrammeReport2023.sections
    .flatMap((s) => s.figures ?? [])
    .flatMap((f) =>
      f.measure && f.sentenceField
        ? [{ id: f.id, field: f.sentenceField, theme: f.theme, sentence: f.sentence }]
        : [],
    );
  // the key figures written as a text rather than computed (the template's `field`)
  const writtenFigures = quarterlyProgrammeReport2023.sections
    .flatMap((s) => s.figures ?? [])
    .flatMap((f) => (!f.measure && f.field ? [f.field] : []));
  const places = quarterlyPlaces(r, [...sentenceFields.map((f) => f.field), ...writtenFigures]);
  const placeAt = (path: string) => places.find((p) => p.path === path) ?? { path, original: '' };
  const target = otherLanguage(r.language ?? 'fr');
  const showing =
    showTranslations ?? Object.values(r.translations?.[target] ?? {}).some((text) => text.trim() !== '');
  const doc = (format: 'docx' | 'pdf') =>
    `/api/v1/programmes/${slug}/quarterly-report/document?quarter=${quarter}&format=${format}&lang=${lang()}`;
  return (
    <Stack gap="lg">
      <Anchor component={Link} to={`/programmes/${slug}/dashboard`} size="sm">
        ← {t('field.indicator.back')}
      </Anchor>
      <Group justify="space-between" align="end">
        <Stack gap={2}>
          <Title order={1} fz={{ base: 'h3', sm: 'h2' }}>
            {t('field.quarterly.title', { code: r.programme.code, quarter })}
          </Title>
          <Text size="sm" c="dimmed">
            {formatPeriod(r.periodStart, r.periodEnd, locale)} ·{' '}
            {r.agencies.map((a) => localize(a, locale)).join(' · ')}
          </Text>
        </Stack>
        <Group gap="xs" align="end">
          <NativeSelect
            label={t('field.quarterly.quarter')}
            value={quarter}
            data={quarters}
            onChange={(e) => setSearch({ quarter: e.currentTarget.value }, { replace: true })}
          />
          <Button component="a" href={doc('docx')} variant="light">
            {t('field.quarterly.word')}
          </Button>
          <Button component="a" href={doc('pdf')} variant="light">
            {t('field.quarterly.pdf')}
          </Button>
        </Group>
      </Group>
      {!r.reportId && (
        <Alert variant="light">
          {t('field.quarterly.notStarted')}{' '}
          <Button size="xs" ml="sm" loading={start.isPending} onClick={() => start.mutate()}>
            {t('field.quarterly.start')}
          </Button>
          {start.error && (
            <Text c="red" size="sm">
              {errorMessage(start.error)}
            </Text>
          )}
        </Alert>
      )}
      {r.reportId && (
        <Group gap="xs">
          <Badge variant="light" tt="none">
            {t(`reports.statuses.${r.status ?? 'draft'}`)}
          </Badge>
        </Group>
      )}
      <QuarterlyTranslationBar report={r} places={places} showing={showing} onShow={setShowTranslations} />
      <section aria-labelledby="figures-title">
        <Title order={2} fz="h3" id="figures-title" mb={2}>
          {t('field.quarterly.keyResults')}
        </Title>
        <Text size="sm" c="dimmed" mb="sm">
          {t('field.quarterly.keyResultsHint')}
        </Text>
        <Table withTableBorder maw={980}>
          <Table.Tbody>
            {r.keyFigures.map((f) => (
              <Table.Tr key={f.id}>
                <Table.Th w={{ base: 110, sm: 240 }} bg="var(--mantine-color-blue-0)">
                  {localize(f.theme, locale)}
                </Table.Th>
                <Table.Td>
                  {f.sentence
                    ? localize(f.sentence, locale)
                    : (f.text ?? (
                        <Text c="dimmed" size="sm">
                          {t('field.quarterly.notWritten')}
                        </Text>
                      ))}
                  {f.activityIds.length > 0 && (
                    <Anchor
                      component={Link}
                      size="xs"
                      ml="xs"
                      to={`/programmes/${slug}/activities?ids=${f.activityIds.slice(0, 200).join(',')}`}
                    >
                      {t('field.quarterly.fromActivities', { count: f.activities })}
                    </Anchor>
                  )}
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
        <Stack gap="sm" mt="sm">
          {sentenceFields.map(({ id, field, theme, sentence }) => (
            <WithTranslation
              key={id}
              report={r}
              showing={showing}
              place={placeAt(`fields.${field}`)}
              rows={2}
            >
              <TextField
                report={r}
                path={`fields.${field}`}
                label={t('field.quarterly.sentence', { theme: localize(theme, locale) })}
                description={t('field.quarterly.sentenceHint')}
                value={r.fields[field] ?? null}
                placeholder={sentence ? localize(sentence, locale).replaceAll('{value}', '{n}') : undefined}
                rows={2}
                preview={false}
              />
            </WithTranslation>
          ))}
        </Stack>
      </section>
      {r.programmeDonors && r.programmeDonors.length > 0 && (
        <FundingPartners report={r} donors={r.programmeDonors} />
      )}
      <WithTranslation report={r} showing={showing} place={placeAt('fields.presentation')} rows={5}>
        <TextField
          report={r}
          path="fields.presentation"
          label={t('field.quarterly.presentation')}
          value={r.fields.presentation ?? null}
        />
      </WithTranslation>
      <WithTranslation report={r} showing={showing} place={placeAt('fields.anti_corruption')} rows={2}>
        <TextField
          report={r}
          path="fields.anti_corruption"
          label={t('field.quarterly.writtenFigure')}
          value={r.fields.anti_corruption ?? null}
          rows={2}
        />
      </WithTranslation>
      {r.outcomes.map((o) => (
        <Paper key={o.code} withBorder p="md">
          <Title order={3} fz="h4" mb={4}>
            {t('framework.outcome', { code: o.code })} — {localize(o.statement, locale)}
          </Title>
          <Text size="sm" c="blue.8" fw={600} mb="xs">
            {quarterSummary(t, locale, o)}
          </Text>
          <WithTranslation
            report={r}
            showing={showing}
            place={placeAt(`outcomes.${o.code}.fields.narrative`)}
            rows={8}
          >
            <TextField
              report={r}
              path={`outcomes.${o.code}.fields.narrative`}
              label={t('field.quarterly.narrative')}
              value={o.narrative}
              rows={8}
            />
          </WithTranslation>
          <Photos photos={o.photos} />
        </Paper>
      ))}
      {r.outsideOutcomes && r.outsideOutcomes.activities > 0 && (
        <Paper withBorder p="md">
          <Title order={3} fz="h4" mb={4}>
            {t('field.quarterly.outsideOutcomes')}
          </Title>
          <Text size="sm" c="blue.8" fw={600}>
            {quarterSummary(t, locale, r.outsideOutcomes)}
          </Text>
        </Paper>
      )}
      <WithTranslation report={r} showing={showing} place={placeAt('fields.steering_committee')} rows={4}>
        <TextField
          report={r}
          path="fields.steering_committee"
          label={t('field.quarterly.committee')}
          value={r.steeringCommittee.text}
          rows={4}
        />
      </WithTranslation>
      <Photos photos={r.steeringCommittee.photos} />
      <WithTranslation report={r} showing={showing} place={placeAt('fields.contacts')} rows={2}>
        <TextField
          report={r}
          path="fields.contacts"
          label={t('field.quarterly.contacts')}
          value={r.contacts}
          rows={2}
        />
      </WithTranslation>
    </Stack>
  );
}
