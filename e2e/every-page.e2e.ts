/**
 * Every page of the web app (issue 19, items 3–5), in French and in English, each signed in as a person who may
 * see it, on the demo data: no sentence of the other language's catalogue on the screen (or in an accessible
 * name), no number outside the reader's format, 0 serious or critical axe-core violations (WCAG 2.1 AA), and
 * nothing wider than a 360 px screen but the data tables, which scroll inside themselves. Then the activity form
 * and the report editor filled and saved with the keyboard alone.
 *
 * The pages are the routes of web/routes.tsx (with features/dashboard/routes.tsx and features/admin/routes.tsx):
 * `pagesOf` names each with a real id of the demo data. What people typed (demo narratives, titles, notes) is
 * not judged: the catalogue detector only knows the catalogues' own sentences, and form values are not text.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, describe, expect, it } from 'vitest';
import { en } from '../core/i18n/en.js';
import { foreignDetector, misformattedNumbers as misformatted } from '../core/i18n/foreign-text.js';
import { fr } from '../core/i18n/fr.js';
import type { Locale } from '../core/i18n/locale.js';
import { e2eSuite, openPage, screenshotDir, signIn } from './support/app.js';

const axeSource = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

type Who = 'anonymous' | 'admin' | 'coordinator';
const emails: Record<Exclude<Who, 'anonymous'>, string> = {
  admin: 'admin@jalon.demo',
  coordinator: 'coordination.prosmed@jalon.demo',
};
const locales: Locale[] = ['fr', 'en'];

const contexts = new Map<string, BrowserContext>();
const pages = new Map<string, Page>();
const url = (path: string) => e2e.url(path);

/* ------------------------------------------------------------------ the other language's sentences */

// the screens' catalogues only: the server's own sentences (documents, import findings) are judged in the
// documents' walk (server/documents/documents-walk.test.ts), with the same detector
const detectors = { fr: foreignDetector([fr], [en]), en: foreignDetector([en], [fr]) };

/**
 * Sentences people wrote that the detector would take for the catalogue's: the quarterly report's key figures
 * worded by its writers, in French whatever the reader's language (the server fills them as written), e.g. "27
 * activités" around a computed number.
 */
const typedSentences: Partial<Record<Locale, Record<string, string[]>>> = {
  en: { '/programmes/:slug/quarterly': ['field.period.activitiesIn_other'] },
};

/* ------------------------------------------------------------------ numbers in the reader's format */

/**
 * Numbers people typed into the demo data as names, not quantities: UNDP's Atlas output numbers in the donors'
 * notes ("Output 126206") and Security Council resolution 1325 ("PAN R 1325").
 */
const typedNumbers = [/\bOutput \d{5,6}\b/g, /\bR ?1325\b/g];

const misformattedNumbers = (text: string, locale: Locale) => misformatted(text, locale, typedNumbers);

/* ------------------------------------------------------------------ the pages */

interface Visit {
  path: string;
  who: Who;
  /** the page's own name in the table (its route) */
  route: string;
}

interface Ids {
  programme: string;
  report: string;
  activity: string;
  indicator: string;
  user: string;
}

