import { describe, expect, it } from 'vitest';
import { derivedFollowUp, followUpOf } from './workplan-follow-up.js';

const plan = { plannedStart: '2023-01-01', plannedEnd: '2024-12-31' };
const none = { count: 0, firstDate: null, lastDate: null };
const q4 = { count: 3, firstDate: '2023-10-05', lastDate: '2023-12-15' };

describe('the follow-up of a planned activity from the field', () => {
  it('stays planned without a field activity, even once its period is over', () => {
    expect(derivedFollowUp(plan, none, '2023-06-01')).toEqual({ status: 'planned', progress: 0 });
    expect(derivedFollowUp(plan, none, '2026-01-01')).toEqual({ status: 'planned', progress: 0 });
  });

  it('is in progress from its first field activity, as far as the last one reached into the period', () => {
    expect(derivedFollowUp(plan, q4, '2023-10-04')).toEqual({ status: 'planned', progress: 0 });
    expect(derivedFollowUp(plan, q4, '2023-10-05')).toEqual({ status: 'in_progress', progress: 38 });
    // 348 days of 730 reached on 15 December 2023
    expect(derivedFollowUp(plan, q4, '2024-01-15')).toEqual({ status: 'in_progress', progress: 48 });
    expect(derivedFollowUp({ plannedStart: null, plannedEnd: null }, q4, '2024-01-15')).toEqual({
      status: 'in_progress',
      progress: 1,
    });
    // field activities before the planned start, or after its end while it runs: 1 % and 99 % at most
    expect(
      derivedFollowUp({ plannedStart: '2024-01-01', plannedEnd: '2024-12-31' }, q4, '2024-02-01').progress,
    ).toBe(1);
  });

  it('is completed once its planned end has passed with field activities', () => {
    expect(derivedFollowUp(plan, q4, '2025-01-01')).toEqual({ status: 'completed', progress: 100 });
  });

  it('keeps what a person set until the override is cleared', () => {
    const set = { ...plan, status: 'delayed' as const, progress: 30 };
    expect(followUpOf({ ...set, setByHand: true }, q4, '2024-01-15')).toEqual({
      status: 'delayed',
      progress: 30,
      setByHand: true,
      derived: { status: 'in_progress', progress: 48 },
    });
    expect(followUpOf({ ...set, setByHand: false }, q4, '2024-01-15')).toMatchObject({
      status: 'in_progress',
      progress: 48,
      setByHand: false,
    });
  });
});
