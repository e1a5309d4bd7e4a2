import '../dashboard/styles.js';
import {
  Alert,
  Anchor,
  Badge,
  Button,
  Checkbox,
  Grid,
  Group,
  Image,
  NativeSelect,
  Paper,
  Stack,
  Table,
  Text,
  Textarea,
  Title,
} from '@mantine/core';
import { useDocumentTitle } from '@mantine/hooks';
import { keepPreviousData, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { Link, useParams, useSearchParams } from 'react-router';
import type { QuarterlyPhoto, QuarterlyReport } from '../../../core/contracts/quarterly-report.js';
import { localize } from '../../../core/i18n/locale.js';
import { ApiError } from '../../api/client.js';
import {
  fieldKeys,
  lang,
  quarterlyQuery,
  useSaveQuarterlyText,
  useStartQuarterlyReport,
} from '../../api/field.js';
import { ConflictDialog, useVersionConflict } from '../../components/conflict-dialog.js';
import { ErrorState, Loading, useErrorMessage } from '../../components/query-state.js';
import { useLocale, useT } from '../../i18n/i18n.js';
import { formatPeriod } from '../../../core/i18n/format.js';
import { paragraphs, quarterSummary, runsOf } from '../../../core/reports/quarterly-text.js';
// the template as plain data (the registry would bring Zod into this page)
import { quarterlyProgrammeReport2023 } from '../../../core/reports/templates/quarterly-programme-report.js';

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
            <TextField
              key={id}
              report={r}
              path={`fields.${field}`}
              label={t('field.quarterly.sentence', { theme: localize(theme, locale) })}
              description={t('field.quarterly.sentenceHint')}
              value={r.fields[field] ?? null}
              placeholder={sentence ? localize(sentence, locale).replaceAll('{value}', '{n}') : undefined}
              rows={2}
              preview={false}
            />
          ))}
        </Stack>
      </section>
      {r.programmeDonors && r.programmeDonors.length > 0 && (
        <FundingPartners report={r} donors={r.programmeDonors} />
      )}
      <TextField
        report={r}
        path="fields.presentation"
        label={t('field.quarterly.presentation')}
        value={r.fields.presentation ?? null}
      />
      <TextField
        report={r}
        path="fields.anti_corruption"
        label={t('field.quarterly.writtenFigure')}
        value={r.fields.anti_corruption ?? null}
        rows={2}
      />
      {r.outcomes.map((o) => (
        <Paper key={o.code} withBorder p="md">
          <Title order={3} fz="h4" mb={4}>
            {t('framework.outcome', { code: o.code })} — {localize(o.statement, locale)}
          </Title>
          <Text size="sm" c="blue.8" fw={600} mb="xs">
            {quarterSummary(t, locale, o)}
          </Text>
          <TextField
            report={r}
            path={`outcomes.${o.code}.fields.narrative`}
            label={t('field.quarterly.narrative')}
            value={o.narrative}
            rows={8}
          />
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
      <TextField
        report={r}
        path="fields.steering_committee"
        label={t('field.quarterly.committee')}
        value={r.steeringCommittee.text}
        rows={4}
      />
      <Photos photos={r.steeringCommittee.photos} />
      <TextField
        report={r}
        path="fields.contacts"
        label={t('field.quarterly.contacts')}
        value={r.contacts}
        rows={2}
      />
    </Stack>
  );
}

function Photos({ photos }: { photos: QuarterlyPhoto[] }) {
  const locale = useLocale();
  if (!photos.length) return null;
  return (
    <Grid mt="sm">
      {photos.map((p) => (
        <Grid.Col span={{ base: 6, sm: 4 }} key={p.attachmentId}>
          <Image src={p.url} alt={p.caption ? localize(p.caption, locale) : ''} radius="sm" loading="lazy" />
          <Text size="xs" c="dimmed" mt={2}>
            {[p.caption ? localize(p.caption, locale) : '', p.credit].filter(Boolean).join(' — ')}
          </Text>
        </Grid.Col>
      ))}
    </Grid>
  );
}

/** A written part of the report, saved through the reports module (its history, merge and conflicts). */
function TextField({
  report,
  path,
  label,
  value,
  rows = 5,
  description,
  placeholder,
  preview = true,
}: {
  report: QuarterlyReport;
  path: string;
  label: string;
  value: string | null;
  rows?: number;
  description?: string;
  placeholder?: string | undefined;
  /** the text as the documents print it (its `**bold**` figures), under the box or alone when not editable */
  preview?: boolean;
}) {
  const t = useT();
  const client = useQueryClient();
  const errorMessage = useErrorMessage();
  const [text, setText] = useState(value ?? '');
  // the report's 409 carries the report now and, per clashing place, both texts
  const stale = useVersionConflict<{
    report: { version: number };
    conflicts: { path: string; mine: unknown; theirs: unknown }[];
  }>();
  const refresh = () =>
    client.invalidateQueries({ queryKey: fieldKeys.quarterly(report.programme.slug, report.quarter) });
  const save = useSaveQuarterlyText(report.programme.slug, report.quarter);
  const send = (over?: number) =>
    save.mutate(
      {
        reportId: report.reportId!,
        version: over ?? report.version!,
        changes: [{ path, value: text.trim() ? text : null }],
      },
      { onError: (error) => void stale.take(error) },
    );
  const clash = stale.conflict?.current.conflicts.find((c) => c.path === path);
  const theirText = typeof clash?.theirs === 'string' ? clash.theirs : '';
  const changed = text !== (value ?? '');
  const editable = !!report.reportId && report.status === 'draft';
  if (!editable && preview)
    return (
      <Stack gap={4}>
        <Text size="sm" fw={500}>
          {label}
        </Text>
        {value ? (
          <RichText text={value} />
        ) : (
          <Text size="sm" c="dimmed">
            {t('field.quarterly.notWritten')}
          </Text>
        )}
      </Stack>
    );
  return (
    <Stack gap={4}>
      <Textarea
        label={label}
        description={description}
        placeholder={placeholder}
        autosize
        minRows={rows}
        value={text}
        onChange={(e) => setText(e.currentTarget.value)}
        disabled={!editable}
      />
      {preview && text.includes('**') && (
        <Paper withBorder p="xs" bg="var(--mantine-color-gray-0)" data-testid="narrative-preview">
          <Text size="xs" c="dimmed" mb={4}>
            {t('field.quarterly.preview')}
          </Text>
          <RichText text={text} />
        </Paper>
      )}
      {report.reportId && report.status === 'draft' && (
        <Group gap="xs">
          <Button
            size="xs"
            variant="light"
            disabled={!changed}
            loading={save.isPending}
            onClick={() => send()}
          >
            {t('field.form.save')}
          </Button>
          {save.error && !stale.conflict && (
            <Text size="xs" c="red">
              {save.error instanceof ApiError && save.error.code === 'version_conflict'
                ? t('field.form.conflict')
                : errorMessage(save.error)}
            </Text>
          )}
        </Group>
      )}
      {stale.conflict && (
        <ConflictDialog
          opened
          mine={{ text: text.trim() ? text : null }}
          theirs={{ text: theirText || null }}
          fields={[{ key: 'text', label }]}
          busy={save.isPending}
          onReload={() => {
            setText(theirText);
            stale.clear();
            save.reset();
            void refresh();
          }}
          onKeepMine={() => {
            const version = stale.conflict!.current.report.version;
            stale.clear();
            send(version);
          }}
        />
      )}
    </Stack>
  );
}

/** A narrative as the documents print it: its paragraphs, `**figures**` in bold — React elements, no HTML. */
function RichText({ text }: { text: string }) {
  return (
    <Stack gap={6}>
      {paragraphs(text).map((p, i) => (
        <Text key={i} size="sm">
          {runsOf(p).map((run, j) => (run.bold ? <strong key={j}>{run.text}</strong> : run.text))}
        </Text>
      ))}
    </Stack>
  );
}

/** Which of the programme's donors the report names on its cover ("Partenaires financiers"): none ticked, all. */
function FundingPartners({
  report,
  donors,
}: {
  report: QuarterlyReport;
  donors: NonNullable<QuarterlyReport['programmeDonors']>;
}) {
  const t = useT();
  const locale = useLocale();
  const save = useSaveQuarterlyText(report.programme.slug, report.quarter);
  const errorMessage = useErrorMessage();
  const named = (report.fields.funding_partners ?? '')
    .split(/[,;\n]/)
    .map((c) => c.trim().toUpperCase())
    .filter(Boolean);
  const editable = !!report.reportId && report.status === 'draft';
  return (
    <Checkbox.Group
      label={t('field.quarterly.fundingPartners')}
      description={t('field.quarterly.fundingPartnersHint')}
      value={named}
      onChange={(codes) =>
        save.mutate({
          reportId: report.reportId!,
          version: report.version!,
          // in the programme's order
          changes: [
            {
              path: 'fields.funding_partners',
              value:
                donors
                  .filter((d) => codes.includes(d.code))
                  .map((d) => d.code)
                  .join(', ') || null,
            },
          ],
        })
      }
    >
      <Group gap="md" mt={4}>
        {donors.map((d) => (
          <Checkbox
            key={d.code}
            value={d.code}
            label={localize(d.name, locale)}
            disabled={!editable || save.isPending}
          />
        ))}
      </Group>
      {save.error && (
        <Text size="xs" c="red">
          {errorMessage(save.error)}
        </Text>
      )}
    </Checkbox.Group>
  );
}
