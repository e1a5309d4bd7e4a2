/**
 * IATI baselines, targets and actuals → Jalon values (wording + structure). One Jalon value can come from
 * several IATI elements: a total and its breakdown by `dimension`, or items by location. Numbers packed into
 * comments (`<comment>350 (dont 150 femmes)</comment>` without `@value`) are read by the wording parser.
 */
import type { IndicatorInput, ValueInput } from '../../../core/contracts/programme-document.js';
import type { ValuePart, ValueSpec } from '../../../core/contracts/value-spec.js';
import {
  numericValueOf,
  packsSeveralValues,
  parseNumber,
  parseValueText,
} from '../../../core/domain/value-text.js';
import { groupOfDimensions, type Dimension } from './dimensions.js';
import { attr, kid, kids, narratives, useAll, type XNode } from './xml-tree.js';

export type Measure = NonNullable<IndicatorInput['measure']>;

export interface ValueElement {
  node: XNode;
  /** `@value` as a number */
  number?: number;
  /** `@value` as written when it is not a number */
  raw?: string;
  comment?: string;
  dimensions: Dimension[];
  locations: { ref: string; node: XNode }[];
}

/** "", "-", "–": a publisher's way of saying "no value" */
export const isBlank = (s: string | undefined) => !s || /^[-–—.\s]*$/.test(s);

function commentText(node: XNode, lang: string): string | undefined {
  const n = narratives(kid(node, 'comment'), lang);
  const chosen = n.find((x) => x.lang === 'fr') ?? n.find((x) => x.lang === 'en') ?? n[0];
  return chosen?.text;
}

/** Reads one `baseline`, `target` or `actual` element (its `@value`, comment, dimensions and locations). */
export function readValueElement(node: XNode, lang: string): ValueElement {
  const raw = attr(node, 'value');
  const out: ValueElement = { node, dimensions: [], locations: [] };
  if (raw !== undefined && !isBlank(raw)) {
    const n = /^[-+]?[\d\s.,]+$/.test(raw)
      ? parseNumber(raw.replace(/^\+/, ''), !/\.\d{1,2}$/.test(raw))
      : NaN;
    if (Number.isFinite(n)) out.number = raw.trim().startsWith('-') ? -Math.abs(n) : n;
    else out.raw = raw;
  }
  const comment = commentText(node, lang);
  if (comment !== undefined) out.comment = comment;
  for (const d of kids(node, 'dimension')) {
    const name = attr(d, 'name');
    const value = attr(d, 'value');
    if (name || value) out.dimensions.push({ name: name ?? '', value: value ?? '' });
  }
  for (const l of node.children.filter((c) => c.name === 'location')) {
    const ref = l.attrs.ref?.trim();
    if (ref) out.locations.push({ ref, node: l });
  }
  return out;
}

const fmt = (n: number) => String(Number(n.toFixed(6))).replace('.', ',');
const withUnit = (n: number, measure: Measure) => (measure === 'percent' ? `${fmt(n)}%` : fmt(n));

export interface CombinedValue {
  value: ValueInput;
  /** a comment that is not the value's own wording (kept as the reason of an actual, or in notes) */
  comment?: string;
  /** breakdowns found: the indicator is disaggregated that way */
  sex: boolean;
  age: boolean;
  category: boolean;
  /** how many elements made this value */
  elements: number;
  /** a value given only in words that pack several numbers: kept as text, never read as one number */
  packed: boolean;
}

/** The comment is the value's own wording when it reads as the same number (and the same breakdown). */
function wordingMatches(comment: string, spec: ValueSpec, partCount: number): boolean {
  const parsed = parseValueText(comment).spec;
  if (spec.kind === 'multi') return parsed.kind === 'multi' && parsed.items.length === spec.items.length;
  // a relative target ("+5% dans les zones ciblées") is published with the number it means
  if (parsed.kind === 'relative') return partCount === 0;
  const n = numericValueOf(spec);
  if (n === null || numericValueOf(parsed) === null) return false;
  if (Math.abs((numericValueOf(parsed) ?? NaN) - n) > 1e-9) return false;
  const parts = parsed.kind === 'number' || parsed.kind === 'percent' ? (parsed.parts?.length ?? 0) : 0;
  return parts >= partCount;
}

/**
 * A comment that is a wording followed by a remark, as Jalon writes them (`166 dont 42 femmes — the reason`),
 * split in two; the whole comment otherwise.
 */
export function splitRemark(comment: string): { wording: string; remark?: string } {
  const at = comment.indexOf(' — ');
  if (at <= 0 || at > 120) return { wording: comment };
  const remark = comment.slice(at + 3).trim();
  return remark ? { wording: comment.slice(0, at).trim(), remark } : { wording: comment };
}

/** The comment as the value's wording (and what follows it as a remark), when it reads as that value. */
function asWording(
  comment: string | undefined,
  spec: ValueSpec,
  partCount: number,
): { wording: string; remark?: string } | undefined {
  if (!comment || isBlank(comment)) return undefined;
  const split = splitRemark(comment);
  if (split.remark && wordingMatches(split.wording, spec, partCount)) return split;
  if (wordingMatches(comment, spec, partCount)) return { wording: comment };
  return undefined;
}

/**
 * One Jalon value from the IATI elements of one period (or the baselines of one indicator). `countryCode`: a
 * location equal to the recipient country says nothing more and is read; any other location is left unread
 * (reported) unless locations differ between elements, where they become a breakdown.
 */
