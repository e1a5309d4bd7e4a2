import { describe, expect, it } from 'vitest';
import type { z } from 'zod';
import { activityCreate } from '../../core/contracts/activities.js';
import { userCreate, userPatch } from '../../core/contracts/auth.js';
import { indicatorValueWrite } from '../../core/contracts/indicator-data.js';
import {
  activityTitleMax,
  closedPeriodReasonMax,
  indicatorValueReasonMax,
  personNameMax,
  reportCommentMax,
  reportTransitionReasonMax,
} from '../../core/contracts/limits.js';
import {
  closedPeriodCreate,
  closedPeriodReopen,
  commentCreate,
} from '../../core/contracts/report-workflow.js';
import { reportTransition } from '../../core/contracts/report.js';

/** the longest text `schema` accepts, searched around `limit` */
const accepts = (schema: z.ZodType, limit: number, wrap: (text: string) => unknown = (t) => t) => ({
  atLimit: schema.safeParse(wrap('x'.repeat(limit))).success,
  overLimit: schema.safeParse(wrap('x'.repeat(limit + 1))).success,
});

describe('the limits the web forms read are the contracts’ own', () => {
  it.each([
    ['userCreate.name', userCreate.shape.name, personNameMax],
    ['userPatch.name', userPatch.shape.name, personNameMax],
    ['commentCreate.body', commentCreate.shape.body, reportCommentMax],
    ['closedPeriodCreate.reason', closedPeriodCreate.shape.reason, closedPeriodReasonMax],
    ['closedPeriodReopen.reason', closedPeriodReopen.shape.reason, closedPeriodReasonMax],
    ['reportTransition.reason', reportTransition.shape.reason, reportTransitionReasonMax],
    ['indicatorValueWrite.reason', indicatorValueWrite.shape.reason, indicatorValueReasonMax],
  ] as const)('%s accepts exactly its limit', (_, schema, limit) => {
    expect(accepts(schema, limit)).toEqual({ atLimit: true, overLimit: false });
  });

  it('activity titles (French) accept exactly their limit', () => {
    expect(accepts(activityCreate.shape.title, activityTitleMax, (fr) => ({ fr }))).toEqual({
      atLimit: true,
      overLimit: false,
    });
  });

  it('no form writes a length of its own', () => {
    const sources = import.meta.glob<string>(['../**/*.{ts,tsx}', '!../dist/**'], {
      query: '?raw',
      import: 'default',
      eager: true,
    });
    expect(Object.keys(sources).length).toBeGreaterThan(50);
    const literal = Object.entries(sources)
      .filter(([, source]) => /maxLength=\{\s*\d/.test(source))
      .map(([file]) => file);
    expect(literal).toEqual([]);
  });
});
