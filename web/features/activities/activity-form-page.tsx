import '../dashboard/styles.js';
import {
  Alert,
  Anchor,
  Autocomplete,
  Button,
  Fieldset,
  Grid,
  Group,
  MultiSelect,
  NativeSelect,
  NumberInput,
  Pill,
  Stack,
  Text,
  TextInput,
  Textarea,
  Title,
} from '@mantine/core';
import { useDocumentTitle } from '@mantine/hooks';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect, useMemo, useState, type FormEvent } from 'react';
import { Link, useNavigate, useParams } from 'react-router';
import { activityKinds, ageGroups, countBases, sexes } from '../../../core/contracts/activity-vocabulary.js';
import type { ActivityCreate, ActivityDetail } from '../../../core/contracts/activities.js';
import { keysOf, PlaceIndex } from '../../../core/geo/place-names.js';
import { localize } from '../../../core/i18n/locale.js';
import { activityTitleMax } from '../../../core/contracts/limits.js';
import { ApiError } from '../../api/client.js';
import { activityQuery, allAreasQuery } from '../../api/field.js';
import { useDiscardRecord, useRecordActivity } from '../../api/outbox.js';
import { useSession } from '../../api/session.js';
import { useWorkPlan } from '../../api/finance.js';
import { useFramework, useProgramme } from '../../api/programmes.js';
import { ConflictDialog } from '../../components/conflict-dialog.js';
import { ErrorState, Loading, useErrorMessage } from '../../components/query-state.js';
import { useLocale, useT } from '../../i18n/i18n.js';
import { organisationLabel } from '../../lib/organisation.js';
import {
  changeOf,
  getRecord,
  newRecord,
  type OutboxPhoto,
  type OutboxRecord,
  type Refusal,
} from '../../lib/outbox.js';
import { resizePhoto } from '../../lib/photo.js';
import { ParticipantsEntry, rowTotal, type ParticipantRow as Row } from './participants-entry.js';
import { DateField } from '../../components/date-field.js';
interface FormState {
  kind: ActivityCreate['kind'];
  titleFr: string;
  titleEn: string;
  description: string;
  startDate: string;
  endDate: string;
  organisation: string;
  partner: string;
  output: string;
  /** the id of the planned activity of the work plan it carries out */
  workPlanActivity: string;
  indicators: string[];
  places: { area: string; name: string; note: string }[];
  countBasis: 'distinct' | 'attendance';
  quantity: number | '';
  quantityUnit: string;
  rows: Row[];
}

const empty: FormState = {
  kind: 'training',
  titleFr: '',
  titleEn: '',
  description: '',
  startDate: '',
  endDate: '',
  organisation: '',
  partner: '',
  output: '',
  workPlanActivity: '',
  indicators: [],
  places: [],
  countBasis: 'distinct',
  quantity: '',
  quantityUnit: '',
  rows: [],
};

function fromActivity(a: ActivityDetail): FormState {
  const rows: Row[] = [];
  for (const p of a.participants) {
    let row = rows.find((r) => r.category === p.category);
    if (!row) rows.push((row = { category: p.category, cells: {} }));
    row.cells[`${p.sex}.${p.ageGroup}`] = (row.cells[`${p.sex}.${p.ageGroup}`] ?? 0) + p.count;
  }
  return {
    kind: a.kind,
    titleFr: a.title.fr,
    titleEn: a.title.en ?? '',
    description: a.description ?? '',
    startDate: a.startDate,
    endDate: a.endDate ?? '',
    organisation: a.organisation.code,
    partner: a.partner ?? '',
    output: a.output ?? '',
    workPlanActivity: a.workPlanActivity?.id ?? '',
    indicators: a.indicators,
    places: a.places.map((p) => ({ area: p.area.code, name: p.area.name, note: p.note ?? '' })),
    countBasis: a.countBasis,
    quantity: a.quantity ?? '',
    quantityUnit: a.quantityUnit ?? '',
    rows,
  };
}

