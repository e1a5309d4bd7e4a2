/**
 * Places in a report's content, addressed by path, and the three-way merge that lets two people edit one
 * report at once: a change to a place nobody else changed since the writer's version is applied; a place
 * both changed is a conflict, returned with both values.
 *
 * Paths: `fields.<fieldId>`, `outcomes.<code>.rating`, `outcomes.<code>.fields.<fieldId>`,
 * `indicators.<code>.progress|reason|included` (codes may contain dots: `indicators.1.1.2.progress`).
 */
import type { FieldValue, ReportContent } from '../contracts/report.js';

export type ContentPath =
  | { kind: 'field'; field: string }
  | { kind: 'outcome_rating'; outcome: string }
  | { kind: 'outcome_field'; outcome: string; field: string }
  | { kind: 'indicator'; indicator: string; column: 'progress' | 'reason' | 'included' };

/** Reads a path; undefined when it is not a well-formed path. */
export function parseContentPath(path: string): ContentPath | undefined {
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
  switch (path.kind) {
    case 'field':
      return content.fields[path.field] ?? null;
    case 'outcome_rating':
      return content.outcomes[path.outcome]?.rating ?? null;
    case 'outcome_field':
      return content.outcomes[path.outcome]?.fields[path.field] ?? null;
    case 'indicator': {
      const row = content.indicators[path.indicator];
      if (path.column === 'included') return row?.included ?? true;
      return row?.[path.column] ?? null;
    }
  }
}

/** A copy of `content` with `value` at `path`. */
export function setAt(content: ReportContent, path: ContentPath, value: FieldValue): ReportContent {
  const next: ReportContent = structuredClone(content);
  switch (path.kind) {
    case 'field':
      next.fields[path.field] = value;
      break;
    case 'outcome_rating': {
      const o = (next.outcomes[path.outcome] ??= { rating: null, fields: {} });
      o.rating = value as ReportContent['outcomes'][string]['rating'];
      break;
    }
    case 'outcome_field': {
      const o = (next.outcomes[path.outcome] ??= { rating: null, fields: {} });
      o.fields[path.field] = value;
      break;
    }
    case 'indicator': {
      const row = (next.indicators[path.indicator] ??= { progress: null, reason: null, included: true });
      if (path.column === 'included') row.included = value !== false;
      else row[path.column] = typeof value === 'string' ? value : null;
      break;
    }
  }
  return next;
}

const same = (a: FieldValue, b: FieldValue) => JSON.stringify(a) === JSON.stringify(b);

export interface MergeResult {
  content: ReportContent;
  conflicts: { path: string; mine: FieldValue; theirs: FieldValue }[];
}

/**
 * Applies `changes` made from `base` onto `current`. A change conflicts when `current` differs from `base`
 * at that place (someone else changed it) and from the change itself.
 */
export function mergeChanges(
  base: ReportContent,
  current: ReportContent,
  changes: { path: ContentPath; raw: string; value: FieldValue }[],
): MergeResult {
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
