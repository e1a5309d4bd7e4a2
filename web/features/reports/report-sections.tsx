/**
 * A template's sections, in order, whatever the template: `fields` (the header's derived values read-only
 * among the fields to fill), `outcomes` (the rating and the fields, for every outcome of the framework) and
 * `indicator_table` (Part V). Fields and sections that do not apply to the report (last six months, final
 * only) are left out, as in the document.
 */
import { Alert, NativeSelect, Paper, Stack, Text, Title } from '@mantine/core';
import { memo, useMemo, type ReactNode } from 'react';
import type { FieldValue, ReportContent, ReportModel } from '../../../core/contracts/report.js';
import type { TemplateField, TemplateSection } from '../../../core/contracts/report-template.js';
import { localize } from '../../../core/i18n/locale.js';
import { applies } from '../../../core/reports/checks.js';
import { fieldText } from '../../../core/reports/languages.js';
import { ownValue } from '../../../core/lib/safe-keys.js';
import { useLocale, useT } from '../../i18n/i18n.js';
import { DerivedValue } from './derived-value.js';
import { EditorContext, useEditor } from './editor-context.js';
import { FieldInput } from './field-input.js';
import { IndicatorTable } from './indicator-table.js';
import { placeId } from './report-places.js';
import { SideBySide } from '../../components/side-by-side.js';
import { TranslationInput, useTranslationTarget } from './translation.js';

/** One language's translations of a report, by place. */
type Translations = Readonly<Record<string, string>> | undefined;

/**
 * A field, and beside it its translation while translations are shown (a field holding a writer's text:
 * a narrative, a line, the explanation of a yes/no, the "other" of a choice).
 */
const BilingualField = memo(function BilingualField({
  field,
  path,
  value,
  translation,
}: {
  field: TemplateField;
  path: string;
  value: FieldValue | undefined;
  translation: string | undefined;
}) {
  const target = useTranslationTarget();
  const input = <FieldInput field={field} path={path} value={value} />;
  const original = fieldText(field, value);
  const always = field.type === 'text' || field.type === 'short_text';
  if (!target || !['text', 'short_text', 'yes_no_text', 'multi_choice'].includes(field.type)) return input;
  if (!always && !original.trim() && !translation) return input;
  return (
    <SideBySide
      original={input}
      translation={
        <TranslationInput
          language={target}
          path={path}
          original={original}
          value={translation}
          limit={field.maxLength}
          multiline={field.type !== 'short_text' && field.type !== 'multi_choice'}
        />
      }
    />
  );
});

export const sectionAnchor = (id: string) => `section-${id}`;

/**
 * Which units of a section the reader writes, and who writes the others (a focal point writes the sections given
 * to their agency: core/reports/attributions.ts); undefined when the reader writes all or nothing.
 */
export interface SectionAccess {
  writable: (outcome: string | null) => boolean;
  owners: (outcome: string | null) => string[];
}

/** A unit the reader does not write: read-only, saying who writes it. */
function NotYours({ owners, children }: { owners: string[]; children: ReactNode }) {
  const t = useT();
  const editor = useEditor();
  const value = useMemo(() => ({ ...editor, readOnly: true }), [editor]);
  return (
    <EditorContext.Provider value={value}>
      <Stack gap="sm" data-testid="not-yours">
        <Text size="sm" c="dimmed" fs="italic">
          {owners.length
            ? t('reports.workflow.writtenBy', { agencies: owners.join(', ') })
            : t('reports.workflow.writtenByCoordination')}
        </Text>
        {children}
      </Stack>
    </EditorContext.Provider>
  );
}

const wideDerived = new Set(['project_title', 'recipients', 'budget_by_recipient', 'focus_area']);

const DerivedFacts = memo(function DerivedFacts({
  fields,
  model,
}: {
  fields: TemplateField[];
  model: ReportModel;
}) {
  const locale = useLocale();
  return (
    <dl className="report-facts">
      {fields.map((field) => (
        <div key={field.id} className={wideDerived.has(field.derived ?? '') ? 'wide' : undefined}>
          <dt>{localize(field.label, locale)}</dt>
          <dd>
            <DerivedValue derived={field.derived} model={model} />
          </dd>
        </div>
      ))}
    </dl>
  );
});

const FieldsSection = memo(function FieldsSection({
  section,
  model,
  values,
  translations,
}: {
  section: TemplateSection;
  model: ReportModel;
  values: ReportContent['fields'];
  translations?: Translations;
}) {
  // runs of derived fields read as one block of facts; the fields to fill stay in the template's order
  const groups = useMemo(() => {
    const runs: ({ derived: TemplateField[] } | { field: TemplateField })[] = [];
    for (const field of section.fields.filter((f) => applies(f, model))) {
      const last = runs.at(-1);
      if (field.type === 'derived') {
        if (last && 'derived' in last) last.derived.push(field);
        else runs.push({ derived: [field] });
      } else runs.push({ field });
    }
    return runs;
  }, [section, model]);
  return (
    <Stack gap="lg">
      {groups.map((group) =>
        'derived' in group ? (
          <DerivedFacts key={group.derived[0]!.id} fields={group.derived} model={model} />
        ) : (
          <BilingualField
            key={group.field.id}
            field={group.field}
            path={`fields.${group.field.id}`}
            value={values[group.field.id]}
            translation={translations && ownValue(translations, `fields.${group.field.id}`)}
          />
        ),
      )}
    </Stack>
  );
});

