import './styles.js';
import { Anchor, Badge, Group, Stack, Tabs, Text, Title } from '@mantine/core';
import { useDocumentTitle } from '@mantine/hooks';
import { Link, useParams, useSearchParams } from 'react-router';
import { localize } from '../../../core/i18n/locale.js';
import { useProgramme } from '../../api/programmes.js';
import { ErrorState, Loading } from '../../components/query-state.js';
import { useLocale, useT } from '../../i18n/i18n.js';
import { BudgetTab } from './budget-tab.js';
import { ExpenditureTab } from './expenditure-tab.js';
import { GovernanceTab } from './governance-tab.js';
import { OverviewTab } from './overview-tab.js';
import { WorkPlanTab } from './workplan-tab.js';

const tabs = ['overview', 'budget', 'expenditure', 'workplan', 'governance'] as const;
type Tab = (typeof tabs)[number];

/** `/programmes/:slug/finance[?tab=…]`: budget vs expenditure vs results, budget lines, expenses, work plan, committees. */
export function FinancePage() {
  const t = useT();
  const locale = useLocale();
  const { slug = '' } = useParams();
  const [search, setSearch] = useSearchParams();
  const programme = useProgramme(slug);
  const wanted = search.get('tab');
  const tab: Tab = tabs.includes(wanted as Tab) ? (wanted as Tab) : 'overview';
  useDocumentTitle(`${t('finance.title')} — ${programme.data?.code ?? slug} — ${t('app.name')}`);

  if (programme.isPending) return <Loading />;
  if (programme.isError)
    return <ErrorState error={programme.error} onRetry={() => void programme.refetch()} />;
  const p = programme.data;

  return (
    <Stack gap="lg">
      <Stack gap="xs">
        <Anchor component={Link} to={`/programmes/${slug}`} size="sm">
          ← {t('finance.backToProgramme', { code: p.code })}
        </Anchor>
        <Group gap="xs">
          <Badge variant="outline" tt="none" size="lg" radius="sm">
            {p.code}
          </Badge>
        </Group>
        <Title order={1} fz={{ base: 'h3', sm: 'h2' }} lh={1.25}>
          {t('finance.title')}
        </Title>
        <Text c="dimmed" size="sm" maw="80ch">
          {localize(p.title, locale)}
        </Text>
      </Stack>
      <Tabs
        value={tab}
        onChange={(value) =>
          setSearch(
            (previous) => {
              const next = new URLSearchParams(previous);
              if (!value || value === 'overview') next.delete('tab');
              else next.set('tab', value);
              return next;
            },
            { replace: true, preventScrollReset: true },
          )
        }
        keepMounted={false}
      >
        <Tabs.List>
          {tabs.map((value) => (
            <Tabs.Tab key={value} value={value} data-testid={`finance-tab-${value}`}>
              {t(`finance.tabs.${value}`)}
            </Tabs.Tab>
          ))}
        </Tabs.List>
        <Tabs.Panel value="overview" pt="md">
          <OverviewTab slug={slug} />
        </Tabs.Panel>
        <Tabs.Panel value="budget" pt="md">
          <BudgetTab slug={slug} programme={p} />
        </Tabs.Panel>
        <Tabs.Panel value="expenditure" pt="md">
          <ExpenditureTab slug={slug} />
        </Tabs.Panel>
        <Tabs.Panel value="workplan" pt="md">
          <WorkPlanTab slug={slug} />
        </Tabs.Panel>
        <Tabs.Panel value="governance" pt="md">
          <GovernanceTab slug={slug} />
        </Tabs.Panel>
      </Tabs>
    </Stack>
  );
}
