/**
 * The rows of an activity sheet → activities ready to write, with every problem named by row and column in
 * the reader's language. Rows sharing a reference are one activity (one row per category of participants);
 * a reference already imported is skipped, so importing the same Kobo export twice adds nothing.
 */
import {
  activityKinds,
  countBases,
  participantCategories,
  type ActivityKind,
  type AgeGroup,
  type CountBasis,
  type ParticipantCategory,
  type Sex,
} from '../../../core/contracts/activity-vocabulary.js';
import {
  participantCells,
  type ImportField,
  type ImportIssue,
  type ImportMapping,
  type ImportedActivity,
} from '../../../core/contracts/activity-import.js';
import type { ParticipantWrite } from '../../../core/contracts/activities.js';
import {
  categoryLabels as categoryLabelText,
  countBasisLabels,
  kindLabels as kindLabelText,
} from '../../../core/activities/labels.js';
import type { Locale } from '../../../core/i18n/locale.js';
import { tIn } from '../../../core/i18n/t.js';
import { columnLetter, normaliseHeader } from '../../documents/xlsx/activities-layout.js';
import type { Cell, SheetRow } from '../../documents/xlsx/activities-reader.js';
import { checkActivity, type CheckedActivity, type ProgrammeFacts } from './activity-check.js';
import type { BulkItem } from './activity-bulk.js';
import { placeProblem } from '../geography/geography.service.js';

/** Labels accepted for the coded values, in French and English (normalised). */
const labelsOf = <T extends string>(
  values: readonly T[],
  words: Record<T, string[]>,
  labels?: Record<T, { fr: string; en: string }>,
) => {
  const map = new Map<string, T>();
  for (const v of values)
    for (const w of [v, v.replace(/_/g, ' '), ...words[v], ...(labels ? [labels[v].fr, labels[v].en] : [])])
      map.set(normaliseHeader(w), v);
  return map;
};
const kindLabels = labelsOf(
  activityKinds,
  {
    training: ['formation', 'renforcement de capacites', 'renforcement des capacites'],
    sensitisation: [
      'sensibilisation',
      'awareness',
      'awareness session',
      'causerie',
      'mass media',
      'public show',
    ],
    workshop: ['atelier'],
    meeting: ['reunion', 'rencontre'],
    dialogue: ['dialogue', 'cadre d echange', 'cadre d echanges', 'dialogue communautaire'],
    infrastructure: ['infrastructure', 'infrastructures', 'construction', 'rehabilitation'],
    event: ['evenement', 'concours', 'competition', 'match', 'ceremonie', 'lancement'],
    other: ['autre', 'autres'],
  },
  kindLabelText,
);
const categoryLabels = labelsOf(
  participantCategories,
  {
    local_authorities: [
      'autorites locales',
      'autorites locales et traditionnelles',
      'local authorities',
      'leaders communautaires',
    ],
    women_youth_associations: [
      'associations de femmes et de jeunes',
      'membres d associations de femmes et de jeunes',
      'women and youth associations',
    ],
    community_members: [
      'membres des communautes',
      'communaute',
      'population',
      'community',
      'community members',
    ],
    conflict_mechanism_members: [
      'cofo',
      'ccr',
      'membres des cofos',
      'commissions foncieres',
      'mecanismes de gestion des conflits',
    ],
    magistrates: ['magistrats', 'juges', 'procureurs'],
    justice_personnel: ['personnel de justice', 'greffiers', 'huissiers', 'avocats', 'acteurs de justice'],
    judicial_police: [
      'police judiciaire',
      'opj',
      'officiers de police judiciaire',
      'agents et officiers de police judiciaire',
    ],
    security_forces: ['fds', 'forces de defense et de securite', 'policiers', 'gendarmes', 'security forces'],
    religious_actors: ['acteurs religieux', 'leaders religieux', 'religious leaders'],
    pupils: ['eleves', 'pupils', 'scolaires'],
    students: ['etudiants', 'students'],
    teachers: ['enseignants', 'teachers', 'maitres'],
    civil_society: ['societe civile', 'osc', 'ong', 'civil society'],
    government_officials: [
      'administration',
      'fonctionnaires',
      'representants de l administration',
      'points focaux',
      'officials',
    ],
    media: ['medias', 'journalistes', 'radios', 'media'],
    other: ['autres', 'autre', 'others'],
  },
  categoryLabelText,
);
const basisLabels = labelsOf(
  countBases,
  {
    distinct: ['distinctes', 'personnes distinctes', 'distinct people', 'personnes'],
    attendance: ['presences', 'attendances', 'participations'],
  },
  countBasisLabels,
);

