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
import { useTranslation } from 'react-i18next';
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
import { useLocale } from '../../i18n/i18n.js';
import { fill, useImportStrings } from './strings.js';

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
  const s = useImportStrings();
  const list = issues.filter((i) => i.severity === severity);
  if (list.length === 0) return null;
  return (
    <Stack gap={4} data-testid={`issues-${severity}`}>
      <Group gap="xs">
        <Title order={3} fz="h5">
          {s[severityKeys[severity].title]}
        </Title>
        <Badge color={severityColor[severity]} variant="light">
          {list.length}
        </Badge>
        <Text size="sm" c="dimmed">
          {s[severityKeys[severity].hint]}
        </Text>
      </Group>
      <Table.ScrollContainer minWidth={600}>
        <Table striped withTableBorder verticalSpacing={4} fz="sm">
          <Table.Thead>
            <Table.Tr>
              <Table.Th w="35%">{s.where}</Table.Th>
              <Table.Th>{s.what}</Table.Th>
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
                      ({fill(s.times, { count: issue.count })})
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
  const s = useImportStrings();
  const locale = useLocale();
  return (
    <Stack gap={4}>
      <Title order={3} fz="h5">
        {done ? s.created : s.programmes}
      </Title>
      <Table.ScrollContainer minWidth={700}>
        <Table withTableBorder verticalSpacing={6} fz="sm" data-testid="import-programmes">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{s.code}</Table.Th>
              <Table.Th>{s.programmeTitle}</Table.Th>
              <Table.Th>{s.action}</Table.Th>
              <Table.Th>{s.framework}</Table.Th>
              <Table.Th ta="right">{s.values}</Table.Th>
              <Table.Th>{s.organisations}</Table.Th>
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
                        {s.exists}
                      </Badge>
                    )}
                  </Table.Td>
                  <Table.Td>{localize(p.title, locale)}</Table.Td>
                  <Table.Td style={{ whiteSpace: 'nowrap' }}>
                    {p.action === 'create'
                      ? s.create
                      : fill(s.newVersion, { version: p.frameworkVersion?.version })}
                  </Table.Td>
                  <Table.Td>
                    {p.frameworkVersion
                      ? fill(s.counts, {
                          outcomes: p.frameworkVersion.outcomes,
                          outputs: p.frameworkVersion.outputs,
                          indicators: p.frameworkVersion.indicators,
                        })
                      : s.noFramework}
                  </Table.Td>
                  <Table.Td ta="right">{p.values}</Table.Td>
                  <Table.Td>
                    <Stack gap={0}>
                      {p.recipients.length > 0 && (
                        <Text size="xs">{fill(s.recipients, { list: p.recipients.join(', ') })}</Text>
                      )}
                      {p.donors.length > 0 && (
                        <Text size="xs">{fill(s.donors, { list: p.donors.join(', ') })}</Text>
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
  const { t } = useTranslation();
  const s = useImportStrings();
  const locale = useLocale();
  const errorMessage = useErrorMessage();
  useDocumentTitle(`${s.title} — ${t('app.name')}`);
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
            label: { fr: label.trim() || fill(s.labelDefault, { date: today() }) },
            effectiveDate,
            reason: { fr: reason.trim() || fill(s.reasonDefault, { file: file!.name }) },
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
          {s.title}
        </Title>
        <Text size="sm" maw="90ch">
          {s.intro}
        </Text>
      </Stack>

      <Stack gap="sm" maw={720}>
        <FileInput
          label={s.file}
          placeholder={s.filePlaceholder}
          description={s.fileHint}
          accept=".xml,.xlsx,application/xml,text/xml,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
          value={file}
          onChange={(f) => {
            setFile(f);
            reset();
          }}
          error={tooLarge ? s.tooLarge : undefined}
          clearable
          data-testid="import-file"
        />
        <Stack gap={4}>
          <Text size="sm" fw={500}>
            {s.target}
          </Text>
          <SegmentedControl
            value={kind}
            onChange={(v) => {
              setKind(v as Kind);
              reset();
            }}
            data={[
              { value: 'new_programmes', label: s.targetNew, disabled: !isAdmin },
              { value: 'new_version', label: s.targetVersion },
            ]}
            data-testid="import-target"
          />
        </Stack>
        {kind === 'new_version' && (
          <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
            <Select
              label={s.programme}
              placeholder={s.programmePlaceholder}
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
              label={s.effectiveDate}
              value={effectiveDate}
              onChange={(e) => setEffectiveDate(e.currentTarget.value)}
              required
            />
            <TextInput
              label={s.label}
              placeholder={fill(s.labelDefault, { date: today() })}
              value={label}
              onChange={(e) => setLabel(e.currentTarget.value)}
            />
            <TextInput
              label={s.reason}
              placeholder={fill(s.reasonDefault, { file: file?.name ?? '…' })}
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
            {s.preview}
          </Button>
        </Group>
      </Stack>

      {failure && (
        <Alert
          color="red"
          title={
            failure instanceof ApiError &&
            ['validation_failed', 'bad_request', 'payload_too_large'].includes(failure.code)
              ? s.refusedTitle
              : s.blockedTitle
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
            <Alert color="green" title={s.doneTitle} data-testid="import-done">
              <Stack gap={6}>
                <Text size="sm">{s.doneText}</Text>
                <Group gap="sm">
                  {done.created.map((c) => (
                    <Button
                      key={c.slug}
                      component={Link}
                      to={`/programmes/${c.slug}${c.frameworkVersion && done.programmes.some((p) => p.action === 'new_version') ? `?version=${c.frameworkVersion}` : ''}`}
                      size="xs"
                      variant="light"
                    >
                      {fill(s.open, { code: c.code })}
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
                    {s.another}
                  </Button>
                </Group>
              </Stack>
            </Alert>
          ) : preview.canImport ? (
            <Alert color="blue" title={s.readyTitle}>
              <Stack gap="xs">
                <Text size="sm">{s.readyText}</Text>
                <Group>
                  <Button
                    color="green"
                    onClick={async () => importing.mutate(await request())}
                    loading={importing.isPending}
                    data-testid="import-confirm"
                  >
                    {s.confirm}
                  </Button>
                </Group>
              </Stack>
            </Alert>
          ) : (
            <Alert color="red" title={s.blockedTitle} data-testid="import-blocked">
              <Text size="sm">{s.blockedText}</Text>
            </Alert>
          )}
          {preview.detail && (
            <Text size="sm" c="dimmed">
              {fill(s.read, { detail: `${preview.fileName} — ${preview.detail}` })}
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
