/**
 * An audit event as sentences: field by field, the value before → the value after, in the reader's words.
 * The trail stores whole rows for creations and deletions and only the changed columns for updates; JSON
 * columns (a report's content, a value `{ text, spec }`) are compared inside, so a one-word change in a report
 * reads as that place and that word, never as two JSON dumps.
 */
import { ageLabels, categoryLabels, sexLabels } from '../../core/activities/labels.js';
import type { AuditEvent } from '../../core/contracts/audit.js';
import { auditParts } from '../../core/contracts/audit-parts.js';
import type { Locale } from '../../core/i18n/locale.js';
import { codeLabel, columnLabel, partLabel } from './field-labels.js';

export interface FieldChange {
  /** readable path: `Titre (FR)`, `Contenu › fields › summary` */
  field: string;
  /** formatted, or null when the field did not exist on that side (creation, deletion) */
  before: string | null;
  after: string | null;
}

export interface ValueWords {
  empty: string;
  yes: string;
  no: string;
  /** a whole structure too big to spell out: `14 champs` */
  fields?: (count: number) => string;
  /** names of the ids the events hold (from the API), so a uuid reads as "Awa Diallo" or "FAO" */
  labels?: Record<string, string>;
}

/** Bookkeeping columns: they change with everything and tell nothing. */
export const NOISE = new Set(['id', 'created_at', 'updated_at', 'version', 'last_seen_at', 'search']);
/** Nested JSON is opened this deep, then shown as a short summary. */
const MAX_DEPTH = 4;
const MAX_TEXT = 400;

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const DATE = /^\d{4}-\d{2}-\d{2}$/;
const TIMESTAMP = /^\d{4}-\d{2}-\d{2}[T ]\d{2}:\d{2}/;

const isPlainObject = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v);

const truncate = (s: string) => (s.length > MAX_TEXT ? `${s.slice(0, MAX_TEXT - 1)}…` : s);

/** Beyond this many entries, or inside another structure, a structure is summed up by its size. */
const MAX_ENTRIES = 6;

/** One value as a person reads it. */
export function formatValue(value: unknown, locale: Locale, words: ValueWords, depth = 0): string {
  if (value === null || value === undefined || value === '') return words.empty;
  if (typeof value === 'boolean') return value ? words.yes : words.no;
  // four digits stay together: years (2020) and small counts read better so
  if (typeof value === 'number')
    return new Intl.NumberFormat(locale, { useGrouping: Math.abs(value) >= 10_000 }).format(value);
  if (typeof value === 'string') {
    if (UUID.test(value)) return words.labels?.[value] ?? `#${value.slice(0, 8)}`;
    if (DATE.test(value)) {
      return new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeZone: 'UTC' }).format(
        new Date(`${value}T00:00:00Z`),
      );
    }
    if (TIMESTAMP.test(value) && !Number.isNaN(Date.parse(value))) {
      return new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeStyle: 'short' }).format(
        new Date(value),
      );
    }
    return truncate(value);
  }
  if (Array.isArray(value)) {
    if (value.length === 0) return words.empty;
    if (depth > 0 && value.some(isPlainObject)) return words.fields?.(value.length) ?? `(${value.length})`;
    return truncate(value.map((v) => formatValue(v, locale, words, depth + 1)).join(', '));
  }
  if (isPlainObject(value)) {
    // a value as the documents write it, or a text in both languages
    if (typeof value.text === 'string') return truncate(value.text);
    if (typeof value[locale] === 'string') return truncate(value[locale]);
    const entries = Object.entries(value).filter(([, v]) => v !== null && v !== undefined && v !== '');
    if (entries.length === 0) return words.empty;
    if (depth > 0 || entries.length > MAX_ENTRIES)
      return words.fields?.(entries.length) ?? `(${entries.length})`;
    return truncate(
      entries
        .map(([k, v]) => `${columnLabel(k, locale)} : ${formatValue(v, locale, words, depth + 1)}`)
        .join(' ; '),
    );
  }
  return truncate(String(value));
}

const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);

function compare(
  path: string[],
  before: unknown,
  after: unknown,
  depth: number,
  out: { path: string[]; before: unknown; after: unknown }[],
): void {
  if (same(before, after)) return;
  // open both sides when both are objects (and not a { text } value, which reads as its text)
  if (
    depth < MAX_DEPTH &&
    isPlainObject(before) &&
    isPlainObject(after) &&
    !(typeof before.text === 'string' && typeof after.text === 'string')
  ) {
    for (const key of new Set([...Object.keys(before), ...Object.keys(after)])) {
      compare([...path, key], before[key], after[key], depth + 1, out);
    }
    return;
  }
  out.push({ path, before, after });
}

/** A column pointing to another row: shown only when its name is known. */
const isLink = (key: string, value: unknown) => key.endsWith('_id') && typeof value === 'string';

/** What an event changed, field by field; then its parts (participants, places…), entry by entry. */
export function changesOf(event: AuditEvent, locale: Locale, words: ValueWords): FieldChange[] {
  const parts = auditParts[event.entity] ?? [];
  return [
    ...fieldChanges(event, locale, words, parts),
    ...parts.flatMap((part) => partChanges(event, part, locale, words)),
  ];
}

