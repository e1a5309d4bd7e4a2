/**
 * Committees: meetings with who came and what was tabled, their decisions and recommendations followed up
 * (owner, due date, status), and the "recommendations implemented" indicators counted from them.
 */
import {
  Alert,
  Badge,
  Button,
  Group,
  NativeSelect,
  Paper,
  SimpleGrid,
  Stack,
  Table,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import { useState } from 'react';
import type {
  FollowUpStatus,
  GovernanceBody,
  GovernanceItemKind,
} from '../../../core/contracts/finance-vocabulary.js';
import type { GovernanceItem, Meeting } from '../../../core/contracts/finance/governance.js';
import {
  followUpStatuses,
  governanceBodies,
  governanceItemKinds,
} from '../../../core/contracts/finance-vocabulary.js';
import { localize } from '../../../core/i18n/locale.js';
import {
  useCreateGovernanceItem,
  useCreateMeeting,
  useGovernance,
  useRefreshFinance,
  useUpdateGovernanceItem,
} from '../../api/finance.js';
import { ConflictDialog, useVersionConflict } from '../../components/conflict-dialog.js';
import { ErrorState, Loading } from '../../components/query-state.js';
import { useLocale, useT } from '../../i18n/i18n.js';
import { formatDate } from '../../../core/i18n/format.js';
import { WriteError } from './parts.js';
import { DateField } from '../../components/date-field.js';

const statusColour: Record<FollowUpStatus, string> = {
  open: 'gray',
  in_progress: 'blue',
  implemented: 'green',
  not_implemented: 'red',
};

function ItemRow({ slug, item }: { slug: string; item: GovernanceItem }) {
  const t = useT();
  const locale = useLocale();
  const refresh = useRefreshFinance(slug);
  const update = useUpdateGovernanceItem(slug);
  const stale = useVersionConflict<GovernanceItem>();
  const [wanted, setWanted] = useState<FollowUpStatus | null>(null);
  const change = (status: FollowUpStatus, version = item.version) => {
    setWanted(status);
    update.mutate(
      { id: item.id, body: { version, status } },
      {
        onError: (cause) => {
          if (stale.take(cause)) update.reset();
        },
      },
    );
  };
  const theirs = stale.conflict?.current;
  const conflictDialog = theirs && wanted && (
    <ConflictDialog
      opened
      mine={{ status: t(`finance.governance.statuses.${wanted}`) }}
      theirs={{ status: t(`finance.governance.statuses.${theirs.status}`) }}
      fields={[{ key: 'status', label: t('finance.governance.status') }]}
      onReload={() => {
        stale.clear();
        void refresh();
      }}
      onKeepMine={() => {
        stale.clear();
        change(wanted, theirs.version);
      }}
    />
  );
  return (
    <Table.Tr data-testid={`item-${item.id}`}>
      <Table.Td>
        <Badge variant="light" color={item.kind === 'decision' ? 'grape' : 'cyan'} tt="none">
          {t(`finance.governance.kinds.${item.kind}`)}
          {item.number !== null ? ` ${item.number}` : ''}
        </Badge>
      </Table.Td>
      <Table.Td maw={420}>
        <Text size="sm">{localize(item.text, locale)}</Text>
        {item.indicator && (
          <Text size="xs" c="dimmed">
            {t('finance.governance.countsFor', { code: item.indicator.code })}
          </Text>
        )}
        <WriteError error={update.error} />
      </Table.Td>
      <Table.Td>
        <Text size="sm">
          {item.owner ??
            (item.ownerOrganisation
              ? localize(item.ownerOrganisation.acronym ?? item.ownerOrganisation.name, locale)
              : '—')}
        </Text>
      </Table.Td>
      <Table.Td>
        <Text size="sm">{item.dueDate ? formatDate(item.dueDate, locale) : '—'}</Text>
        {item.overdue && (
          <Badge color="red" variant="light" size="xs" tt="none">
            {t('finance.governance.overdue')}
          </Badge>
        )}
      </Table.Td>
      <Table.Td>
        <NativeSelect
          size="xs"
          value={item.status}
          onChange={(e) => change(e.currentTarget.value as FollowUpStatus)}
          data={followUpStatuses.map((s) => ({ value: s, label: t(`finance.governance.statuses.${s}`) }))}
          aria-label={t('finance.governance.status')}
          styles={{ input: { color: `var(--mantine-color-${statusColour[item.status]}-8)` } }}
        />
        {item.statusDate && (
          <Text size="xs" c="dimmed">
            {formatDate(item.statusDate, locale)}
          </Text>
        )}
        {conflictDialog}
      </Table.Td>
    </Table.Tr>
  );
}

function AddItem({ slug, meeting }: { slug: string; meeting: Meeting }) {
  const t = useT();
  const create = useCreateGovernanceItem(slug);
  const [kind, setKind] = useState<GovernanceItemKind>('recommendation');
  const [text, setText] = useState('');
  const [owner, setOwner] = useState('');
  const [due, setDue] = useState('');
  const save = () =>
    create.mutate(
      {
        meetingId: meeting.id,
        body: { kind, text: { fr: text }, owner: owner || null, dueDate: due || null },
      },
      {
        onSuccess: () => {
          setText('');
          setOwner('');
          setDue('');
        },
      },
    );
  return (
    <form
      onSubmit={(event) => {
        event.preventDefault();
        save();
      }}
    >
      <Group align="flex-end" gap="xs" wrap="wrap">
        <NativeSelect
          label={t('finance.governance.kind')}
          value={kind}
          onChange={(e) => setKind(e.currentTarget.value as GovernanceItemKind)}
          data={governanceItemKinds.map((k) => ({ value: k, label: t(`finance.governance.kinds.${k}`) }))}
          w={170}
        />
        <TextInput
          label={t('finance.governance.text')}
          value={text}
          onChange={(e) => setText(e.currentTarget.value)}
          required
          w={360}
        />
        <TextInput
          label={t('finance.governance.owner')}
          value={owner}
          onChange={(e) => setOwner(e.currentTarget.value)}
          w={200}
        />
        <DateField label={t('finance.governance.due')} value={due} onChange={(iso) => setDue(iso)} w={160} />
        <Button type="submit" variant="light" loading={create.isPending}>
          {t('finance.governance.addItem')}
        </Button>
      </Group>
      <WriteError error={create.error} />
    </form>
  );
}

function MeetingCard({ slug, meeting }: { slug: string; meeting: Meeting }) {
  const t = useT();
  const locale = useLocale();
  return (
    <Paper withBorder p="md" radius="md" data-testid={`meeting-${meeting.id}`}>
      <Stack gap="sm">
        <Group justify="space-between" align="flex-start">
          <Stack gap={2}>
            <Title order={3} fz="md">
              {meeting.title
                ? localize(meeting.title, locale)
                : t(`finance.governance.bodies.${meeting.body}`)}
            </Title>
            <Text size="sm" c="dimmed">
              {[
                t(`finance.governance.bodies.${meeting.body}`),
                formatDate(meeting.date, locale, 'long'),
                meeting.location,
              ]
                .filter(Boolean)
                .join(' · ')}
            </Text>
          </Stack>
        </Group>
        {meeting.summary && (
          <Text size="sm" maw="90ch">
            {localize(meeting.summary, locale)}
          </Text>
        )}
        <SimpleGrid cols={{ base: 1, sm: 2 }}>
          <Stack gap={2}>
            <Text size="xs" fw={700} tt="uppercase" c="dimmed">
              {t('finance.governance.participants')}
            </Text>
            <Text size="sm">{meeting.participants.join(' ; ') || '—'}</Text>
          </Stack>
          <Stack gap={2}>
            <Text size="xs" fw={700} tt="uppercase" c="dimmed">
              {t('finance.governance.documents')}
            </Text>
            <Text size="sm">
              {meeting.documents
                .map((d) => (d.reference ? `${d.title} (${d.reference})` : d.title))
                .join(' ; ') || '—'}
            </Text>
          </Stack>
        </SimpleGrid>
        {meeting.items.length > 0 && (
          <Table.ScrollContainer minWidth={760}>
            <Table striped>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>{t('finance.governance.kind')}</Table.Th>
                  <Table.Th>{t('finance.governance.text')}</Table.Th>
                  <Table.Th>{t('finance.governance.owner')}</Table.Th>
                  <Table.Th>{t('finance.governance.due')}</Table.Th>
                  <Table.Th>{t('finance.governance.status')}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {meeting.items.map((item) => (
                  <ItemRow key={item.id} slug={slug} item={item} />
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        )}
        <AddItem slug={slug} meeting={meeting} />
      </Stack>
    </Paper>
  );
}

function AddMeeting({ slug }: { slug: string }) {
  const t = useT();
  const create = useCreateMeeting(slug);
  const [body, setBody] = useState<GovernanceBody>('steering_committee');
  const [date, setDate] = useState('');
  const [title, setTitle] = useState('');
  const [location, setLocation] = useState('');
  const [participants, setParticipants] = useState('');
  const [documents, setDocuments] = useState('');
  const split = (text: string) =>
    text
      .split(/[;\n]/)
      .map((s) => s.trim())
      .filter(Boolean);
  const save = () =>
    create.mutate(
      {
        body,
        date,
        title: title ? { fr: title } : null,
        location: location || null,
        participants: split(participants),
        documents: split(documents).map((d) => ({ title: d })),
      },
      {
        onSuccess: () => {
          setDate('');
          setTitle('');
          setLocation('');
          setParticipants('');
          setDocuments('');
        },
      },
    );
  return (
    <Paper withBorder p="md" radius="md">
      <form
        onSubmit={(event) => {
          event.preventDefault();
          save();
        }}
      >
        <Stack gap="sm">
          <Title order={3} fz="md">
            {t('finance.governance.addMeeting')}
          </Title>
          <Group align="flex-end" gap="xs" wrap="wrap">
            <NativeSelect
              label={t('finance.governance.body')}
              value={body}
              onChange={(e) => setBody(e.currentTarget.value as GovernanceBody)}
              data={governanceBodies.map((b) => ({ value: b, label: t(`finance.governance.bodies.${b}`) }))}
              w={200}
            />
            <DateField
              label={t('finance.date')}
              value={date}
              onChange={(iso) => setDate(iso)}
              required
              w={160}
            />
            <TextInput
              label={t('finance.governance.title')}
              value={title}
              onChange={(e) => setTitle(e.currentTarget.value)}
              w={260}
            />
            <TextInput
              label={t('finance.governance.location')}
              value={location}
              onChange={(e) => setLocation(e.currentTarget.value)}
              w={200}
            />
          </Group>
          <Group grow>
            <TextInput
              label={t('finance.governance.participants')}
              description={t('finance.governance.separated')}
              value={participants}
              onChange={(e) => setParticipants(e.currentTarget.value)}
            />
            <TextInput
              label={t('finance.governance.documents')}
              description={t('finance.governance.separated')}
              value={documents}
              onChange={(e) => setDocuments(e.currentTarget.value)}
            />
          </Group>
          <Group>
            <Button type="submit" loading={create.isPending}>
              {t('finance.governance.saveMeeting')}
            </Button>
          </Group>
          <WriteError error={create.error} />
        </Stack>
      </form>
    </Paper>
  );
}

export function GovernanceTab({ slug }: { slug: string }) {
  const t = useT();
  const locale = useLocale();
  const governance = useGovernance(slug);
  if (governance.isPending) return <Loading />;
  if (governance.isError)
    return <ErrorState error={governance.error} onRetry={() => void governance.refetch()} />;
  const g = governance.data;
  return (
    <Stack gap="lg">
      <Group gap="xs">
        {g.followUp.map((f) => (
          <Badge key={f.status} color={statusColour[f.status]} variant="light" tt="none" size="lg">
            {t(`finance.governance.statuses.${f.status}`)} · {f.count}
          </Badge>
        ))}
        {g.overdue > 0 && (
          <Badge color="red" tt="none" size="lg">
            {t('finance.governance.overdueCount', { count: g.overdue })}
          </Badge>
        )}
      </Group>
      {g.indicators.length > 0 && (
        <Alert
          variant="light"
          color="blue"
          title={t('finance.governance.indicatorsTitle')}
          data-testid="recommendation-indicators"
        >
          <Stack gap={2}>
            {g.indicators.map((i) => (
              <Text size="sm" key={i.indicator.id}>
                {t('finance.governance.indicatorLine', {
                  code: i.indicator.code,
                  title: localize(i.indicator.title, locale),
                  implemented: i.implemented,
                  linked: i.linked,
                  target: i.endTarget ?? '—',
                  date: formatDate(i.asOf, locale),
                })}
              </Text>
            ))}
          </Stack>
        </Alert>
      )}
      {g.meetings.length === 0 && <Text c="dimmed">{t('finance.governance.none')}</Text>}
      {g.meetings.map((m) => (
        <MeetingCard key={m.id} slug={slug} meeting={m} />
      ))}
      <AddMeeting slug={slug} />
    </Stack>
  );
}