function pagesOf(ids: Ids): Visit[] {
  const p = ids.programme;
  const visit = (route: string, path: string, who: Who): Visit => ({ route, path, who });
  return [
    visit('/', '/', 'anonymous'),
    visit('/sign-in', '/sign-in', 'anonymous'),
    visit('/ (signed in)', '/', 'admin'),
    visit('/programmes/:slug', `/programmes/${p}`, 'admin'),
    visit('/programmes/:slug/reports', `/programmes/${p}/reports`, 'coordinator'),
    ...['overview', 'budget', 'expenditure', 'workplan', 'governance'].map((tab) =>
      visit(`/programmes/:slug/finance?tab=${tab}`, `/programmes/${p}/finance?tab=${tab}`, 'coordinator'),
    ),
    visit('/reports/:id', `/reports/${ids.report}`, 'coordinator'),
    visit('/programmes/:slug/calendar', `/programmes/${p}/calendar`, 'coordinator'),
    visit('/import', '/import', 'admin'),
    visit('/notifications', '/notifications', 'coordinator'),
    visit('/dashboard', '/dashboard', 'admin'),
    visit('/programmes/:slug/dashboard', `/programmes/${p}/dashboard`, 'admin'),
    visit('/programmes/:slug/activities', `/programmes/${p}/activities`, 'coordinator'),
    visit('/programmes/:slug/activities/new', `/programmes/${p}/activities/new`, 'coordinator'),
    visit('/outbox', '/outbox', 'coordinator'),
    visit('/programmes/:slug/import', `/programmes/${p}/import`, 'coordinator'),
    visit('/activities/:id', `/activities/${ids.activity}`, 'coordinator'),
    visit('/activities/:id/edit', `/activities/${ids.activity}/edit`, 'coordinator'),
    visit('/programmes/:slug/quarterly', `/programmes/${p}/quarterly`, 'coordinator'),
    visit('/indicators/:id', `/indicators/${ids.indicator}`, 'coordinator'),
    visit('/admin/users', '/admin/users', 'admin'),
    visit('/admin/users/:id', `/admin/users/${ids.user}`, 'admin'),
    visit('/account/password', '/account/password', 'coordinator'),
    visit('/programmes/:slug/audit', `/programmes/${p}/audit`, 'coordinator'),
    visit('/due', '/due', 'coordinator'),
    visit('* (not found)', '/no-such-page', 'anonymous'),
  ];
}

async function pageFor(who: Who, locale: Locale): Promise<Page> {
  const name = `${who}/${locale}`;
  const known = pages.get(name);
  if (known) return known;
  const context = await e2e.browser.newContext({
    viewport: { width: 1280, height: 900 },
    locale: locale === 'fr' ? 'fr-FR' : 'en-US',
    // axe-core goes in as a script tag, which the server's Content-Security-Policy (script-src 'self') refuses
    bypassCSP: true,
  });
  await context.addInitScript((chosen) => {
    window.localStorage.setItem('jalon.locale', chosen);
  }, locale);
  const page = await context.newPage();
  if (who !== 'anonymous') await signIn(page, e2e.server, emails[who]);
  contexts.set(name, context);
  pages.set(name, page);
  return page;
}

/** Opens a page and waits until it has drawn its heading and every request is answered. */
async function open(page: Page, path: string): Promise<void> {
  await openPage(page, url(path));
  await page
    .locator('.mantine-Loader-root, [aria-busy="true"]')
    .first()
    .waitFor({ state: 'hidden', timeout: 15_000 })
    .catch(() => {});
}

/** The page's text and every accessible name or hint written in attributes. */
function textOf(page: Page): Promise<{ text: string; pieces: string[] }> {
  return page.evaluate(() => {
    const pieces: string[] = [];
    const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
    // words marked in another language (`lang`: the language switch's "English") are that language's by design
    const page = document.documentElement.lang;
    const ownLanguage = (element: Element | null) =>
      (element?.closest('[lang]')?.getAttribute('lang') ?? page) === page;
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      const parent = node.parentElement;
      if (!parent || parent.tagName === 'SCRIPT' || parent.tagName === 'STYLE' || !ownLanguage(parent))
        continue;
      if (node.textContent?.trim()) pieces.push(node.textContent);
    }
    for (const element of document.body.querySelectorAll('[aria-label],[title],[placeholder],[alt]')) {
      if (!ownLanguage(element)) continue;
      for (const name of ['aria-label', 'title', 'placeholder', 'alt']) {
        const value = element.getAttribute(name);
        if (value) pieces.push(value);
      }
    }
    return { text: document.body.innerText, pieces };
  });
}

