/**
 * Places in a report's content, addressed by path, and the three-way merge that lets two people edit one
 * report at once: a change to a place nobody else changed since the writer's version is applied; a place
 * both changed is a conflict, returned with both values.
 *
 * Paths: `fields.<fieldId>`, `outcomes.<code>.rating`, `outcomes.<code>.fields.<fieldId>`,
 * `indicators.<code>.progress|reason|included` (codes may contain dots: `indicators.1.1.2.progress`).
 * A place's text in another language: `translations.<language>.<place>` (`translations.en.fields.overall_status`,
 * `translations.en.indicators.1.1.2.reason`); the report's language: `language`; a language it must also be
 * delivered in: `wanted.<language>` (true or false). docs/decisions/0020.
 * No segment may name the prototype (`__proto__`, `constructor`, `prototype`: core/lib/safe-keys.ts):
 * such a path is not a place, and setAt refuses it even when built by hand.
 */
import type { FieldValue, ReportContent } from '../contracts/report.js';
import { isLocale, type Locale } from '../i18n/locale.js';
import { assertSafeKey, forbiddenSegment, ownValue } from '../lib/safe-keys.js';

/** A place whose text can be translated: a field of Parts I–IV, or a Part V progress or reason cell. */
export type TextPlacePath =
  | { kind: 'field'; field: string }
  | { kind: 'outcome_field'; outcome: string; field: string }
  | { kind: 'indicator'; indicator: string; column: 'progress' | 'reason' };

export type ContentPath =
  | { kind: 'field'; field: string }
  | { kind: 'outcome_rating'; outcome: string }
  | { kind: 'outcome_field'; outcome: string; field: string }
  | { kind: 'indicator'; indicator: string; column: 'progress' | 'reason' | 'included' }
  /** `place` is the place's own path (`fields.overall_status`), the key of `translations[language]` */
  | { kind: 'translation'; language: Locale; place: string; of: TextPlacePath }
  | { kind: 'language' }
  | { kind: 'wanted'; language: Locale };

/** A translatable place's path (`fields.x`, `outcomes.1.fields.x`, `indicators.1.1.progress`), else undefined. */
export function parseTextPlace(path: string): TextPlacePath | undefined {
  const parsed = parseContentPath(path);
  if (!parsed) return undefined;
  if (parsed.kind === 'field' || parsed.kind === 'outcome_field') return parsed;
  if (parsed.kind === 'indicator' && parsed.column !== 'included')
    return { kind: 'indicator', indicator: parsed.indicator, column: parsed.column };
  return undefined;
}

/** Reads a path; undefined when it is not a well-formed path, or when a segment names the prototype. */
export function parseContentPath(path: string): ContentPath | undefined {
  if (forbiddenSegment(path) !== undefined) return undefined;
  if (path === 'language') return { kind: 'language' };
  let t = path.match(/^wanted\.([a-z]+)$/);
  if (t && isLocale(t[1])) return { kind: 'wanted', language: t[1] };
  t = path.match(/^translations\.([a-z]+)\.(.+)$/);
  if (t) {
    const of = isLocale(t[1]) ? parseTextPlace(t[2]!) : undefined;
    return of && isLocale(t[1]) ? { kind: 'translation', language: t[1], place: t[2]!, of } : undefined;
  }
  let m = path.match(/^fields\.([a-z][a-z0-9_]*)$/);
  if (m) return { kind: 'field', field: m[1]! };
  m = path.match(/^outcomes\.([^.]+(?:\.[^.]+)*?)\.rating$/);
  if (m) return { kind: 'outcome_rating', outcome: m[1]! };
  m = path.match(/^outcomes\.([^.]+(?:\.[^.]+)*?)\.fields\.([a-z][a-z0-9_]*)$/);
  if (m) return { kind: 'outcome_field', outcome: m[1]!, field: m[2]! };
  m = path.match(/^indicators\.(.+)\.(progress|reason|included)$/);
  if (m) return { kind: 'indicator', indicator: m[1]!, column: m[2] as 'progress' | 'reason' | 'included' };
  return undefined;
}

export function getAt(content: ReportContent, path: ContentPath): FieldValue {
  // own properties only: `constructor` is not a field, whatever Object.prototype holds
  switch (path.kind) {
    case 'field':
      return ownValue(content.fields, path.field) ?? null;
    case 'outcome_rating':
      return ownValue(content.outcomes, path.outcome)?.rating ?? null;
    case 'outcome_field': {
      const outcome = ownValue(content.outcomes, path.outcome);
      return (outcome && ownValue(outcome.fields, path.field)) ?? null;
    }
    case 'indicator': {
      const row = ownValue(content.indicators, path.indicator);
      if (path.column === 'included') return row?.included ?? true;
      return row?.[path.column] ?? null;
    }
    case 'translation': {
      const texts = ownValue(content.translations, path.language);
      return (texts && ownValue(texts, path.place)) ?? null;
    }
    case 'language':
      return content.language;
    case 'wanted':
      return content.wanted.includes(path.language);
  }
}