function fieldChanges(
  event: AuditEvent,
  locale: Locale,
  words: ValueWords,
  parts: readonly string[],
): FieldChange[] {
  const before = event.before ?? {};
  const after = event.after ?? {};
  const keys = [...new Set([...Object.keys(before), ...Object.keys(after)])].filter(
    (k) => !NOISE.has(k) && !parts.includes(k),
  );
  const raw: { path: string[]; before: unknown; after: unknown }[] = [];
  for (const key of keys) {
    if (event.action === 'insert') {
      // a creation: what it was created with, leaving out the empty fields and links to rows without a name
      const v = after[key];
      if (v === null || v === undefined || v === '' || (isLink(key, v) && !words.labels?.[v as string]))
        continue;
      raw.push({ path: [key], before: undefined, after: v });
    } else if (event.action === 'delete') {
      const v = before[key];
      if (v === null || v === undefined || v === '' || (isLink(key, v) && !words.labels?.[v as string]))
        continue;
      raw.push({ path: [key], before: v, after: undefined });
    } else {
      compare([key], before[key], after[key], 0, raw);
    }
  }
  const show = (column: string, value: unknown) =>
    (typeof value === 'string' && codeLabel(column, value, locale)) || formatValue(value, locale, words);
  return raw.map((c) => {
    const column = c.path[c.path.length - 1]!;
    return {
      field: c.path.map((p, i) => (i === 0 ? columnLabel(p, locale) : p)).join(' › '),
      before: event.action === 'insert' ? null : show(column, c.before),
      after: event.action === 'delete' ? null : show(column, c.after),
    };
  });
}

const label = <K extends string>(
  table: Record<K, Record<Locale, string>>,
  code: string | undefined,
  locale: Locale,
) => (code && code in table ? table[code as K][locale] : code);

/** The natural key of a part's entry in words: a group of participants, a place, a programme. */
function entryName(part: string, key: string, locale: Locale, words: ValueWords): string {
  if (part === 'participants') {
    const [category, sex, age, area] = key.split('|');
    return [
      label(categoryLabels, category, locale),
      label(sexLabels, sex, locale),
      label(ageLabels, age, locale),
      area ? (words.labels?.[area] ?? area) : '',
    ]
      .filter(Boolean)
      .join(' · ');
  }
  return words.labels?.[key] ?? (UUID.test(key) ? `#${key.slice(0, 8)}` : key);
}

/** An entry as it reads: absent —, present without more to say (an indicator link) yes, else its value. */
function entryValue(value: unknown, locale: Locale, words: ValueWords): string {
  if (value === undefined) return words.empty;
  if (value === true || (isPlainObject(value) && Object.keys(value).length === 0)) return words.yes;
  return formatValue(value, locale, words);
}

const sum = (entries: Record<string, unknown>) =>
  Object.values(entries).reduce<number>((n, v) => n + (typeof v === 'number' ? v : 0), 0);

/**
 * A part's changes: each entry (group of participants, place, indicator link…) whose value differs, by its
 * name, and for participants their total first ("Participants (total): 1011 → 777"). A part that is one row
 * (a value's source) reads field by field.
 */
function partChanges(event: AuditEvent, part: string, locale: Locale, words: ValueWords): FieldChange[] {
  const inBefore = event.before !== null && part in event.before;
  const inAfter = event.after !== null && part in event.after;
  if (!inBefore && !inAfter) return [];
  const b = event.before?.[part];
  const a = event.after?.[part];
  const name = partLabel(part, locale);
  const side = (value: string, which: 'before' | 'after') =>
    (which === 'before' && event.action === 'insert') || (which === 'after' && event.action === 'delete')
      ? null
      : value;
  if (part === 'source') {
    // one row: its fields, as any row's (nulls of a creation left out)
    const row = { ...event, before: isPlainObject(b) ? b : {}, after: isPlainObject(a) ? a : {} };
    return fieldChanges(row, locale, words, []).map((c) => ({ ...c, field: `${name} › ${c.field}` }));
  }
  const before = isPlainObject(b) ? b : {};
  const after = isPlainObject(a) ? a : {};
  const out: FieldChange[] = [];
  if (part === 'participants' && sum(before) !== sum(after)) {
    out.push({
      field: `${name} (total)`,
      before: side(formatValue(sum(before), locale, words), 'before'),
      after: side(formatValue(sum(after), locale, words), 'after'),
    });
  }
  const entries = [...new Set([...Object.keys(before), ...Object.keys(after)])]
    .filter((key) => !same(before[key], after[key]))
    .map((key) => ({ key, entry: entryName(part, key, locale, words) }))
    .sort((x, y) => x.entry.localeCompare(y.entry, locale));
  for (const { key, entry } of entries) {
    out.push({
      field: `${name} › ${entry}`,
      before: side(entryValue(before[key], locale, words), 'before'),
      after: side(entryValue(after[key], locale, words), 'after'),
    });
  }
  return out;
}

/** The name of the object an event is about: from its row (title, name, code, e-mail…) or as the API named it. */
export function objectName(
  event: AuditEvent,
  locale: Locale,
  labels: Record<string, string> = {},
): string | null {
  const row = { ...(event.before ?? {}), ...(event.after ?? {}) };
  for (const key of [`title_${locale}`, 'title_fr', 'title', `name_${locale}`, 'name', 'code', 'email']) {
    const v = row[key];
    if (typeof v === 'string' && v.trim()) return truncate(v);
    if (isPlainObject(v) && typeof v[locale] === 'string') return truncate(v[locale]);
  }
  return (event.entityId && labels[event.entityId]) || null;
}
