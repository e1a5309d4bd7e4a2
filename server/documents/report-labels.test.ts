/** Formatting of the report documents' derived values, per language, through Intl. */
import { describe, expect, it } from 'vitest';
import type { ReportHeader } from '../../core/contracts/report.js';
import {
  formatDate,
  formatEndDate,
  formatFocusArea,
  formatGenderMarker,
  formatMoney,
  formatPercent,
  formatRecipients,
  formatRiskMarker,
  formatYesNo,
  priorityWindowChecks,
  recipientBudgets,
  trustFundChecks,
} from './report-labels.js';
import { textParagraphs } from './report-layout.js';

const header: ReportHeader = {
  country: 'ML',
  gatewayId: '00119645',
  fundCode: 'PBF/MLI/A-1',
  trustFund: { kind: 'country', name: 'Fonds Mali' },
  recipients: [
    { code: 'WFP', acronym: { fr: 'PAM', en: 'WFP' }, kind: 'un_agency', convening: true, budget: 1200000 },
    { code: 'INTERPEACE', acronym: { fr: 'Interpeace' }, kind: 'non_un', convening: false, budget: null },
  ],
  totalBudget: 3000000,
  firstTransferDate: '2020-01-15',
  endDate: '2022-07-15',
  durationMonths: 30,
  priorityWindows: ['youth'],
  genderBudgetAllocated: 1072749.17,
  genderMarker: { code: 'GM1', text: 'GEN 1' },
  riskMarker: { level: 'high', text: '2' },
  focusArea: {
    code: '2.3',
    label: { fr: 'Prévention/gestion des conflits', en: 'Conflict prevention/management' },
  },
};

describe('report labels', () => {
  it('writes money, percentages and dates the French and the English way', () => {
    expect(formatMoney(1026157.82, 'fr')).toBe('1\u202f026\u202f157,82\u00a0$US');
    expect(formatMoney(1026157.82, 'en')).toBe('$1,026,157.82');
    expect(formatMoney(74000, 'fr')).toBe('74\u202f000,00\u00a0$US');
    expect(formatMoney(1500, 'en', 'EUR')).toBe('€1,500.00');
    expect(formatPercent(18, 'fr')).toBe('18\u00a0%');
    expect(formatPercent(37.5, 'en')).toBe('37.5%');
    expect(formatDate('2020-01-15', 'fr')).toBe('15 janvier 2020');
    expect(formatDate('2020-01-15', 'en')).toBe('January 15, 2020');
    expect(formatDate('2021-06', 'fr')).toBe('juin 2021');
    expect(formatEndDate(header, 'fr')).toBe('15 juillet 2022 (30 mois)');
    expect(formatEndDate(header, 'en')).toBe('July 15, 2022 (30 months)');
  });

  it('writes the header facts from the programme, in both languages', () => {
    expect(formatYesNo(true, 'fr')).toBe('Oui');
    expect(formatYesNo(false, 'en')).toBe('No');
    expect(formatYesNo(null, 'fr')).toBe('Non renseigné');
    expect(formatRecipients(header, 'fr')).toEqual(['PAM (RUNO, agence coordinatrice)', 'Interpeace (NUNO)']);
    expect(formatRecipients(header, 'en')).toEqual(['WFP (RUNO, convening agency)', 'Interpeace (NUNO)']);
    expect(recipientBudgets(header, 'en', 'USD')).toEqual({
      rows: [
        ['WFP', '$1,200,000.00'],
        ['Interpeace', '—'],
      ],
      total: ['Total', '$3,000,000.00'],
    });
    expect(formatGenderMarker(header, 'fr')).toBe('GM1 (GEN 1)');
    expect(formatGenderMarker({ ...header, genderMarker: { code: 'GM2', text: 'GM2' } }, 'fr')).toBe('GM2');
    expect(formatRiskMarker(header, 'fr')).toBe('Élevé (2)');
    expect(formatRiskMarker({ ...header, riskMarker: { level: 'medium', text: 'Moyen' } }, 'fr')).toBe(
      'Moyen',
    );
    // the French name of the level says nothing more in English: no French word left unmarked (issue 18)
    expect(formatRiskMarker({ ...header, riskMarker: { level: 'medium', text: 'Moyen' } }, 'en')).toBe(
      'Medium',
    );
    expect(formatRiskMarker({ ...header, riskMarker: { level: 'medium', text: '2' } }, 'en')).toBe(
      'Medium (2)',
    );
    expect(formatFocusArea(header, 'fr')).toBe('(2.3) Prévention/gestion des conflits');
    expect(formatFocusArea(header, 'en')).toBe('(2.3) Conflict prevention/management');
    expect(priorityWindowChecks(header, 'en').map((c) => c.checked)).toEqual([false, true, false, false]);
    expect(trustFundChecks(header, 'fr')).toEqual([
      { checked: true, text: 'Fonds fiduciaire pays' },
      { checked: false, text: 'Fonds fiduciaire régional' },
    ]);
  });

  it('splits a written text into paragraphs, lines starting with "· " or "- " as bullets', () => {
    expect(
      textParagraphs('Premier.\n\n· Finaliser les TdR.\n- Démarrer l’enquête.\n-5% de violences\n  '),
    ).toEqual([
      { kind: 'para', runs: [{ text: 'Premier.' }] },
      { kind: 'para', runs: [{ text: 'Finaliser les TdR.' }], bullet: true },
      { kind: 'para', runs: [{ text: 'Démarrer l’enquête.' }], bullet: true },
      { kind: 'para', runs: [{ text: '-5% de violences' }] },
    ]);
    expect(textParagraphs(null)).toEqual([]);
  });
});
