/**
 * The XLSForm of a programme's activity form, for KoboToolbox and ODK (docs/decisions/0018): the form as data
 * (its `survey`, `choices` and `settings` rows), and the other way round, the mapping of an export of its
 * submissions — recognised from the hidden fields the form carries, so such a file imports with no mapping
 * to make. The question names are the contract between the two: they never change with the form's version.
 */
import { createHash } from 'node:crypto';
import {
  activityKinds,
  ageGroups,
  countBases,
  participantCategories,
  sexes,
  type AgeGroup,
  type ParticipantCategory,
  type Sex,
} from '../../../core/contracts/activity-vocabulary.js';
import type { ImportField, ImportMapping } from '../../../core/contracts/activity-import.js';
import type { LocalizedText } from '../../../core/contracts/programme-document.js';
import {
  ageLabels,
  categoryLabels,
  countBasisLabels,
  kindLabels,
  sexLabels,
} from '../../../core/activities/labels.js';
import { formatDate, formatNumber } from '../../../core/i18n/format.js';
import { localize, type Locale } from '../../../core/i18n/locale.js';
import { t } from '../../../core/i18n/t.js';
import type { Cell, SheetTable } from '../xlsx/activities-reader.js';

/** A row of an XLSForm sheet: column header → cell text (empty cells left out). */
export type XlsFormRow = Record<string, string>;

export interface XlsForm {
  survey: XlsFormRow[];
  choices: XlsFormRow[];
  settings: XlsFormRow;
}

/** The form's languages, as XLSForm names them in `label::…` columns. */
export const formLanguages: Record<Locale, string> = { fr: 'Français (fr)', en: 'English (en)' };
const languages = Object.entries(formLanguages) as [Locale, string][];

/** The columns of each sheet, in order (a column no row uses is still written: the spec allows it). */
export const surveyColumns = [
  'type',
  'name',
  ...languages.map(([, l]) => `label::${l}`),
  ...languages.map(([, l]) => `hint::${l}`),
  'required',
  'relevant',
  'constraint',
  ...languages.map(([, l]) => `constraint_message::${l}`),
  'calculation',
  'choice_filter',
  'appearance',
  'parameters',
  'default',
];
export const choiceColumns = [
  'list_name',
  'name',
  ...languages.map(([, l]) => `label::${l}`),
  'region',
  'cercle',
];
export const settingsColumns = ['form_title', 'form_id', 'version', 'default_language'];

/** The hidden fields naming the programme and the form's version in every submission. */
export const formMarkers = { programme: 'jalon_programme', version: 'jalon_version' } as const;

/** The question of each field of the activity import (the total is a calculation, checked on import). */
const fieldQuestions = {
  title: 'title',
  kind: 'kind',
  organisation: 'agency',
  partner: 'partner',
  output: 'output',
  indicators: 'indicators',
  startDate: 'start_date',
  endDate: 'end_date',
  countBasis: 'count_basis',
  description: 'description',
  region: 'region',
  cercle: 'cercle',
  commune: 'commune',
  village: 'village',
  total: 'total_participants',
} as const satisfies Partial<Record<ImportField, string>>;

const sexCode: Record<Sex, string> = { female: 'f', male: 'm', unknown: 'x' };
const ageCode: Record<AgeGroup, string> = {
  under_18: 'u18',
  age_18_35: '18_35',
  age_36_plus: '36p',
  unknown: 'na',
};

/** `n_local_authorities_f_18_35`: the count of one category × sex × age group. */
export const cellQuestion = (category: ParticipantCategory, sex: Sex, age: AgeGroup) =>
  `n_${category}_${sexCode[sex]}_${ageCode[age]}`;

/** Largest count a cell accepts in the form (the import accepts up to a million). */
const MAX_COUNT = 100_000;

