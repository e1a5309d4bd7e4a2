/**
 * Comments attached to a report's sections: beside each section (its comments and a form to add one, on the
 * whole section or one place in it), and the whole list in the side column. Anyone who reads the report reads
 * them; the server says who may write and resolve them.
 */
import {
  Anchor,
  Badge,
  Button,
  Group,
  NativeSelect,
  Paper,
  Stack,
  Text,
  Textarea,
  Title,
  UnstyledButton,
} from '@mantine/core';
import { memo, useId, useMemo, useState } from 'react';
import type { ReportDetail, ReportModel } from '../../../core/contracts/report.js';
import type { ReportComment } from '../../../core/contracts/report-workflow.js';
import type { ReportTemplate, TemplateSection } from '../../../core/contracts/report-template.js';
import { localize } from '../../../core/i18n/locale.js';
import { reportCommentMax } from '../../../core/contracts/limits.js';
import { applies } from '../../../core/reports/checks.js';
import { useAddComment, useResolveComment } from '../../api/reports.js';
import { useLocale, useT } from '../../i18n/i18n.js';
import { usePlaceLabel } from './conflict-dialog.js';
import { formatMoment } from './format.js';
import { goToPlace } from './report-places.js';
import { sectionAnchor } from './report-sections.js';
import type { ReportSaver } from './saver.js';
import { useWorkflowWrite } from './use-workflow.js';

/** The places of a section a comment may point at. */
export function placesOf(section: TemplateSection, model: ReportModel): string[] {
  const fields = section.fields.filter((f) => f.type !== 'derived' && applies(f, model));
  if (section.kind === 'fields') return fields.map((f) => `fields.${f.id}`);
  if (section.kind === 'outcomes')
    return model.outcomes.flatMap((o) => [
      ...(section.rating ? [`outcomes.${o.code}.rating`] : []),
      ...fields.map((f) => `outcomes.${o.code}.fields.${f.id}`),
    ]);
  if (section.kind === 'indicator_table')
    return model.outcomes
      .flatMap((o) => [...o.indicators, ...o.outputs.flatMap((p) => p.indicators)])
      .flatMap((row) => [`indicators.${row.code}.progress`, `indicators.${row.code}.reason`]);
  return [];
}

const CommentItem = memo(function CommentItem({
  comment,
  detail,
  saver,
  placeLabel,
  showSection,
  template,
}: {
  comment: ReportComment;
  detail: ReportDetail;
  saver: ReportSaver;
  placeLabel: (path: string) => string;
  showSection?: boolean;
  template: ReportTemplate;
}) {
  const t = useT();
  const locale = useLocale();
  const { run, working, error } = useWorkflowWrite(saver);
  const resolve = useResolveComment();
  const section = template.sections.find((s) => s.id === comment.section);
  const resolved = comment.resolved !== null;
  return (
    <Paper
      component="li"
      p="xs"
      className="report-comment"
      data-testid="comment"
      data-resolved={resolved}
      bg={resolved ? 'gray.0' : 'yellow.0'}
      style={{ borderLeft: `3px solid var(--mantine-color-${resolved ? 'gray-4' : 'yellow-6'})` }}
    >
      <Stack gap={4}>
        <Group gap={6} justify="space-between" wrap="nowrap" align="flex-start">
          <Text size="xs" c="dimmed" component="div">
            <Text span fw={600} c="dark">
              {comment.author}
            </Text>{' '}
            · {formatMoment(comment.at, locale)}
            {comment.writtenDuring === 'submitted' && (
              <Badge size="xs" variant="light" color="blue" ml={6}>
                {t('reports.comments.review')}
              </Badge>
            )}
          </Text>
        </Group>
        {(showSection || comment.place) && (
          <UnstyledButton
            onClick={() =>
              comment.place
                ? goToPlace(comment.place)
                : document.getElementById(sectionAnchor(comment.section))?.scrollIntoView()
            }
          >
            <Text
              size="xs"
              c="blue.8"
              lineClamp={1}
              title={comment.place ? placeLabel(comment.place) : undefined}
            >
              {comment.place
                ? placeLabel(comment.place)
                : section
                  ? localize(section.title, locale)
                  : comment.section}
            </Text>
          </UnstyledButton>
        )}
        <Text size="sm" style={{ whiteSpace: 'pre-wrap' }} td={resolved ? 'line-through' : undefined}>
          {comment.body}
        </Text>
        <Group gap="xs" justify="space-between">
          {comment.resolved ? (
            <Text size="xs" c="dimmed">
              {t('reports.comments.resolved', {
                by: comment.resolved.by ?? '—',
                when: formatMoment(comment.resolved.at, locale),
              })}
            </Text>
          ) : (
            <span />
          )}
          {detail.can.comment && (
            <Button
              size="compact-xs"
              variant="subtle"
              loading={working !== null}
              onClick={() =>
                void run('resolve', () =>
                  resolve.mutateAsync({ id: detail.id, commentId: comment.id, resolved: !resolved }),
                )
              }
            >
              {resolved ? t('reports.comments.unresolve') : t('reports.comments.resolve')}
            </Button>
          )}
        </Group>
        {error && (
          <Text size="xs" c="red.8" role="alert">
            {error}
          </Text>
        )}
      </Stack>
    </Paper>
  );
});

