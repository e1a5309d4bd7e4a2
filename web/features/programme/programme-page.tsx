import './styles.js';
import { Anchor, Badge, Button, Divider, Group, Stack, Text, Title } from '@mantine/core';
import { useDocumentTitle } from '@mantine/hooks';
import { Link, useParams, useSearchParams } from 'react-router';
import { localize } from '../../../core/i18n/locale.js';
import { ApiError } from '../../api/client.js';
import { useFramework, useProgramme } from '../../api/programmes.js';
import { ErrorState, Loading } from '../../components/query-state.js';
import { useLocale, useT } from '../../i18n/i18n.js';
import { ExportButtons } from '../exchange/export-buttons.js';
import { BudgetSection } from './budget-section.js';
import { FrameworkSection } from './framework-section.js';
import { DonorsSection, ProgrammeFacts } from './programme-facts.js';
import { RisksTable } from './risks-table.js';
import { AuditPanel } from '../audit/audit-panel.js';

function parseVersion(value: string | null): number | undefined {
  if (!value || !/^\d+$/.test(value)) return undefined;
  return Number(value);
}

/** `/programmes/:slug[?version=N]`: header facts, budget, donors, results framework, risks. */
export function ProgrammePage() {
  const t = useT();
  const locale = useLocale();
  const { slug = '' } = useParams();
  const [search, setSearch] = useSearchParams();
  const versionParam = parseVersion(search.get('version'));

  const programme = useProgramme(slug);
  const inForce = programme.data?.frameworkVersions.find((version) => version.inForce)?.version;
  // The version in force is fetched without `?version=` — in parallel with the programme, before its number
  // is known — and keeps that one cache entry however the reader came back to it.
  const requested = versionParam !== undefined && versionParam !== inForce ? versionParam : undefined;
  const framework = useFramework(slug, requested);
  const selected = versionParam ?? inForce ?? framework.data?.version;

  const selectVersion = (version: number) =>
    setSearch(
      (previous) => {
        const next = new URLSearchParams(previous);
        if (version === inForce) next.delete('version');
        else next.set('version', String(version));
        return next;
      },
      { replace: true, preventScrollReset: true },
    );

  useDocumentTitle(`${programme.data?.code ?? t('app.name')} — ${t('app.name')}`);

  const back = (
    <Anchor component={Link} to="/" size="sm">
      ← {t('common.backToPortfolio')}
    </Anchor>
  );

  if (programme.isPending) return <Loading />;
  if (programme.isError) {
    const notFound = programme.error instanceof ApiError && programme.error.code === 'not_found';
    return (
      <Stack gap="md">
        {back}
        {notFound ? (
          <>
            <Title order={1}>{t('errors.notFoundTitle')}</Title>
            <Text>{t('errors.programmeNotFound', { slug })}</Text>
          </>
        ) : (
          <ErrorState error={programme.error} onRetry={() => void programme.refetch()} />
        )}
      </Stack>
    );
  }

  const p = programme.data;
  const sections = [
    { id: 'facts', label: t('programme.facts') },
    { id: 'budget', label: t('budget.title') },
    ...(p.donors.length > 0 || p.resourcesRequired !== null
      ? [{ id: 'donors', label: t('programme.donors') }]
      : []),
    { id: 'framework', label: t('framework.title') },
    ...(p.risks.length > 0 ? [{ id: 'risks', label: t('risks.title') }] : []),
  ];

  return (
    <Stack gap="xl">
      <Stack gap="xs">
        {back}
        <Group gap="xs">
          <Badge variant="outline" tt="none" size="lg" radius="sm">
            {p.code}
          </Badge>
          <Badge variant="light" color="gray" tt="none">
            {t(`kinds.${p.kind}`)}
          </Badge>
          {/* the reports are their programme's members' and the secretariat's: others are not offered a page that refuses them */}
          {p.can.readReports && (
            <Button
              component={Link}
              to="reports"
              variant="light"
              size="xs"
              ml="auto"
              title={t('reports.linkHint')}
            >
              {t('reports.link')}
            </Button>
          )}
          <Button
            component={Link}
            to="dashboard"
            variant="light"
            size="xs"
            ml={p.can.readReports ? undefined : 'auto'}
            title={t('field.links.hint')}
          >
            {t('field.links.dashboard')}
          </Button>
          <Button component={Link} to="activities" variant="light" size="xs">
            {t('field.links.activities')}
          </Button>
          <Button component={Link} to="finance" variant="light" size="xs" title={t('finance.linkHint')}>
            {t('finance.link')}
          </Button>
          <ExportButtons slug={slug} version={selected} />
        </Group>
        <Title order={1} fz={{ base: 'h3', sm: 'h2' }} lh={1.25}>
          {localize(p.title, locale)}
        </Title>
        {p.shortTitle && localize(p.shortTitle, locale) !== p.code && (
          <Text c="dimmed">{localize(p.shortTitle, locale)}</Text>
        )}
        {p.summary && (
          <Text size="sm" maw="80ch" style={{ whiteSpace: 'pre-line' }}>
            {localize(p.summary, locale)}
          </Text>
        )}
        <Group component="nav" aria-label={t('programme.onThisPage')} gap="md" mt="xs">
          {sections.map((section) => (
            <Anchor key={section.id} href={`#${section.id}`} size="sm">
              {section.label}
            </Anchor>
          ))}
        </Group>
      </Stack>
      <ProgrammeFacts programme={p} />
      <Divider />
      <BudgetSection programme={p} />
      {(p.donors.length > 0 || p.resourcesRequired !== null) && (
        <>
          <Divider />
          <DonorsSection programme={p} />
        </>
      )}
      <Divider />
      <FrameworkSection programme={p} framework={framework} selected={selected} onSelect={selectVersion} />
      {p.risks.length > 0 && (
        <>
          <Divider />
          <RisksTable risks={p.risks} />
        </>
      )}
      <AuditPanel programme={slug} />
    </Stack>
  );
}
