/**
 * Part V: one table grouped by outcome then output (statement rows), one row per indicator with its baseline,
 * end target and milestones read-only, and the writer's current progress and reasons (with their counters)
 * and whether the indicator is in the report. Below 62em the rows become cards (see reports.css).
 */
import { Badge, Button, Checkbox, Group, Stack, Text } from '@mantine/core';
import { Fragment, memo } from 'react';
import type { ReportIndicatorRow, ReportModel } from '../../../core/contracts/report.js';
import type { TemplateSection } from '../../../core/contracts/report-template.js';
import { localize } from '../../../core/i18n/locale.js';
import { ValueView } from '../../components/value-view.js';
import { useLocale, useT } from '../../i18n/i18n.js';
import { formatDate, formatList } from '../../../core/i18n/format.js';
import { useEditor } from './editor-context.js';
import { TextWithCounter } from './field-input.js';
import { placeId } from './report-places.js';
import { TranslationInput, useTranslationTarget } from './translation.js';
import { ownValue } from '../../../core/lib/safe-keys.js';

const COLUMNS = 7;
const knownDimensions = ['sex', 'age', 'category', 'displacement_status', 'place', 'organisation'] as const;
type Dimension = (typeof knownDimensions)[number];

/**
 * Where a row's figure comes from: the value of record of the period (computed from N activities, entered,
 * imported…) while nobody wrote over it; once written, what the data say and a way back to it.
 */
function ProgressSource({ row }: { row: ReportIndicatorRow }) {
  const t = useT();
  const locale = useLocale();
  const { onChange, readOnly } = useEditor();
  const record = row.record && row.record.provenance !== 'none' && row.record.value ? row.record : null;
  const date = record?.date ? formatDate(record.date, locale) : '';
  if (row.progressSource === 'none') return null;
  if (row.progressSource !== 'written') {
    return (
      <Badge
        size="sm"
        variant="light"
        color={row.progressSource === 'computed' ? 'teal' : 'blue'}
        mt={4}
        data-testid={`source-${row.code}`}
        data-source={row.progressSource}
        style={{ textTransform: 'none', whiteSpace: 'normal', height: 'auto' }}
      >
        {row.progressSource === 'computed'
          ? t('reports.table.source.computed', { count: record?.activityCount ?? 0 })
          : t(`reports.table.source.${row.progressSource}`, { date })}
      </Badge>
    );
  }
  if (!record || record.value?.text === row.progress) return null;
  return (
    <Group gap={6} mt={4} data-testid={`source-${row.code}`} data-source="written">
      <Text size="xs" c="dimmed">
        {t('reports.table.source.written')} ·{' '}
        {t('reports.table.source.dataSay', { value: record.value?.text ?? '' })}
      </Text>
      {!readOnly && (
        <Button
          size="compact-xs"
          variant="subtle"
          onClick={() => onChange(`indicators.${row.code}.progress`, null)}
        >
          {t('reports.table.source.useData')}
        </Button>
      )}
    </Group>
  );
}

const IndicatorRowView = memo(
  function IndicatorRowView({
    row,
    limit,
    progressTranslation,
    reasonTranslation,
  }: {
    row: ReportIndicatorRow;
    limit: number | undefined;
    progressTranslation?: string | undefined;
    reasonTranslation?: string | undefined;
  }) {
    const t = useT();
    const target = useTranslationTarget();
    const locale = useLocale();
    const { onChange, onBlur, readOnly } = useEditor();
    const base = `indicators.${row.code}`;
    const dimensions = row.disaggregations
      .filter((d): d is Dimension => (knownDimensions as readonly string[]).includes(d))
      .map((d) => t(`indicator.dimensions.${d}`));
    return (
      <tr
        className="indicator-row"
        data-excluded={!row.included || undefined}
        data-testid={`row-${row.code}`}
      >
        <td data-label={t('reports.table.indicator')} className="indicator-cell">
          <Text size="sm" fw={600} component="span">
            {row.code}
          </Text>{' '}
          <Text size="sm" component="span">
            {localize(row.title, locale)}
          </Text>
          {dimensions.length > 0 && (
            <Text size="xs" c="dimmed" mt={2}>
              {t('reports.table.disaggregation', { dimensions: formatList(dimensions, locale) })}
            </Text>
          )}
          {!row.included && (
            <Text size="xs" c="orange.8" mt={2}>
              {t('reports.table.excluded')}
            </Text>
          )}
        </td>
        <td data-label={t('reports.table.baseline')}>
          <ValueView value={row.baseline} />
        </td>
        <td data-label={t('reports.table.endTarget')}>
          <ValueView value={row.endTarget} />
        </td>
        <td data-label={t('reports.table.milestones')}>
          {row.milestones.length === 0 ? (
            <ValueView value={null} />
          ) : (
            <Stack gap={4}>
              {row.milestones.map((m, i) => (
                <div key={i}>
                  {m.date && !m.value.date && (
                    <Text size="xs" c="dimmed">
                      {formatDate(m.date, locale)}
                    </Text>
                  )}
                  <ValueView value={m.value} />
                </div>
              ))}
            </Stack>
          )}
        </td>
        <td data-label={t('reports.table.progress')} className="edit-cell">
          <TextWithCounter
            id={placeId(`${base}.progress`)}
            ariaLabel={t('reports.table.progressOf', { code: row.code })}
            value={row.progress ?? ''}
            limit={limit}
            minRows={2}
            onChange={(value) => onChange(`${base}.progress`, value)}
          />
          <ProgressSource row={row} />
          {target && (
            <TranslationInput
              language={target}
              path={`${base}.progress`}
              original={row.progress ?? ''}
              value={progressTranslation}
              limit={limit}
            />
          )}
        </td>
        <td data-label={t('reports.table.reason')} className="edit-cell">
          <TextWithCounter
            id={placeId(`${base}.reason`)}
            ariaLabel={t('reports.table.reasonOf', { code: row.code })}
            value={row.reason ?? ''}
            limit={limit}
            minRows={2}
            onChange={(value) => onChange(`${base}.reason`, value)}
          />
          {target && (
            <TranslationInput
              language={target}
              path={`${base}.reason`}
              original={row.reason ?? ''}
              value={reasonTranslation}
              limit={limit}
            />
          )}
        </td>
        <td data-label={t('reports.table.include')} className="include-cell">
          <Checkbox
            id={placeId(`${base}.included`)}
            aria-label={t('reports.table.includeLabel', { code: row.code })}
            checked={row.included}
            disabled={readOnly}
            onBlur={onBlur}
            onChange={(event) => onChange(`${base}.included`, event.currentTarget.checked)}
          />
        </td>
      </tr>
    );
  },
  (a, b) =>
    a.limit === b.limit &&
    a.progressTranslation === b.progressTranslation &&
    a.reasonTranslation === b.reasonTranslation &&
    a.row.code === b.row.code &&
    a.row.progress === b.row.progress &&
    a.row.progressSource === b.row.progressSource &&
    a.row.record === b.row.record &&
    a.row.reason === b.row.reason &&
    a.row.included === b.row.included &&
    a.row.title === b.row.title &&
    a.row.baseline === b.row.baseline &&
    a.row.endTarget === b.row.endTarget &&
    a.row.milestones === b.row.milestones,
);

