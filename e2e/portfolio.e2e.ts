/**
 * The portfolio and a programme page in a real browser against the real server and its demo data:
 * French by default, the FR/EN switch and its memory, PROSMED's results framework (version 2 in force).
 */
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import type { Framework, FrameworkTree, Indicator } from '../core/contracts/programme-api.js';
import { expandFramework } from '../core/domain/framework-answer.js';
import { e2eSuite, screenshotDir } from './support/app.js';

let page: Page;

const e2e = e2eSuite({
  setUp: async (started) => {
    page = started.page;
  },
});

const { url } = e2e;

const programmeCodes = ['PBF/MLI/A-1', 'PBF/MLI/A-2', 'PBF/MLI/A-3', 'PROSMED'];

function findIndicator(framework: FrameworkTree, code: string): Indicator | undefined {
  for (const outcome of framework.outcomes) {
    const found =
      outcome.indicators.find((indicator) => indicator.code === code) ??
      outcome.outputs.flatMap((output) => output.indicators).find((indicator) => indicator.code === code);
    if (found) return found;
  }
  return undefined;
}

describe('portfolio', () => {
  it('lists the four programmes in French', async () => {
    await page.goto(url('/'));
    await page.getByRole('heading', { level: 1, name: 'Portefeuille' }).waitFor();
    expect(await page.locator('html').getAttribute('lang')).toBe('fr');
    await page.locator('[data-testid^="programme-"]').nth(3).waitFor();
    const cards = page.locator('[data-testid^="programme-"]');
    expect(await cards.count()).toBe(4);
    // textContent, not innerText: labels are upper-cased by CSS
    const text = (await page.locator('main').textContent()) ?? '';
    for (const code of programmeCodes) expect(text).toContain(code);
    expect(text).toContain('Budget total');
    expect(text).toContain('coordinatrice');
    // French money: `3 000 000 $US` (narrow no-break spaces)
    expect(text).toMatch(/3\u202f000\u202f000\u00a0\$US/);
    await page.screenshot({ path: join(screenshotDir, 'portfolio.png'), fullPage: true });
  });

  it('switches to English in one click and remembers it after a reload', async () => {
    await page.locator('header label').filter({ hasText: 'English' }).click();
    await page.getByRole('heading', { level: 1, name: 'Portfolio' }).waitFor();
    expect(await page.locator('html').getAttribute('lang')).toBe('en');
    expect(await page.locator('main').textContent()).toContain('Total budget');

    await page.reload();
    await page.getByRole('heading', { level: 1, name: 'Portfolio' }).waitFor();
    expect(await page.locator('html').getAttribute('lang')).toBe('en');
    await page.locator('[data-testid^="programme-"]').nth(3).waitFor();
    expect(await page.locator('main').textContent()).toContain('$3,000,000');
    await page.screenshot({ path: join(screenshotDir, 'portfolio-en.png'), fullPage: true });
  });
});

describe('PROSMED', () => {
  it('opens from the portfolio and shows indicator 1.2.1 with its 2023 target of the framework in force', async () => {
    const response = await fetch(url('/api/v1/programmes/prosmed/framework?version=2'));
    const framework = expandFramework((await response.json()) as Framework);
    const indicator = findIndicator(framework, '1.2.1');
    const target2023 = indicator?.targets.find((target) => target.kind === 'annual' && target.year === 2023);
    expect(framework.inForce).toBe(true);
    expect(target2023?.value?.spec.kind).toBe('number');
    const expected = target2023?.value?.text ?? '';

    await page.getByTestId('programme-prosmed').getByRole('link').first().click();
    await page.waitForURL(/\/programmes\/prosmed$/);
    await page.getByRole('heading', { level: 1, name: /rule of law/ }).waitFor();

    // the version in force is preselected
    const selector = page.getByTestId('framework-version');
    await selector.waitFor();
    expect(await selector.inputValue()).toBe('2');

    const row = page.getByTestId('indicator-1.2.1');
    if (!(await row.isVisible())) await page.getByRole('button', { name: 'Expand all' }).click();
    await row.waitFor();
    const cell = row.locator('[data-year="2023"]');
    expect((await cell.innerText()).trim()).toBe(expected);
    expect(await cell.isVisible()).toBe(true);

    // the budget chart arrives lazily; resources and donors are there
    expect(await page.getByTestId('resources').textContent()).toContain('$32,000,000');
    await page.screenshot({ path: join(screenshotDir, 'prosmed.png'), fullPage: true });
  });

  it('shows version 1 of the framework when chosen, and comes back to the version in force', async () => {
    await page.getByTestId('framework-version').selectOption('1');
    await page.waitForURL(/version=1/);
    await page.getByTestId('framework-version-info').filter({ hasText: '21 cercles' }).waitFor();
    await page.getByTestId('framework-version').selectOption('2');
    await page.waitForURL(/\/programmes\/prosmed$/);
    await page.getByTestId('framework-version-info').filter({ hasText: '17 cercles' }).waitFor();
  });

  it('shows the programme page in French too, with a budget chart for a PBF project', async () => {
    await page.locator('header label').filter({ hasText: 'Français' }).click();
    await page.goto(url('/programmes/pbf-mli-a-3'));
    await page.getByRole('heading', { level: 2, name: 'Budget par organisation récipiendaire' }).waitFor();
    await page.locator('#budget svg').first().waitFor();
    expect(await page.getByTestId('budget-table').textContent()).toContain('$US');
    await page.screenshot({ path: join(screenshotDir, 'pbf-mli-a-3.png'), fullPage: true });
  });
});
