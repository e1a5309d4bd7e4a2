import './styles.js';
import {
  Alert,
  Anchor,
  Button,
  Checkbox,
  Grid,
  Group,
  MultiSelect,
  NativeSelect,
  Paper,
  Stack,
  Table,
  Text,
  TextInput,
  Textarea,
  Title,
} from '@mantine/core';
import { useDocumentTitle } from '@mantine/hooks';
import { keepPreviousData, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { Link, useParams, useSearchParams } from 'react-router';
import {
  activityKinds,
  ageGroups,
  areaLevels,
  participantCategories,
  sexes,
} from '../../../core/contracts/activity-vocabulary.js';
import { ruleKinds } from '../../../core/contracts/activity-vocabulary.js';
import type { IndicatorData, IndicatorRuleInput } from '../../../core/contracts/indicator-data.js';
import { localize } from '../../../core/i18n/locale.js';
import { contributionsShown, indicatorValueReasonMax } from '../../../core/contracts/limits.js';
import {
  indicatorDataQuery,
  useAddIndicatorValue,
  useDeleteIndicatorValue,
  useKeepComputedValue,
  useSetIndicatorRule,
  useUpdateIndicatorValue,
} from '../../api/field.js';
import { ApiError } from '../../api/client.js';
import { toStoredValue } from '../../../core/domain/stored-value.js';
import { sayValueFinding, valueFindings } from '../../../core/domain/value-fits-indicator.js';
import { ConflictDialog, useVersionConflict } from '../../components/conflict-dialog.js';
import { ErrorState, Loading, useErrorMessage } from '../../components/query-state.js';
import { useLocale, useT } from '../../i18n/i18n.js';
import { AuditPanel } from '../audit/audit-panel.js';
import { formatDate, formatNumber, formatPeriod } from '../../../core/i18n/format.js';
import { ExplainProgress, ProgressBar, StatusBadge } from './field-ui.js';
import { DateField } from '../../components/date-field.js';

/** `/indicators/:id?from&to`: one indicator's value, what it is made of, its values and its rule. */
export function IndicatorPage() {
  const t = useT();
  const locale = useLocale();
  const { id = '' } = useParams();
  const [search] = useSearchParams();
  const params = new URLSearchParams();
  for (const key of ['from', 'to']) {
    const v = search.get(key);
    if (v) params.set(key, v);
  }
  // the activities' shares come in pieces: a big programme's whole list was megabytes
  const [shown, setShown] = useState(contributionsShown);
  if (shown > contributionsShown) params.set('contributions', String(shown));
  const query = useQuery({ ...indicatorDataQuery(id, params), placeholderData: keepPreviousData });
  useDocumentTitle(`${query.data?.indicator.code ?? ''} — ${t('app.name')}`);
  if (query.isPending) return <Loading />;
  if (query.isError) return <ErrorState error={query.error} onRetry={() => void query.refetch()} />;
  const d = query.data;
  const fmt = (n: number) => formatNumber(n, locale);
  const c = d.computed;
  return (
    <Stack gap="xl">
      <Stack gap={4}>
        <Anchor component={Link} to={`/programmes/${d.programme.slug}/dashboard`} size="sm">
          ← {t('field.indicator.back')}
        </Anchor>
        <Text c="dimmed" size="sm">
          {d.programme.code} · {t('framework.outcome', { code: d.outcomeCode })}
          {d.outputCode ? ` · ${t('framework.output', { code: d.outputCode })}` : ''}
        </Text>
        <Title order={1} fz={{ base: 'h4', sm: 'h3' }}>
          {d.indicator.code} — {localize(d.indicator.title, locale)}
        </Title>
      </Stack>

      <Paper withBorder p="md">
        <Grid>
          <Grid.Col span={{ base: 12, md: 4 }}>
            <Text size="xs" c="dimmed" tt="uppercase">
              {t('field.dashboard.actual')}
            </Text>
            <Text fz={28} fw={700}>
              {d.actual?.text ?? '—'}
            </Text>
            {d.actual && (
              <Text size="xs" c="dimmed">
                {d.actual.source === 'computed'
                  ? t('field.indicator.fromActivities', { count: d.actual.activityCount ?? 0 })
                  : t(`field.dashboard.${d.actual.source}`)}{' '}
                · {formatDate(d.actual.date, locale)}
              </Text>
            )}
          </Grid.Col>
          <Grid.Col span={{ base: 12, md: 8 }}>
            <Group justify="space-between" mb={6}>
              <Text size="sm">{t('field.indicator.progress')}</Text>
              <StatusBadge progress={d.progress} />
            </Group>
            <ProgressBar progress={d.progress} label={d.indicator.code} />
            <Group gap="lg" mt={6}>
              <Text size="xs">
                {t('field.dashboard.baseline')}: {d.indicator.baseline?.text ?? '—'}
              </Text>
              <Text size="xs">
                {t('field.dashboard.expected')}:{' '}
                {d.progress.expected === null ? '—' : fmt(d.progress.expected)}
              </Text>
              <Text size="xs">
                {t('field.dashboard.target')}: {d.progress.basis.target?.text ?? '—'}
              </Text>
              <ExplainProgress progress={d.progress} code={d.indicator.code} />
            </Group>
            {d.progress.parts.map((part) => (
              <Text size="xs" key={part.group} c={part.met === false ? 'red' : undefined}>
                {part.group}: {part.actual === null ? '—' : fmt(part.actual)}
                {part.unit === 'percent' ? ' %' : ''} / {fmt(part.target)}
                {part.unit === 'percent' ? ' %' : ''}
              </Text>
            ))}
          </Grid.Col>
        </Grid>
      </Paper>

      {c && <Computed data={d} onMore={() => setShown(shown + contributionsShown)} />}
      <IndicatorValues data={d} />
      <RuleEditorForWriters data={d} />
      <AuditPanel programme={d.programme.slug} entity="indicators" id={d.indicator.id} />
    </Stack>
  );
}

function Computed({ data, onMore }: { data: IndicatorData; onMore: () => void }) {
  const summable = data.indicator.measure !== 'percent';
  const t = useT();
  const locale = useLocale();
  const c = data.computed!;
  const fmt = (n: number) => formatNumber(n, locale);
  const ids = c.contributions.filter((x) => x.value > 0).map((x) => x.activityId);
  return (
    <section aria-labelledby="computed-title">
      <Title order={2} fz="h4" id="computed-title">
        {t('field.indicator.contributions')}
      </Title>
      <Text size="sm" c="dimmed" mb="xs">
        {c.from ? formatPeriod(c.from, c.to, locale) : `→ ${formatDate(c.to, locale)}`} ·{' '}
        {t('field.indicator.contributionsHint', { count: c.activityCount })}{' '}
        {ids.length > 0 && ids.length <= 200 && (
          <Anchor component={Link} to={`/programmes/${data.programme.slug}/activities?ids=${ids.join(',')}`}>
            {t('field.indicator.seeActivities')}
          </Anchor>
        )}
      </Text>
      {c.notes.map((n) => (
        <Alert key={n} color="yellow" variant="light" py={6} mb={6}>
          {n}
        </Alert>
      ))}
      <Table.ScrollContainer minWidth={640} mah={420}>
        <Table striped withTableBorder stickyHeader>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('field.list.date')}</Table.Th>
              <Table.Th>{t('field.list.activity')}</Table.Th>
              <Table.Th>{t('field.list.organisation')}</Table.Th>
              <Table.Th>{t('field.list.places')}</Table.Th>
              <Table.Th className="num">{t('field.indicator.value')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {c.contributions.map((x) => (
              <Table.Tr key={x.activityId}>
                <Table.Td className="tabular">{formatDate(x.startDate, locale)}</Table.Td>
                <Table.Td>
                  <Anchor component={Link} to={`/activities/${x.activityId}`} size="sm">
                    {x.title}
                  </Anchor>
                </Table.Td>
                <Table.Td>{x.organisation}</Table.Td>
                <Table.Td>{x.places.join(', ')}</Table.Td>
                <Table.Td className="num">{fmt(x.value)}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
      {c.contributions.length < c.activityCount && (
        <Button variant="subtle" size="xs" mt={4} onClick={onMore} data-testid="more-contributions">
          {t('field.indicator.moreContributions', {
            shown: formatNumber(c.contributions.length, locale),
            total: formatNumber(c.activityCount, locale),
          })}
        </Button>
      )}
      {data.series.length > 0 && (
        <>
          <Title order={3} fz="h5" mt="md" mb="xs">
            {t('field.indicator.series')}
          </Title>
          <Table withTableBorder maw={420}>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('field.indicator.quarter')}</Table.Th>
                <Table.Th className="num">{t('field.indicator.value')}</Table.Th>
                {/* a percentage is a level: never added up from one quarter to the next */}
                {summable && <Table.Th className="num">{t('field.indicator.cumulative')}</Table.Th>}
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {data.series.map((s) => (
                <Table.Tr key={s.period}>
                  <Table.Td>{s.period}</Table.Td>
                  <Table.Td className="num">{fmt(s.value)}</Table.Td>
                  {summable && <Table.Td className="num">{fmt(s.cumulative)}</Table.Td>}
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </>
      )}
    </section>
  );
}

/** The issues of a refusal by field of the form: `body.value`, `body.periodStart`… */
function issuesAt(error: unknown, path: string): string | null {
  const found = error instanceof ApiError ? error.issues.filter((i) => i.path === path) : [];
  return found.length ? found.map((i) => i.message).join(' ') : null;
}

/** The value holding the period, as a 409 names it: the form offers to replace it (a new version of it). */
function periodHolder(error: unknown): { id: string; version: number } | null {
  if (!(error instanceof ApiError) || error.status !== 409) return null;
  const current = error.body?.error.current as { value?: { id?: unknown; version?: unknown } } | undefined;
  const { id, version } = current?.value ?? {};
  return typeof id === 'string' && typeof version === 'number' ? { id, version } : null;
}

const formFields = ['body.value', 'body.periodStart', 'body.periodEnd'];

/** The values of an indicator, and the form entering one: checked live by the rule the server applies. */
export function IndicatorValues({ data }: { data: IndicatorData }) {
  const t = useT();
  const locale = useLocale();
  const errorMessage = useErrorMessage();
  const empty = { periodStart: '', periodEnd: '', text: '', reason: '' };
  const [form, setForm] = useState(empty);
  const add = useAddIndicatorValue(data.indicator.id);
  const replace = useUpdateIndicatorValue();
  const keep = useKeepComputedValue(data.indicator.id);
  const remove = useDeleteIndicatorValue();
  const measure = data.indicator.measure;
  // the server's rule, run as the user types (core/domain/value-fits-indicator.ts)
  const live = form.text.trim()
    ? (() => {
        const v = toStoredValue(form.text, { percentIndicator: measure === 'percent' });
        return valueFindings(measure, v.spec, v.text).map((f) => sayValueFinding(f, t, locale));
      })()
    : [];
  const refusal = add.error ?? replace.error;
  const holder = periodHolder(add.error);
  const body = () => ({ value: { text: form.text }, reason: form.reason || null });
  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (live.length) return;
    replace.reset();
    add.mutate(
      { periodStart: form.periodStart, periodEnd: form.periodEnd, ...body() },
      { onSuccess: () => setForm(empty) },
    );
  };
  const replaceHolder = () => {
    if (!holder) return;
    replace.mutate(
      { id: holder.id, version: holder.version, ...body() },
      {
        onSuccess: () => {
          add.reset();
          setForm(empty);
        },
      },
    );
  };
  const otherIssues =
    refusal instanceof ApiError ? refusal.issues.filter((i) => !formFields.includes(i.path)) : [];
  const source = (v: IndicatorData['values'][number]) => {
    const parts = [t(`field.dashboard.${v.provenance}`)];
    if (v.enteredBy) parts.push(t('field.indicator.by', { name: v.enteredBy }));
    if (v.fileName) parts.push(t('field.indicator.file', { file: v.fileName, row: v.row ?? '?' }));
    if (v.activityIds.length)
      parts.push(t('field.indicator.fromActivities', { count: v.activityIds.length }));
    return parts.join(' · ');
  };
  return (
    <section aria-labelledby="values-title">
      <Title order={2} fz="h4" id="values-title" mb="xs">
        {t('field.indicator.values')}
      </Title>
      {data.values.length === 0 ? (
        <Text c="dimmed" size="sm">
          {t('field.indicator.noValues')}
        </Text>
      ) : (
        <Table.ScrollContainer minWidth={640}>
          <Table striped withTableBorder>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('field.indicator.period')}</Table.Th>
                <Table.Th>{t('field.indicator.value')}</Table.Th>
                <Table.Th>{t('field.indicator.provenance')}</Table.Th>
                <Table.Th />
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {data.values.map((v) => (
                <Table.Tr key={v.id}>
                  <Table.Td>{formatPeriod(v.periodStart, v.periodEnd, locale)}</Table.Td>
                  <Table.Td>
                    {v.value?.text ?? '—'}
                    {v.reason && (
                      <Text size="xs" c="dimmed">
                        {v.reason}
                      </Text>
                    )}
                  </Table.Td>
                  <Table.Td>
                    <Text size="xs">{source(v)}</Text>
                    {v.activityIds.length > 0 && (
                      <Anchor
                        size="xs"
                        component={Link}
                        to={`/programmes/${data.programme.slug}/activities?ids=${v.activityIds.slice(0, 200).join(',')}`}
                      >
                        {t('field.indicator.seeActivities')}
                      </Anchor>
                    )}
                  </Table.Td>
                  <Table.Td>
                    {v.provenance !== 'seed' && data.can.recordValues && (
                      <Button
                        size="compact-xs"
                        variant="subtle"
                        color="red"
                        onClick={() => remove.mutate(v.id)}
                      >
                        {t('field.indicator.deleteValue')}
                      </Button>
                    )}
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
      {data.computed && data.can.recordValues && (
        <Button
          mt="sm"
          size="xs"
          variant="light"
          loading={keep.isPending}
          onClick={() =>
            keep.mutate({
              periodStart: data.computed?.from ?? form.periodStart,
              periodEnd: data.computed!.to,
            })
          }
        >
          {t('field.indicator.keepComputed')}
        </Button>
      )}
      {data.can.recordValues && (
        <Paper withBorder p="md" mt="md" component="form" onSubmit={submit} maw={720}>
          <Title order={3} fz="h5" mb="xs">
            {t('field.indicator.addValue')}
          </Title>
          {(refusal || keep.error) && (
            <Alert color="red" mb="sm" role="alert">
              {errorMessage(refusal ?? keep.error)}
              {otherIssues.map((i) => (
                <div key={i.path}>{i.message}</div>
              ))}
              {holder && (
                <Button mt="xs" size="xs" variant="light" loading={replace.isPending} onClick={replaceHolder}>
                  {t('field.indicator.replaceExisting')}
                </Button>
              )}
            </Alert>
          )}
          <Group grow align="start">
            <DateField
              required
              label={t('field.indicator.periodStart')}
              value={form.periodStart}
              error={issuesAt(add.error, 'body.periodStart')}
              onChange={(iso) => setForm({ ...form, periodStart: iso })}
            />
            <DateField
              required
              label={t('field.indicator.periodEnd')}
              value={form.periodEnd}
              error={issuesAt(add.error, 'body.periodEnd')}
              onChange={(iso) => setForm({ ...form, periodEnd: iso })}
            />
          </Group>
          <TextInput
            mt="xs"
            required
            label={t('field.indicator.valueText')}
            value={form.text}
            error={live.length ? live.join(' ') : issuesAt(refusal, 'body.value')}
            onChange={(e) => setForm({ ...form, text: e.currentTarget.value })}
          />
          <Textarea
            mt="xs"
            label={t('field.indicator.reason')}
            maxLength={indicatorValueReasonMax}
            value={form.reason}
            onChange={(e) => setForm({ ...form, reason: e.currentTarget.value })}
          />
          <Button type="submit" mt="sm" loading={add.isPending} disabled={live.length > 0}>
            {t('field.indicator.saveValue')}
          </Button>
        </Paper>
      )}
    </section>
  );
}

/** The calculation rule is the framework's: offered to those who change it (the indicator's `can.editRule`). */
function RuleEditorForWriters({ data }: { data: IndicatorData }) {
  return data.can.editRule ? <RuleEditor data={data} /> : null;
}

function RuleEditor({ data }: { data: IndicatorData }) {
  const t = useT();
  const client = useQueryClient();
  const errorMessage = useErrorMessage();
  const initial: IndicatorRuleInput = data.rule ?? { kind: 'sum_participants' };
  const [rule, setRule] = useState<IndicatorRuleInput>(initial);
  // the rule version the editor was filled from; after a conflict, the one saved meanwhile
  const [version, setVersion] = useState<number | undefined>(data.ruleVersion ?? undefined);
  const stale = useVersionConflict<{ version: number }>();
  // the 409 of a rule carries only its version: the rule saved meanwhile is read again to be shown
  const [theirs, setTheirs] = useState<{ rule: IndicatorRuleInput | null; version: number } | null>(null);
  const save = useSetIndicatorRule(data.indicator.id);
  const send = (next: IndicatorRuleInput | null, over?: number) => {
    const v = over ?? version;
    save.mutate(
      { rule: next, ...(v ? { version: v } : {}) },
      {
        onError: async (error) => {
          if (!stale.take(error)) return;
          const fresh = await client.fetchQuery({
            ...indicatorDataQuery(data.indicator.id, new URLSearchParams()),
            staleTime: 0,
          });
          setTheirs({ rule: fresh.rule, version: fresh.ruleVersion ?? 0 });
        },
      },
    );
  };
  const ruleFields = (r: IndicatorRuleInput | null) =>
    r === null
      ? { kind: t('field.indicator.noRule') }
      : {
          kind: t(`field.indicator.ruleKinds.${r.kind}`),
          scope: r.scope ?? 'linked',
          activityKinds: r.activityKinds ?? [],
          categories: r.categories ?? [],
          sexes: r.sexes ?? [],
          ageGroups: r.ageGroups ?? [],
          countBasis: (r.countBasis ?? 'all') === 'distinct_only',
          placeLevel: r.placeLevel ?? 'commune',
          cumulative: r.cumulative ?? data.indicator.cumulative,
        };
  const options = <T extends string>(values: readonly T[], label: (v: T) => string) =>
    values.map((v) => ({ value: v, label: label(v) }));
  return (
    <section aria-labelledby="rule-title">
      <Title order={2} fz="h4" id="rule-title" mb="xs">
        {t('field.indicator.rule')}
      </Title>
      {!data.rule && (
        <Text size="sm" c="dimmed" mb="xs">
          {t('field.indicator.noRule')}
        </Text>
      )}
      {save.error && !stale.conflict && (
        <Alert color="red" mb="sm">
          {errorMessage(save.error)}
        </Alert>
      )}
      {stale.conflict && theirs && (
        <ConflictDialog
          opened
          mine={ruleFields(save.variables?.rule ?? null)}
          theirs={ruleFields(theirs.rule)}
          fields={[
            { key: 'kind', label: t('field.indicator.ruleKind') },
            { key: 'scope', label: t('field.indicator.scope') },
            { key: 'activityKinds', label: t('field.indicator.filterKinds') },
            { key: 'categories', label: t('field.indicator.filterCategories') },
            { key: 'sexes', label: t('field.indicator.filterSexes') },
            { key: 'ageGroups', label: t('field.indicator.filterAges') },
            { key: 'countBasis', label: t('field.indicator.distinctOnly') },
            { key: 'placeLevel', label: t('field.indicator.placeLevel') },
            { key: 'cumulative', label: t('field.indicator.cumulativeRule') },
          ]}
          busy={save.isPending}
          onReload={() => {
            setRule(theirs.rule ?? { kind: 'sum_participants' });
            setVersion(theirs.version);
            stale.clear();
            setTheirs(null);
            save.reset();
          }}
          onKeepMine={() => {
            const next = save.variables?.rule ?? null;
            setVersion(theirs.version);
            stale.clear();
            setTheirs(null);
            send(next, theirs.version);
          }}
        />
      )}
      <Paper withBorder p="md" maw={860}>
        <Grid>
          <Grid.Col span={{ base: 12, sm: 6 }}>
            <NativeSelect
              label={t('field.indicator.ruleKind')}
              value={rule.kind}
              data={options(ruleKinds, (k) => t(`field.indicator.ruleKinds.${k}`))}
              onChange={(e) =>
                setRule({ ...rule, kind: e.currentTarget.value as IndicatorRuleInput['kind'] })
              }
            />
          </Grid.Col>
          <Grid.Col span={{ base: 12, sm: 6 }}>
            <NativeSelect
              label={t('field.indicator.scope')}
              value={rule.scope ?? 'linked'}
              data={[
                { value: 'linked', label: t('field.indicator.scopes.linked') },
                { value: 'programme', label: t('field.indicator.scopes.programme') },
              ]}
              onChange={(e) => setRule({ ...rule, scope: e.currentTarget.value as 'linked' | 'programme' })}
            />
          </Grid.Col>
          <Grid.Col span={{ base: 12, sm: 6 }}>
            <MultiSelect
              label={t('field.indicator.filterKinds')}
              placeholder={t('field.indicator.anyOption')}
              data={options(activityKinds, (k) => t(`field.kinds.${k}`))}
              value={rule.activityKinds ?? []}
              onChange={(v) => setRule({ ...rule, activityKinds: v as IndicatorRuleInput['activityKinds'] })}
            />
          </Grid.Col>
          {rule.kind === 'sum_participants' && (
            <>
              <Grid.Col span={{ base: 12, sm: 6 }}>
                <MultiSelect
                  label={t('field.indicator.filterCategories')}
                  placeholder={t('field.indicator.anyOption')}
                  data={options(participantCategories, (k) => t(`field.categories.${k}`))}
                  value={rule.categories ?? []}
                  onChange={(v) => setRule({ ...rule, categories: v as IndicatorRuleInput['categories'] })}
                />
              </Grid.Col>
              <Grid.Col span={{ base: 12, sm: 6 }}>
                <MultiSelect
                  label={t('field.indicator.filterSexes')}
                  placeholder={t('field.indicator.anyOption')}
                  data={options(sexes, (k) => t(`field.sexes.${k}`))}
                  value={rule.sexes ?? []}
                  onChange={(v) => setRule({ ...rule, sexes: v as IndicatorRuleInput['sexes'] })}
                />
              </Grid.Col>
              <Grid.Col span={{ base: 12, sm: 6 }}>
                <MultiSelect
                  label={t('field.indicator.filterAges')}
                  placeholder={t('field.indicator.anyOption')}
                  data={options(ageGroups, (k) => t(`field.ages.${k}`))}
                  value={rule.ageGroups ?? []}
                  onChange={(v) => setRule({ ...rule, ageGroups: v as IndicatorRuleInput['ageGroups'] })}
                />
              </Grid.Col>
              <Grid.Col span={12}>
                <Checkbox
                  label={t('field.indicator.distinctOnly')}
                  checked={rule.countBasis === 'distinct_only'}
                  onChange={(e) =>
                    setRule({ ...rule, countBasis: e.currentTarget.checked ? 'distinct_only' : 'all' })
                  }
                />
              </Grid.Col>
            </>
          )}
          {rule.kind === 'count_places' && (
            <Grid.Col span={{ base: 12, sm: 6 }}>
              <NativeSelect
                label={t('field.indicator.placeLevel')}
                value={rule.placeLevel ?? 'commune'}
                data={options(areaLevels, (k) => t(`field.levels.${k}`))}
                onChange={(e) =>
                  setRule({ ...rule, placeLevel: e.currentTarget.value as IndicatorRuleInput['placeLevel'] })
                }
              />
            </Grid.Col>
          )}
          <Grid.Col span={12}>
            <Checkbox
              label={t('field.indicator.cumulativeRule')}
              checked={rule.cumulative ?? data.indicator.cumulative}
              onChange={(e) => setRule({ ...rule, cumulative: e.currentTarget.checked })}
            />
          </Grid.Col>
        </Grid>
        <Group mt="md">
          <Button loading={save.isPending} onClick={() => send(rule)}>
            {t('field.indicator.saveRule')}
          </Button>
          {data.rule && (
            <Button variant="subtle" color="red" onClick={() => send(null)}>
              {t('field.indicator.removeRule')}
            </Button>
          )}
        </Group>
      </Paper>
    </section>
  );
}
