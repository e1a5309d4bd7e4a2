import {
  Anchor,
  Badge,
  Button,
  Group,
  SegmentedControl,
  Select,
  SimpleGrid,
  Stack,
  Table,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import { useDocumentTitle } from '@mantine/hooks';
import { useMemo, useState } from 'react';
import { Link } from 'react-router';
import type { ImportElementState, ImportPreview, ImportResult } from '../../../core/contracts/exchange.js';
import { localize } from '../../../core/i18n/locale.js';
import { programmeKeys, useProgrammes } from '../../api/programmes.js';
import { useSession } from '../../api/session.js';
import { ImportFlow } from '../../components/import-flow/import-flow.js';
import { useLocale, useT } from '../../i18n/i18n.js';
import { DateField } from '../../components/date-field.js';

const today = () => new Date().toISOString().slice(0, 10);

/** The programmes a file creates (or created), with their framework and the organisations named. */
function ProgrammesTable({ preview, done }: { preview: ImportPreview; done: ImportResult | undefined }) {
  const t = useT();
  const locale = useLocale();
  return (
    <Stack gap={4}>
      <Title order={3} fz="h5">
        {done ? t('exchange.import.created') : t('exchange.import.programmes')}
      </Title>
      <Table.ScrollContainer minWidth={700}>
        <Table withTableBorder verticalSpacing={6} fz="sm" data-testid="import-programmes">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('exchange.import.code')}</Table.Th>
              <Table.Th>{t('exchange.import.programmeTitle')}</Table.Th>
              <Table.Th>{t('exchange.import.action')}</Table.Th>
              <Table.Th>{t('exchange.import.framework')}</Table.Th>
              <Table.Th ta="right">{t('exchange.import.values')}</Table.Th>
              <Table.Th>{t('exchange.import.organisations')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {preview.programmes.map((p) => {
              const created = done?.created.find((c) => c.code === p.code);
              return (
                <Table.Tr key={`${p.source}-${p.code}`}>
                  <Table.Td style={{ whiteSpace: 'nowrap' }}>
                    {created ? (
                      <Anchor
                        component={Link}
                        to={`/programmes/${created.slug}${created.frameworkVersion && p.action === 'new_version' ? `?version=${created.frameworkVersion}` : ''}`}
                      >
                        {p.code}
                      </Anchor>
                    ) : (
                      p.code
                    )}
                    {p.exists && p.action === 'create' && (
                      <Badge color="red" variant="light" ml={6} size="sm">
                        {t('exchange.import.exists')}
                      </Badge>
                    )}
                  </Table.Td>
                  <Table.Td>{localize(p.title, locale)}</Table.Td>
                  <Table.Td style={{ whiteSpace: 'nowrap' }}>
                    {p.action === 'create'
                      ? t('exchange.import.create')
                      : t('exchange.import.newVersion', { version: p.frameworkVersion?.version })}
                  </Table.Td>
                  <Table.Td>
                    {p.frameworkVersion
                      ? t('exchange.import.counts', {
                          outcomes: p.frameworkVersion.outcomes,
                          outputs: p.frameworkVersion.outputs,
                          indicators: p.frameworkVersion.indicators,
                        })
                      : t('exchange.import.noFramework')}
                  </Table.Td>
                  <Table.Td ta="right">{p.values}</Table.Td>
                  <Table.Td>
                    <Stack gap={0}>
                      {p.recipients.length > 0 && (
                        <Text size="xs">
                          {t('exchange.import.recipients', { list: p.recipients.join(', ') })}
                        </Text>
                      )}
                      {p.donors.length > 0 && (
                        <Text size="xs">{t('exchange.import.donors', { list: p.donors.join(', ') })}</Text>
                      )}
                    </Stack>
                  </Table.Td>
                </Table.Tr>
              );
            })}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
    </Stack>
  );
}

const stateColour: Record<ImportElementState, string> = { kept: 'green', changed: 'yellow', notKept: 'red' };
const stateOrder: ImportElementState[] = ['notKept', 'changed', 'kept'];

/** What becomes of every element of an IATI file: kept, changed (how) or not kept (why), by place. */
function ElementsTable({ elements }: { elements: NonNullable<ImportPreview['elements']> }) {
  const t = useT();
  const label = (s: ImportElementState) =>
    t(
      s === 'kept'
        ? 'exchange.import.stateKept'
        : s === 'changed'
          ? 'exchange.import.stateChanged'
          : 'exchange.import.stateNotKept',
    );
  const total = (s: ImportElementState) =>
    elements.filter((e) => e.state === s).reduce((n, e) => n + e.count, 0);
  const rows = [...elements].sort(
    (a, b) => stateOrder.indexOf(a.state) - stateOrder.indexOf(b.state) || a.path.localeCompare(b.path),
  );
  return (
    <Stack gap={4}>
      <Title order={3} fz="h5">
        {t('exchange.import.elements')}
      </Title>
      <Text size="xs" c="dimmed">
        {t('exchange.import.elementsHint')}{' '}
        {t('exchange.import.elementsSummary', {
          kept: total('kept'),
          changed: total('changed'),
          notKept: total('notKept'),
        })}
      </Text>
      <Table.ScrollContainer minWidth={700} mah={420}>
        <Table withTableBorder verticalSpacing={4} fz="xs" data-testid="import-elements">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('exchange.import.elementPlace')}</Table.Th>
              <Table.Th />
              <Table.Th ta="right">{t('exchange.import.elementCount')}</Table.Th>
              <Table.Th>{t('exchange.import.elementWhy')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {rows.map((e) => (
              <Table.Tr key={`${e.path}|${e.state}|${e.message ?? ''}`} data-state={e.state}>
                <Table.Td style={{ fontFamily: 'monospace' }}>
                  {e.path.replace(/^iati-activities › (iati-activity › )?/, '')}
                </Table.Td>
                <Table.Td>
                  <Badge color={stateColour[e.state]} variant="light" size="sm">
                    {label(e.state)}
                  </Badge>
                </Table.Td>
                <Table.Td ta="right">{e.count}</Table.Td>
                <Table.Td>{e.message ?? ''}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
    </Stack>
  );
}

/**
 * `/import`: choose where a file goes (new programmes, or a new framework version of one programme), then an
 * IATI file or a framework workbook through the one import flow: what it would create and what it cannot take,
 * then the confirmation. Nothing is written before it.
 */
export function ImportPage() {
  const t = useT();
  const locale = useLocale();
  useDocumentTitle(`${t('exchange.import.title')} — ${t('app.name')}`);
  const programmes = useProgrammes();
  const user = useSession().data?.user ?? null;
  // administrators create programmes; a coordinator imports a new framework version of their own programmes
  const isAdmin = user?.role === 'admin';
  const coordinated = new Set(
    (user?.memberships ?? []).filter((m) => m.role === 'coordinator').map((m) => m.programme.slug),
  );
  type Kind = 'new_programmes' | 'new_version';
  // until the person chooses: what their role allows first (the session may arrive after the first render)
  const [chosenKind, setKind] = useState<Kind | null>(null);
  const kind: Kind = chosenKind ?? (isAdmin ? 'new_programmes' : 'new_version');
  const [programme, setProgramme] = useState<string | null>(null);
  const [label, setLabel] = useState('');
  const [effectiveDate, setEffectiveDate] = useState(today());
  const [reason, setReason] = useState('');

  const options = useMemo(
    () =>
      (programmes.data?.items ?? [])
        .filter((p) => isAdmin || coordinated.has(p.slug))
        .map((p) => ({
          value: p.slug,
          label: `${p.code} — ${localize(p.title, locale)}`,
        })),
    // `coordinated` is derived from `user`
    [programmes.data, locale, isAdmin, user],
  );
  const newVersion = kind === 'new_version';

  return (
    <Stack gap="lg" maw={1200}>
      <Stack gap={4}>
        <Title order={1} fz={{ base: 'h3', sm: 'h2' }}>
          {t('exchange.import.title')}
        </Title>
        <Text size="sm" maw="90ch">
          {t('exchange.import.intro')}
        </Text>
      </Stack>

      <Stack gap="sm" maw={720}>
        <Stack gap={4}>
          <Text size="sm" fw={500}>
            {t('exchange.import.target')}
          </Text>
          <SegmentedControl
            value={kind}
            onChange={(v) => setKind(v as Kind)}
            data={[
              { value: 'new_programmes', label: t('exchange.import.targetNew'), disabled: !isAdmin },
              { value: 'new_version', label: t('exchange.import.targetVersion') },
            ]}
            fullWidth
            orientation="horizontal"
            data-testid="import-target"
          />
        </Stack>
        {newVersion && (
          <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
            <Select
              label={t('exchange.import.programme')}
              placeholder={t('exchange.import.programmePlaceholder')}
              data={options}
              value={programme}
              onChange={setProgramme}
              searchable
              required
              data-testid="import-programme"
            />
            <DateField
              label={t('exchange.import.effectiveDate')}
              value={effectiveDate}
              onChange={(iso) => setEffectiveDate(iso)}
              required
            />
            <TextInput
              label={t('exchange.import.label')}
              placeholder={t('exchange.import.labelDefault', { file: '…' })}
              value={label}
              onChange={(e) => setLabel(e.currentTarget.value)}
            />
            <TextInput
              label={t('exchange.import.reason')}
              placeholder={t('exchange.import.reasonDefault', { file: '…' })}
              value={reason}
              onChange={(e) => setReason(e.currentTarget.value)}
            />
          </SimpleGrid>
        )}
      </Stack>

      <ImportFlow
        // another target chosen is another import: the flow starts again (not when the session arrives and
        // gives the default target: a file already chosen stays)
        key={`${chosenKind ?? ''}:${programme ?? ''}`}
        kind="programme-file"
        slug={newVersion ? programme : null}
        accept=".xml,.xlsx,application/xml,text/xml,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
        testId="import-programme-file"
        intro={
          <Text size="sm" c="dimmed">
            {t('exchange.import.fileHint')}
          </Text>
        }
        ready={!newVersion || (programme !== null && effectiveDate !== '')}
        options={newVersion ? { label: label.trim(), effectiveDate, reason: reason.trim() } : undefined}
        reloads={[programmeKeys.all]}
        detail={(file) => {
          const preview = file.detail as ImportPreview;
          return (
            <Stack gap="xs">
              {preview.detail && (
                <Text size="sm" c="dimmed">
                  {t('exchange.import.read', { detail: `${preview.fileName} — ${preview.detail}` })}
                </Text>
              )}
              {preview.programmes.length > 0 && <ProgrammesTable preview={preview} done={undefined} />}
              {preview.elements && preview.elements.length > 0 && (
                <ElementsTable elements={preview.elements} />
              )}
            </Stack>
          );
        }}
        result={(r) => {
          const done = r.result as ImportResult;
          return (
            <Stack gap="xs">
              <Text size="sm">{t('exchange.import.doneText')}</Text>
              <Group gap="sm">
                {done.created.map((c) => (
                  <Button
                    key={c.slug}
                    component={Link}
                    to={`/programmes/${c.slug}${c.frameworkVersion && done.programmes.some((p) => p.action === 'new_version') ? `?version=${c.frameworkVersion}` : ''}`}
                    size="xs"
                    variant="light"
                  >
                    {t('exchange.import.open', { code: c.code })}
                  </Button>
                ))}
              </Group>
            </Stack>
          );
        }}
      />
    </Stack>
  );
}
