import { Group, SimpleGrid, Skeleton, Stack, Text, Title } from '@mantine/core';
import { useDocumentTitle } from '@mantine/hooks';
import { useMemo } from 'react';
import { useProgrammes } from '../../api/programmes.js';
import { ErrorState, Loading } from '../../components/query-state.js';
import { DueSummary } from '../due/due-summary.js';
import { MyWork } from '../my-work/my-work.js';
import { ProgrammeCard } from './programme-card.js';
import { useT } from '../../i18n/i18n.js';

/** `/`: every programme, as a card. */
export function PortfolioPage() {
  const t = useT();
  const programmes = useProgrammes();
  // the answer names each organisation once; the cards find theirs by code
  const organisations = useMemo(
    () => new Map((programmes.data?.organisations ?? []).map((o) => [o.code, o])),
    [programmes.data],
  );
  useDocumentTitle(`${t('portfolio.title')} — ${t('app.name')}`);

  return (
    <Stack gap="lg">
      <Group justify="space-between" align="baseline">
        <Title order={1}>{t('portfolio.title')}</Title>
        {programmes.data && (
          <Text c="dimmed">{t('portfolio.count', { count: programmes.data.items.length })}</Text>
        )}
      </Group>
      <MyWork />
      <DueSummary />
      {programmes.isPending && (
        <>
          <Loading />
          <SimpleGrid cols={{ base: 1, md: 2 }} aria-hidden>
            <Skeleton h={260} radius="md" />
            <Skeleton h={260} radius="md" />
          </SimpleGrid>
        </>
      )}
      {programmes.isError && (
        <ErrorState error={programmes.error} onRetry={() => void programmes.refetch()} />
      )}
      {programmes.data &&
        (programmes.data.items.length === 0 ? (
          <Text c="dimmed">{t('portfolio.empty')}</Text>
        ) : (
          <SimpleGrid cols={{ base: 1, md: 2 }} spacing="lg">
            {programmes.data.items.map((programme) => (
              <ProgrammeCard key={programme.id} programme={programme} organisations={organisations} />
            ))}
          </SimpleGrid>
        ))}
    </Stack>
  );
}
