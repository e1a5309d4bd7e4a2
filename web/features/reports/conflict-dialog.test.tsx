import { fireEvent, screen, within } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import { renderWithProviders } from '../../test-utils.js';
import { ConflictDialog } from './conflict-dialog.js';
import { findTemplate } from '../../../core/reports/templates/registry.js';
import { reportFixture } from './test-fixture.js';

const template = findTemplate('pbf-progress', '2020')!;
const conflict = {
  report: reportFixture(),
  conflicts: [
    { path: 'fields.overall_status', mine: 'Ma version du texte.', theirs: 'La version d’Awa.' },
    { path: 'outcomes.1.rating', mine: 'off_track', theirs: 'on_track' },
    { path: 'fields.final_evaluation_budget', mine: 120_000, theirs: null },
  ],
};

describe('conflict dialog', () => {
  it('shows each clashing place with both versions, in words', () => {
    renderWithProviders(
      <ConflictDialog conflict={conflict} template={template} currency="USD" onResolve={() => {}} />,
    );
    const dialog = within(screen.getByTestId('conflict-dialog'));
    const first = within(screen.getByTestId('conflict-fields.overall_status'));
    expect(first.getByText(/^Partie 1 : Progrès global du projet › Expliquer brièvement/)).toBeTruthy();
    expect(first.getByTestId('conflict-mine').textContent).toBe('Ma version du texte.');
    expect(first.getByTestId('conflict-theirs').textContent).toBe('La version d’Awa.');
    // a rating by its label, an amount as money, nothing as "(vide)"
    const rating = within(screen.getByTestId('conflict-outcomes.1.rating'));
    expect(rating.getByText(/Résultat 1 › Veuillez évaluer/)).toBeTruthy();
    expect(rating.getByTestId('conflict-mine').textContent).toBe('Pas sur la bonne voie');
    expect(rating.getByTestId('conflict-theirs').textContent).toBe('Sur la bonne voie');
    const budget = within(screen.getByTestId('conflict-fields.final_evaluation_budget'));
    expect(budget.getByTestId('conflict-mine').textContent).toBe('120\u202f000\u00a0$US');
    expect(budget.getByTestId('conflict-theirs').textContent).toBe('(vide)');
    expect(dialog.getByText(/choisissez, pour chacun, la version à garder/)).toBeTruthy();
  });

  it('asks for a choice at every place before applying, then gives them', () => {
    const onResolve = vi.fn();
    renderWithProviders(
      <ConflictDialog conflict={conflict} template={template} currency="USD" onResolve={onResolve} />,
    );
    fireEvent.click(screen.getByRole('button', { name: 'Appliquer mes choix' }));
    expect(onResolve).not.toHaveBeenCalled();
    expect(screen.getByRole('alert').textContent).toBe('Choisissez une version pour chaque passage.');

    const pick = (path: string, label: string) =>
      fireEvent.click(within(screen.getByTestId(`conflict-${path}`)).getByLabelText(label));
    pick('fields.overall_status', 'Garder la mienne');
    pick('outcomes.1.rating', 'Garder la leur');
    pick('fields.final_evaluation_budget', 'Garder la mienne');
    fireEvent.click(screen.getByRole('button', { name: 'Appliquer mes choix' }));
    expect(onResolve).toHaveBeenCalledWith({
      'fields.overall_status': 'mine',
      'outcomes.1.rating': 'theirs',
      'fields.final_evaluation_budget': 'mine',
    });
  });

  it('keeps all of theirs in one click', () => {
    const onResolve = vi.fn();
    renderWithProviders(
      <ConflictDialog conflict={conflict} template={template} currency="USD" onResolve={onResolve} />,
    );
    fireEvent.click(screen.getByRole('button', { name: 'Garder toutes les leurs' }));
    expect(onResolve).toHaveBeenCalledWith({
      'fields.overall_status': 'theirs',
      'outcomes.1.rating': 'theirs',
      'fields.final_evaluation_budget': 'theirs',
    });
  });
});
