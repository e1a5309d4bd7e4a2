/**
 * The one import flow of the web app, for every kind of file the pipeline takes (activities, indicator values,
 * expenditure, a programme file): choose a file → it is read and kept (nothing else is written) → its preview,
 * every finding in the one issue shape (sheet, row, column or path, and the message in the reader's language)
 * → the mapping, for a kind that has one → confirm → what was written. A kind's page gives only what is its
 * own: the mapping editor, its preview (a sample, the programmes a file creates…) and its result.
 */
import { Alert, Badge, Button, FileInput, Group, Stack, Text, Title, VisuallyHidden } from '@mantine/core';
import type { QueryKey } from '@tanstack/react-query';
import { useState, type ReactNode } from 'react';
import type { ImportMapping } from '../../../core/contracts/activity-import.js';
import type {
  FileImport,
  FileImportCommitResult,
  ImportIssue,
  ImportKindName,
} from '../../../core/contracts/imports.js';
import { ApiError } from '../../api/client.js';
import {
  useAttachImportMedia,
  useCommitImport,
  useDiscardImport,
  useImportMapping,
  useUploadImport,
} from '../../api/imports.js';
import { useT, type TFunction } from '../../i18n/i18n.js';
import { useErrorMessage } from '../query-state.js';

/** What a kind's mapping editor is given: the kept file and the mapping being edited. */
export interface MappingEditorProps {
  file: FileImport;
  mapping: ImportMapping;
  onChange: (mapping: ImportMapping) => void;
}

export interface ImportFlowProps {
  kind: ImportKindName;
  /** the programme the file goes into; null: a programme file that creates programmes */
  slug: string | null;
  /** the file types offered by the file chooser */
  accept: string;
  title?: string;
  /** what the file should hold, a template to download… */
  intro?: ReactNode;
  /** what the kind takes besides the file (a programme file's label, adoption date, reason) */
  options?: Record<string, string | undefined>;
  /** false while the page's own choices are incomplete (a programme file's target) */
  ready?: boolean;
  /** the queries that show what a commit writes: they reload after it */
  reloads: readonly QueryKey[];
  /** the kind's mapping editor (a kind whose file has columns to choose) */
  mappingEditor?: (props: MappingEditorProps) => ReactNode;
  /** the kind's own preview, shown above the findings */
  detail?: (file: FileImport) => ReactNode;
  /** the words of the confirm button (`Importer 2 activités`) */
  confirmLabel?: (file: FileImport) => string;
  /** what was written, with its links */
  result?: (result: FileImportCommitResult) => ReactNode;
  /** the page forgets its own preview state when the file changes */
  onReset?: () => void;
  testId?: string;
}

type Step = 'choose' | 'preview' | 'mapping' | 'confirm' | 'done';

/** Where a finding is: `feuille Activités · ligne 12 · colonne D (Date de début)`, or a path in a document. */
export function findingPlace(issue: ImportIssue, t: TFunction): string {
  const { sheet, row, column, path } = issue.where;
  const parts = [
    sheet ? t('importFlow.sheet', { sheet }) : null,
    row !== undefined ? t('importFlow.row', { row }) : null,
    column ? t('importFlow.column', { column }) : null,
    // a row's field (`startDate`) says nothing the column does not; a document's path is its only place
    path && row === undefined ? path : null,
  ];
  return parts.filter(Boolean).join(' · ');
}

/** Every finding of a file, errors first: a list, so that it reads on a telephone as on a screen. */
export function Findings({ file }: { file: FileImport }) {
  const t = useT();
  const sorted = [...file.issues].sort(
    (a, b) => Number(a.severity !== 'error') - Number(b.severity !== 'error'),
  );
  const more = file.errorCount + file.warningCount - file.issues.length;
  if (sorted.length === 0) return null;
  return (
    <Stack gap={4} component="section" aria-labelledby="import-findings-title">
      <Title order={3} fz="h5" id="import-findings-title">
        {t('importFlow.findingsTitle')}
      </Title>
      <Stack
        component="ul"
        gap={6}
        m={0}
        p={0}
        mah={420}
        style={{ listStyle: 'none', overflowY: 'auto' }}
        data-testid="import-findings"
      >
        {sorted.map((issue, i) => {
          const place = findingPlace(issue, t);
          return (
            <Text component="li" size="sm" key={i} data-severity={issue.severity}>
              <Badge
                color={issue.severity === 'error' ? 'red' : 'orange'}
                variant="light"
                size="sm"
                tt="none"
                mr={6}
              >
                {t(`importFlow.${issue.severity}`)}
              </Badge>
              {place && (
                <Text span fw={600} size="sm" style={{ wordBreak: 'break-word' }}>
                  {place}
                  {' — '}
                </Text>
              )}
              {issue.message}
            </Text>
          );
        })}
        {more > 0 && (
          <Text component="li" size="sm" c="dimmed">
            {t('importFlow.more', { count: more })}
          </Text>
        )}
      </Stack>
    </Stack>
  );
}

