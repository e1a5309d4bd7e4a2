import './styles.js';
import { Alert, Anchor, Badge, Box, Button, Group, Stack, Text, Title } from '@mantine/core';
import { useDocumentTitle } from '@mantine/hooks';
import { memo, useCallback, useDeferredValue, useMemo, useRef, useState } from 'react';
import { Link, useParams } from 'react-router';
import type { FieldValue, ReportDetail } from '../../../core/contracts/report.js';
import type { ReportTemplate, TemplateSection } from '../../../core/contracts/report-template.js';
import { localize } from '../../../core/i18n/locale.js';
import { applies, checkReport } from '../../../core/reports/checks.js';
import { agenciesOf, unitWritable } from '../../../core/reports/attributions.js';
import { ApiError } from '../../api/client.js';
import { useReport } from '../../api/reports.js';
import { ErrorState, Loading, useErrorMessage } from '../../components/query-state.js';
import { useLocale, useT } from '../../i18n/i18n.js';
import { AuditPanel } from '../audit/audit-panel.js';
import { formatPeriod } from '../../../core/i18n/format.js';
import { AgencyParts } from './agency-parts.js';
import { AttributionsPanel } from './attributions-panel.js';
import { ChecksPanel } from './checks-panel.js';
import { ConflictDialog } from './conflict-dialog.js';
import { Downloads } from './downloads.js';
import { EditorContext, type EditorActions } from './editor-context.js';
import { formatTime } from './format.js';
import { HistoryList } from './history-list.js';
import { LockBanners } from './lock-banner.js';
import { outcomesWithRows } from './report-places.js';
import { ReportSection, sectionAnchor, type SectionAccess } from './report-sections.js';
import type { SaverSnapshot } from './saver.js';
import { CommentsPanel, SectionComments } from './section-comments.js';
import { StatusActions } from './status-actions.js';
import { StatusBadge } from './status-badge.js';
import { findTemplate } from '../../../core/reports/templates/registry.js';
import { useReportSaver } from './use-report-saver.js';
import { SentBackBanner } from './sent-back-banner.js';
import { otherLanguage, TranslationBar, TranslationStamps, TranslationTarget } from './translation.js';

const saveColours: Record<SaverSnapshot['status'], string> = {
  saved: 'teal',
  pending: 'blue',
  saving: 'blue',
  offline: 'orange',
  failed: 'red',
  conflict: 'orange',
  locked: 'red',
};

const SaveIndicator = memo(function SaveIndicator({
  status,
  savedAt,
  error,
  onRetry,
}: {
  status: SaverSnapshot['status'];
  savedAt: number | null;
  error: unknown;
  onRetry: () => void;
}) {
  const t = useT();
  const locale = useLocale();
  const errorMessage = useErrorMessage();
  const text = {
    saved: savedAt
      ? t('reports.save.savedAt', { time: formatTime(savedAt, locale) })
      : t('reports.save.saved'),
    pending: t('reports.save.saving'),
    saving: t('reports.save.saving'),
    offline: t('reports.save.offline'),
    failed: t('reports.save.failed'),
    conflict: t('reports.save.conflict'),
    locked: t('reports.save.failed'),
  }[status];
  return (
    <Stack
      gap={2}
      align="flex-end"
      role="status"
      aria-live="polite"
      data-testid="save-status"
      data-status={status}
    >
      <Group gap={6} wrap="nowrap">
        <Box w={8} h={8} bg={`${saveColours[status]}.6`} style={{ borderRadius: '50%', flex: 'none' }} />
        <Text size="sm" c={status === 'saved' ? 'dimmed' : `${saveColours[status]}.8`}>
          {text}
        </Text>
        {status === 'failed' && (
          <Button size="compact-xs" variant="light" color="red" onClick={onRetry}>
            {t('reports.save.retry')}
          </Button>
        )}
      </Group>
      {status === 'failed' && error !== null && (
        <Text size="xs" c="red.8" maw="24rem" ta="right">
          {errorMessage(error)}
        </Text>
      )}
    </Stack>
  );
});

/** The same array as last time while its content is the same. */
function useStable<T>(value: T): T {
  const previous = useRef<{ value: T; key: string } | null>(null);
  const key = JSON.stringify(value);
  if (previous.current?.key !== key) previous.current = { value, key };
  return previous.current.value;
}