function CommentForm({
  detail,
  section,
  saver,
  placeLabel,
  onDone,
}: {
  detail: ReportDetail;
  section: TemplateSection;
  saver: ReportSaver;
  placeLabel: (path: string) => string;
  onDone: () => void;
}) {
  const t = useT();
  const { run, working, error } = useWorkflowWrite(saver);
  const add = useAddComment();
  const [body, setBody] = useState('');
  const [place, setPlace] = useState('');
  const places = useMemo(() => placesOf(section, detail.model), [section, detail.model]);
  return (
    <form
      onSubmit={(event) => {
        event.preventDefault();
        if (!body.trim()) return;
        void run('add', () =>
          add.mutateAsync({
            id: detail.id,
            input: { section: section.id, body: body.trim(), ...(place ? { place } : {}) },
          }),
        ).then((ok) => ok && onDone());
      }}
    >
      <Stack gap="xs">
        {places.length > 0 && (
          <NativeSelect
            size="xs"
            label={t('reports.comments.place')}
            value={place}
            onChange={(e) => setPlace(e.currentTarget.value)}
            data={[
              { value: '', label: t('reports.comments.wholeSection') },
              ...places.map((p) => ({ value: p, label: placeLabel(p) })),
            ]}
          />
        )}
        <Textarea
          label={t('reports.comments.body')}
          value={body}
          autosize
          minRows={2}
          maxLength={reportCommentMax}
          data-autofocus
          onChange={(e) => setBody(e.currentTarget.value)}
        />
        <Group gap="xs" justify="flex-end">
          <Button size="xs" variant="default" onClick={onDone}>
            {t('reports.comments.cancel')}
          </Button>
          <Button size="xs" type="submit" loading={working !== null} disabled={!body.trim()}>
            {t('reports.comments.publish')}
          </Button>
        </Group>
        {error && (
          <Text size="xs" c="red.8" role="alert">
            {error}
          </Text>
        )}
      </Stack>
    </form>
  );
}

/** A section's comments, under its title, and the form to add one. */
export const SectionComments = memo(function SectionComments({
  detail,
  section,
  template,
  saver,
}: {
  detail: ReportDetail;
  section: TemplateSection;
  template: ReportTemplate;
  saver: ReportSaver;
}) {
  const t = useT();
  const placeLabel = usePlaceLabel(template);
  const [writing, setWriting] = useState(false);
  const comments = detail.comments.filter((c) => c.section === section.id);
  if (comments.length === 0 && !detail.can.comment) return null;
  return (
    <Stack gap="xs" className="section-comments" data-testid={`comments-${section.id}`}>
      {comments.length > 0 && (
        <Stack gap={6} component="ul" m={0} p={0} style={{ listStyle: 'none' }}>
          {comments.map((c) => (
            <CommentItem
              key={c.id}
              comment={c}
              detail={detail}
              saver={saver}
              placeLabel={placeLabel}
              template={template}
            />
          ))}
        </Stack>
      )}
      {detail.can.comment &&
        (writing ? (
          <CommentForm
            detail={detail}
            section={section}
            saver={saver}
            placeLabel={placeLabel}
            onDone={() => setWriting(false)}
          />
        ) : (
          <Group>
            <Button size="compact-xs" variant="default" onClick={() => setWriting(true)}>
              {t('reports.comments.add')}
            </Button>
          </Group>
        ))}
    </Stack>
  );
});

/** Every comment of the report, open ones first, each a link to its section. */
export const CommentsPanel = memo(function CommentsPanel({
  detail,
  template,
  saver,
}: {
  detail: ReportDetail;
  template: ReportTemplate;
  saver: ReportSaver;
}) {
  const t = useT();
  const titleId = useId();
  const placeLabel = usePlaceLabel(template);
  const [showResolved, setShowResolved] = useState(false);
  const open = detail.comments.filter((c) => !c.resolved);
  const resolved = detail.comments.filter((c) => c.resolved);
  return (
    <Paper withBorder p="sm" component="section" aria-labelledby={titleId} data-testid="comments-panel">
      <Stack gap="xs">
        <Group justify="space-between" gap="xs">
          <Title order={2} fz="md" id={titleId}>
            {t('reports.comments.title')}
          </Title>
          {open.length > 0 && (
            <Badge color="yellow" variant="light">
              {t('reports.comments.open', { count: open.length })}
            </Badge>
          )}
        </Group>
        {open.length === 0 && (
          <Text size="sm" c="dimmed">
            {detail.comments.length === 0 ? t('reports.comments.none') : t('reports.comments.noneOpen')}
          </Text>
        )}
        <Stack gap={6} component="ul" m={0} p={0} style={{ listStyle: 'none' }}>
          {[...open, ...(showResolved ? resolved : [])].map((c) => (
            <CommentItem
              key={c.id}
              comment={c}
              detail={detail}
              saver={saver}
              placeLabel={placeLabel}
              template={template}
              showSection
            />
          ))}
        </Stack>
        {resolved.length > 0 && (
          <Anchor component="button" type="button" size="xs" onClick={() => setShowResolved((v) => !v)}>
            {showResolved
              ? t('reports.comments.hideResolved')
              : t('reports.comments.showResolved', { count: resolved.length })}
          </Anchor>
        )}
      </Stack>
    </Paper>
  );
});
