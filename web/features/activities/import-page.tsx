import '../dashboard/styles.js';
import {
  Anchor,
  Badge,
  Button,
  Group,
  NativeSelect,
  SimpleGrid,
  Stack,
  Table,
  Text,
  Title,
} from '@mantine/core';
import { useDocumentTitle } from '@mantine/hooks';
import { Link, useParams } from 'react-router';
import {
  activityKinds,
  ageGroups,
  countBases,
  participantCategories,
  sexes,
} from '../../../core/contracts/activity-vocabulary.js';
import type {
  ImportCommitResult,
  ImportField,
  ImportMapping,
  ImportPreview,
  ValueImportResult,
} from '../../../core/contracts/activity-import.js';
import type { FileImport } from '../../../core/contracts/imports.js';
import { fieldKeys, lang } from '../../api/field.js';
import { useProgramme } from '../../api/programmes.js';
import { ImportFlow, type MappingEditorProps } from '../../components/import-flow/import-flow.js';
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

const spreadsheets = '.xlsx,.csv,text/csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
const activityPreview = (file: FileImport) => file.detail as ImportPreview;

/** The columns of an activity spreadsheet: the sheet, the column of each field, the defaults for the rest. */
function ActivityMapping({ slug, file, mapping, onChange }: MappingEditorProps & { slug: string }) {
  const t = useT();
  const locale = useLocale();
  const programme = useProgramme(slug);
  const preview = activityPreview(file);
  const fieldLabel = (field: ImportField) => {
    if (field.includes('.')) {
      const [sex, age] = field.split('.') as [(typeof sexes)[number], (typeof ageGroups)[number]];
      return `${t(`field.sexes.${sex}`)} — ${t(`field.ages.${age}`)}`;
    }
    return t(`field.import.fields.${field as (typeof mainFields)[number]}`);
  };
  const columnOptions = [
    { value: '', label: t('field.import.unmapped') },
    ...preview.columns.map((c) => ({ value: c.header, label: `${c.letter} — ${c.header}` })),
  ];
  const setColumn = (field: ImportField, header: string) => {
    const columns = { ...mapping.columns };
    if (header) columns[field] = header;
    else delete columns[field];
    onChange({ ...mapping, columns });
  };
  const setDefault = <K extends keyof ImportMapping['defaults']>(key: K, value: string) =>
    onChange({
      ...mapping,
      defaults: { ...mapping.defaults, [key]: (value || undefined) as ImportMapping['defaults'][K] },
    });
  const fieldSelect = (field: ImportField) => (
    <NativeSelect
      key={field}
      size="xs"
      label={fieldLabel(field)}
      value={mapping.columns[field] ?? ''}
      data={columnOptions}
      onChange={(e) => setColumn(field, e.currentTarget.value)}
    />
  );
  const none = { value: '', label: t('field.import.unmapped') };
  // an export of Jalon's own XLSForm: its columns are known, there is nothing to choose
  if (mapping.form)
    return (
      <Text size="sm" data-testid="import-form-recognised">
        {t('field.import.formRecognised', { version: mapping.form.version || '?' })}
      </Text>
    );
  return (
    <Stack gap="xs" component="fieldset" style={{ border: 0, padding: 0, margin: 0 }}>
      <Title order={3} fz="h5" component="legend">
        {t('field.import.mapping')}
      </Title>
      {preview.guessed && <Text size="sm">{t('field.import.guessed')}</Text>}
      {preview.sheets.length > 1 && (
        <NativeSelect
          maw={300}
          label={t('field.import.sheet')}
          value={mapping.sheet ?? ''}
          data={preview.sheets}
          onChange={(e) => onChange({ ...mapping, sheet: e.currentTarget.value })}
        />
      )}
      <SimpleGrid cols={{ base: 1, xs: 2, sm: 3, lg: 4 }} spacing="xs">
        {mainFields.map(fieldSelect)}
      </SimpleGrid>
      <SimpleGrid cols={{ base: 2, sm: 4 }} spacing="xs">
        {sexes.flatMap((s) => ageGroups.map((a) => fieldSelect(`${s}.${a}`)))}
      </SimpleGrid>
      <Title order={4} fz="h6" mt="xs">
        {t('field.import.defaults')}
      </Title>
      <SimpleGrid cols={{ base: 1, xs: 2, sm: 4 }} spacing="xs">
        <NativeSelect
          size="xs"
          label={t('field.import.fields.organisation')}
          value={mapping.defaults.organisation ?? ''}
          data={[
            none,
            ...(programme.data?.recipients ?? []).map((r) => ({
              value: r.organisation.code,
              label: organisationLabel(r.organisation, locale),
            })),
          ]}
          onChange={(e) => setDefault('organisation', e.currentTarget.value)}
        />
        <NativeSelect
          size="xs"
          label={t('field.import.fields.kind')}
          value={mapping.defaults.kind ?? ''}
          data={[none, ...activityKinds.map((k) => ({ value: k, label: t(`field.kinds.${k}`) }))]}
          onChange={(e) => setDefault('kind', e.currentTarget.value)}
        />
        <NativeSelect
          size="xs"
          label={t('field.import.fields.category')}
          value={mapping.defaults.category ?? ''}
          data={[
            none,
            ...participantCategories.map((c) => ({ value: c, label: t(`field.categories.${c}`) })),
          ]}
          onChange={(e) => setDefault('category', e.currentTarget.value)}
        />
        <NativeSelect
          size="xs"
          label={t('field.import.fields.countBasis')}
          value={mapping.defaults.countBasis ?? ''}
          data={[none, ...countBases.map((b) => ({ value: b, label: t(`field.countBasis.${b}`) }))]}
          onChange={(e) => setDefault('countBasis', e.currentTarget.value)}
        />
      </SimpleGrid>
    </Stack>
  );
}