function text(c: Cell | undefined): string {
  if (c === null || c === undefined) return '';
  if (c instanceof Date) return c.toISOString().slice(0, 10);
  return String(c).trim();
}

const EXCEL_EPOCH = Date.UTC(1899, 11, 30);

/** A date as sheets write it: a date cell, `2023-10-05`, `05/10/2023`, a Kobo timestamp, an Excel serial. */
export function readDate(c: Cell | undefined): string | null | undefined {
  if (c === null || c === undefined || text(c) === '') return null;
  const valid = (y: number, m: number, d: number) => {
    const date = new Date(Date.UTC(y, m - 1, d));
    return date.getUTCFullYear() === y &&
      date.getUTCMonth() === m - 1 &&
      date.getUTCDate() === d &&
      y >= 1990 &&
      y <= 2100
      ? date.toISOString().slice(0, 10)
      : undefined;
  };
  if (c instanceof Date) return Number.isNaN(c.getTime()) ? undefined : c.toISOString().slice(0, 10);
  if (typeof c === 'number') {
    if (c < 20000 || c > 80000) return undefined;
    return new Date(EXCEL_EPOCH + Math.round(c) * 86_400_000).toISOString().slice(0, 10);
  }
  const s = text(c);
  let m = s.match(/^(\d{4})-(\d{1,2})-(\d{1,2})(?:[T ].*)?$/);
  if (m) return valid(Number(m[1]), Number(m[2]), Number(m[3]));
  m = s.match(/^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})$/);
  if (m) return valid(Number(m[3]), Number(m[2]), Number(m[1]));
  return undefined;
}

function readCount(c: Cell | undefined): number | null | undefined {
  if (c === null || c === undefined || text(c) === '') return null;
  const n =
    typeof c === 'number'
      ? c
      : Number(
          text(c)
            .replace(/[\s\u00a0\u202f]/g, '')
            .replace(',', '.'),
        );
  if (!Number.isFinite(n) || n < 0 || !Number.isInteger(n) || n > 1_000_000) return undefined;
  return n;
}

export type ReadItem = BulkItem & { rows: number[] };

/**
 * What a pass over the rows found besides the activities themselves, filled as the activities flow out of
 * `checkedActivityStream`: complete once the pass is over. Small whatever the number of rows (the issues stop
 * being listed after MAX_ISSUES, the participants are summed by sex and age, the dates are the distinct ones).
 */
export interface ActivityRowTally {
  issues: ImportIssue[];
  errorCount: number;
  rowCount: number;
  duplicates: number;
  /** the first activities of the sheet (by their first row), for the preview */
  sample: ImportedActivity[];
  activityCount: number;
  /** participants of the activities, summed by sex and age group */
  cells: Map<string, { sex: Sex; ageGroup: AgeGroup; n: number }>;
  participants: number;
  /** the distinct start dates of the activities (the date locks are checked on them) */
  startDates: Set<string>;
}

export const emptyTally = (): ActivityRowTally => ({
  issues: [],
  errorCount: 0,
  rowCount: 0,
  duplicates: 0,
  sample: [],
  activityCount: 0,
  cells: new Map(),
  participants: 0,
  startDates: new Set(),
});

interface Pending {
  rows: number[];
  first: number;
  reference: string | null;
  fields: Partial<Record<ImportField, { value: string; row: number }>>;
  participants: ParticipantWrite[];
  places: { area: string; note: string | null; row: number; column: string }[];
  failed: boolean;
}