/** `/reports/:id`: the report, editable while it is a draft. */
export function ReportPage() {
  const t = useT();
  const { id = '' } = useParams();
  const report = useReport(id);
  useDocumentTitle(
    `${report.data ? t(`reports.name.${report.data.type}`, { year: report.data.year }) : t('reports.link')} — ${t('app.name')}`,
  );

  if (report.isPending) return <Loading />;
  if (report.isError) {
    const notFound = report.error instanceof ApiError && report.error.code === 'not_found';
    return notFound ? (
      <Stack gap="md">
        <Title order={1}>{t('errors.notFoundTitle')}</Title>
        <Text>{t('reports.editor.notFound')}</Text>
      </Stack>
    ) : (
      <ErrorState error={report.error} onRetry={() => void report.refetch()} />
    );
  }
  const template = findTemplate(report.data.template.id, report.data.template.version);
  if (!template) {
    return (
      <Alert color="red" variant="light" role="alert">
        {t('reports.editor.unknownTemplate', report.data.template)}
      </Alert>
    );
  }
  return <ReportEditor key={report.data.id} detail={report.data} template={template} />;
}

/** Programme, report name, status, period, template: redrawn only when the server answers. */
const ReportHeading = memo(function ReportHeading({
  detail,
  template,
}: {
  detail: ReportDetail;
  template: ReportTemplate;
}) {
  const t = useT();
  const locale = useLocale();
  const code = detail.programme.code;
  return (
    <Stack gap={4} maw="60rem">
      <Anchor
        component={Link}
        to={`/programmes/${encodeURIComponent(detail.programme.slug)}/reports`}
        size="sm"
        mb={4}
      >
        ← {t('reports.editor.backToList', { code })}
      </Anchor>
      <Group gap="xs">
        <Badge variant="outline" tt="none" size="lg" radius="sm">
          {code}
        </Badge>
        <StatusBadge status={detail.status} />
      </Group>
      <Title order={1} fz={{ base: 'h3', sm: 'h2' }} lh={1.25}>
        {t(`reports.name.${detail.type}`, { year: detail.year })}
      </Title>
      <Text c="dimmed">{localize(detail.model.programme.title, locale)}</Text>
      <Text size="sm">
        {t('common.colon', { label: t('reports.editor.period') })}{' '}
        {formatPeriod(detail.periodStart, detail.periodEnd, locale)}
      </Text>
      <Text size="xs" c="dimmed">
        {t('reports.editor.template', { title: localize(template.title, locale), version: template.version })}
      </Text>
    </Stack>
  );
});

const Contents = memo(function Contents({ sections }: { sections: TemplateSection[] }) {
  const t = useT();
  const locale = useLocale();
  return (
    <Box component="nav" aria-label={t('reports.editor.onThisPage')} className="report-toc">
      <Text size="xs" fw={700} c="dimmed" mb={4}>
        {t('reports.editor.onThisPage')}
      </Text>
      <Stack gap={2} component="ul" m={0} p={0} style={{ listStyle: 'none' }}>
        {sections.map((s) => (
          <li key={s.id}>
            <Anchor href={`#${sectionAnchor(s.id)}`} size="sm">
              {localize(s.title, locale)}
            </Anchor>
          </li>
        ))}
      </Stack>
    </Box>
  );
});

const Notes = memo(function Notes({ template }: { template: ReportTemplate }) {
  const t = useT();
  const locale = useLocale();
  if (template.notes.length === 0) return null;
  return (
    <details className="report-item report-notes">
      <summary>{t('reports.editor.notes')}</summary>
      <ul>
        {template.notes.map((note, i) => (
          <li key={i}>{localize(note, locale)}</li>
        ))}
      </ul>
    </details>
  );
});

