/**
 * The rules an activity must follow before it is written, shared by the API and the importers: its organising
 * agency is a recipient of the programme, its output and indicators exist in the programme's framework, its
 * places are areas of Mali (names resolved with or without accents), its dates are in order, and its
 * participants are counted once per category × sex × age group (× area). Every problem is reported, each with
 * the field it concerns, in the reader's language.
 */
import type { ActivityCreate, ParticipantWrite } from '../../../core/contracts/activities.js';
import type { PlaceIndex } from '../../../core/geo/place-names.js';
import type { Locale } from '../../../core/i18n/locale.js';
import type { DbOrTx } from '../../db/client.js';
import { tIn } from '../../../core/i18n/t.js';
import { placeIndex, placeProblem } from '../geography/geography.service.js';
import { programmeBySlugOr404 } from '../programmes/programmes.queries.js';
import {
  frameworkVersionIdsOf,
  indicatorCodesIn,
  outputCodesIn,
  recipientOrganisationsOf,
  workPlanActivitiesOf,
} from './activities.queries.js';

export interface Recipient {
  id: string;
  code: string;
  /** the French acronym (the code when it has none) */
  acronym: string;
  /** the English acronym, else the French one */
  acronymEn: string;
}

/** What checking an activity of a programme needs, read once (an import checks 100,000 rows with it). */
export interface ProgrammeFacts {
  id: string;
  slug: string;
  code: string;
  startDate: string | null;
  endDate: string;
  recipients: Recipient[];
  /** by code, acronym (FR and EN) and name, normalised */
  recipientByKey: Map<string, Recipient>;
  outputCodes: Set<string>;
  indicatorCodes: Set<string>;
  /** the planned activities of its work plan, by id and by code */
  workPlan: Map<string, WorkPlanRef>;
  places: PlaceIndex;
}

export interface WorkPlanRef {
  id: string;
  code: string;
  outputCode: string | null;
}

export const orgKey = (s: string) =>
  s
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[^a-z0-9]/g, '');

/** Reads the facts of the programme known by `slug`; 404 when there is none. */
export async function programmeFacts(db: DbOrTx, slug: string): Promise<ProgrammeFacts> {
  const p = await programmeBySlugOr404(db, slug);
  const [recipients, versions, places, planned] = await Promise.all([
    recipientOrganisationsOf(db, p.id),
    frameworkVersionIdsOf(db, p.id),
    placeIndex(db),
    workPlanActivitiesOf(db, p.id),
  ]);
  const workPlan = new Map<string, WorkPlanRef>();
  for (const w of planned) workPlan.set(w.id, w).set(w.code, w);
  const ids = versions.map((v) => v.id);
  const [outputs, indicators] = ids.length
    ? await Promise.all([outputCodesIn(db, ids), indicatorCodesIn(db, ids)])
    : [[], []];
  const list: Recipient[] = [];
  const byKey = new Map<string, Recipient>();
  for (const o of recipients) {
    if (list.some((r) => r.id === o.id)) continue;
    const acronym = o.acronymFr ?? o.code;
    const r = { id: o.id, code: o.code, acronym, acronymEn: o.acronymEn ?? acronym };
    list.push(r);
    for (const k of [o.code, o.acronymFr, o.acronymEn, o.nameFr, o.nameEn]) if (k) byKey.set(orgKey(k), r);
  }
  return {
    id: p.id,
    slug: p.slug,
    code: p.code,
    startDate: p.startDate,
    endDate: p.revisedEndDate ?? p.endDate,
    recipients: list,
    recipientByKey: byKey,
    outputCodes: new Set(outputs.map((o) => o.code)),
    indicatorCodes: new Set(indicators.map((i) => i.code)),
    workPlan,
    places,
  };
}

export interface CheckedParticipant {
  category: string;
  sex: ParticipantWrite['sex'];
  ageGroup: ParticipantWrite['ageGroup'];
  areaCode: string | null;
  /** the cercle the map counts them in: their place's, else the activity's when it lies in one cercle */
  cercleCode: string | null;
  count: number;
}

/** An activity ready to be written. */
export interface CheckedActivity {
  kind: ActivityCreate['kind'];
  titleFr: string;
  titleEn: string | null;
  description: string | null;
  startDate: string;
  endDate: string | null;
  organisationId: string;
  partner: string | null;
  outputCode: string | null;
  workplanActivityId: string | null;
  countBasis: NonNullable<ActivityCreate['countBasis']>;
  quantity: number | null;
  quantityUnit: string | null;
  recordedBy: string | null;
  indicators: string[];
  places: { areaCode: string; note: string | null }[];
  participants: CheckedParticipant[];
}

export interface Issue {
  /** `organisation`, `places.0.area`, `participants.3.area` */
  field: string;
  message: string;
}

