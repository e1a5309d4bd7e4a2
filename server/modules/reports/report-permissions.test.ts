/**
 * What a reader may do on a report (`permissionsOf`), by who acts: the operator at the console every right
 * the status allows, an anonymous request none, a person what their role gives.
 */
import { describe, expect, it } from 'vitest';
import { OPERATOR, type Actor, type ServiceContext } from '../../context.js';
import { permissionsOf } from './report-workflow.service.js';

const programmeId = 'p-1';
const parts = [
  { id: 'org-fao', code: 'FAO' },
  { id: 'org-wfp', code: 'WFP' },
];
const draft = { programmeId, status: 'draft' as const };
const contextOf = (actor: ServiceContext['actor']): ServiceContext => ({
  db: undefined as never, // permissionsOf reads nothing
  locale: 'fr',
  now: () => new Date('2026-11-26T12:00:00Z'),
  actor,
});
const person = (memberships: Actor['memberships']): Actor => ({
  id: 'u-1',
  email: 'fao@test.jalon',
  name: 'Aminata Traoré',
  role: 'member',
  memberships,
});

describe('permissionsOf', () => {
  it('gives the operator at the console everything a draft allows', () => {
    expect(permissionsOf(contextOf(OPERATOR), draft, [], parts, [])).toMatchObject({
      edit: true,
      editAll: true,
      editUnits: [],
      attribute: true,
      readDrafting: true,
      submit: true,
      review: true,
      comment: true,
      markParts: ['FAO', 'WFP'],
    });
  });

  it('gives an anonymous request nothing', () => {
    expect(permissionsOf(contextOf(null), draft, [], parts, [])).toMatchObject({
      edit: false,
      editAll: false,
      editUnits: [],
      attribute: false,
      readDrafting: false,
      submit: false,
      review: false,
      comment: false,
      markParts: [],
    });
  });

  it('gives a focal point the writing of the draft and the mark of their own agency only', () => {
    const fao = person([{ programmeId, role: 'focal_point', organisationId: 'org-fao' }]);
    expect(
      permissionsOf(contextOf(fao), draft, [], parts, [
        { section: 'overall', outcome: null, agencies: ['FAO'] },
      ]),
    ).toMatchObject({
      edit: true,
      submit: false,
      review: false,
      comment: true,
      markParts: ['FAO'],
    });
  });

  it('gives a member of another programme nothing', () => {
    const elsewhere = person([{ programmeId: 'p-2', role: 'coordinator', organisationId: null }]);
    expect(permissionsOf(contextOf(elsewhere), draft, [], parts, [])).toMatchObject({
      edit: false,
      submit: false,
      review: false,
      comment: false,
      markParts: [],
    });
  });
});