interface AxeViolation {
  id: string;
  impact: string | null;
  help: string;
  nodes: { target: string[]; failureSummary?: string }[];
}

async function axeViolations(page: Page): Promise<AxeViolation[]> {
  if (!(await page.evaluate(() => 'axe' in window))) await page.addScriptTag({ content: axeSource });
  return page.evaluate(async () => {
    const axe = (
      window as unknown as {
        axe: { run: (c: unknown, o: unknown) => Promise<{ violations: AxeViolation[] }> };
      }
    ).axe;
    const result = await axe.run(document, {
      runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] },
      resultTypes: ['violations'],
    });
    return result.violations.map((v) => ({
      id: v.id,
      impact: v.impact,
      help: v.help,
      nodes: v.nodes.slice(0, 5).map((n) => ({ target: n.target, failureSummary: n.failureSummary })),
    }));
  });
}

/** At 360 px: how wide the document is, and the widest elements outside any scrolling container. */
async function narrowOverflow(page: Page): Promise<{ width: number; culprits: string[] }> {
  await page.setViewportSize({ width: 360, height: 800 });
  await page.waitForFunction(() => window.innerWidth === 360);
  // charts and the map redraw at their new width a moment after the resize: wait for it, then measure
  await page
    .waitForFunction(() => document.documentElement.scrollWidth <= 360, undefined, { timeout: 3_000 })
    .catch(() => {});
  const result = await page.evaluate(() => {
    const width = document.documentElement.scrollWidth;
    const culprits: string[] = [];
    if (width > 360) {
      const scrolls = (e: Element) => {
        for (let p: Element | null = e.parentElement; p && p !== document.body; p = p.parentElement) {
          const style = getComputedStyle(p);
          if (['auto', 'scroll', 'hidden', 'clip'].includes(style.overflowX)) return true;
        }
        return false;
      };
      for (const element of document.body.querySelectorAll('*')) {
        const box = element.getBoundingClientRect();
        if (box.right > 361 && box.width > 0 && !scrolls(element)) {
          const name = `${element.tagName.toLowerCase()}${element.id ? `#${element.id}` : ''}${
            typeof element.className === 'string' && element.className
              ? `.${element.className.trim().split(/\s+/).slice(0, 2).join('.')}`
              : ''
          }`;
          culprits.push(`${name} (right ${Math.round(box.right)})`);
        }
      }
    }
    return { width, culprits: culprits.slice(0, 8) };
  });
  await page.setViewportSize({ width: 1280, height: 900 });
  return result;
}

interface PageResult {
  locale: Locale;
  route: string;
  who: Who;
  foreign: string[];
  numbers: string[];
  axe: { serious: number; critical: number; moderate: number; minor: number; details: string[] };
  width360: number;
  culprits: string[];
}

const results: PageResult[] = [];
let ids: Ids;

// its own contexts (pageFor: axe-core's script needs them to bypass the CSP), one a person and language
const e2e = e2eSuite({
  context: false,
  setUp: async () => {
    const coordinator = await pageFor('coordinator', 'fr');
    const admin = await pageFor('admin', 'fr');
    const read = async <T>(page: Page, path: string) =>
      (await (await page.request.get(url(path))).json()) as T;
    const programme = 'prosmed';
    const reportList = (
      await read<{ items: { id: string; status: string }[] }>(
        coordinator,
        `/api/v1/programmes/${programme}/reports`,
      )
    ).items;
    const report = reportList.find((r) => r.status === 'draft') ?? reportList[0]!;
    const activityList = (
      await read<{ items: { id: string }[] }>(coordinator, `/api/v1/programmes/${programme}/activities`)
    ).items;
    const framework = await read<{
      outcomes: { indicators: { id: string }[]; outputs: { indicators: { id: string }[] }[] }[];
    }>(coordinator, `/api/v1/programmes/${programme}/framework`);
    const indicator = framework.outcomes.flatMap((o) => [
      ...o.outputs.flatMap((x) => x.indicators),
      ...o.indicators,
    ])[0]!;
    const userList = (await read<{ items: { id: string; email: string }[] }>(admin, '/api/v1/users')).items;
    ids = {
      programme,
      report: report.id,
      activity: activityList[0]!.id,
      indicator: indicator.id,
      user: userList.find((u) => u.email === emails.coordinator)!.id,
    };
  },
  timeoutMs: 600_000,
});

afterAll(async () => {
  for (const context of contexts.values()) await context.close();
});

describe('every page, in French and in English', () => {
  it('has detectors that can fail', () => {
    expect(detectors.fr.find(['Open the programme', 'Appui technique au pôle économique'])).toEqual([
      'portfolio.open: «Open the programme»',
    ]);
    expect(
      detectors.en.find(['Ouvrir le programme PROSMED', 'Output 126206 (PROSMED) — TRAC 1 PNUD']),
    ).toHaveLength(1);
    expect(misformattedNumbers('Cible 4000 ; 12300 ; 1,000 ; 2 330 ; en 2024 ; 1.2.3', 'fr')).toHaveLength(3);
    expect(misformattedNumbers('Target 2,330; 12,5 %; 4000', 'en')).toHaveLength(2);
  });

  it('walks every page: no foreign sentence, numbers in the locale, axe clean, 360 px wide', async () => {
    for (const locale of locales) {
      for (const visit of pagesOf(ids)) {
        const page = await pageFor(visit.who, locale);
        await open(page, visit.path);
        const { text, pieces } = await textOf(page);
        const typed = typedSentences[locale]?.[visit.route] ?? [];
        const foreign = detectors[locale]
          .find(pieces)
          .filter((hit) => !typed.some((key) => hit.startsWith(`${key}:`)));
        const numbers = misformattedNumbers(text, locale);
        const violations = await axeViolations(page);
        const count = (impact: string) => violations.filter((v) => v.impact === impact).length;
        const details = violations
          .filter((v) => v.impact === 'serious' || v.impact === 'critical')
          .map(
            (v) =>
              `${v.impact} ${v.id} (${v.help}): ${v.nodes.map((n) => n.target.join(' ')).join(' | ')} — ${
                v.nodes[0]?.failureSummary?.replace(/\s+/g, ' ').slice(0, 240) ?? ''
              }`,
          );
        const narrow = await narrowOverflow(page);
        const result: PageResult = {
          locale,
          route: visit.route,
          who: visit.who,
          foreign,
          numbers,
          axe: {
            critical: count('critical'),
            serious: count('serious'),
            moderate: count('moderate'),
            minor: count('minor'),
            details,
          },
          width360: narrow.width,
          culprits: narrow.culprits,
        };
        results.push(result);
        console.log(
          `${locale} ${visit.route} (${visit.who}): axe critical ${result.axe.critical}, serious ${result.axe.serious}, moderate ${result.axe.moderate}, minor ${result.axe.minor}; foreign ${foreign.length}; numbers ${numbers.length}; 360 px → ${narrow.width}`,
        );
        for (const line of [...foreign, ...numbers, ...details, ...narrow.culprits])
          console.log(`    ${line}`);
      }
    }
    writeFileSync(join(screenshotDir, 'every-page.json'), JSON.stringify(results, null, 2));
    const failures = results.filter(
      (r) => r.foreign.length || r.numbers.length || r.axe.serious || r.axe.critical || r.width360 > 360,
    );
    expect(failures.map((r) => `${r.locale} ${r.route}`)).toEqual([]);
    expect(results).toHaveLength(2 * pagesOf(ids).length);
  }, 900_000);
});

/* ------------------------------------------------------------------ keyboard only */

interface Focused {
  tag: string;
  label: string;
  readOnly: boolean;
}

/** What has the focus: its tag and the name a screen reader would read (aria-label, its label, its text). */
function focused(page: Page): Promise<Focused> {
  return page.evaluate(() => {
    const element = document.activeElement as HTMLElement | null;
    if (!element) return { tag: '', label: '', readOnly: false };
    const byIds = (ids: string | null) =>
      (ids ?? '')
        .split(/\s+/)
        .map((id) => document.getElementById(id)?.innerText ?? '')
        .join(' ');
    const labels = (element as HTMLInputElement).labels;
    const label =
      element.getAttribute('aria-label') ??
      (labels && labels.length > 0 ? labels[0]!.innerText : null) ??
      (element.getAttribute('aria-labelledby') ? byIds(element.getAttribute('aria-labelledby')) : null) ??
      element.innerText;
    return {
      tag: element.tagName,
      label: label.replace(/\s+/g, ' ').trim(),
      readOnly: (element as HTMLInputElement).readOnly === true || element.hasAttribute('disabled'),
    };
  });
}

/** Presses Tab until the focus is on what `wanted` accepts; fails after `max` presses. */
async function tabTo(page: Page, wanted: (f: Focused) => boolean, what: string, max = 150): Promise<Focused> {
  for (let i = 0; i < max; i++) {
    await page.keyboard.press('Tab');
    const now = await focused(page);
    if (wanted(now)) return now;
  }
  throw new Error(`${what}: not reached with ${max} presses of Tab`);
}
const labelled = (start: string) => (f: Focused) => f.label.startsWith(start);

describe('keyboard only', () => {
  it('records an activity with the keyboard alone', async () => {
    const page = await pageFor('coordinator', 'fr');
    await open(page, `/programmes/${ids.programme}/activities/new`);
    await tabTo(page, labelled('Intitulé (français)'), 'the French title');
    await page.keyboard.type('Causerie menée au clavier');
    await tabTo(page, labelled('Date de début'), 'the start date');
    await page.keyboard.type('06/02/2024');
    await tabTo(page, labelled('Ajouter un lieu'), 'the place search');
    await page.keyboard.type('djenne');
    await page.getByRole('option', { name: /Djenné — Cercle/ }).waitFor();
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('Enter');
    await page
      .getByText(/Djenné/)
      .first()
      .waitFor();
    await tabTo(
      page,
      (f) => f.tag === 'SELECT' && f.label.startsWith('Ajouter une catégorie'),
      'the category',
    );
    await page.keyboard.type('Membres des');
    const women = 'Membres des communautés — Femmes — 18–35 ans (jeunes)';
    await page.getByLabel(women).waitFor();
    await tabTo(page, labelled(women), 'the count of young women');
    await page.keyboard.type('12');
    await tabTo(page, (f) => f.tag === 'BUTTON' && f.label === 'Enregistrer', 'the save button');
    await page.keyboard.press('Enter');
    await page
      .getByRole('heading', { level: 1, name: 'Causerie menée au clavier' })
      .waitFor({ timeout: 30_000 });
    await page.getByRole('heading', { name: 'Participants — 12' }).waitFor();
  });

  it('writes in the report editor with the keyboard alone, and it is saved', async () => {
    const page = await pageFor('coordinator', 'fr');
    await open(page, `/reports/${ids.report}`);
    const field = await tabTo(page, (f) => f.tag === 'TEXTAREA' && !f.readOnly, 'a text of the report');
    await page.keyboard.press('Control+End');
    await page.keyboard.type(' Saisi au clavier.');
    // the editor saves by itself a moment after the last key: the server then holds the words typed
    await page.locator('[data-testid="save-status"]:not([data-status="saved"])').waitFor({ timeout: 15_000 });
    await page.locator('[data-testid="save-status"][data-status="saved"]').waitFor({ timeout: 30_000 });
    const saved = await (await page.request.get(url(`/api/v1/reports/${ids.report}`))).text();
    expect(saved).toContain('Saisi au clavier.');
    expect(field.label).not.toBe('');
  });
});