const MAX_ISSUES = 2_000;
const SAMPLE_SIZE = 20;

/**
 * How the rows of one reference are known to be complete: at the last row of each reference (`lastRow`, from
 * a first look at every row), or — when the rows of each reference follow one another, as exports write them
 * — as soon as a row of another reference comes (`'contiguous'`: one pass, nothing kept but a fingerprint of
 * each reference done; a reference met again after another one throws `ReferencesApart`).
 */
export type Grouping = { lastRow: Map<string, number> } | 'contiguous';

/** The rows of a reference are not all together: a pass by `'contiguous'` cannot read the file. */
export class ReferencesApart extends Error {
  constructor() {
    super('The rows of a reference are apart');
  }
}

/** A reference's fingerprint (53 bits of two hashes): holding it keeps none of the file's text alive. */
function fingerprint(s: string): number {
  let a = 0x811c9dc5;
  let b = 5381;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    a = Math.imul(a ^ c, 0x01000193);
    b = (Math.imul(b, 33) + c) | 0;
  }
  return (a >>> 0) * 0x200000 + ((b >>> 0) & 0x1fffff);
}

/** The reference of a row with the mapping, or null (a row that is an activity of its own). */
export function referenceColumn(headers: string[], mapping: ImportMapping): (cells: Cell[]) => string | null {
  const header = mapping.columns.reference;
  const at = header === undefined ? undefined : new Map(headers.map((h, i) => [h, i])).get(header);
  return (cells) => (at === undefined ? '' : text(cells[at])) || null;
}

/** The last row of each reference not already imported: its activity is complete there. */
export async function lastRowsOf(
  rows: Iterable<SheetRow> | AsyncIterable<SheetRow>,
  referenceOf: (cells: Cell[]) => string | null,
  known: Set<string>,
): Promise<Map<string, number>> {
  const lastRow = new Map<string, number>();
  for await (const { row, cells } of rows) {
    const reference = referenceOf(cells);
    if (reference && !known.has(reference)) lastRow.set(reference, row);
  }
  return lastRow;
}

/**
 * Reads the rows as they stream, one held at a time, with the mapping, and yields each activity as soon as it is
 * complete (`grouping`: at the last row of its reference, or when the rows of another reference start), so that
 * an import holds a few activities at a time, never all of them. Activity-level fields of rows sharing a
 * reference must agree; participants add up. `known` holds the references already imported for this programme;
 * `mayActFor` says whether the person importing may record an agency's activities (the policy's
 * `canActForAgency`). The problems, the counts and the sample are in `tally` once the pass is over (the problems
 * sorted as the reader meets them); an activity with a problem is not yielded. The whole stream is read even when
 * the mapping leaves nothing to check, so that a refusal of the file (its limits) is said.
 */
export async function* checkedActivityStream(
  sheet: { headers: string[]; rows(): AsyncIterable<SheetRow> },
  mapping: ImportMapping,
  facts: ProgrammeFacts,
  known: Set<string>,
  locale: Locale,
  mayActFor: (organisationId: string) => boolean,
  tally: ActivityRowTally,
  grouping: Grouping,
): AsyncGenerator<ReadItem> {
  const check = rowChecker(sheet.headers, mapping, facts, known, locale, mayActFor, tally, grouping);
  const out: ReadItem[] = [];
  let rows = 0;
  for await (const { row, cells } of sheet.rows()) {
    rows++;
    if (!check) continue;
    check.row(row, cells, out);
    if (out.length) {
      yield* out;
      out.length = 0;
    }
  }
  tally.rowCount = rows;
  if (!check) return;
  check.end(out);
  yield* out;
}

/**
 * The checks of one row at a time, with what rows sharing a reference gather: `row` puts in `out` each
 * activity complete with that row, `end` the last ones (and sorts the problems). Undefined when the mapping
 * itself is wrong (its problems are in `tally`).
 */
