/** Renders a component inside the app's providers, in a chosen language, with a fresh cache. */
import { render, type RenderResult } from '@testing-library/react';
import type { ReactNode } from 'react';
import { MemoryRouter } from 'react-router';
import type { Locale } from '../core/i18n/locale.js';
import { createQueryClient } from './api/query-client.js';
import { AppProviders } from './app.js';
import { en } from '../core/i18n/en.js';
import type { Catalogue } from '../core/i18n/fr.js';
import { createI18n } from './i18n/i18n.js';

export function renderWithProviders(
  ui: ReactNode,
  {
    locale = 'fr',
    catalogues = { en },
  }: { locale?: Locale; catalogues?: Partial<Record<Locale, Catalogue>> } = {},
): RenderResult & {
  i18n: ReturnType<typeof createI18n>;
} {
  // every catalogue at once: a test renders synchronously in the language it asks for
  const i18n = createI18n(locale, catalogues);
  const queryClient = createQueryClient();
  const result = render(
    <AppProviders i18n={i18n} queryClient={queryClient}>
      <MemoryRouter>{ui}</MemoryRouter>
    </AppProviders>,
  );
  return { ...result, i18n };
}
