import '../dashboard/styles.js';
import {
  Alert,
  Anchor,
  Badge,
  Button,
  FileInput,
  Group,
  NativeSelect,
  Paper,
  Stack,
  Table,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import { useDocumentTitle } from '@mantine/hooks';
import { useQuery } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { Link, useNavigate, useParams } from 'react-router';
import { ageGroups, sexes } from '../../../core/contracts/activity-vocabulary.js';
import type { ActivityDetail } from '../../../core/contracts/activities.js';
import { localize } from '../../../core/i18n/locale.js';
import {
  activityQuery,
  useDeleteActivity,
  useDeleteAttachment,
  useUploadAttachment,
} from '../../api/field.js';
import { ErrorState, Loading, useErrorMessage } from '../../components/query-state.js';
import { useLocale, useT } from '../../i18n/i18n.js';
import { AuditPanel } from '../audit/audit-panel.js';
import { formatDate, formatNumber, formatPeriod } from '../../../core/i18n/format.js';
import { organisationLabel } from '../../lib/organisation.js';
import { DateField } from '../../components/date-field.js';

/** `/activities/:id`: an activity with its participants, photos and documents, and where it came from. */
export function ActivityPage() {
  const t = useT();
  const locale = useLocale();
  const navigate = useNavigate();
  const errorMessage = useErrorMessage();
  const { id = '' } = useParams();
  const query = useQuery(activityQuery(id));
  const remove = useDeleteActivity();
  useDocumentTitle(`${query.data ? localize(query.data.title, locale) : ''} — ${t('app.name')}`);
  if (query.isPending) return <Loading />;
  if (query.isError) return <ErrorState error={query.error} onRetry={() => void query.refetch()} />;
  const a = query.data;
  const fmt = (n: number) => formatNumber(n, locale);
  const dates =
    a.endDate && a.endDate !== a.startDate
      ? formatPeriod(a.startDate, a.endDate, locale)
      : formatDate(a.startDate, locale);
  return (
    <Stack gap="lg">
      <Anchor component={Link} to={`/programmes/${a.programme.slug}/activities`} size="sm">
        ← {t('field.activity.back')}
      </Anchor>
      <Group justify="space-between" align="start">
        <Stack gap={4} maw="80ch">
          <Group gap="xs">
            <Badge variant="light" tt="none">
              {t(`field.kinds.${a.kind}`)}
            </Badge>
            <Text size="sm" c="dimmed">
              {a.programme.code}
            </Text>
          </Group>
          <Title order={1} fz={{ base: 'h4', sm: 'h3' }}>
            {localize(a.title, locale)}
          </Title>
        </Stack>
        {/* offered to those the server lets change it: its agency's recorders, the coordinator */}
        {a.can.edit && (
          <Group gap="xs">
            <Button component={Link} to={`/activities/${a.id}/edit`} variant="light">
              {t('field.activity.edit')}
            </Button>
            <Button
              variant="subtle"
              color="red"
              loading={remove.isPending}
              onClick={() => {
                if (window.confirm(t('field.activity.confirmDelete')))
                  remove.mutate(id, {
                    onSuccess: () => void navigate(`/programmes/${query.data?.programme.slug}/activities`),
                  });
              }}
            >
              {t('field.activity.delete')}
            </Button>
          </Group>
        )}
      </Group>
      {remove.error && <Alert color="red">{errorMessage(remove.error)}</Alert>}
      <dl className="facts">
        <div>
          <dt>{t('field.activity.dates')}</dt>
          <dd>{dates}</dd>
        </div>
        <div>
          <dt>{t('field.activity.organisation')}</dt>
          <dd>{organisationLabel(a.organisation, locale)}</dd>
        </div>
        <div>
          <dt>{t('field.activity.partner')}</dt>
          <dd>{a.partner ?? '—'}</dd>
        </div>
        <div>
          <dt>{t('field.activity.output')}</dt>
          <dd>{a.output ?? '—'}</dd>
        </div>
        {a.workPlanActivity && (
          <div>
            <dt>{t('field.activity.workPlanActivity')}</dt>
            <dd>
              <Anchor
                component={Link}
                to={`/programmes/${a.programme.slug}/finance?tab=workplan`}
                data-testid="activity-work-plan"
              >
                {a.workPlanActivity.code} — {localize(a.workPlanActivity.title, locale)}
              </Anchor>
            </dd>
          </div>
        )}
        <div>
          <dt>{t('field.activity.indicators')}</dt>
          <dd>{a.indicators.join(', ') || '—'}</dd>
        </div>
        {a.quantity !== null && (
          <div>
            <dt>{t('field.activity.quantity')}</dt>
            <dd>
              {fmt(a.quantity)} {a.quantityUnit ?? ''}
            </dd>
          </div>
        )}
        <div className="facts-wide">
          <dt>{t('field.activity.places')}</dt>
          <dd>
            {a.places.length
              ? a.places
                  .map(
                    (p) =>
                      `${p.area.name} (${t(`field.levels.${p.area.level}`)}${p.cercle ? `, ${p.cercle.name}` : ''}${p.region ? `, ${p.region.name}` : ''})${p.note ? ` — ${p.note}` : ''}`,
                  )
                  .join(' ; ')
              : '—'}
          </dd>
        </div>
        {a.description && (
          <div className="facts-wide">
            <dt>{t('field.activity.description')}</dt>
            <dd style={{ whiteSpace: 'pre-line' }}>{a.description}</dd>
          </div>
        )}
        <div className="facts-wide">
          <dt>{t('field.activity.source')}</dt>
          <dd>
            {a.source.kind === 'imported'
              ? t('field.activity.imported', { file: a.source.fileName ?? '?', row: a.source.row ?? '?' })
              : a.source.recordedBy
                ? t('field.activity.entered', { name: a.source.recordedBy })
                : t('field.activity.enteredAnonymous')}
          </dd>
        </div>
      </dl>
      <Participants activity={a} />
      <Attachments activity={a} />
      <AuditPanel programme={a.programme.slug} entity="activities" id={a.id} />
    </Stack>
  );
}

function Participants({ activity: a }: { activity: ActivityDetail }) {
  const t = useT();
  const locale = useLocale();
  const fmt = (n: number) => formatNumber(n, locale);
  const rows = [...new Set(a.participants.map((p) => `${p.category}|${p.area?.code ?? ''}`))];
  return (
    <section aria-labelledby="participants-title">
      <Title order={2} fz="h4" id="participants-title" mb={4}>
        {t('field.activity.participants')} — {fmt(a.totals.total)}
      </Title>
      <Text size="xs" c="dimmed" mb="xs">
        {t(`field.countBasis.${a.countBasis}`)}
      </Text>
      {a.participants.length === 0 ? (
        <Text c="dimmed" size="sm">
          {t('field.activity.noParticipants')}
        </Text>
      ) : (
        <Table.ScrollContainer minWidth={900}>
          <Table withTableBorder striped className="participants-grid">
            <Table.Thead>
              <Table.Tr>
                <Table.Th rowSpan={2} style={{ textAlign: 'left' }}>
                  {t('field.activity.category')}
                </Table.Th>
                {sexes.map((s) => (
                  <Table.Th key={s} colSpan={ageGroups.length}>
                    {t(`field.sexes.${s}`)}
                  </Table.Th>
                ))}
                <Table.Th rowSpan={2}>{t('field.activity.total')}</Table.Th>
              </Table.Tr>
              <Table.Tr>
                {sexes.flatMap((s) =>
                  ageGroups.map((g) => <Table.Th key={`${s}-${g}`}>{t(`field.agesShort.${g}`)}</Table.Th>),
                )}
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {rows.map((key) => {
                const [category, area] = key.split('|');
                const cells = a.participants.filter(
                  (p) => p.category === category && (p.area?.code ?? '') === area,
                );
                const areaName = cells[0]?.area?.name;
                return (
                  <Table.Tr key={key}>
                    <Table.Td>
                      {t(
                        `field.categories.${category as ActivityDetail['participants'][number]['category']}`,
                      )}
                      {areaName ? ` — ${areaName}` : ''}
                    </Table.Td>
                    {sexes.flatMap((s) =>
                      ageGroups.map((g) => {
                        const n = cells.find((c) => c.sex === s && c.ageGroup === g)?.count;
                        return (
                          <Table.Td key={`${s}-${g}`} className="num">
                            {n ? fmt(n) : ''}
                          </Table.Td>
                        );
                      }),
                    )}
                    <Table.Td className="num" fw={700}>
                      {fmt(cells.reduce((sum, c) => sum + c.count, 0))}
                    </Table.Td>
                  </Table.Tr>
                );
              })}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
    </section>
  );
}

function Attachments({ activity }: { activity: ActivityDetail }) {
  const t = useT();
  const locale = useLocale();
  const errorMessage = useErrorMessage();
  const [file, setFile] = useState<File | null>(null);
  const [meta, setMeta] = useState({
    kind: 'photo' as 'photo' | 'document',
    captionFr: '',
    captionEn: '',
    credit: '',
    takenOn: '',
  });
  const upload = useUploadAttachment(activity.id);
  const remove = useDeleteAttachment(activity.id);
  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (file)
      upload.mutate(
        { file, meta },
        {
          onSuccess: () => {
            setFile(null);
            setMeta({ ...meta, captionFr: '', captionEn: '', takenOn: '' });
          },
        },
      );
  };
  const photos = activity.attachments.filter((x) => x.kind === 'photo');
  const documents = activity.attachments.filter((x) => x.kind === 'document');
  return (
    <section aria-labelledby="attachments-title">
      <Title order={2} fz="h4" id="attachments-title" mb="xs">
        {t('field.attachments.title')}
      </Title>
      {activity.attachments.length === 0 && (
        <Text c="dimmed" size="sm">
          {t('field.attachments.empty')}
        </Text>
      )}
      {photos.length > 0 && (
        <div className="photo-grid">
          {photos.map((p) => (
            <figure key={p.id}>
              <a href={p.url} target="_blank" rel="noreferrer">
                <img src={p.url} alt={p.caption ? localize(p.caption, locale) : p.fileName} loading="lazy" />
              </a>
              <figcaption>
                {p.caption ? localize(p.caption, locale) : p.fileName}
                {p.credit && <div style={{ color: 'var(--mantine-color-dimmed)' }}>{p.credit}</div>}
                {activity.can.edit && (
                  <Button size="compact-xs" variant="subtle" color="red" onClick={() => remove.mutate(p.id)}>
                    {t('field.attachments.delete')}
                  </Button>
                )}
              </figcaption>
            </figure>
          ))}
        </div>
      )}
      {documents.length > 0 && (
        <Stack gap={4} mt="sm">
          {documents.map((d) => (
            <Group key={d.id} gap="xs">
              <Anchor href={d.url}>{d.fileName}</Anchor>
              <Text size="xs" c="dimmed">
                {formatNumber(Math.round(d.size / 1024), locale)} Ko
                {d.caption ? ` — ${localize(d.caption, locale)}` : ''}
              </Text>
              {activity.can.edit && (
                <Button size="compact-xs" variant="subtle" color="red" onClick={() => remove.mutate(d.id)}>
                  {t('field.attachments.delete')}
                </Button>
              )}
            </Group>
          ))}
        </Stack>
      )}
      {activity.can.edit && (
        <Paper withBorder p="md" mt="md" maw={720} component="form" onSubmit={submit}>
          <Title order={3} fz="h5" mb="xs">
            {t('field.attachments.add')}
          </Title>
          {(upload.error || remove.error) && (
            <Alert color="red" mb="sm">
              {errorMessage(upload.error ?? remove.error)}
              {(upload.error as { issues?: { message: string }[] } | null)?.issues?.map((i) => (
                <div key={i.message}>{i.message}</div>
              ))}
            </Alert>
          )}
          <Group grow align="start">
            <NativeSelect
              label={t('field.attachments.kind')}
              value={meta.kind}
              data={[
                { value: 'photo', label: t('field.attachments.photo') },
                { value: 'document', label: t('field.attachments.document') },
              ]}
              onChange={(e) => setMeta({ ...meta, kind: e.currentTarget.value as 'photo' | 'document' })}
            />
            <FileInput
              label={t('field.attachments.file')}
              required
              value={file}
              onChange={setFile}
              accept={
                meta.kind === 'photo'
                  ? 'image/jpeg,image/png,image/webp'
                  : 'application/pdf,.docx,.xlsx,image/jpeg,image/png'
              }
            />
          </Group>
          <TextInput
            mt="xs"
            label={t('field.attachments.caption')}
            value={meta.captionFr}
            onChange={(e) => setMeta({ ...meta, captionFr: e.currentTarget.value })}
          />
          <TextInput
            mt="xs"
            label={t('field.attachments.captionEn')}
            value={meta.captionEn}
            onChange={(e) => setMeta({ ...meta, captionEn: e.currentTarget.value })}
          />
          <Group grow mt="xs">
            <TextInput
              label={t('field.attachments.credit')}
              placeholder="© PNUD Mali"
              value={meta.credit}
              onChange={(e) => setMeta({ ...meta, credit: e.currentTarget.value })}
            />
            <DateField
              label={t('field.attachments.takenOn')}
              value={meta.takenOn}
              onChange={(iso) => setMeta({ ...meta, takenOn: iso })}
            />
          </Group>
          <Button type="submit" mt="sm" loading={upload.isPending} disabled={!file}>
            {upload.isPending ? t('field.attachments.uploading') : t('field.attachments.upload')}
          </Button>
        </Paper>
      )}
    </section>
  );
}
