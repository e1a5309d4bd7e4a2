import { Button, Group, Modal, NativeSelect, Stack, Text, TextInput } from '@mantine/core';
import { useState, type FormEvent } from 'react';
import { useNavigate } from 'react-router';
import { globalRoles, type GlobalRole } from '../../../core/contracts/roles.js';
import { personNameMax } from '../../../core/contracts/limits.js';
import { generatePassword, useCreateUser } from '../../api/admin.js';
import { FormError } from './form-error.js';
import { useT } from '../../i18n/i18n.js';

/** A new account: e-mail, name, global role and a temporary password; its programme roles come next. */
export function CreateAccountModal({ opened, onClose }: { opened: boolean; onClose: () => void }) {
  const t = useT();
  const navigate = useNavigate();
  const [email, setEmail] = useState('');
  const [name, setName] = useState('');
  const [role, setRole] = useState<GlobalRole>('member');
  const [password, setPassword] = useState(generatePassword);
  const create = useCreateUser();
  const submit = (event: FormEvent) => {
    event.preventDefault();
    create.mutate(
      { email, name, role, password },
      {
        onSuccess: (user) =>
          void navigate(`/admin/users/${user.id}`, { state: { createdPassword: password } }),
      },
    );
  };
  return (
    <Modal
      opened={opened}
      onClose={onClose}
      size="lg"
      title={<Text fw={700}>{t('admin.create.title')}</Text>}
    >
      <form onSubmit={submit} noValidate>
        <Stack gap="sm">
          <FormError error={create.error} />
          <TextInput
            label={t('admin.create.email')}
            type="email"
            required
            autoComplete="off"
            value={email}
            onChange={(e) => setEmail(e.currentTarget.value)}
          />
          <TextInput
            label={t('admin.create.name')}
            required
            value={name}
            maxLength={personNameMax}
            onChange={(e) => setName(e.currentTarget.value)}
          />
          <NativeSelect
            label={t('admin.create.role')}
            description={t('admin.create.roleHelp')}
            value={role}
            onChange={(e) => setRole(e.currentTarget.value as GlobalRole)}
            data={globalRoles.map((r) => ({ value: r, label: t(`admin.roles.${r}`) }))}
          />
          <Group align="flex-end" gap="xs" wrap="nowrap">
            <TextInput
              style={{ flex: 1 }}
              label={t('admin.create.password')}
              description={t('admin.create.passwordHelp')}
              required
              autoComplete="off"
              value={password}
              ff="monospace"
              onChange={(e) => setPassword(e.currentTarget.value)}
            />
            <Button variant="default" onClick={() => setPassword(generatePassword())}>
              {t('admin.create.generate')}
            </Button>
          </Group>
          <Group justify="flex-end" mt="sm">
            <Button variant="default" onClick={onClose}>
              {t('admin.create.cancel')}
            </Button>
            <Button type="submit" loading={create.isPending}>
              {t('admin.create.submit')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
