/**
 * What the quarterly report says, in order and in the reader's language — the one description the Word and
 * the PDF renderers both draw, so they say the same thing. Pure.
 */
import type { QuarterlyPhoto, QuarterlyReport } from '../../core/contracts/quarterly-report.js';
import { scrubStrings } from '../../core/domain/accepted-text.js';
import { formatMonthName } from '../../core/i18n/format.js';
import { localize, type Locale } from '../../core/i18n/locale.js';
import { tIn } from '../../core/i18n/t.js';
import { paragraphs, quarterSummary, runsOf } from '../../core/reports/quarterly-text.js';
import { isLanguageNeutral } from '../../core/reports/languages.js';
import { ownValue } from '../../core/lib/safe-keys.js';

export type QuarterlyBlock =
  | {
      kind: 'cover';
      programme: string;
      code: string;
      title: string;
      period: string;
      agencies: string;
      photo: QuarterlyPhoto | null;
    }
  | { kind: 'heading'; text: string; level: 1 | 2 }
  | { kind: 'text'; paragraphs: string[]; tone?: 'muted' | 'summary'; original?: Original }
  | { kind: 'figures'; rows: { theme: string; text: string; original?: Original }[] }
  | { kind: 'photos'; photos: QuarterlyPhoto[] }
  | { kind: 'list'; items: string[] };

/** `Octobre – Décembre 2023` / `October – December 2023` */
export function quarterPeriod(start: string, end: string, locale: Locale): string {
  const month = (iso: string) => formatMonthName(iso, locale);
  const cap = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);
  return `${cap(month(start))} – ${cap(month(end))} ${end.slice(0, 4)}`;
}

export { paragraphs, runsOf };

/**
 * A written text left in its original language in a document in another (docs/decisions/0020): the renderers
 * put `marker` ("[original en français]") before it and tag its runs with `lang`.
 */
export interface Original {
  lang: Locale;
  marker: string;
}

/** A written place's text in the document's language: its translation, else its original, marked. */
function textIn(
  report: QuarterlyReport,
  place: string,
  original: string | null,
  locale: Locale,
): { text: string | null; original?: Original } {
  const language = report.language ?? 'fr';
  if (!original || locale === language) return { text: original };
  const translated = ownValue(ownValue(report.translations ?? {}, locale) ?? {}, place);
  if (translated?.trim()) return { text: translated };
  if (isLanguageNeutral(original)) return { text: original };
  return {
    text: original,
    original: { lang: language, marker: tIn(language)('documents.pbfReport.original') },
  };
}