/** The keys of `path` that index objects: each one is refused when it names the prototype. */
const keysOf = (path: ContentPath): string[] => {
  switch (path.kind) {
    case 'field':
      return [path.field];
    case 'outcome_rating':
      return [path.outcome];
    case 'outcome_field':
      return [path.outcome, path.field];
    case 'indicator':
      return [path.indicator];
    case 'translation':
      return [path.place, ...keysOf(path.of)];
    case 'language':
    case 'wanted':
      return [];
  }
};

/** A copy of `record` with `value` as its own property `key` (a checked key: never through a prototype). */
const withKey = <T>(record: Readonly<Record<string, T>>, key: string, value: T): Record<string, T> => {
  const next = { ...record };
  Object.defineProperty(next, assertSafeKey(key), {
    value,
    writable: true,
    enumerable: true,
    configurable: true,
  });
  return next;
};

/**
 * A copy of `content` with `value` at `path`, sharing every part it does not touch: an edit in Part I leaves
 * `outcomes` and `indicators` as they were (the editor does not redraw them at each keystroke). Neither
 * `content` nor any part of it is changed. Throws UnsafeKeyError for a key naming the prototype.
 */
export function setAt(content: ReportContent, path: ContentPath, value: FieldValue): ReportContent {
  for (const key of keysOf(path)) assertSafeKey(key);
  switch (path.kind) {
    case 'field':
      return { ...content, fields: withKey(content.fields, path.field, value) };
    case 'outcome_rating':
    case 'outcome_field': {
      const before = ownValue(content.outcomes, path.outcome) ?? { rating: null, fields: {} };
      const outcome =
        path.kind === 'outcome_rating'
          ? { ...before, rating: value as ReportContent['outcomes'][string]['rating'] }
          : { ...before, fields: withKey(before.fields, path.field, value) };
      return { ...content, outcomes: withKey(content.outcomes, path.outcome, outcome) };
    }
    case 'indicator': {
      const before = ownValue(content.indicators, path.indicator) ?? {
        progress: null,
        reason: null,
        included: true,
      };
      const row =
        path.column === 'included'
          ? { ...before, included: value !== false }
          : { ...before, [path.column]: typeof value === 'string' ? value : null };
      return { ...content, indicators: withKey(content.indicators, path.indicator, row) };
    }
    case 'translation': {
      // an emptied translation is no translation: the place counts as not translated again
      const before = ownValue(content.translations, path.language) ?? {};
      const texts =
        typeof value === 'string' && value.trim() !== ''
          ? withKey(before, path.place, value)
          : withoutKey(before, path.place);
      // a translation written (or confirmed) is no longer the one its fingerprint was taken for: the server
      // records the original it now translates (stampTranslations); until then it counts as current
      const stamps = content.translatedFrom && ownValue(content.translatedFrom, path.language);
      return {
        ...content,
        translations: { ...content.translations, [path.language]: texts },
        ...(stamps && ownValue(stamps, path.place) !== undefined
          ? {
              translatedFrom: {
                ...content.translatedFrom,
                [path.language]: withoutKey(stamps, path.place),
              },
            }
          : {}),
      };
    }
    case 'language':
      return isLocale(value) ? { ...content, language: value } : content;
    case 'wanted': {
      const others = content.wanted.filter((l) => l !== path.language);
      return { ...content, wanted: value === true ? [...others, path.language] : others };
    }
  }
}

/** A copy of `record` without its own property `key`. */
const withoutKey = <T>(record: Readonly<Record<string, T>>, key: string): Record<string, T> =>
  Object.fromEntries(Object.entries(record).filter(([k]) => k !== key));

const same = (a: FieldValue, b: FieldValue) => JSON.stringify(a) === JSON.stringify(b);

export interface MergeResult {
  content: ReportContent;
  conflicts: { path: string; mine: FieldValue; theirs: FieldValue }[];
}

/**
 * Applies `changes` made from `base` onto `current`. A change conflicts when `current` differs from `base`
 * at that place (someone else changed it) and from the change itself. A path naming the prototype throws
 * (UnsafeKeyError) before anything is applied.
 */
export function mergeChanges(
  base: ReportContent,
  current: ReportContent,
  changes: { path: ContentPath; raw: string; value: FieldValue }[],
): MergeResult {
  for (const change of changes) for (const key of keysOf(change.path)) assertSafeKey(key);
  let content = current;
  const conflicts: MergeResult['conflicts'] = [];
  for (const change of changes) {
    const theirs = getAt(current, change.path);
    if (!same(theirs, getAt(base, change.path)) && !same(theirs, change.value)) {
      conflicts.push({ path: change.raw, mine: change.value, theirs });
      continue;
    }
    content = setAt(content, change.path, change.value);
  }
  return { content, conflicts };
}