const OutcomeRating = memo(function OutcomeRating({
  section,
  code,
  value,
}: {
  section: TemplateSection;
  code: string;
  value: string | null;
}) {
  const t = useT();
  const locale = useLocale();
  const { onChange, onBlur, readOnly } = useEditor();
  if (!section.rating) return null;
  const selected = section.rating.choices.find((c) => c.value === value);
  const path = `outcomes.${code}.rating`;
  return (
    <NativeSelect
      id={placeId(path)}
      label={localize(section.rating.label, locale)}
      description={selected?.guidance ? localize(selected.guidance, locale) : undefined}
      value={value ?? ''}
      disabled={readOnly}
      onBlur={onBlur}
      onChange={(event) => onChange(path, event.currentTarget.value || null)}
      data={[
        { value: '', label: t('reports.editor.choose') },
        ...section.rating.choices.map((c) => ({
          value: c.value,
          label: localize(c.label, locale),
        })),
      ]}
      styles={{ wrapper: { maxWidth: '32rem' } }}
    />
  );
});

const OutcomesSection = memo(function OutcomesSection({
  section,
  model,
  written: byOutcome,
  access,
  translations,
}: {
  section: TemplateSection;
  model: ReportModel;
  written: ReportContent['outcomes'];
  access?: SectionAccess | undefined;
  translations?: Translations;
}) {
  const t = useT();
  const locale = useLocale();
  const fields = section.fields.filter((f) => applies(f, model));
  if (model.outcomes.length === 0) return <Text c="dimmed">{t('reports.editor.noOutcomes')}</Text>;
  return (
    <Stack gap="lg">
      {section.maxOutcomes && model.outcomes.length > section.maxOutcomes && (
        <Alert color="yellow" variant="light">
          {t('reports.editor.tooManyOutcomes', { max: section.maxOutcomes, count: model.outcomes.length })}
        </Alert>
      )}
      {model.outcomes.map((outcome) => {
        const written = byOutcome[outcome.code];
        const inputs = (
          <>
            <OutcomeRating section={section} code={outcome.code} value={written?.rating ?? null} />
            {fields.map((field) => (
              <BilingualField
                key={field.id}
                field={field}
                path={`outcomes.${outcome.code}.fields.${field.id}`}
                value={written?.fields[field.id]}
                translation={
                  translations && ownValue(translations, `outcomes.${outcome.code}.fields.${field.id}`)
                }
              />
            ))}
          </>
        );
        return (
          <Paper
            key={outcome.code}
            withBorder
            p={{ base: 'sm', sm: 'md' }}
            component="article"
            aria-labelledby={`outcome-${outcome.code}`}
          >
            <Stack gap="md">
              <div>
                <Title order={3} fz="md" id={`outcome-${outcome.code}`}>
                  {t('reports.editor.outcome', { code: outcome.code })}
                </Title>
                <Text size="sm" mt={4}>
                  {localize(outcome.statement, locale)}
                </Text>
              </div>
              {access && !access.writable(outcome.code) ? (
                <NotYours owners={access.owners(outcome.code)}>{inputs}</NotYours>
              ) : (
                inputs
              )}
            </Stack>
          </Paper>
        );
      })}
    </Stack>
  );
});

/**
 * One section: its title, its guidance, its content by kind. `model` is the report as the server assembled
 * it (header, outcomes); `content` what the writer is typing; `outcomes` the Part V rows with that content.
 * Each kind gets only its part of the content, so a keystroke redraws one section's one field.
 */
export function ReportSection({
  section,
  model,
  content,
  outcomes,
  comments,
  access,
}: {
  section: TemplateSection;
  model: ReportModel;
  content: ReportContent;
  outcomes: ReportModel['outcomes'];
  /** the section's comments, shown under its title */
  comments?: ReactNode;
  /** for a focal point: what of this section they write */
  access?: SectionAccess | undefined;
}) {
  const locale = useLocale();
  const t = useT();
  const target = useTranslationTarget();
  const translations = target ? ownValue(content.translations, target) : undefined;
  let body: ReactNode;
  if (section.kind === 'fields')
    body = (
      <FieldsSection section={section} model={model} values={content.fields} translations={translations} />
    );
  else if (section.kind === 'outcomes')
    body = (
      <OutcomesSection
        section={section}
        model={model}
        written={content.outcomes}
        access={access}
        translations={translations}
      />
    );
  else if (section.kind === 'indicator_table')
    body = <IndicatorTable section={section} outcomes={outcomes} translations={translations} />;
  else {
    // a part computed from the data for the document (key figures, photos): its fields, if any, and a word
    body = (
      <Stack gap="md">
        <Text size="sm" c="dimmed" fs="italic">
          {t('reports.editor.computedSection')}
        </Text>
        {section.fields.length > 0 && (
          <FieldsSection
            section={section}
            model={model}
            values={content.fields}
            translations={translations}
          />
        )}
      </Stack>
    );
  }
  if (access && section.kind !== 'outcomes' && !access.writable(null))
    body = <NotYours owners={access.owners(null)}>{body}</NotYours>;
  const titleId = `${sectionAnchor(section.id)}-title`;
  return (
    <section id={sectionAnchor(section.id)} aria-labelledby={titleId} className="report-section">
      <Stack gap="md">
        <div>
          <Title order={2} fz={{ base: 'h4', sm: 'h3' }} id={titleId}>
            {localize(section.title, locale)}
          </Title>
          {section.guidance && (
            <Text size="sm" c="dimmed" mt={4} maw="80ch">
              {localize(section.guidance, locale)}
            </Text>
          )}
        </div>
        {comments}
        {body}
      </Stack>
    </section>
  );
}
