import { fireEvent, screen } from '@testing-library/react';
import { useState } from 'react';
import { describe, expect, it } from 'vitest';
import { renderWithProviders } from '../test-utils.js';
import { DateField, isoFromTyped, typedFromIso } from './date-field.js';

describe('isoFromTyped', () => {
  it('reads a date day first, whatever the separator, and an ISO date', () => {
    expect(isoFromTyped('15/01/2024')).toBe('2024-01-15');
    expect(isoFromTyped('5-1-2024')).toBe('2024-01-05');
    expect(isoFromTyped('05.01.2024')).toBe('2024-01-05');
    expect(isoFromTyped('2024-01-15')).toBe('2024-01-15');
    expect(isoFromTyped('  ')).toBe('');
  });

  it('refuses what is not a day of the calendar', () => {
    expect(isoFromTyped('31/02/2024')).toBeNull();
    expect(isoFromTyped('15/13/2024')).toBeNull();
    expect(isoFromTyped('15/01/24')).toBeNull();
    expect(isoFromTyped('demain')).toBeNull();
  });

  it('shows an ISO date day first', () => {
    expect(typedFromIso('2024-01-15')).toBe('15/01/2024');
    expect(typedFromIso('')).toBe('');
  });
});

function Form() {
  const [date, setDate] = useState('2024-01-15');
  return (
    <>
      <DateField label="Date de début" value={date} onChange={setDate} />
      <output data-testid="kept">{date}</output>
    </>
  );
}

describe('DateField', () => {
  it('shows jj/mm/aaaa in French, keeps the ISO date, and names a date it cannot read on leaving the field', () => {
    renderWithProviders(<Form />);
    const input = screen.getByLabelText('Date de début') as HTMLInputElement;
    expect(input.value).toBe('15/01/2024');
    expect(input.placeholder).toBe('jj/mm/aaaa');
    fireEvent.change(input, { target: { value: '06/02/2024' } });
    expect(screen.getByTestId('kept').textContent).toBe('2024-02-06');
    fireEvent.change(input, { target: { value: '31/02/2024' } });
    fireEvent.blur(input);
    expect(screen.getByText(/jj\/mm\/aaaa \(par ex\. 15\/01\/2024\)/)).toBeTruthy();
    expect(screen.getByTestId('kept').textContent).toBe('2024-02-06');
  });
});