function Steps({ step, hasMapping }: { step: Step; hasMapping: boolean }) {
  const t = useT();
  const steps: Step[] = [
    'choose',
    'preview',
    ...(hasMapping ? (['mapping'] as const) : []),
    'confirm',
    'done',
  ];
  const n = steps.indexOf(step) + 1;
  return (
    <Group gap={4} wrap="wrap" data-testid="import-step" data-step={step}>
      <VisuallyHidden>
        {t('importFlow.step', { n, total: steps.length, name: t(`importFlow.steps.${step}`) })}
      </VisuallyHidden>
      {steps.map((s, i) => (
        <Badge
          key={s}
          size="sm"
          tt="none"
          radius="sm"
          variant={s === step ? 'filled' : 'light'}
          color={i < n - 1 ? 'teal' : s === step ? 'blue' : 'gray'}
          aria-current={s === step ? 'step' : undefined}
        >
          {i + 1}. {t(`importFlow.steps.${s}`)}
        </Badge>
      ))}
    </Group>
  );
}

export function ImportFlow({
  kind,
  slug,
  accept,
  title,
  intro,
  options,
  ready = true,
  reloads,
  mappingEditor,
  detail,
  confirmLabel,
  result: showResult,
  onReset,
  testId,
}: ImportFlowProps) {
  const t = useT();
  const errorMessage = useErrorMessage();
  const [file, setFile] = useState<File | null>(null);
  const [kept, setKept] = useState<FileImport | null>(null);
  const [mapping, setMapping] = useState<ImportMapping | null>(null);
  const [done, setDone] = useState<FileImportCommitResult | null>(null);
  const upload = useUploadImport();
  const remap = useImportMapping();
  const commit = useCommitImport(reloads);
  const discard = useDiscardImport();
  const media = useAttachImportMedia();
  const [zip, setZip] = useState<File | null>(null);

  const show = (f: FileImport) => {
    setKept(f);
    setMapping(f.mapping);
  };
  const reset = () => {
    setKept(null);
    setMapping(null);
    setDone(null);
    upload.reset();
    remap.reset();
    commit.reset();
    media.reset();
    setZip(null);
    onReset?.();
  };
  const failure = upload.error ?? remap.error ?? media.error ?? commit.error ?? discard.error;
  // an export of Jalon's Kobo/ODK form names its photos; their files come as a ZIP beside it
  const takesPhotos = kind === 'activities' && Boolean(kept?.mapping?.form);
  const issues = failure instanceof ApiError ? failure.issues : [];
  const canCommit = Boolean(kept?.canCommit && kept.itemCount > 0);
  const step: Step = done
    ? 'done'
    : !kept
      ? 'choose'
      : canCommit
        ? 'confirm'
        : kept.hasMapping && mappingEditor
          ? 'mapping'
          : 'preview';

  return (
    <Stack gap="sm" data-testid={testId} data-kind={kind}>
      {title && (
        <Title order={2} fz="h4">
          {title}
        </Title>
      )}
      {intro}
      <Steps step={step} hasMapping={Boolean(mappingEditor)} />
      <Group align="end" gap="sm" wrap="wrap">
        <FileInput
          label={t('importFlow.file')}
          placeholder={t('importFlow.filePlaceholder')}
          accept={accept}
          value={file}
          onChange={(f) => {
            setFile(f);
            reset();
          }}
          clearable
          w={{ base: '100%', xs: 360 }}
          data-testid="import-file"
        />
        <Button
          disabled={!file || !ready}
          loading={upload.isPending}
          onClick={() => {
            reset();
            upload.mutate({ kind, slug, file: file!, ...(options ? { options } : {}) }, { onSuccess: show });
          }}
          data-testid="import-preview"
        >
          {upload.isPending ? t('importFlow.reading') : t('importFlow.read')}
        </Button>
      </Group>

      {failure && (
        <Alert color="red" role="alert" title={t('importFlow.refusedTitle')} data-testid="import-refused">
          {issues.length > 0 ? (
            <Stack gap={2}>
              {issues.slice(0, 50).map((i, n) => (
                <Text size="sm" key={n}>
                  {i.message}
                </Text>
              ))}
            </Stack>
          ) : (
            <Text size="sm">{errorMessage(failure)}</Text>
          )}
        </Alert>
      )}

      {done && (
        <Alert color="teal" role="status" title={t('importFlow.doneTitle')} data-testid="import-done">
          <Stack gap="xs">
            {showResult?.(done)}
            <Group>
              <Button
                size="xs"
                variant="subtle"
                onClick={() => {
                  setFile(null);
                  reset();
                }}
              >
                {t('importFlow.another')}
              </Button>
            </Group>
          </Stack>
        </Alert>
      )}

      {kept && !done && (
        <Stack gap="sm" data-testid="import-kept">
          <Group gap="xs">
            <Badge variant="light" tt="none">
              {t('importFlow.rows', { count: kept.rowCount })}
            </Badge>
            <Badge variant="light" color={kept.errorCount ? 'red' : 'teal'} tt="none">
              {t('importFlow.errors', { count: kept.errorCount })}
            </Badge>
            {kept.warningCount > 0 && (
              <Badge variant="light" color="orange" tt="none">
                {t('importFlow.warnings', { count: kept.warningCount })}
              </Badge>
            )}
          </Group>
          {kept.hasMapping && mapping && mappingEditor && (
            <Stack gap="xs">
              <Text size="xs" c="dimmed">
                {t('importFlow.mappingHint')}
              </Text>
              {mappingEditor({ file: kept, mapping, onChange: setMapping })}
              <Group>
                <Button
                  variant="light"
                  loading={remap.isPending}
                  onClick={() =>
                    remap.mutate({ id: kept.id, version: kept.version, mapping }, { onSuccess: show })
                  }
                  data-testid="import-remap"
                >
                  {t('importFlow.applyMapping')}
                </Button>
              </Group>
            </Stack>
          )}
          {detail?.(kept)}
          {takesPhotos && (
            <Group align="end" gap="sm" wrap="wrap" data-testid="import-media">
              <FileInput
                label={t('importFlow.mediaZip')}
                description={t('importFlow.mediaZipHint')}
                placeholder={t('importFlow.filePlaceholder')}
                accept=".zip,application/zip"
                value={zip}
                onChange={setZip}
                clearable
                w={{ base: '100%', xs: 360 }}
              />
              <Button
                variant="light"
                disabled={!zip}
                loading={media.isPending}
                onClick={() =>
                  media.mutate({ id: kept.id, version: kept.version, zip: zip! }, { onSuccess: show })
                }
              >
                {t('importFlow.mediaAttach')}
              </Button>
            </Group>
          )}
          <Findings file={kept} />
          {canCommit ? (
            <Alert color="blue" title={t('importFlow.confirmTitle')}>
              <Stack gap="xs">
                <Text size="sm">
                  {kept.errorCount === 0 && kept.warningCount === 0 ? `${t('importFlow.noErrors')} ` : ''}
                  {t('importFlow.confirmText')}
                </Text>
                <Group>
                  <Button
                    color="teal"
                    loading={commit.isPending}
                    onClick={() =>
                      commit.mutate({ id: kept.id, version: kept.version }, { onSuccess: setDone })
                    }
                    data-testid="import-confirm"
                  >
                    {commit.isPending
                      ? t('importFlow.committing')
                      : (confirmLabel?.(kept) ?? t('importFlow.confirm'))}
                  </Button>
                </Group>
              </Stack>
            </Alert>
          ) : (
            <Alert
              color="red"
              variant="light"
              title={t('importFlow.blockedTitle')}
              data-testid="import-blocked"
            >
              <Text size="sm">{kept.errorCount > 0 ? t('importFlow.blocked') : t('importFlow.empty')}</Text>
            </Alert>
          )}
          <Group>
            <Button
              size="xs"
              variant="subtle"
              color="gray"
              loading={discard.isPending}
              onClick={() =>
                discard.mutate(kept.id, {
                  onSuccess: () => {
                    setFile(null);
                    reset();
                  },
                })
              }
            >
              {t('importFlow.discard')}
            </Button>
          </Group>
        </Stack>
      )}
    </Stack>
  );
}
