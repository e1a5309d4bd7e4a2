import './styles.js';
import { Alert, Anchor, Button, Group, NativeSelect, Stack, Text, TextInput, Title } from '@mantine/core';
import { useDebouncedValue, useDocumentTitle } from '@mantine/hooks';
import { Link, useParams, useSearchParams } from 'react-router';
import { auditCsvUrl, type AuditFilter } from '../../api/audit.js';
import { useProgramme } from '../../api/programmes.js';
import { useSession } from '../../api/session.js';
import { Loading } from '../../components/query-state.js';
import { useLocale, useT } from '../../i18n/i18n.js';
import { canReadProgramme } from './access.js';
import { AuditList } from './audit-list.js';
import { entityLabel, entityNames } from '../../lib/field-labels.js';
import { DateField } from '../../components/date-field.js';

/** `/programmes/:slug/audit`: the programme's whole change history, filtered by kind of object or one object. */
export function AuditPage() {
  const t = useT();
  const locale = useLocale();
  const slug = useParams().slug ?? '';
  const programme = useProgramme(slug);
  const session = useSession();
  const [params, setParams] = useSearchParams();
  const entity = params.get('entity') ?? '';
  const action = (params.get('action') ?? '') as NonNullable<AuditFilter['action']> | '';
  const from = params.get('from') ?? '';
  const to = params.get('to') ?? '';
  const idText = params.get('id') ?? '';
  const actorText = params.get('actor') ?? '';
  // typed filters wait for a pause in the typing, so that each key does not cost a request
  const [id] = useDebouncedValue(idText.trim(), 400);
  const [actor] = useDebouncedValue(actorText.trim(), 400);
  const code = programme.data?.code ?? slug;
  useDocumentTitle(`${t('admin.audit.pageTitle', { code })} — ${t('app.name')}`);
  const set = (key: string, value: string) =>
    setParams(
      (previous) => {
        const next = new URLSearchParams(previous);
        if (value) next.set(key, value);
        else next.delete(key);
        return next;
      },
      { replace: true },
    );
  const filter: AuditFilter = {
    programme: slug,
    entity: entity || undefined,
    id: id || undefined,
    action: action || undefined,
    actor: actor || undefined,
    from: /^\d{4}-\d{2}-\d{2}$/.test(from) ? from : undefined,
    to: /^\d{4}-\d{2}-\d{2}$/.test(to) ? to : undefined,
  };

  if (session.isPending) return <Loading />;
  const allowed = canReadProgramme(session.data?.user, slug);
  return (
    <Stack gap="md">
      <Anchor component={Link} to={`/programmes/${slug}`} size="sm">
        {t('admin.audit.back')}
      </Anchor>
      <Stack gap={4}>
        <Title order={1}>{t('admin.audit.pageTitle', { code })}</Title>
        <Text c="dimmed" size="sm" maw={820}>
          {t('admin.audit.pageIntro')}
        </Text>
      </Stack>
      {!allowed ? (
        <Alert color="orange" role="alert">
          {session.data?.user ? t('admin.audit.forbidden') : t('auth.needSignIn')}
        </Alert>
      ) : (
        <>
          <Group align="flex-end" gap="sm" wrap="wrap">
            <NativeSelect
              label={t('admin.audit.filterEntity')}
              value={entity}
              onChange={(e) => set('entity', e.currentTarget.value)}
              data={[
                { value: '', label: t('admin.audit.allEntities') },
                ...entityNames
                  .map((e) => ({ value: e, label: entityLabel(e, locale) }))
                  .sort((a, b) => a.label.localeCompare(b.label, locale)),
              ]}
            />
            <NativeSelect
              label={t('admin.audit.filterAction')}
              value={action}
              onChange={(e) => set('action', e.currentTarget.value)}
              data={[
                { value: '', label: t('admin.audit.allActions') },
                ...(['insert', 'update', 'delete'] as const).map((a) => ({
                  value: a,
                  label: t(`admin.audit.actionFilter.${a}`),
                })),
              ]}
            />
            <TextInput
              label={t('admin.audit.filterActor')}
              value={actorText}
              w={220}
              onChange={(e) => set('actor', e.currentTarget.value)}
            />
            <DateField
              label={t('admin.audit.filterFrom')}
              value={from}
              onChange={(iso) => set('from', iso)}
            />
            <DateField label={t('admin.audit.filterTo')} value={to} onChange={(iso) => set('to', iso)} />
            <TextInput
              label={t('admin.audit.filterId')}
              title={t('admin.audit.filterIdHelp')}
              value={idText}
              w={320}
              onChange={(e) => set('id', e.currentTarget.value)}
            />
            <Button
              component="a"
              href={auditCsvUrl(filter)}
              download
              variant="light"
              title={t('admin.audit.exportHelp')}
            >
              {t('admin.audit.export')}
            </Button>
          </Group>
          <AuditList filter={filter} pageSize={25} />
        </>
      )}
    </Stack>
  );
}
