import './styles.js';
import {
  Alert,
  Anchor,
  Button,
  Checkbox,
  Group,
  NativeSelect,
  Paper,
  Stack,
  Table,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import { useDocumentTitle } from '@mantine/hooks';
import { useQuery } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { Link, useLocation, useParams } from 'react-router';
import type { User } from '../../../core/contracts/auth.js';
import {
  globalRoles,
  membershipRoles,
  type GlobalRole,
  type MembershipRole,
} from '../../../core/contracts/roles.js';
import { localize } from '../../../core/i18n/locale.js';
import { personNameMax } from '../../../core/contracts/limits.js';
import {
  generatePassword,
  useAddMembership,
  useRemoveMembership,
  useResetPassword,
  useUpdateUser,
  useUsers,
} from '../../api/admin.js';
import { programmeQuery, useProgrammes } from '../../api/programmes.js';
import { ConflictDialog, useVersionConflict } from '../../components/conflict-dialog.js';
import { ErrorState, Loading } from '../../components/query-state.js';
import { useLocale, useT } from '../../i18n/i18n.js';
import { AdminOnly } from './admin-only.js';
import { FormError } from './form-error.js';
import { membershipLabel } from './labels.js';
import { OneTimeSecret } from './one-time-secret.js';
import { StateBadges } from './users-page.js';

/** `/admin/users/:id`: one account — name, role, active; a new temporary password; its programme roles. */
export function UserPage() {
  return (
    <AdminOnly>
      <Account />
    </AdminOnly>
  );
}

function Account() {
  const t = useT();
  const { id } = useParams();
  const users = useUsers();
  const location = useLocation();
  const createdPassword = (location.state as { createdPassword?: string } | null)?.createdPassword;
  const [saved, setSaved] = useState(false);
  const user = users.data?.items.find((u) => u.id === id);
  useDocumentTitle(`${user?.name ?? t('admin.users.title')} — ${t('app.name')}`);
  if (users.isPending) return <Loading />;
  if (users.isError) return <ErrorState error={users.error} onRetry={() => void users.refetch()} />;
  return (
    <Stack gap="lg" maw={960}>
      <Anchor component={Link} to="/admin/users" size="sm">
        {t('admin.user.back')}
      </Anchor>
      {!user ? (
        <Alert color="orange">{t('admin.user.notFound')}</Alert>
      ) : (
        <>
          <Stack gap={4}>
            <Title order={1}>{user.name}</Title>
            <Group gap="sm">
              <Text c="dimmed">{user.email}</Text>
              <StateBadges user={user} />
            </Group>
          </Stack>
          {createdPassword && <OneTimeSecret intro={t('admin.user.created')} secret={createdPassword} />}
          {/* a new version (saved here or elsewhere) starts the form again from the saved values */}
          <Identity key={user.version} user={user} onSaved={() => setSaved(true)} saved={saved} />
          <Memberships user={user} />
          <PasswordReset user={user} />
        </>
      )}
    </Stack>
  );
}

function Identity({ user, saved, onSaved }: { user: User; saved: boolean; onSaved: () => void }) {
  const t = useT();
  const [name, setName] = useState(user.name);
  const [role, setRole] = useState<GlobalRole>(user.role);
  const [active, setActive] = useState(user.active);
  const [version, setVersion] = useState(user.version);
  const save = useUpdateUser(user.id);
  const conflict = useVersionConflict<User>();
  const mine = { name, role, active };
  const send = (withVersion: number) => {
    save.mutate(
      { version: withVersion, ...mine },
      {
        onSuccess: () => {
          conflict.clear();
          onSaved();
        },
        onError: (error) => {
          if (conflict.take(error)) save.reset();
        },
      },
    );
  };
  const theirs = conflict.conflict?.current;
  return (
    <Paper withBorder p="md" radius="md" component="section">
      <form
        onSubmit={(e: FormEvent) => {
          e.preventDefault();
          send(version);
        }}
      >
        <Stack gap="sm">
          <Title order={2} fz="h4">
            {t('admin.user.identity')}
          </Title>
          <FormError error={save.error} />
          {saved && !save.error && (
            <Text size="sm" c="green.8" role="status">
              {t('admin.user.saved')}
            </Text>
          )}
          <Group grow align="flex-start">
            <TextInput
              label={t('admin.user.name')}
              value={name}
              maxLength={personNameMax}
              onChange={(e) => setName(e.currentTarget.value)}
            />
            <NativeSelect
              label={t('admin.user.role')}
              value={role}
              onChange={(e) => setRole(e.currentTarget.value as GlobalRole)}
              data={globalRoles.map((r) => ({ value: r, label: t(`admin.roles.${r}`) }))}
            />
          </Group>
          <Checkbox
            label={t('admin.user.active')}
            checked={active}
            onChange={(e) => setActive(e.currentTarget.checked)}
          />
          <Group>
            <Button type="submit" loading={save.isPending}>
              {t('admin.user.save')}
            </Button>
          </Group>
        </Stack>
      </form>
      {theirs && (
        <ConflictDialog
          opened
          mine={mine}
          theirs={{ name: theirs.name, role: theirs.role, active: theirs.active }}
          fields={[
            { key: 'name', label: t('admin.user.name') },
            { key: 'role', label: t('admin.user.role') },
            { key: 'active', label: t('admin.users.active') },
          ]}
          format={(key, value) => (key === 'role' ? t(`admin.roles.${value as GlobalRole}`) : undefined)}
          busy={save.isPending}
          onReload={() => {
            setName(theirs.name);
            setRole(theirs.role);
            setActive(theirs.active);
            setVersion(theirs.version);
            conflict.clear();
          }}
          onKeepMine={() => {
            setVersion(theirs.version);
            send(theirs.version);
          }}
        />
      )}
    </Paper>
  );
}

function PasswordReset({ user }: { user: User }) {
  const t = useT();
  const [secret, setSecret] = useState<string | null>(null);
  const reset = useResetPassword(user.id);
  return (
    <Paper withBorder p="md" radius="md" component="section">
      <Stack gap="sm">
        <Title order={2} fz="h4">
          {t('admin.user.password')}
        </Title>
        <Text size="sm" c="dimmed">
          {t('admin.user.resetIntro')}
        </Text>
        <FormError error={reset.error} />
        {secret && <OneTimeSecret intro={t('admin.user.resetDone')} secret={secret} />}
        <Group>
          <Button
            variant="light"
            color="orange"
            loading={reset.isPending}
            onClick={() => {
              if (!window.confirm(t('admin.user.confirmReset', { name: user.name }))) return;
              const password = generatePassword();
              reset.mutate(password, { onSuccess: () => setSecret(password) });
            }}
          >
            {t('admin.user.reset')}
          </Button>
        </Group>
      </Stack>
    </Paper>
  );
}

function Memberships({ user }: { user: User }) {
  const t = useT();
  const locale = useLocale();
  const programmes = useProgrammes();
  const [programme, setProgramme] = useState('');
  const [role, setRole] = useState<MembershipRole>('focal_point');
  const [agency, setAgency] = useState('');
  const slug = programme || programmes.data?.items[0]?.slug || '';
  const detail = useQuery({ ...programmeQuery(slug), enabled: Boolean(slug) && role === 'focal_point' });
  const agencies = [
    ...new Map(
      (detail.data?.recipients ?? []).map((r) => [r.organisation.code, r.organisation] as const),
    ).values(),
  ];
  const chosenAgency = agency && agencies.some((a) => a.code === agency) ? agency : (agencies[0]?.code ?? '');
  const add = useAddMembership(user.id);
  const remove = useRemoveMembership(user.id);
  return (
    <Paper withBorder p="md" radius="md" component="section">
      <Stack gap="sm">
        <Title order={2} fz="h4">
          {t('admin.user.memberships')}
        </Title>
        <Text size="sm" c="dimmed">
          {t('admin.user.membershipsIntro')}
        </Text>
        <FormError error={add.error ?? remove.error} />
        {user.memberships.length === 0 ? (
          <Text size="sm" c="dimmed">
            {t('admin.user.none')}
          </Text>
        ) : (
          <Table verticalSpacing={4} data-testid="memberships">
            <Table.Tbody>
              {user.memberships.map((m) => (
                <Table.Tr key={`${m.programme.id}-${m.role}-${m.organisation?.id ?? ''}`}>
                  <Table.Td>{membershipLabel(m, t)}</Table.Td>
                  <Table.Td ta="right">
                    <Button
                      size="compact-xs"
                      variant="subtle"
                      color="red"
                      loading={remove.isPending && remove.variables?.slug === m.programme.slug}
                      aria-label={t('admin.user.removeNamed', {
                        role: t(`admin.membershipRoles.${m.role}`),
                        programme: m.programme.code,
                      })}
                      onClick={() => remove.mutate({ slug: m.programme.slug, role: m.role })}
                    >
                      {t('admin.user.remove')}
                    </Button>
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        )}
        <form
          onSubmit={(e: FormEvent) => {
            e.preventDefault();
            add.mutate({
              programme: slug,
              role,
              ...(role === 'focal_point' && chosenAgency ? { organisation: chosenAgency } : {}),
            });
          }}
        >
          <Group align="flex-end" gap="sm">
            <NativeSelect
              label={t('admin.user.programme')}
              value={slug}
              onChange={(e) => setProgramme(e.currentTarget.value)}
              data={(programmes.data?.items ?? []).map((p) => ({ value: p.slug, label: p.code }))}
            />
            <NativeSelect
              label={t('admin.user.membershipRole')}
              value={role}
              onChange={(e) => setRole(e.currentTarget.value as MembershipRole)}
              data={membershipRoles.map((r) => ({ value: r, label: t(`admin.membershipRoles.${r}`) }))}
            />
            {role === 'focal_point' && (
              <NativeSelect
                label={t('admin.user.agency')}
                title={t('admin.user.agencyHelp')}
                value={chosenAgency}
                onChange={(e) => setAgency(e.currentTarget.value)}
                data={agencies.map((o) => ({
                  value: o.code,
                  label: o.acronym ? localize(o.acronym, locale) : o.code,
                }))}
              />
            )}
            <Button type="submit" variant="light" loading={add.isPending} disabled={!slug}>
              {t('admin.user.add')}
            </Button>
          </Group>
        </form>
      </Stack>
    </Paper>
  );
}