/** The report as blocks. */
export function layoutQuarterly(report: QuarterlyReport, locale: Locale): QuarterlyBlock[] {
  const say = tIn(locale);
  const blocks: QuarterlyBlock[] = [
    {
      kind: 'cover',
      programme: localize(report.programme.title, locale).toUpperCase(),
      code: report.programme.code,
      title: say('documents.quarterly.coverTitle'),
      period: quarterPeriod(report.periodStart, report.periodEnd, locale),
      agencies: report.agencies.map((a) => localize(a, locale)).join(' · '),
      photo: report.cover,
    },
  ];
  const about = textIn(report, 'fields.presentation', report.fields.presentation ?? null, locale);
  const presentation = paragraphs(about.text);
  if (presentation.length) {
    blocks.push({
      kind: 'heading',
      level: 1,
      text: say('documents.quarterly.aboutProgramme', { code: report.programme.code }),
    });
    blocks.push({
      kind: 'text',
      paragraphs: presentation,
      ...(about.original ? { original: about.original } : {}),
    });
  }
  blocks.push({ kind: 'heading', level: 1, text: say('documents.quarterly.mainResults') });
  // a theme's sentences; a written one left in its original is a row of its own, marked
  const rows: { theme: string; text: string; original?: Original }[] = [];
  for (const f of report.keyFigures) {
    const theme = localize(f.theme, locale);
    const written = f.place
      ? textIn(report, f.place, f.sentence ? (f.sentence.fr ?? null) : f.text, locale)
      : null;
    const line = f.sentence ? localize(f.sentence, locale) : written ? written.text : f.text;
    if (!line) continue;
    const original = written?.original;
    const last = rows.at(-1);
    if (last && last.theme === theme && !last.original && !original) last.text = `${last.text} ${line}`;
    else rows.push({ theme, text: line, ...(original ? { original } : {}) });
  }
  blocks.push({ kind: 'figures', rows });

  /** "Ce trimestre : 12 activités enregistrées, 340 participants dont 120 femmes et 220 hommes." */
  const summary = (o: {
    activities: number;
    participants: QuarterlyReport['outcomes'][number]['participants'];
  }): QuarterlyBlock => ({ kind: 'text', tone: 'summary', paragraphs: [quarterSummary(say, locale, o)] });
  for (const o of report.outcomes) {
    blocks.push({
      kind: 'heading',
      level: 1,
      text: say('documents.quarterly.outcomeHeading', {
        code: o.code,
        statement: localize(o.statement, locale),
      }),
    });
    blocks.push(summary(o));
    const written = textIn(report, `outcomes.${o.code}.fields.narrative`, o.narrative, locale);
    const narrative = paragraphs(written.text);
    blocks.push(
      narrative.length
        ? { kind: 'text', paragraphs: narrative, ...(written.original ? { original: written.original } : {}) }
        : {
            kind: 'text',
            tone: 'muted',
            paragraphs: [say('documents.quarterly.narrativeNotWritten')],
          },
    );
    if (o.photos.length) blocks.push({ kind: 'photos', photos: o.photos });
  }
  // the activities under no outcome (the steering committee's meeting): with the outcomes, every activity of
  // the quarter, as the dashboard counts them
  const outside = report.outsideOutcomes;
  if (outside && outside.activities > 0) {
    blocks.push({ kind: 'heading', level: 1, text: say('documents.quarterly.outsideOutcomes') });
    blocks.push(summary(outside));
  }
  const committeeText = textIn(report, 'fields.steering_committee', report.steeringCommittee.text, locale);
  const committee = paragraphs(committeeText.text);
  if (committee.length || report.steeringCommittee.photos.length) {
    blocks.push({ kind: 'heading', level: 1, text: say('documents.quarterly.steeringCommittee') });
    if (committee.length)
      blocks.push({
        kind: 'text',
        paragraphs: committee,
        ...(committeeText.original ? { original: committeeText.original } : {}),
      });
    if (report.steeringCommittee.photos.length)
      blocks.push({ kind: 'photos', photos: report.steeringCommittee.photos });
  }
  if (report.donors.length) {
    blocks.push({ kind: 'heading', level: 2, text: say('documents.quarterly.fundingPartners') });
    blocks.push({ kind: 'list', items: report.donors.map((d) => localize(d, locale)) });
  }
  const contactsText = textIn(report, 'fields.contacts', report.contacts, locale);
  const contacts = paragraphs(contactsText.text);
  if (contacts.length) {
    blocks.push({ kind: 'heading', level: 2, text: say('documents.quarterly.contacts') });
    blocks.push({
      kind: 'text',
      paragraphs: contacts,
      ...(contactsText.original ? { original: contactsText.original } : {}),
    });
  }
  // text stored before Jalon cleaned it (core/domain/accepted-text.ts) is cleaned here, for every renderer
  return scrubStrings(blocks);
}

/** A photo's caption and credit as one line: `Inauguration du forage… — © ONG AZHAR/Octobre 2023` */
export function photoLine(photo: QuarterlyPhoto, locale: Locale): string {
  const caption = photo.caption ? localize(photo.caption, locale) : '';
  return [caption, photo.credit].filter(Boolean).join(' — ');
}

/** Width and height of a JPEG, PNG or WebP from its header (for laying it out at its own proportions). */
export function imageSize(bytes: Buffer): { width: number; height: number } | null {
  if (bytes.length > 24 && bytes.readUInt32BE(0) === 0x89504e47)
    return { width: bytes.readUInt32BE(16), height: bytes.readUInt32BE(20) };
  if (bytes[0] === 0xff && bytes[1] === 0xd8) {
    let i = 2;
    while (i + 9 < bytes.length) {
      if (bytes[i] !== 0xff) return null;
      const marker = bytes[i + 1]!;
      const length = bytes.readUInt16BE(i + 2);
      // start-of-frame markers carry the size
      if (marker >= 0xc0 && marker <= 0xcf && marker !== 0xc4 && marker !== 0xc8 && marker !== 0xcc)
        return { height: bytes.readUInt16BE(i + 5), width: bytes.readUInt16BE(i + 7) };
      i += 2 + length;
    }
    return null;
  }
  if (bytes.toString('ascii', 0, 4) === 'RIFF' && bytes.toString('ascii', 8, 12) === 'WEBP') {
    const chunk = bytes.toString('ascii', 12, 16);
    if (chunk === 'VP8X') return { width: 1 + bytes.readUIntLE(24, 3), height: 1 + bytes.readUIntLE(27, 3) };
    if (chunk === 'VP8 ')
      return { width: bytes.readUInt16LE(26) & 0x3fff, height: bytes.readUInt16LE(28) & 0x3fff };
    if (chunk === 'VP8L') {
      const b = bytes.readUInt32LE(21);
      return { width: (b & 0x3fff) + 1, height: ((b >> 14) & 0x3fff) + 1 };
    }
  }
  return null;
}