export function combineValues(
  elements: ValueElement[],
  measure: Measure,
  countryCode: string,
): CombinedValue | undefined {
  const signatures = new Set(elements.map((e) => e.locations.map((l) => l.ref).join('|')));
  const byLocation = signatures.size > 1;
  for (const e of elements)
    for (const l of e.locations) if (byLocation || l.ref.toUpperCase() === countryCode) useAll(l.node);

  const items = elements
    .map((e) => ({
      ...e,
      dimensions: byLocation
        ? [...e.dimensions, ...e.locations.map((l) => ({ name: 'lieu', value: l.ref }))]
        : e.dimensions,
    }))
    .filter((e) => e.number !== undefined || e.raw !== undefined || !isBlank(e.comment));
  if (items.length === 0) return undefined;

  const packed = items.some((i) => i.number === undefined && packsSeveralValues(i.raw ?? i.comment ?? ''));
  const flags = { sex: false, age: false, category: false, elements: elements.length, packed };
  const totals = items.filter((i) => i.dimensions.length === 0);
  const broken = items.filter((i) => i.dimensions.length > 0);
  const total = totals[0];
  const extraComments = totals
    .slice(1)
    .map((t) => t.comment ?? t.raw ?? (t.number !== undefined ? fmt(t.number) : ''));

  // no breakdown: the value itself
  if (broken.length === 0 && total) {
    const comment = total.comment && !isBlank(total.comment) ? total.comment : undefined;
    const extra = extraComments.filter(Boolean).join(' ; ') || undefined;
    const join = (...xs: (string | undefined)[]) => xs.filter(Boolean).join(' ; ') || undefined;
    if (total.number !== undefined) {
      const spec: ValueSpec =
        measure === 'percent'
          ? { kind: 'percent', value: total.number }
          : { kind: 'number', value: total.number };
      const wording = asWording(comment, spec, 0);
      if (wording) {
        const rest = join(wording.remark, extra);
        return { value: wording.wording, ...(rest ? { comment: rest } : {}), ...flags };
      }
      const rest = join(comment, extra);
      return {
        value: { text: withUnit(total.number, measure), spec },
        ...(rest ? { comment: rest } : {}),
        ...flags,
      };
    }
    if (total.raw !== undefined) {
      const rest = join(comment, extra);
      return { value: total.raw, ...(rest ? { comment: rest } : {}), ...flags };
    }
    const split = splitRemark(comment ?? '');
    const rest = join(split.remark, extra);
    return { value: split.wording, ...(rest ? { comment: rest } : {}), ...flags };
  }

  // a breakdown by sex, age or anything else
  const parts: (ValuePart & { words: string })[] = [];
  const textOnly: string[] = [];
  for (const b of broken) {
    const g = groupOfDimensions(b.dimensions);
    flags.sex ||= g.sex;
    flags.age ||= g.age;
    flags.category ||= g.group === 'other' || (!g.sex && !g.age);
    if (b.number === undefined) {
      textOnly.push(`${g.label} : ${b.raw ?? b.comment ?? ''}`);
      continue;
    }
    const plain = ['femmes', 'hommes', 'filles', 'garçons'].includes(g.label);
    parts.push({
      group: g.group,
      ...(plain ? {} : { label: g.label }),
      value: b.number,
      unit: measure === 'percent' ? 'percent' : 'count',
      words: g.label,
    });
  }
  const candidate = total?.comment ?? broken[0]?.comment;
  let spec: ValueSpec;
  let text: string;
  if (total?.number !== undefined) {
    const clean = parts.map(({ words: _w, ...p }) => p);
    spec =
      measure === 'percent'
        ? { kind: 'percent', value: total.number, ...(clean.length ? { parts: clean } : {}) }
        : { kind: 'number', value: total.number, ...(clean.length ? { parts: clean } : {}) };
    const listed = [...parts.map((p) => `${withUnit(p.value, measure)} ${p.words}`), ...textOnly];
    text = `${withUnit(total.number, measure)}${listed.length ? ` (dont ${listed.join(', ')})` : ''}`;
  } else {
    spec = {
      kind: 'multi',
      items: parts.map((p) => ({
        label: p.words.replace(/;/g, ','),
        kind: measure === 'percent' ? ('percent' as const) : ('number' as const),
        value: p.value,
      })),
    };
    text = [
      ...parts.map((p) => `${p.words.replace(/;/g, ',')} : ${withUnit(p.value, measure)}`),
      ...textOnly,
    ].join(' ; ');
  }
  const wording = asWording(candidate, spec, parts.length);
  if (wording)
    return { value: wording.wording, ...(wording.remark ? { comment: wording.remark } : {}), ...flags };
  // the publisher's wording of the total ("207 dont 68 femmes") with the breakdown its dimensions give: the
  // wording as the text, the dimensions as the structure (as Jalon stores a value whose words say less)
  const total_ = total?.number !== undefined ? asWording(candidate, spec, 0) : undefined;
  if (total_ && parts.length && textOnly.length === 0)
    return {
      value: { text: total_.wording, spec },
      ...(total_.remark ? { comment: total_.remark } : {}),
      ...flags,
    };
  if (parts.length === 0) return { value: text || (candidate ?? ''), ...flags };
  const comments = [total?.comment, ...extraComments].filter((c): c is string => Boolean(c) && !isBlank(c));
  return {
    value: { text, spec },
    ...(comments.length ? { comment: comments.join(' ; ') } : {}),
    ...flags,
  };
}