export interface ActivityFormInput {
  programme: { slug: string; code: string; startDate: string | null; endDate: string | null };
  /** each agency's acronym, in English too when it differs */
  recipients: { code: string; label: string; labelEn?: string }[];
  outputs: { code: string; statement: LocalizedText }[];
  indicators: { code: string; title: LocalizedText }[];
  areas: {
    code: string;
    level: 'region' | 'cercle' | 'commune';
    name: string;
    regionCode: string | null;
    cercleCode: string | null;
  }[];
  /** the language of the person who downloads the form: its title (the form itself speaks both) */
  locale?: Locale;
}

const inEvery = (text: (locale: Locale) => string, kind = 'label') =>
  Object.fromEntries(languages.map(([locale, l]) => [`${kind}::${l}`, text(locale)]));
const say = (key: Parameters<typeof t>[1], params?: Parameters<typeof t>[2]) =>
  inEvery((locale) => t(locale, key, params));
/** A choice label of a code and its words, cut where a phone's list stays readable. */
const coded = (code: string, words: string) => {
  const full = words ? `${code} — ${words}` : code;
  return full.length > 160 ? `${full.slice(0, 159)}…` : full;
};
/** Choice names are single words: a code with a space could not be told apart in a multiple choice. */
const choosable = (code: string) => /^\S+$/.test(code);