/** What an activity file holds: its activities (a sample), and the rows already imported. */
function ActivitySample({ file }: { file: FileImport }) {
  const t = useT();
  const locale = useLocale();
  const preview = activityPreview(file);
  return (
    <Stack gap="xs">
      <Group gap="xs">
        <Badge variant="light" color="teal" tt="none">
          {t('field.import.activities', { count: preview.activityCount })}
        </Badge>
        {preview.duplicateCount > 0 && (
          <Badge variant="light" color="gray" tt="none">
            {t('field.import.duplicates', { count: preview.duplicateCount })}
          </Badge>
        )}
      </Group>
      {preview.sample.length > 0 && (
        <section aria-labelledby="sample-title">
          <Title order={3} fz="h5" id="sample-title" mb="xs">
            {t('field.import.sample')}
          </Title>
          <Table.ScrollContainer minWidth={640}>
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
    </Stack>
  );
}

/**
 * `/programmes/:slug/import`: field activities from a spreadsheet (its columns chosen, every error by row and
 * column, all or nothing), and indicator values — both through the one import flow.
 */
export function ImportPage() {
  const t = useT();
  const { slug = '' } = useParams();
  const programme = useProgramme(slug);
  const code = programme.data?.code ?? '';
  useDocumentTitle(`${t('field.import.title', { code })} — ${t('app.name')}`);
  const reloads = [fieldKeys.all];

  return (
    <Stack gap="xl">
      <Anchor component={Link} to={`/programmes/${slug}/activities`} size="sm">
        ← {t('field.activity.back')}
      </Anchor>
      <Title order={1} fz={{ base: 'h3', sm: 'h2' }}>
        {t('field.import.title', { code })}
      </Title>
      <ImportFlow
        kind="activities"
        slug={slug}
        accept={spreadsheets}
        testId="import-activities"
        intro={
          <Stack gap="xs">
            <Text size="sm" maw="80ch">
              {t('field.import.intro')}{' '}
              <Anchor href={`/api/v1/programmes/${slug}/activity-template.xlsx?lang=${lang()}`}>
                {t('field.list.template')}
              </Anchor>
            </Text>
            <Group gap="sm" align="center" wrap="wrap">
              <Button
                component="a"
                href={`/api/v1/programmes/${slug}/xlsform?lang=${lang()}`}
                variant="light"
                size="xs"
                data-testid="download-xlsform"
              >
                {t('field.import.xlsform')}
              </Button>
              <Text size="xs" c="dimmed" maw="70ch">
                {t('field.import.xlsformIntro')}
              </Text>
            </Group>
          </Stack>
        }
        reloads={reloads}
        mappingEditor={(props) => <ActivityMapping slug={slug} {...props} />}
        detail={(file) => <ActivitySample file={file} />}
        confirmLabel={(file) => t('field.import.commit', { count: file.itemCount })}
        result={(r) => (
          <Text size="sm">
            {t('field.import.done', r.result as ImportCommitResult)}{' '}
            <Anchor component={Link} to={`/programmes/${slug}/activities`}>
              {t('field.links.activities')}
            </Anchor>
          </Text>
        )}
      />
      <ImportFlow
        kind="indicator-values"
        slug={slug}
        accept={spreadsheets}
        testId="import-values"
        title={t('field.values.title')}
        intro={
          <Text size="sm" maw="80ch">
            {t('field.values.intro')}
          </Text>
        }
        reloads={reloads}
        confirmLabel={() => t('field.values.commit')}
        result={(r) => (
          <Text size="sm">{t('field.values.done', { count: (r.result as ValueImportResult).created })}</Text>
        )}
      />
    </Stack>
  );
}
