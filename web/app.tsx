import { createTheme, MantineProvider } from '@mantine/core';
import { QueryClientProvider, type QueryClient } from '@tanstack/react-query';
import type { ReactNode } from 'react';
import { I18nProvider, type I18n } from './i18n/i18n.js';

export const theme = createTheme({
  primaryColor: 'blue',
  defaultRadius: 'sm',
  headings: { fontWeight: '700' },
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
        <MantineProvider theme={theme} defaultColorScheme="light">
          {children}
        </MantineProvider>
      </QueryClientProvider>
    </I18nProvider>
  );
}
