import { fireEvent, screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import {
  portfolio,
  type OrganisationRef,
  type ProgrammeSummary,
} from '../../core/contracts/programme-api.js';
import { LanguageSwitch } from '../components/language-switch.js';
import { ProgrammeCard } from '../features/portfolio/programme-card.js';
import { localeStorageKey } from './i18n.js';
import { renderWithProviders } from '../test-utils.js';
import {
  formatDate,
  formatMoney,
  formatMoneyCompact,
  formatPercent,
  formatPeriod,
} from '../../core/i18n/format.js';

// fr-FR groups digits with a narrow no-break space (U+202F) and puts a no-break space (U+00A0) before the unit.
const nnbsp = '\u202f';
const nbsp = '\u00a0';

describe('format', () => {
  it('writes money the French way and the English way', () => {
    expect(formatMoney(1026157.82, 'USD', 'fr')).toBe(`1${nnbsp}026${nnbsp}157,82${nbsp}$US`);
    expect(formatMoney(1026157.82, 'USD', 'en')).toBe('$1,026,157.82');
    // whole amounts drop the cents
    expect(formatMoney(32_000_000, 'USD', 'fr')).toBe(`32${nnbsp}000${nnbsp}000${nbsp}$US`);
    expect(formatMoney(32_000_000, 'USD', 'en')).toBe('$32,000,000');
    expect(formatMoneyCompact(1026157.82, 'USD', 'en')).toBe('$1.03M');
  });

  it('writes percentages given on the 0–100 scale', () => {
    expect(formatPercent(45.3, 'fr')).toBe(`45,3${nbsp}%`);
    expect(formatPercent(45.3, 'en')).toBe('45.3%');
  });

  it('writes calendar dates and the partial dates of the documents without shifting them', () => {
    expect(formatDate('2020-01-15', 'fr')).toBe('15 janv. 2020');
    expect(formatDate('2020-01-15', 'en')).toBe('Jan 15, 2020');
    expect(formatDate('2021-01-01', 'fr', 'long')).toBe('1 janvier 2021');
    expect(formatDate('2020-11', 'fr')).toBe('nov. 2020');
    expect(formatDate('2020-11', 'en')).toBe('Nov 2020');
    expect(formatDate('fin 2021', 'fr')).toBe('fin 2021');
    // a range is joined by an en dash between thin spaces (U+2009)
    expect(formatPeriod('2020-01-01', '2020-12-31', 'en')).toBe('Jan 1\u2009–\u2009Dec 31, 2020');
  });
});

const uuid = (n: number) => `00000000-0000-4000-8000-${String(n).padStart(12, '0')}`;

// PBF/MLI/A-3 as the 2020 report gives it, built to the contract and checked against it below.
const a3: ProgrammeSummary = {
  id: uuid(1),
  slug: 'pbf-mli-a-3',
  code: 'PBF/MLI/A-3',
  kind: 'project',
  title: {
    fr: "Approche intégrée pour lutter contre l'impunité",
    en: 'Integrated approach to fight impunity',
  },
  currency: 'USD',
  startDate: '2019-12-10',
  firstTransferDate: '2019-12-23',
  endDate: '2021-06-22',
  revisedEndDate: '2021-12-22',
  totalBudget: 3999999.98,
  recipients: [
    { organisation: 'UNDP', convening: false },
    { organisation: 'OHCHR', convening: true },
  ],
  budget: { source: 'stated', total: 3999999.98, lines: 0 },
  genderMarker: 'GM2',
  riskMarker: 'medium',
  indicatorCount: 17,
};
const organisations: OrganisationRef[] = [
  {
    id: uuid(2),
    code: 'UNDP',
    kind: 'un_agency',
    name: {
      fr: 'Programme des Nations Unies pour le développement',
      en: 'United Nations Development Programme',
    },
    acronym: { fr: 'PNUD', en: 'UNDP' },
  },
  {
    id: uuid(3),
    code: 'OHCHR',
    kind: 'un_agency',
    name: { fr: "Haut-Commissariat des Nations Unies aux droits de l'homme" },
    acronym: { fr: 'HCDH', en: 'OHCHR' },
  },
];

describe('a programme card in each language', () => {
  it('follows the FR/EN switch: labels, acronyms, money and dates, and remembers the choice', () => {
    // exactly the portfolio's contract: a field the contract lacks would be stripped by the parse
    expect(portfolio.parse({ items: [a3], organisations })).toEqual({ items: [a3], organisations });
    renderWithProviders(
      <>
        <LanguageSwitch />
        <ProgrammeCard programme={a3} organisations={new Map(organisations.map((o) => [o.code, o]))} />
      </>,
    );
    const card = screen.getByTestId('programme-pbf-mli-a-3');
    expect(card.textContent).toContain('Budget total');
    expect(card.textContent).toContain(`3${nnbsp}999${nnbsp}999,98${nbsp}$US`);
    expect(card.textContent).toContain('23 déc. 2019 → 22 juin 2021');
    expect(card.textContent).toContain('HCDH · coordinatrice');
    expect(card.textContent).toContain('17 indicateurs');
    expect(document.documentElement.lang).toBe('fr');

    fireEvent.click(screen.getByLabelText(/English/));

    expect(card.textContent).toContain('Total budget');
    expect(card.textContent).toContain('$3,999,999.98');
    expect(card.textContent).toContain('Dec 23, 2019 → Jun 22, 2021');
    expect(card.textContent).toContain('OHCHR · convening');
    expect(card.textContent).toContain('Integrated approach to fight impunity');
    expect(document.documentElement.lang).toBe('en');
    expect(window.localStorage.getItem(localeStorageKey)).toBe('en');
  });
});
