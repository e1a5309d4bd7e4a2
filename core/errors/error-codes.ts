/**
 * The schema of every error response (for the API's description and its answers). The codes and their HTTP
 * statuses are plain data in ./error-status.ts, re-exported here.
 */
import { z } from 'zod';
import { errorCodes, type ErrorCode } from './error-status.js';

// the statuses are plain data of their own (./error-status.ts): what needs no schema does not load Zod
export { errorCodes, errorStatus, type ErrorCode, type ErrorIssue } from './error-status.js';

export const errorIssue = z.object({
  /** where in the input: `body.targets.2023.text`, `params.slug` */
  path: z.string(),
  message: z.string(),
});

/** The body of every error response. */
export const errorBody = z
  .object({
    error: z.object({
      code: z.enum(errorCodes as [ErrorCode, ...ErrorCode[]]),
      message: z.string(),
      issues: z.array(errorIssue).optional(),
      /** for version_conflict: the current state, so the client can merge or reload */
      current: z.unknown().optional(),
    }),
  })
  .meta({ id: 'ErrorBody' });
export type ErrorBody = z.infer<typeof errorBody>;