/** The editor of one report (exported for the component tests). */
export function ReportEditor({
  detail: initial,
  template,
}: {
  detail: ReportDetail;
  template: ReportTemplate;
}) {
  const t = useT();
  const { saver, state } = useReportSaver(initial);
  const detail = state.detail;
  // in review, accepted, in a closed period, or a reader without the right to write
  const readOnly = !detail.can.edit || state.status === 'locked';

  const onChange = useCallback((path: string, value: FieldValue) => saver.edit(path, value), [saver]);
  const onBlur = useCallback(() => void saver.flush(), [saver]);
  const onRetry = useCallback(() => void saver.flush(), [saver]);
  const actions = useMemo<EditorActions>(
    () => ({ onChange, onBlur, readOnly, currency: detail.model.programme.currency }),
    [onChange, onBlur, readOnly, detail.model.programme.currency],
  );

  // the report as the writer sees it; its parts keep their identity while untouched (core's setAt shares them)
  const base = detail.model;
  const content = state.content;
  const outcomes = useMemo(
    () =>
      content.indicators === base.content.indicators
        ? base.outcomes
        : outcomesWithRows(base.outcomes, content.indicators),
    [base, content.indicators],
  );
  const model = useMemo(
    () => (content === base.content ? base : { ...base, content, outcomes }),
    [base, content, outcomes],
  );
  // the checks follow the typing without slowing it, and the list is redrawn only when it changes
  const checked = useDeferredValue(model);
  const checks = useStable(useMemo(() => checkReport(checked, template), [checked, template]));
  const sections = useMemo(() => template.sections.filter((s) => applies(s, base)), [template, base]);
  // translations beside the originals: shown at once when a document in the other language is wanted
  const target = otherLanguage(content.language);
  const [showTranslations, setShowTranslations] = useState(() => content.wanted.includes(target));
  // a focal point writes the units given to their agency and reads the rest (the server refuses the rest too)
  const { can, attributions } = detail;
  const accessBySection = useMemo(() => {
    const access = new Map<string, SectionAccess>();
    if (!can.edit || can.editAll) return access;
    for (const { id: section } of sections)
      access.set(section, {
        writable: (outcome) => unitWritable(can.editUnits, { section, outcome }),
        owners: (outcome) => agenciesOf(attributions, { section, outcome }),
      });
    return access;
  }, [can, attributions, sections]);
  // the side column runs along the sections before Part V's table, which then takes the whole width
  const wideAt = sections.findIndex((s) => s.kind === 'indicator_table');
  const asideRows = Math.max(
    1,
    (template.notes.length > 0 ? 1 : 0) + (wideAt === -1 ? sections.length : wideAt),
  );

  return (
    <EditorContext.Provider value={actions}>
      <Stack gap="lg">
        <Stack gap="xs">
          <Group justify="space-between" align="flex-start" gap="md">
            <ReportHeading detail={detail} template={template} />
            {detail.status === 'draft' && (
              <SaveIndicator
                status={state.status}
                savedAt={state.savedAt}
                error={state.error}
                onRetry={onRetry}
              />
            )}
          </Group>
          <StatusActions detail={detail} saver={saver} template={template} checks={checks} />
        </Stack>

        <SentBackBanner detail={detail} template={template} />
        <LockBanners locks={detail.locks} />
        <AgencyParts detail={detail} saver={saver} />
        {detail.status === 'draft' && detail.can.readDrafting && (
          <AttributionsPanel detail={detail} template={template} saver={saver} />
        )}
        {state.status === 'locked' && detail.status === 'draft' && (
          <Alert color="red" variant="light" role="alert">
            {t('reports.save.locked')}
          </Alert>
        )}

        <TranslationBar
          model={checked}
          template={template}
          showing={showTranslations}
          onShow={setShowTranslations}
        />

        <TranslationTarget.Provider value={showTranslations ? target : null}>
          <TranslationStamps.Provider value={content.translatedFrom?.[target]}>
            <div className="report-layout">
              <Notes template={template} />
              {sections.map((section) => (
                <div
                  key={section.id}
                  className={section.kind === 'indicator_table' ? 'report-item report-wide' : 'report-item'}
                >
                  <ReportSection
                    section={section}
                    model={base}
                    content={content}
                    outcomes={outcomes}
                    comments={
                      <SectionComments detail={detail} section={section} template={template} saver={saver} />
                    }
                    access={accessBySection.get(section.id)}
                  />
                </div>
              ))}
              <div className="report-aside-area" style={{ gridRow: `1 / span ${asideRows}` }}>
                <div className="report-aside">
                  <Stack gap="md" className="aside-top">
                    <CommentsPanel detail={detail} template={template} saver={saver} />
                    <ChecksPanel checks={checks} template={template} />
                    <Contents sections={sections} />
                  </Stack>
                  <Stack gap="md" className="aside-bottom">
                    <Downloads
                      reportId={detail.id}
                      baseName={`${detail.programme.slug}-${detail.type}-${detail.year}`}
                    />
                    <HistoryList history={detail.history} />
                  </Stack>
                </div>
              </div>
            </div>
          </TranslationStamps.Provider>
        </TranslationTarget.Provider>
        {detail.can.readDrafting && (
          <AuditPanel programme={detail.programme.slug} entity="reports" id={detail.id} />
        )}
      </Stack>
      <ConflictDialog
        conflict={state.conflict}
        template={template}
        currency={detail.model.programme.currency}
        onResolve={(choices) => saver.resolve(choices)}
      />
    </EditorContext.Provider>
  );
}
