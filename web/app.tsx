import { createTheme, darken, MantineProvider, type CSSVariablesResolver } from '@mantine/core';
import { QueryClientProvider, type QueryClient } from '@tanstack/react-query';
import type { ReactNode } from 'react';
import { I18nProvider, type I18n } from './i18n/i18n.js';

export const theme = createTheme({
  primaryColor: 'blue',
  // WCAG 2.1 AA (issue 19): links and filled buttons in blue 8 (5:1 on white, and white on it); Mantine's
  // default shade 6 gives 3.6:1, below the 4.5:1 small text needs
  primaryShade: { light: 8, dark: 8 },
  // black text on the light filled colours (yellow, lime…), where white cannot be read
  autoContrast: true,
  defaultRadius: 'sm',
  headings: { fontWeight: '700' },
});

/**
 * Colours dark enough to read (WCAG 2.1 AA, 4.5:1 for small text): secondary text, placeholders and error words
 * (Mantine's gray 5–6 and red 6 give 2.2–3.3:1 on white), links (also on a light alert), and the text of every
 * "light" badge, button and alert — Mantine's shade 9 on shade 1 is 2.8:1 in yellow, 3.8:1 in green.
 */
export const cssVariablesResolver: CSSVariablesResolver = (resolved) => ({
  variables: {},
  light: {
    '--mantine-color-dimmed': 'var(--mantine-color-gray-7)',
    '--mantine-color-placeholder': 'var(--mantine-color-gray-7)',
    '--mantine-color-error': 'var(--mantine-color-red-9)',
    '--mantine-color-anchor': 'var(--mantine-color-blue-9)',
    // a coloured word (`c="orange"`) and a "light" badge's or alert's text: shade 9 darkened a third, 4.5:1 or
    // more on white and on shade 1 in every colour (orange 8 on white is 3.6:1, green 8 3.4:1)
    ...Object.fromEntries(
      Object.entries(resolved.colors).flatMap(([name, shades]) => [
        [`--mantine-color-${name}-light-color`, darken(shades[9], 0.3)],
        [`--mantine-color-${name}-text`, darken(shades[9], 0.3)],
      ]),
    ),
  },
  dark: {},
});

/** Everything a page needs around it; shared by main.tsx and the component tests. */
export function AppProviders({
  i18n,
  queryClient,
  children,
}: {
  i18n: I18n;
  queryClient: QueryClient;
  children: ReactNode;
}) {
  return (
    <I18nProvider i18n={i18n}>
      <QueryClientProvider client={queryClient}>
        <MantineProvider theme={theme} cssVariablesResolver={cssVariablesResolver} defaultColorScheme="light">
          {children}
        </MantineProvider>
      </QueryClientProvider>
    </I18nProvider>
  );
}
