import { SegmentedControl, VisuallyHidden } from '@mantine/core';
import { locales, type Locale } from '../../core/i18n/locale.js';
import { useChangeLocale, useLocale, useT } from '../i18n/i18n.js';

// Each language is named in itself, so a reader who does not understand the current one still finds theirs.
const names: Record<Locale, string> = { fr: 'Français', en: 'English' };

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
          <span lang={code} title={names[code]}>
            {code.toUpperCase()}
            <VisuallyHidden> — {names[code]}</VisuallyHidden>
          </span>
        ),
      }))}
    />
  );
}
