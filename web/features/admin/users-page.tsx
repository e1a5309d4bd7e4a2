import './styles.js';
import { Anchor, Badge, Button, Group, Stack, Table, Text, TextInput, Title } from '@mantine/core';
import { useDocumentTitle } from '@mantine/hooks';
import { useState } from 'react';
import { Link } from 'react-router';
import type { User } from '../../../core/contracts/auth.js';
import { useUsers } from '../../api/admin.js';
import { ErrorState, Loading } from '../../components/query-state.js';
import { AdminOnly } from './admin-only.js';
import { CreateAccountModal } from './create-account-modal.js';
import { membershipLabel } from './labels.js';
import type { Locale } from '../../../core/i18n/locale.js';
import { useLocale, useT } from '../../i18n/i18n.js';
import { intlLocale } from '../../../core/i18n/format.js';

/** `26 nov. 2026, 12:20` / `Nov 26, 2026, 12:20 PM` */
const dateTime = (iso: string, locale: Locale) =>
  new Intl.DateTimeFormat(intlLocale(locale), { dateStyle: 'medium', timeStyle: 'short' }).format(
    new Date(iso),
  );

/** Active or not, password to change, locked after failed sign-ins (until when), and the last sign-in. */
export function StateBadges({ user }: { user: User }) {
  const t = useT();
  const locale = useLocale();
  const locked = user.lockedUntil !== null && new Date(user.lockedUntil) > new Date();
  return (
    <Stack gap={2}>
      <Group gap={4}>
        {user.active ? (
          <Badge variant="light" color="green" tt="none">
            {t('admin.users.active')}
          </Badge>
        ) : (
          <Badge variant="light" color="gray" tt="none">
            {t('admin.users.disabled')}
          </Badge>
        )}
        {user.mustChangePassword && (
          <Badge variant="light" color="orange" tt="none">
            {t('admin.users.mustChange')}
          </Badge>
        )}
        {locked && (
          <Badge variant="light" color="red" tt="none">
            {t('admin.users.lockedUntil', { time: dateTime(user.lockedUntil!, locale) })}
          </Badge>
        )}
      </Group>
      <Text size="xs" c="dimmed">
        {user.lastSignInAt
          ? t('admin.users.lastSignIn', { time: dateTime(user.lastSignInAt, locale) })
          : t('admin.users.neverSignedIn')}
      </Text>
    </Stack>
  );
}

/** `/admin/users`: every account with its role, programme roles and state; creating one. */
export function UsersPage() {
  return (
    <AdminOnly>
      <Users />
    </AdminOnly>
  );
}

function Users() {
  const t = useT();
  useDocumentTitle(`${t('admin.users.title')} — ${t('app.name')}`);
  const users = useUsers();
  const [creating, setCreating] = useState(false);
  const [search, setSearch] = useState('');
  const needle = search.trim().toLowerCase();
  const shown = (users.data?.items ?? []).filter(
    (u) =>
      !needle ||
      `${u.name} ${u.email} ${u.memberships.map((m) => m.programme.code).join(' ')}`
        .toLowerCase()
        .includes(needle),
  );
  return (
    <Stack gap="md">
      <Group justify="space-between" align="flex-end">
        <Stack gap={4}>
          <Title order={1}>{t('admin.users.title')}</Title>
          <Text c="dimmed" size="sm" maw={760}>
            {t('admin.users.intro')}
          </Text>
        </Stack>
        <Button onClick={() => setCreating(true)}>{t('admin.users.create')}</Button>
      </Group>
      {users.isPending && <Loading />}
      {users.isError && <ErrorState error={users.error} onRetry={() => void users.refetch()} />}
      {users.data && (
        <>
          <Group justify="space-between">
            <TextInput
              aria-label={t('admin.users.search')}
              placeholder={t('admin.users.search')}
              value={search}
              onChange={(e) => setSearch(e.currentTarget.value)}
              w={{ base: '100%', sm: 340 }}
            />
            <Text c="dimmed" size="sm">
              {t('admin.users.count', { count: users.data.items.length })}
            </Text>
          </Group>
          <Table.ScrollContainer minWidth={720}>
            <Table striped highlightOnHover verticalSpacing="xs">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>{t('admin.users.person')}</Table.Th>
                  <Table.Th>{t('admin.users.role')}</Table.Th>
                  <Table.Th>{t('admin.users.memberships')}</Table.Th>
                  <Table.Th>{t('admin.users.state')}</Table.Th>
                  <Table.Th />
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {shown.map((u) => (
                  <Table.Tr key={u.id} data-testid={`user-${u.email}`}>
                    <Table.Td>
                      <Text size="sm" fw={600}>
                        {u.name}
                      </Text>
                      <Text size="xs" c="dimmed">
                        {u.email}
                      </Text>
                    </Table.Td>
                    <Table.Td>
                      <Text size="sm">{t(`admin.roles.${u.role}`)}</Text>
                    </Table.Td>
                    <Table.Td>
                      {u.memberships.length === 0 ? (
                        <Text size="sm" c="dimmed">
                          {t('admin.users.noMembership')}
                        </Text>
                      ) : (
                        <Stack gap={2}>
                          {u.memberships.map((m) => (
                            <Text size="sm" key={`${m.programme.id}-${m.role}-${m.organisation?.id ?? ''}`}>
                              {membershipLabel(m, t)}
                            </Text>
                          ))}
                        </Stack>
                      )}
                    </Table.Td>
                    <Table.Td>
                      <StateBadges user={u} />
                    </Table.Td>
                    <Table.Td>
                      <Anchor
                        component={Link}
                        to={`/admin/users/${u.id}`}
                        size="sm"
                        aria-label={t('admin.users.manageNamed', { name: u.name })}
                      >
                        {t('admin.users.manage')}
                      </Anchor>
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
          <Text size="xs" c="dimmed">
            {t('admin.users.signInInfo')}
          </Text>
        </>
      )}
      {creating && <CreateAccountModal opened onClose={() => setCreating(false)} />}
    </Stack>
  );
}
