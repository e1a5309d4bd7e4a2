/**
 * The workflow's writes from the editor (parts, comments), through the mutation hooks of `web/api/reports.ts`
 * (which keep the cache current): each answers the whole report, which the editor adopts — its version may
 * have moved (a part's mark is a version) while the writer's unsaved edits stay.
 */
import { useCallback, useState } from 'react';
import type { ReportDetail } from '../../../core/contracts/report.js';
import { ApiError } from '../../api/client.js';
import { useErrorMessage } from '../../components/query-state.js';
import type { ReportSaver } from './saver.js';

/** The sentence for a refused write: the shared one, and what the server named (a lock's reason, a field). */
export function useRefusalMessage(): (error: unknown) => string {
  const errorMessage = useErrorMessage();
  return useCallback(
    (error: unknown) => {
      const base = errorMessage(error);
      if (!(error instanceof ApiError) || error.issues.length === 0) return base;
      return `${base} ${error.issues.map((i) => i.message).join(' ')}`;
    },
    [errorMessage],
  );
}

export function useWorkflowWrite(saver: ReportSaver) {
  const refusal = useRefusalMessage();
  const [working, setWorking] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const run = useCallback(
    async (key: string, write: () => Promise<ReportDetail>): Promise<boolean> => {
      setWorking(key);
      setError(null);
      try {
        const next = await write();
        saver.adopt(next, { force: true });
        return true;
      } catch (e) {
        setError(refusal(e));
        return false;
      } finally {
        setWorking(null);
      }
    },
    [saver, refusal],
  );
  return { run, working, error, clearError: () => setError(null) };
}
