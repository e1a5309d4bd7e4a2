import {
  createTheme,
  darken,
  DEFAULT_THEME,
  MantineProvider,
  type CSSVariablesResolver,
  type MantineColorsTuple,
} from '@mantine/core';
import { QueryClientProvider, type QueryClient } from '@tanstack/react-query';
import type { ReactNode } from 'react';
import { I18nProvider, type I18n } from './i18n/i18n.js';

/** WCAG contrast ratio of a `#rrggbb` colour against white. */
function contrastOnWhite(hex: string): number {
  const channel = (i: number) => {
    const c = parseInt(hex.slice(1 + 2 * i, 3 + 2 * i), 16) / 255;
    return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
  };
  const luminance = 0.2126 * channel(0) + 0.7152 * channel(1) + 0.0722 * channel(2);
  return 1.05 / (luminance + 0.05);
}

/** `#rrggbb` from Mantine's `darken`, which answers `rgba(r, g, b, a)`. */
function hexOf(colour: string): string {
  if (colour.startsWith('#')) return colour;
  const [r, g, b] = (colour.match(/\d+(\.\d+)?/g) ?? []).map(Number);
  return `#${[r, g, b]
    .map((c) =>
      Math.round(c ?? 0)
        .toString(16)
        .padStart(2, '0'),
    )
    .join('')}`;
}

/**
 * Mantine's palette with shades 7 to 9 dark enough for small text on white and on their own light tints (5.2:1 on white): the screens write warnings,
 * statuses and parts in `orange.8`, `green.8`, `yellow.9`…, which Mantine draws at 2.6–4.4:1. Lighter shades stay.
 */
function readablePalette(): Record<string, MantineColorsTuple> {
  const palette: Record<string, MantineColorsTuple> = {};
  for (const [name, shades] of Object.entries(DEFAULT_THEME.colors)) {
    const next = [...shades];
    for (let shade = 7; shade <= 9; shade++) {
      let colour = hexOf(next[shade]!);
      if (shade > 7 && contrastOnWhite(colour) < contrastOnWhite(next[shade - 1]!)) colour = next[shade - 1]!;
      while (contrastOnWhite(colour) < 5.2) colour = hexOf(darken(colour, 0.05));
      next[shade] = colour;
    }
    palette[name] = next as unknown as MantineColorsTuple;
  }
  return palette;
}

export const theme = createTheme({
  colors: readablePalette(),
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
    // a coloured word (`c="orange"`) and a "light" badge's or alert's text: shade 9 darkened by 40 %, 4.5:1 or
    // more on white and on shade 1 in every colour (orange 8 on white is 3.6:1, green 8 3.4:1)
    ...Object.fromEntries(
      Object.entries(resolved.colors).flatMap(([name, shades]) => [
        [`--mantine-color-${name}-light-color`, darken(shades[9], 0.4)],
        [`--mantine-color-${name}-text`, darken(shades[9], 0.4)],
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
