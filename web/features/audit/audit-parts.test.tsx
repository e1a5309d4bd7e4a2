/**
 * Changes of an object's parts (an activity's participants, places and indicators; a value's source) read as
 * sentences: the total of participants before → after, then each group, place or link by its natural key, in
 * the reader's words — never a JSON dump.
 */
import { screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import type { AuditEvent } from '../../../core/contracts/audit.js';
import { renderWithProviders } from '../../test-utils.js';
import { AuditEventView } from './audit-list.js';
import { changesOf } from '../../lib/changes.js';

const words = {
  empty: '—',
  yes: 'Oui',
  no: 'Non',
  labels: { 'ML-4.SEGOU': 'Ségou', 'ML-5.MOPTI': 'Mopti' },
};
const women = 'community_members|female|age_18_35|';
const men = 'community_members|male|age_18_35|ML-4.SEGOU';

const activityUpdate: AuditEvent = {
  id: 7,
  at: '2026-03-14T09:30:00.000Z',
  actor: { id: null, label: 'pnud.prosmed@jalon.demo' },
  action: 'update',
  entity: 'activities',
  entityId: 'a0a80101-0000-4000-8000-000000000001',
  before: {
    participants: { [women]: 1011 },
    places: { 'ML-5.MOPTI': { order: 1 } },
    indicators: {},
  },
  after: {
    participants: { [women]: 700, [men]: 77 },
    places: { 'ML-4.SEGOU': { note: 'Markala', order: 1 }, 'ML-5.MOPTI': { order: 2 } },
    indicators: { '2.1.3': true },
  },
};

describe("an object's parts in the history", () => {
  it('gives the participants in total and by group, places by name and indicator links by code', () => {
    expect(changesOf(activityUpdate, 'fr', words)).toEqual([
      { field: 'Participants (total)', before: '1011', after: '777' },
      {
        field: 'Participants › Membres des communautés · Femmes · 18–35 ans',
        before: '1011',
        after: '700',
      },
      {
        field: 'Participants › Membres des communautés · Hommes · 18–35 ans · Ségou',
        before: '—',
        after: '77',
      },
      { field: 'Lieux › Mopti', before: 'Ordre : 1', after: 'Ordre : 2' },
      { field: 'Lieux › Ségou', before: '—', after: 'Note : Markala ; Ordre : 1' },
      { field: 'Indicateurs servis › 2.1.3', before: '—', after: 'Oui' },
    ]);
  });

  it('in English, and for a creation what it was made with', () => {
    const creation: AuditEvent = {
      ...activityUpdate,
      action: 'insert',
      before: null,
      after: { title_fr: 'Causerie', ...activityUpdate.before },
    };
    expect(changesOf(creation, 'en', { ...words, yes: 'Yes', no: 'No' })).toEqual([
      { field: 'Title (FR)', before: null, after: 'Causerie' },
      { field: 'Participants (total)', before: null, after: '1011' },
      { field: 'Participants › Community members · Women · 18–35', before: null, after: '1011' },
      { field: 'Places › Mopti', before: null, after: 'Order : 1' },
    ]);
  });

  it("reads a value's source field by field", () => {
    const source: AuditEvent = {
      ...activityUpdate,
      entity: 'indicator_values',
      before: { source: { note: 'Registre de la mairie', entered_by: 'Awa' } },
      after: { source: { note: 'Registre du cercle', entered_by: 'Awa' } },
    };
    expect(changesOf(source, 'fr', words)).toEqual([
      { field: 'Source › Note', before: 'Registre de la mairie', after: 'Registre du cercle' },
    ]);
  });

  it('shows them without braces or codes', () => {
    renderWithProviders(<AuditEventView event={activityUpdate} labels={words.labels} />);
    const rows = screen.getAllByTestId('audit-change').map((r) => r.textContent);
    expect(rows[0]).toBe('Participants (total)1011777');
    expect(screen.getByTestId('audit-event').textContent).not.toMatch(/[{}"|]|community_members/);
  });
});
