import '../audit/styles.js';
import { Alert, Anchor, Badge, Group, NativeSelect, Stack, Table, Text, Title } from '@mantine/core';
import { useDocumentTitle } from '@mantine/hooks';
import { Link, useSearchParams } from 'react-router';
import { useDue, type DueItem } from '../../api/due.js';
import { useSession } from '../../api/session.js';
import { ErrorState, Loading } from '../../components/query-state.js';
import { type TFunction, useLocale, useT } from '../../i18n/i18n.js';
import { formatDate } from '../../../core/i18n/format.js';
import { byUrgency, daysUntil, summarize } from './due-state.js';

export function DueStatus({ item }: { item: DueItem }) {
  const t = useT();
  if (item.done)
    return (
      <Badge color="green" variant="light" tt="none">
        {item.report?.status === 'approved' ? t('admin.due.approved') : t('admin.due.done')}
      </Badge>
    );
  if (item.late)
    return (
      <Badge color="red" variant="filled" tt="none">
        {t('admin.due.daysLate', { count: item.daysLate })}
      </Badge>
    );
  const days = daysUntil(item.dueDate);
  return (
    <Group gap={4}>
      <Badge color={days <= 30 ? 'orange' : 'gray'} variant="light" tt="none">
        {days <= 0 ? t('admin.due.dueToday') : t('admin.due.dueIn', { count: days })}
      </Badge>
      {item.report && (
        <Badge color="blue" variant="outline" tt="none">
          {t('admin.due.draftOpen')}
        </Badge>
      )}
    </Group>
  );
}

export const reportName = (item: DueItem, t: TFunction): string =>
  t(`admin.due.types.${item.type}`, { year: item.year });

/** `/due`: the reports expected from the programmes one follows, the late ones first. */
export function DuePage() {
  const t = useT();
  const locale = useLocale();
  useDocumentTitle(`${t('admin.due.title')} — ${t('app.name')}`);
  const session = useSession();
  const signedIn = Boolean(session.data?.user);
  const due = useDue(signedIn);
  const [params, setParams] = useSearchParams();
  const only = params.get('programme') ?? '';
  if (session.isPending) return <Loading />;
  const header = (
    <Stack gap={4}>
      <Title order={1}>{t('admin.due.title')}</Title>
      <Text c="dimmed" size="sm" maw={820}>
        {t('admin.due.intro')}
      </Text>
    </Stack>
  );
  if (!signedIn)
    return (
      <Stack gap="md">
        {header}
        <Alert color="blue">
          <Anchor component={Link} to="/sign-in?next=%2Fdue">
            {t('admin.due.signIn')}
          </Anchor>
        </Alert>
      </Stack>
    );
  const all = due.data ? byUrgency(due.data.items) : [];
  const programmes = [...new Map(all.map((i) => [i.programme.slug, i.programme.code])).entries()].sort(
    (a, b) => a[1].localeCompare(b[1]),
  );
  const items = only ? all.filter((i) => i.programme.slug === only) : all;
  const counts = summarize(items);
  return (
    <Stack gap="md">
      {header}
      {due.isPending && <Loading />}
      {due.isError && <ErrorState error={due.error} onRetry={() => void due.refetch()} />}
      {due.data &&
        (items.length === 0 ? (
          <Text c="dimmed">{t('admin.due.empty')}</Text>
        ) : (
          <>
            {programmes.length > 1 && (
              <NativeSelect
                label={t('admin.due.programme')}
                value={only}
                w={240}
                onChange={(e) =>
                  setParams(e.currentTarget.value ? { programme: e.currentTarget.value } : {}, {
                    replace: true,
                  })
                }
                data={[
                  { value: '', label: t('admin.due.allProgrammes') },
                  ...programmes.map(([slug, code]) => ({ value: slug, label: code })),
                ]}
              />
            )}
            <Group gap="sm" data-testid="due-counts">
              <Badge size="lg" color="red" variant={counts.late.length ? 'filled' : 'light'} tt="none">
                {t('admin.due.late', { count: counts.late.length })}
              </Badge>
              <Badge size="lg" color="orange" variant="light" tt="none">
                {t('admin.due.soon', { count: counts.soon.length })}
              </Badge>
              <Badge size="lg" color="green" variant="light" tt="none">
                {t('admin.due.done', { count: counts.done.length })}
              </Badge>
            </Group>
            <Table.ScrollContainer minWidth={640}>
              <Table striped verticalSpacing="xs">
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th>{t('admin.due.programme')}</Table.Th>
                    <Table.Th>{t('admin.due.report')}</Table.Th>
                    <Table.Th>{t('admin.due.status')}</Table.Th>
                    <Table.Th>{t('admin.due.dueDate')}</Table.Th>
                    <Table.Th />
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {items.map((item) => (
                    <Table.Tr
                      key={`${item.programme.slug}-${item.type}-${item.year}-${item.dueDate}-${item.deadline.recipient}`}
                      data-testid="due-row"
                      data-late={item.late || undefined}
                    >
                      <Table.Td>
                        <Anchor component={Link} to={`/programmes/${item.programme.slug}`} size="sm">
                          {item.programme.code}
                        </Anchor>
                      </Table.Td>
                      <Table.Td>{reportName(item, t)}</Table.Td>
                      {/* the status before the date: on a phone it is what shows without scrolling */}
                      <Table.Td>
                        <DueStatus item={item} />
                      </Table.Td>
                      <Table.Td>{formatDate(item.dueDate, locale)}</Table.Td>
                      <Table.Td>
                        {item.report && item.can.open ? (
                          <Anchor component={Link} to={`/reports/${item.report.id}`} size="sm">
                            {t('admin.due.open')}
                          </Anchor>
                        ) : item.can.create ? (
                          <Anchor
                            component={Link}
                            to={`/programmes/${item.programme.slug}/reports`}
                            size="sm"
                          >
                            {t('admin.due.create')}
                          </Anchor>
                        ) : null}
                      </Table.Td>
                    </Table.Tr>
                  ))}
                </Table.Tbody>
              </Table>
            </Table.ScrollContainer>
          </>
        ))}
    </Stack>
  );
}
