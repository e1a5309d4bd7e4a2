import { describe, expect, it } from 'vitest';
import { numbersIn } from './charts.js';

describe('dashboard charts', () => {
  it('write their axes and tooltips as the reader’s language writes numbers', () => {
    const fr = numbersIn('fr');
    expect(fr.valueAxis.axisLabel.formatter(1200)).toBe('1\u202f200');
    expect(fr.tooltip.valueFormatter(12300)).toBe('12\u202f300');
    expect(numbersIn('en').valueAxis.axisLabel.formatter(1200)).toBe('1,200');
  });
});
