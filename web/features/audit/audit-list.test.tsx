/** The change history reads as sentences: field, before → after, never a JSON dump. */
import { screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import type { AuditEvent } from '../../../core/contracts/audit.js';
import { renderWithProviders } from '../../test-utils.js';
import { AuditEventView } from './audit-list.js';
import { changesOf } from '../../lib/changes.js';

const words = { empty: '—', yes: 'Oui', no: 'Non' };
const at = '2026-03-14T09:30:00.000Z';

const indicatorUpdate: AuditEvent = {
  id: 42,
  at,
  actor: { id: '5d0c5a4e-0000-4000-8000-000000000001', label: 'coordination.a1@jalon.demo' },
  action: 'update',
  entity: 'indicators',
  entityId: '9b1f4f52-0000-4000-8000-000000000002',
  before: {
    title_fr: 'Nombre de comités de paix',
    baseline: { text: '12 comités', spec: { kind: 'number', value: 12 } },
    cumulative: false,
  },
  after: {
    title_fr: 'Nombre de comités de paix fonctionnels',
    baseline: { text: '14 comités', spec: { kind: 'number', value: 14 } },
    cumulative: true,
  },
};

const reportUpdate: AuditEvent = {
  id: 43,
  at,
  actor: { id: null, label: 'fao.a1@jalon.demo' },
  action: 'update',
  entity: 'reports',
  entityId: 'c0a80101-0000-4000-8000-000000000003',
  before: {
    content: {
      fields: { overall_status: 'Le projet avance.', gender: 'Texte inchangé' },
      indicators: { '1.1.1': { progress: '40 %' } },
    },
    status: 'draft',
  },
  after: {
    content: {
      fields: { overall_status: 'Le projet avance bien à Mopti.', gender: 'Texte inchangé' },
      indicators: { '1.1.1': { progress: '55 %' } },
    },
    status: 'submitted',
  },
};

const membershipInsert: AuditEvent = {
  id: 44,
  at,
  actor: { id: null, label: 'admin@jalon.demo' },
  action: 'insert',
  entity: 'memberships',
  entityId: 'd0a80101-0000-4000-8000-000000000004',
  before: null,
  after: {
    id: 'd0a80101-0000-4000-8000-000000000004',
    user_id: '5d0c5a4e-0000-4000-8000-000000000001',
    programme_id: '6e0c5a4e-0000-4000-8000-000000000005',
    role: 'focal_point',
    organisation_id: null,
    created_at: '2026-03-14T09:30:00.000Z',
  },
};

describe('an audit event in words', () => {
  it('gives each changed field with its value before and after, values as written', () => {
    expect(changesOf(indicatorUpdate, 'fr', words)).toEqual([
      {
        field: 'Titre (FR)',
        before: 'Nombre de comités de paix',
        after: 'Nombre de comités de paix fonctionnels',
      },
      { field: 'Référence', before: '12 comités', after: '14 comités' },
      { field: 'Cumulatif', before: 'Non', after: 'Oui' },
    ]);
  });

  it('opens a JSON column to the place that changed (a report’s content), and leaves the rest out', () => {
    const changes = changesOf(reportUpdate, 'fr', words);
    expect(changes).toEqual([
      {
        field: 'Contenu › fields › overall_status',
        before: 'Le projet avance.',
        after: 'Le projet avance bien à Mopti.',
      },
      { field: 'Contenu › indicators › 1.1.1 › progress', before: '40 %', after: '55 %' },
      { field: 'Statut', before: 'brouillon', after: 'soumis' },
    ]);
    for (const c of changes) expect(`${c.before} ${c.after}`).not.toMatch(/[{}"]/);
  });

  it('says what a creation was made with, without bookkeeping nor links to other rows', () => {
    expect(changesOf(membershipInsert, 'en', words)).toEqual([
      { field: 'Role', before: null, after: 'focal point' },
    ]);
  });

  it('names the rows a creation points to when the API named them, and sums up big structures', () => {
    const labels = {
      '5d0c5a4e-0000-4000-8000-000000000001': 'Awa Diallo',
      '6e0c5a4e-0000-4000-8000-000000000005': 'PBF/MLI/A-1',
    };
    expect(changesOf(membershipInsert, 'fr', { ...words, labels })).toEqual([
      { field: 'Compte', before: null, after: 'Awa Diallo' },
      { field: 'Programme', before: null, after: 'PBF/MLI/A-1' },
      { field: 'Rôle', before: null, after: 'point focal' },
    ]);
    const approval: AuditEvent = {
      ...reportUpdate,
      before: { frozen_model: null },
      after: {
        frozen_model: { type: 'annual', year: 2020, header: { country: 'ML', fundCode: 'PBF/MLI/A-1' } },
      },
    };
    expect(changesOf(approval, 'fr', { ...words, fields: (n) => `${n} champs` })).toEqual([
      {
        field: 'Modèle figé (à l’approbation)',
        before: '—',
        after: 'Type : annual ; Année : 2020 ; Header : 2 champs',
      },
    ]);
  });

  it('shows who, what and when, and before → after per field', () => {
    renderWithProviders(<AuditEventView event={indicatorUpdate} />);
    const event = within(screen.getByTestId('audit-event'));
    expect(event.getByText('coordination.a1@jalon.demo')).toBeTruthy();
    expect(event.getByText('a modifié')).toBeTruthy();
    expect(event.getByText(/^Indicateur « Nombre de comités de paix fonctionnels »/)).toBeTruthy();
    expect(event.getByText('14 mars 2026, 09:30', { exact: false })).toBeTruthy();
    const rows = screen.getAllByTestId('audit-change').map((r) => r.textContent);
    expect(rows).toEqual([
      'Titre (FR)Nombre de comités de paixNombre de comités de paix fonctionnels',
      'Référence12 comités14 comités',
      'CumulatifNonOui',
    ]);
    expect(screen.getByTestId('audit-event').textContent).not.toMatch(/[{}"]/);
  });

  it('in English', () => {
    renderWithProviders(<AuditEventView event={reportUpdate} />, { locale: 'en' });
    const event = within(screen.getByTestId('audit-event'));
    expect(event.getByText('changed')).toBeTruthy();
    expect(event.getByText('Before')).toBeTruthy();
    expect(event.getByText('Content › fields › overall_status')).toBeTruthy();
  });
});
