/**
 * The quarterly report in two languages (docs/decisions/0020): each written place — the presentation, a key
 * figure's own sentence, an outcome's narrative, the steering committee, the contacts — with its translation
 * beside it, what is not yet translated counted, and a translation made from an earlier original marked with
 * "Still right". Written as the PBF editor writes it: `translations.<language>.<place>` through
 * `PATCH /reports/:id` (the quarterly page's hook), saved a moment after the typing stops or on leaving the box.
 */
import { Text, Textarea } from '@mantine/core';
import { useEffect, useRef, useState, type ReactNode } from 'react';
import type { QuarterlyReport } from '../../../core/contracts/quarterly-report.js';
import type { Locale } from '../../../core/i18n/locale.js';
import { isLanguageNeutral } from '../../../core/reports/languages.js';
import { isOutOfDate } from '../../../core/reports/translation-stamps.js';
import { useSaveQuarterlyText } from '../../api/field.js';
import { ConflictDialog, useVersionConflict } from '../../components/conflict-dialog.js';
import { useErrorMessage } from '../../components/query-state.js';
import {
  ConfirmTranslation,
  SideBySide,
  TranslationBadge,
  TranslationSummary,
  translationState,
} from '../../components/side-by-side.js';
import { useT } from '../../i18n/i18n.js';

/** A written place of the quarterly report and its text as written (the original). */
export interface QuarterlyPlace {
  /** `fields.presentation`, `fields.justice_sentence`, `outcomes.1.fields.narrative` */
  path: string;
  original: string;
}

/** The other language of a report written in `language`. */
export const otherLanguage = (language: Locale): Locale => (language === 'fr' ? 'en' : 'fr');

const translationOf = (report: QuarterlyReport, language: Locale, path: string) =>
  report.translations?.[language]?.[path];
const stampOf = (report: QuarterlyReport, language: Locale, path: string) =>
  report.translatedFrom?.[language]?.[path];

/**
 * The places of the page's order whose text the documents translate: the key figures' own sentences and
 * written figures, the presentation, the narratives, the steering committee, the contacts.
 */
export function quarterlyPlaces(report: QuarterlyReport, figureFields: readonly string[]): QuarterlyPlace[] {
  const field = (id: string) => ({ path: `fields.${id}`, original: report.fields[id] ?? '' });
  return [
    ...figureFields.map(field),
    field('presentation'),
    ...report.outcomes.map((o) => ({
      path: `outcomes.${o.code}.fields.narrative`,
      original: o.narrative ?? '',
    })),
    field('steering_committee'),
    field('contacts'),
  ];
}

/** The report's languages: written in, how much is translated, the side-by-side view. */
export function QuarterlyTranslationBar({
  report,
  places,
  showing,
  onShow,
}: {
  report: QuarterlyReport;
  places: QuarterlyPlace[];
  showing: boolean;
  onShow: (show: boolean) => void;
}) {
  const language = report.language ?? 'fr';
  const target = otherLanguage(language);
  const worded = places.filter((p) => p.original.trim() !== '' && !isLanguageNeutral(p.original));
  const missing = worded.filter((p) => !translationOf(report, target, p.path)?.trim()).length;
  const outOfDate = worded.filter(
    (p) =>
      translationOf(report, target, p.path)?.trim() &&
      isOutOfDate(stampOf(report, target, p.path), p.original),
  ).length;
  return (
    <TranslationSummary
      language={language}
      target={target}
      total={worded.length}
      missing={missing}
      outOfDate={outOfDate}
      showing={showing}
      onShow={onShow}
    />
  );
}

/** A written place (`children`: its box) and, while translations are shown, its translation beside it. */
export function WithTranslation({
  report,
  showing,
  place,
  rows,
  children,
}: {
  report: QuarterlyReport;
  showing: boolean;
  place: QuarterlyPlace;
  rows?: number;
  children: ReactNode;
}) {
  if (!showing) return children;
  return (
    <SideBySide
      original={children}
      translation={<QuarterlyTranslation report={report} place={place} rows={rows ?? 3} />}
    />
  );
}

/** How long after the last keystroke a translation is saved. */
const autosaveMs = 1000;

/** A place's translation, saved a moment after the typing stops and on leaving the box. */
function QuarterlyTranslation({
  report,
  place,
  rows,
}: {
  report: QuarterlyReport;
  place: QuarterlyPlace;
  rows: number;
}) {
  const t = useT();
  const errorMessage = useErrorMessage();
  const language = otherLanguage(report.language ?? 'fr');
  const path = `translations.${language}.${place.path}`;
  const saved = translationOf(report, language, place.path) ?? '';
  const [text, setText] = useState(saved);
  const save = useSaveQuarterlyText(report.programme.slug, report.quarter);
  const stale = useVersionConflict<{
    report: { version: number };
    conflicts: { path: string; mine: unknown; theirs: unknown }[];
  }>();
  const timer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  useEffect(() => () => clearTimeout(timer.current), []);
  const editable = !!report.reportId && report.status === 'draft';
  const send = (value: string, over?: number) => {
    clearTimeout(timer.current);
    save.mutate(
      {
        reportId: report.reportId!,
        version: over ?? report.version!,
        changes: [{ path, value: value.trim() ? value : null }],
      },
      { onError: (error) => void stale.take(error) },
    );
  };
  const state = translationState(place.original, text, stampOf(report, language, place.path));
  const clash = stale.conflict?.current.conflicts.find((c) => c.path === path);
  const label = t('reports.translation.label', { language: t(`reports.translation.languages.${language}`) });
  return (
    <div
      className="translation"
      lang={language}
      data-testid={`translation-${place.path}`}
      data-untranslated={state === 'missing' || undefined}
      data-out-of-date={(state === 'outOfDate' && text === saved) || undefined}
    >
      <Textarea
        label={
          <>
            {label} <TranslationBadge state={text === saved ? state : 'current'} />
          </>
        }
        aria-label={label}
        autosize
        minRows={rows}
        value={text}
        disabled={!editable}
        onChange={(event) => {
          const next = event.currentTarget.value;
          setText(next);
          clearTimeout(timer.current);
          timer.current = setTimeout(() => send(next), autosaveMs);
        }}
        onBlur={() => {
          if (text !== saved && !save.isPending) send(text);
        }}
      />
      {state === 'outOfDate' && text === saved && (
        <ConfirmTranslation disabled={!editable || save.isPending} onConfirm={() => send(saved)} />
      )}
      <Text size="xs" c={save.error && !stale.conflict ? 'red' : 'dimmed'} mt={2} aria-live="polite">
        {save.isPending
          ? t('reports.translation.saving')
          : save.error && !stale.conflict
            ? errorMessage(save.error)
            : save.isSuccess && text === saved
              ? t('reports.translation.saved')
              : ''}
      </Text>
      {stale.conflict && (
        <ConflictDialog
          opened
          mine={{ text: text.trim() ? text : null }}
          theirs={{ text: typeof clash?.theirs === 'string' ? clash.theirs : null }}
          fields={[{ key: 'text', label }]}
          busy={save.isPending}
          onReload={() => {
            setText(typeof clash?.theirs === 'string' ? clash.theirs : '');
            stale.clear();
            save.reset();
          }}
          onKeepMine={() => {
            const version = stale.conflict!.current.report.version;
            stale.clear();
            send(text, version);
          }}
        />
      )}
    </div>
  );
}
