import '../dashboard/styles.js';
import {
  Alert,
  Anchor,
  Badge,
  Button,
  Fieldset,
  FileInput,
  Group,
  NativeSelect,
  SimpleGrid,
  Stack,
  Table,
  Text,
  Title,
} from '@mantine/core';
import { useDocumentTitle } from '@mantine/hooks';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { Link, useParams } from 'react-router';
import {
  activityKinds,
  ageGroups,
  countBases,
  participantCategories,
  sexes,
} from '../../../core/contracts/activity-vocabulary.js';
import type { ImportField, ImportMapping, ImportPreview } from '../../../core/contracts/activity-import.js';
import { ApiError } from '../../api/client.js';
import {
  commitImport,
  fieldKeys,
  importValues,
  lang,
  setImportMapping,
  uploadImport,
} from '../../api/field.js';
import { useProgramme } from '../../api/programmes.js';
import { useErrorMessage } from '../../components/query-state.js';
import { useLocale, useT } from '../../i18n/i18n.js';
import { formatNumber } from '../../../core/i18n/format.js';
import { organisationLabel } from '../../lib/organisation.js';

const mainFields = [
  'reference',
  'title',
  'kind',
  'startDate',
  'endDate',
  'organisation',
  'partner',
  'output',
  'workPlanActivity',
  'indicators',
  'places',
  'region',
  'cercle',
  'commune',
  'village',
  'category',
  'countBasis',
  'quantity',
  'quantityUnit',
  'description',
  'recordedBy',
  'total',
  'women',
  'men',
] as const;

