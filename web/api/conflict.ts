/**
 * A stale write: the server answered 409 `version_conflict` with the object as it is now. Every versioned
 * object (activities, budget lines, work-plan activities, governance items, indicator rules, accounts…) says
 * so the same way, so one helper reads it for every form.
 */
import { ApiError } from './client.js';

export interface VersionConflict<T = Record<string, unknown>> {
  /** the object as someone else saved it */
  current: T;
  /** its version now: re-sending with it means "keep mine" */
  version: number | undefined;
}

/** The 409's current state, or null when the error is anything else. */
export function versionConflictOf<T = Record<string, unknown>>(error: unknown): VersionConflict<T> | null {
  if (!(error instanceof ApiError) || error.code !== 'version_conflict') return null;
  const current = error.body?.error.current;
  if (typeof current !== 'object' || current === null) return null;
  const version = (current as { version?: unknown }).version;
  // indicator rules carry their version as ruleVersion
  const ruleVersion = (current as { ruleVersion?: unknown }).ruleVersion;
  return {
    current: current as T,
    version:
      typeof version === 'number' ? version : typeof ruleVersion === 'number' ? ruleVersion : undefined,
  };
}
