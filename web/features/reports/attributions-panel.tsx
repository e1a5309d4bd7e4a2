/**
 * Who writes what: each section of the report (each outcome of Part II) with the agencies that write it and how
 * far it is written. The coordinator gives them (the server says who may: `can.attribute`); everyone else reads
 * the list, their own agency's units marked.
 */
import { Alert, Badge, Button, Chip, Group, Paper, Stack, Table, Text, Title } from '@mantine/core';
import { memo, useId, useMemo, useState } from 'react';
import type { ReportDetail } from '../../../core/contracts/report.js';
import type { ReportUnit } from '../../../core/contracts/report-workflow.js';
import type { ReportTemplate } from '../../../core/contracts/report-template.js';
import { localize } from '../../../core/i18n/locale.js';
import { agenciesOf, unitWritable } from '../../../core/reports/attributions.js';
import { applies } from '../../../core/reports/checks.js';
import { useSetAttributions } from '../../api/reports.js';
import { useLocale, useT } from '../../i18n/i18n.js';
import type { ReportSaver } from './saver.js';
import { useWorkflowWrite } from './use-workflow.js';

const keyOf = (u: ReportUnit) => `${u.section}|${u.outcome ?? ''}`;

export const AttributionsPanel = memo(function AttributionsPanel({
  detail,
  template,
  saver,
}: {
  detail: ReportDetail;
  template: ReportTemplate;
  saver: ReportSaver;
}) {
  const t = useT();
  const locale = useLocale();
  const titleId = useId();
  const { run, working, error, clearError } = useWorkflowWrite(saver);
  const save = useSetAttributions();
  // the units a coordinator may give: the sections people write, each outcome of an outcomes section
  const units = useMemo(
    () =>
      template.sections
        .filter((s) => applies(s, detail.model) && ['fields', 'outcomes', 'indicator_table'].includes(s.kind))
        .filter((s) => s.kind !== 'fields' || s.fields.some((f) => f.type !== 'derived'))
        .flatMap((s): { unit: ReportUnit; label: string }[] =>
          s.kind === 'outcomes'
            ? detail.model.outcomes.map((o) => ({
                unit: { section: s.id, outcome: o.code },
                label: `${localize(s.title, locale)} — ${t('reports.workflow.unitOutcome', { code: o.code })}`,
              }))
            : [{ unit: { section: s.id, outcome: null }, label: localize(s.title, locale) }],
        ),
    [template, detail.model, locale, t],
  );
  const given = useMemo(
    () =>
      new Map<string, string[]>(
        units.map(({ unit }) => [keyOf(unit), agenciesOf(detail.attributions, unit)] as const),
      ),
    [units, detail.attributions],
  );
  const [draft, setDraft] = useState<Map<string, string[]> | null>(null);
  // folded by default: the list of units is long, and most visits are about writing
  const [opened, setOpened] = useState(false);
  const current = draft ?? given;
  const agencies = detail.parts.map((p) => ({
    value: p.agency.code,
    label: localize(p.agency.acronym, locale),
  }));
  const nameOf = (code: string) => agencies.find((a) => a.value === code)?.label ?? code;
  const completion = (unit: ReportUnit) =>
    detail.completion.find((c) => c.section === unit.section && c.outcome === unit.outcome) ??
    (unit.outcome !== null
      ? undefined
      : detail.completion.find((c) => c.section === unit.section && c.outcome === null));
  const editing = detail.can.attribute;
  const mine = (unit: ReportUnit) => !detail.can.editAll && unitWritable(detail.can.editUnits, unit);

  const submit = () =>
    void run('attributions', () =>
      save.mutateAsync({
        id: detail.id,
        attributions: units
          .map(({ unit }) => ({ ...unit, agencies: current.get(keyOf(unit)) ?? [] }))
          .filter((a) => a.agencies.length > 0),
      }),
    ).then((ok) => ok && setDraft(null));

  return (
    <Paper withBorder p="sm" component="section" aria-labelledby={titleId} data-testid="attributions">
      <Stack gap="xs">
        <Group justify="space-between" gap="xs">
          <Title order={2} fz="md" id={titleId}>
            {t('reports.workflow.whoWrites')}
          </Title>
          <Button
            size="compact-xs"
            variant="subtle"
            aria-expanded={opened}
            data-testid="attributions-toggle"
            onClick={() => setOpened((o) => !o)}
          >
            {opened ? t('reports.workflow.hideUnits') : t('reports.workflow.showUnits')}
          </Button>
        </Group>
        <Text size="xs" c="dimmed">
          {t('reports.workflow.whoWritesHint')}
        </Text>
        {opened && (
          <Table.ScrollContainer minWidth={420}>
            <Table verticalSpacing={4} fz="sm">
              <Table.Tbody>
                {units.map(({ unit, label }) => {
                  const codes = current.get(keyOf(unit)) ?? [];
                  const done = completion(unit);
                  return (
                    <Table.Tr
                      key={keyOf(unit)}
                      data-testid={`unit-${unit.section}${unit.outcome ? `-${unit.outcome}` : ''}`}
                      data-mine={mine(unit) || undefined}
                    >
                      <Table.Td>
                        <Text size="sm">{label}</Text>
                        {mine(unit) && (
                          <Badge size="xs" variant="light" color="teal">
                            {t('reports.workflow.yours')}
                          </Badge>
                        )}
                      </Table.Td>
                      <Table.Td miw={180}>
                        {editing ? (
                          <Chip.Group
                            multiple
                            value={codes}
                            onChange={(value) => setDraft(new Map(current).set(keyOf(unit), value))}
                          >
                            <Group
                              gap={4}
                              role="group"
                              aria-label={t('reports.workflow.agenciesOf', { unit: label })}
                            >
                              {agencies.map((a) => (
                                <Chip key={a.value} value={a.value} size="xs">
                                  {a.label}
                                </Chip>
                              ))}
                            </Group>
                          </Chip.Group>
                        ) : (
                          <Text size="sm" c={codes.length ? undefined : 'dimmed'}>
                            {codes.length ? codes.map(nameOf).join(', ') : t('reports.workflow.coordination')}
                          </Text>
                        )}
                      </Table.Td>
                      <Table.Td ta="right" style={{ whiteSpace: 'nowrap' }}>
                        {done && done.total > 0 && (
                          <Text size="xs" c={done.filled === done.total ? 'teal.8' : 'dimmed'}>
                            {t('reports.workflow.filled', { filled: done.filled, total: done.total })}
                          </Text>
                        )}
                      </Table.Td>
                    </Table.Tr>
                  );
                })}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        )}
        {editing && draft && (
          <Group justify="flex-end">
            <Button size="xs" loading={working === 'attributions'} onClick={submit}>
              {t('reports.workflow.saveAttributions')}
            </Button>
          </Group>
        )}
        {error && (
          <Alert color="red" variant="light" role="alert" withCloseButton onClose={clearError}>
            {error}
          </Alert>
        )}
      </Stack>
    </Paper>
  );
});