/** The form as the conflict dialog compares it: places by name, participants as their total per category. */
function comparable(f: FormState, t: (key: string) => string) {
  const { rows, places, kind, countBasis, workPlanActivity: _id, ...rest } = f;
  return {
    kind: t(`field.kinds.${kind}`),
    ...rest,
    places: places.map((p) => (p.note ? `${p.name} (${p.note})` : p.name)),
    countBasis: t(`field.countBasis.${countBasis}`),
    rows: rows.map((r) => `${t(`field.categories.${r.category}`)} : ${rowTotal(r.cells)}`),
  };
}

function toBody(f: FormState): ActivityCreate {
  return {
    kind: f.kind,
    title: { fr: f.titleFr.trim(), ...(f.titleEn.trim() ? { en: f.titleEn.trim() } : {}) },
    description: f.description.trim() || null,
    startDate: f.startDate,
    endDate: f.endDate || null,
    organisation: f.organisation,
    partner: f.partner.trim() || null,
    output: f.output || null,
    workPlanActivity: f.workPlanActivity || null,
    indicators: f.indicators,
    places: f.places.map((p) => ({ area: p.area, note: p.note.trim() || null })),
    countBasis: f.countBasis,
    quantity: f.quantity === '' ? null : f.quantity,
    quantityUnit: f.quantityUnit.trim() || null,
    participants: f.rows.flatMap((r) =>
      sexes.flatMap((sex) =>
        ageGroups.flatMap((ageGroup) => {
          const count = r.cells[`${sex}.${ageGroup}`];
          return count ? [{ category: r.category, sex, ageGroup, count }] : [];
        }),
      ),
    ),
  };
}

/**
 * `/programmes/:slug/activities/new`, `/activities/:id/edit` and `/outbox/:recordId` (a record of this device's
 * outbox, to correct): record or change an activity. Changing an activity that has a change waiting on this
 * device opens that change (offline, a second change builds on the first).
 */
export function ActivityFormPage() {
  const { id, slug: slugParam, recordId } = useParams();
  const t = useT();
  const session = useSession();
  const owner = session.data?.user?.id ?? null;
  const existing = useQuery({ ...activityQuery(id ?? ''), enabled: Boolean(id) });
  const draft = useQuery({
    queryKey: ['outbox', recordId ?? '', id ?? '', owner],
    queryFn: async () =>
      (recordId ? await getRecord(recordId) : id ? await changeOf(id, owner) : undefined) ?? null,
    enabled: Boolean(recordId) || (Boolean(id) && !session.isPending),
    networkMode: 'always',
    gcTime: 0,
  });
  if (id && existing.isPending) return <Loading />;
  if (id && existing.isError)
    return <ErrorState error={existing.error} onRetry={() => void existing.refetch()} />;
  if ((recordId || id) && draft.isPending) return <Loading />;
  if (recordId && !draft.data) return <Alert color="orange">{t('offline.outbox.notFound')}</Alert>;
  const slug = existing.data?.programme.slug ?? draft.data?.slug ?? slugParam ?? '';
  return <ActivityForm slug={slug} existing={existing.data ?? null} draft={draft.data ?? null} />;
}