function rowChecker(
  headers: string[],
  mapping: ImportMapping,
  facts: ProgrammeFacts,
  known: Set<string>,
  locale: Locale,
  mayActFor: (organisationId: string) => boolean,
  tally: ActivityRowTally,
  grouping: Grouping,
): { row(row: number, cells: Cell[], out: ReadItem[]): void; end(out: ReadItem[]): void } | undefined {
  const say = tIn(locale);
  const issues = tally.issues;
  const index = new Map(headers.map((h, i) => [h, i]));
  const columnOf = (field: ImportField) => {
    const header = mapping.columns[field];
    return header === undefined ? undefined : index.get(header);
  };
  const positions = new Map<string, number>();
  const named = (i: number | undefined) => {
    if (i === undefined) return null;
    const name = `${columnLetter(i)} (${headers[i]})`;
    positions.set(name, i);
    return name;
  };
  const columnName = (field: ImportField | null) => (field ? named(columnOf(field)) : null);
  const issue = (row: number, field: ImportField | null, message: string) => {
    tally.errorCount++;
    if (issues.length < MAX_ISSUES) issues.push({ row, column: columnName(field), field, message });
  };
  /** a problem in a column no field names: a category's count, the form's programme */
  const issueAt = (row: number, header: string, message: string) => {
    tally.errorCount++;
    if (issues.length < MAX_ISSUES)
      issues.push({ row, column: named(index.get(header)), field: null, message });
  };

  // mapped columns that are not in the file are the mapping's fault, said once
  for (const [field, header] of Object.entries(mapping.columns) as [ImportField, string][]) {
    if (!index.has(header)) issue(1, field, say('imports.activities.columnNotInSheet', { header }));
  }
  for (const header of [
    ...mapping.cells.map((c) => c.column),
    ...(mapping.form ? [mapping.form.column] : []),
  ])
    if (!index.has(header)) issue(1, null, say('imports.activities.columnNotInSheet', { header }));
  // an export of Jalon's form with labels for headers: its questions cannot be found, say how to export it
  if (mapping.form && columnOf('title') === undefined)
    issue(1, null, say('imports.activities.formLabelsExport'));
  else
    for (const field of ['title', 'startDate'] as const) {
      if (columnOf(field) === undefined)
        issue(
          1,
          null,
          say(
            field === 'title'
              ? 'imports.activities.chooseTitleColumn'
              : 'imports.activities.chooseStartDateColumn',
          ),
        );
    }
  if (columnOf('organisation') === undefined && !mapping.defaults.organisation)
    issue(1, null, say('imports.activities.chooseAgencyColumn'));
  if (tally.errorCount) return undefined;

  const cellColumns = participantCells.filter((c) => columnOf(c) !== undefined);
  const categoryCells = mapping.cells.map((c) => ({ ...c, at: index.get(c.column) }));
  const activityFields: ImportField[] = [
    'title',
    'titleEn',
    'kind',
    'startDate',
    'endDate',
    'organisation',
    'partner',
    'output',
    'workPlanActivity',
    'indicators',
    'description',
    'countBasis',
    'quantity',
    'quantityUnit',
    'recordedBy',
  ];
  // each activity as a whole, once its last row is read: the shared rules (agency, output, indicators, dates,
  // places)
  const finish = (p: Pending): ReadItem | undefined => {
    const f = (field: ImportField) => p.fields[field]?.value;
    const kindText = f('kind');
    let kind: ActivityKind | undefined = mapping.defaults.kind;
    if (kindText) {
      kind = kindLabels.get(normaliseHeader(kindText));
      if (!kind) issue(p.fields.kind!.row, 'kind', say('imports.activities.unknownKind', { text: kindText }));
    } else if (!kind) issue(p.first, 'kind', say('imports.activities.kindMissing'));
    const basisText = f('countBasis');
    let countBasis: CountBasis = mapping.defaults.countBasis ?? 'distinct';
    if (basisText) {
      const b = basisLabels.get(normaliseHeader(basisText));
      if (!b)
        issue(
          p.fields.countBasis!.row,
          'countBasis',
          say('imports.activities.unknownCountBasis', { text: basisText }),
        );
      else countBasis = b;
    }
    const title = f('title');
    if (!title) issue(p.first, 'title', say('imports.activities.titleMissing'));
    const startDate = f('startDate') ? readDate(f('startDate')) : null;
    if (!f('startDate')) issue(p.first, 'startDate', say('imports.activities.startDateMissing'));
    const quantityText = f('quantity');
    const quantity = quantityText ? Number(quantityText.replace(',', '.')) : null;
    if (quantityText && (quantity === null || !Number.isFinite(quantity) || quantity < 0))
      issue(
        p.fields.quantity!.row,
        'quantity',
        say('imports.activities.notAQuantity', { text: quantityText }),
      );
    if (p.failed || !kind || !title || !startDate || (quantityText && !(quantity !== null && quantity >= 0)))
      return undefined;

    const checked = checkActivity(
      facts,
      {
        kind,
        title: { fr: title.slice(0, 300), ...(f('titleEn') ? { en: f('titleEn')! } : {}) },
        description: f('description') ?? null,
        startDate,
        endDate: f('endDate') ? (readDate(f('endDate')) ?? null) : null,
        organisation: f('organisation') ?? mapping.defaults.organisation ?? '',
        partner: f('partner') ?? null,
        output: f('output') ?? null,
        workPlanActivity: f('workPlanActivity') ?? null,
        indicators: (f('indicators') ?? '').split(/[\s,;]+/).filter(Boolean),
        places: p.places.map((x) => ({ area: x.area, note: x.note })),
        countBasis,
        quantity,
        quantityUnit: f('quantityUnit') ?? null,
        participants: p.participants,
        recordedBy: f('recordedBy') ?? null,
      },
      locale,
    );
    if (!checked.activity) {
      for (const i of checked.issues) {
        const field = i.field.split('.')[0] as ImportField;
        issue(p.fields[field]?.row ?? p.first, (p.fields[field] ? field : null) ?? null, i.message);
      }
      return undefined;
    }
    // the agency rule of the API, row by row: from the agency column or the mapping's default agency
    if (!mayActFor(checked.activity.organisationId)) {
      const code = facts.recipients.find((r) => r.id === checked.activity.organisationId)?.code ?? '';
      issue(
        p.fields.organisation?.row ?? p.first,
        p.fields.organisation ? 'organisation' : null,
        say('imports.activities.anotherAgency', { code }),
      );
      return undefined;
    }
    const a = checked.activity;
    tally.activityCount++;
    tally.startDates.add(a.startDate);
    for (const x of a.participants) {
      const key = `${x.sex} ${x.ageGroup}`;
      const cell = tally.cells.get(key);
      if (cell) cell.n += x.count;
      else tally.cells.set(key, { sex: x.sex, ageGroup: x.ageGroup, n: x.count });
      tally.participants += x.count;
    }
    // the sample: the first activities by their first row, whatever the order they are completed in
    const sample = tally.sample;
    if (sample.length < SAMPLE_SIZE || p.first < sample[sample.length - 1]!.rows[0]!) {
      const at = sample.findIndex((x) => x.rows[0]! > p.first);
      sample.splice(at === -1 ? sample.length : at, 0, toImported(a, p, facts));
      if (sample.length > SAMPLE_SIZE) sample.pop();
    }
    return { activity: a, externalId: p.reference, importRow: p.first, rows: p.rows };
  };

  const referenceOf = referenceColumn(headers, mapping);
  const lastRow = grouping === 'contiguous' ? null : grouping.lastRow;
  const groups = new Map<string, Pending>();
  const duplicateRefs = new Set<string>();
  // by 'contiguous': the reference whose rows are being read, and those done
  let open: Pending | null = null;
  const done = new Set<number>();
  const close = (out: ReadItem[]) => {
    const p = open!;
    open = null;
    groups.delete(p.reference!);
    done.add(fingerprint(p.reference!));
    const item = finish(p);
    if (item) out.push(item);
  };

  const row = (row: number, cells: Cell[], out: ReadItem[]) => {
    const get = (field: ImportField) => {
      const i = columnOf(field);
      return i === undefined ? undefined : cells[i];
    };
    const reference = referenceOf(cells);
    if (reference && known.has(reference)) {
      if (!duplicateRefs.has(reference)) tally.duplicates++;
      duplicateRefs.add(reference);
      return;
    }
    if (open && open.reference !== reference) close(out);
    if (lastRow === null && reference !== null && !groups.has(reference) && done.has(fingerprint(reference)))
      throw new ReferencesApart();
    let pending = reference ? groups.get(reference) : undefined;
    if (!pending) {
      pending = { rows: [], first: row, reference, fields: {}, participants: [], places: [], failed: false };
      if (reference) groups.set(reference, pending);
    }
    pending.rows.push(row);
    const errorsBefore = tally.errorCount;
    if (mapping.form) {
      const programme = text(cells[index.get(mapping.form.column) ?? -1]);
      if (programme && programme !== facts.slug)
        issueAt(
          row,
          mapping.form.column,
          say('imports.activities.otherProgramme', { programme, slug: facts.slug }),
        );
    }

    for (const field of activityFields) {
      const value = text(get(field));
      if (!value) continue;
      const seen = pending.fields[field];
      if (seen && seen.value !== value) {
        issue(
          row,
          field,
          say('imports.activities.differsFromRow', { value, row: seen.row, seen: seen.value }),
        );
      } else if (!seen) pending.fields[field] = { value, row };
    }
    // dates are checked where they are written
    for (const field of ['startDate', 'endDate'] as const) {
      const raw = get(field);
      if (readDate(raw) === undefined)
        issue(row, field, say('imports.activities.notADate', { text: text(raw) }));
      else if (raw instanceof Date || typeof raw === 'number') {
        const iso = readDate(raw)!;
        if (pending.fields[field]?.row === row) pending.fields[field] = { value: iso, row };
      }
    }

    // places: a list, or region / cercle / commune columns (the narrowest given, inside the others)
    const placesText = text(get('places'));
    const village = text(get('village')) || null;
    if (placesText) {
      for (const name of placesText.split(/\s*[;,|]\s*/).filter(Boolean)) {
        const r = facts.places.resolve(name);
        if (!r.match) issue(row, 'places', placeProblem(name, r, locale));
        else if (!pending.places.some((p) => p.area === r.match!.code))
          pending.places.push({ area: r.match.code, note: village, row, column: 'places' });
      }
    } else {
      const region = text(get('region'));
      const cercle = text(get('cercle'));
      const commune = text(get('commune'));
      let within: string | undefined;
      let chosen: { code: string } | null = null;
      for (const [field, name, level] of [
        ['region', region, 'region'],
        ['cercle', cercle, 'cercle'],
        ['commune', commune, 'commune'],
      ] as const) {
        if (!name) continue;
        const r = facts.places.resolve(name, { level, ...(within ? { within } : {}) });
        if (!r.match) {
          issue(row, field, placeProblem(name, r, locale));
          chosen = null;
          break;
        }
        within = r.match.code;
        chosen = r.match;
      }
      if (chosen && !pending.places.some((p) => p.area === chosen!.code))
        pending.places.push({ area: chosen.code, note: village, row, column: 'commune' });
    }

    // participants: the twelve cells, or a total with women (and men), the rest of unknown sex and age
    const categoryText = text(get('category'));
    let category: ParticipantCategory | undefined = mapping.defaults.category ?? 'other';
    if (categoryText) {
      category = categoryLabels.get(normaliseHeader(categoryText));
      if (!category)
        issue(row, 'category', say('imports.activities.unknownCategory', { text: categoryText }));
    }
    const counts: { sex: Sex; ageGroup: AgeGroup; count: number }[] = [];
    for (const cell of cellColumns) {
      const n = readCount(get(cell));
      if (n === undefined)
        issue(row, cell, say('imports.activities.notAWholeNumberOfPeople', { text: text(get(cell)) }));
      else if (n) {
        const [sex, ageGroup] = cell.split('.') as [Sex, AgeGroup];
        counts.push({ sex, ageGroup, count: n });
      }
    }
    const total = readCount(get('total'));
    const women = readCount(get('women'));
    const men = readCount(get('men'));
    for (const [field, value] of [
      ['total', total],
      ['women', women],
      ['men', men],
    ] as const)
      if (value === undefined)
        issue(row, field, say('imports.activities.notAWholeNumberOfPeople', { text: text(get(field)) }));
    // a category's own cells (Jalon's form: every category of the activity on one row)
    const ofCategories: ParticipantWrite[] = [];
    for (const cell of categoryCells) {
      const raw = cell.at === undefined ? undefined : cells[cell.at];
      const n = readCount(raw);
      if (n === undefined)
        issueAt(row, cell.column, say('imports.activities.notAWholeNumberOfPeople', { text: text(raw) }));
      else if (n)
        ofCategories.push({ category: cell.category, sex: cell.sex, ageGroup: cell.ageGroup, count: n });
    }
    pending.participants.push(...ofCategories);
    const sum = [...counts, ...ofCategories].reduce((s, c) => s + c.count, 0);
    if (cellColumns.length || categoryCells.length) {
      if (typeof total === 'number' && total !== sum)
        issue(row, 'total', say('imports.activities.totalNotTheSum', { total, sum }));
    } else if (typeof total === 'number' || typeof women === 'number' || typeof men === 'number') {
      const w = typeof women === 'number' ? women : 0;
      const m = typeof men === 'number' ? men : 0;
      const all = typeof total === 'number' ? total : w + m;
      if (w + m > all)
        issue(row, 'total', say('imports.activities.womenAndMenOverTotal', { both: w + m, total: all }));
      else {
        if (w) counts.push({ sex: 'female', ageGroup: 'unknown', count: w });
        if (m) counts.push({ sex: 'male', ageGroup: 'unknown', count: m });
        if (all - w - m) counts.push({ sex: 'unknown', ageGroup: 'unknown', count: all - w - m });
      }
    }
    if (category) for (const c of counts) pending.participants.push({ category, ...c });
    if (tally.errorCount > errorsBefore) pending.failed = true;
    if (reference === null || lastRow?.get(reference) === row) {
      if (reference) groups.delete(reference);
      const item = finish(pending);
      if (item) out.push(item);
    } else if (lastRow === null) open = pending;
  };

  const end = (out: ReadItem[]) => {
    if (open) close(out);
    // in the order the reader meets them in the sheet: row by row, left to right
    const position = (i: ImportIssue) => (i.column ? (positions.get(i.column) ?? -1) : -1);
    issues.sort((a, b) => a.row - b.row || position(a) - position(b));
  };
  return { row, end };
}

function toImported(a: CheckedActivity, p: Pending, facts: ProgrammeFacts): ImportedActivity {
  return {
    rows: p.rows,
    reference: p.reference,
    title: a.titleFr,
    kind: a.kind,
    startDate: a.startDate,
    endDate: a.endDate,
    organisation: facts.recipients.find((r) => r.id === a.organisationId)?.code ?? '',
    partner: a.partner,
    places: a.places.map((x) => ({
      code: x.areaCode,
      name: facts.places.byCode.get(x.areaCode)?.name ?? x.areaCode,
    })),
    indicators: a.indicators,
    output: a.outputCode,
    workPlanActivity: a.workplanActivityId ? (facts.workPlan.get(a.workplanActivityId)?.code ?? null) : null,
    participants: a.participants.map((x) => ({
      category: x.category as ParticipantCategory,
      sex: x.sex,
      ageGroup: x.ageGroup,
      count: x.count,
    })),
    total: a.participants.reduce((s, x) => s + x.count, 0),
  };
}