function GroupRow({ label, statement, level }: { label: string; statement: string; level: 1 | 2 }) {
  return (
    <tr className={level === 1 ? 'group-row outcome-row' : 'group-row output-row'}>
      <th colSpan={COLUMNS} scope="colgroup">
        <Text span fw={700} size="sm">
          {label}
        </Text>{' '}
        <Text span size="sm" fw={level === 1 ? 600 : 500}>
          {statement}
        </Text>
      </th>
    </tr>
  );
}

export const IndicatorTable = memo(function IndicatorTable({
  section,
  outcomes,
  translations,
}: {
  section: TemplateSection;
  outcomes: ReportModel['outcomes'];
  /** one language's translations, by place, while they are shown */
  translations?: Readonly<Record<string, string>> | undefined;
}) {
  const t = useT();
  const locale = useLocale();
  const limit = section.cellMaxLength;
  const rowView = (row: ReportIndicatorRow) => (
    <IndicatorRowView
      key={row.code}
      row={row}
      limit={limit}
      progressTranslation={translations && ownValue(translations, `indicators.${row.code}.progress`)}
      reasonTranslation={translations && ownValue(translations, `indicators.${row.code}.reason`)}
    />
  );
  return (
    <div className="indicator-table-wrap">
      <table className="indicator-table">
        <colgroup>
          <col className="col-indicator" />
          <col className="col-value" />
          <col className="col-value" />
          <col className="col-value" />
          <col className="col-edit" />
          <col className="col-edit" />
          <col className="col-include" />
        </colgroup>
        <thead>
          <tr>
            <th scope="col">{t('reports.table.indicator')}</th>
            <th scope="col">{t('reports.table.baseline')}</th>
            <th scope="col">{t('reports.table.endTarget')}</th>
            <th scope="col">{t('reports.table.milestones')}</th>
            <th scope="col">{t('reports.table.progress')}</th>
            <th scope="col">{t('reports.table.reason')}</th>
            <th scope="col">{t('reports.table.include')}</th>
          </tr>
        </thead>
        <tbody>
          {outcomes.map((outcome) => (
            <Fragment key={outcome.code}>
              <GroupRow
                level={1}
                label={t('reports.editor.outcome', { code: outcome.code })}
                statement={localize(outcome.statement, locale)}
              />
              {outcome.indicators.map(rowView)}
              {outcome.outputs.map((output) => (
                <Fragment key={output.code}>
                  <GroupRow
                    level={2}
                    label={t('reports.editor.output', { code: output.code })}
                    statement={localize(output.statement, locale)}
                  />
                  {output.indicators.length === 0 ? (
                    <tr>
                      <td colSpan={COLUMNS}>
                        <Text size="sm" c="dimmed">
                          {t('reports.table.noIndicators')}
                        </Text>
                      </td>
                    </tr>
                  ) : (
                    output.indicators.map(rowView)
                  )}
                </Fragment>
              ))}
            </Fragment>
          ))}
        </tbody>
      </table>
    </div>
  );
});