/** The XLSForm of a programme's activity form; its version is a digest of its content. */
export function activityForm(input: ActivityFormInput): XlsForm {
  const choices: XlsFormRow[] = [];
  const list = (
    name: string,
    items: { name: string; label: (locale: Locale) => string; extra?: XlsFormRow }[],
  ) => {
    for (const item of items)
      choices.push({ list_name: name, name: item.name, ...inEvery(item.label), ...(item.extra ?? {}) });
  };
  list(
    'kind',
    activityKinds.map((k) => ({ name: k, label: (l: Locale) => kindLabels[k][l] })),
  );
  list(
    'agency',
    input.recipients.map((r) => ({
      name: r.code,
      label: (l: Locale) => localize({ fr: r.label, en: r.labelEn }, l),
    })),
  );
  const outputs = input.outputs.filter((o) => choosable(o.code));
  list(
    'output',
    outputs.map((o) => ({ name: o.code, label: (l: Locale) => coded(o.code, localize(o.statement, l)) })),
  );
  const indicators = input.indicators.filter((i) => choosable(i.code));
  list(
    'indicator',
    indicators.map((i) => ({ name: i.code, label: (l: Locale) => coded(i.code, localize(i.title, l)) })),
  );
  list(
    'count_basis',
    countBases.map((b) => ({ name: b, label: (l: Locale) => countBasisLabels[b][l] })),
  );
  list(
    'category',
    participantCategories.map((c) => ({ name: c, label: (l: Locale) => categoryLabels[c][l] })),
  );
  const byName = (a: { name: string }, b: { name: string }) => a.name.localeCompare(b.name, 'fr');
  const areas = (level: 'region' | 'cercle' | 'commune') =>
    input.areas.filter((a) => a.level === level).sort(byName);
  list(
    'region',
    areas('region').map((a) => ({ name: a.code, label: () => a.name })),
  );
  list(
    'cercle',
    areas('cercle').map((a) => ({
      name: a.code,
      label: () => a.name,
      extra: { region: a.regionCode ?? '' },
    })),
  );
  list(
    'commune',
    areas('commune').map((a) => ({
      name: a.code,
      label: () => a.name,
      extra: { cercle: a.cercleCode ?? '' },
    })),
  );

  const q = fieldQuestions;
  const { startDate: start, endDate: end } = input.programme;
  // the programme's dates as the reader's language writes them
  const bounds = (l: Locale) => ({
    start: start ? formatDate(start, l) : '…',
    end: end ? formatDate(end, l) : '…',
  });
  const dateBounds = [start ? `. >= date('${start}')` : null, end ? `. <= date('${end}')` : null].filter(
    (x): x is string => x !== null,
  );
  const cells = participantCategories.flatMap((c) =>
    sexes.flatMap((s) => ageGroups.map((a) => ({ category: c, sex: s, age: a }))),
  );
  const survey: XlsFormRow[] = [
    { type: 'start', name: 'start' },
    { type: 'end', name: 'end' },
    { type: 'calculate', name: formMarkers.programme, calculation: `'${input.programme.slug}'` },
    // the version is written once the content is known (below)
    { type: 'calculate', name: formMarkers.version, calculation: '' },
    { type: 'begin_group', name: 'activity', ...say('xlsform.groups.activity') },
    { type: 'text', name: q.title, required: 'yes', ...say('xlsform.questions.title') },
    { type: 'select_one kind', name: q.kind, required: 'yes', ...say('xlsform.questions.kind') },
    {
      type: 'select_one agency',
      name: q.organisation,
      required: 'yes',
      ...say('xlsform.questions.organisation'),
      ...(input.recipients.length === 1 ? { default: input.recipients[0]!.code } : {}),
    },
    { type: 'text', name: q.partner, ...say('xlsform.questions.partner') },
    ...(outputs.length
      ? [{ type: 'select_one output', name: q.output, ...say('xlsform.questions.output') }]
      : []),
    ...(indicators.length
      ? [
          {
            type: 'select_multiple indicator',
            name: q.indicators,
            appearance: 'minimal',
            ...say('xlsform.questions.indicators'),
          },
        ]
      : []),
    {
      type: 'date',
      name: q.startDate,
      required: 'yes',
      ...say('xlsform.questions.startDate'),
      ...(dateBounds.length
        ? {
            constraint: dateBounds.join(' and '),
            ...inEvery((l) => t(l, 'xlsform.constraints.startDate', bounds(l)), 'constraint_message'),
            ...inEvery((l) => t(l, 'xlsform.hints.startDate', bounds(l)), 'hint'),
          }
        : {}),
    },
    {
      type: 'date',
      name: q.endDate,
      ...say('xlsform.questions.endDate'),
      constraint: `. >= \${${q.startDate}}`,
      ...inEvery((l) => t(l, 'xlsform.constraints.endDate'), 'constraint_message'),
    },
    {
      type: 'select_one count_basis',
      name: q.countBasis,
      required: 'yes',
      default: 'distinct',
      ...say('xlsform.questions.countBasis'),
    },
    { type: 'text', name: q.description, appearance: 'multiline', ...say('xlsform.questions.description') },
    { type: 'end_group', name: '' },
    { type: 'begin_group', name: 'place', ...say('xlsform.groups.place') },
    { type: 'select_one region', name: q.region, required: 'yes', ...say('xlsform.questions.region') },
    {
      type: 'select_one cercle',
      name: q.cercle,
      required: 'yes',
      choice_filter: `region=\${${q.region}}`,
      ...say('xlsform.questions.cercle'),
    },
    {
      type: 'select_one commune',
      name: q.commune,
      choice_filter: `cercle=\${${q.cercle}}`,
      ...say('xlsform.questions.commune'),
    },
    { type: 'text', name: q.village, ...say('xlsform.questions.village') },
    { type: 'end_group', name: '' },
    { type: 'begin_group', name: 'participants', ...say('xlsform.groups.participants') },
    {
      type: 'select_multiple category',
      name: 'categories',
      ...say('xlsform.questions.categories'),
      ...inEvery((l) => t(l, 'xlsform.hints.categories'), 'hint'),
    },
    ...participantCategories.flatMap((c) => [
      {
        type: 'begin_group',
        name: `p_${c}`,
        appearance: 'field-list',
        relevant: `selected(\${categories}, '${c}')`,
        ...inEvery((l) => categoryLabels[c][l]),
        ...inEvery((l) => t(l, 'xlsform.hints.cells'), 'hint'),
      },
      ...sexes.flatMap((s) =>
        ageGroups.map((a) => ({
          type: 'integer',
          name: cellQuestion(c, s, a),
          ...inEvery((l) => t(l, 'xlsform.questions.cell', { sex: sexLabels[s][l], age: ageLabels[a][l] })),
          constraint: `. >= 0 and . <= ${MAX_COUNT}`,
          ...inEvery(
            (l) => t(l, 'xlsform.constraints.count', { max: formatNumber(MAX_COUNT, l) }),
            'constraint_message',
          ),
        })),
      ),
      { type: 'end_group', name: '' },
    ]),
    {
      type: 'calculate',
      name: q.total,
      calculation: cells.map((x) => `coalesce(\${${cellQuestion(x.category, x.sex, x.age)}}, 0)`).join(' + '),
    },
    { type: 'note', name: 'total_note', ...say('xlsform.questions.total') },
    { type: 'end_group', name: '' },
    { type: 'begin_group', name: 'photos', ...say('xlsform.groups.photos') },
    ...[1, 2, 3].map((n) => ({
      type: 'image',
      name: `photo_${n}`,
      parameters: 'max-pixels=1280',
      ...inEvery((l) => t(l, 'xlsform.questions.photo', { n })),
    })),
    { type: 'end_group', name: '' },
  ];
  const version = createHash('sha256')
    .update(JSON.stringify([survey, choices]))
    .digest('hex')
    .slice(0, 10);
  survey.find((r) => r.name === formMarkers.version)!.calculation = `'${version}'`;
  const clean = (row: XlsFormRow) => Object.fromEntries(Object.entries(row).filter(([, v]) => v !== ''));
  return {
    survey: survey.map(clean),
    choices: choices.map(clean),
    settings: {
      form_title: t(input.locale ?? 'fr', 'xlsform.formTitle', { code: input.programme.code }),
      form_id: `jalon_activities_${input.programme.slug.replace(/[^A-Za-z0-9]+/g, '_')}`,
      version,
      default_language: formLanguages.fr,
    },
  };
}

