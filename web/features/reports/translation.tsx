/**
 * A report in two languages in the editor (docs/decisions/0020): the bar that says what language the report is
 * written in and how many of its texts are not yet translated, and the translation of one place shown beside
 * its original. What counts as a text to translate, and as translated, is core/reports/languages.ts — the
 * rule the checks and the documents follow.
 */
import { Checkbox, Group } from '@mantine/core';
import { createContext, memo, useContext } from 'react';
import type { ReportModel } from '../../../core/contracts/report.js';
import type { ReportTemplate } from '../../../core/contracts/report-template.js';
import type { Locale } from '../../../core/i18n/locale.js';
import { isLanguageNeutral, textPlaces, untranslatedPlaces } from '../../../core/reports/languages.js';
import { outOfDatePlaces } from '../../../core/reports/translation-stamps.js';
import {
  ConfirmTranslation,
  TranslationBadge,
  TranslationSummary,
  translationState,
} from '../../components/side-by-side.js';
import { useT } from '../../i18n/i18n.js';
import { useEditor } from './editor-context.js';
import { TextWithCounter } from './field-input.js';
import { placeId } from './report-places.js';

/** The language translations are shown in beside the originals, or null when they are not shown. */
export const TranslationTarget = createContext<Locale | null>(null);

export const useTranslationTarget = () => useContext(TranslationTarget);

/**
 * The fingerprints of the originals the shown language's translations were made from, by place
 * (`content.translatedFrom[target]`): its identity changes only when a save touches a translation.
 */
export const TranslationStamps = createContext<Readonly<Record<string, string>> | undefined>(undefined);

/** The other language of a report written in `language`. */
export const otherLanguage = (language: Locale): Locale => (language === 'fr' ? 'en' : 'fr');

/** The report's languages: written in, how much is translated, the side-by-side view, the wanted document. */
export const TranslationBar = memo(function TranslationBar({
  model,
  template,
  showing,
  onShow,
}: {
  model: ReportModel;
  template: ReportTemplate;
  showing: boolean;
  onShow: (show: boolean) => void;
}) {
  const t = useT();
  const { onChange, readOnly } = useEditor();
  const target = otherLanguage(model.content.language);
  const name = (l: Locale) => t(`reports.translation.languages.${l}`);
  const total = textPlaces(model, template).filter((p) => !isLanguageNeutral(p.original)).length;
  const missing = untranslatedPlaces(model, template, target).length;
  const outOfDate = outOfDatePlaces(model, template, target).length;
  return (
    <TranslationSummary
      language={model.content.language}
      target={target}
      total={total}
      missing={missing}
      outOfDate={outOfDate}
      showing={showing}
      onShow={onShow}
    >
      <Checkbox
        checked={model.content.wanted.includes(target)}
        disabled={readOnly}
        onChange={(event) => onChange(`wanted.${target}`, event.currentTarget.checked)}
        label={t('reports.translation.wanted', { language: name(target) })}
      />
    </TranslationSummary>
  );
});

/**
 * A place's translation, with "not yet translated" while it has none and its original needs one, and "the
 * original changed since" while it was made from an earlier original — with the means to confirm it as it is
 * (written again, the server records the original it now translates).
 */
export function TranslationInput({
  language,
  path,
  original,
  value,
  limit,
  multiline = true,
}: {
  language: Locale;
  /** the place (`fields.overall_status`, `indicators.1.1.progress`) */
  path: string;
  original: string;
  value: string | undefined;
  limit?: number | undefined;
  multiline?: boolean;
}) {
  const t = useT();
  const { onChange, readOnly } = useEditor();
  const stamps = useContext(TranslationStamps);
  const translationPath = `translations.${language}.${path}`;
  const state = translationState(original, value, stamps?.[path]);
  return (
    <div
      className="translation"
      lang={language}
      data-testid={`translation-${path}`}
      data-untranslated={state === 'missing' || undefined}
      data-out-of-date={state === 'outOfDate' || undefined}
    >
      <TextWithCounter
        id={placeId(translationPath)}
        label={
          <Group gap={6} component="span">
            <span>
              {t('reports.translation.label', { language: t(`reports.translation.languages.${language}`) })}
            </span>
            <TranslationBadge state={state} />
          </Group>
        }
        value={value ?? ''}
        limit={limit}
        multiline={multiline}
        minRows={2}
        onChange={(next) => onChange(translationPath, next)}
      />
      {state === 'outOfDate' && (
        <ConfirmTranslation disabled={readOnly} onConfirm={() => onChange(translationPath, value ?? '')} />
      )}
    </div>
  );
}