function ActivityForm({
  slug,
  existing,
  draft,
}: {
  slug: string;
  existing: ActivityDetail | null;
  draft: OutboxRecord | null;
}) {
  const t = useT();
  const locale = useLocale();
  const navigate = useNavigate();
  const client = useQueryClient();
  const errorMessage = useErrorMessage();
  const programme = useProgramme(slug);
  const framework = useFramework(slug, undefined);
  const workPlan = useWorkPlan(slug);
  const [form, setForm] = useState<FormState>(() =>
    draft ? (draft.form as FormState) : existing ? fromActivity(existing) : empty,
  );
  // the activity this form changes (from the server, or from a change waiting on the device)
  const activityId = existing?.id ?? draft?.change?.activityId ?? null;
  // a new record's identity, made here: saving again after a refusal replaces the same record
  const [recordId] = useState(() => draft?.id ?? crypto.randomUUID());
  const [photos, setPhotos] = useState<OutboxPhoto[]>(() => draft?.photos ?? []);
  const [refusal, setRefusal] = useState<Refusal | null>(() => draft?.refusal ?? null);
  // the version the form was filled from: after "reload theirs" or "keep mine", the current one
  const [version, setVersion] = useState(draft?.change?.version ?? existing?.version);
  const [placeText, setPlaceText] = useState('');
  // the whole geography, searched on the device: works offline
  const allAreas = useQuery(allAreasQuery());
  const placeIndex = useMemo(
    () =>
      new PlaceIndex(
        (allAreas.data?.items ?? []).map((a) => ({
          ...a,
          keys: keysOf(a.name),
          regionCode: null,
          cercleCode: null,
        })),
      ),
    [allAreas.data],
  );
  const foundAreas = placeText.trim().length >= 2 ? placeIndex.search(placeText, 12) : [];
  useEffect(() => {
    // the person's own agency first (a focal point records for theirs only: `can.agencies`, the server's rule)
    const first = programme.data?.can.agencies[0] ?? programme.data?.recipients[0]?.organisation.code;
    if (!form.organisation && first) setForm((f) => ({ ...f, organisation: first }));
  }, [programme.data, form.organisation]);
  const title = activityId
    ? t('field.form.editTitle')
    : draft
      ? t('offline.outbox.correctTitle')
      : t('field.form.newTitle', { code: programme.data?.code ?? '' });
  useDocumentTitle(`${title} — ${t('app.name')}`);

  const record = useRecordActivity();
  const discard = useDiscardRecord();
  const session = useSession();
  const save = record;
  const send = (over?: number) => {
    // a new activity and a change go through the outbox, online or not: one way, and nothing lost in between;
    // a change carries the version it was made from, so a colleague's change since is refused, not overwritten
    const owner = session.data?.user?.id ?? '';
    const change = activityId && version !== undefined ? { activityId, version: over ?? version } : null;
    record.mutate(
      newRecord({ slug, body: toBody(form), form, photos, lang: locale, owner, change }, recordId),
      {
        onSuccess: (done) => {
          if (done.outcome === 'sent' && done.activityId) void navigate(`/activities/${done.activityId}`);
          else if (done.outcome === 'waiting') void navigate('/outbox', { state: { saved: recordId } });
          else
            void getRecord(recordId).then((kept) => {
              setRefusal(kept?.refusal ?? null);
              window.scrollTo({ top: 0 });
            });
        },
      },
    );
  };
  const issues = refusal ? refusal.issues : record.error instanceof ApiError ? record.error.issues : [];
  const issueFor = (path: string) =>
    issues
      .filter((i) => i.path === `body.${path}` || i.path.startsWith(`body.${path}.`))
      .map((i) => i.message)
      .join(' ') || undefined;

  const outputs = (framework.data?.outcomes ?? []).flatMap((o) => o.outputs);
  const plannedActivities = workPlan.data?.activities ?? [];
  // the planned activities of the chosen output (all of them while none is chosen)
  const plannedChoices = plannedActivities.filter(
    (a) => !form.output || !a.output || a.output === form.output || a.id === form.workPlanActivity,
  );
  const indicators = (framework.data?.outcomes ?? []).flatMap((o) => [
    ...o.indicators,
    ...o.outputs.flatMap((x) => x.indicators),
  ]);
  const set = <K extends keyof FormState>(key: K, value: FormState[K]) =>
    setForm((f) => ({ ...f, [key]: value }));
  const addPhotos = async (files: FileList | null) => {
    const taken: OutboxPhoto[] = [];
    for (const file of Array.from(files ?? [])) {
      const small = await resizePhoto(file);
      taken.push({ name: `photo-${recordId.slice(0, 8)}-${photos.length + taken.length + 1}.jpg`, ...small });
    }
    setPhotos((p) => [...p, ...taken]);
  };
  const submit = (e: FormEvent) => {
    e.preventDefault();
    send();
  };
  // a colleague changed the activity since the version this change was made from: both are shown, to choose
  const theirs = refusal?.code === 'version_conflict' ? refusal.current : undefined;
  const tr = t as unknown as (key: string) => string;

  return (
    <Stack gap="lg" component="form" onSubmit={submit}>
      <Anchor
        component={Link}
        to={activityId ? `/activities/${activityId}` : `/programmes/${slug}/activities`}
        size="sm"
      >
        ← {t('field.activity.back')}
      </Anchor>
      <Title order={1} fz={{ base: 'h3', sm: 'h2' }}>
        {title}
      </Title>
      {refusal && (
        <Alert
          color="red"
          role="alert"
          data-testid="refusal"
          data-code={refusal.code}
          title={activityId ? t('offline.outbox.changeRefusedNow') : t('offline.outbox.refusedNow')}
        >
          {refusal.code === 'validation_failed'
            ? t('field.form.invalid')
            : refusal.code === 'version_conflict'
              ? `${refusal.message} ${t('offline.outbox.conflictHint')}`
              : refusal.issues.length === 0
                ? refusal.message
                : null}
          {issues.length > 0 && (
            <ul style={{ margin: '4px 0 0', paddingLeft: 18 }}>
              {issues.map((i) => (
                <li key={`${i.path}${i.message}`}>{i.message}</li>
              ))}
            </ul>
          )}
        </Alert>
      )}
      {save.error && (
        <Alert color="red" role="alert">
          {save.error instanceof ApiError && save.error.code === 'validation_failed'
            ? t('field.form.invalid')
            : errorMessage(save.error)}
          {issues.length > 0 && (
            <ul style={{ margin: '4px 0 0', paddingLeft: 18 }}>
              {issues.map((i) => (
                <li key={`${i.path}${i.message}`}>{i.message}</li>
              ))}
            </ul>
          )}
        </Alert>
      )}
      <Grid>
        <Grid.Col span={{ base: 12, sm: 4 }}>
          <NativeSelect
            label={t('field.form.kind')}
            value={form.kind}
            data={activityKinds.map((k) => ({ value: k, label: t(`field.kinds.${k}`) }))}
            onChange={(e) => set('kind', e.currentTarget.value as FormState['kind'])}
          />
        </Grid.Col>
        <Grid.Col span={{ base: 12, sm: 8 }}>
          <TextInput
            required
            label={t('field.form.titleFr')}
            value={form.titleFr}
            maxLength={activityTitleMax}
            error={issueFor('title')}
            onChange={(e) => set('titleFr', e.currentTarget.value)}
          />
        </Grid.Col>
        <Grid.Col span={12}>
          <TextInput
            label={t('field.form.titleEn')}
            value={form.titleEn}
            onChange={(e) => set('titleEn', e.currentTarget.value)}
          />
        </Grid.Col>
        <Grid.Col span={{ base: 6, sm: 3 }}>
          <DateField
            required
            label={t('field.form.startDate')}
            value={form.startDate}
            error={issueFor('startDate')}
            onChange={(iso) => set('startDate', iso)}
          />
        </Grid.Col>
        <Grid.Col span={{ base: 6, sm: 3 }}>
          <DateField
            label={t('field.form.endDate')}
            value={form.endDate}
            error={issueFor('endDate')}
            onChange={(iso) => set('endDate', iso)}
          />
        </Grid.Col>
        <Grid.Col span={{ base: 12, sm: 3 }}>
          <NativeSelect
            required
            label={t('field.form.organisation')}
            value={form.organisation}
            error={issueFor('organisation')}
            data={(programme.data?.recipients ?? [])
              .filter(
                (r) =>
                  !programme.data?.can.recordData ||
                  programme.data.can.agencies.includes(r.organisation.code) ||
                  r.organisation.code === form.organisation,
              )
              .map((r) => ({
                value: r.organisation.code,
                label: organisationLabel(r.organisation, locale),
              }))}
            onChange={(e) => set('organisation', e.currentTarget.value)}
          />
        </Grid.Col>
        <Grid.Col span={{ base: 12, sm: 3 }}>
          <TextInput
            label={t('field.form.partner')}
            value={form.partner}
            onChange={(e) => set('partner', e.currentTarget.value)}
          />
        </Grid.Col>
        <Grid.Col span={{ base: 12, sm: 4 }}>
          <NativeSelect
            label={t('field.form.output')}
            value={form.output}
            error={issueFor('output')}
            data={[
              { value: '', label: t('field.form.none') },
              ...outputs.map((o) => ({
                value: o.code,
                label: `${o.code} — ${localize(o.statement, locale).slice(0, 80)}`,
              })),
            ]}
            onChange={(e) => {
              const output = e.currentTarget.value;
              const planned = plannedActivities.find((a) => a.id === form.workPlanActivity);
              // a planned activity of another output no longer fits
              setForm((f) => ({
                ...f,
                output,
                workPlanActivity:
                  planned && output && planned.output && planned.output !== output ? '' : f.workPlanActivity,
              }));
            }}
          />
        </Grid.Col>
        {plannedActivities.length > 0 && (
          <Grid.Col span={12}>
            <NativeSelect
              label={t('field.form.workPlanActivity')}
              description={t('field.form.workPlanActivityHint')}
              value={form.workPlanActivity}
              error={issueFor('workPlanActivity')}
              data-testid="work-plan-activity"
              data={[
                { value: '', label: t('field.form.none') },
                ...plannedChoices.map((a) => ({
                  value: a.id,
                  label: `${a.code} — ${localize(a.title, locale).slice(0, 110)}`,
                })),
              ]}
              onChange={(e) => {
                const id = e.currentTarget.value;
                const planned = plannedActivities.find((a) => a.id === id);
                // choosing a planned activity without an output gives the activity its output
                setForm((f) => ({ ...f, workPlanActivity: id, output: f.output || planned?.output || '' }));
              }}
            />
          </Grid.Col>
        )}
        <Grid.Col span={{ base: 12, sm: 8 }}>
          <MultiSelect
            label={t('field.form.indicators')}
            searchable
            value={form.indicators}
            error={issueFor('indicators')}
            data={indicators.map((i) => ({
              value: i.code,
              label: `${i.code} — ${localize(i.title, locale).slice(0, 90)}`,
            }))}
            onChange={(v) => set('indicators', v)}
          />
        </Grid.Col>
      </Grid>

      <Fieldset legend={t('field.form.places')}>
        <Text size="xs" c="dimmed" mb="xs">
          {t('field.form.placesHint')}
        </Text>
        <Stack gap={6}>
          {form.places.map((p, i) => (
            <Group key={p.area} gap="xs" wrap="nowrap">
              <Pill
                withRemoveButton
                onRemove={() =>
                  set(
                    'places',
                    form.places.filter((_, j) => j !== i),
                  )
                }
                size="md"
              >
                {p.name}
              </Pill>
              <TextInput
                size="xs"
                placeholder={t('field.form.placeNote')}
                aria-label={t('field.form.placeNote')}
                value={p.note}
                error={issueFor(`places.${i}`)}
                onChange={(e) => {
                  const note = e.currentTarget.value;
                  set(
                    'places',
                    form.places.map((x, j) => (j === i ? { ...x, note } : x)),
                  );
                }}
              />
            </Group>
          ))}
          <Autocomplete
            label={t('field.form.placeSearch')}
            value={placeText}
            onChange={setPlaceText}
            size="md"
            // searched on the device: usable once the geography is read (from the worker's copy offline)
            disabled={!allAreas.data}
            data={foundAreas
              .filter((a) => !form.places.some((p) => p.area === a.code))
              .map((a) => ({
                value: a.code,
                label: `${a.name} — ${t(`field.levels.${a.level}`)} (${a.code})`,
              }))}
            filter={({ options }) => options}
            onOptionSubmit={(code) => {
              const area = placeIndex.areas.find((a) => a.code === code);
              if (area) set('places', [...form.places, { area: area.code, name: area.name, note: '' }]);
              setPlaceText('');
            }}
            maw={420}
          />
        </Stack>
      </Fieldset>

      <Fieldset legend={t('field.form.participants')}>
        <Text size="xs" c="dimmed" mb="xs">
          {t('field.form.participantsHint')}
        </Text>
        <NativeSelect
          label={t('field.form.countBasis')}
          value={form.countBasis}
          data={countBases.map((b) => ({ value: b, label: t(`field.countBasis.${b}`) }))}
          onChange={(e) => set('countBasis', e.currentTarget.value as FormState['countBasis'])}
          maw={420}
          mb="sm"
        />
        <ParticipantsEntry rows={form.rows} onChange={(rows) => set('rows', rows)} />
      </Fieldset>

      <Grid>
        <Grid.Col span={{ base: 6, sm: 3 }}>
          <NumberInput
            label={t('field.form.quantity')}
            min={0}
            value={form.quantity}
            onChange={(v) => set('quantity', typeof v === 'number' ? v : '')}
          />
        </Grid.Col>
        <Grid.Col span={{ base: 6, sm: 3 }}>
          <TextInput
            label={t('field.form.quantityUnit')}
            value={form.quantityUnit}
            onChange={(e) => set('quantityUnit', e.currentTarget.value)}
          />
        </Grid.Col>
        <Grid.Col span={12}>
          <Textarea
            label={t('field.form.description')}
            autosize
            minRows={2}
            value={form.description}
            onChange={(e) => set('description', e.currentTarget.value)}
          />
        </Grid.Col>
      </Grid>
      {!activityId && (
        <Fieldset legend={t('field.form.photos')}>
          <Text size="xs" c="dimmed" mb="xs">
            {t('field.form.photosHint')}
          </Text>
          {photos.length > 0 && (
            <div className="photo-thumbs" data-testid="photos">
              {photos.map((photo, i) => (
                <Stack key={photo.name} gap={2} align="center">
                  <PhotoThumb photo={photo} />
                  <Button
                    size="compact-sm"
                    variant="subtle"
                    color="red"
                    onClick={() => setPhotos((p) => p.filter((_, j) => j !== i))}
                  >
                    {t('field.form.removePhoto')}
                  </Button>
                </Stack>
              ))}
            </div>
          )}
          <Button component="label" variant="light" size="md" mt="xs">
            {t('field.form.addPhotos')}
            <input
              type="file"
              accept="image/*"
              capture="environment"
              multiple
              hidden
              data-testid="photo-input"
              onChange={(e) => {
                const input = e.currentTarget;
                void addPhotos(input.files).finally(() => {
                  input.value = '';
                });
              }}
            />
          </Button>
        </Fieldset>
      )}
      <Group>
        <Button type="submit" size="md" loading={save.isPending}>
          {save.isPending ? t('field.form.saving') : t('field.form.save')}
        </Button>
        <Button
          component={Link}
          to={activityId ? `/activities/${activityId}` : `/programmes/${slug}/activities`}
          variant="subtle"
        >
          {t('field.form.cancel')}
        </Button>
      </Group>
      {theirs && (
        <ConflictDialog
          opened
          mine={comparable(form, tr)}
          theirs={comparable(fromActivity(theirs), tr)}
          fields={(
            [
              'kind',
              'titleFr',
              'titleEn',
              'description',
              'startDate',
              'endDate',
              'organisation',
              'partner',
              'output',
              'indicators',
              'places',
              'countBasis',
              'quantity',
              'quantityUnit',
            ] as const
          )
            .map((key): { key: string; label: string } => ({ key, label: t(`field.form.${key}`) }))
            .concat({ key: 'rows', label: t('field.form.participants') })}
          busy={save.isPending}
          onReload={() => {
            // the person takes their colleague's version: their own change leaves the device, by their choice
            discard.mutate(recordId);
            setForm(fromActivity(theirs));
            setVersion(theirs.version);
            client.setQueryData(activityQuery(theirs.id).queryKey, theirs);
            setRefusal(null);
            save.reset();
          }}
          onKeepMine={() => {
            setVersion(theirs.version);
            setRefusal(null);
            send(theirs.version);
          }}
        />
      )}
    </Stack>
  );
}

function PhotoThumb({ photo }: { photo: OutboxPhoto }) {
  const url = useMemo(() => URL.createObjectURL(new Blob([photo.bytes], { type: photo.type })), [photo]);
  useEffect(() => () => URL.revokeObjectURL(url), [url]);
  return <img src={url} alt={photo.name} />;
}