/**
 * The question a column of an export answers: Kobo writes `group/question` (or the name alone), ODK Central
 * `group-question`; Kobo's 0/1 columns of a multiple choice (`activity/indicators/1.1`) end with a choice,
 * which no question is named after.
 */
export const questionOf = (header: string) => header.split(/[/-]/).pop()!.trim();

const text = (c: Cell | undefined) =>
  c === null || c === undefined ? '' : c instanceof Date ? c.toISOString() : String(c).trim();

/**
 * The mapping of an export of submissions to Jalon's form, when the file is one (a column answers
 * `jalon_programme`); null for any other file. The submission's identity is the reference: Kobo's `_uuid`,
 * else ODK's `meta/instanceID` or Central's `KEY`, so a second import of the same export writes nothing.
 */
export function formMapping(table: SheetTable, sheet: string | null): ImportMapping | null {
  const byQuestion = new Map<string, string>();
  for (const header of table.headers) {
    const name = questionOf(header);
    if (!byQuestion.has(name)) byQuestion.set(name, header);
  }
  const programmeColumn = byQuestion.get(formMarkers.programme);
  if (!programmeColumn) return null;
  const at = (header: string | undefined) => (header === undefined ? -1 : table.headers.indexOf(header));
  const first = table.rows.find((r) => text(r.cells[at(programmeColumn)]));
  const versionColumn = byQuestion.get(formMarkers.version);
  const columns: ImportMapping['columns'] = {};
  for (const [field, question] of Object.entries(fieldQuestions) as [ImportField, string][]) {
    const header = byQuestion.get(question);
    if (header) columns[field] = header;
  }
  const reference =
    table.headers.find((h) => h === '_uuid') ??
    byQuestion.get('instanceID') ??
    table.headers.find((h) => h === 'KEY');
  if (reference) columns.reference = reference;
  const cells: ImportMapping['cells'] = [];
  for (const category of participantCategories)
    for (const sex of sexes)
      for (const ageGroup of ageGroups) {
        const column = byQuestion.get(cellQuestion(category, sex, ageGroup));
        if (column) cells.push({ category, sex, ageGroup, column });
      }
  return {
    sheet,
    columns,
    defaults: {},
    cells,
    form: {
      programme: first ? text(first.cells[at(programmeColumn)]).slice(0, 200) || '?' : '?',
      version: first && versionColumn ? text(first.cells[at(versionColumn)]).slice(0, 100) : '',
      column: programmeColumn,
    },
  };
}