/** `/programmes/:slug/import`: upload a spreadsheet, choose its columns, see every error, import all or nothing. */
export function ImportPage() {
  const t = useT();
  const locale = useLocale();
  const { slug = '' } = useParams();
  const client = useQueryClient();
  const errorMessage = useErrorMessage();
  const programme = useProgramme(slug);
  const code = programme.data?.code ?? '';
  useDocumentTitle(`${t('field.import.title', { code })} — ${t('app.name')}`);
  const [file, setFile] = useState<File | null>(null);
  const [preview, setPreview] = useState<ImportPreview | null>(null);
  const [mapping, setMapping] = useState<ImportMapping | null>(null);
  const [done, setDone] = useState<{ created: number; skipped: number; participants: number } | null>(null);

  const show = (p: ImportPreview) => {
    setPreview(p);
    setMapping(p.mapping);
    setDone(null);
  };
  const upload = useMutation({ mutationFn: () => uploadImport(slug, file!), onSuccess: show });
  const check = useMutation({
    mutationFn: () => setImportMapping(preview!.id, preview!.version, mapping!),
    onSuccess: show,
  });
  const commit = useMutation({
    mutationFn: () => commitImport(preview!.id, preview!.version),
    onSuccess: async (result) => {
      setDone(result);
      await client.invalidateQueries({ queryKey: fieldKeys.all });
    },
  });
  const error = upload.error ?? check.error ?? commit.error;
  const issues = error instanceof ApiError ? error.issues : [];

  const fieldLabel = (field: ImportField) => {
    if (field.includes('.')) {
      const [sex, age] = field.split('.') as [(typeof sexes)[number], (typeof ageGroups)[number]];
      return `${t(`field.sexes.${sex}`)} — ${t(`field.ages.${age}`)}`;
    }
    return t(`field.import.fields.${field as (typeof mainFields)[number]}`);
  };
  const columnOptions = [
    { value: '', label: t('field.import.unmapped') },
    ...(preview?.columns ?? []).map((c) => ({ value: c.header, label: `${c.letter} — ${c.header}` })),
  ];
  const setColumn = (field: ImportField, header: string) =>
    setMapping((m) => {
      if (!m) return m;
      const columns = { ...m.columns };
      if (header) columns[field] = header;
      else delete columns[field];
      return { ...m, columns };
    });
  const fieldSelect = (field: ImportField) => (
    <NativeSelect
      key={field}
      size="xs"
      label={fieldLabel(field)}
      value={mapping?.columns[field] ?? ''}
      data={columnOptions}
      onChange={(e) => setColumn(field, e.currentTarget.value)}
    />
  );

  return (
    <Stack gap="lg">
      <Anchor component={Link} to={`/programmes/${slug}/activities`} size="sm">
        ← {t('field.activity.back')}
      </Anchor>
      <Title order={1} fz={{ base: 'h3', sm: 'h2' }}>
        {t('field.import.title', { code })}
      </Title>
      <Text size="sm" maw="80ch">
        {t('field.import.intro')}{' '}
        <Anchor href={`/api/v1/programmes/${slug}/activity-template.xlsx?lang=${lang()}`}>
          {t('field.list.template')}
        </Anchor>
      </Text>
      <Group align="end">
        <FileInput
          label={t('field.import.file')}
          accept=".xlsx,.csv,text/csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
          value={file}
          onChange={setFile}
          w={360}
        />
        <Button disabled={!file} loading={upload.isPending} onClick={() => upload.mutate()}>
          {upload.isPending ? t('field.import.reading') : t('field.import.upload')}
        </Button>
      </Group>
      {error && (
        <Alert color="red" role="alert">
          {errorMessage(error)}
          {issues.length > 0 && (
            <ul style={{ margin: '4px 0 0', paddingLeft: 18 }}>
              {issues.slice(0, 50).map((i) => (
                <li key={`${i.path}${i.message}`}>
                  {i.path === 'body' ? '' : `${i.path.replace(/^rows\./, `${t('field.import.row')} `)} — `}
                  {i.message}
                </li>
              ))}
            </ul>
          )}
        </Alert>
      )}
      {done && (
        <Alert color="teal" role="status">
          {t('field.import.done', done)}{' '}
          <Anchor component={Link} to={`/programmes/${slug}/activities`}>
            {t('field.links.activities')}
          </Anchor>
        </Alert>
      )}
      {preview && mapping && (
        <>
          <Group gap="xs">
            <Badge variant="light" tt="none">
              {t('field.import.rows', { count: preview.rowCount })}
            </Badge>
            <Badge variant="light" color="teal" tt="none">
              {t('field.import.activities', { count: preview.activityCount })}
            </Badge>
            {preview.duplicateCount > 0 && (
              <Badge variant="light" color="gray" tt="none">
                {t('field.import.duplicates', { count: preview.duplicateCount })}
              </Badge>
            )}
            <Badge variant="light" color={preview.errorCount ? 'red' : 'teal'} tt="none">
              {t('field.import.errors', { count: preview.errorCount })}
            </Badge>
          </Group>
          {preview.guessed && <Text size="sm">{t('field.import.guessed')}</Text>}
          <Fieldset legend={t('field.import.mapping')}>
            <Text size="xs" c="dimmed" mb="xs">
              {t('field.import.mappingHint')}
            </Text>
            {preview.sheets.length > 1 && (
              <NativeSelect
                mb="sm"
                maw={300}
                label={t('field.import.sheet')}
                value={mapping.sheet ?? ''}
                data={preview.sheets}
                onChange={(e) => setMapping({ ...mapping, sheet: e.currentTarget.value })}
              />
            )}
            <SimpleGrid cols={{ base: 1, sm: 3, lg: 4 }} spacing="xs">
              {mainFields.map(fieldSelect)}
            </SimpleGrid>
            <SimpleGrid cols={{ base: 2, sm: 4 }} spacing="xs" mt="sm">
              {sexes.flatMap((s) => ageGroups.map((a) => fieldSelect(`${s}.${a}`)))}
            </SimpleGrid>
            <Title order={3} fz="h6" mt="md" mb="xs">
              {t('field.import.defaults')}
            </Title>
            <SimpleGrid cols={{ base: 1, sm: 4 }} spacing="xs">
              <NativeSelect
                size="xs"
                label={t('field.import.fields.organisation')}
                value={mapping.defaults.organisation ?? ''}
                data={[
                  { value: '', label: t('field.import.unmapped') },
                  ...(programme.data?.recipients ?? []).map((r) => ({
                    value: r.organisation.code,
                    label: organisationLabel(r.organisation, locale),
                  })),
                ]}
                onChange={(e) =>
                  setMapping({
                    ...mapping,
                    defaults: { ...mapping.defaults, organisation: e.currentTarget.value || undefined },
                  })
                }
              />
              <NativeSelect
                size="xs"
                label={t('field.import.fields.kind')}
                value={mapping.defaults.kind ?? ''}
                data={[
                  { value: '', label: t('field.import.unmapped') },
                  ...activityKinds.map((k) => ({ value: k, label: t(`field.kinds.${k}`) })),
                ]}
                onChange={(e) =>
                  setMapping({
                    ...mapping,
                    defaults: {
                      ...mapping.defaults,
                      kind: (e.currentTarget.value || undefined) as ImportMapping['defaults']['kind'],
                    },
                  })
                }
              />
              <NativeSelect
                size="xs"
                label={t('field.import.fields.category')}
                value={mapping.defaults.category ?? ''}
                data={[
                  { value: '', label: t('field.import.unmapped') },
                  ...participantCategories.map((c) => ({ value: c, label: t(`field.categories.${c}`) })),
                ]}
                onChange={(e) =>
                  setMapping({
                    ...mapping,
                    defaults: {
                      ...mapping.defaults,
                      category: (e.currentTarget.value || undefined) as ImportMapping['defaults']['category'],
                    },
                  })
                }
              />
              <NativeSelect
                size="xs"
                label={t('field.import.fields.countBasis')}
                value={mapping.defaults.countBasis ?? ''}
                data={[
                  { value: '', label: t('field.import.unmapped') },
                  ...countBases.map((b) => ({ value: b, label: t(`field.countBasis.${b}`) })),
                ]}
                onChange={(e) =>
                  setMapping({
                    ...mapping,
                    defaults: {
                      ...mapping.defaults,
                      countBasis: (e.currentTarget.value ||
                        undefined) as ImportMapping['defaults']['countBasis'],
                    },
                  })
                }
              />
            </SimpleGrid>
            <Button mt="md" variant="light" loading={check.isPending} onClick={() => check.mutate()}>
              {t('field.import.preview')}
            </Button>
          </Fieldset>

          {preview.errorCount > 0 ? (
            <section aria-labelledby="errors-title">
              <Title order={2} fz="h4" id="errors-title" mb="xs">
                {t('field.import.errorsTitle')}
              </Title>
              <Table.ScrollContainer minWidth={640} mah={420}>
                <Table striped withTableBorder stickyHeader>
                  <Table.Thead>
                    <Table.Tr>
                      <Table.Th>{t('field.import.row')}</Table.Th>
                      <Table.Th>{t('field.import.column')}</Table.Th>
                      <Table.Th>{t('field.import.message')}</Table.Th>
                    </Table.Tr>
                  </Table.Thead>
                  <Table.Tbody>
                    {preview.errors.map((e, i) => (
                      <Table.Tr key={i}>
                        <Table.Td className="num">{e.row}</Table.Td>
                        <Table.Td>{e.column ?? '—'}</Table.Td>
                        <Table.Td>{e.message}</Table.Td>
                      </Table.Tr>
                    ))}
                  </Table.Tbody>
                </Table>
              </Table.ScrollContainer>
            </section>
          ) : (
            <Alert color="teal" variant="light">
              {t('field.import.noErrors')}
            </Alert>
          )}

          {preview.sample.length > 0 && (
            <section aria-labelledby="sample-title">
              <Title order={2} fz="h4" id="sample-title" mb="xs">
                {t('field.import.sample')}
              </Title>
              <Table.ScrollContainer minWidth={760}>
                <Table striped withTableBorder>
                  <Table.Thead>
                    <Table.Tr>
                      <Table.Th>{t('field.import.row')}</Table.Th>
                      <Table.Th>{t('field.list.date')}</Table.Th>
                      <Table.Th>{t('field.list.activity')}</Table.Th>
                      <Table.Th>{t('field.list.organisation')}</Table.Th>
                      <Table.Th>{t('field.list.places')}</Table.Th>
                      <Table.Th className="num">{t('field.list.participants')}</Table.Th>
                    </Table.Tr>
                  </Table.Thead>
                  <Table.Tbody>
                    {preview.sample.map((a) => (
                      <Table.Tr key={a.rows.join(',')}>
                        <Table.Td>{a.rows.join(', ')}</Table.Td>
                        <Table.Td className="tabular">{a.startDate}</Table.Td>
                        <Table.Td>
                          {a.title}
                          <Text size="xs" c="dimmed">
                            {t(`field.kinds.${a.kind}`)}
                          </Text>
                        </Table.Td>
                        <Table.Td>{a.organisation}</Table.Td>
                        <Table.Td>{a.places.map((p) => p.name).join(', ')}</Table.Td>
                        <Table.Td className="num">{formatNumber(a.total, locale)}</Table.Td>
                      </Table.Tr>
                    ))}
                  </Table.Tbody>
                </Table>
              </Table.ScrollContainer>
            </section>
          )}
          <Group>
            <Button
              color="teal"
              disabled={
                preview.errorCount > 0 ||
                preview.activityCount === 0 ||
                preview.status === 'committed' ||
                Boolean(done)
              }
              loading={commit.isPending}
              onClick={() => commit.mutate()}
            >
              {commit.isPending
                ? t('field.import.committing')
                : t('field.import.commit', { count: preview.activityCount })}
            </Button>
          </Group>
        </>
      )}
      <ValuesImport slug={slug} />
    </Stack>
  );
}

