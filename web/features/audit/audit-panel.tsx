/**
 * "Change history" on an object's page: closed at first (nothing is downloaded until it is opened — the code
 * and the events come on demand, for slow connections), hidden from those who may not read it.
 */
import { Anchor, Button, Group, Paper, Stack, Title } from '@mantine/core';
import { lazy, Suspense, useId, useState } from 'react';
import { Link } from 'react-router';
import type { AuditFilter } from '../../api/audit.js';
import { useSession } from '../../api/session.js';
import { Loading } from '../../components/query-state.js';
import { canReadProgramme } from './access.js';
import { useT } from '../../i18n/i18n.js';

const AuditList = lazy(async () => ({ default: (await import('./audit-list.js')).AuditList }));

export function AuditPanel({
  programme,
  entity,
  id,
  defaultOpen = false,
}: {
  /** the programme the object belongs to (the trail is read per programme) */
  programme: string;
  entity?: string;
  id?: string;
  defaultOpen?: boolean;
}) {
  const t = useT();
  const session = useSession();
  const [open, setOpen] = useState(defaultOpen);
  const titleId = useId();
  if (!canReadProgramme(session.data?.user, programme)) return null;
  const filter: AuditFilter = { programme, entity, id };
  return (
    <Paper
      component="section"
      withBorder
      p="md"
      radius="md"
      aria-labelledby={titleId}
      data-testid="audit-panel"
    >
      <Stack gap="sm">
        <Group justify="space-between" wrap="wrap">
          <Title order={2} fz="h4" id={titleId}>
            {t('admin.audit.title')}
          </Title>
          <Group gap="sm">
            <Anchor component={Link} to={`/programmes/${programme}/audit`} size="sm">
              {t('admin.audit.allChanges')}
            </Anchor>
            <Button variant="light" size="xs" onClick={() => setOpen((o) => !o)} aria-expanded={open}>
              {open ? t('admin.audit.hide') : t('admin.audit.show')}
            </Button>
          </Group>
        </Group>
        {open && (
          <Suspense fallback={<Loading />}>
            <AuditList filter={filter} showEntity={!id} />
          </Suspense>
        )}
      </Stack>
    </Paper>
  );
}
