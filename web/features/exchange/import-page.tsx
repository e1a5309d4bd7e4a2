import {
  Alert,
  Anchor,
  Badge,
  Button,
  FileInput,
  Group,
  SegmentedControl,
  Select,
  SimpleGrid,
  Stack,
  Table,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import { useDocumentTitle } from '@mantine/hooks';
import { useMemo, useState } from 'react';
import { Link } from 'react-router';
import type {
  ImportIssue,
  ImportPreview,
  ImportRequest,
  ImportResult,
} from '../../../core/contracts/exchange.js';
import { localize } from '../../../core/i18n/locale.js';
import { ApiError } from '../../api/client.js';
import { fileToBase64, maxImportBytes, usePreviewImport, useRunImport } from '../../api/exchange.js';
import { useProgrammes } from '../../api/programmes.js';
import { useSession } from '../../api/session.js';
import { useErrorMessage } from '../../components/query-state.js';
import { useLocale, useT } from '../../i18n/i18n.js';

const severityColor: Record<ImportIssue['severity'], string> = {
  error: 'red',
  unmapped: 'orange',
  note: 'blue',
};
const severityKeys = {
  error: { title: 'severityError', hint: 'hintError' },
  unmapped: { title: 'severityUnmapped', hint: 'hintUnmapped' },
  note: { title: 'severityNote', hint: 'hintNote' },
} as const;
const today = () => new Date().toISOString().slice(0, 10);

/** The findings of one severity: where in the file, and what. */
function IssueTable({ issues, severity }: { issues: ImportIssue[]; severity: ImportIssue['severity'] }) {
  const t = useT();
  const list = issues.filter((i) => i.severity === severity);
  if (list.length === 0) return null;
  return (
    <Stack gap={4} data-testid={`issues-${severity}`}>
      <Group gap="xs">
        <Title order={3} fz="h5">
          {t(`exchange.import.${severityKeys[severity].title}`)}
        </Title>
        <Badge color={severityColor[severity]} variant="light">
          {list.length}
        </Badge>
        <Text size="sm" c="dimmed">
          {t(`exchange.import.${severityKeys[severity].hint}`)}
        </Text>
      </Group>
      <Table.ScrollContainer minWidth={600}>
        <Table striped withTableBorder verticalSpacing={4} fz="sm">
          <Table.Thead>
            <Table.Tr>
              <Table.Th w="35%">{t('exchange.import.where')}</Table.Th>
              <Table.Th>{t('exchange.import.what')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {list.map((issue, i) => (
              <Table.Tr key={i}>
                <Table.Td style={{ wordBreak: 'break-word' }}>
                  {issue.where}
                  {issue.count && issue.count > 1 ? (
                    <Text span c="dimmed" size="xs">
                      {' '}
                      ({t('exchange.import.times', { count: issue.count })})
                    </Text>
                  ) : null}
                </Table.Td>
                <Table.Td>{issue.message}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
    </Stack>
  );
}

/** The programmes a file creates (or created), with their framework and the organisations named. */
function ProgrammesTable({ preview, done }: { preview: ImportPreview; done: ImportResult | undefined }) {
  const t = useT();
  const locale = useLocale();
  return (
    <Stack gap={4}>
      <Title order={3} fz="h5">
        {done ? t('exchange.import.created') : t('exchange.import.programmes')}
      </Title>
      <Table.ScrollContainer minWidth={700}>
        <Table withTableBorder verticalSpacing={6} fz="sm" data-testid="import-programmes">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('exchange.import.code')}</Table.Th>
              <Table.Th>{t('exchange.import.programmeTitle')}</Table.Th>
              <Table.Th>{t('exchange.import.action')}</Table.Th>
              <Table.Th>{t('exchange.import.framework')}</Table.Th>
              <Table.Th ta="right">{t('exchange.import.values')}</Table.Th>
              <Table.Th>{t('exchange.import.organisations')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {preview.programmes.map((p) => {
              const created = done?.created.find((c) => c.code === p.code);
              return (
                <Table.Tr key={`${p.source}-${p.code}`}>
                  <Table.Td style={{ whiteSpace: 'nowrap' }}>
                    {created ? (
                      <Anchor
                        component={Link}
                        to={`/programmes/${created.slug}${created.frameworkVersion && p.action === 'new_version' ? `?version=${created.frameworkVersion}` : ''}`}
                      >
                        {p.code}
                      </Anchor>
                    ) : (
                      p.code
                    )}
                    {p.exists && p.action === 'create' && (
                      <Badge color="red" variant="light" ml={6} size="sm">
                        {t('exchange.import.exists')}
                      </Badge>
                    )}
                  </Table.Td>
                  <Table.Td>{localize(p.title, locale)}</Table.Td>
                  <Table.Td style={{ whiteSpace: 'nowrap' }}>
                    {p.action === 'create'
                      ? t('exchange.import.create')
                      : t('exchange.import.newVersion', { version: p.frameworkVersion?.version })}
                  </Table.Td>
                  <Table.Td>
                    {p.frameworkVersion
                      ? t('exchange.import.counts', {
                          outcomes: p.frameworkVersion.outcomes,
                          outputs: p.frameworkVersion.outputs,
                          indicators: p.frameworkVersion.indicators,
                        })
                      : t('exchange.import.noFramework')}
                  </Table.Td>
                  <Table.Td ta="right">{p.values}</Table.Td>
                  <Table.Td>
                    <Stack gap={0}>
                      {p.recipients.length > 0 && (
                        <Text size="xs">
                          {t('exchange.import.recipients', { list: p.recipients.join(', ') })}
                        </Text>
                      )}
                      {p.donors.length > 0 && (
                        <Text size="xs">{t('exchange.import.donors', { list: p.donors.join(', ') })}</Text>
                      )}
                    </Stack>
                  </Table.Td>
                </Table.Tr>
              );
            })}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
    </Stack>
  );
}

/**
 * `/import`: choose an IATI file or a framework workbook, and where it goes; see what it would create and what
 * it cannot take; then confirm. Nothing is written before the confirmation.
 */
export function ImportPage() {
  const t = useT();
  const locale = useLocale();
  const errorMessage = useErrorMessage();
  useDocumentTitle(`${t('exchange.import.title')} — ${t('app.name')}`);
  const programmes = useProgrammes();
  const user = useSession().data?.user ?? null;
  // administrators create programmes; a coordinator imports a new framework version of their own programmes
  const isAdmin = user?.role === 'admin';
  const coordinated = new Set(
    (user?.memberships ?? []).filter((m) => m.role === 'coordinator').map((m) => m.programme.slug),
  );
  const [file, setFile] = useState<File | null>(null);
  type Kind = 'new_programmes' | 'new_version';
  // until the person chooses: what their role allows first (the session may arrive after the first render)
  const [chosenKind, setKind] = useState<Kind | null>(null);
  const kind: Kind = chosenKind ?? (isAdmin ? 'new_programmes' : 'new_version');
  const [programme, setProgramme] = useState<string | null>(null);
  const [label, setLabel] = useState('');
  const [effectiveDate, setEffectiveDate] = useState(today());
  const [reason, setReason] = useState('');
  const previewing = usePreviewImport(locale);
  const importing = useRunImport(locale);
  const tooLarge = file !== null && file.size > maxImportBytes;

  const options = useMemo(
    () =>
      (programmes.data?.items ?? [])
        .filter((p) => isAdmin || coordinated.has(p.slug))
        .map((p) => ({
          value: p.slug,
          label: `${p.code} — ${localize(p.title, locale)}`,
        })),
    // `coordinated` is derived from `user`
    [programmes.data, locale, isAdmin, user],
  );

  const reset = () => {
    previewing.reset();
    importing.reset();
  };
  const request = async (): Promise<ImportRequest> => ({
    fileName: file!.name,
    content: await fileToBase64(file!),
    target:
      kind === 'new_programmes'
        ? { kind }
        : {
            kind,
            programme: programme ?? '',
            label: { fr: label.trim() || t('exchange.import.labelDefault', { date: today() }) },
            effectiveDate,
            reason: { fr: reason.trim() || t('exchange.import.reasonDefault', { file: file!.name }) },
          },
  });
  const canPreview =
    file !== null && !tooLarge && (kind === 'new_programmes' || (programme !== null && effectiveDate !== ''));
  const preview = previewing.data;
  const done = importing.data;
  const failure = importing.error ?? previewing.error;

  return (
    <Stack gap="lg" maw={1200}>
      <Stack gap={4}>
        <Title order={1} fz={{ base: 'h3', sm: 'h2' }}>
          {t('exchange.import.title')}
        </Title>
        <Text size="sm" maw="90ch">
          {t('exchange.import.intro')}
        </Text>
      </Stack>

      <Stack gap="sm" maw={720}>
        <FileInput
          label={t('exchange.import.file')}
          placeholder={t('exchange.import.filePlaceholder')}
          description={t('exchange.import.fileHint')}
          accept=".xml,.xlsx,application/xml,text/xml,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
          value={file}
          onChange={(f) => {
            setFile(f);
            reset();
          }}
          error={tooLarge ? t('exchange.import.tooLarge') : undefined}
          clearable
          data-testid="import-file"
        />
        <Stack gap={4}>
          <Text size="sm" fw={500}>
            {t('exchange.import.target')}
          </Text>
          <SegmentedControl
            value={kind}
            onChange={(v) => {
              setKind(v as Kind);
              reset();
            }}
            data={[
              { value: 'new_programmes', label: t('exchange.import.targetNew'), disabled: !isAdmin },
              { value: 'new_version', label: t('exchange.import.targetVersion') },
            ]}
            data-testid="import-target"
          />
        </Stack>
        {kind === 'new_version' && (
          <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
            <Select
              label={t('exchange.import.programme')}
              placeholder={t('exchange.import.programmePlaceholder')}
              data={options}
              value={programme}
              onChange={(v) => {
                setProgramme(v);
                reset();
              }}
              searchable
              required
              data-testid="import-programme"
            />
            <TextInput
              type="date"
              label={t('exchange.import.effectiveDate')}
              value={effectiveDate}
              onChange={(e) => setEffectiveDate(e.currentTarget.value)}
              required
            />
            <TextInput
              label={t('exchange.import.label')}
              placeholder={t('exchange.import.labelDefault', { date: today() })}
              value={label}
              onChange={(e) => setLabel(e.currentTarget.value)}
            />
            <TextInput
              label={t('exchange.import.reason')}
              placeholder={t('exchange.import.reasonDefault', { file: file?.name ?? '…' })}
              value={reason}
              onChange={(e) => setReason(e.currentTarget.value)}
            />
          </SimpleGrid>
        )}
        <Group>
          <Button
            onClick={async () => {
              importing.reset();
              previewing.mutate(await request());
            }}
            disabled={!canPreview}
            loading={previewing.isPending}
            data-testid="import-preview"
          >
            {t('exchange.import.preview')}
          </Button>
        </Group>
      </Stack>

      {failure && (
        <Alert
          color="red"
          title={
            failure instanceof ApiError &&
            ['validation_failed', 'bad_request', 'payload_too_large'].includes(failure.code)
              ? t('exchange.import.refusedTitle')
              : t('exchange.import.blockedTitle')
          }
          data-testid="import-refused"
        >
          <Stack gap={4}>
            {failure instanceof ApiError && failure.issues.length > 0 ? (
              failure.issues.map((i, n) => (
                <Text key={n} size="sm">
                  {i.message}
                </Text>
              ))
            ) : (
              <Text size="sm">{errorMessage(failure)}</Text>
            )}
          </Stack>
        </Alert>
      )}

      {preview && (
        <Stack gap="md" data-testid="import-preview-result">
          {done ? (
            <Alert color="green" title={t('exchange.import.doneTitle')} data-testid="import-done">
              <Stack gap={6}>
                <Text size="sm">{t('exchange.import.doneText')}</Text>
                <Group gap="sm">
                  {done.created.map((c) => (
                    <Button
                      key={c.slug}
                      component={Link}
                      to={`/programmes/${c.slug}${c.frameworkVersion && done.programmes.some((p) => p.action === 'new_version') ? `?version=${c.frameworkVersion}` : ''}`}
                      size="xs"
                      variant="light"
                    >
                      {t('exchange.import.open', { code: c.code })}
                    </Button>
                  ))}
                  <Button
                    size="xs"
                    variant="subtle"
                    onClick={() => {
                      setFile(null);
                      reset();
                    }}
                  >
                    {t('exchange.import.another')}
                  </Button>
                </Group>
              </Stack>
            </Alert>
          ) : preview.canImport ? (
            <Alert color="blue" title={t('exchange.import.readyTitle')}>
              <Stack gap="xs">
                <Text size="sm">{t('exchange.import.readyText')}</Text>
                <Group>
                  <Button
                    color="green"
                    onClick={async () => importing.mutate(await request())}
                    loading={importing.isPending}
                    data-testid="import-confirm"
                  >
                    {t('exchange.import.confirm')}
                  </Button>
                </Group>
              </Stack>
            </Alert>
          ) : (
            <Alert color="red" title={t('exchange.import.blockedTitle')} data-testid="import-blocked">
              <Text size="sm">{t('exchange.import.blockedText')}</Text>
            </Alert>
          )}
          {preview.detail && (
            <Text size="sm" c="dimmed">
              {t('exchange.import.read', { detail: `${preview.fileName} — ${preview.detail}` })}
            </Text>
          )}
          {preview.programmes.length > 0 && <ProgrammesTable preview={preview} done={done} />}
          <IssueTable issues={preview.issues} severity="error" />
          <IssueTable issues={preview.issues} severity="unmapped" />
          <IssueTable issues={preview.issues} severity="note" />
        </Stack>
      )}
    </Stack>
  );
}