/** Indicator values from a spreadsheet: checked, then all written or none, each with its file and row. */
function ValuesImport({ slug }: { slug: string }) {
  const t = useT();
  const client = useQueryClient();
  const errorMessage = useErrorMessage();
  const [file, setFile] = useState<File | null>(null);
  const run = useMutation({
    mutationFn: (dryRun: boolean) => importValues(slug, file!, dryRun),
    onSuccess: (r) => {
      if (!r.dryRun) void client.invalidateQueries({ queryKey: fieldKeys.all });
    },
  });
  const r = run.data;
  return (
    <Fieldset legend={t('field.values.title')}>
      <Text size="sm" mb="xs">
        {t('field.values.intro')}
      </Text>
      <Group align="end">
        <FileInput
          label={t('field.import.file')}
          accept=".xlsx,.csv"
          value={file}
          onChange={setFile}
          w={360}
        />
        <Button variant="light" disabled={!file} loading={run.isPending} onClick={() => run.mutate(true)}>
          {t('field.import.preview')}
        </Button>
        <Button
          color="teal"
          disabled={!file || !r || r.errorCount > 0 || !r.dryRun}
          loading={run.isPending}
          onClick={() => run.mutate(false)}
        >
          {t('field.values.commit')}
        </Button>
      </Group>
      {run.error && (
        <Alert color="red" mt="sm">
          {errorMessage(run.error)}
          {run.error instanceof ApiError &&
            run.error.issues.map((i) => <div key={i.message}>{i.message}</div>)}
        </Alert>
      )}
      {r && (
        <Alert color={r.errorCount ? 'red' : 'teal'} variant="light" mt="sm">
          {r.errorCount
            ? t('field.import.errors', { count: r.errorCount })
            : r.dryRun
              ? t('field.import.noErrors')
              : t('field.values.done', { count: r.created })}
          {r.errors.length > 0 && (
            <ul style={{ margin: '4px 0 0', paddingLeft: 18 }}>
              {r.errors.slice(0, 100).map((e, i) => (
                <li key={i}>
                  {t('field.import.row')} {e.row}
                  {e.column ? `, ${e.column}` : ''} — {e.message}
                </li>
              ))}
            </ul>
          )}
        </Alert>
      )}
    </Fieldset>
  );
}