/** Checks a whole activity (every field given); returns the activity to write, or every problem found. */
export function checkActivity(
  facts: ProgrammeFacts,
  input: Required<Omit<ActivityCreate, 'description' | 'clientId'>> & {
    description: string | null | undefined;
  },
  locale: Locale,
): { activity: CheckedActivity; issues: [] } | { activity: null; issues: Issue[] } {
  const say = tIn(locale);
  const issues: Issue[] = [];

  const recipient = facts.recipientByKey.get(orgKey(input.organisation));
  if (!recipient) {
    const list = facts.recipients.map((r) => `${r.code} (${r.acronym})`).join(', ');
    issues.push({
      field: 'organisation',
      message: say('fieldRules.activities.notRecipient', {
        organisation: input.organisation,
        programme: facts.code,
        recipients: list,
      }),
    });
  }
  if (input.endDate && input.endDate < input.startDate) {
    issues.push({
      field: 'endDate',
      message: say('fieldRules.activities.endBeforeStart'),
    });
  }
  if (input.output && !facts.outputCodes.has(input.output)) {
    issues.push({
      field: 'output',
      message: say('fieldRules.activities.unknownOutput', { output: input.output, programme: facts.code }),
    });
  }
  // the planned activity it carries out: the programme's own, under the activity's output
  let output = input.output;
  let workplanActivityId: string | null = null;
  if (input.workPlanActivity) {
    const planned = facts.workPlan.get(input.workPlanActivity);
    if (!planned)
      issues.push({
        field: 'workPlanActivity',
        message: say('fieldRules.activities.notInWorkPlan', {
          given: input.workPlanActivity,
          programme: facts.code,
        }),
      });
    else if (output && planned.outputCode && planned.outputCode !== output)
      issues.push({
        field: 'workPlanActivity',
        message: say('fieldRules.activities.workPlanOtherOutput', {
          code: planned.code,
          planned: planned.outputCode,
          output,
        }),
      });
    else {
      workplanActivityId = planned.id;
      output ??= planned.outputCode;
    }
  }
  const indicators = [...new Set(input.indicators)];
  indicators.forEach((code, i) => {
    if (!facts.indicatorCodes.has(code)) {
      issues.push({
        field: `indicators.${i}`,
        message: say('fieldRules.activities.unknownIndicator', { indicator: code, programme: facts.code }),
      });
    }
  });

  const places: CheckedActivity['places'] = [];
  input.places.forEach((place, i) => {
    const r = facts.places.resolve(place.area);
    if (!r.match) {
      issues.push({ field: `places.${i}.area`, message: placeProblem(place.area, r, locale) });
      return;
    }
    if (!places.some((p) => p.areaCode === r.match!.code))
      places.push({ areaCode: r.match.code, note: place.note ?? null });
  });

  const cells = new Map<string, CheckedParticipant>();
  input.participants.forEach((p, i) => {
    let areaCode: string | null = null;
    if (p.area) {
      const r = facts.places.resolve(p.area);
      if (!r.match) {
        issues.push({ field: `participants.${i}.area`, message: placeProblem(p.area, r, locale) });
        return;
      }
      areaCode = r.match.code;
    }
    if (p.count === 0) return;
    // the same cell given twice (two lines of a sheet) is one cell: the counts add up
    const key = `${p.category}|${p.sex}|${p.ageGroup}|${areaCode ?? ''}`;
    const cell = cells.get(key);
    if (cell) cell.count += p.count;
    else
      cells.set(key, {
        category: p.category,
        sex: p.sex,
        ageGroup: p.ageGroup,
        areaCode,
        cercleCode: null,
        count: p.count,
      });
  });
  // one cercle for the activity when its places lie in a single cercle
  const cercleOfCode = (code: string) => {
    const area = facts.places.byCode.get(code);
    return !area ? null : area.level === 'cercle' ? area.code : area.cercleCode;
  };
  const activityCercles = new Set(
    places.map((p) => cercleOfCode(p.areaCode)).filter((c): c is string => !!c),
  );
  const single = activityCercles.size === 1 ? [...activityCercles][0]! : null;
  for (const cell of cells.values())
    cell.cercleCode = (cell.areaCode ? cercleOfCode(cell.areaCode) : null) ?? single;

  if (issues.length || !recipient) return { activity: null, issues };
  return {
    activity: {
      kind: input.kind,
      titleFr: input.title.fr,
      titleEn: input.title.en ?? null,
      description: input.description ?? null,
      startDate: input.startDate,
      endDate: input.endDate,
      organisationId: recipient.id,
      partner: input.partner,
      outputCode: output,
      workplanActivityId,
      countBasis: input.countBasis,
      quantity: input.quantity,
      quantityUnit: input.quantityUnit,
      recordedBy: input.recordedBy,
      indicators,
      places,
      participants: [...cells.values()],
    },
    issues: [],
  };
}
