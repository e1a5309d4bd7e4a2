import { SegmentedControl, VisuallyHidden } from '@mantine/core';
import { locales, type Locale } from '../../core/i18n/locale.js';
import { useChangeLocale, useLocale, useT } from '../i18n/i18n.js';

// Each language is named in itself (`Français`, `English`), so a reader who does not understand the current one
// still finds theirs; Intl knows every language's name, so a new language needs no word here.
function nameOf(code: Locale): string {
  const name = new Intl.DisplayNames([code], { type: 'language' }).of(code) ?? code;
  return name.charAt(0).toLocaleUpperCase(code) + name.slice(1);
}

/** FR | EN in the header: one click, remembered in localStorage by the i18n module, sets `<html lang>`. */
export function LanguageSwitch() {
  const t = useT();
  const changeLocale = useChangeLocale();
  const locale = useLocale();
  return (
    <SegmentedControl
      size="xs"
      aria-label={t('language.label')}
      value={locale}
      onChange={(value) => void changeLocale(value as Locale)}
      data={locales.map((code) => ({
        value: code,
        label: (
          <span lang={code} title={nameOf(code)}>
            {code.toUpperCase()}
            <VisuallyHidden> — {nameOf(code)}</VisuallyHidden>
          </span>
        ),
      }))}
    />
  );
}
